//! The store contract (`store_contract/`) run against `SqliteStore`, one database file per test.
//! The SQLite-only behaviour (migrations of a file, a file that is not a database, backups)
//! is tested in `store_migration.rs`.

mod common;
mod store_contract;

use jianbao::store::{Id, Store};
use libtest_mimic::{Arguments, Trial};
use rusqlite::Connection;
use store_contract::TestDatabase;

struct SqliteDatabase {
    db: common::TempDb,
}

impl TestDatabase for SqliteDatabase {
    fn open(&self) -> Box<dyn Store> {
        Box::new(self.db.open())
    }

    fn execute(&self, sql: &str) -> Result<(), String> {
        let conn = Connection::open(&self.db.path).map_err(|e| e.to_string())?;
        conn.execute_batch(sql).map_err(|e| e.to_string())
    }

    fn stored_json(&self, table: &str, column: &str, id: Id) -> String {
        let conn = Connection::open(&self.db.path).expect("open the file");
        conn.query_row(&format!("SELECT {column} FROM {table} WHERE id = ?1"), [id], |row| row.get(0))
            .expect("the row exists")
    }
}

fn main() {
    let trials = store_contract::suite()
        .into_iter()
        .map(|(name, test)| {
            Trial::test(name, move || {
                test(&SqliteDatabase { db: common::TempDb::new() });
                Ok(())
            })
        })
        .collect();
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}
