//! Whether a file can be restored from: a SQLite database Jianbao wrote (it has Jianbao's
//! tables and a schema version this build knows), whole by `PRAGMA integrity_check`. Read-only:
//! nothing is changed, here or in the live database, before the answer is yes.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::copy::check_integrity;
use crate::error::{AppError, ErrorCode};
use crate::store::LATEST_VERSION;

/// The table every Jianbao database has from its first schema version on.
const JIANBAO_TABLE: &str = "publication";

/// Answers the file's schema version when it can be restored from; an older one is migrated
/// on the way in.
pub fn inspect(path: &Path) -> Result<u32, AppError> {
    if !path.is_file() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            format!("找不到文件“{}”，请重新选择。当前数据没有改动", path.display()),
        ));
    }
    let not_jianbao = || {
        AppError::new(
            ErrorCode::NotADatabase,
            format!(
                "“{}”不是简报台的数据库，不能用它恢复；请选择简报台备份或“导出整个数据库”得到的文件。当前数据没有改动",
                path.display()
            ),
        )
    };
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|_| not_jianbao())?;
    let version: u32 =
        conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(|_| not_jianbao())?;
    let has_table: bool = conn
        .query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [JIANBAO_TABLE],
            |row| row.get(0),
        )
        .map_err(|_| not_jianbao())?;
    drop(conn);
    if version == 0 || !has_table {
        return Err(not_jianbao());
    }
    if version > LATEST_VERSION {
        return Err(AppError::new(
            ErrorCode::DatabaseTooNew,
            format!(
                "“{}”由更新版本的简报台写成（结构版本 {version}，本程序支持到 {LATEST_VERSION}），不能用它恢复；请先升级简报台。当前数据没有改动",
                path.display()
            ),
        ));
    }
    check_integrity(path).map_err(|e| {
        AppError::new(e.code, format!("{}，不能用它恢复；请换一份备份。当前数据没有改动", e.message))
    })?;
    Ok(version)
}
