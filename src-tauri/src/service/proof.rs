//! Proof checks of a stored issue or an issue file, with the office's word list.

use std::path::Path;

use crate::domain::IssueFile;
use crate::error::AppError;
use crate::proof::{Finding, WordList, check_issue};
use crate::store::{Id, Store};

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

/// Findings on a stored issue, against its publication's settings.
pub fn check_stored_issue(store: &Store, id: Id, words: &WordList) -> Result<Vec<Finding>, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    Ok(check_issue(&record.issue, &publication, words))
}

/// Findings on an issue file in the exchange format.
pub fn check_issue_file(file: &IssueFile, words: &WordList) -> Vec<Finding> {
    check_issue(&file.issue, &file.publication, words)
}
