//! Replacing in every text of one article, each text on its own, with a report of where.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::runs::{find_in_runs, replace_runs, suggest_runs};
use super::{MatchIn, Query};
use crate::domain::{Article, Block, Inline};

/// How matches are replaced: outright, or as 建议模式 suggestions signed by who and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplaceMode<'a> {
    Direct,
    Suggest { author: &'a str, at: &'a str },
}

/// Which of an article's texts a match is in, counted the way the editor shows them:
/// paragraphs among paragraphs, headings among headings, from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Place {
    Title { line: u32 },
    Subtitle,
    Byline,
    EditorNote,
    Paragraph { number: u32 },
    Heading { number: u32 },
    Caption { number: u32 },
    Contributor { number: u32 },
    Source,
}

impl Place {
    pub fn label(&self) -> String {
        match self {
            Place::Title { line } => format!("标题第{line}行"),
            Place::Subtitle => "副标题".into(),
            Place::Byline => "署名".into(),
            Place::EditorNote => "编者按".into(),
            Place::Paragraph { number } => format!("正文第{number}段"),
            Place::Heading { number } => format!("第{number}个小标题"),
            Place::Caption { number } => format!("第{number}张图片的说明"),
            Place::Contributor { number } => format!("第{number}个供稿单位"),
            Place::Source => "摘编来源".into(),
        }
    }
}

/// The place of body block `block` (an index into `article.body`) as the editor shows it.
pub fn body_place(article: &Article, block: usize) -> Option<Place> {
    let kind = |b: &Block| std::mem::discriminant(b);
    let this = article.body.get(block)?;
    let number = article.body[..=block].iter().filter(|b| kind(b) == kind(this)).count() as u32;
    Some(match this {
        Block::Paragraph { .. } => Place::Paragraph { number },
        Block::Heading { .. } => Place::Heading { number },
        Block::Image { .. } => Place::Caption { number },
    })
}

/// One match: where, the text around it before and after, and whether it was replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub place: Place,
    /// The text around the match, the match between 〖〗.
    pub before: String,
    /// The same with the replacement; equal to `before` when the match was left.
    pub after: String,
    /// Why the match was left as it is, if it was.
    #[ts(optional)]
    pub left: Option<String>,
}

/// The article with every match replaced, and what was done where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleReplace {
    pub article: Article,
    pub changes: Vec<Change>,
}

impl ArticleReplace {
    pub fn replaced(&self) -> usize {
        self.changes.iter().filter(|c| c.left.is_none()).count()
    }
}

const IN_SUGGESTION: &str = "在待处理的修改建议中，请先采纳或拒绝该建议";
const NOT_SUGGESTIBLE: &str = "建议模式只能在编者按和正文中记录修改，这里请编辑直接修改";

/// Characters of context shown on each side of a match.
const CONTEXT: usize = 8;

pub fn replace_in_article(
    article: &Article,
    query: &Query,
    replacement: &str,
    mode: ReplaceMode,
) -> ArticleReplace {
    let mut walk = Walk { query, replacement, mode, changes: vec![], next_id: next_suggestion_id(article) };
    let mut out = article.clone();
    for (line, text) in out.title.iter_mut().enumerate() {
        walk.plain(Place::Title { line: line as u32 + 1 }, text);
    }
    if let Some(text) = out.subtitle.as_mut() {
        walk.plain(Place::Subtitle, text);
    }
    if let Some(text) = out.byline.as_mut() {
        walk.plain(Place::Byline, text);
    }
    walk.runs(Place::EditorNote, &mut out.editor_note);
    let (mut paragraphs, mut headings, mut images) = (0, 0, 0);
    for block in &mut out.body {
        match block {
            Block::Paragraph { content } => {
                paragraphs += 1;
                walk.runs(Place::Paragraph { number: paragraphs }, content);
            }
            Block::Heading { content, .. } => {
                headings += 1;
                walk.runs(Place::Heading { number: headings }, content);
            }
            Block::Image { caption, .. } => {
                images += 1;
                if let Some(text) = caption.as_mut() {
                    walk.plain(Place::Caption { number: images }, text);
                }
            }
        }
    }
    for (number, text) in out.contributors.iter_mut().enumerate() {
        walk.plain(Place::Contributor { number: number as u32 + 1 }, text);
    }
    if let Some(text) = out.source.as_mut() {
        walk.plain(Place::Source, text);
    }
    ArticleReplace { article: out, changes: walk.changes }
}

