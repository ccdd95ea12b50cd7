//! Importing the archive: a folder of back issues (.pdf, .docx, .txt) in two steps. First every
//! file is read and recognised on its own, storing nothing, into a review list: per file its
//! numbers, date, editing unit, articles, footer and problems, and whether it duplicates an
//! issue already stored or another file of the batch. Then the issues the review accepts are
//! stored, each in its own transaction. A file that cannot be read, or even makes the reader
//! fail, is reported and never stops the others.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Issue, IssueImprint, PrintedFooter, Publication};
use crate::error::AppError;
use crate::import::{self, FileKind, MastheadFill, MastheadFound, MissingField};
use crate::store::{Id, Store};

/// Extensions of the files the archive import reads.
const ARCHIVE_EXTENSIONS: [&str; 3] = ["pdf", "docx", "txt"];

/// Where a file stands after analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ArchiveStatus {
    /// Recognised with a complete masthead: imported on commit.
    Ready,
    /// A masthead field was not found: given by the user (CLI flags, the app's form), or skipped.
    NeedsInput,
    /// Its 总期号 is already stored, or taken by an earlier file of the batch: not imported twice.
    Duplicate,
    /// The file could not be read.
    Failed,
}

impl ArchiveStatus {
    pub fn as_chinese(self) -> &'static str {
        match self {
            ArchiveStatus::Ready => "可导入",
            ArchiveStatus::NeedsInput => "需补充",
            ArchiveStatus::Duplicate => "重复",
            ArchiveStatus::Failed => "无法读取",
        }
    }
}

/// What another issue a duplicate repeats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DuplicateOf {
    Stored { issue_id: Id },
    InBatch { file: String },
}

/// One article as the review list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveArticle {
    pub title: String,
    pub contributors: Vec<String>,
    #[ts(optional)]
    pub source: Option<String>,
    pub blocks: u32,
}

/// One file of the review list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveEntry {
    pub file: String,
    pub status: ArchiveStatus,
    /// The masthead as read from the file (values the user gave are in `issue`).
    #[ts(optional)]
    pub masthead: Option<MastheadFound>,
    pub missing: Vec<MissingField>,
    pub articles: Vec<ArchiveArticle>,
    pub has_editor_note: bool,
    #[ts(optional)]
    pub footer: Option<PrintedFooter>,
    #[ts(optional)]
    pub duplicate_of: Option<DuplicateOf>,
    /// What the editor should know: the reason a file failed, recognition warnings.
    pub problems: Vec<String>,
    /// The issue to store, when the masthead is complete.
    #[ts(optional)]
    pub issue: Option<Issue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveReview {
    pub entries: Vec<ArchiveEntry>,
}

impl ArchiveReview {
    /// The list as the editor reads it: without the issues to store, which carry every
    /// article's text and which only a commit needs.
    pub fn without_issues(self) -> ArchiveReview {
        let entries = self.entries.into_iter().map(|entry| ArchiveEntry { issue: None, ..entry }).collect();
        ArchiveReview { entries }
    }

    pub fn count(&self, status: ArchiveStatus) -> usize {
        self.entries.iter().filter(|entry| entry.status == status).count()
    }
}

/// How far an analysis or commit has got, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveProgress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}

/// What a commit stored, and what it could not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveCommit {
    pub imported: Vec<ImportedArchiveIssue>,
    pub failed: Vec<ArchiveFailure>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArchiveIssue {
    pub file: String,
    pub issue_id: Id,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveFailure {
    pub file: String,
    pub message: String,
}

/// The back issues at `path`: the .pdf, .docx and .txt files of a folder (not its subfolders),
/// in name order, or the one file `path` names.
pub fn archive_files(path: &Path) -> Result<Vec<PathBuf>, AppError> {
    let cannot_read = |e: std::io::Error| {
        AppError::invalid(format!("无法读取“{}”：{e}；请确认文件夹存在并且有读取权限", path.display()))
    };
    if std::fs::metadata(path).map_err(cannot_read)?.is_file() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(cannot_read)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.is_file() && has_archive_extension(file))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(AppError::invalid(format!(
            "“{}”中没有 .pdf、.docx 或 .txt 文件；请选择存放往期简报的文件夹",
            path.display()
        )));
    }
    Ok(files)
}

fn has_archive_extension(file: &Path) -> bool {
    let extension = file.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    ARCHIVE_EXTENSIONS.contains(&extension.as_str())
}

