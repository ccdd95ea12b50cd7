//! Punctuation (GB/T 15834—2011 标点符号用法): half-width marks, quotes and brackets that
//! do not pair, `、` between quoted items, doubled marks, titles without 《》.
//!
//! Half-width marks, straight quotes, dash and ellipsis forms, `十` for `+` and `[2000]` are
//! the import cleanup's own rules (`import::punctuation`), run here unchanged so that a text
//! imported before they existed, or typed in the editor, is held to the same rules.

use std::sync::LazyLock;

use regex::Regex;

use super::finding::{CharIndex, Hit, RuleId};
use crate::import::CleanupRule;
use crate::import::punctuation::{QuoteState, inline_edits};

pub fn check(text: &str) -> Vec<Hit> {
    let mut hits = cleanup_hits(text);
    hits.extend(unpaired_marks(text));
    hits.extend(comma_between_quoted_items(text));
    hits.extend(doubled_punctuation(text));
    hits.extend(titles_without_book_marks(text));
    hits
}

/// The import cleanup's inline rules, as findings. Spaces are left to the import: a stored
/// text keeps the spaces the editor typed on purpose (the attribution's `供稿`).
fn cleanup_hits(text: &str) -> Vec<Hit> {
    let edits = inline_edits(text, &mut QuoteState::default());
    edits
        .into_iter()
        .filter_map(|edit| {
            let rule = match edit.rule {
                CleanupRule::FullWidthPunctuation => RuleId::HalfWidthPunctuation,
                CleanupRule::PairedQuotes => RuleId::StraightQuotes,
                CleanupRule::Dash => RuleId::DashForm,
                CleanupRule::Ellipsis => RuleId::EllipsisForm,
                CleanupRule::SuspiciousCross => RuleId::CrossForPlus,
                CleanupRule::SuspiciousBracket => RuleId::YearBrackets,
                CleanupRule::RemoveSpace
                | CleanupRule::JoinLines
                | CleanupRule::DropPageNumber
                | CleanupRule::DropRunningHead => return None,
            };
            Some(Hit::new(rule, edit.start..edit.end, edit.message, Some(edit.after)))
        })
        .collect()
}

const PAIRS: [(char, char); 8] = [
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('《', '》'),
    ('〈', '〉'),
    ('【', '】'),
    ('〔', '〕'),
    ('「', '」'),
];

/// GB/T 15834—2011 4.8, 4.9, 4.15: quotes, brackets and book-title marks come in pairs and
/// nest without crossing (`“（”）` crosses).
fn unpaired_marks(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        if PAIRS.iter().any(|&(o, _)| o == c) {
            open.push((i, c));
            continue;
        }
        let Some(&(opener, _)) = PAIRS.iter().find(|&&(_, close)| close == c) else { continue };
        match open.last() {
            Some(&(_, top)) if top == opener => {
                open.pop();
            }
            Some(&(at, top)) if open.iter().any(|&(_, o)| o == opener) => {
                let message =
                    format!("“{c}”与前面的“{top}”交叉嵌套：成对的标点应里外对应（GB/T 15834—2011 4.8、4.9）");
                hits.push(Hit::new(RuleId::UnpairedMark, i..i + 1, message, None));
                open.retain(|&(position, _)| position != at);
                if let Some(index) = open.iter().rposition(|&(_, o)| o == opener) {
                    open.remove(index);
                }
            }
            _ => {
                let message = format!("“{c}”前面没有与之成对的“{opener}”（GB/T 15834—2011 4.8、4.9、4.15）");
                hits.push(Hit::new(RuleId::UnpairedMark, i..i + 1, message, None));
            }
        }
    }
    for (i, c) in open {
        let close = PAIRS.iter().find(|&&(o, _)| o == c).map_or(c, |&(_, close)| close);
        let message = format!("“{c}”在本段内没有与之成对的“{close}”（GB/T 15834—2011 4.8、4.9、4.15）");
        hits.push(Hit::new(RuleId::UnpairedMark, i..i + 1, message, None));
    }
    hits
}

/// GB/T 15834—2011 4.5.3.5: items each in quotes or book-title marks are not separated by `、`
/// (`“三会”、“三文”` → `“三会”“三文”`).
fn comma_between_quoted_items(text: &str) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let mut hits = Vec::new();
    for i in 1..chars.len().saturating_sub(1) {
        let between = matches!((chars[i - 1], chars[i + 1]), ('”', '“') | ('》', '《'));
        if chars[i] == '、' && between {
            let message = "标有引号或书名号的并列成分之间通常不用顿号（GB/T 15834—2011 4.5.3.5）".to_owned();
            hits.push(Hit::new(
                RuleId::EnumerationCommaBetweenQuotes,
                i..i + 1,
                message,
                Some(String::new()),
            ));
        }
    }
    hits
}

/// Sentence and pause marks ranked from the strongest, to say which of two doubled ones stays.
const PAUSES: [char; 5] = ['。', '；', '：', '，', '、'];