/// The state of one pass over an article's texts.
struct Walk<'a> {
    query: &'a Query,
    replacement: &'a str,
    mode: ReplaceMode<'a>,
    changes: Vec<Change>,
    next_id: u32,
}

impl Walk<'_> {
    /// A text that cannot carry suggestions (title lines, captions, attribution fields).
    fn plain(&mut self, place: Place, text: &mut String) {
        let runs = [Inline::plain(text)];
        let found = find_in_runs(&runs, self.query);
        if found.is_empty() {
            return;
        }
        if let ReplaceMode::Suggest { .. } = self.mode {
            self.note(place, text, &found, Some(NOT_SUGGESTIBLE));
            return;
        }
        self.note(place, text, &found, None);
        let ranges: Vec<Range<usize>> = found.into_iter().map(|m| m.range).collect();
        *text = replace_runs(&runs, &ranges, self.replacement).into_iter().map(|run| run.text).collect();
    }

    fn runs(&mut self, place: Place, runs: &mut Vec<Inline>) {
        let found = find_in_runs(runs, self.query);
        if found.is_empty() {
            return;
        }
        let text: String = runs.iter().map(|run| run.text.as_str()).collect();
        self.note(place, &text, &found, None);
        let ranges: Vec<Range<usize>> =
            found.into_iter().filter(|m| !m.in_suggestion).map(|m| m.range).collect();
        *runs = match self.mode {
            ReplaceMode::Direct => replace_runs(runs, &ranges, self.replacement),
            ReplaceMode::Suggest { author, at } => {
                let (out, next) = suggest_runs(runs, &ranges, self.replacement, (author, at), self.next_id);
                self.next_id = next;
                out
            }
        };
    }

    /// Records every match of one text; `left_all` when none of them can be replaced here.
    fn note(&mut self, place: Place, text: &str, found: &[MatchIn], left_all: Option<&str>) {
        let chars: Vec<char> = text.chars().collect();
        for m in found {
            let left = left_all.or(m.in_suggestion.then_some(IN_SUGGESTION));
            let before = context(&chars, &m.range, &chars[m.range.clone()].iter().collect::<String>());
            let after = match left {
                Some(_) => before.clone(),
                None => context(&chars, &m.range, self.replacement),
            };
            self.changes.push(Change { place, before, after, left: left.map(str::to_owned) });
        }
    }
}

/// `…eight chars〖middle〗eight chars…`, the ellipses only where the text goes on.
fn context(chars: &[char], range: &Range<usize>, middle: &str) -> String {
    let from = range.start.saturating_sub(CONTEXT);
    let to = (range.end + CONTEXT).min(chars.len());
    let lead: String = chars[from..range.start].iter().collect();
    let tail: String = chars[range.end..to].iter().collect();
    let open = if from > 0 { "…" } else { "" };
    let close = if to < chars.len() { "…" } else { "" };
    format!("{open}{lead}〖{middle}〗{tail}{close}")
}

