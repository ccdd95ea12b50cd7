//! A real `jianbao-server` process on loopback with a temp database holding the demo issue and
//! one account per role, for the server's integration tests, the CLI's and the load bench.
#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use jianbao::client::RemoteBackend;

/// Every account's password in the tests.
pub const PASSWORD: &str = "office-pass-1";

/// The accounts every test server has: name and roles.
pub const ACCOUNTS: [(&str, &str); 5] = [
    ("汤建", "editor"),
    ("赵编辑", "editor"),
    ("李校对", "proofreader"),
    ("王主任", "signer"),
    ("管理员", "admin"),
];

pub fn server_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jianbao-server"))
}

pub fn cli_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_jianbao-cli"))
}

/// The store a test server runs on, as `jianbao-server` is told it.
#[derive(Debug, Clone)]
pub enum OfficeStore {
    Sqlite(PathBuf),
    Postgres(String),
}

impl OfficeStore {
    pub fn args(&self) -> Vec<std::ffi::OsString> {
        match self {
            OfficeStore::Sqlite(path) => vec!["--db".into(), path.into()],
            OfficeStore::Postgres(params) => vec!["--postgres".into(), params.into()],
        }
    }
}

/// A running server; stopped (and its folder removed) when dropped.
pub struct OfficeServer {
    child: Child,
    pub url: String,
    pub db: PathBuf,
    pub store: OfficeStore,
    dir: tempfile::TempDir,
}

impl OfficeServer {
    /// The demo database (2025年第13期) with `ACCOUNTS`, served with `extra` server flags.
    pub fn start(extra: &[&str]) -> OfficeServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("office.sqlite3");
        let demo =
            Command::new(cli_binary()).arg("--db").arg(&db).arg("demo").output().expect("runs the CLI");
        assert!(demo.status.success(), "the demo database: {}", String::from_utf8_lossy(&demo.stderr));
        let store = OfficeStore::Sqlite(db.clone());
        add_accounts(&store);
        let (child, url) = spawn(&store, "127.0.0.1:0", extra);
        OfficeServer { child, url, db, store, dir }
    }

    /// The demo issue moved into the empty PostgreSQL database `params`, with `ACCOUNTS`.
    pub fn start_on_postgres(params: &str, extra: &[&str]) -> OfficeServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("desk.sqlite3");
        let demo =
            Command::new(cli_binary()).arg("--db").arg(&db).arg("demo").output().expect("runs the CLI");
        assert!(demo.status.success(), "the demo database: {}", String::from_utf8_lossy(&demo.stderr));
        let store = OfficeStore::Postgres(params.to_owned());
        let moved = store_command(&store, &["migrate", "--from-sqlite", db.to_str().expect("UTF-8")], "");
        assert!(moved.status.success(), "migrate: {}", String::from_utf8_lossy(&moved.stderr));
        add_accounts(&store);
        let (child, url) = spawn(&store, "127.0.0.1:0", extra);
        OfficeServer { child, url, db, store, dir }
    }

    /// Kills the server process (SIGKILL: no shutdown of any kind) and starts it again on the
    /// same address.
    pub fn kill_and_restart(&mut self, extra: &[&str]) {
        self.child.kill().expect("kill the server");
        self.child.wait().expect("the server ends");
        let address = self.url.trim_start_matches("http://").to_owned();
        let (child, url) = spawn(&self.store, &address, extra);
        assert_eq!(url, self.url, "the same address again");
        self.child = child;
    }

    /// A client logged in as `name`.
    pub fn client(&self, name: &str) -> RemoteBackend {
        let mut client = RemoteBackend::new(&self.url).expect("the address is valid");
        client.log_in(name, PASSWORD).unwrap_or_else(|e| panic!("{name} logs in: {}", e.message));
        client
    }

    /// Runs `jianbao-server --db … ARGS` on this server's database, `stdin` as its input.
    pub fn admin(&self, args: &[&str], stdin: &str) -> std::process::Output {
        server_command(&self.db, args, stdin)
    }

    pub fn folder(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for OfficeServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn add_accounts(store: &OfficeStore) {
    for (name, roles) in ACCOUNTS {
        let output = store_command(store, &["user", "add", name, "--role", roles], PASSWORD);
        assert!(output.status.success(), "user add {name}: {}", String::from_utf8_lossy(&output.stderr));
    }
}

/// Starts the server on `address`; answers it with the URL it announced.
fn spawn(store: &OfficeStore, address: &str, extra: &[&str]) -> (Child, String) {
    let mut child = Command::new(server_binary())
        .args(store.args())
        .args(["--listen", address])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("starts the server");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("the server announces itself");
    let url = line.trim().rsplit('：').next().unwrap_or_default().to_owned();
    assert!(url.starts_with("http"), "the server's first line names its address: {line:?}");
    (child, url)
}

pub fn server_command(db: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    store_command(&OfficeStore::Sqlite(db.to_owned()), args, stdin)
}

/// Runs `jianbao-server STORE ARGS` with `stdin` as its input.
pub fn store_command(store: &OfficeStore, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(server_binary())
        .args(store.args())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs jianbao-server");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(format!("{stdin}\n").as_bytes())
        .expect("writes stdin");
    child.wait_with_output().expect("jianbao-server ends")
}
