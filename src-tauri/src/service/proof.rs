//! Proof checks of a stored issue or an issue file, with the office's word list; applying a
//! suggestion to the stored article; ignoring findings the editor decided to keep.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ArticleView, article_view};
use crate::domain::IssueStatus;
use crate::domain::{Issue, IssueFile};
use crate::error::AppError;
use crate::proof::{self, ApplyRefusal, Finding, RoundDates, WordList, check_issue};
use crate::store::{FindingKey, Id, IgnoredFinding, SaveGuard, StatusChange, Store};

/// A finding on a stored issue as the proof panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FindingView {
    pub finding: Finding,
    /// The stored article the finding is in; `None` for the masthead and footer.
    pub article_id: Option<Id>,
    /// Empty for the masthead and footer.
    pub article_title: String,
    /// Where in the article, as the editor shows it: `正文第3段` (paragraphs counted among
    /// paragraphs), `第2个小标题`, `标题`, `报头`.
    pub place: String,
    /// The rule's family (`标点`, `数字`, `用词`, `字词`, `地名`, `文字`, `前后一致`), as the panel counts them.
    pub family: String,
    /// A few characters before and after the flagged text, in the text it was found in.
    pub before: String,
    pub after: String,
    /// Whether 采用建议 can replace the flagged text (see `proof::can_apply`).
    pub applicable: bool,
    /// Who ignored the finding and when, if someone did.
    pub ignored: Option<IgnoredNote>,
    /// Unique within one check, for the UI's lists.
    pub key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IgnoredNote {
    pub by: String,
    /// UTC, RFC 3339.
    pub at: String,
}

/// The findings on a stored issue, ignored ones included and marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueCheck {
    pub findings: Vec<FindingView>,
    pub ignored_count: u32,
}

impl IssueCheck {
    /// The findings nobody ignored.
    pub fn open_findings(&self) -> impl Iterator<Item = &FindingView> {
        self.findings.iter().filter(|view| view.ignored.is_none())
    }
}

/// The word list the office edited, if `path` names one, else the one shipped.
pub fn load_word_list(path: Option<&Path>) -> Result<WordList, AppError> {
    let Some(path) = path else { return Ok(WordList::shipped()) };
    let text = std::fs::read_to_string(path).map_err(|e| {
        AppError::invalid(format!(
            "无法读取用词表“{}”：{e}。请检查文件是否存在且为 UTF-8 文本",
            path.display()
        ))
    })?;
    WordList::parse(&text).map_err(|e| AppError::invalid(format!("{e}（文件“{}”）", path.display())))
}

/// Findings on a stored issue, against its publication's settings and the office's word list
/// (or `words`, when the caller names another list).
pub fn check_stored_issue(
    store: &dyn Store,
    id: Id,
    words: Option<&WordList>,
) -> Result<IssueCheck, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    let office_words;
    let words = match words {
        Some(words) => words,
        None => {
            office_words = super::office_word_list(store, record.publication_id)?;
            &office_words
        }
    };
    let dates = round_dates(store, id, record.issue.status)?;
    let findings = proof::check_issue_in_rounds(&record.issue, &publication, words, &dates);
    let ignored = store.ignored_findings(id)?;
    let views: Vec<FindingView> = findings
        .into_iter()
        .enumerate()
        .map(|(n, finding)| view_of(&record.issue, &record.article_ids, &ignored, finding, n))
        .collect();
    let ignored_count = views.iter().filter(|view| view.ignored.is_some()).count() as u32;
    Ok(IssueCheck { findings: views, ignored_count })
}

/// The office's clock: China Standard Time, UTC+8 all year. The history is stored in UTC; a
/// change made at 07:00 in the office is on the previous day in UTC.
const OFFICE_OFFSET_SECONDS: i32 = 8 * 3600;

/// What the status history says about the issue's dates, for the masthead rules.
fn round_dates(store: &dyn Store, id: Id, status: IssueStatus) -> Result<RoundDates, AppError> {
    let history = store.status_history(id)?;
    let entered = history.iter().rev().find(|change| change.to == status);
    let sign_off =
        entered.filter(|_| status == IssueStatus::SignedOff).and_then(|change| change.sign_off_date);
    Ok(RoundDates {
        sign_off,
        entered_status: entered.map(office_day).transpose()?,
        date_fixed: store.issue_date_fixed(id)?,
    })
}

fn office_day(change: &StatusChange) -> Result<chrono::NaiveDate, AppError> {
    let offset = chrono::FixedOffset::east_opt(OFFICE_OFFSET_SECONDS).expect("UTC+8 is a valid offset");
    let at = chrono::DateTime::parse_from_rfc3339(&change.changed_at).map_err(|e| {
        AppError::new(
            crate::ErrorCode::CorruptData,
            format!("流转记录第 {} 条的时间“{}”无法读取：{e}", change.id, change.changed_at),
        )
    })?;
    Ok(at.with_timezone(&offset).date_naive())
}

