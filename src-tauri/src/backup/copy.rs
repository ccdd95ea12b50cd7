//! A whole copy of the database that can be trusted: taken with the online backup API (the
//! app goes on working meanwhile), made one self-contained file, checked with
//! `PRAGMA integrity_check`, and only then given its name — a copy that exists is whole.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use tempfile::NamedTempFile;

use crate::error::{AppError, ErrorCode, is_disk_full};
use crate::store::{SqliteStore, SystemClock};

/// A checked copy of the database at `source` in a hidden temporary file in `folder`, removed
/// again if it is dropped unnamed. A copy that fails its check is removed and reported.
pub(super) fn checked_copy(source: &Path, folder: &Path) -> Result<NamedTempFile, AppError> {
    std::fs::create_dir_all(folder).map_err(|e| io_error("无法建立文件夹", folder, &e))?;
    let temporary = tempfile::Builder::new()
        .prefix(".jianbao-copy-")
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(|e| io_error("无法在文件夹中写入", folder, &e))?;
    // The clock only stamps writes, and a backup writes nothing into the source.
    let store = SqliteStore::open(source, Box::new(SystemClock))?;
    store.backup_to(temporary.path())?;
    drop(store);
    make_self_contained(temporary.path())?;
    check_integrity(temporary.path()).map_err(|e| {
        AppError::new(e.code, format!("{}；这份没有通过检查的副本已删除，数据库本身没有改动", e.message))
    })?;
    Ok(temporary)
}

/// The copy arrives in WAL mode, as the database is; a copy is one file, without `-wal` and
/// `-shm` beside it, so that it can be moved, mailed or restored on its own.
fn make_self_contained(path: &Path) -> Result<(), AppError> {
    let conn = Connection::open(path).map_err(|e| sqlite_error("无法完成副本", path, &e))?;
    conn.pragma_update(None, "journal_mode", "DELETE").map_err(|e| sqlite_error("无法完成副本", path, &e))?;
    Ok(())
}

/// `PRAGMA integrity_check` of the file at `path`, read-only: `Ok` when SQLite answers "ok".
pub fn check_integrity(path: &Path) -> Result<(), AppError> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| not_usable(path, &e))?;
    let mut statement = conn.prepare("PRAGMA integrity_check").map_err(|e| not_usable(path, &e))?;
    let verdicts = statement
        .query_map([], |row| row.get::<_, String>(0))
        .and_then(|rows| rows.take(3).collect::<Result<Vec<_>, _>>())
        .map_err(|e| not_usable(path, &e))?;
    if verdicts != ["ok"] {
        return Err(AppError::new(
            ErrorCode::CorruptData,
            format!("“{}”已损坏，完整性检查未通过（{}）", path.display(), verdicts.join("；")),
        ));
    }
    Ok(())
}

/// 导出整个数据库: a checked copy of `source` at `target`, replacing a file there only once
/// the copy is complete.
pub fn export_database(source: &Path, target: &Path) -> Result<(), AppError> {
    let folder = match target.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let copy = checked_copy(source, folder)?;
    copy.persist(target).map_err(|e| io_error("无法保存导出的数据库", target, &e.error))?;
    Ok(())
}

fn not_usable(path: &Path, error: &rusqlite::Error) -> AppError {
    AppError::new(ErrorCode::NotADatabase, format!("“{}”不是可用的数据库文件：{error}", path.display()))
}

fn sqlite_error(what: &str, path: &Path, error: &rusqlite::Error) -> AppError {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
        return AppError::disk_full(&format!("写入“{}”", path.display()));
    }
    AppError::new(ErrorCode::Internal, format!("{what}“{}”：{error}", path.display()))
}

pub(super) fn io_error(what: &str, path: &Path, error: &std::io::Error) -> AppError {
    if is_disk_full(error) {
        return AppError::disk_full(&format!("写入“{}”", path.display()));
    }
    AppError::new(ErrorCode::CannotOpen, format!("{what}“{}”：{error}", path.display()))
}
