//! Issues leave the list only through the trash (回收站), from which they can be restored, and
//! a new issue can start as a copy of an old one.

use chrono::{Datelike, NaiveDate};

use crate::domain::{Issue, IssueStatus};
use crate::error::AppError;
use crate::numbering;
use crate::store::{Id, IssueSummary, Store};

/// Starts a new issue from `source` as a template: the same kind and articles (their text is
/// the starting point the editor rewrites), dated `today`, numbered next in the series, and
/// back to draft since nothing of it has been proofread or signed off yet.
pub fn duplicate_issue(
    store: &mut dyn Store,
    source: Id,
    today: NaiveDate,
    author: &str,
) -> Result<Id, AppError> {
    let record = store.issue(source)?;
    let existing = store.issue_numbers(record.publication_id)?;
    let proposed = numbering::propose_next(&existing, record.issue.kind, today.year());
    let copy = Issue {
        kind: record.issue.kind,
        year: today.year(),
        number: proposed.number,
        total_number: proposed.total_number,
        date: today,
        status: IssueStatus::Draft,
        editor_note: record.issue.editor_note,
        // The copy is a new issue: it prints today's masthead and footer.
        imprint: None,
        articles: record.issue.articles,
    };
    Ok(store.create_issue(record.publication_id, &copy, author)?)
}

pub fn trash_issue(store: &mut dyn Store, id: Id) -> Result<(), AppError> {
    Ok(store.trash_issue(id)?)
}

pub fn restore_issue(store: &mut dyn Store, id: Id) -> Result<(), AppError> {
    Ok(store.restore_issue(id)?)
}

/// What the 回收站 lists.
pub fn trashed_issues(store: &dyn Store) -> Result<Vec<IssueSummary>, AppError> {
    Ok(store.list_trashed_issues(store.default_publication_id()?)?)
}
