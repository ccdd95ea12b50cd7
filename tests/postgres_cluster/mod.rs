//! A throwaway PostgreSQL cluster for one run of a test binary: `initdb` into a temporary
//! directory and a server that listens on a Unix socket in that directory only
//! (`listen_addresses=''`: no TCP port at all). `Cluster::stop` (also on drop) stops the
//! server and removes the directory; the binaries run their tests under their own `main`,
//! which stops the cluster after the last test, passed or failed.
//!
//! `initdb` and the server refuse to run as root, so as root (CI) they run as the `postgres`
//! account Debian's package creates, through `runuser`.

#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The superuser the cluster is created with, whoever runs the tests.
pub const SUPERUSER: &str = "jianbao";
const PORT: u16 = 5432;

#[derive(Debug)]
pub struct Cluster {
    dir: tempfile::TempDir,
    bindir: PathBuf,
    run_as: Option<&'static str>,
    running: Mutex<bool>,
    /// How long initdb and the start took.
    pub start_time: Duration,
}

impl Cluster {
    /// Creates and starts the cluster, or panics saying what is missing: a machine without
    /// PostgreSQL fails the tests instead of skipping them.
    pub fn start() -> Cluster {
        let began = Instant::now();
        let bindir = server_bindir().unwrap_or_else(|| {
            panic!(
                "找不到 PostgreSQL 服务器程序 initdb：请运行 .ci/setup-debian.sh（安装 Debian 的 postgresql），\
                 或用 JIANBAO_PG_BINDIR 指定其目录"
            )
        });
        let run_as = is_root().then_some("postgres");
        let dir = tempfile::Builder::new().prefix("jianbao-pg-").tempdir().expect("a temporary directory");
        if let Some(user) = run_as {
            hand_over(dir.path(), user);
        }
        let mut cluster =
            Cluster { dir, bindir, run_as, running: Mutex::new(false), start_time: Duration::ZERO };
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                format!("--username={SUPERUSER}").as_ref(),
                "--auth=trust".as_ref(),
                "--encoding=UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        cluster.start_again();
        cluster.start_time = began.elapsed();
        cluster
    }

    /// Starts the server (again, after `stop_immediately`). Flushing to disk is off (the
    /// cluster lives for one run and the machine does not crash under it); each commit still
    /// reaches the operating system before it is acknowledged (`synchronous_commit` stays on),
    /// so the server's own crash loses nothing acknowledged, as the fault harness checks.
    pub fn start_again(&self) {
        let options = format!(
            "-k {} -p {PORT} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=200",
            self.socket_dir().display()
        );
        let data = self.data_dir();
        let log = self.dir.path().join("server.log");
        *self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = true;
        self.run(
            "pg_ctl",
            &[
                "start".as_ref(),
                "-w".as_ref(),
                "-D".as_ref(),
                data.as_os_str(),
                "-l".as_ref(),
                log.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
            ],
        );
    }

    /// Stops the server as a crash would (`pg_ctl stop -m immediate`: no checkpoint, the next
    /// start recovers from the write-ahead log), keeping its data.
    pub fn stop_immediately(&self) {
        *self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = false;
        self.pg_ctl_stop();
    }

    fn pg_ctl_stop(&self) {
        let data = self.data_dir();
        self.run(
            "pg_ctl",
            &[
                "stop".as_ref(),
                "-w".as_ref(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-D".as_ref(),
                data.as_os_str(),
            ],
        );
    }

    /// An empty database owned by the superuser.
    pub fn create_database(&self, name: &str) {
        let mut admin = postgres::Client::connect(&self.params("postgres"), postgres::NoTls)
            .expect("connect to the cluster");
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create the database");
    }

    /// libpq parameters of `database` in this cluster.
    pub fn params(&self, database: &str) -> String {
        format!("host={} port={PORT} user={SUPERUSER} dbname={database}", self.socket_dir().display())
    }

    /// The directory holding the server's socket (the `host` of a Unix-socket connection).
    pub fn socket_dir(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    pub fn port(&self) -> u16 {
        PORT
    }

    /// Stops the server (immediately: nothing in it is kept). Safe to call more than once.
    pub fn stop(&self) {
        let mut running = self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if *running {
            *running = false;
            self.pg_ctl_stop();
        }
        // Here, not only when the directory is dropped: a test binary ends with
        // `process::exit`, which runs no destructors.
        let _ = std::fs::remove_dir_all(self.dir.path());
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) {
        let binary = self.bindir.join(program);
        let mut command = match self.run_as {
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(&binary);
                command
            }
            None => Command::new(&binary),
        };
        let output =
            command.args(args).output().unwrap_or_else(|e| panic!("{} 无法运行：{e}", binary.display()));
        if !output.status.success() {
            let log = std::fs::read_to_string(self.dir.path().join("server.log")).unwrap_or_default();
            panic!(
                "{program} 失败（{}）：\n{}\n{}\n{log}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `JIANBAO_PG_BINDIR`, else the newest of Debian's `/usr/lib/postgresql/N/bin`, else the
/// directory of an `initdb` on PATH.
fn server_bindir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("JIANBAO_PG_BINDIR") {
        return Some(PathBuf::from(dir));
    }
    let debian = std::fs::read_dir("/usr/lib/postgresql").ok().and_then(|versions| {
        versions
            .filter_map(|entry| entry.ok())
            .filter_map(|entry| {
                Some((entry.file_name().to_str()?.parse::<u32>().ok()?, entry.path().join("bin")))
            })
            .filter(|(_, bin)| bin.join("initdb").is_file())
            .max_by_key(|(version, _)| *version)
            .map(|(_, bin)| bin)
    });
    debian.or_else(|| {
        std::env::split_paths(&std::env::var_os("PATH")?).find(|dir| dir.join("initdb").is_file())
    })
}

fn is_root() -> bool {
    id(&["-u"]) == 0
}

/// Gives the cluster's directory to `user`, who runs the server.
fn hand_over(dir: &Path, user: &str) {
    let (uid, gid) = (id(&["-u", user]), id(&["-g", user]));
    std::os::unix::fs::chown(dir, Some(uid), Some(gid))
        .unwrap_or_else(|e| panic!("无法把 {} 交给用户 {user}：{e}", dir.display()));
}

/// `id ARGS` as a number; panics naming what is missing (e.g. no `postgres` account).
fn id(args: &[&str]) -> u32 {
    let output = Command::new("id").args(args).output().expect("id runs");
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim().parse().unwrap_or_else(|_| {
        panic!(
            "id {} 失败：{}（以 root 运行时需要 postgres 用户，安装 Debian 的 postgresql 包会创建它）",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr).trim()
        )
    })
}
