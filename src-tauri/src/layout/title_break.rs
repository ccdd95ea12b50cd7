//! Where a title line too long for the measure breaks. GB/T 9704-2012 §7.3.1: "回行时，要做到
//! 词意完整，排列对称，长短适宜". So the break never falls inside a word (a Chinese word
//! segmenter with the office's terms decides what a word is) or a quoted term, it prefers the
//! places a reader pauses — after `：`, at a clause mark, at a space the editor typed — and
//! among those it takes the one that makes the lines most equal.

use std::ops::Range;
use std::sync::LazyLock;

use jieba_rs::Jieba;

use super::linebreak::{EPSILON_PT, break_lines};
use super::punctuation::CharClass;
use super::shape::Glyph;

/// The office's own terms (人大常委会, 代表联络站…), kept whole even where the segmenter's
/// general dictionary would split them.
const OFFICE_TERMS: &str = include_str!("../../../assets/proof/terms.txt");

/// Loaded on first use (about 0.4 s): most exports have no title that needs an automatic break.
static SEGMENTER: LazyLock<Jieba> = LazyLock::new(|| {
    let mut jieba = Jieba::new();
    for term in OFFICE_TERMS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        jieba.add_word(term, None, None);
    }
    jieba
});

/// Loads the segmenter now, so that the first export does not wait for it (called from a
/// worker thread at start-up).
pub fn warm_up() {
    LazyLock::force(&SEGMENTER);
}

/// Costs in squared cells, the unit of the balance term: a line one cell longer than the
/// average costs 1.
const BREAK_INSIDE_WORD: f32 = 400.0;
const EXTRA_LINE: f32 = 100.0;
const AFTER_COLON: f32 = -9.0;
const AT_TYPED_SPACE: f32 = -9.0;
const AFTER_CLAUSE_MARK: f32 = -4.0;

