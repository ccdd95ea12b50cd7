//! What the archive's store methods take and give: a search and its rows, the units named on
//! articles, the yearly counts. The search index itself is the store's own (see each store's
//! `search_table`); these are plain rows.

use chrono::NaiveDate;

use super::{Id, StoreError};
use crate::archive::SearchText;
use crate::domain::IssueKind;
use crate::proof::Part;

/// A search of one publication's live issues (not in the trash) and articles.
#[derive(Debug, Clone, Copy)]
pub struct ArticleSearch<'a> {
    pub publication_id: Id,
    pub text: &'a SearchText,
    pub year: Option<i32>,
    /// Only articles naming one of these units on their attribution line.
    pub units: Option<&'a [String]>,
    /// At most this many articles, newest issue first.
    pub limit: u32,
}

/// The articles found: how many in all, and the first `limit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRows {
    pub total: u32,
    pub hits: Vec<SearchRow>,
}

/// One article found, with the first of its texts that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRow {
    pub issue_id: Id,
    pub kind: IssueKind,
    pub year: i32,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
    pub article_id: Id,
    /// The title lines joined.
    pub title: String,
    pub part: Part,
    pub block: u32,
    pub text: String,
    /// How many of the article's texts match.
    pub matching_texts: u32,
}

/// Issues and 字数 of one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    pub year: i32,
    pub issues: u32,
    pub characters: u64,
}

/// An issue's page count as laid out from the inputs `layout_key` names (a digest of the issue,
/// its publication's settings and the fonts): kept so that the statistics lay out again only
/// the issues that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCount {
    pub issue_id: Id,
    pub layout_key: String,
    pub pages: u32,
}

/// The issue's kind as stored, or an error naming the row.
pub(super) fn stored_kind(issue_id: Id, kind: &str) -> Result<IssueKind, StoreError> {
    IssueKind::parse(kind)
        .ok_or_else(|| StoreError::corrupt("issue", issue_id, format!("未知的期刊类型 {kind}")))
}

/// An indexed text's part as stored (`Part::key`), or an error naming the row.
pub(super) fn stored_part(article_id: Id, part: &str) -> Result<Part, StoreError> {
    Part::from_key(part)
        .ok_or_else(|| StoreError::corrupt("article_text", article_id, format!("未知的部分 {part}")))
}
