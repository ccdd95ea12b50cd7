//! The one error shape that leaves the core: a code the UI may branch on and a Chinese message
//! a user can act on. Module errors convert into it; nothing crosses the IPC boundary or the
//! CLI's stderr as a bare string.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// What the user asked for does not exist (any more).
    NotFound,
    /// The user's input cannot be used as it is; the message says what to change.
    InvalidInput,
    /// The file given is not a Jianbao database.
    NotADatabase,
    /// The database was written by a newer Jianbao.
    DatabaseTooNew,
    CannotOpen,
    /// Stored data could not be read back; the message names the row.
    CorruptData,
    /// Nobody is logged in, or the login has expired: the UI shows the login screen.
    Unauthorized,
    /// The account may not do this (its roles do not allow it).
    Forbidden,
    /// The article changed since the editor's text was loaded: the UI keeps the text and
    /// shows the newer version.
    Conflict,
    /// Someone else is editing the article: the UI makes it read-only.
    Leased,
    /// The server or its database cannot be reached now; trying again later may work.
    Unavailable,
    /// A fault of the program, not of the input.
    Internal,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError { code, message: message.into() }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::new(ErrorCode::InvalidInput, message)
    }

    /// The disk (or the user's quota) is full while writing `what`. What was saved before is
    /// untouched: SQLite rolled the transaction back, a file is written beside its name.
    pub fn disk_full(what: &str) -> Self {
        AppError::new(
            ErrorCode::Unavailable,
            format!(
                "磁盘已满，{what}没有完成。之前已保存的内容都还在，没有留下写了一半的文件；请清理磁盘空间（删除不用的文件、清空回收站）后重试"
            ),
        )
    }

    /// Whether the user can fix this (exit code 1) or it is the program's fault (exit code 2).
    pub fn is_user_error(&self) -> bool {
        !matches!(self.code, ErrorCode::Internal)
    }
}

impl From<crate::domain::IssueFileError> for AppError {
    fn from(error: crate::domain::IssueFileError) -> Self {
        AppError::invalid(error.to_string())
    }
}

/// Whether a failed write failed because the disk or the quota is full (ENOSPC, EDQUOT).
pub fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(error.kind(), std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded)
}
