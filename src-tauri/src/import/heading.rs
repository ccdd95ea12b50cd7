//! Recognising the numbered headings of a bulletin article (GB/T 9704-2012 §7.3.3 orders
//! them 一、 → （一） → 1. → （1））. Run-in items like `一是……。` stay paragraphs.

use super::chars::{ends_sentence, is_chinese_digit};

/// Longest line taken for an unmarked heading; longer ones are run-in paragraphs.
const MAX_HEADING_CHARS: usize = 40;

/// The heading level a line's numbering gives: 1 for `一、`, 2 for `（一）`, 3 for `1.`.
pub fn numbering_level(line: &str) -> Option<u8> {
    let line = line.trim_start();
    let chinese: String = line.chars().take_while(|&c| is_chinese_digit(c)).collect();
    if !chinese.is_empty() && line[chinese.len()..].starts_with('、') {
        return Some(1);
    }
    if let Some(rest) = line.strip_prefix(['（', '(']) {
        let number: String = rest.chars().take_while(|&c| is_chinese_digit(c)).collect();
        if !number.is_empty() && rest[number.len()..].starts_with(['）', ')']) {
            return Some(2);
        }
    }
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let mut rest = line[digits.len()..].chars();
        if matches!(rest.next(), Some('.' | '．' | '、')) && rest.next().is_some_and(|c| !c.is_ascii_digit())
        {
            return Some(3);
        }
    }
    None
}

/// Whether an unmarked line is a heading: numbered, short and not a finished sentence.
pub fn unmarked_heading_level(line: &str) -> Option<u8> {
    let level = numbering_level(line)?;
    let short = line.chars().count() <= MAX_HEADING_CHARS;
    let sentence_inside = line.trim_end_matches('。').contains('。');
    (short && !sentence_inside && (level < 3 || !ends_sentence(line))).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_numbering_levels() {
        assert_eq!(numbering_level("一、以“三会三文”为纲领"), Some(1));
        assert_eq!(numbering_level("十二、其他"), Some(1));
        assert_eq!(numbering_level("（三）加强监督"), Some(2));
        assert_eq!(numbering_level("(三)加强监督"), Some(2));
        assert_eq!(numbering_level("2.完善制度"), Some(3));
        assert_eq!(numbering_level("一是全面领导，把准方向。"), None);
        assert_eq!(numbering_level("2.5万元用于"), None);
        assert_eq!(numbering_level("2024年以来"), None);
    }

    #[test]
    fn long_numbered_sentences_are_paragraphs() {
        assert_eq!(unmarked_heading_level("一、强化组织力，坚持高站位推动"), Some(1));
        let run_in = "1.加强学习。县人大常委会把学习宣传贯彻精神作为改进工作的重要抓手，实现全覆盖。";
        assert_eq!(unmarked_heading_level(run_in), None);
    }
}
