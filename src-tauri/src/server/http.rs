//! The HTTP side: `POST /api/login`, `/api/logout`, `/api/{command}`, `GET /api/events`, and
//! the UI's files at `/`. Every command runs on a blocking thread with its own store
//! connection, after the session has been checked; errors leave as `AppError` JSON with the
//! matching status.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use super::ServerState;
use super::auth;
use super::pool::connection;
use crate::api::{self, Body, Env, Reply};
use crate::client::{LoginAnswer, status_of};
use crate::error::{AppError, ErrorCode};
use crate::store::Id;

/// Largest request taken: a Word manuscript with pictures, base64 in JSON.
pub const MAX_BODY_BYTES: usize = 64 * 1024 * 1024;
/// A larger body is still read (and thrown away) up to this, so that the client, which sends
/// the whole body before it reads the answer, gets the answer instead of a broken connection.
const DRAIN_BYTES: usize = 1024 * 1024 * 1024;
/// The session cookie of the browser client.
const SESSION_COOKIE: &str = "jianbao_session";

pub fn router(state: Arc<ServerState>) -> Router {
    Router::new()
        .route("/api/login", post(log_in))
        .route("/api/logout", post(log_out))
        .route("/api/events", get(events))
        .route("/api/{command}", post(command))
        .fallback(super::ui_files::serve)
        // Bodies are read and limited by `read_body`, which answers an oversized one in Chinese.
        .layer(DefaultBodyLimit::disable())
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn command(
    State(state): State<Arc<ServerState>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let bytes = match read_body(body).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let outcome = async {
        let token = session_token(&headers)?;
        let raw = content_type(&headers).is_some_and(|ct| ct.starts_with("application/octet-stream"));
        let file_headers = raw.then(|| jianbao_headers(&headers));
        blocking(move || {
            let mut store = connection(&state.pool)?;
            let caller = auth::authenticate(store.as_mut(), &state.clock, state.sessions, &token)?;
            let body = match file_headers {
                Some(headers) => Body::Raw { bytes: bytes.to_vec(), headers },
                None => Body::Json(json_body(&name, &bytes)?),
            };
            let mut env = Env {
                store: store.as_mut(),
                caller: &caller,
                clock: &state.clock,
                fonts: &state.fonts,
                lease_ttl: state.lease_ttl,
            };
            api::call(&mut env, &name, body)
        })
        .await
    }
    .await;
    match outcome {
        Ok(Reply::Json(value)) => json_response(StatusCode::OK, &value),
        Ok(Reply::Raw(bytes)) => {
            ([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response()
        }
        Err(error) => error_response(&error),
    }
}

#[derive(Deserialize)]
struct LoginRequest {
    name: String,
    password: String,
}

async fn log_in(
    State(state): State<Arc<ServerState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: axum::body::Body,
) -> Response {
    let bytes = match read_body(body).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let outcome = async {
        let request: LoginRequest =
            serde_json::from_slice(&bytes).map_err(|e| api::malformed("login", &e))?;
        let keys = vec![format!("name:{}", request.name.trim()), format!("addr:{}", peer.ip())];
        let wait = state.throttle.wait_for(&keys, Instant::now());
        tokio::time::sleep(wait).await;
        let worker = Arc::clone(&state);
        let session = blocking(move || {
            let mut store = connection(&worker.pool)?;
            auth::log_in(store.as_mut(), &worker.clock, worker.sessions, &request.name, &request.password)
        })
        .await;
        match &session {
            Ok(_) => state.throttle.succeeded(&keys),
            Err(error) if error.code == ErrorCode::Unauthorized => {
                state.throttle.failed(&keys, Instant::now());
            }
            Err(_) => {}
        }
        session
    }
    .await;
    match outcome {
        Ok(session) => {
            let cookie = format!(
                "{SESSION_COOKIE}={}; HttpOnly; SameSite=Strict; Path=/{}",
                session.token,
                if state.tls { "; Secure" } else { "" }
            );
            let answer = LoginAnswer { token: session.token, me: session.me };
            let mut response = json_response(StatusCode::OK, &answer);
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().insert(header::SET_COOKIE, value);
            }
            response
        }
        Err(error) => error_response(&error),
    }
}

async fn log_out(State(state): State<Arc<ServerState>>, headers: HeaderMap) -> Response {
    let outcome = async {
        let token = session_token(&headers)?;
        blocking(move || auth::log_out(connection(&state.pool)?.as_mut(), &token)).await
    }
    .await;
    let mut response = match outcome {
        Ok(()) | Err(AppError { code: ErrorCode::Unauthorized, .. }) => {
            json_response(StatusCode::OK, &serde_json::json!({}))
        }
        Err(error) => error_response(&error),
    };
    let expired = format!("{SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0");
    if let Ok(value) = HeaderValue::from_str(&expired) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

#[derive(Deserialize)]
struct EventsQuery {
    since: Option<Id>,
}

async fn events(
    State(state): State<Arc<ServerState>>,
    Query(query): Query<EventsQuery>,
    headers: HeaderMap,
) -> Response {
    let outcome = async {
        let token = session_token(&headers)?;
        let worker = Arc::clone(&state);
        blocking(move || {
            auth::authenticate(connection(&worker.pool)?.as_mut(), &worker.clock, worker.sessions, &token)
        })
        .await?;
        // A browser's EventSource reconnects by itself and names the last event it saw.
        let since = query.since.or_else(|| {
            headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok())
        });
        super::events::stream(state.pool.clone(), Arc::clone(&state.events), since).await
    }
    .await;
    match outcome {
        Ok(stream) => stream.into_response(),
        Err(error) => error_response(&error),
    }
}

/// The session token: `Authorization: Bearer …` (CLI, desktop app) or the cookie (browser).
fn session_token(headers: &HeaderMap) -> Result<String, AppError> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let cookie = || {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|pair| pair.trim().strip_prefix(SESSION_COOKIE).and_then(|rest| rest.strip_prefix('=')))
    };
    bearer
        .or_else(cookie)
        .filter(|token| !token.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| AppError::new(ErrorCode::Unauthorized, "请先登录"))
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok())
}

