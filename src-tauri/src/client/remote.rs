//! Commands on an office server, over its HTTP API: `POST /api/{command}` with the command's
//! JSON request (or a file as the raw body), answered with its JSON response (or raw bytes) or
//! an `AppError` with a matching HTTP status. The session token goes in `Authorization`.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::Backend;
use crate::api::{Body, Me, Reply};
use crate::error::{AppError, ErrorCode};

/// Largest answer taken: a PDF or a font file is a few megabytes.
const MAX_ANSWER_BYTES: u64 = 256 * 1024 * 1024;
/// A command that takes longer than this is given up (an export takes under a second).
const CALL_TIMEOUT: Duration = Duration::from_secs(120);

/// The login's answer: the session's token and who it is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginAnswer {
    pub token: String,
    pub me: Me,
}

#[derive(Serialize)]
struct LoginRequest<'a> {
    name: &'a str,
    password: &'a str,
}

/// A logged-in (or not yet logged-in) connection to an office server.
#[derive(Clone)]
pub struct RemoteBackend {
    agent: ureq::Agent,
    server: String,
    token: Option<String>,
}

impl std::fmt::Debug for RemoteBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RemoteBackend").field("server", &self.server).finish_non_exhaustive()
    }
}

impl RemoteBackend {
    /// A connection to `server` (`http://host:port`), not logged in yet.
    pub fn new(server: &str) -> Result<Self, AppError> {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(CALL_TIMEOUT))
            .build()
            .into();
        Ok(RemoteBackend { agent, server: server_url(server)?, token: None })
    }

    pub fn server(&self) -> &str {
        &self.server
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// Logs in; a wrong name or password is refused without saying which.
    pub fn log_in(&mut self, name: &str, password: &str) -> Result<Me, AppError> {
        let body = serde_json::to_vec(&LoginRequest { name, password }).expect("a login serializes");
        let reply = self.post("login", &body, &[("content-type", "application/json")])?;
        let answer: LoginAnswer = match reply {
            Reply::Json(value) => serde_json::from_value(value).map_err(|e| unreadable(&e))?,
            Reply::Raw(_) => return Err(unreadable(&"收到的是文件内容")),
        };
        self.token = Some(answer.token);
        Ok(answer.me)
    }

    /// Ends the session on the server; the connection is then logged out either way.
    pub fn log_out(&mut self) -> Result<(), AppError> {
        let result = if self.token.is_some() { self.post("logout", b"{}", &[]).map(drop) } else { Ok(()) };
        self.token = None;
        result
    }

    /// The server's change events after `since` (from now on when `None`), as they come.
    pub fn events(&self, since: Option<crate::store::Id>) -> Result<super::EventStream, AppError> {
        super::EventStream::open(&self.server, self.token.as_deref(), since)
    }

    fn post(&self, path: &str, body: &[u8], headers: &[(&str, &str)]) -> Result<Reply, AppError> {
        let url = format!("{}/api/{path}", self.server);
        let mut request = self.agent.post(&url);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(token) = &self.token {
            request = request.header("authorization", &format!("Bearer {token}"));
        }
        let response = request.send(body).map_err(|e| unreachable_server(&self.server, &e))?;
        read_reply(response)
    }
}

