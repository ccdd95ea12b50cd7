//! Importing manuscripts into an issue and back issues as new issues. Every file is read and
//! recognised before anything is written, and all articles are stored in one transaction,
//! so a bad file leaves the issue as it was.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::Publication;
use crate::error::AppError;
use crate::import::{self, FileKind, ImportError, ImportedArticle, Masthead, Proposal};
use crate::store::{Id, Store};

use super::proof_return::{ReturnedProofReport, apply_returned_proof};

/// A file to import: its name (for messages and its type) and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSource {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl ImportSource {
    /// Reads a file, refusing an unsupported type or an oversized file before reading it.
    pub fn read(path: &Path) -> Result<Self, AppError> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let kind = FileKind::of(&name)?;
        let cannot_read =
            |e: std::io::Error| AppError::invalid(format!("无法读取文件“{}”：{e}", path.display()));
        let size = std::fs::metadata(path).map_err(cannot_read)?.len();
        kind.check_size(&name, size)?;
        let bytes = std::fs::read(path).map_err(cannot_read)?;
        Ok(ImportSource { name, bytes })
    }
}

/// One stored article and what the editor still has to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArticleReport {
    pub article_id: Id,
    /// The file (or `粘贴的文字`) the article came from.
    pub source: String,
    pub title: String,
    /// Safe changes applied: they alter no wording.
    pub applied: u32,
    /// Proposals not applied, for the editor to accept or reject.
    pub pending: Vec<Proposal>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub issue_id: Id,
    pub articles: Vec<ImportedArticleReport>,
    /// Word proofs of this issue coming back from review (see `proof_return`).
    pub returned_proofs: Vec<ReturnedProofReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssueImportReport {
    pub issue_id: Id,
    pub masthead: Masthead,
    pub articles: Vec<ImportedArticleReport>,
    /// Where the old masthead or footer differs from the publication's settings (not applied).
    pub setting_differences: Vec<String>,
    pub warnings: Vec<String>,
}

/// Text pasted by the user, named in reports as this.
pub const PASTED_TEXT: &str = "粘贴的文字";

/// Imports the articles of every file at the end of the issue, with the safe cleanup
/// applied. If any file cannot be read, nothing is stored.
pub fn import_articles(
    store: &mut dyn Store,
    issue_id: Id,
    sources: &[ImportSource],
    author: &str,
) -> Result<ImportReport, AppError> {
    store.issue(issue_id)?;
    let mut found: Vec<(String, ImportedArticle)> = Vec::new();
    let mut returned = Vec::new();
    for source in sources {
        // A Word proof of ours coming back carries review, not new articles.
        if FileKind::of(&source.name)? == FileKind::Docx
            && let Some(proof) = import::read_returned_proof(&source.name, &source.bytes)?
        {
            returned.push((source.name.as_str(), proof));
            continue;
        }
        let articles = import::import_file(&source.name, &source.bytes)?;
        found.extend(articles.into_iter().map(|article| (source.name.clone(), article)));
    }
    let mut report = if found.is_empty() {
        ImportReport { issue_id, articles: Vec::new(), returned_proofs: Vec::new() }
    } else {
        store_articles(store, issue_id, found, author)?
    };
    for (name, proof) in returned {
        report.returned_proofs.push(apply_returned_proof(store, issue_id, name, &proof, author)?);
    }
    Ok(report)
}

/// Imports pasted text at the end of the issue, as `import_articles` does for files.
pub fn import_pasted(
    store: &mut dyn Store,
    issue_id: Id,
    text: &str,
    author: &str,
) -> Result<ImportReport, AppError> {
    store.issue(issue_id)?;
    let articles = import::import_text(text);
    if articles.is_empty() {
        return Err(ImportError::NoArticles { name: PASTED_TEXT.into() }.into());
    }
    let found = articles.into_iter().map(|a| (PASTED_TEXT.to_owned(), a)).collect();
    store_articles(store, issue_id, found, author)
}

fn store_articles(
    store: &mut dyn Store,
    issue_id: Id,
    found: Vec<(String, ImportedArticle)>,
    author: &str,
) -> Result<ImportReport, AppError> {
    let articles: Vec<_> = found.iter().map(|(_, imported)| imported.with_safe_changes()).collect();
    let ids = store.append_articles(issue_id, &articles, author)?;
    let articles =
        ids.into_iter().zip(found).map(|(id, (source, imported))| report(id, source, &imported)).collect();
    Ok(ImportReport { issue_id, articles, returned_proofs: Vec::new() })
}

fn report(article_id: Id, source: String, imported: &ImportedArticle) -> ImportedArticleReport {
    ImportedArticleReport {
        article_id,
        source,
        title: imported.with_safe_changes().title_text(),
        applied: imported.proposals.iter().filter(|p| p.safe).count() as u32,
        pending: imported.pending().cloned().collect(),
        warnings: imported.warnings.clone(),
    }
}

/// Creates a new issue in the default publication from the text of a complete old issue.
/// The publication's settings are kept; where the old masthead or footer differs, it is
/// reported.
pub fn import_issue(
    store: &mut dyn Store,
    source: &ImportSource,
    author: &str,
) -> Result<IssueImportReport, AppError> {
    let imported = import::import_issue_file(&source.name, &source.bytes)?;
    let publication_id = store.default_publication_id()?;
    let publication = store.publication(publication_id)?;
    let issue_id = store.create_issue(publication_id, &imported.to_issue(), author)?;
    let record = store.issue(issue_id)?;
    let articles = record
        .article_ids
        .iter()
        .zip(&imported.articles)
        .map(|(id, article)| report(*id, source.name.clone(), article))
        .collect();
    let mut setting_differences = masthead_differences(&imported.masthead, &publication);
    if let Some(footer) = &imported.footer {
        setting_differences.extend(import::footer_differences(footer, &publication.footer));
    }
    Ok(IssueImportReport {
        issue_id,
        masthead: imported.masthead,
        articles,
        setting_differences,
        warnings: imported.warnings,
    })
}

fn masthead_differences(masthead: &Masthead, publication: &Publication) -> Vec<String> {
    let mut differences = Vec::new();
    if let Some(old) = masthead.name.as_deref().filter(|old| *old != publication.name) {
        differences.push(format!("报名：旧刊为“{old}”，刊物设置为“{}”（设置未改动）", publication.name));
    }
    let unit = publication.editing_unit_on(masthead.date).map(|u| u.name.as_str());
    if let Some(old) = masthead.editing_unit.as_deref().filter(|old| Some(*old) != unit) {
        differences.push(format!(
            "编印单位：旧刊为“{old}”，刊物设置中该日期的编印单位为“{}”（设置未改动）",
            unit.unwrap_or("（未设置）")
        ));
    }
    differences
}