/// GB/T 15834—2011 4.1–4.7: one pause takes one mark; `，，` or `，。` is a typing slip.
fn doubled_punctuation(text: &str) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let rank = |c: char| PAUSES.iter().position(|&p| p == c);
    let mut hits = Vec::new();
    let mut i = 0;
    while i + 1 < chars.len() {
        if let (Some(a), Some(b)) = (rank(chars[i]), rank(chars[i + 1])) {
            let keep = PAUSES[a.min(b)].to_string();
            let pair: String = chars[i..i + 2].iter().collect();
            let message = format!("“{pair}”连用了两个点号，只留一个（GB/T 15834—2011 4.1～4.7）");
            hits.push(Hit::new(RuleId::DoubledPunctuation, i..i + 2, message, Some(keep)));
            i += 2;
        } else {
            i += 1;
        }
    }
    hits
}

/// A law by its full name or a newspaper, as the pattern finds them.
static NAMED_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"中华人民共和国\p{Han}{1,20}?(?:法|条例)|\p{Han}{2}(?:日报|晚报|晨报)")
        .expect("the pattern is valid")
});

/// GB/T 15834—2011 4.15.3.1: titles of books, newspapers, periodicals and laws take 《》
/// (`湖南日报` → `《湖南日报》`).
fn titles_without_book_marks(text: &str) -> Vec<Hit> {
    let index = CharIndex::new(text);
    let mut hits = Vec::new();
    for found in NAMED_WORK.find_iter(text) {
        let before = text[..found.start()].chars().next_back();
        let after = text[found.end()..].chars().next();
        // `今日报送` is 今日 + 报送, `日报社` is the publisher, not the paper.
        let not_a_title = after.is_some_and(|c| "送到告名道表批备社".contains(c));
        if before == Some('《') || not_a_title {
            continue;
        }
        let name = found.as_str();
        let message = format!("报刊、法律名称“{name}”应加书名号（GB/T 15834—2011 4.15）");
        hits.push(Hit::new(
            RuleId::TitleWithoutBookMarks,
            index.range(found.range()),
            message,
            Some(format!("《{name}》")),
        ));
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<RuleId> {
        check(text).into_iter().map(|hit| hit.rule).collect()
    }

    #[test]
    fn half_width_marks_come_from_the_import_rules() {
        let hits = check("会议指出,要加强");
        assert_eq!(hits[0].rule, RuleId::HalfWidthPunctuation);
        assert_eq!((hits[0].start, hits[0].end, hits[0].suggestion.as_deref()), (4, 5, Some("，")));
        assert!(rules("时间10:30, ok").is_empty());
    }

    #[test]
    fn straight_quotes_are_flagged() {
        assert_eq!(rules(r#"开展"落实"活动"#), [RuleId::StraightQuotes, RuleId::StraightQuotes]);
        assert!(rules("开展“落实”活动").is_empty());
    }

    #[test]
    fn the_import_rules_keep_their_own_findings() {
        assert_eq!(rules("工作--重要"), [RuleId::DashForm]);
        assert_eq!(rules("等等...还有"), [RuleId::EllipsisForm]);
        assert_eq!(rules("坚持线上十线下"), [RuleId::CrossForPlus]);
        assert_eq!(rules("湘党简准字[2000]第28号"), [RuleId::YearBrackets]);
        assert!(rules("工作——重要，等等……还有县十八届人大，湘党简准字〔2000〕第28号").is_empty());
    }

    #[test]
    fn unpaired_and_crossed_marks() {
        let hits = unpaired_marks("他说“要落实（三会）");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].start, 2);
        assert_eq!(unpaired_marks("要求）").len(), 1);
        assert_eq!(unpaired_marks("“（甲”）").len(), 2, "the crossing closer and the left opener");
        assert!(unpaired_marks("“《代表法》（修正）‘四敢’”").is_empty());
    }

    #[test]
    fn enumeration_comma_between_quoted_items() {
        let hits = comma_between_quoted_items("“三会”、“三文”和《代表法》、《监督法》");
        assert_eq!(hits.iter().map(|h| h.start).collect::<Vec<_>>(), [4, 15]);
        assert!(comma_between_quoted_items("“三会”“三文”，县、乡").is_empty());
    }

    #[test]
    fn doubled_punctuation_keeps_the_stronger_mark() {
        let hits = doubled_punctuation("会议强调，，要落实，。");
        assert_eq!(
            hits.iter().map(|h| h.suggestion.clone()).collect::<Vec<_>>(),
            [Some("，".into()), Some("。".into())]
        );
        assert!(doubled_punctuation("会议强调：“要落实。”").is_empty());
    }

    #[test]
    fn newspapers_and_laws_take_book_marks() {
        let hits = titles_without_book_marks("（摘编自湖南日报）学习中华人民共和国代表法");
        assert_eq!(hits.iter().map(|h| (h.start, h.end)).collect::<Vec<_>>(), [(4, 8), (11, 21)]);
        assert_eq!(hits[0].suggestion.as_deref(), Some("《湖南日报》"));
        assert!(titles_without_book_marks("据《湖南日报》报道，湖南日报社记者于今日报送").is_empty());
    }
}
