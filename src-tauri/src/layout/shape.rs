//! Text runs → glyphs with their natural widths, compression limits and break opportunities.
//!
//! Everything the line breaker needs is decided here, once per character, so that breaking
//! and justifying are single linear passes.

use super::page::{FontKey, FontMetrics, Ink};
use super::punctuation::{
    AdjacentCut, Blank, CharClass, adjacent_squeeze, blank_side, class_of, half_width_by_style, no_line_end,
    no_line_start,
};
use crate::domain::{CompressionStyle, FontRole};

/// A character every Chinese font of every role has: the font it resolves to is the role's
/// own font, so any other font for a character means that character fell back.
const ROLE_PROBE: char = '中';

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub role: FontRole,
    pub size_pt: f32,
    /// Width of one ideographic em: the grid pitch for body text (GB/T 9704 §5.2.3: 28
    /// characters fill the text block exactly), the font size elsewhere.
    pub cell_pt: f32,
    pub ink: Ink,
    pub bold: bool,
}

/// One character ready for line breaking.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub font: FontKey,
    /// Index into the paragraph's styles (and runs).
    pub style: u16,
    /// Which character of its run's text it is (spaces count, though they are not glyphs).
    pub char_index: u32,
    pub class: CharClass,
    /// The font's advance before any compression.
    pub natural: f32,
    /// Width inside a line, after style and adjacent-mark compression.
    pub width: f32,
    /// The least width squeezing may take it to (先挤进), and its width at line end.
    pub min_width: f32,
    /// Fixed space before it: ¼ em CJK-Latin spacing or a word space; dropped at line start.
    pub space_before: f32,
    /// The least `space_before` may shrink to when a line is squeezed: the ¼-em CJK-Latin
    /// spacing gives up to ⅛ em (W3C jlreq §3.8.2 table 4, after JIS X 4051: "1/4–1/8"
    /// between ideographs and Western characters); a word space gives nothing.
    pub min_space_before: f32,
    /// Whether a line may break before this glyph.
    pub break_before: bool,
    /// Whether justification may widen the gap before this glyph (not inside a Latin word,
    /// a number, `——` or `……`).
    pub stretch_before: bool,
}

impl Glyph {
    /// The least room it takes on a line, squeezed to its minimum; `first` on the line, the
    /// space before it is dropped.
    pub fn min_advance(&self, first: bool) -> f32 {
        let space = if first { 0.0 } else { self.min_space_before };
        space + self.min_width
    }

    /// Where to draw the glyph inside a box of `width` starting at `box_x`: compressing an
    /// opening mark removes its left blank, so the glyph moves left by what was cut.
    pub fn draw_x(&self, box_x: f32, width: f32) -> f32 {
        match blank_side(self.class) {
            Blank::Left => box_x - (self.natural - width),
            _ => box_x,
        }
    }
}

/// A paragraph's glyphs plus the characters no font could draw.
#[derive(Debug, Default)]
pub struct Shaped {
    pub glyphs: Vec<Glyph>,
    pub missing: Vec<char>,
    /// Characters drawn from another font than their role's own.
    pub fallback: Vec<char>,
}

/// Shapes `runs` (text and an index into the paragraph's styles).
pub fn shape(
    runs: &[(&str, u16)],
    styles: &[TextStyle],
    compression: CompressionStyle,
    metrics: &dyn FontMetrics,
) -> Shaped {
    let mut shaped = Shaped::default();
    let mut pending_space = false;
    for &(text, style_index) in runs {
        let style = &styles[usize::from(style_index)];
        let role_font = metrics.resolve(style.role, ROLE_PROBE);
        for (char_index, ch) in text.chars().enumerate() {
            let class = class_of(ch);
            if class == CharClass::Space {
                pending_space = !shaped.glyphs.is_empty();
                continue;
            }
            let mut glyph = glyph_for(ch, class, style, style_index, compression, metrics, &mut shaped);
            glyph.char_index = u32::try_from(char_index).unwrap_or(u32::MAX);
            if role_font.is_some_and(|font| font != glyph.font) && !shaped.missing.contains(&ch) {
                shaped.fallback.push(ch);
            }
            let previous = shaped.glyphs.last_mut();
            let glyph = join(previous, glyph, pending_space, style, metrics);
            shaped.glyphs.push(glyph);
            pending_space = false;
        }
    }
    shaped
}

