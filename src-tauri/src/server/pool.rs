//! The server's store connections: a pool, so that requests served at once each have their own
//! (SQLite in WAL mode lets readers through while one writes; PostgreSQL serves many).

use std::time::Duration;

use crate::error::{AppError, ErrorCode};
pub use crate::store::pool::{StoreManager, StoreSource};

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
