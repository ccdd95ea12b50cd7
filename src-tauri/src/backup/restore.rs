//! 恢复: puts a backup (or a file the user chose) in place of the live database.
//!
//! The file is checked and brought to this build's schema in a staging copy first, so a file
//! that cannot be used changes nothing. Then the live database is itself backed up, and the
//! staging copy is written into it with the online backup API, in one step (one write
//! transaction): the file stays where it is, and every connection the app has open on it
//! reads the restored data at its next query — no handle has to be closed and reopened. A
//! failure mid-way (a full disk) rolls the live database back to what it was.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::candidate::inspect;
use super::copy::{check_integrity, io_error};
use super::folder::{BackupFolder, BackupTaken};
use crate::error::{AppError, ErrorCode};
use crate::store::{SqliteStore, SystemClock};

/// How long the restore waits for another connection's write to finish.
const BUSY_WAIT: Duration = Duration::from_secs(5);

/// Restores `source` into the database at `live`; answers the backup taken of `live` first.
pub fn restore_into(
    live: &Path,
    source: &Path,
    folder: &BackupFolder,
    now: DateTime<FixedOffset>,
) -> Result<BackupTaken, AppError> {
    inspect(source)?;
    std::fs::create_dir_all(folder.dir()).map_err(|e| io_error("无法建立备份文件夹", folder.dir(), &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".jianbao-restore-")
        .tempdir_in(folder.dir())
        .map_err(|e| io_error("无法在备份文件夹中写入", folder.dir(), &e))?;
    let staged = staging.path().join("restore.sqlite3");
    copy_file_database(source, &staged)?;
    // Opening it brings an older schema up to date, all steps in one transaction.
    drop(SqliteStore::open(&staged, Box::new(SystemClock))?);
    check_integrity(&staged)?;
    let kept = folder.take(live, now)?;
    write_into_live(&staged, live)?;
    Ok(kept)
}

/// A copy of the database in `source` (its `-wal` included, if it has one) at `target`.
fn copy_file_database(source: &Path, target: &Path) -> Result<(), AppError> {
    let from = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| sqlite_error("无法读取", source, &e))?;
    let mut to = Connection::open(target).map_err(|e| sqlite_error("无法写入", target, &e))?;
    let backup = Backup::new(&from, &mut to).map_err(|e| sqlite_error("无法读取", source, &e))?;
    finish(&backup, target)
}

fn write_into_live(staged: &Path, live: &Path) -> Result<(), AppError> {
    let from = Connection::open_with_flags(staged, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| sqlite_error("无法读取", staged, &e))?;
    let mut to = Connection::open(live).map_err(|e| sqlite_error("无法打开", live, &e))?;
    to.busy_timeout(BUSY_WAIT).map_err(|e| sqlite_error("无法打开", live, &e))?;
    let backup = Backup::new(&from, &mut to).map_err(|e| sqlite_error("无法恢复到", live, &e))?;
    finish(&backup, live)
}

/// Copies every page in one step: one write transaction on the target, so it is all or
/// nothing.
fn finish(backup: &Backup<'_, '_>, target: &Path) -> Result<(), AppError> {
    match backup.step(-1).map_err(|e| sqlite_error("无法写入", target, &e))? {
        StepResult::Done => Ok(()),
        // Busy or Locked (another program writes, past the busy timeout); `More` cannot
        // follow a step of every page.
        _ => Err(AppError::new(
            ErrorCode::Unavailable,
            format!(
                "数据库“{}”正被另一个程序写入，恢复没有进行；请关闭其他使用它的程序后重试",
                target.display()
            ),
        )),
    }
}

fn sqlite_error(what: &str, path: &Path, error: &rusqlite::Error) -> AppError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
        return AppError::disk_full(&format!("恢复数据库“{}”", path.display()));
    }
    AppError::new(ErrorCode::Internal, format!("{what}“{}”：{error}。当前数据没有改动", path.display()))
}
