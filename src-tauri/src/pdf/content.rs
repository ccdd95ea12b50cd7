//! A page's items as PDF operators. The layout measures from the page's top-left corner with
//! y growing downward; PDF measures from the bottom-left with y growing upward.

use printpdf::{
    Codepoint, Color, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix, TextRenderingMode,
};

use super::resources::{FontIds, Inks};
use crate::error::{AppError, ErrorCode};
use crate::fonts::FontSet;
use crate::layout::{GlyphRun, Item, Page};

/// Stroke width of synthetic bold, as a fraction of the font size: enough to read as bold in
/// 仿宋/楷体 without filling the counters of dense characters.
const SYNTHETIC_BOLD_STROKE: f32 = 0.03;

pub fn page_ops(
    ops: &mut Vec<Op>,
    page: &Page,
    page_height_pt: f32,
    fonts: &FontSet,
    font_ids: &FontIds,
    inks: &Inks,
) -> Result<(), AppError> {
    for item in &page.items {
        match item {
            Item::Text(run) => text_run(ops, run, page_height_pt, fonts, font_ids, &inks.color(run.ink))?,
            Item::Rule { x1_pt, y1_pt, x2_pt, y2_pt, width_pt, ink } => {
                let from = Point { x: Pt(*x1_pt), y: Pt(page_height_pt - y1_pt) };
                let to = Point { x: Pt(*x2_pt), y: Pt(page_height_pt - y2_pt) };
                rule(ops, from, to, *width_pt, inks.color(*ink));
            }
            Item::Image { .. } => {
                return Err(AppError::invalid(
                    "本期含有图片，当前版本还不能把图片导出到 PDF。请暂时删除图片后再导出。",
                ));
            }
        }
    }
    Ok(())
}

/// Draws a run glyph by glyph at the x the layout chose. printpdf joins consecutive glyphs
/// on one baseline into a single `TJ` whose offsets reproduce these positions, so text
/// extraction sees one line of text.
pub fn text_run(
    ops: &mut Vec<Op>,
    run: &GlyphRun,
    page_height_pt: f32,
    fonts: &FontSet,
    font_ids: &FontIds,
    color: &Color,
) -> Result<(), AppError> {
    if run.glyphs.is_empty() {
        return Ok(());
    }
    let y = page_height_pt - run.baseline_y_pt;
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: color.clone() });
    if run.synthetic_bold {
        ops.push(Op::SetOutlineColor { col: color.clone() });
        ops.push(Op::SetOutlineThickness { pt: Pt(run.size_pt * SYNTHETIC_BOLD_STROKE) });
        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
    }
    let mut current_font = None;
    for glyph in &run.glyphs {
        let font_id = font_ids.get(&glyph.font).ok_or_else(|| missing_font(glyph.font.0))?;
        // A char no font has (reported by the layout as a missing glyph) is left out rather
        // than drawn as an empty box.
        let Some(gid) = fonts.font(glyph.font).glyph_id(glyph.ch) else {
            continue;
        };
        if current_font != Some(glyph.font) {
            ops.push(Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(run.size_pt) });
            current_font = Some(glyph.font);
        }
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(glyph.x_pt), Pt(y)) });
        // `cid` carries the text ToUnicode maps the glyph back to.
        let codepoint = Codepoint { gid, offset: 0.0, cid: Some(glyph.ch.to_string()) };
        ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![codepoint])] });
    }
    ops.push(Op::EndTextSection);
    ops.push(Op::RestoreGraphicsState);
    Ok(())
}

pub fn rule(ops: &mut Vec<Op>, from: Point, to: Point, width_pt: f32, color: Color) {
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::SetOutlineColor { col: color });
    ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
    let points = [from, to].map(|p| LinePoint { p, bezier: false }).to_vec();
    ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
    ops.push(Op::RestoreGraphicsState);
}

fn missing_font(key: u16) -> AppError {
    AppError::new(ErrorCode::Internal, format!("排版结果引用了未登记的字体 {key}"))
}