fn glyph_for(
    ch: char,
    class: CharClass,
    style: &TextStyle,
    style_index: u16,
    compression: CompressionStyle,
    metrics: &dyn FontMetrics,
    shaped: &mut Shaped,
) -> Glyph {
    let font = metrics.resolve(style.role, ch).or_else(|| {
        shaped.missing.push(ch);
        // Drawn with the role's font anyway (as .notdef) and reported, never silently dropped.
        metrics.resolve(style.role, '口')
    });
    let font = font.unwrap_or(FontKey(0));
    let em = if class == CharClass::Latin { style.size_pt } else { style.cell_pt };
    let natural = metrics.advance_em(font, ch) * em;
    let half = style.cell_pt / 2.0;
    let compressible = blank_side(class) != Blank::None;
    let min_width = if compressible { natural.min(half) } else { natural };
    let width = if compressible && half_width_by_style(compression, class) { min_width } else { natural };
    Glyph {
        ch,
        font,
        style: style_index,
        char_index: 0,
        class,
        natural,
        width,
        min_width,
        space_before: 0.0,
        min_space_before: 0.0,
        break_before: true,
        stretch_before: true,
    }
}

/// Decides how `next` meets the glyph before it: break opportunity, CJK-Latin spacing,
/// adjacent-mark compression.
fn join(
    previous: Option<&mut Glyph>,
    mut next: Glyph,
    spaced: bool,
    style: &TextStyle,
    metrics: &dyn FontMetrics,
) -> Glyph {
    let Some(previous) = previous else {
        return next;
    };
    let latin_pair = previous.class == CharClass::Latin && next.class == CharClass::Latin;
    next.break_before = allows_break(previous, &next, spaced);
    next.stretch_before = !latin_pair && !same_inseparable(previous, &next) || spaced;
    if cjk_latin_boundary(previous, &next) {
        next.space_before = quarter_em_spacing(style);
        next.min_space_before = next.space_before / 2.0;
    } else if spaced {
        next.space_before = metrics.advance_em(next.font, ' ') * style.size_pt;
        next.min_space_before = next.space_before;
    }
    squeeze_adjacent(previous, &mut next);
    next
}

/// Break opportunities: between any two characters outside a Latin word or number, unless
/// the next may not start a line or the previous may not end one (W3C clreq §3.1.7). A
/// Latin word or a multi-digit number is never split (clreq §3.2.3); spaces between Latin
/// words are break opportunities.
fn allows_break(previous: &Glyph, next: &Glyph, spaced: bool) -> bool {
    let inside_word = previous.class == CharClass::Latin && next.class == CharClass::Latin && !spaced;
    !inside_word && !no_line_start(next.ch) && !no_line_end(previous.ch)
}

fn same_inseparable(previous: &Glyph, next: &Glyph) -> bool {
    previous.class == CharClass::Inseparable && previous.ch == next.ch
}

/// ¼ em between Han characters and Latin letters or digits (W3C clreq §3.2.1 "Spacing
/// between Chinese and Western text"; the space a source text typed there is replaced, not
/// added to). Not next to punctuation, and dropped at line start and end.
fn cjk_latin_boundary(previous: &Glyph, next: &Glyph) -> bool {
    let alnum = |g: &Glyph| g.class == CharClass::Latin && g.ch.is_alphanumeric();
    // The ideographic space is itself the spacing: nothing is added next to it.
    let han = |g: &Glyph| g.class == CharClass::Ideographic && g.ch != '\u{3000}';
    (han(previous) && alnum(next)) || (alnum(previous) && han(next))
}

fn quarter_em_spacing(style: &TextStyle) -> f32 {
    style.cell_pt / 4.0
}