/// The lines of a title: as few as the measure allows (one more only when that many lines
/// could not be had without cutting a word), breaks at the best places, lengths balanced.
/// A space the editor typed between two phrases widens to a full-width space where the line
/// does not break at it.
pub fn title_lines(glyphs: &mut [Glyph], full: f32, cell: f32) -> Vec<Range<usize>> {
    let preferred = widen_typed_spaces(glyphs, cell);
    let greedy = break_lines(glyphs, |_| full);
    if greedy.len() < 2 {
        return greedy;
    }
    let word_starts = word_starts(glyphs);
    let penalty = |i: usize| break_penalty(glyphs, &word_starts, &preferred, i);
    let fewest = greedy.len();
    let best = [fewest, fewest + 1]
        .into_iter()
        .filter_map(|count| {
            let (cost, lines) = best_breaks(glyphs, full, cell, count, &penalty)?;
            let extra = if count > fewest { EXTRA_LINE } else { 0.0 };
            Some((cost + extra, lines))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    best.map(|(_, lines)| lines).unwrap_or(greedy)
}

/// No break inside a word (for the 要目's entries, which fill their lines rather than balance
/// them): a break opportunity between two characters of one word is withdrawn.
pub fn keep_words_whole(glyphs: &mut [Glyph]) {
    let starts = word_starts(glyphs);
    for i in 1..glyphs.len() {
        let inside_word = !starts[i] && glyphs[i - 1].class == CharClass::Ideographic;
        if inside_word {
            glyphs[i].break_before = false;
        }
    }
}

/// `抓重点 求突破`: the typed space between two Han phrases is one full cell wide (never
/// deleted, never a narrow word space) and marks a preferred break. Returns, per glyph,
/// whether the editor typed a space before it.
fn widen_typed_spaces(glyphs: &mut [Glyph], cell: f32) -> Vec<bool> {
    let mut typed = vec![false; glyphs.len()];
    for i in 1..glyphs.len() {
        let han = |g: &Glyph| g.class == CharClass::Ideographic;
        if glyphs[i].space_before > 0.0 && han(&glyphs[i - 1]) && han(&glyphs[i]) {
            glyphs[i].space_before = cell;
            typed[i] = true;
        }
    }
    typed
}

/// Per glyph, whether a word starts at it.
fn word_starts(glyphs: &[Glyph]) -> Vec<bool> {
    let text: String = glyphs.iter().map(|g| g.ch).collect();
    let mut starts = vec![false; glyphs.len() + 1];
    for token in SEGMENTER.cut(&text, false) {
        starts[token.start.min(glyphs.len())] = true;
    }
    starts[glyphs.len()] = true;
    starts
}

/// The cost of breaking before glyph `i`, or `None` where a line may not break.
fn break_penalty(glyphs: &[Glyph], word_starts: &[bool], preferred: &[bool], i: usize) -> Option<f32> {
    if !glyphs[i].break_before {
        return None;
    }
    let inside_word = !word_starts[i] && glyphs[i - 1].class == CharClass::Ideographic;
    let after = glyphs[i - 1].ch;
    let bonus = if preferred[i] {
        AT_TYPED_SPACE
    } else if matches!(after, '：' | ':') {
        AFTER_COLON
    } else if matches!(after, '，' | '、' | '；' | '？' | '！' | '。') {
        AFTER_CLAUSE_MARK
    } else {
        0.0
    };
    Some(bonus + if inside_word { BREAK_INSIDE_WORD } else { 0.0 })
}

/// The width `glyphs[range]` takes as a line: the space before its first glyph dropped, a
/// closing mark at its end squeezed to its minimum (as `break_lines` sets them).
fn line_width(glyphs: &[Glyph], range: Range<usize>) -> f32 {
    let line = &glyphs[range];
    let Some(last) = line.last() else { return 0.0 };
    let body: f32 =
        line.iter().enumerate().map(|(k, g)| if k > 0 { g.space_before } else { 0.0 } + g.width).sum();
    body - (last.width - last.min_width)
}

/// The cheapest way to set the title in exactly `count` lines: dynamic programming over the
/// break opportunities, cost = the breaks' penalties + the squared distance (in cells) of
/// each line from the average length. `None` when no such breaking fits the measure.
fn best_breaks(
    glyphs: &[Glyph],
    full: f32,
    cell: f32,
    count: usize,
    penalty: &impl Fn(usize) -> Option<f32>,
) -> Option<(f32, Vec<Range<usize>>)> {
    let n = glyphs.len();
    let total = line_width(glyphs, 0..n);
    let average = total / count as f32;
    let line_cost = |range: Range<usize>| {
        let width = line_width(glyphs, range);
        (width <= full + EPSILON_PT).then(|| ((width - average) / cell).powi(2))
    };
    // best[k][i]: cheapest k lines covering glyphs[..i], with the start of its last line.
    let mut best = vec![vec![None::<(f32, usize)>; n + 1]; count + 1];
    best[0][0] = Some((0.0, 0));
    for k in 1..=count {
        for end in 1..=n {
            let break_cost = if end == n { Some(0.0) } else { penalty(end) };
            let Some(break_cost) = break_cost else { continue };
            let options = (0..end).filter_map(|start| {
                let (before, _) = best[k - 1][start]?;
                Some((before + line_cost(start..end)? + break_cost, start))
            });
            best[k][end] = options.min_by(|a, b| a.0.total_cmp(&b.0));
        }
    }
    let (cost, _) = best[count][n]?;
    let mut lines = Vec::with_capacity(count);
    let mut end = n;
    for k in (1..=count).rev() {
        let (_, start) = best[k][end]?;
        lines.push(start..end);
        end = start;
    }
    lines.reverse();
    Some((cost, lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::CompressionStyle;
    use crate::layout::shape::{TextStyle, shape};
    use crate::layout::test_metrics::{TestMetrics, body_style};

    fn title_style() -> TextStyle {
        TextStyle { size_pt: 22.0, cell_pt: 22.0, ..body_style() }
    }

    /// The title broken for a measure of `cells` title characters.
    fn broken(text: &str, cells: f32) -> Vec<String> {
        let style = title_style();
        let mut glyphs = shape(&[(text, 0)], &[style], CompressionStyle::FullWidth, &TestMetrics).glyphs;
        let lines = title_lines(&mut glyphs, cells * style.cell_pt, style.cell_pt);
        lines.into_iter().map(|r| glyphs[r].iter().map(|g| g.ch).collect()).collect()
    }

    #[test]
    fn break_never_splits_a_word_the_greedy_fill_would_split() {
        // Greedy at 9 cells: 全面加强新时代乡镇人 / 大工作… cuts 人大 in two.
        let lines = broken("全面加强新时代乡镇人大工作的实践与思考", 10.0);
        assert!(lines.iter().all(|l| !l.ends_with('人')), "人大 kept whole: {lines:?}");
        assert_eq!(lines.concat(), "全面加强新时代乡镇人大工作的实践与思考");
    }

    #[test]
    fn break_prefers_the_place_after_a_colon() {
        // 21 characters: the colon after the 9th is a cell and a half off the middle.
        let lines = broken("岳塘区人大常委会：以代表联络站建设推动治理", 16.0);
        assert_eq!(lines[0], "岳塘区人大常委会：", "{lines:?}");
    }

    #[test]
    fn lines_are_balanced_rather_than_full_and_stub() {
        let lines = broken("持续深化代表工作能力建设不断提升履职服务水平", 18.0);
        assert_eq!(lines.len(), 2);
        let (a, b) = (lines[0].chars().count() as i32, lines[1].chars().count() as i32);
        assert!((a - b).abs() <= 2, "about equal lines: {lines:?}");
    }

    #[test]
    fn a_typed_space_is_a_preferred_break_and_otherwise_a_full_width_space() {
        let lines = broken("抓重点补短板 求突破促发展强基础", 12.0);
        assert_eq!(lines, ["抓重点补短板", "求突破促发展强基础"]);
        let style = title_style();
        let mut glyphs =
            shape(&[("抓重点 求突破", 0)], &[style], CompressionStyle::FullWidth, &TestMetrics).glyphs;
        let lines = title_lines(&mut glyphs, 20.0 * style.cell_pt, style.cell_pt);
        assert_eq!(lines.len(), 1);
        assert_eq!(glyphs[3].space_before, style.cell_pt, "one full cell between the phrases");
    }

    #[test]
    fn a_filled_line_breaks_before_the_word_it_cannot_hold() {
        let style = title_style();
        let mut glyphs =
            shape(&[("推动三会三文精神落地见效", 0)], &[style], CompressionStyle::FullWidth, &TestMetrics)
                .glyphs;
        keep_words_whole(&mut glyphs);
        let lines = break_lines(&glyphs, |_| 7.0 * style.cell_pt);
        let first: String = glyphs[lines[0].clone()].iter().map(|g| g.ch).collect();
        assert_eq!(first, "推动三会三文", "精神 is not cut after 精");
    }

    #[test]
    fn a_quoted_term_stays_on_one_line() {
        let style = title_style();
        let text = "关于推进“人大代表之家”标准化建设的调研报告";
        let mut glyphs = shape(&[(text, 0)], &[style], CompressionStyle::FullWidth, &TestMetrics).glyphs;
        crate::layout::typeset::keep_quoted_terms_together(&mut glyphs);
        let lines = title_lines(&mut glyphs, 12.0 * style.cell_pt, style.cell_pt);
        let lines: Vec<String> =
            lines.into_iter().map(|r| glyphs[r].iter().map(|g| g.ch).collect()).collect();
        assert!(lines.iter().any(|l| l.contains("“人大代表之家”")), "{lines:?}");
    }
}
