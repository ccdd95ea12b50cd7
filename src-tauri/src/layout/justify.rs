//! One broken line → glyph positions: squeeze or stretch it to the measure, or align it.

use std::ops::Range;

use super::linebreak::line_end_trim;
use super::shape::Glyph;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Justified to both edges; the last line of a paragraph flush left.
    Justify,
    Left,
    Center,
    Right,
}

/// A glyph at its place: `x` is where it is drawn, in points from the text block's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetGlyph {
    pub index: usize,
    pub x: f32,
    /// Right edge of its box (for invariant checks and line ends).
    pub box_end: f32,
}

/// Positions the glyphs of `range` in a measure of `width` starting at `left`.
///
/// Justification (W3C clreq §3.8 "Line adjustment"): a line too long for the measure (after
/// 先挤进) has its punctuation compressed evenly towards ½ em; a short one is widened by
/// spreading the remaining space evenly over the gaps between characters, never inside a
/// Latin word, a number, `——` or `……`. The last line of a paragraph stays flush left
/// (GB/T 9704-2012 §7.3.3: 回行顶格). A line-end closing mark takes ½ em.
pub fn set_line(
    glyphs: &[Glyph],
    range: Range<usize>,
    left: f32,
    width: f32,
    align: Align,
    last: bool,
) -> Vec<SetGlyph> {
    let line = &glyphs[range.clone()];
    let mut widths: Vec<f32> = line.iter().map(|g| g.width).collect();
    if let (Some(w), Some(g)) = (widths.last_mut(), line.last()) {
        *w -= line_end_trim(g);
    }
    let mut gaps: Vec<f32> =
        line.iter().enumerate().map(|(i, g)| if i > 0 { g.space_before } else { 0.0 }).collect();
    let natural: f32 = widths.iter().sum::<f32>() + gaps.iter().sum::<f32>();
    let mut extra_per_gap = 0.0;
    let mut shift = 0.0;
    if natural > width {
        squeeze(line, &mut widths, &mut gaps, natural - width);
    } else {
        let slack = width - natural;
        match (align, last) {
            (Align::Justify, false) => {
                let slack = widen_cjk_latin_spacing(line, &mut gaps, slack);
                let stretchable = line.iter().skip(1).filter(|g| g.stretch_before).count();
                if stretchable > 0 {
                    extra_per_gap = slack / stretchable as f32;
                }
            }
            (Align::Justify | Align::Left, _) => {}
            (Align::Center, _) => shift = slack / 2.0,
            (Align::Right, _) => shift = slack,
        }
    }
    let mut x = left + shift;
    let mut set = Vec::with_capacity(line.len());
    for (i, g) in line.iter().enumerate() {
        if i > 0 {
            x += gaps[i] + if g.stretch_before { extra_per_gap } else { 0.0 };
        }
        set.push(SetGlyph { index: range.start + i, x: g.draw_x(x, widths[i]), box_end: x + widths[i] });
        x += widths[i];
    }
    set
}

/// A loose line's slack goes first into the ¼-em spacing between Han and Latin or digits, up
/// to ½ em each, and only the rest between every character (JIS X 4051 §8.4 expansion order,
/// W3C jlreq §3.8.3 table 6: "1/4–1/2" between ideographs and Western characters), so that a
/// number pushed to the next line does not open up every gap of the line. Returns what is left.
fn widen_cjk_latin_spacing(line: &[Glyph], gaps: &mut [f32], slack: f32) -> f32 {
    let widenable: Vec<usize> =
        (1..line.len()).filter(|&i| line[i].min_space_before < line[i].space_before).collect();
    let Some(&first) = widenable.first() else { return slack };
    let per_gap = (slack / widenable.len() as f32).min(line[first].space_before);
    for &i in &widenable {
        gaps[i] += per_gap;
    }
    slack - per_gap * widenable.len() as f32
}

