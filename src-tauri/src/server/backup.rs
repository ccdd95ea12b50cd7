//! `jianbao-server backup --to DIR` and `restore --from FILE`: a copy of the office database
//! taken while the server keeps serving, and its way back.
//!
//! SQLite: the desktop's checked copy (`crate::backup`): the online backup API, into a file
//! beside its final name, checked with `PRAGMA integrity_check`, then renamed, so a backup
//! that exists is whole. PostgreSQL:
//! `pg_dump --format=custom` (one consistent snapshot), restored with `pg_restore
//! --single-transaction` into an empty database. Each backup's name carries its time, so a
//! scheduled job keeps a series; removing old ones is the scheduler's (see the README).

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset};

use super::pool::StoreSource;
use crate::error::{AppError, ErrorCode};
use crate::store::{SqliteStore, SystemClock};

/// Writes a backup of `source` into `dir`; answers the file written.
pub fn back_up(source: &StoreSource, dir: &Path, now: DateTime<FixedOffset>) -> Result<PathBuf, AppError> {
    std::fs::create_dir_all(dir).map_err(|e| io_error("无法建立备份文件夹", dir, e))?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    match source {
        StoreSource::Sqlite(path) => {
            let target = dir.join(format!("jianbao-{stamp}.sqlite3"));
            crate::backup::export_database(path, &target)?;
            Ok(target)
        }
        StoreSource::Postgres(params) => {
            let target = dir.join(format!("jianbao-{stamp}.pgdump"));
            let partial = dir.join(format!(".jianbao-{stamp}.pgdump.partial"));
            run_tool(
                Command::new(tool("pg_dump"))
                    .arg("--format=custom")
                    .arg("--file")
                    .arg(&partial)
                    .arg("--dbname")
                    .arg(params),
                "pg_dump",
            )?;
            std::fs::rename(&partial, &target).map_err(|e| io_error("无法保存备份文件", &target, e))?;
            Ok(target)
        }
    }
}

/// Restores `backup` into `source`, which must be new: an existing SQLite file is kept aside
/// (renamed, never deleted), a PostgreSQL database must be empty.
pub fn restore(
    source: &StoreSource,
    backup: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Option<PathBuf>, AppError> {
    if !backup.is_file() {
        return Err(AppError::invalid(format!("找不到备份文件“{}”", backup.display())));
    }
    match source {
        StoreSource::Sqlite(path) => {
            crate::backup::inspect(backup)?;
            let kept = path
                .exists()
                .then(|| path.with_extension(format!("before-restore-{}", now.format("%Y%m%d-%H%M%S"))));
            if let Some(kept) = &kept {
                std::fs::rename(path, kept).map_err(|e| io_error("无法把现有数据库移到一旁", path, e))?;
                for suffix in ["-wal", "-shm"] {
                    let side = PathBuf::from(format!("{}{suffix}", path.display()));
                    let _ = std::fs::remove_file(side);
                }
            }
            std::fs::copy(backup, path).map_err(|e| io_error("无法写入恢复的数据库", path, e))?;
            // Opening it brings an older backup's schema up to date.
            SqliteStore::open(path, Box::new(SystemClock))?;
            Ok(kept)
        }
        StoreSource::Postgres(params) => {
            run_tool(
                Command::new(tool("pg_restore"))
                    .args(["--single-transaction", "--exit-on-error", "--no-owner", "--dbname"])
                    .arg(params)
                    .arg(backup),
                "pg_restore",
            )?;
            crate::store::PostgresStore::connect(params, Box::new(SystemClock))?;
            Ok(None)
        }
    }
}

/// PostgreSQL's client programs, from JIANBAO_PG_BINDIR when given, else from the PATH.
fn tool(name: &str) -> PathBuf {
    match std::env::var_os("JIANBAO_PG_BINDIR") {
        Some(dir) => Path::new(&dir).join(name),
        None => PathBuf::from(name),
    }
}

fn run_tool(command: &mut Command, name: &str) -> Result<(), AppError> {
    let output = command.output().map_err(|e| {
        AppError::new(
            ErrorCode::Internal,
            format!("无法运行 {name}（{e}）：请安装 PostgreSQL 客户端程序（Debian 的 postgresql-client），或用 JIANBAO_PG_BINDIR 指定其目录"),
        )
    })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        return Err(AppError::new(ErrorCode::Internal, format!("{name} 未能完成：{}", said.trim())));
    }
    Ok(())
}

fn io_error(what: &str, path: &Path, error: std::io::Error) -> AppError {
    AppError::new(ErrorCode::Internal, format!("{what}“{}”：{error}", path.display()))
}
