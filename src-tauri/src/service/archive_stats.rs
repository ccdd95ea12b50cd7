//! 供稿 statistics and the archive's yearly counts: articles per contributing unit per year
//! (or per quarter of one year), merged by the office's alias list, and per year the issues,
//! pages and 字数. Pages are counted by laying each issue out as it prints here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::export::lay_out;
use crate::archive::{AliasList, ContributionTable, count_contributions};
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::store::{Id, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatsRequest {
    /// One year, counted by quarter; every year when left out.
    #[serde(default)]
    #[ts(optional)]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveStats {
    pub year: Option<i32>,
    pub contributions: ContributionTable,
    /// The year asked, or every year with an issue, oldest first.
    pub years: Vec<YearTotals>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct YearTotals {
    pub year: i32,
    pub issues: u32,
    /// Pages as the issues lay out with this publication's settings and fonts.
    pub pages: u32,
    /// Han characters of the articles (titles, furniture, body; not the attribution lines).
    #[ts(type = "number")]
    pub characters: u64,
}

pub fn archive_stats(store: &dyn Store, fonts: &FontSet, year: Option<i32>) -> Result<ArchiveStats, AppError> {
    let publication_id = store.default_publication_id()?;
    let aliases = AliasList::new(&store.unit_aliases(publication_id)?);
    let contributions = count_contributions(&store.contributions(publication_id)?, &aliases, year);
    let counts = store.year_counts(publication_id)?;
    let mut years = Vec::new();
    for count in counts.into_iter().filter(|count| year.is_none_or(|y| y == count.year)) {
        let pages = pages_of_year(store, publication_id, fonts, count.year)?;
        years.push(YearTotals { year: count.year, issues: count.issues, pages, characters: count.characters });
    }
    Ok(ArchiveStats { year, contributions, years })
}

fn pages_of_year(store: &dyn Store, publication_id: Id, fonts: &FontSet, year: i32) -> Result<u32, AppError> {
    let publication = store.publication(publication_id)?;
    let mut pages = 0;
    for summary in store.list_issues(publication_id)?.iter().filter(|summary| summary.year == year) {
        let issue = store.issue(summary.id)?.issue;
        pages += lay_out(&issue, &publication, fonts, None).pages.len() as u32;
    }
    Ok(pages)
}
