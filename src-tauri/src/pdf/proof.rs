//! The proof (校样) variant: a diagonal watermark naming the round, under the text, and line
//! numbers in the binding margin, so that proofreaders can cite "page 3, line 12".

use printpdf::{Codepoint, Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::resources::{FontIds, PROOF_ROLE, cmyk};
use crate::fonts::FontSet;
use crate::layout::{FontMetrics, Item, LaidOutIssue, Page};

const WATERMARK_SIZE_PT: f32 = 110.0;
const ROUND_SIZE_PT: f32 = 36.0;
const LINE_NUMBER_SIZE_PT: f32 = 8.0;
/// Right edge of the line numbers: 20 mm from the left edge, inside the 28 mm binding margin.
const LINE_NUMBER_RIGHT_PT: f32 = 20.0 * 72.0 / 25.4;

/// `校样` across the page centre at 45°, `第N轮` under it, in a light grey that does not hide
/// the text drawn over it.
pub fn watermark(ops: &mut Vec<Op>, issue: &LaidOutIssue, fonts: &FontSet, font_ids: &FontIds, round: u8) {
    let centre = (issue.page_width_pt / 2.0, issue.page_height_pt / 2.0);
    let angle = std::f32::consts::FRAC_PI_4;
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: cmyk(0.0, 0.0, 0.0, 0.12) });
    // Offsets perpendicular to the baseline, so the round sits under the big word.
    rotated_line(ops, fonts, font_ids, "校样", WATERMARK_SIZE_PT, centre, angle, 0.0);
    let round_text = format!("第{round}轮");
    rotated_line(ops, fonts, font_ids, &round_text, ROUND_SIZE_PT, centre, angle, -WATERMARK_SIZE_PT * 0.8);
    ops.push(Op::EndTextSection);
    ops.push(Op::RestoreGraphicsState);
}

/// One centred line of text on a baseline through `centre` turned by `angle`, moved `shift`
/// points along the baseline's normal.
#[allow(clippy::too_many_arguments, reason = "a drawing primitive: each argument is one geometric input")]
fn rotated_line(
    ops: &mut Vec<Op>,
    fonts: &FontSet,
    font_ids: &FontIds,
    text: &str,
    size: f32,
    centre: (f32, f32),
    angle: f32,
    shift: f32,
) {
    let key = fonts.role_font(PROOF_ROLE);
    let Some(font_id) = font_ids.get(&key) else { return };
    let font = fonts.font(key);
    let width: f32 = text.chars().map(|ch| fonts.advance_em(key, ch) * size).sum();
    let (sin, cos) = angle.sin_cos();
    let mut along = -width / 2.0;
    ops.push(Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(size) });
    for ch in text.chars() {
        let x = centre.0 + along * cos - shift * sin;
        let y = centre.1 + along * sin + shift * cos;
        along += fonts.advance_em(key, ch) * size;
        let Some(gid) = font.glyph_id(ch) else { continue };
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw([cos, sin, -sin, cos, x, y]) });
        let codepoint = Codepoint { gid, offset: 0.0, cid: Some(ch.to_string()) };
        ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![codepoint])] });
    }
}

/// Numbers every text line of the page from the top, right-aligned in the binding margin.
pub fn line_numbers(
    ops: &mut Vec<Op>,
    page: &Page,
    page_height_pt: f32,
    fonts: &FontSet,
    font_ids: &FontIds,
) {
    let key = fonts.role_font(PROOF_ROLE);
    let Some(font_id) = font_ids.get(&key) else { return };
    let mut baselines: Vec<f32> = page
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) if !run.glyphs.is_empty() => Some(run.baseline_y_pt),
            _ => None,
        })
        .collect();
    baselines.sort_by(f32::total_cmp);
    // Runs on one baseline (a line set in two fonts or sizes) are one line.
    baselines.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    ops.push(Op::SaveGraphicsState);
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFillColor { col: cmyk(0.0, 0.0, 0.0, 0.6) });
    ops.push(Op::SetFont { font: PdfFontHandle::External(font_id.clone()), size: Pt(LINE_NUMBER_SIZE_PT) });
    let font = fonts.font(key);
    for (index, baseline) in baselines.iter().enumerate() {
        let label = (index + 1).to_string();
        let width: f32 = label.chars().map(|ch| fonts.advance_em(key, ch) * LINE_NUMBER_SIZE_PT).sum();
        let mut x = LINE_NUMBER_RIGHT_PT - width;
        for ch in label.chars() {
            if let Some(gid) = font.glyph_id(ch) {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(x), Pt(page_height_pt - baseline)),
                });
                let codepoint = Codepoint { gid, offset: 0.0, cid: Some(ch.to_string()) };
                ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![codepoint])] });
            }
            x += fonts.advance_em(key, ch) * LINE_NUMBER_SIZE_PT;
        }
    }
    ops.push(Op::EndTextSection);
    ops.push(Op::RestoreGraphicsState);
}
