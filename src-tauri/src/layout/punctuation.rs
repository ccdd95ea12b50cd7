//! Character classes for Chinese line breaking and punctuation compression.
//!
//! The tables follow W3C clreq (Requirements for Chinese Text Layout, §3.1 punctuation
//! widths and §3.1.7 line-start/line-end prohibition) and GB/T 15834-2011 (use of
//! punctuation marks). They are written out here rather than taken from UAX #14
//! (`unicode-linebreak`): UAX #14 classes `“”‘’` as ambiguous quotation (QU) and allows a
//! break after `——` or before `…`, which clreq and GB/T 15834 forbid, so the Chinese rules
//! would have to be patched on top of it anyway.

use crate::domain::CompressionStyle;

/// How a character takes part in line breaking and compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// Han characters, kana and full-width letters: one grid cell, break before and after.
    Ideographic,
    /// Opening brackets and quotes: glyph on the right half of the em, blank on the left.
    Opening,
    /// Closing brackets and quotes, `，、：；`: glyph on the left half, blank on the right.
    Closing,
    /// Sentence-end marks `。？！`: like `Closing`, but kept full width in 开明式.
    FullStop,
    /// `——` and `……` halves (and `～`, `·`): never compressed, never split (clreq §3.1.7).
    Inseparable,
    /// Latin letters, digits and their punctuation: the font's own advance, no break inside.
    Latin,
    /// Breaking whitespace; dropped, it only marks a break opportunity.
    Space,
}

/// The class of `ch` (clreq §3.1.2-3.1.5, GB/T 15834-2011 §4).
pub fn class_of(ch: char) -> CharClass {
    match ch {
        '（' | '〔' | '［' | '｛' | '《' | '〈' | '「' | '『' | '【' | '〖' | '“' | '‘' => {
            CharClass::Opening
        }
        '）' | '〕' | '］' | '｝' | '》' | '〉' | '」' | '』' | '】' | '〗' | '”' | '’' | '，' | '、'
        | '：' | '；' => CharClass::Closing,
        '。' | '？' | '！' | '．' => CharClass::FullStop,
        '—' | '―' | '…' | '⋯' | '～' | '·' | '・' | '⸺' | '⸻' => CharClass::Inseparable,
        ' ' | '\t' | '\n' | '\u{a0}' => CharClass::Space,
        c if is_ideographic(c) => CharClass::Ideographic,
        _ => CharClass::Latin,
    }
}

/// Characters that take a full grid cell and may break on both sides.
fn is_ideographic(ch: char) -> bool {
    matches!(ch,
        '\u{2E80}'..='\u{2FFF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK symbols (ideographic space, 〇, marks not classed above)
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3100}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF01}'..='\u{FF60}' // full-width forms (letters, digits, ％＋…)
        | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFF}'
        | '●' | '○' | '■' | '□' | '★' | '☆' | '△' | '▲' | '◆' | '◇' | '※'
    )
}

/// Whether a line may not start with `ch`. W3C clreq §3.1.7 "Prohibition rules for line
/// start", its GB rule (as in GB/T 15834-2011 §5.1.7, 5.1.9 and 5.1.12-5.1.16): 点号 and closing
/// quotes, brackets and book-title marks; 连接号 (short dash, en dash, full-width hyphen, wave
/// dash), 间隔号, 分隔号 (`/` and `／`); and, by its strict rule, 破折号 and 省略号 in either
/// form (`……` and the midline `⋯⋯`). Half-width closing punctuation is included so that mixed
/// Latin text follows the same rule, and so are the iteration and small kana marks that clreq's
/// tables list with them.
pub fn no_line_start(ch: char) -> bool {
    matches!(class_of(ch), CharClass::Closing | CharClass::FullStop | CharClass::Inseparable)
        || LINE_START_FORBIDDEN.contains(ch)
}

