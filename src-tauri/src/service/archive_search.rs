//! Search across every issue: the query checked, the unit filter resolved through the office's
//! alias list, the store's rows turned into hits with their snippet and the place the editor
//! opens at.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::archive::{AliasList, SearchText, Snippet, snippet};
use crate::error::AppError;
use crate::numbering;
use crate::proof::Part;
use crate::store::{ArticleSearch, Id, SearchRow, Store};

/// Hits shown when the request does not say, and at most.
pub const DEFAULT_HITS: u32 = 100;
pub const MAX_HITS: u32 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SearchRequest {
    pub text: String,
    #[serde(default)]
    #[ts(optional)]
    pub year: Option<i32>,
    /// Part of a contributing unit's name: articles of every unit whose name (or the unit it
    /// counts as, by the alias list) contains it.
    #[serde(default)]
    #[ts(optional)]
    pub unit: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as searched (spaces tidied).
    pub query: String,
    /// Articles found in all; `hits` holds the newest of them.
    pub total: u32,
    pub hits: Vec<SearchHit>,
    /// The unit names the unit filter stood for, empty without one.
    pub units: Vec<String>,
}

/// One article found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub issue_id: Id,
    /// `2025年第13期`
    pub issue_label: String,
    /// `（总第七百四十一期）`
    pub total_label: String,
    pub date: NaiveDate,
    /// `2025年9月2日`
    pub date_label: String,
    pub article_id: Id,
    pub article_title: String,
    /// Where the first match is, as a proof finding is placed: the editor selects
    /// `snippet.first` in this part and block.
    pub part: Part,
    pub block: u32,
    /// `正文`, `标题`, `供稿行`…
    pub part_label: String,
    pub snippet: Snippet,
    /// How many of the article's texts (title, paragraphs…) hold the query.
    pub matching_texts: u32,
}

pub fn search_articles(store: &dyn Store, request: &SearchRequest) -> Result<SearchResults, AppError> {
    let text = SearchText::parse(&request.text).map_err(AppError::invalid)?;
    let publication_id = store.default_publication_id()?;
    let unit = request.unit.as_deref().map(str::trim).filter(|unit| !unit.is_empty());
    let units = match unit {
        Some(typed) => Some(units_named(store, publication_id, typed)?),
        None => None,
    };
    let search = ArticleSearch {
        publication_id,
        text: &text,
        year: request.year,
        units: units.as_deref(),
        limit: request.limit.unwrap_or(DEFAULT_HITS).clamp(1, MAX_HITS),
    };
    let rows = store.search_articles(&search)?;
    Ok(SearchResults {
        query: text.as_str().to_owned(),
        total: rows.total,
        hits: rows.hits.into_iter().map(|row| hit_of(row, &text)).collect(),
        units: units.unwrap_or_default(),
    })
}

/// Every unit name on the articles that `typed` picks out: names containing it, names
/// counted as a unit whose name contains it, and the names counted with those.
pub fn units_named(store: &dyn Store, publication_id: Id, typed: &str) -> Result<Vec<String>, AppError> {
    let names = store.contributing_units(publication_id)?;
    let aliases = AliasList::new(&store.unit_aliases(publication_id)?);
    let picked: Vec<&str> = names
        .iter()
        .filter(|name| name.contains(typed) || aliases.unit_of(name).contains(typed))
        .flat_map(|name| aliases.names_counted_with(name, &names))
        .collect();
    let mut units: Vec<String> = picked.into_iter().map(str::to_owned).collect();
    units.sort();
    units.dedup();
    if units.is_empty() {
        return Err(AppError::invalid(format!(
            "没有哪篇文章的供稿单位含有“{typed}”；请检查单位名称，或在“统计”页查看各供稿单位"
        )));
    }
    Ok(units)
}

fn hit_of(row: SearchRow, text: &SearchText) -> SearchHit {
    SearchHit {
        issue_id: row.issue_id,
        issue_label: format!("{}年{}", row.year, numbering::issue_label(row.kind, row.number)),
        total_label: numbering::total_label(row.total_number),
        date: row.date,
        date_label: numbering::format_masthead_date(row.date),
        article_id: row.article_id,
        article_title: row.title,
        part: row.part,
        block: row.block,
        part_label: row.part.as_chinese().to_owned(),
        snippet: snippet(&row.text, text),
        matching_texts: row.matching_texts,
    }
}
