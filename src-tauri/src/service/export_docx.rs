//! Exporting an issue as a Word document (see `crate::docx`): the final text, or a proof that
//! carries the pending suggestions as tracked changes and the open comment threads as Word
//! comments, for a leader who reviews in Word or WPS.

use chrono::{DateTime, Utc};

use crate::docx::{self, DocxOptions};
use crate::domain::{IssueFile, IssueStatus};
use crate::error::AppError;
use crate::store::{Id, Store};

/// What varies between Word exports of the same issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocxRequest {
    /// A proof keeps suggestions and open comments for review in Word.
    pub proof: bool,
    pub timestamp: DateTime<Utc>,
}

/// Exports a stored issue with its publication's current settings.
pub fn export_issue_docx(store: &dyn Store, id: Id, request: &DocxRequest) -> Result<Vec<u8>, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    let review = if request.proof {
        if record.issue.status == IssueStatus::SignedOff {
            return Err(AppError::invalid(
                "本期已签发，只能导出正式版 Word（不选校样）；如需再出校样，请先撤销签发",
            ));
        }
        let threads = store.comment_threads_of_issue(id)?;
        Some(threads.into_iter().filter(|thread| thread.resolved_at.is_none()).collect())
    } else {
        None
    };
    docx::write_docx(&record.issue, &publication, &DocxOptions { timestamp: request.timestamp, review })
}

/// Exports an issue given in the exchange format; a proof carries its suggestions (the file
/// holds no comment threads).
pub fn export_issue_file_docx(file: &IssueFile, request: &DocxRequest) -> Result<Vec<u8>, AppError> {
    let review = request.proof.then(Vec::new);
    docx::write_docx(&file.issue, &file.publication, &DocxOptions { timestamp: request.timestamp, review })
}
