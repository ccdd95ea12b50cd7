//! `jianbao-server`: one office's issues for every desk. It serves the same commands as the
//! desktop app (`crate::api`) over HTTP to the desktop app, a browser and `jianbao-cli
//! --server`, with accounts and roles checked here, never only in the UI; it streams the
//! store's change events to every client; it hands the UI's files to browsers.
//!
//! Files in the order a request meets them: `http.rs` (routes, session, errors) → `auth.rs`
//! (passwords, sessions) and `throttle.rs` (failed logins) → `pool.rs` (store connections) →
//! `crate::api`; `events.rs` for the event stream, `ui_files.rs` for the page, `accounts.rs`
//! for `user …`.

mod accounts;
mod args;
mod auth;
pub mod backup;
mod events;
mod http;
mod pool;
mod throttle;
mod ui_files;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

pub use args::{ServeArgs, ServerArgs, ServerCommand, UserCommand};
pub use auth::{SessionPolicy, hash_password};
pub use pool::StoreSource;

use crate::error::{AppError, ErrorCode};
use crate::fonts::FontCache;
use crate::store::SystemClock;
use events::EventHub;
use pool::StorePool;
use throttle::LoginThrottle;

/// What every request shares.
#[derive(Debug)]
pub struct ServerState {
    pool: StorePool,
    clock: SystemClock,
    fonts: FontCache,
    sessions: SessionPolicy,
    lease_ttl: Duration,
    throttle: LoginThrottle,
    events: Arc<EventHub>,
    /// Served over HTTPS: the session cookie is marked Secure.
    tls: bool,
}

/// Parses the arguments and runs; returns the process exit code (0 done, 1 the input cannot be
/// used, 2 the program failed), as the CLI does.
pub fn main_with(args: impl IntoIterator<Item = std::ffi::OsString>) -> i32 {
    let args = match crate::cli::usage::parse::<ServerArgs>(args) {
        Ok(args) => args,
        Err(code) => return code,
    };
    match run(args) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("错误：{}", error.message);
            if error.is_user_error() { 1 } else { 2 }
        }
    }
}

fn run(args: ServerArgs) -> Result<(), AppError> {
    let source = store_source(args.db, args.postgres)?;
    match args.command {
        Some(ServerCommand::User { command }) => {
            let mut store = source.open()?;
            crate::service::ensure_publication(store.as_mut())?;
            accounts::run(command, store.as_mut(), &mut std::io::stdout().lock())
        }
        Some(ServerCommand::Migrate { from_sqlite }) => migrate(&from_sqlite, &source),
        Some(ServerCommand::Backup { to }) => {
            let written = backup::back_up(&source, &to, local_now())?;
            println!("已备份到 {}", written.display());
            Ok(())
        }
        Some(ServerCommand::Restore { from }) => {
            let kept = backup::restore(&source, &from, local_now())?;
            println!("已从 {} 恢复", from.display());
            if let Some(kept) = kept {
                println!("原有的数据库文件已改名保存为 {}", kept.display());
            }
            Ok(())
        }
        None => serve(source, &args.serve),
    }
}

fn store_source(db: Option<PathBuf>, postgres: Option<String>) -> Result<StoreSource, AppError> {
    match (db, postgres) {
        (_, Some(params)) => Ok(StoreSource::Postgres(params)),
        (Some(db), None) => Ok(StoreSource::Sqlite(db)),
        (None, None) => Err(AppError::invalid(
            "请用 --db 指定办公室数据库文件，或用 --postgres 指定 PostgreSQL 数据库（也可设置环境变量 JIANBAO_DB 或 JIANBAO_POSTGRES）",
        )),
    }
}

/// The wall-clock time here, for the names of backups.
fn local_now() -> chrono::DateTime<chrono::FixedOffset> {
    use crate::store::Clock;
    let now = SystemClock.now();
    now.with_timezone(&SystemClock.zone().offset_at(now))
}

fn migrate(from_sqlite: &std::path::Path, target: &StoreSource) -> Result<(), AppError> {
    let StoreSource::Postgres(params) = target else {
        return Err(AppError::invalid("请用 --postgres 指定要迁入的新建空 PostgreSQL 数据库"));
    };
    let report = crate::store::postgres::move_sqlite_to_postgres(from_sqlite, params)?;
    for (table, rows) in &report.rows {
        println!("{table}\t{rows} 行");
    }
    println!(
        "已迁移 {} 期、{} 个修订版本；两边行数一致，内容校验值一致（{}）",
        report.issues, report.revisions, report.digest
    );
    Ok(())
}

