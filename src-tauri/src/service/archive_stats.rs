//! 供稿 statistics and the archive's yearly counts: articles per contributing unit per year
//! (or per quarter of one year), merged by the office's alias list, and per year the issues,
//! pages and 字数. Pages are counted by laying each issue out as it prints here (`page_counts`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::page_counts::pages_by_year;
use crate::archive::{AliasList, ContributionTable, count_contributions};
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::store::Store;

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

/// The statistics of every year, or of `year` by quarter. Takes the store mutably: the page
/// counts it lays out are kept for the next time.
pub fn archive_stats(
    store: &mut dyn Store,
    fonts: &FontSet,
    year: Option<i32>,
) -> Result<ArchiveStats, AppError> {
    let publication_id = store.default_publication_id()?;
    let aliases = AliasList::new(&store.unit_aliases(publication_id)?);
    let contributions = count_contributions(&store.contributions(publication_id)?, &aliases, year);
    let wanted = |y: i32| year.is_none_or(|asked| asked == y);
    let pages = pages_by_year(store, publication_id, fonts, wanted)?;
    let years = store
        .year_counts(publication_id)?
        .into_iter()
        .filter(|count| wanted(count.year))
        .map(|count| YearTotals {
            year: count.year,
            issues: count.issues,
            pages: pages.get(&count.year).copied().unwrap_or(0),
            characters: count.characters,
        })
        .collect();
    Ok(ArchiveStats { year, contributions, years })
}
