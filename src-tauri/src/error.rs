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
