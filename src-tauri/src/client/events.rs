//! The server's change events as a client reads them: `GET /api/events?since=N`, a stream of
//! server-sent events (`id: seq`, `data: ChangeEvent`), and `event: reset` when the server has
//! forgotten what the client missed (it then reloads everything).

use std::io::{BufRead, BufReader, Read};
use std::time::Duration;

use crate::error::{AppError, ErrorCode};
use crate::store::{ChangeEvent, Id};

/// What the stream brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamItem {
    Change(ChangeEvent),
    /// Events were missed beyond recall: reload everything shown.
    Reset {
        latest: Id,
    },
    /// The server's keep-alive: nothing changed, the connection is alive.
    Heartbeat,
}

/// What the desktop window hears of the office server, and the browser makes of its own
/// event stream: changes, and whether the server can be reached.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ServerSignal {
    Change {
        event: ChangeEvent,
    },
    /// Reload everything shown: changes were missed beyond recall.
    Reset,
    /// The server answers (again).
    Online,
    /// The server cannot be reached; the client keeps trying.
    Offline {
        message: String,
    },
    /// The session ended (expired, or the account was disabled): log in again.
    LoggedOut {
        message: String,
    },
}

pub struct EventStream {
    lines: BufReader<Box<dyn Read + Send>>,
}

impl std::fmt::Debug for EventStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream").finish_non_exhaustive()
    }
}

impl EventStream {
    pub(super) fn open(server: &str, token: Option<&str>, since: Option<Id>) -> Result<Self, AppError> {
        // No overall timeout: the stream stays open; the server sends a comment every few
        // seconds, so a dead connection shows as a read that fails.
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .timeout_recv_body(Some(Duration::from_secs(60)))
            .build()
            .into();
        let url = match since {
            Some(since) => format!("{server}/api/events?since={since}"),
            None => format!("{server}/api/events"),
        };
        let mut request = agent.get(&url);
        if let Some(token) = token {
            request = request.header("authorization", &format!("Bearer {token}"));
        }
        let response = request.call().map_err(|e| {
            AppError::new(ErrorCode::Unavailable, format!("无法接收服务器的更新通知（{e}），稍后会自动重连"))
        })?;
        if response.status().as_u16() == 401 {
            return Err(AppError::new(ErrorCode::Unauthorized, "登录已过期，请重新登录"));
        }
        if !response.status().is_success() {
            return Err(AppError::new(
                ErrorCode::Unavailable,
                format!("服务器拒绝了更新通知（HTTP {}），稍后会自动重连", response.status().as_u16()),
            ));
        }
        let reader: Box<dyn Read + Send> = Box::new(response.into_body().into_reader());
        Ok(EventStream { lines: BufReader::new(reader) })
    }

    /// The next event; an error when the connection ends (reconnect with the last seq).
    pub fn next_item(&mut self) -> Result<StreamItem, AppError> {
        let mut kind = String::new();
        let mut data = String::new();
        loop {
            let mut line = String::new();
            let read = self.lines.read_line(&mut line).map_err(|e| ended(&e))?;
            if read == 0 {
                return Err(ended(&"服务器关闭了连接"));
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                return Ok(parse_item(&kind, &data)?.unwrap_or(StreamItem::Heartbeat));
            } else if let Some(value) = line.strip_prefix("event:") {
                kind = value.trim().to_owned();
            } else if let Some(value) = line.strip_prefix("data:") {
                data.push_str(value.trim_start());
            }
        }
    }
}

fn parse_item(kind: &str, data: &str) -> Result<Option<StreamItem>, AppError> {
    let unreadable =
        |e: serde_json::Error| AppError::new(ErrorCode::Internal, format!("更新通知无法读取：{e}"));
    match kind {
        "change" => {
            serde_json::from_str(data).map(|event| Some(StreamItem::Change(event))).map_err(unreadable)
        }
        "reset" => match data.trim().parse() {
            Ok(latest) => Ok(Some(StreamItem::Reset { latest })),
            Err(_) => Err(AppError::new(ErrorCode::Internal, format!("更新通知无法读取：{data}"))),
        },
        _ => Ok(None),
    }
}

fn ended(detail: &dyn std::fmt::Display) -> AppError {
    AppError::new(ErrorCode::Unavailable, format!("与服务器的更新通知中断了（{detail}），稍后会自动重连"))
}
