//! Proof checks: findings an editor reviews before sign-off, each citing the rule it rests on
//! (GB/T 15834—2011 标点符号用法, GB/T 15835—2011 出版物上数字用法, house style).
//!
//! Pure: an issue, its publication and the word list in, findings out. Rule families in file
//! order: punctuation → numbers → words → places → typos → text (one piece of text at a
//! time), then
//! consistency (across an article and the issue) and round_dates (the masthead date against
//! the status history, given as plain dates). `context` and `apply` serve the proof panel:
//! the text around a finding, and a suggestion applied to the article.
//!
//! Where a finding is: `article` (index in print order, `None` for the masthead and footer),
//! `part` (which text of the article) and `block` (index within that part: the body block,
//! the footer field; the attribution line, `（摘编自…）` before `（… 供稿）`; 0 for the title and
//! editor's note). `start..end` is a
//! half-open range of Unicode characters (not bytes, not UTF-16 units) of that text: the
//! body block's `Block::plain_text`, the title lines joined (`Article::title_text`), the
//! attribution line as printed (`Article::attribution`), the masthead date as printed.

mod apply;
mod consistency;
mod context;
mod finding;
mod measure;
mod numbers;
mod places;
mod punctuation;
mod round_dates;
mod text;
mod typos;
mod words;

pub use apply::{ApplyRefusal, apply_suggestion, can_apply};
pub use context::{CONTEXT_CHARS, finding_context};
pub use finding::{Finding, Hit, Part, RuleId};
pub use measure::{LabelledError, LabelledSentence, Tally, parse_labelled};
pub use places::{Gazetteer, Place};
pub use round_dates::RoundDates;
pub use words::{DEFAULT_WORDS, WordEntry, WordList, WordListError};

use crate::domain::{Article, Issue, Publication};

/// Every finding on the issue, ordered by article, part, block and position.
pub fn check_issue(issue: &Issue, publication: &Publication, words: &WordList) -> Vec<Finding> {
    check_issue_in_rounds(issue, publication, words, &RoundDates::default())
}

/// `check_issue` with what the status history says about the issue's dates (a stored issue).
pub fn check_issue_in_rounds(
    issue: &Issue,
    publication: &Publication,
    words: &WordList,
    dates: &RoundDates,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, article) in issue.articles.iter().enumerate() {
        let index = index as u32;
        // Pending suggestions are not yet the text; blocks keep their places for `block`.
        let article = &article.settled_block_for_block();
        for (part, block, text) in article_texts(article) {
            let mut hits = check_text(&text, words);
            if matches!(part, Part::Byline | Part::Attribution) {
                // Names of people and units: no word model knows them, none is "corrected".
                hits.retain(|hit| hit.rule != RuleId::Typo);
            }
            findings.extend(hits.into_iter().map(|hit| hit.at(Some(index), part, block, &text)));
        }
        findings.extend(consistency::check_article(article, index));
    }
    findings.extend(consistency::check_masthead(issue));
    findings.extend(round_dates::check_masthead_dates(issue, dates));
    findings.extend(consistency::check_footer(publication));
    drop_restated_places(&mut findings);
    findings.sort_by(|a, b| {
        (a.article.is_none(), a.article, a.part, a.block, a.start, a.rule).cmp(&(
            b.article.is_none(),
            b.article,
            b.part,
            b.block,
            b.start,
            b.rule,
        ))
    });
    findings
}

/// The rules that look at one piece of text on its own.
pub fn check_text(text: &str, words: &WordList) -> Vec<Hit> {
    let mut hits = punctuation::check(text);
    hits.extend(numbers::check(text));
    hits.extend(words.check(text));
    hits.extend(places::check(text));
    hits.extend(typos::check(text, protected_terms(words)));
    hits.extend(text::check(text));
    hits.sort_by_key(|hit| (hit.start, hit.rule));
    hits
}

/// Unpacks and indexes the typo check's language model now rather than on the first check
/// (it is done once either way; the desktop app calls this on a background thread at start).
pub fn prepare_typo_check() {
    typos::prepare();
}

/// The office's terms (assets/proof/terms.txt), shipped with the program.
const TERMS: &str = include_str!("../../../assets/proof/terms.txt");

/// What the typo check never corrects: the office's terms, the right forms of its word list
/// and every form of a Hunan place name.
fn protected_terms(words: &WordList) -> impl Iterator<Item = &str> {
    let terms = TERMS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    let right_forms = words.entries.iter().map(|entry| entry.right.as_str());
    terms.chain(right_forms).chain(Gazetteer::hunan().names())
}

/// An attribution place the consistency check flags (`会同市` against the title's `会同县`)
/// is also a place the gazetteer lacks: one finding says it, the one that names the title.
fn drop_restated_places(findings: &mut Vec<Finding>) {
    let restated: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == RuleId::AttributionPlace)
        .map(|f| (f.article, f.part, f.block, f.start, f.end))
        .collect();
    findings.retain(|f| {
        f.rule != RuleId::UnknownPlace || !restated.contains(&(f.article, f.part, f.block, f.start, f.end))
    });
}

/// Every text of the article a check reads, in reading order, with its part and block (see the
/// module documentation); the search index keeps the same texts (`archive::indexed_texts`).
pub fn article_texts(article: &Article) -> Vec<(Part, u32, String)> {
    let mut texts = vec![(Part::Title, 0, article.title_text())];
    texts.extend(article.subtitle.iter().map(|s| (Part::Subtitle, 0, s.clone())));
    texts.extend(article.byline.iter().map(|s| (Part::Byline, 0, s.clone())));
    if !article.editor_note.is_empty() {
        let note: String = article.editor_note.iter().map(|i| i.text.as_str()).collect();
        texts.push((Part::EditorNote, 0, note));
    }
    for (index, block) in article.body.iter().enumerate() {
        texts.push((Part::Body, index as u32, block.plain_text()));
    }
    let attribution = article.attribution_lines().into_iter().enumerate();
    texts.extend(attribution.map(|(line, text)| (Part::Attribution, line as u32, text)));
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Block;

    #[test]
    fn findings_are_placed_in_their_article_part_and_block() {
        let article = Article {
            title: vec!["会同县：其它".into(), "工作".into()],
            body: vec![Block::heading(1, "一、概况"), Block::paragraph("会议指出,要落实。")],
            contributors: vec!["会同县人大常委会".into()],
            ..Article::empty()
        };
        let issue = Issue::sample(vec![Article::empty(), article]);
        let findings = check_issue(&issue, &Publication::lianluo_dongtai(), &WordList::shipped());
        let places: Vec<_> =
            findings.iter().map(|f| (f.article, f.part, f.block, f.start, f.text.as_str())).collect();
        assert_eq!(places, [(Some(1), Part::Title, 0, 4, "其它"), (Some(1), Part::Body, 1, 4, ",")]);
    }

    #[test]
    fn a_clean_issue_has_no_findings() {
        let article = Article {
            title: vec!["会同县：“五纳入五保障”".into()],
            body: vec![Block::paragraph("2025年9月2日，会同县人大常委会召开会议。")],
            contributors: vec!["会同县人大常委会".into()],
            ..Article::empty()
        };
        let issue = Issue::sample(vec![article]);
        assert!(check_issue(&issue, &Publication::lianluo_dongtai(), &WordList::shipped()).is_empty());
    }
}
