//! Unnumbered section heads of feature articles (通讯): a kicker and a head, two short phrases
//! printed on one line with a space between them (`把脉问诊　精准发力`) or on two lines.
//! Numbered headings (`一、`) are recognised in `heading`.

use super::chars::{ends_sentence, is_han, is_space};

/// Longest phrase of a kicker or head.
const MAX_PHRASE_CHARS: usize = 14;
/// Longest single-phrase section head standing alone between paragraphs.
const MAX_SINGLE_HEAD_CHARS: usize = 16;

/// The separator a kicker and head are stored with: one ideographic space, as printed.
pub const KICKER_SEPARATOR: char = '\u{3000}';

/// `把脉问诊 精准发力`: two phrases of a few characters each, one space between them, no
/// sentence punctuation.
pub fn is_section_head(text: &str) -> bool {
    kicker_and_head(text).is_some()
}

/// The kicker and the head of a one-line section head.
pub fn kicker_and_head(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if ends_sentence(text) || text.contains(['，', ',', '；', '、']) {
        return None;
    }
    let phrases: Vec<&str> = text.split(is_space).filter(|p| !p.is_empty()).collect();
    let [kicker, head] = phrases.as_slice() else { return None };
    let phrase_like = |p: &str| {
        let count = p.chars().count();
        (2..=MAX_PHRASE_CHARS).contains(&count) && p.chars().filter(|&c| is_han(c)).count() * 2 >= count
    };
    (phrase_like(kicker) && phrase_like(head)).then(|| ((*kicker).to_owned(), (*head).to_owned()))
}

/// A kicker on its own line followed by its head on the next: both short phrases without
/// sentence punctuation.
pub fn is_two_line_head(kicker: &str, head: &str) -> bool {
    let phrase = |p: &str| {
        let p = p.trim();
        let count = p.chars().count();
        (2..=MAX_PHRASE_CHARS).contains(&count)
            && !ends_sentence(p)
            && !p.contains(['，', ',', '；', '、'])
            && !p.contains(is_space)
            && p.chars().all(|c| is_han(c) || "“”‘’《》".contains(c))
    };
    phrase(kicker) && phrase(head)
}

/// A single short phrase standing alone between paragraphs, as the section heads of a
/// feature often are.
pub fn is_single_head(text: &str) -> bool {
    let text = text.trim();
    let count = text.chars().count();
    (2..=MAX_SINGLE_HEAD_CHARS).contains(&count)
        && !ends_sentence(text)
        && !text.contains(['，', ',', '；', ';', '：', ':'])
        && text.chars().filter(|&c| is_han(c)).count() * 2 > count
}

/// The kicker and head joined as printed.
pub fn joined(kicker: &str, head: &str) -> String {
    format!("{}{KICKER_SEPARATOR}{}", kicker.trim(), head.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kicker_and_head_on_one_line() {
        assert_eq!(kicker_and_head("把脉问诊 精准发力"), Some(("把脉问诊".into(), "精准发力".into())));
        assert!(is_section_head("聚焦民生　“微建议”办成大实事"));
        assert!(!is_section_head("把脉问诊，精准发力"), "one phrase with a comma");
        assert!(!is_section_head("代表们说 这件事办得好。"), "a sentence");
        assert!(!is_section_head("张明远 刘小芳 王建"), "three names are a byline");
        assert!(!is_section_head("株洲市炎陵县:畅通“全链条”履职路径 推动代表履职效能提升"), "a long title");
    }

    #[test]
    fn kicker_and_head_on_two_lines() {
        assert!(is_two_line_head("把脉问诊", "精准发力"));
        assert!(!is_two_line_head("把脉问诊", "监督组深入一线了解情况。"));
        assert!(!is_two_line_head("今年以来，各地", "积极探索"));
    }

    #[test]
    fn a_single_phrase_head() {
        assert!(is_single_head("让数据多跑路"));
        assert!(!is_single_head("监督组深入一线了解情况。"));
        assert!(!is_single_head("主要做法：三个方面"));
    }
}