/// Takes `excess` points out of the line's compressible punctuation and CJK-Latin spacing, in
/// proportion to what each can give (W3C clreq §3.8, 先挤进; jlreq §3.8.2 for the spacing).
fn squeeze(line: &[Glyph], widths: &mut [f32], gaps: &mut [f32], excess: f32) {
    let mark_room = line.iter().zip(widths.iter()).map(|(g, w)| (w - g.min_width).max(0.0));
    let gap_room = line.iter().zip(gaps.iter()).skip(1).map(|(g, gap)| (gap - g.min_space_before).max(0.0));
    let room: f32 = mark_room.sum::<f32>() + gap_room.sum::<f32>();
    if room <= 0.0 {
        return;
    }
    let ratio = (excess / room).min(1.0);
    for (g, w) in line.iter().zip(widths.iter_mut()) {
        *w -= (*w - g.min_width).max(0.0) * ratio;
    }
    for (g, gap) in line.iter().zip(gaps.iter_mut()).skip(1) {
        *gap -= (*gap - g.min_space_before).max(0.0) * ratio;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CompressionStyle;
    use crate::layout::linebreak::break_lines;
    use crate::layout::shape::shape;
    use crate::layout::test_metrics::{TestMetrics, body_style};

    fn set(text: &str, cells: f32, align: Align) -> (Vec<Glyph>, Vec<Vec<SetGlyph>>) {
        let g = shape(&[(text, 0)], &[body_style()], CompressionStyle::FullWidth, &TestMetrics).glyphs;
        let width = cells * body_style().cell_pt;
        let lines = break_lines(&g, |_| width);
        let count = lines.len();
        let set = lines
            .into_iter()
            .enumerate()
            .map(|(i, r)| set_line(&g, r, 0.0, width, align, i + 1 == count))
            .collect();
        (g, set)
    }

    #[test]
    fn justified_line_ends_on_the_right_edge() {
        let (_, lines) = set("融入2025年度一要点六计划，及时汇报", 10.0, Align::Justify);
        let edge = 10.0 * body_style().cell_pt;
        let end = lines[0].last().expect("non-empty").box_end;
        assert!((end - edge).abs() < 0.01, "line 1 ends at {end}, edge {edge}");
    }

    #[test]
    fn last_line_is_flush_left_not_stretched() {
        let (_, lines) = set("一二三四五六", 4.0, Align::Justify);
        let last = &lines[1];
        assert_eq!(last[0].x, 0.0);
        assert!((last[1].x - body_style().cell_pt).abs() < 1e-3, "natural spacing on the last line");
    }

    #[test]
    fn line_end_punctuation_takes_half_an_em() {
        let (_, lines) = set("一二三，四五", 3.5, Align::Left);
        let first = &lines[0];
        let end = first.last().expect("non-empty").box_end;
        assert!((end - 3.5 * body_style().cell_pt).abs() < 1e-3, "三 + ½-em comma end the line");
    }

    #[test]
    fn squeezed_line_compresses_its_punctuation_to_fit() {
        let (_, lines) = set("一，二三，四五", 4.0, Align::Justify);
        let end = lines[0].last().expect("non-empty").box_end;
        assert!((end - 4.0 * body_style().cell_pt).abs() < 0.01, "squeezed line ends at {end}");
    }

    #[test]
    fn centred_and_right_aligned_lines_share_the_slack() {
        let cell = body_style().cell_pt;
        let (_, centred) = set("一二", 4.0, Align::Center);
        assert!((centred[0][0].x - cell).abs() < 1e-3);
        let (_, right) = set("一二", 4.0, Align::Right);
        assert!((right[0][1].box_end - 4.0 * cell).abs() < 1e-3);
    }

    #[test]
    fn justification_never_opens_a_number() {
        let (g, lines) = set("一二三四五六七八九1234十一二三四", 13.0, Align::Justify);
        let line = &lines[0];
        let digit = |d: char| line.iter().find(|s| g[s.index].ch == d).expect("digit on line 1").x;
        assert!((digit('2') - digit('1') - 8.0).abs() < 1e-3, "digits keep their own advance");
    }

    #[test]
    fn a_number_is_pulled_up_by_squeezing_rather_than_leaving_a_loose_line() {
        // 7.6 cells: 一二三，四五六 take 7; `1` with its ¼-em spacing needs ¾ more. Pushed down,
        // it would leave 0.6 em to spread; the comma's ½ em and the spacing's ⅛ em make the
        // 0.15 em it needs instead.
        let (g, lines) = set("一二三，四五六1七八", 7.6, Align::Justify);
        let first: String = lines[0].iter().map(|s| g[s.index].ch).collect();
        assert_eq!(first, "一二三，四五六1");
        let end = lines[0].last().expect("non-empty").box_end;
        assert!((end - 7.6 * body_style().cell_pt).abs() < 0.01, "squeezed to the measure: {end}");
    }

    #[test]
    fn a_loose_line_widens_its_cjk_latin_spacing_before_its_character_gaps() {
        // 9 cells: 一二三四五 + `2025` (four half-ems of 16 pt, ¼ em before and after) + 六; the
        // next character does not fit, so about half a cell of slack is to be spread.
        let (g, lines) = set("一二三四五2025六七八九", 9.0, Align::Justify);
        let line = &lines[0];
        let x = |ch: char| line.iter().find(|s| g[s.index].ch == ch).expect("on line 1").x;
        let cell = body_style().cell_pt;
        assert!((x('二') - x('一') - cell).abs() < 1e-3, "Han gaps untouched");
        let spacing = x('2') - x('五') - cell;
        assert!(
            spacing > 0.45 * cell && spacing <= 0.5 * cell + 1e-3,
            "¼ em widened towards ½ em: {spacing}"
        );
    }

    #[test]
    fn a_character_is_not_squeezed_in_when_spreading_costs_less() {
        // Breaking before 五 leaves ¼ em to spread; squeezing 五 in would need ¾ em.
        let (g, lines) = set("一二，三四五六", 4.25, Align::Justify);
        let first: String = lines[0].iter().map(|s| g[s.index].ch).collect();
        assert_eq!(first, "一二，三");
    }

    #[test]
    fn cjk_latin_spacing_is_dropped_at_line_start() {
        let (g, lines) = set("一二三四2025年", 4.0, Align::Justify);
        assert_eq!(g[4].ch, '2');
        assert!(g[4].space_before > 0.0, "¼ em before the number inside a line");
        assert_eq!(lines[1][0].x, 0.0, "but not when the number starts the line");
    }
}
