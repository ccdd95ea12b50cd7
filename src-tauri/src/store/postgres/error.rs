//! What PostgreSQL's errors mean to the user: the sign-off lock's own SQLSTATE, a server out
//! of reach, and everything else as a database error.

use postgres::error::SqlState;

use super::issue_lock::SIGNED_OFF_SQLSTATE;
use crate::store::StoreError;

impl From<postgres::Error> for StoreError {
    fn from(error: postgres::Error) -> Self {
        if error.code().is_some_and(|code| code.code() == SIGNED_OFF_SQLSTATE) {
            StoreError::SignedOff
        } else if is_connection_failure(&error) {
            unreachable(error)
        } else {
            StoreError::Postgres(error)
        }
    }
}

/// A connection that could not be made, or one that broke off.
pub(super) fn unreachable(error: postgres::Error) -> StoreError {
    let detail = match error.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => error.to_string(),
    };
    StoreError::Unreachable { detail }
}

/// The socket closed or failed, or the server said it is shutting down or not yet accepting
/// connections (SQLSTATE classes 08 and 57P).
fn is_connection_failure(error: &postgres::Error) -> bool {
    if error.is_closed() {
        return true;
    }
    if let Some(code) = error.code() {
        let code = code.code();
        return code.starts_with("08")
            || [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN, SqlState::CANNOT_CONNECT_NOW]
                .iter()
                .any(|state| state.code() == code);
    }
    std::error::Error::source(error).is_some_and(|source| source.is::<std::io::Error>())
}

/// Whether `error` is a foreign key violation (a row referring to one that does not exist).
pub(super) fn is_foreign_key_violation(error: &postgres::Error) -> bool {
    error.code() == Some(&SqlState::FOREIGN_KEY_VIOLATION)
}