/// Reads and recognises every file, storing nothing. `fill` supplies masthead fields the
/// files do not show (meant for a single file: the same values for many would be wrong).
pub fn analyse_archive(
    store: &dyn Store,
    files: &[PathBuf],
    fill: &MastheadFill,
    progress: &mut dyn FnMut(&ArchiveProgress),
) -> Result<ArchiveReview, AppError> {
    let filled: Vec<(PathBuf, MastheadFill)> = files.iter().map(|path| (path.clone(), *fill)).collect();
    analyse_filled(store, &filled, progress)
}

/// Like `analyse_archive`, with each file's own masthead values (what the review asked for).
pub(super) fn analyse_filled(
    store: &dyn Store,
    files: &[(PathBuf, MastheadFill)],
    progress: &mut dyn FnMut(&ArchiveProgress),
) -> Result<ArchiveReview, AppError> {
    let publication = store.publication(store.default_publication_id()?)?;
    let stored = stored_totals(store)?;
    let mut batch: HashMap<u32, String> = HashMap::new();
    let mut entries = Vec::with_capacity(files.len());
    for (index, (path, fill)) in files.iter().enumerate() {
        let file = file_name(path);
        progress(&ArchiveProgress { done: index, total: files.len(), file: file.clone() });
        let mut entry = analyse_file(path, &file, fill, &publication);
        mark_duplicate(&mut entry, &stored, &mut batch);
        entries.push(entry);
    }
    progress(&ArchiveProgress { done: files.len(), total: files.len(), file: String::new() });
    Ok(ArchiveReview { entries })
}

