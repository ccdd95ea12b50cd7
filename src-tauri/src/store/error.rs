use std::path::PathBuf;

use crate::error::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("“{}”不是简报台的数据库文件（也不是 SQLite 数据库），请检查路径", path.display())]
    NotADatabase { path: PathBuf },
    #[error("无法打开数据库“{}”：{source}", path.display())]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error(
        "数据库“{}”在网络共享文件夹上（{kind}），没有打开它：SQLite 在网络文件系统上加锁不可靠，两台电脑同时写入会损坏数据。请把数据库放在本机的文件夹中；要多人共用一份数据，请使用办公室服务器（设置 → 本机 / 办公室服务器）",
        path.display()
    )]
    NetworkShare { path: PathBuf, kind: String },
    #[error("无法创建目录“{}”：{source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error(
        "这个数据库由更新版本的简报台创建（结构版本 {found}，本程序支持到 {supported}），请升级简报台后再打开；数据库未作任何改动"
    )]
    TooNew { found: u32, supported: u32 },
    #[error("数据库升级失败，已保持原状：{0}")]
    Migration(String),
    #[error("找不到{what}（编号 {id}），可能已被删除")]
    NotFound { what: &'static str, id: i64 },
    #[error("{table} 表第 {id} 行的内容已损坏，无法读取（{detail}）；请从修订历史或备份恢复")]
    CorruptRow { table: &'static str, id: i64, detail: String },
    #[error("数据库中还没有刊物，请先运行 init 初始化")]
    NoPublication,
    #[error("{0}")]
    Invalid(String),
    #[error("本期已签发，不能修改；如需修改，请先“撤销签发”")]
    SignedOff,
    #[error(
        "这篇文章在您打开后已由{author}另存了新版本，您的修改没有保存，以免覆盖对方的修改；请先复制您的文本，再打开新版本核对后重新修改"
    )]
    Conflict { current_revision: i64, author: String },
    #[error(
        "{holder}正在编辑这篇文章，您的修改没有保存；请先复制您的文本，等对方编辑完（或请管理员解除）后再修改"
    )]
    Leased { holder: String },
    #[error("数据库错误：{0}")]
    Sqlite(rusqlite::Error),
    /// The database server cannot be reached, or the connection to it broke off.
    #[error("无法连接数据库服务器（{detail}）；请确认服务器在运行、网络通畅，稍后重试")]
    Unreachable { detail: String },
    #[cfg(feature = "postgres")]
    #[error("数据库错误：{0}")]
    Postgres(postgres::Error),
}

impl StoreError {
    pub(super) fn open(path: &std::path::Path, source: rusqlite::Error) -> Self {
        if source.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
            StoreError::NotADatabase { path: path.to_owned() }
        } else {
            StoreError::Open { path: path.to_owned(), source }
        }
    }

    pub(super) fn corrupt(table: &'static str, id: i64, detail: impl ToString) -> Self {
        StoreError::CorruptRow { table, id, detail: detail.to_string() }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        let locked = matches!(
            &error,
            rusqlite::Error::SqliteFailure(_, Some(message)) if message == super::sqlite::SIGNED_OFF_MARKER
        );
        if locked { StoreError::SignedOff } else { StoreError::Sqlite(error) }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        if let StoreError::Sqlite(sqlite) = &error
            && sqlite.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
        {
            return AppError::disk_full("写入数据库");
        }
        let code = match &error {
            StoreError::NotADatabase { .. } => ErrorCode::NotADatabase,
            StoreError::TooNew { .. } => ErrorCode::DatabaseTooNew,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::NoPublication | StoreError::Invalid(_) | StoreError::SignedOff => {
                ErrorCode::InvalidInput
            }
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::Leased { .. } => ErrorCode::Leased,
            StoreError::CorruptRow { .. } => ErrorCode::CorruptData,
            StoreError::Open { .. } | StoreError::Io { .. } | StoreError::NetworkShare { .. } => {
                ErrorCode::CannotOpen
            }
            StoreError::Unreachable { .. } => ErrorCode::Unavailable,
            StoreError::Migration(_) | StoreError::Sqlite(_) => ErrorCode::Internal,
            #[cfg(feature = "postgres")]
            StoreError::Postgres(_) => ErrorCode::Internal,
        };
        AppError::new(code, error.to_string())
    }
}
