//! Commands of the proof rounds and the sign-off: thin adapters over `crate::service`, each
//! answering with the issue's status and history. Declared in `crate::bindings`.

use chrono::NaiveDate;
use tauri::State;

use super::state::AppState;
use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::service::{self, IssueRounds, RoundComparison, RoundRef};
use crate::store::Id;

#[tauri::command]
pub fn issue_rounds(state: State<'_, AppState>, id: Id) -> Result<IssueRounds, AppError> {
    service::issue_rounds(&*state.store()?, id)
}

#[tauri::command]
pub fn advance_issue(
    state: State<'_, AppState>,
    id: Id,
    by: String,
    note: String,
) -> Result<IssueRounds, AppError> {
    let mut store = state.store()?;
    service::advance(&mut store, id, &by, &note)?;
    service::issue_rounds(&store, id)
}

#[tauri::command]
pub fn send_back_issue(
    state: State<'_, AppState>,
    id: Id,
    by: String,
    reasons: String,
    to: Option<IssueStatus>,
) -> Result<IssueRounds, AppError> {
    let mut store = state.store()?;
    service::send_back(&mut store, id, &by, &reasons, to)?;
    service::issue_rounds(&store, id)
}

/// Signs the issue off on `date`, today when the signer gives none.
#[tauri::command]
pub fn sign_off_issue(
    state: State<'_, AppState>,
    id: Id,
    by: String,
    date: Option<NaiveDate>,
) -> Result<IssueRounds, AppError> {
    let mut store = state.store()?;
    service::sign_off(&mut store, id, &by, date.unwrap_or_else(|| state.today()))?;
    service::issue_rounds(&store, id)
}

#[tauri::command]
pub fn revoke_sign_off_issue(
    state: State<'_, AppState>,
    id: Id,
    by: String,
    reason: String,
) -> Result<IssueRounds, AppError> {
    let mut store = state.store()?;
    service::revoke_sign_off(&mut store, id, &by, &reason)?;
    service::issue_rounds(&store, id)
}

/// Compares the issue's text between two rounds, each named as the CLI names them (`一校`,
/// `待签发`, `当前`, …).
#[tauri::command]
pub fn compare_rounds(
    state: State<'_, AppState>,
    issue_id: Id,
    from: String,
    to: String,
) -> Result<RoundComparison, AppError> {
    service::compare_rounds(&*state.store()?, issue_id, round_named(&from)?, round_named(&to)?)
}

fn round_named(text: &str) -> Result<RoundRef, AppError> {
    RoundRef::parse(text).ok_or_else(|| {
        AppError::invalid(format!("“{text}”不是轮次，请选择一校、二校、三校、待签发、已签发或当前"))
    })
}