fn next_suggestion_id(article: &Article) -> u32 {
    article.inlines().filter_map(|inline| inline.suggestion.as_ref()).map(|s| s.id + 1).max().unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Suggestion, SuggestionKind};
    use crate::find::FindOptions;

    fn query(text: &str) -> Query {
        Query::new(text, FindOptions { fold_width: true }).expect("query")
    }

    fn sample() -> Article {
        Article {
            title: vec!["关于春季植树".into(), "的通报".into()],
            subtitle: Some("——植树节纪实".into()),
            byline: Some("植树组".into()),
            editor_note: vec![Inline::plain("植树造林，功在当代。")],
            body: vec![
                Block::heading(1, "一、植树概况"),
                Block::paragraph("今年共植树三千株。"),
                Block::Image { src: "data:image/png;base64,".into(), caption: Some("植树现场".into()) },
                Block::paragraph("下一步继续植树,扩大绿化。"),
            ],
            contributors: vec!["植树办".into()],
            source: Some("《植树报》".into()),
            field_suggestions: vec![],
            block_suggestions: vec![],
        }
    }

    #[test]
    fn every_text_of_the_article_is_searched_and_named_as_the_editor_shows_it() {
        let result = replace_in_article(&sample(), &query("植树"), "造林", ReplaceMode::Direct);
        let places: Vec<String> = result.changes.iter().map(|c| c.place.label()).collect();
        assert_eq!(
            places,
            [
                "标题第1行",
                "副标题",
                "署名",
                "编者按",
                "第1个小标题",
                "正文第1段",
                "第1张图片的说明",
                "正文第2段",
                "第1个供稿单位",
                "摘编来源"
            ]
        );
        assert_eq!(result.replaced(), 10);
        assert_eq!(result.article.title, ["关于春季造林", "的通报"]);
        assert_eq!(result.article.body[3].plain_text(), "下一步继续造林,扩大绿化。");
        assert_eq!(result.changes[5].before, "今年共〖植树〗三千株。");
        assert_eq!(result.changes[5].after, "今年共〖造林〗三千株。");
    }

    #[test]
    fn body_places_count_paragraphs_among_paragraphs() {
        let labels: Vec<String> =
            (0..4).filter_map(|block| body_place(&sample(), block)).map(|place| place.label()).collect();
        assert_eq!(labels, ["第1个小标题", "正文第1段", "第1张图片的说明", "正文第2段"]);
        assert_eq!(body_place(&sample(), 4), None);
    }

    #[test]
    fn a_match_never_runs_across_two_title_lines() {
        let result = replace_in_article(&sample(), &query("植树的"), "x", ReplaceMode::Direct);
        assert!(result.changes.is_empty(), "title lines are separate texts, as in the editor");
    }

    #[test]
    fn a_match_in_a_pending_suggestion_is_reported_and_left() {
        let mut article = sample();
        let suggestion = Suggestion {
            kind: SuggestionKind::Insertion,
            id: 3,
            author: "校对甲".into(),
            at: "2025-09-01T08:00:00Z".into(),
        };
        article.body[1] = Block::Paragraph {
            content: vec![
                Inline::plain("今年"),
                Inline { suggestion: Some(suggestion), ..Inline::plain("植树") },
            ],
        };
        let result = replace_in_article(&article, &query("植树"), "造林", ReplaceMode::Direct);
        let left: Vec<&Change> = result.changes.iter().filter(|c| c.left.is_some()).collect();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].place, Place::Paragraph { number: 1 });
        assert_eq!(result.article.body[1], article.body[1], "the suggested text stays as it was");
    }

    #[test]
    fn in_suggesting_mode_only_the_note_and_the_body_change_and_as_suggestions() {
        let mode = ReplaceMode::Suggest { author: "校对乙", at: "2025-09-03T09:00:00Z" };
        let result = replace_in_article(&sample(), &query("植树"), "造林", mode);
        assert_eq!(result.replaced(), 4, "编者按, the heading and the two paragraphs");
        assert_eq!(result.article.title, sample().title, "titles cannot hold suggestions");
        assert_eq!(result.article.settled(), sample().settled(), "nothing prints differently until accepted");
        assert_eq!(result.article.pending_suggestions(), [1, 2, 3, 4]);
    }

    #[test]
    fn folding_finds_half_width_commas_in_full_width_text() {
        let result = replace_in_article(&sample(), &query("，"), "；", ReplaceMode::Direct);
        let befores: Vec<&str> = result.changes.iter().map(|c| c.before.as_str()).collect();
        assert_eq!(befores, ["植树造林〖，〗功在当代。", "下一步继续植树〖,〗扩大绿化。"]);
    }
}