/// The `x-jianbao-*` headers that travel with a raw file (its issue, its name).
fn jianbao_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("x-jianbao-"))
        .filter_map(|(name, value)| Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned())))
        .collect()
}

fn json_body(command: &str, bytes: &[u8]) -> Result<serde_json::Value, AppError> {
    if bytes.is_empty() {
        return Ok(serde_json::json!({}));
    }
    serde_json::from_slice(bytes).map_err(|e| api::malformed(command, &e))
}

/// The request's body, or the answer to a body that did not arrive whole or is over the limit
/// (nothing of it is used).
async fn read_body(body: axum::body::Body) -> Result<Bytes, Response> {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut kept = Vec::new();
    let mut total = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| {
            let error = AppError::invalid(format!("请求没有完整送达（{e}），什么也没有改动；请重试"));
            json_response(StatusCode::BAD_REQUEST, &error)
        })?;
        total += chunk.len();
        if total <= MAX_BODY_BYTES {
            kept.extend_from_slice(&chunk);
        } else if total > DRAIN_BYTES {
            break;
        }
    }
    if total > MAX_BODY_BYTES {
        let error = AppError::invalid(format!(
            "请求太大（超过 {} MB），服务器没有接收，什么也没有改动；请分开导入较小的文件，或压缩文中的图片",
            MAX_BODY_BYTES / (1024 * 1024)
        ));
        return Err(json_response(StatusCode::PAYLOAD_TOO_LARGE, &error));
    }
    Ok(Bytes::from(kept))
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("服务器处理请求时出错：{e}。请重试，或请管理员查看服务器日志"),
        )
    })?
}

fn json_response(status: StatusCode, value: &impl serde::Serialize) -> Response {
    let body = serde_json::to_vec(value).expect("answers serialize without failure");
    (status, [(header::CONTENT_TYPE, "application/json; charset=utf-8")], body).into_response()
}

fn error_response(error: &AppError) -> Response {
    let status = StatusCode::from_u16(status_of(error.code)).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    json_response(status, error)
}

/// Nothing here is to be framed, sniffed or cached by a proxy; the UI's own files are the
/// only scripts a page may run.
async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; \
             font-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}
