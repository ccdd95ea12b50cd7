//! The desktop app as a client of an office server: choosing 本机 or 办公室服务器 in the
//! settings, logging in and out, and passing the server's change events to the window.

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};

use super::state::AppState;
use crate::api::Me;
use crate::client::{Connection, RemoteBackend, ServerSignal, StreamItem};
use crate::error::{AppError, ErrorCode};

/// The event the window listens to for `ServerSignal`s.
pub const SIGNAL_EVENT: &str = "jianbao:server";
/// Waiting this long before reconnecting to a server that went away.
const RECONNECT_AFTER: Duration = Duration::from_secs(2);

#[tauri::command]
pub fn get_connection(app: AppHandle) -> Connection {
    app.state::<AppState>().connection()
}

/// Switches between this computer's database and an office server; the window reloads what
/// it shows afterwards.
#[tauri::command]
pub async fn set_connection(app: AppHandle, connection: Connection) -> Result<Connection, AppError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().set_connection(connection))
        .await
        .map_err(interrupted)?
}

#[tauri::command]
pub async fn log_in(app: AppHandle, name: String, password: String) -> Result<Me, AppError> {
    let worker_app = app.clone();
    let (me, remote) =
        tauri::async_runtime::spawn_blocking(move || worker_app.state::<AppState>().log_in(&name, &password))
            .await
            .map_err(interrupted)??;
    let generation = app.state::<AppState>().generation();
    std::thread::spawn(move || forward_signals(&app, &remote, generation));
    Ok(me)
}

#[tauri::command]
pub async fn log_out(app: AppHandle) -> Result<(), AppError> {
    tauri::async_runtime::spawn_blocking(move || app.state::<AppState>().log_out())
        .await
        .map_err(interrupted)?
}

/// Passes the server's events to the window until the login or the connection changes,
/// reconnecting (from the last event seen, so nothing is missed) when the server goes away.
fn forward_signals(app: &AppHandle, remote: &RemoteBackend, generation: u64) {
    let current = || app.state::<AppState>().generation() == generation;
    let emit = |signal: ServerSignal| drop(app.emit(SIGNAL_EVENT, signal));
    let mut since = None;
    while current() {
        match remote.events(since) {
            Ok(mut stream) => {
                emit(ServerSignal::Online);
                while current() {
                    match stream.next_item() {
                        Ok(StreamItem::Change(event)) => {
                            since = Some(event.seq);
                            emit(ServerSignal::Change { event });
                        }
                        Ok(StreamItem::Reset { latest }) => {
                            since = Some(latest);
                            emit(ServerSignal::Reset);
                        }
                        Ok(StreamItem::Heartbeat) => {}
                        Err(error) => {
                            emit(ServerSignal::Offline { message: error.message });
                            break;
                        }
                    }
                }
            }
            Err(error) if error.code == ErrorCode::Unauthorized => {
                emit(ServerSignal::LoggedOut { message: error.message });
                return;
            }
            Err(error) => emit(ServerSignal::Offline { message: error.message }),
        }
        std::thread::sleep(RECONNECT_AFTER);
    }
}

fn interrupted(error: tauri::Error) -> AppError {
    AppError::new(ErrorCode::Internal, format!("操作意外中断：{error}。请重试。"))
}
