//! The one door from the window to the service: `call` runs any `crate::api` command by name
//! (on this computer's database or the office server), `call_bytes` one whose request is a
//! file's raw bytes. Both run off the window's thread, so a long layout never freezes it.

use tauri::ipc::{InvokeBody, InvokeResponseBody, Request};
use tauri::{AppHandle, Manager};

use super::state::AppState;
use crate::api::{Body, Reply};
use crate::error::{AppError, ErrorCode};

#[tauri::command]
pub async fn call(
    app: AppHandle,
    command: String,
    request: serde_json::Value,
) -> Result<InvokeResponseBody, AppError> {
    on_worker(app, move |state| state.call(&command, Body::Json(request))).await
}

/// The command is named in the `x-jianbao-command` header; the other headers go with the bytes.
#[tauri::command]
pub async fn call_bytes(app: AppHandle, request: Request<'_>) -> Result<InvokeResponseBody, AppError> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(AppError::invalid("文件没有送达（内容格式不对）；请重新选择文件"));
    };
    let headers: Vec<(String, String)> = request
        .headers()
        .iter()
        .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
        .collect();
    let command = headers
        .iter()
        .find(|(name, _)| name == COMMAND_HEADER)
        .map(|(_, value)| value.clone())
        .ok_or_else(|| AppError::invalid("没有指明要做的操作；请重试"))?;
    let body = Body::Raw { bytes: bytes.clone(), headers };
    on_worker(app, move |state| state.call(&command, body)).await
}

/// Header naming the command of a `call_bytes`.
pub const COMMAND_HEADER: &str = "x-jianbao-command";

fn into_response(reply: Reply) -> InvokeResponseBody {
    match reply {
        Reply::Json(value) => InvokeResponseBody::Json(value.to_string()),
        Reply::Raw(bytes) => InvokeResponseBody::Raw(bytes),
    }
}

/// Runs `work` with the app's state on a thread meant for blocking work.
async fn on_worker(
    app: AppHandle,
    work: impl FnOnce(&AppState) -> Result<Reply, AppError> + Send + 'static,
) -> Result<InvokeResponseBody, AppError> {
    let reply = tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("操作意外中断：{e}。请重试。")))??;
    Ok(into_response(reply))
}
