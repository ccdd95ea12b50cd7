//! Slips of the hand and of style in running text: a function word typed twice, a sentence
//! too long to read aloud. (`十` typed for `+` is the import cleanup's rule, run with the
//! punctuation family.)

use super::finding::{Hit, RuleId};

pub fn check(text: &str) -> Vec<Hit> {
    let mut hits = duplicated_characters(text);
    hits.extend(long_sentences(text));
    hits
}

/// Function words that are never doubled in written Chinese, unlike 常常, 人人 or 等等.
const NEVER_DOUBLED: &str = "的地得在和与及对将把被从是也都就并于为";

/// House style (typing slips): `的的`, `在在` are a character typed twice.
fn duplicated_characters(text: &str) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut hits = Vec::new();
    for i in 1..chars.len() {
        let c = chars[i];
        let tripled = chars.get(i + 1) == Some(&c) || (i >= 2 && chars[i - 2] == c);
        if chars[i - 1] == c && NEVER_DOUBLED.contains(c) && !tripled {
            let message = format!("“{c}{c}”重复了一个字，请核对是否多打");
            hits.push(Hit::new(RuleId::DuplicatedCharacter, i - 1..i + 1, message, Some(c.to_string())));
        }
    }
    hits
}

/// Longest sentence, in characters, before it is flagged.
pub const LONG_SENTENCE: usize = 120;

/// House style: a sentence over 120 characters is hard to read; the editor may split it.
/// A sentence ends at `。！？` (a closing quote right after stays with it).
fn long_sentences(text: &str) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut hits = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let ends = "。！？".contains(chars[i]) || i + 1 == chars.len();
        if ends {
            let mut end = i + 1;
            while end < chars.len() && "”’）".contains(chars[end]) {
                end += 1;
            }
            let length = end - start;
            if length > LONG_SENTENCE {
                let message = format!(
                    "这句话有 {length} 个字符，超过 {LONG_SENTENCE} 字，不易读懂，可考虑拆分（本刊文风）"
                );
                hits.push(Hit::new(RuleId::LongSentence, start..end, message, None));
            }
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_function_words_are_flagged() {
        let hits = duplicated_characters("这是我们的的任务");
        assert_eq!((hits[0].start, hits[0].end, hits[0].suggestion.as_deref()), (4, 6, Some("的")));
        assert!(duplicated_characters("常常、人人、等等、代表们").is_empty());
    }

    #[test]
    fn long_sentences_are_flagged_with_their_range() {
        let long = format!("{}。短句。", "字".repeat(121));
        let hits = long_sentences(&long);
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end), (0, 122));
        let fine = format!("{}。{}", "字".repeat(119), "字".repeat(50));
        assert!(long_sentences(&fine).is_empty());
    }
}
