//! Comparing the text of two rounds, article by article: what a proofreader changed between
//! 一校 and 二校, or what changed since the issue went for sign-off. Articles are matched by
//! their id, so a retitled or moved article still compares with itself.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, DiffOp, TextDiff};
use ts_rs::TS;

use crate::domain::{Article, Block, IssueStatus};
use crate::error::AppError;
use crate::store::{Id, SnapshotArticle, Store};

/// Which text to compare: as it entered a status, or as it is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundRef {
    Entered(IssueStatus),
    Current,
}

impl RoundRef {
    /// Reads `1`–`3`, `一校`/`二校`/`三校`, `待签发`, `签发`/`已签发` or `当前`.
    pub fn parse(text: &str) -> Option<RoundRef> {
        let status = match text.trim() {
            "1" | "一校" => IssueStatus::FirstProof,
            "2" | "二校" => IssueStatus::SecondProof,
            "3" | "三校" => IssueStatus::ThirdProof,
            "待签发" => IssueStatus::AwaitingSignOff,
            "签发" | "已签发" => IssueStatus::SignedOff,
            "当前" | "现在" => return Some(RoundRef::Current),
            _ => return None,
        };
        Some(RoundRef::Entered(status))
    }

    pub fn label(self) -> String {
        match self {
            RoundRef::Entered(status) => status.as_chinese().to_owned(),
            RoundRef::Current => "当前".to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RoundComparison {
    pub from_label: String,
    pub to_label: String,
    pub articles: Vec<ArticleComparison>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ArticleChange {
    Added,
    Removed,
    Changed,
    Unchanged,
}

/// One article in either round, in the later round's order, removed ones after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleComparison {
    pub article_id: Id,
    pub title: String,
    pub change: ArticleChange,
    pub lines: Vec<LineChange>,
}

/// A changed line of the article's text (title, body paragraph, …), 1-based line numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LineChange {
    pub old_line: Option<u32>,
    pub new_line: Option<u32>,
    /// The old line in pieces; `changed` marks what the later round took out.
    pub old: Vec<Piece>,
    /// The new line in pieces; `changed` marks what the later round put in.
    pub new: Vec<Piece>,
    /// Both versions in one run, deletions before the insertions that replace them, for a
    /// reader who wants to see the edit in place rather than two lines side by side.
    pub inline: Vec<InlineEdit>,
}

/// A run of characters of a changed line, kept, taken out or put in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InlineEdit {
    pub text: String,
    pub kind: EditKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EditKind {
    Kept,
    Deleted,
    Inserted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

pub fn compare_rounds(
    store: &dyn Store,
    issue: Id,
    from: RoundRef,
    to: RoundRef,
) -> Result<RoundComparison, AppError> {
    let old = round_text(store, issue, from)?;
    let new = round_text(store, issue, to)?;
    Ok(RoundComparison {
        from_label: from.label(),
        to_label: to.label(),
        articles: compare_articles(&old, &new),
    })
}

fn round_text(store: &dyn Store, issue: Id, round: RoundRef) -> Result<Vec<SnapshotArticle>, AppError> {
    match round {
        RoundRef::Current => Ok(store
            .articles_of(store.issue(issue)?.id)?
            .into_iter()
            .map(|record| SnapshotArticle { article_id: record.id, article: record.article })
            .collect()),
        RoundRef::Entered(status) => {
            store.issue(issue)?;
            let snapshot = store.latest_snapshot(issue, status)?.ok_or_else(|| {
                AppError::invalid(format!(
                    "本期还没有进入过“{}”，没有这一轮的文字可比较",
                    status.as_chinese()
                ))
            })?;
            Ok(snapshot.articles)
        }
    }
}

/// Matches the two rounds' articles by id and compares each pair's text.
pub fn compare_articles(old: &[SnapshotArticle], new: &[SnapshotArticle]) -> Vec<ArticleComparison> {
    let mut result: Vec<ArticleComparison> = new
        .iter()
        .map(|after| match old.iter().find(|before| before.article_id == after.article_id) {
            Some(before) => compare_article(after.article_id, &before.article, &after.article),
            None => whole(after, ArticleChange::Added),
        })
        .collect();
    let removed = old.iter().filter(|before| new.iter().all(|after| after.article_id != before.article_id));
    result.extend(removed.map(|before| whole(before, ArticleChange::Removed)));
    result
}

fn compare_article(article_id: Id, old: &Article, new: &Article) -> ArticleComparison {
    let lines = line_changes(&text_lines(old), &text_lines(new));
    let change = if lines.is_empty() { ArticleChange::Unchanged } else { ArticleChange::Changed };
    ArticleComparison { article_id, title: new.title_text(), change, lines }
}

fn whole(article: &SnapshotArticle, change: ArticleChange) -> ArticleComparison {
    let empty: Vec<String> = vec![];
    let lines = text_lines(&article.article);
    let lines = match change {
        ArticleChange::Removed => line_changes(&lines, &empty),
        _ => line_changes(&empty, &lines),
    };
    ArticleComparison { article_id: article.article_id, title: article.article.title_text(), change, lines }
}

/// The article as lines of plain text, one per printed element, labelled where the element
/// alone would not say what it is.
pub fn text_lines(article: &Article) -> Vec<String> {
    // Suggestions not yet accepted are not part of a round's text.
    let article = &article.settled();
    let mut lines = vec![format!("标题：{}", article.title_text())];
    lines.extend(article.subtitle.iter().map(|subtitle| format!("副题：{subtitle}")));
    lines.extend(article.byline.iter().map(|byline| format!("署名：{byline}")));
    if !article.editor_note.is_empty() {
        let note: String = article.editor_note.iter().map(|inline| inline.text.as_str()).collect();
        lines.push(format!("【编者按】{note}"));
    }
    lines.extend(article.body.iter().map(|block| match block {
        Block::Image { .. } => format!("［图片］{}", block.plain_text()),
        _ => block.plain_text(),
    }));
    lines.extend(article.attribution_lines());
    lines
}

fn line_changes(old: &[String], new: &[String]) -> Vec<LineChange> {
    let old_refs: Vec<&str> = old.iter().map(String::as_str).collect();
    let new_refs: Vec<&str> = new.iter().map(String::as_str).collect();
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &old_refs, &new_refs);
    let mut changes = Vec::new();
    for op in diff {
        let (old_range, new_range) = match op {
            DiffOp::Equal { .. } => continue,
            _ => (op.old_range(), op.new_range()),
        };
        let paired = old_range.len().min(new_range.len());
        for offset in 0..old_range.len().max(new_range.len()) {
            let old_index = (offset < old_range.len()).then(|| old_range.start + offset);
            let new_index = (offset < new_range.len()).then(|| new_range.start + offset);
            let (old_text, new_text) =
                (old_index.map_or("", |i| old_refs[i]), new_index.map_or("", |i| new_refs[i]));
            let line = if offset < paired {
                char_changes(old_text, new_text)
            } else {
                whole_line(old_text, new_text)
            };
            changes.push(LineChange {
                old_line: old_index.map(line_number),
                new_line: new_index.map(line_number),
                ..line
            });
        }
    }
    changes
}

/// Both versions of a changed line, split where they differ character by character: Chinese
/// has no spaces to split words at, and a proofreader's edit is often one character.
fn char_changes(old: &str, new: &str) -> LineChange {
    let diff = TextDiff::from_chars(old, new);
    let (mut old_pieces, mut new_pieces, mut inline) = (Vec::new(), Vec::new(), Vec::new());
    for change in diff.iter_all_changes() {
        let text = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut old_pieces, text, false);
                push(&mut new_pieces, text, false);
                push_edit(&mut inline, text, EditKind::Kept);
            }
            ChangeTag::Delete => {
                push(&mut old_pieces, text, true);
                push_edit(&mut inline, text, EditKind::Deleted);
            }
            ChangeTag::Insert => {
                push(&mut new_pieces, text, true);
                push_edit(&mut inline, text, EditKind::Inserted);
            }
        }
    }
    LineChange { old_line: None, new_line: None, old: old_pieces, new: new_pieces, inline }
}

