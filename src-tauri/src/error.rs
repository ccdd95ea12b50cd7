//! The one error shape that leaves the core: a code the UI may branch on and a Chinese message
//! a user can act on. Module errors convert into it; nothing crosses the IPC boundary or the
//! CLI's stderr as a bare string.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
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
