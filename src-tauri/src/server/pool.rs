//! The server's store connections: a pool, so that requests served at once each have their own
//! (SQLite in WAL mode lets readers through while one writes; PostgreSQL serves many).

use std::path::PathBuf;
use std::time::Duration;

use crate::error::{AppError, ErrorCode};
use crate::store::{SqliteStore, Store, StoreError, SystemClock};

/// Where the office's issues are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSource {
    Sqlite(PathBuf),
}

impl StoreSource {
    pub fn open(&self) -> Result<Box<dyn Store>, StoreError> {
        match self {
            StoreSource::Sqlite(path) => Ok(Box::new(SqliteStore::open(path, Box::new(SystemClock))?)),
        }
    }
}

/// Opens connections for r2d2.
#[derive(Debug)]
pub struct StoreManager(pub StoreSource);

impl r2d2::ManageConnection for StoreManager {
    type Connection = Box<dyn Store>;
    type Error = StoreError;

    fn connect(&self) -> Result<Box<dyn Store>, StoreError> {
        self.0.open()
    }

    fn is_valid(&self, _: &mut Box<dyn Store>) -> Result<(), StoreError> {
        Ok(())
    }

    fn has_broken(&self, _: &mut Box<dyn Store>) -> bool {
        false
    }
}

pub type StorePool = r2d2::Pool<StoreManager>;

/// Connections kept: more than requests a 2–4 core server runs at once.
const POOL_SIZE: u32 = 8;

/// Opens the store once on its own (so a newer schema or a file that is no database is
/// reported as it is, not as a pool timeout), creates the publication of a new one, then the
/// pool.
pub fn open_pool(source: StoreSource) -> Result<StorePool, AppError> {
    let mut first = source.open()?;
    crate::service::ensure_publication(first.as_mut())?;
    drop(first);
    r2d2::Pool::builder()
        .max_size(POOL_SIZE)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(StoreManager(source))
        .map_err(|e| AppError::new(ErrorCode::Unavailable, format!("无法打开数据库连接：{e}")))
}

/// A connection for one request; waiting too long means the database is overloaded or away.
pub fn connection(pool: &StorePool) -> Result<r2d2::PooledConnection<StoreManager>, AppError> {
    pool.get().map_err(|e| {
        AppError::new(
            ErrorCode::Unavailable,
            format!("数据库暂时无法访问（{e}），您的修改没有保存；请稍后重试"),
        )
    })
}