/// A line only one round has: all of it taken out or put in.
fn whole_line(old: &str, new: &str) -> LineChange {
    let mut inline = Vec::new();
    push_edit(&mut inline, old, EditKind::Deleted);
    push_edit(&mut inline, new, EditKind::Inserted);
    LineChange { old_line: None, new_line: None, old: whole_piece(old), new: whole_piece(new), inline }
}

fn push_edit(edits: &mut Vec<InlineEdit>, text: &str, kind: EditKind) {
    match edits.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ if text.is_empty() => {}
        _ => edits.push(InlineEdit { text: text.to_owned(), kind }),
    }
}

/// Appends to the last piece when it is of the same kind, so pieces are whole runs.
fn push(pieces: &mut Vec<Piece>, text: &str, changed: bool) {
    match pieces.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => pieces.push(Piece { text: text.to_owned(), changed }),
    }
}

fn whole_piece(text: &str) -> Vec<Piece> {
    if text.is_empty() { vec![] } else { vec![Piece { text: text.to_owned(), changed: true }] }
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

/// The pieces as one line, taken-out text in 〔删：…〕 and put-in text in 〔增：…〕.
pub fn marked_text(pieces: &[Piece], mark: &str) -> String {
    pieces
        .iter()
        .map(|piece| if piece.changed { format!("〔{mark}：{}〕", piece.text) } else { piece.text.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapshot(id: Id, title: &str, paragraphs: &[&str]) -> SnapshotArticle {
        let mut article = Article::empty();
        article.title = vec![title.into()];
        article.body = paragraphs.iter().map(|text| Block::paragraph(text)).collect();
        SnapshotArticle { article_id: id, article }
    }

    #[test]
    fn a_changed_word_is_marked_inside_its_paragraph() {
        let old = [snapshot(1, "会议", &["常委会审议了报告。", "会议由主任主持。"])];
        let new = [snapshot(1, "会议", &["常委会审议通过了报告。", "会议由主任主持。"])];
        let result = compare_articles(&old, &new);
        assert_eq!(result[0].change, ArticleChange::Changed);
        let [line] = result[0].lines.as_slice() else { panic!("one changed line: {result:?}") };
        assert_eq!((line.old_line, line.new_line), (Some(2), Some(2)), "after the title line");
        assert_eq!(marked_text(&line.old, "删"), "常委会审议了报告。");
        assert_eq!(marked_text(&line.new, "增"), "常委会审议〔增：通过〕了报告。");
    }

    #[test]
    fn the_inline_run_puts_each_deletion_before_its_replacement() {
        let old = [snapshot(1, "会议", &["常委会审议了报告。"])];
        let new = [snapshot(1, "会议", &["常委会审阅通过了报告。"])];
        let result = compare_articles(&old, &new);
        let edits: Vec<(EditKind, &str)> =
            result[0].lines[0].inline.iter().map(|edit| (edit.kind, edit.text.as_str())).collect();
        assert_eq!(
            edits,
            [
                (EditKind::Kept, "常委会审"),
                (EditKind::Deleted, "议"),
                (EditKind::Inserted, "阅通过"),
                (EditKind::Kept, "了报告。"),
            ],
            "read in order, the runs give the old line without insertions and the new without deletions"
        );
    }

    #[test]
    fn added_removed_and_unchanged_articles_are_told_apart() {
        let old = [snapshot(1, "甲", &["一。"]), snapshot(2, "乙", &["二。"])];
        let new = [snapshot(3, "丙", &["三。"]), snapshot(1, "甲", &["一。"])];
        let changes: Vec<(Id, ArticleChange)> =
            compare_articles(&old, &new).iter().map(|a| (a.article_id, a.change)).collect();
        assert_eq!(
            changes,
            [(3, ArticleChange::Added), (1, ArticleChange::Unchanged), (2, ArticleChange::Removed)]
        );
    }

    #[test]
    fn a_deleted_paragraph_shows_its_whole_text() {
        let old = [snapshot(1, "甲", &["留下。", "删去的一段。"])];
        let new = [snapshot(1, "甲", &["留下。"])];
        let lines = &compare_articles(&old, &new)[0].lines;
        assert_eq!(lines.len(), 1);
        assert_eq!((lines[0].old_line, lines[0].new_line), (Some(3), None));
        assert_eq!(marked_text(&lines[0].old, "删"), "〔删：删去的一段。〕");
        let deleted = InlineEdit { text: "删去的一段。".into(), kind: EditKind::Deleted };
        assert_eq!(lines[0].inline, [deleted], "a line of one round only is one run");
    }

    #[test]
    fn rounds_are_named_by_number_or_in_chinese() {
        assert_eq!(RoundRef::parse("2"), RoundRef::parse("二校"));
        assert_eq!(RoundRef::parse("待签发"), Some(RoundRef::Entered(IssueStatus::AwaitingSignOff)));
        assert_eq!(RoundRef::parse("当前"), Some(RoundRef::Current));
        assert_eq!(RoundRef::parse("4"), None);
    }
}