/// Serves until interrupted (Ctrl-C or SIGTERM), finishing the requests under way.
pub fn serve(source: StoreSource, args: &ServeArgs) -> Result<(), AppError> {
    check_listen_address(args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("服务器无法启动：{e}")))?;
    // Opened before the runtime runs: the PostgreSQL client is synchronous and blocks on a
    // runtime of its own, which cannot start inside another's task.
    let pool = pool::open_pool(source.clone())?;
    let latest = pool::connection(&pool)?.latest_event_seq()?;
    runtime.block_on(async {
        let state = Arc::new(ServerState {
            pool: pool.clone(),
            clock: SystemClock,
            fonts: FontCache::new(None),
            sessions: SessionPolicy { idle: args.session_idle, longest: args.session_longest },
            lease_ttl: args.lease,
            throttle: LoginThrottle::default(),
            events: Arc::new(EventHub::new(latest)),
            tls: args.tls_cert.is_some(),
        });
        events::spawn_reader(pool, Arc::clone(&state.events), &source);
        let app = http::router(state).into_make_service_with_connect_info::<SocketAddr>();
        match (&args.tls_cert, &args.tls_key) {
            (Some(cert), Some(key)) => serve_tls(app, args.listen, cert, key).await,
            _ => serve_plain(app, args.listen).await,
        }
    })
}

/// Loopback unless the administrator asks for the LAN, and then a warning when it is plain
/// HTTP: passwords and manuscripts would cross the office network readable by anyone on it.
fn check_listen_address(args: &ServeArgs) -> Result<(), AppError> {
    if !args.listen.ip().is_loopback() && !args.lan {
        return Err(AppError::invalid(format!(
            "{} 不是本机地址：要让局域网中的其他电脑连接，请加上 --lan（最好同时用 --tls-cert/--tls-key 启用 HTTPS）",
            args.listen
        )));
    }
    if !args.listen.ip().is_loopback() && args.tls_cert.is_none() {
        eprintln!(
            "警告：正在局域网上以明文 HTTP 提供服务，登录密码和文稿在网络上可能被他人截获；请尽快用 --tls-cert/--tls-key 启用 HTTPS"
        );
    }
    Ok(())
}

type App = axum::extract::connect_info::IntoMakeServiceWithConnectInfo<axum::Router, SocketAddr>;

async fn serve_plain(app: App, address: SocketAddr) -> Result<(), AppError> {
    let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| cannot_listen(address, &e))?;
    announce(&listener.local_addr().map_err(|e| cannot_listen(address, &e))?, "http");
    axum::serve(listener, app)
        .with_graceful_shutdown(stop_signal())
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("服务器意外停止：{e}")))
}

async fn serve_tls(
    app: App,
    address: SocketAddr,
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<(), AppError> {
    let config = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await.map_err(|e| {
        AppError::invalid(format!("无法读取 HTTPS 证书或私钥（{}、{}）：{e}", cert.display(), key.display()))
    })?;
    let listener = std::net::TcpListener::bind(address).map_err(|e| cannot_listen(address, &e))?;
    announce(&listener.local_addr().map_err(|e| cannot_listen(address, &e))?, "https");
    let handle = axum_server::Handle::new();
    let stopper = handle.clone();
    tokio::spawn(async move {
        stop_signal().await;
        stopper.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    axum_server::from_tcp_rustls(listener, config)
        .handle(handle)
        .serve(app)
        .await
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("服务器意外停止：{e}")))
}

/// The one line a script waits for: where the server listens (with port 0, the port chosen).
fn announce(address: &SocketAddr, scheme: &str) {
    println!("简报台服务器已启动：{scheme}://{address}");
}

fn cannot_listen(address: SocketAddr, error: &std::io::Error) -> AppError {
    AppError::invalid(format!("无法在 {address} 上监听：{error}。端口可能已被占用，请换一个端口（--listen）"))
}

async fn stop_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let Ok(mut terminate) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        else {
            return drop(interrupt.await);
        };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    drop(interrupt.await);
}