/// Stores every ready issue of the review, each in its own transaction; one that the store
/// refuses is reported and the others go on.
pub fn commit_archive(
    store: &mut dyn Store,
    review: &ArchiveReview,
    progress: &mut dyn FnMut(&ArchiveProgress),
) -> Result<ArchiveCommit, AppError> {
    let publication_id = store.default_publication_id()?;
    let ready: Vec<(&ArchiveEntry, &Issue)> = review
        .entries
        .iter()
        .filter(|entry| entry.status == ArchiveStatus::Ready)
        .filter_map(|entry| entry.issue.as_ref().map(|issue| (entry, issue)))
        .collect();
    let mut commit = ArchiveCommit::default();
    for (index, (entry, issue)) in ready.iter().enumerate() {
        progress(&ArchiveProgress { done: index, total: ready.len(), file: entry.file.clone() });
        match store.create_issue(publication_id, issue, super::DEFAULT_AUTHOR) {
            Ok(issue_id) => commit.imported.push(ImportedArchiveIssue { file: entry.file.clone(), issue_id }),
            Err(error) => {
                let message = AppError::from(error).message;
                commit.failed.push(ArchiveFailure { file: entry.file.clone(), message });
            }
        }
    }
    progress(&ArchiveProgress { done: ready.len(), total: ready.len(), file: String::new() });
    Ok(commit)
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The 总期号 of the issues stored (not in the trash), with an issue holding each.
fn stored_totals(store: &dyn Store) -> Result<HashMap<u32, Id>, AppError> {
    let publication_id = store.default_publication_id()?;
    Ok(store
        .list_issues(publication_id)?
        .into_iter()
        .map(|summary| (summary.total_number, summary.id))
        .collect())
}

fn mark_duplicate(entry: &mut ArchiveEntry, stored: &HashMap<u32, Id>, batch: &mut HashMap<u32, String>) {
    let Some(total) = entry.issue.as_ref().map(|issue| issue.total_number) else { return };
    if entry.status != ArchiveStatus::Ready {
        return;
    }
    let duplicate = match (stored.get(&total), batch.get(&total)) {
        (Some(&issue_id), _) => Some((
            DuplicateOf::Stored { issue_id },
            format!("总第{total}期已在数据库中（期刊 {issue_id}），未重复导入"),
        )),
        (None, Some(file)) => Some((
            DuplicateOf::InBatch { file: file.clone() },
            format!("与本批的“{file}”同为总第{total}期，未重复导入；请核对两个文件是否同一期"),
        )),
        (None, None) => None,
    };
    match duplicate {
        Some((of, message)) => {
            entry.status = ArchiveStatus::Duplicate;
            entry.duplicate_of = Some(of);
            entry.problems.insert(0, message);
        }
        None => {
            batch.insert(total, entry.file.clone());
        }
    }
}

fn analyse_file(path: &Path, file: &str, fill: &MastheadFill, publication: &Publication) -> ArchiveEntry {
    let bytes = match read_archive_file(path, file) {
        Ok(bytes) => bytes,
        Err(message) => return failed(file, message),
    };
    // A reader that fails on a malformed file must not end the whole batch: the file is
    // reported and the next one read. (The readers return errors; this is the last guard.)
    let recognised = catch_unwind(AssertUnwindSafe(|| import::recognise_issue_file(file, &bytes)));
    let recognised = match recognised {
        Ok(Ok(recognised)) => recognised,
        Ok(Err(error)) => return failed(file, error.to_string()),
        Err(_) => {
            return failed(file, format!("读取“{file}”时程序出错，已跳过这个文件；请把它发给技术支持人员"));
        }
    };
    let mut problems = recognised.warnings.clone();
    problems.extend(recognised.articles.iter().flat_map(|article| article.warnings.iter().cloned()));
    let missing = recognised.missing(fill);
    if !recognised.masthead.found_anything() {
        problems.insert(0, "没有找到报头（期号、总期号、日期都没有），请确认这是一期简报".into());
    }
    let articles =
        recognised.articles.iter().map(|imported| summary(&imported.with_safe_changes())).collect();
    let masthead = Some(recognised.masthead.clone());
    let footer = recognised.footer.clone();
    let has_editor_note = recognised.editor_note.is_some();
    let issue =
        recognised.complete(fill).ok().map(|imported| with_imprint_pruned(imported.to_issue(), publication));
    if !missing.is_empty() {
        let labels: Vec<&str> = missing.iter().map(|field| field.label()).collect();
        problems.insert(0, format!("没有找到{}，需要补充后才能导入", labels.join("、")));
    }
    let status = if missing.is_empty() { ArchiveStatus::Ready } else { ArchiveStatus::NeedsInput };
    ArchiveEntry {
        file: file.to_owned(),
        status,
        masthead,
        missing,
        articles,
        has_editor_note,
        footer,
        duplicate_of: None,
        problems,
        issue,
    }
}

fn read_archive_file(path: &Path, file: &str) -> Result<Vec<u8>, String> {
    let kind = FileKind::of(file).map_err(|e| e.to_string())?;
    let cannot_read = |e: std::io::Error| format!("无法读取文件“{file}”：{e}；请确认文件没有被其他程序占用");
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    kind.check_size(file, size).map_err(|e| e.to_string())?;
    std::fs::read(path).map_err(cannot_read)
}

fn failed(file: &str, message: String) -> ArchiveEntry {
    ArchiveEntry {
        file: file.to_owned(),
        status: ArchiveStatus::Failed,
        masthead: None,
        missing: vec![],
        articles: vec![],
        has_editor_note: false,
        footer: None,
        duplicate_of: None,
        problems: vec![message],
        issue: None,
    }
}

fn summary(article: &crate::domain::Article) -> ArchiveArticle {
    ArchiveArticle {
        title: article.title_text(),
        contributors: article.contributors.clone(),
        source: article.source.clone(),
        blocks: u32::try_from(article.body.len()).unwrap_or(u32::MAX),
    }
}

/// The imprint keeps only what differs from the publication's settings on the issue's date:
/// an issue printed as today's settings would print it needs none.
fn with_imprint_pruned(mut issue: Issue, publication: &Publication) -> Issue {
    let Some(imprint) = issue.imprint.take() else { return issue };
    let unit_in_force = publication.editing_unit_on(issue.date).map(|unit| unit.name.as_str());
    let editing_unit = imprint.editing_unit.filter(|unit| Some(unit.as_str()) != unit_in_force);
    let footer = imprint.footer.map(|found| differing_footer(found, publication)).filter(|f| !f.is_empty());
    let pruned = IssueImprint { editing_unit, footer };
    issue.imprint = (pruned != IssueImprint::default()).then_some(pruned);
    issue
}

fn differing_footer(found: PrintedFooter, publication: &Publication) -> PrintedFooter {
    let settings = &publication.footer;
    let differs = |value: Option<String>, setting: &str| value.filter(|v| v != setting);
    PrintedFooter {
        recipients_label: found.recipients_label.filter(|label| *label != settings.recipients_label),
        recipients: if found.recipients == settings.recipients { vec![] } else { found.recipients },
        responsible_editor: differs(found.responsible_editor, &settings.responsible_editor),
        phone: differs(found.phone, &settings.phone),
        email: differs(found.email, &settings.email),
        approval_number: differs(found.approval_number, &settings.approval_number),
    }
}
