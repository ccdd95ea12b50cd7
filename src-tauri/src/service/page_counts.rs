//! Pages per year for the statistics: each issue laid out as it prints here, its count kept in
//! the store under a key of everything the layout reads (the issue, the publication's settings,
//! the fonts loaded), so that an archive of hundreds of issues is laid out once and afterwards
//! only the issues that changed are laid out again.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use super::export::lay_out;
use crate::domain::{Issue, Publication};
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::store::{Id, PageCount, Store};

/// Pages of the publication's live issues per year, for the years `wanted` takes.
pub fn pages_by_year(
    store: &mut dyn Store,
    publication_id: Id,
    fonts: &FontSet,
    wanted: impl Fn(i32) -> bool,
) -> Result<BTreeMap<i32, u32>, AppError> {
    let publication = store.publication(publication_id)?;
    let kept: HashMap<Id, PageCount> =
        store.page_counts(publication_id)?.into_iter().map(|count| (count.issue_id, count)).collect();
    let mut by_year = BTreeMap::new();
    for summary in store.list_issues(publication_id)?.into_iter().filter(|summary| wanted(summary.year)) {
        let issue = store.issue(summary.id)?.issue;
        let layout_key = layout_key(&issue, &publication, fonts);
        let pages = match kept.get(&summary.id).filter(|count| count.layout_key == layout_key) {
            Some(count) => count.pages,
            None => {
                let pages = lay_out(&issue, &publication, fonts, None).pages.len() as u32;
                store.save_page_count(&PageCount { issue_id: summary.id, layout_key, pages })?;
                pages
            }
        };
        *by_year.entry(summary.year).or_insert(0) += pages;
    }
    Ok(by_year)
}

/// A digest of the layout's inputs. `DefaultHasher::new()` hashes alike within one build; a new
/// build may hash otherwise, which only lays the issues out once more.
fn layout_key(issue: &Issue, publication: &Publication, fonts: &FontSet) -> String {
    let mut hasher = DefaultHasher::new();
    serde_json::to_string(issue).expect("domain types serialize without failure").hash(&mut hasher);
    serde_json::to_string(publication).expect("domain types serialize without failure").hash(&mut hasher);
    for (_, font) in fonts.fonts() {
        font.family.hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}
