//! The app's way through the archive import: the editor sees the review list, gives what a
//! file's masthead lacks and chooses the files to import. Those files are read again with the
//! values given, so what is stored is the file as it is now, checked again for duplicates (an
//! issue stored meanwhile counts), and each issue is stored in its own transaction.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::archive_import::{analyse_filled, file_name};
use super::{
    ArchiveCommit, ArchiveEntry, ArchiveFailure, ArchiveProgress, ArchiveStatus, archive_files,
    commit_archive,
};
use crate::error::AppError;
use crate::import::MastheadFill;
use crate::store::Store;

/// A file of the review list the editor chose to import, with the masthead values they gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ArchiveChoice {
    /// The file's name in the folder, as the review list names it.
    pub file: String,
    #[serde(default)]
    pub fill: MastheadFill,
}

/// Imports the chosen files of `folder`. A file that is gone, still lacks a masthead field or
/// now duplicates a stored issue is reported in `failed` with the reason; the others go on.
pub fn import_chosen(
    store: &mut dyn Store,
    folder: &Path,
    choices: &[ArchiveChoice],
    progress: &mut dyn FnMut(&ArchiveProgress),
) -> Result<ArchiveCommit, AppError> {
    let files = archive_files(folder)?;
    let mut refused = Vec::new();
    let mut chosen: Vec<(PathBuf, MastheadFill)> = Vec::new();
    for choice in choices {
        match (files.iter().find(|path| file_name(path) == choice.file), zero_given(&choice.fill)) {
            (None, _) => refused.push(ArchiveFailure {
                file: choice.file.clone(),
                message: format!(
                    "文件已不在“{}”中，未导入；请确认文件没有被移走或改名后重新选择文件夹",
                    folder.display()
                ),
            }),
            (Some(_), Some(what)) => refused.push(ArchiveFailure {
                file: choice.file.clone(),
                message: format!("填写的{what}是 0，未导入；请填写从 1 起的数字"),
            }),
            (Some(path), None) => chosen.push((path.clone(), choice.fill)),
        }
    }
    let review = analyse_filled(store, &chosen, progress)?;
    let mut commit = commit_archive(store, &review, &mut |_| {})?;
    refused
        .extend(review.entries.iter().filter(|entry| entry.status != ArchiveStatus::Ready).map(not_imported));
    commit.failed.extend(refused);
    Ok(commit)
}

/// The masthead field given as 0, which no issue is numbered.
fn zero_given(fill: &MastheadFill) -> Option<&'static str> {
    match (fill.number, fill.total_number) {
        (Some(0), _) => Some("期号"),
        (_, Some(0)) => Some("总期号"),
        _ => None,
    }
}

/// Why a chosen file was not imported, in the words of its review entry.
fn not_imported(entry: &ArchiveEntry) -> ArchiveFailure {
    let reason = entry.problems.first().cloned().unwrap_or_else(|| entry.status.as_chinese().to_owned());
    ArchiveFailure { file: entry.file.clone(), message: reason }
}
