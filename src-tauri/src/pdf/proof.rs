//! The proof (校样) variant: a diagonal watermark naming the round, under the text. The line
//! numbers in the margin come with the pages (the layout sets them, `LayoutOptions`).

use printpdf::{Codepoint, Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::resources::{FontIds, PROOF_ROLE, cmyk};
use crate::fonts::FontSet;
use crate::layout::{FontMetrics, LaidOutIssue};

const WATERMARK_SIZE_PT: f32 = 110.0;
const ROUND_SIZE_PT: f32 = 36.0;

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