/// Findings on an issue file in the exchange format.
pub fn check_issue_file(file: &IssueFile, words: &WordList) -> Vec<Finding> {
    check_issue(&file.issue, &file.publication, words)
}

fn view_of(
    issue: &Issue,
    article_ids: &[Id],
    ignored: &[IgnoredFinding],
    finding: Finding,
    n: usize,
) -> FindingView {
    let index = finding.article.map(|index| index as usize);
    let article_id = index.and_then(|index| article_ids.get(index).copied());
    let article_title = index.and_then(|index| issue.articles.get(index)).map(|a| a.title_text());
    let (before, after) = proof::finding_context(issue, &finding);
    let place = place_of(issue, &finding);
    let mut view = FindingView {
        place,
        applicable: proof::can_apply(&finding),
        key: format!("{n}:{}", serde_name(&finding.rule)),
        family: finding.rule.family().to_owned(),
        finding,
        article_id,
        article_title: article_title.unwrap_or_default(),
        before,
        after,
        ignored: None,
    };
    let key = key_of(&view);
    view.ignored = ignored
        .iter()
        .find(|known| known.key == key)
        .map(|known| IgnoredNote { by: known.ignored_by.clone(), at: known.ignored_at.clone() });
    view
}

/// Where the finding is, as the editor shows it (see `FindingView::place`).
pub fn place_of(issue: &Issue, finding: &Finding) -> String {
    let article = finding.article.and_then(|index| issue.articles.get(index as usize));
    match (finding.part, article) {
        (proof::Part::Body, Some(article)) => crate::find::body_place(article, finding.block as usize)
            .map_or_else(|| finding.part.as_chinese().to_owned(), |place| place.label()),
        (part, _) => part.as_chinese().to_owned(),
    }
}

/// What an ignored finding is known by (see `store::FindingKey`).
fn key_of(view: &FindingView) -> FindingKey {
    FindingKey {
        article_id: view.article_id,
        rule: serde_name(&view.finding.rule),
        part: serde_name(&view.finding.part),
        text: view.finding.text.clone(),
        before: view.before.clone(),
        after: view.after.clone(),
    }
}

/// The JSON name of a unit enum (`word`, `body`), as stored.
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        other => unreachable!("rule and part serialise as strings, not {other:?}"),
    }
}

/// Hides the finding from later checks of the issue; `by` is recorded with the time.
pub fn ignore_finding(
    store: &mut dyn Store,
    issue: Id,
    view: &FindingView,
    by: &str,
) -> Result<(), AppError> {
    let by = by.trim();
    if by.is_empty() {
        return Err(AppError::invalid("请先填写您的姓名：忽略一处问题要记下是谁决定的"));
    }
    store.issue(issue)?;
    Ok(store.ignore_finding(issue, &key_of(view), by)?)
}

/// Shows an ignored finding again.
pub fn unignore_finding(store: &mut dyn Store, issue: Id, view: &FindingView) -> Result<(), AppError> {
    store.unignore_finding(issue, &key_of(view))?;
    Ok(())
}

/// Replaces the flagged text with the suggestion in the stored article, saved as a new
/// revision like any edit (so a signed-off issue refuses it). Refused when the stored text
/// at the finding's place is no longer the flagged text.
pub fn apply_finding(
    store: &mut dyn Store,
    view: &FindingView,
    author: &str,
    guard: &SaveGuard,
) -> Result<ArticleView, AppError> {
    let Some(article_id) = view.article_id.filter(|_| view.applicable) else {
        return Err(AppError::invalid(format!(
            "{}中的这处问题不能自动修改，请在编辑器或设置中直接改",
            view.finding.part.as_chinese()
        )));
    };
    let mut record = store.article(article_id)?;
    match proof::apply_suggestion(&mut record.article, &view.finding) {
        Ok(()) => {}
        Err(ApplyRefusal::Stale) => return Err(AppError::invalid("原文已改动，请重新检查")),
        Err(ApplyRefusal::NotApplicable) => {
            return Err(AppError::invalid("这处问题没有可采用的建议，请在编辑器中直接修改"));
        }
        Err(ApplyRefusal::PendingSuggestion) => {
            return Err(AppError::invalid(
                "这一段有尚未处理的修改建议，请先在编辑器中采纳或拒绝，再采用检查的建议",
            ));
        }
    }
    store.save_article(article_id, &record.article, author, guard)?;
    article_view(store, article_id)
}
