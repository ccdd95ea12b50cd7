use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Issue, IssueFile, IssueKind, IssueStatus};
use crate::error::AppError;
use crate::numbering;
use crate::store::{Id, Store};

/// What the user fills in to start a new issue; numbers left out are proposed from the store.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NewIssueRequest {
    pub kind: IssueKind,
    #[ts(optional)]
    pub date: Option<NaiveDate>,
    #[ts(optional)]
    pub number: Option<u32>,
    #[ts(optional)]
    pub total_number: Option<u32>,
}

/// An issue as the masthead prints it, with its articles listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueView {
    pub id: Id,
    pub publication_name: String,
    pub kind: IssueKind,
    pub year: i32,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
    pub status: IssueStatus,
    /// `第13期`
    pub issue_label: String,
    /// `（总第七百四十一期）`
    pub total_label: String,
    /// `2025年9月2日`
    pub date_label: String,
    /// `湖南省人大常委会代表工作委员会编`
    pub editing_unit_line: String,
    pub status_label: String,
    pub articles: Vec<ArticleSummary>,
    /// Gaps and duplicates in the number series this issue belongs to.
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: Id,
    pub title: String,
    pub han_count: u32,
}

/// The 期号 and 总期号 a new issue of `kind` dated `date` would get, for the form to show.
pub fn propose_numbers(
    store: &dyn Store,
    kind: IssueKind,
    date: NaiveDate,
) -> Result<numbering::ProposedNumbers, AppError> {
    let existing = store.issue_numbers(store.default_publication_id()?)?;
    Ok(numbering::propose_next(&existing, kind, date.year()))
}

/// Creates an empty issue of the default publication; `today` is the date when none is given.
pub fn create_issue(
    store: &mut dyn Store,
    request: &NewIssueRequest,
    today: NaiveDate,
) -> Result<Id, AppError> {
    let publication_id = store.default_publication_id()?;
    let date = request.date.unwrap_or(today);
    let existing = store.issue_numbers(publication_id)?;
    let proposed = numbering::propose_next(&existing, request.kind, date.year());
    let issue = Issue {
        kind: request.kind,
        year: date.year(),
        number: request.number.unwrap_or(proposed.number),
        total_number: request.total_number.unwrap_or(proposed.total_number),
        date,
        status: IssueStatus::Draft,
        editor_note: vec![],
        imprint: None,
        articles: vec![],
    };
    Ok(store.create_issue(publication_id, &issue, super::DEFAULT_AUTHOR)?)
}

/// Creates an issue from an exchange file's content in the default publication. The file's
/// publication settings are not applied: the office's settings stay authoritative.
pub fn load_issue(store: &mut dyn Store, json: &str, author: &str) -> Result<Id, AppError> {
    let file = IssueFile::from_json(json)?;
    let publication_id = store.default_publication_id()?;
    Ok(store.create_issue(publication_id, &file.issue, author)?)
}

/// The issue in the exchange format, with its publication's current settings.
pub fn dump_issue(store: &dyn Store, id: Id) -> Result<IssueFile, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    Ok(IssueFile::new(publication, record.issue))
}

pub fn issue_view(store: &dyn Store, id: Id) -> Result<IssueView, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    let issue = &record.issue;
    let editing_unit = issue.editing_unit(&publication);
    let articles = record
        .article_ids
        .iter()
        .zip(&issue.articles)
        .map(|(id, article)| ArticleSummary {
            id: *id,
            title: article.title_text(),
            han_count: article.han_count() as u32,
        })
        .collect();
    Ok(IssueView {
        id,
        publication_name: publication.name.clone(),
        kind: issue.kind,
        year: issue.year,
        number: issue.number,
        total_number: issue.total_number,
        date: issue.date,
        status: issue.status,
        issue_label: numbering::issue_label(issue.kind, issue.number),
        total_label: numbering::total_label(issue.total_number),
        date_label: numbering::format_masthead_date(issue.date),
        editing_unit_line: editing_unit.map(|name| format!("{name}编")).unwrap_or_default(),
        status_label: issue.status.as_chinese().into(),
        articles,
        warnings: series_warnings(store, record.publication_id, issue)?,
    })
}

/// Warnings about the series this issue is part of: its year's series and the running total.
fn series_warnings(store: &dyn Store, publication_id: Id, issue: &Issue) -> Result<Vec<String>, AppError> {
    let all = store.issue_numbers(publication_id)?;
    let concerns_this_issue = |warning: &numbering::NumberingWarning| match warning {
        numbering::NumberingWarning::Gap { kind, year, .. }
        | numbering::NumberingWarning::Duplicate { kind, year, .. } => {
            *kind == issue.kind && *year == issue.year
        }
        numbering::NumberingWarning::TotalGap { .. } | numbering::NumberingWarning::TotalDuplicate { .. } => {
            true
        }
    };
    Ok(numbering::check_series(&all)
        .iter()
        .filter(|warning| concerns_this_issue(warning))
        .map(numbering::NumberingWarning::message)
        .collect())
}