/// Two adjacent full-width marks take 1.5 em at most (W3C clreq §3.1.6.1; DESIGN §2).
fn squeeze_adjacent(previous: &mut Glyph, next: &mut Glyph) {
    match adjacent_squeeze(previous.class, next.class) {
        Some(AdjacentCut::First) => previous.width = previous.min_width,
        Some(AdjacentCut::Second) => next.width = next.min_width,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::test_metrics::{TestMetrics, body_style};

    fn shaped(text: &str, compression: CompressionStyle) -> Vec<Glyph> {
        let styles = [body_style()];
        shape(&[(text, 0)], &styles, compression, &TestMetrics).glyphs
    }

    fn widths(glyphs: &[Glyph]) -> Vec<f32> {
        glyphs.iter().map(|g| g.width).collect()
    }

    #[test]
    fn two_adjacent_marks_take_one_and_a_half_em() {
        let g = shaped("说）。", CompressionStyle::FullWidth);
        let cell = body_style().cell_pt;
        assert!((g[1].width + g[2].width - 1.5 * cell).abs() < 1e-3, "{:?}", widths(&g));
    }

    #[test]
    fn cjk_latin_spacing_is_a_quarter_em() {
        let g = shaped("融入2025年度", CompressionStyle::FullWidth);
        let quarter = body_style().cell_pt / 4.0;
        assert_eq!(g[2].space_before, quarter, "Han → digit");
        assert_eq!(g[3].space_before, 0.0, "inside the number");
        assert_eq!(g[6].space_before, quarter, "digit → Han");
        assert!(!g[3].break_before && !g[5].break_before, "a number never splits");
        assert!(g[2].break_before && g[6].break_before);
        let g = shaped("85309319　hn", CompressionStyle::FullWidth);
        assert_eq!(g[8].space_before + g[9].space_before, 0.0, "none beside an ideographic space");
    }

    #[test]
    fn typed_space_between_han_and_digits_becomes_the_quarter_em() {
        let g = shaped("先后 9 次", CompressionStyle::FullWidth);
        assert_eq!(g.len(), 4, "spaces are not glyphs");
        assert_eq!(g[2].space_before, body_style().cell_pt / 4.0);
    }

    #[test]
    fn latin_words_never_split() {
        let g = shaped("hnrdlgwxrc@163.com 邮箱", CompressionStyle::FullWidth);
        let breaks: Vec<usize> = (1..g.len()).filter(|&i| g[i].break_before).collect();
        assert_eq!(breaks, vec![18, 19], "only at the space and before the next Han");
    }

    #[test]
    fn double_dash_and_ellipsis_never_split() {
        let g = shaped("万——20万……等", CompressionStyle::FullWidth);
        assert!(!g[1].break_before && !g[2].break_before, "—— and the break before it");
        assert!(!g[6].break_before && !g[7].break_before, "……");
        assert!(!g[2].stretch_before && !g[7].stretch_before, "no gap inside —— or ……");
    }

    #[test]
    fn kaiming_style_sets_pause_marks_half_and_stops_full() {
        let g = shaped("甲，乙。", CompressionStyle::Kaiming);
        let cell = body_style().cell_pt;
        assert_eq!(widths(&g), vec![cell, cell / 2.0, cell, cell]);
    }

    #[test]
    fn half_width_style_sets_every_mark_half() {
        let g = shaped("“甲”。", CompressionStyle::HalfWidth);
        let cell = body_style().cell_pt;
        assert_eq!(widths(&g), vec![cell / 2.0, cell, cell / 2.0, cell / 2.0]);
        assert_eq!(g[0].draw_x(100.0, cell / 2.0), 100.0 - cell / 2.0, "opening mark loses its left blank");
    }

    #[test]
    fn full_width_style_keeps_single_marks_full() {
        let g = shaped("甲，乙", CompressionStyle::FullWidth);
        assert_eq!(g[1].width, body_style().cell_pt);
        assert_eq!(g[1].min_width, body_style().cell_pt / 2.0, "squeezable to ½ em");
    }
}