impl Backend for RemoteBackend {
    fn call_body(&mut self, name: &str, body: Body) -> Result<Reply, AppError> {
        match body {
            Body::Json(value) => {
                let bytes = serde_json::to_vec(&value).expect("JSON values serialize");
                self.post(name, &bytes, &[("content-type", "application/json")])
            }
            Body::Raw { bytes, headers } => {
                let mut all: Vec<(&str, &str)> = vec![("content-type", "application/octet-stream")];
                all.extend(headers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                self.post(name, &bytes, &all)
            }
        }
    }
}

fn read_reply(mut response: ureq::http::Response<ureq::Body>) -> Result<Reply, AppError> {
    let status = response.status().as_u16();
    let json = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let bytes =
        response.body_mut().with_config().limit(MAX_ANSWER_BYTES).read_to_vec().map_err(|e| {
            AppError::new(ErrorCode::Unavailable, format!("与服务器的连接中断了（{e}），请重试"))
        })?;
    if !(200..300).contains(&status) {
        return Err(serde_json::from_slice::<AppError>(&bytes).unwrap_or_else(|_| {
            AppError::new(
                ErrorCode::Internal,
                format!("服务器出错了（HTTP {status}），请稍后重试或联系管理员"),
            )
        }));
    }
    if json {
        serde_json::from_slice(&bytes).map(Reply::Json).map_err(|e| unreadable(&e))
    } else {
        Ok(Reply::Raw(bytes))
    }
}

/// The HTTP status an error is answered with: clients branch on it before reading the body.
pub fn status_of(code: ErrorCode) -> u16 {
    match code {
        ErrorCode::InvalidInput => 400,
        ErrorCode::Unauthorized => 401,
        ErrorCode::Forbidden => 403,
        ErrorCode::NotFound => 404,
        ErrorCode::Conflict | ErrorCode::Leased => 409,
        ErrorCode::Unavailable => 503,
        ErrorCode::NotADatabase
        | ErrorCode::DatabaseTooNew
        | ErrorCode::CannotOpen
        | ErrorCode::CorruptData
        | ErrorCode::Internal => 500,
    }
}

/// `10.0.0.5:8470` or `http://10.0.0.5:8470/` → `http://10.0.0.5:8470`.
pub(super) fn server_url(typed: &str) -> Result<String, AppError> {
    let typed = typed.trim();
    let url = if typed.contains("://") { typed.to_owned() } else { format!("http://{typed}") };
    let parsed: ureq::http::Uri = url.parse().map_err(|_| bad_address(typed))?;
    match (parsed.scheme_str(), parsed.host()) {
        (Some("http" | "https"), Some(host))
            if !host.is_empty() && parsed.path().trim_matches('/').is_empty() =>
        {
            Ok(url.trim_end_matches('/').to_owned())
        }
        _ => Err(bad_address(typed)),
    }
}

fn bad_address(typed: &str) -> AppError {
    AppError::invalid(format!(
        "“{typed}”不是服务器地址；请按“http://服务器地址:端口”填写，例如 http://192.168.1.10:8470"
    ))
}

fn unreachable_server(server: &str, error: &ureq::Error) -> AppError {
    AppError::new(
        ErrorCode::Unavailable,
        format!(
            "无法连接办公室服务器 {server}（{error}）。请检查服务器地址和网络，或请管理员确认服务器已启动；您的文字没有丢失，稍后会再试"
        ),
    )
}

fn unreadable(detail: &dyn std::fmt::Display) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("服务器的答复无法读取（{detail}）；客户端与服务器的版本可能不一致，请升级后重试"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_completed_and_trimmed() {
        assert_eq!(server_url(" 10.0.0.5:8470/ ").expect("host and port"), "http://10.0.0.5:8470");
        assert_eq!(server_url("https://jianbao.local").expect("https"), "https://jianbao.local");
    }

    #[test]
    fn what_is_not_a_server_address_is_refused_in_chinese() {
        for typed in ["", "ftp://10.0.0.5", "http://10.0.0.5:8470/api/x", "http://"] {
            let error = server_url(typed).expect_err(typed);
            assert!(error.message.contains("不是服务器地址"), "{typed}: {}", error.message);
        }
    }

    #[test]
    fn an_unreachable_server_is_unavailable_not_internal() {
        let mut backend = RemoteBackend::new("http://127.0.0.1:9").expect("address");
        let error =
            backend.call_body("list_issues", Body::Json(serde_json::json!({}))).expect_err("nothing listens");
        assert_eq!(error.code, ErrorCode::Unavailable);
        assert_eq!(status_of(error.code), 503);
    }
}
