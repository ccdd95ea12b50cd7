//! Glyphs → lines: greedy Chinese line breaking with the prohibition rules and
//! 先挤进，后推出 (squeeze first, then push).
//!
//! One pass over the glyphs: each line is filled until a glyph overflows; a glyph is looked
//! at at most a few times (the push case rescans the part of the line it moves down), so
//! the work is linear in the text length.

use std::ops::Range;

use super::punctuation::{Blank, blank_side, no_line_start};
use super::shape::Glyph;

/// Slack for floating-point sums of widths, in points.
pub const EPSILON_PT: f32 = 0.01;

/// Breaks `glyphs` into lines; `measure(i)` is the width available to line `i`.
///
/// When the glyph that overflows may not start a line (or the one before it may not end
/// one), the line first tries to take it (and the marks glued to it) by compressing its
/// punctuation to half width (先挤进); only if that is not enough does the last character
/// that may start a line move down (后推出). W3C clreq §3.1.7 and §3.8 ("先挤进，后推出";
/// also GB/T 15834-2011 appendix on line-start punctuation).
pub fn break_lines(glyphs: &[Glyph], measure: impl Fn(usize) -> f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < glyphs.len() {
        let end = line_end(glyphs, start, measure(lines.len()));
        lines.push(start..end);
        start = end;
    }
    avoid_lone_last_character(glyphs, &mut lines, &measure);
    lines.retain(|line| !line.is_empty());
    lines
}

/// A paragraph should not end in a line holding a single character (and its closing marks),
/// the 孤字 that leaves a nearly empty line (common Chinese typesetting practice, "段末避免孤字",
/// resolved with the same 先挤进，后推出 as the prohibitions, W3C clreq §3.8): first try to
/// squeeze it into the line above; else move the last character that may start a line of the
/// line above down to keep it company.
fn avoid_lone_last_character(glyphs: &[Glyph], lines: &mut [Range<usize>], measure: &impl Fn(usize) -> f32) {
    let [.., previous, last] = lines else { return };
    let substantive = glyphs[last.clone()].iter().filter(|g| !no_line_start(g.ch)).count();
    if substantive != 1 || previous.len() < 3 {
        return;
    }
    let previous_index = lines.len() - 2;
    let (previous, last) = (lines[previous_index].clone(), lines[previous_index + 1].clone());
    let joined = &glyphs[previous.start..last.end];
    if min_line_width(joined) <= measure(previous_index) + EPSILON_PT {
        lines[previous_index] = previous.start..last.end;
        // The caller drops the emptied last line.
        lines[previous_index + 1] = last.end..last.end;
        return;
    }
    let pushed = (previous.start + 2..previous.end).rev().find(|&k| glyphs[k].break_before);
    let fits = |k: usize| min_line_width(&glyphs[k..last.end]) <= measure(previous_index + 1) + EPSILON_PT;
    if let Some(k) = pushed.filter(|&k| fits(k)) {
        lines[previous_index] = previous.start..k;
        lines[previous_index + 1] = k..last.end;
    }
}

/// The narrowest a line of these glyphs can be set: every mark squeezed to its minimum.
fn min_line_width(line: &[Glyph]) -> f32 {
    line.iter().enumerate().map(|(i, g)| g.min_advance(i == 0)).sum()
}

/// The end (exclusive) of the line starting at `start`.
fn line_end(glyphs: &[Glyph], start: usize, target: f32) -> usize {
    let mut width = 0.0;
    let mut last_legal_break = None;
    for j in start..glyphs.len() {
        let glyph = &glyphs[j];
        if j > start && glyph.break_before {
            last_legal_break = Some(j);
        }
        let advance = if j > start { glyph.space_before } else { 0.0 } + glyph.width;
        if width + advance - line_end_trim(glyph) <= target + EPSILON_PT {
            width += advance;
            continue;
        }
        if j == start {
            return start + 1; // a single glyph wider than the line: set it anyway
        }
        if glyph.break_before {
            return tighter_end(glyphs, start, j, width, target).unwrap_or(j);
        }
        if let Some(end) = squeeze_in(glyphs, start, j, target) {
            return end;
        }
        return match last_legal_break {
            Some(end) => end,
            None => j, // one unbreakable word longer than the line: cut it
        };
    }
    glyphs.len()
}

