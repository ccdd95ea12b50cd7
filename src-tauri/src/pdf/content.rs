//! A page's items as PDF operators. The layout measures from the page's top-left corner with
//! y growing downward; PDF measures from the bottom-left with y growing upward.

use printpdf::{
    Codepoint, Color, DictItem, Line, LinePoint, Op, PdfFontHandle, Point, Pt, TextItem, TextMatrix,
    TextRenderingMode,
};

use super::images::ImageIds;
use super::resources::{FontIds, Inks};
use crate::error::{AppError, ErrorCode};
use crate::fonts::FontSet;
use crate::layout::{FontMetrics, GlyphRun, Item, Page, SYNTHETIC_BOLD_STROKE_EM};

pub fn page_ops(
    ops: &mut Vec<Op>,
    page: &Page,
    page_height_pt: f32,
    fonts: &FontSet,
    font_ids: &FontIds,
    image_ids: &ImageIds,
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
            Item::Image { src, x_pt, y_pt, width_pt, height_pt } => {
                let id = image_ids
                    .get(src)
                    .ok_or_else(|| AppError::new(ErrorCode::Internal, "排版结果中的图片未登记".to_owned()))?;
                super::images::draw(ops, id, *x_pt, page_height_pt - y_pt, *width_pt, *height_pt);
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
        ops.push(Op::SetOutlineThickness { pt: Pt(run.size_pt * SYNTHETIC_BOLD_STROKE_EM) });
        ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::FillStroke });
    }
    let mut current_font = None;
    let mut span_end = None;
    for (index, glyph) in run.glyphs.iter().enumerate() {
        let font_id = font_ids.get(&glyph.font).ok_or_else(|| missing_font(glyph.font.0))?;
        if span_end.is_none() && overlaps_next(run, index, fonts) {
            let end = (index + 1..run.glyphs.len()).find(|&i| !overlaps_next(run, i, fonts)).unwrap_or(index);
            let text: String = run.glyphs[index..=end].iter().map(|g| g.ch).collect();
            ops.push(actual_text_span(&text));
            span_end = Some(end);
        }
        // A char no font has (reported by the layout as a missing glyph) is left out rather
        // than drawn as an empty box.
        if let Some(gid) = fonts.font(glyph.font).glyph_id(glyph.ch) {
            if current_font != Some(glyph.font) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id.clone()),
                    size: Pt(run.size_pt),
                });
                current_font = Some(glyph.font);
            }
            ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(glyph.x_pt), Pt(y)) });
            // `cid` carries the text ToUnicode maps the glyph back to.
            let codepoint = Codepoint { gid, offset: 0.0, cid: Some(glyph.ch.to_string()) };
            ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![codepoint])] });
        }
        if span_end == Some(index) {
            ops.push(Op::EndMarkedContent);
            span_end = None;
        }
    }
    ops.push(Op::EndTextSection);
    ops.push(Op::RestoreGraphicsState);
    Ok(())
}

/// Whether the next glyph starts well inside this one's advance.
///
/// Compressed punctuation (GB/T 15834, W3C clreq §3.1.6: `），` takes 1.5 em) overlaps its
/// neighbour's advance. Text extractors build character boxes from the advances and split
/// overlapping boxes into separate words and lines (poppler at 0.2 em of overlap), so such
/// glyphs are wrapped in an `/ActualText` span (ISO 32000 §14.9.4), which extractors read as
/// one piece of text over the span's whole box.
fn overlaps_next(run: &GlyphRun, index: usize, fonts: &FontSet) -> bool {
    let glyph = &run.glyphs[index];
    let Some(next) = run.glyphs.get(index + 1) else { return false };
    let end = glyph.x_pt + fonts.advance_em(glyph.font, glyph.ch) * run.size_pt;
    end - next.x_pt > OVERLAP_TOLERANCE_EM * run.size_pt
}

/// Overlap below this (the layout's grid pitch is a little under the font's em) does not
/// split words in extractors.
const OVERLAP_TOLERANCE_EM: f32 = 0.1;

fn actual_text_span(text: &str) -> Op {
    let mut utf16 = vec![0xFE, 0xFF];
    utf16.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let text = DictItem::String { data: utf16, literal: false };
    let properties = DictItem::Dict { map: [("ActualText".to_owned(), text)].into_iter().collect() };
    Op::BeginMarkedContentWithProperties { tag: "Span".into(), properties }
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