/// The marks of [`no_line_start`] outside the closing, stop and inseparable classes.
const LINE_START_FORBIDDEN: &str = concat!(
    "%‰％,.;:?!)]}", // half-width closing marks and percent signs
    "-‐‑–－〜~",     // 连接号 (GB/T 15834-2011 §4.13)
    "/／",           // 分隔号 (§4.17)
    "‧•",            // 间隔号 forms beside · and ・ (§4.14)
    "〃々〻ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ", // iteration and small kana marks
);

/// Whether a line may not end with `ch`: opening brackets and quotes (W3C clreq §3.1.7
/// "Prohibition rules for line end"; GB/T 15834-2011 §5.1.7).
pub fn no_line_end(ch: char) -> bool {
    class_of(ch) == CharClass::Opening || matches!(ch, '(' | '[' | '{')
}

/// Which side of a mark's em carries its blank half, i.e. where compression cuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blank {
    None,
    Left,
    Right,
}

pub fn blank_side(class: CharClass) -> Blank {
    match class {
        CharClass::Opening => Blank::Left,
        CharClass::Closing | CharClass::FullStop => Blank::Right,
        _ => Blank::None,
    }
}

/// Whether the style sets this mark at half width everywhere (W3C clreq §3.1.6):
/// 全角式 never; 开明式 all marks but the sentence-end `。？！`; 半角式 every mark.
pub fn half_width_by_style(style: CompressionStyle, class: CharClass) -> bool {
    match style {
        CompressionStyle::FullWidth => false,
        CompressionStyle::Kaiming => matches!(class, CharClass::Opening | CharClass::Closing),
        CompressionStyle::HalfWidth => {
            matches!(class, CharClass::Opening | CharClass::Closing | CharClass::FullStop)
        }
    }
}

/// Whether two adjacent marks `a` then `b` take 1.5 em instead of 2 (W3C clreq §3.1.6.1,
/// "adjacent punctuation"): the blank between them is halved. Returns which of the two loses
/// its blank half: the first when its blank faces the second (a closing mark), else the
/// second when its blank faces the first (an opening mark).
pub fn adjacent_squeeze(a: CharClass, b: CharClass) -> Option<AdjacentCut> {
    match (blank_side(a), blank_side(b)) {
        (Blank::Right, Blank::Right | Blank::Left) => Some(AdjacentCut::First),
        (Blank::Left, Blank::Left) => Some(AdjacentCut::Second),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjacentCut {
    First,
    Second,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_marks_and_stops_are_forbidden_at_line_start() {
        for ch in "，。、；：？！）》〉」』】〕”’…—～·".chars() {
            assert!(no_line_start(ch), "{ch} must not start a line (clreq §3.1.7)");
        }
        assert!(!no_line_start('中') && !no_line_start('“') && !no_line_start('（'));
    }

    #[test]
    fn opening_marks_are_forbidden_at_line_end() {
        for ch in "（《〈「『【〔“‘".chars() {
            assert!(no_line_end(ch), "{ch} must not end a line (clreq §3.1.7)");
        }
        assert!(!no_line_end('中') && !no_line_end('”') && !no_line_end('。'));
    }

    #[test]
    fn kaiming_keeps_sentence_end_marks_full_width() {
        let style = CompressionStyle::Kaiming;
        assert!(!half_width_by_style(style, CharClass::FullStop));
        assert!(half_width_by_style(style, CharClass::Closing));
        assert!(half_width_by_style(style, CharClass::Opening));
        assert!(half_width_by_style(CompressionStyle::HalfWidth, CharClass::FullStop));
        assert!(!half_width_by_style(CompressionStyle::FullWidth, CharClass::Closing));
    }

    #[test]
    fn adjacent_marks_cut_the_blank_between_them() {
        use CharClass::*;
        assert_eq!(adjacent_squeeze(Closing, FullStop), Some(AdjacentCut::First), "）。");
        assert_eq!(adjacent_squeeze(Closing, Opening), Some(AdjacentCut::First), "，“");
        assert_eq!(adjacent_squeeze(Opening, Opening), Some(AdjacentCut::Second), "（“");
        assert_eq!(adjacent_squeeze(Opening, Closing), None, "“” have no blank between them");
    }
}