/// What a glyph gives up when it ends a line: a full-width closing mark takes ½ em there
/// (W3C clreq §3.1.6 "punctuation at line end"; DESIGN §2).
pub fn line_end_trim(glyph: &Glyph) -> f32 {
    if blank_side(glyph.class) == Blank::Right { glyph.width - glyph.min_width } else { 0.0 }
}

/// 先挤进: the end of a line that takes the glyphs `overflow..` up to the next legal break, if
/// compressing the line's punctuation (and CJK-Latin spacing) to its minimum makes them fit.
fn squeeze_in(glyphs: &[Glyph], start: usize, overflow: usize, target: f32) -> Option<usize> {
    let end = next_break(glyphs, overflow);
    (min_line_width(&glyphs[start..end]) <= target + EPSILON_PT).then_some(end)
}

/// A loose line avoided (W3C clreq §3.8: squeezing comes before spreading): when breaking
/// before `overflow` would leave `slack` to spread, and squeezing the line's punctuation and
/// CJK-Latin spacing can take the unit at `overflow` (a character, or a number or word that
/// never splits) with less compression than that spreading, the line takes it. A number that
/// does not fit otherwise left up to two ems to spread over the gaps of a line.
fn tighter_end(glyphs: &[Glyph], start: usize, overflow: usize, width: f32, target: f32) -> Option<usize> {
    let end = next_break(glyphs, overflow);
    let line = &glyphs[start..end];
    let taken: f32 = glyphs[overflow..end].iter().map(|g| g.space_before + g.width).sum();
    let natural = width + taken - line_end_trim(&line[line.len() - 1]);
    let squeeze_needed = natural - target;
    let slack = target - width;
    let fits = min_line_width(line) <= target + EPSILON_PT;
    (fits && squeeze_needed < slack).then_some(end)
}

