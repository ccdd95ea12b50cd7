//! Connection pools for a server: an r2d2 manager that opens stores of whichever kind the
//! server was started on, so a pool hands out a ready store (its schema checked when it was
//! opened) and replaces one whose connection broke. `&mut **pooled` is the `&mut dyn Store`
//! the service layer takes.

use std::path::PathBuf;

use super::{Clock, SqliteStore, Store, StoreError, SystemClock};

/// Where the office's issues are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreSource {
    Sqlite(PathBuf),
    /// A libpq connection string (`host=… dbname=…`) or URL (`postgres://…`).
    #[cfg(feature = "postgres")]
    Postgres(String),
}

impl StoreSource {
    pub fn open(&self) -> Result<Box<dyn Store>, StoreError> {
        self.open_with(Box::new(SystemClock))
    }

    pub fn open_with(&self, clock: Box<dyn Clock>) -> Result<Box<dyn Store>, StoreError> {
        Ok(match self {
            StoreSource::Sqlite(path) => Box::new(SqliteStore::open(path, clock)?),
            #[cfg(feature = "postgres")]
            StoreSource::Postgres(params) => Box::new(super::PostgresStore::connect(params, clock)?),
        })
    }
}

/// Opens stores for r2d2 on one source.
#[derive(Debug)]
pub struct StoreManager(pub StoreSource);

impl r2d2::ManageConnection for StoreManager {
    type Connection = Box<dyn Store>;
    type Error = StoreError;

    fn connect(&self) -> Result<Box<dyn Store>, StoreError> {
        self.0.open()
    }

    fn is_valid(&self, store: &mut Box<dyn Store>) -> Result<(), StoreError> {
        store.check_connection()
    }

    fn has_broken(&self, store: &mut Box<dyn Store>) -> bool {
        store.is_broken()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Publication;

    #[test]
    fn pooled_sqlite_stores_share_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = StoreSource::Sqlite(dir.path().join("office.sqlite3"));
        let pool = r2d2::Pool::builder().max_size(2).build(StoreManager(source)).expect("pool");
        let mut writer = pool.get().expect("a store");
        let reader = pool.get().expect("another store");
        let id = writer.create_publication(&Publication::lianluo_dongtai()).expect("write");
        assert_eq!(reader.default_publication_id().expect("read"), id);
    }
}
