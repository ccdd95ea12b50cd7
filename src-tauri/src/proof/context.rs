//! The characters around a finding: shown to the editor so that `，` or `的的` can be told
//! apart in a long paragraph, and part of the key an ignored finding is known by.

use super::{Finding, Part, article_texts};
use crate::domain::Issue;

/// Characters taken on each side of the flagged text.
pub const CONTEXT_CHARS: usize = 8;

/// Up to `CONTEXT_CHARS` characters before and after the finding in the text it was found
/// in; empty for the masthead and footer, whose fields are short and shown whole.
pub fn finding_context(issue: &Issue, finding: &Finding) -> (String, String) {
    let Some(article) = finding.article.and_then(|index| issue.articles.get(index as usize)) else {
        return (String::new(), String::new());
    };
    // The text the check read: pending suggestions left out, blocks in their places.
    let text = article_texts(&article.settled_block_for_block())
        .into_iter()
        .find(|(part, block, _)| (*part, *block) == (finding.part, finding.block))
        .map(|(.., text)| text);
    let Some(text) = text.filter(|_| !matches!(finding.part, Part::Masthead | Part::Footer)) else {
        return (String::new(), String::new());
    };
    around(&text, finding.start as usize, finding.end as usize)
}

/// The characters just before `start` and just after `end` in `text`.
fn around(text: &str, start: usize, end: usize) -> (String, String) {
    let chars: Vec<char> = text.chars().collect();
    let start = start.min(chars.len());
    let end = end.clamp(start, chars.len());
    let before = chars[start.saturating_sub(CONTEXT_CHARS)..start].iter().collect();
    let after = chars[end..(end + CONTEXT_CHARS).min(chars.len())].iter().collect();
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Article, Block};
    use crate::proof::{RuleId, WordList, check_issue};

    #[test]
    fn context_is_a_few_characters_either_side_within_the_text() {
        assert_eq!(around("会议指出,要落实。", 4, 5), ("会议指出".into(), "要落实。".into()));
        let long = "一二三四五六七八九十,甲乙丙丁戊己庚辛壬癸";
        assert_eq!(around(long, 10, 11), ("三四五六七八九十".into(), "甲乙丙丁戊己庚辛".into()));
    }

    #[test]
    fn a_finding_in_a_body_block_gets_its_neighbours() {
        let article = Article {
            title: vec!["标题".into()],
            body: vec![Block::paragraph("第一段。"), Block::paragraph("会议指出,要落实。")],
            ..Article::empty()
        };
        let issue = Issue::sample(vec![article]);
        let publication = crate::domain::Publication::lianluo_dongtai();
        let findings = check_issue(&issue, &publication, &WordList::shipped());
        let comma = findings.iter().find(|f| f.rule == RuleId::HalfWidthPunctuation).expect("the comma");
        assert_eq!(finding_context(&issue, comma), ("会议指出".into(), "要落实。".into()));
    }
}