/// The next legal break after `overflow`, or the end of the text.
fn next_break(glyphs: &[Glyph], overflow: usize) -> usize {
    (overflow + 1..glyphs.len()).find(|&k| glyphs[k].break_before).unwrap_or(glyphs.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CompressionStyle;
    use crate::layout::punctuation::no_line_end;
    use crate::layout::shape::shape;
    use crate::layout::test_metrics::{TestMetrics, body_style};

    fn glyphs(text: &str) -> Vec<Glyph> {
        shape(&[(text, 0)], &[body_style()], CompressionStyle::FullWidth, &TestMetrics).glyphs
    }

    fn lines_of(text: &str, cells: f32) -> Vec<String> {
        let g = glyphs(text);
        let width = cells * body_style().cell_pt;
        break_lines(&g, |_| width).into_iter().map(|r| g[r].iter().map(|g| g.ch).collect()).collect()
    }

    #[test]
    fn full_lines_break_after_the_last_fitting_character() {
        assert_eq!(lines_of("一二三四五六七八九十", 4.0), ["一二三四", "五六七八", "九十"]);
    }

    #[test]
    fn line_never_starts_with_closing_mark() {
        // The comma would start line 2 and the full line has nothing to squeeze: 四 moves down.
        assert_eq!(lines_of("一二三四，五六", 4.0), ["一二三", "四，五六"]);
    }

    #[test]
    fn squeeze_before_push_pulls_comma_up() {
        // 「一，二三，」 is 5 cells wide with two full-width commas; squeezing the inner comma
        // and the line-end comma to ½ em fits it into 4 cells instead of pushing 三 down.
        assert_eq!(lines_of("一，二三，四五", 4.0), ["一，二三，", "四五"]);
    }

    #[test]
    fn push_when_squeezing_is_not_enough() {
        // Two closing marks after the full line cannot be squeezed into 4 Han cells: 四 moves
        // down with them.
        assert_eq!(lines_of("一二三四”。五", 4.0), ["一二三", "四”。五"]);
    }

    #[test]
    fn line_never_ends_with_opening_mark() {
        assert_eq!(lines_of("一二三“四五”", 4.0), ["一二三", "“四五”"]);
    }

    #[test]
    fn double_dash_moves_down_whole() {
        let lines = lines_of("一二三——四五六", 4.0);
        assert_eq!(lines, ["一二", "三——四", "五六"], "—— never splits and never starts a line");
    }

    #[test]
    fn multi_digit_number_is_never_split() {
        let lines = lines_of("一二三12345", 4.0);
        assert_eq!(lines, ["一二三", "12345"]);
    }

    /// Every mark of clreq §3.1.7's line-start tables (GB rule and strict rule), each placed so
    /// that the greedy boundary falls exactly before it.
    #[test]
    fn no_mark_of_the_line_start_tables_begins_a_line() {
        let marks = [
            "，", "。", "、", "；", "：", "？", "！", "）", "》", "〉", "」", "』", "】", "〕", "〗", "］",
            "｝", "”", "’", "%", "％", "‰", ",", ".", ";", ":", "?", "!", ")", "-", "‐", "‑", "–", "－",
            "～", "〜", "~", "·", "・", "‧", "/", "／", "——", "――", "……", "⋯⋯", "々", "〃",
        ];
        for mark in marks {
            let text = format!("一二三四{mark}五六七");
            let lines = lines_of(&text, 4.0);
            let starts_with_mark = lines.iter().skip(1).any(|line| line.starts_with(mark));
            assert!(!starts_with_mark, "{mark} began a line: {lines:?}");
            assert_eq!(lines.concat(), text, "{mark}: nothing lost");
        }
    }

    #[test]
    fn phone_number_never_splits_at_its_hyphen() {
        for width in [8.0, 9.0, 10.0, 11.0, 12.0] {
            let lines = lines_of("联系电话0731-85309319", width);
            assert!(
                lines.iter().any(|line| line.contains("0731-85309319")),
                "{width} cells: the number split: {lines:?}"
            );
        }
    }

    #[test]
    fn paragraph_never_ends_with_a_lone_character() {
        assert_eq!(lines_of("一二三四五六七八九。", 4.0), ["一二三四", "五六七", "八九。"]);
    }

    #[test]
    fn lone_character_is_squeezed_up_when_marks_can_give_room() {
        assert_eq!(lines_of("一，二，三", 4.0), ["一，二，三"], "the commas give the room for 三");
    }

    #[test]
    fn overlong_word_is_cut_rather_than_overflowing() {
        let lines = lines_of("abcdefghijkl", 4.0);
        assert_eq!(lines, ["abcdefg", "hijkl"], "4 cells hold 7 half-em letters");
    }

    /// A small deterministic generator (64-bit LCG), so the test needs no extra crate and
    /// every run checks the same texts.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) as usize) % n
        }
    }

    /// Text shaped like bulletin prose: Han words, numbers, Latin words, quotes and
    /// brackets, pause and stop marks (at most two marks in a row, as real text has).
    fn random_text(rng: &mut Lcg, len: usize) -> String {
        const HAN: &[char] = &['人', '大', '代', '表', '工', '作', '会', '议', '省', '委'];
        let mut text = String::new();
        while text.chars().count() < len {
            match rng.next(12) {
                0 => text.push_str(["，", "。", "、", "；", "：", "？"][rng.next(6)]),
                1 => text.push_str(["“", "《", "（"][rng.next(3)]),
                2 => text.push_str(["”", "》", "）"][rng.next(3)]),
                3 => text.push_str(["2025", "15", "300", "29.25"][rng.next(4)]),
                4 => text.push_str(["NPC", "hnrd@163.com"][rng.next(2)]),
                5 => text.push_str(["——", "……"][rng.next(2)]),
                _ => text.push(HAN[rng.next(HAN.len())]),
            }
            text.push(HAN[rng.next(HAN.len())]);
        }
        text
    }

    #[test]
    fn random_prose_keeps_every_rule_and_every_character() {
        let mut rng = Lcg(20251123);
        let width = 28.0 * body_style().cell_pt;
        for _ in 0..300 {
            let text = random_text(&mut rng, 200);
            let g = glyphs(&text);
            let lines = break_lines(&g, |_| width);
            let joined: String = lines.iter().flat_map(|r| g[r.clone()].iter().map(|g| g.ch)).collect();
            assert_eq!(joined, text, "nothing lost, duplicated or reordered");
            for (i, r) in lines.iter().enumerate() {
                let line = &g[r.clone()];
                let text: String = line.iter().map(|g| g.ch).collect();
                assert!(i == 0 || !no_line_start(line[0].ch), "line starts with a forbidden mark: {text}");
                let last = line[line.len() - 1].ch;
                assert!(i + 1 == lines.len() || !no_line_end(last), "line ends with an opening mark: {text}");
                let min: f32 = line.iter().enumerate().map(|(k, g)| g.min_advance(k == 0)).sum();
                assert!(min <= width + EPSILON_PT, "line cannot fit even squeezed: {text}");
            }
        }
    }
}
