//! What only the PostgreSQL store has: its schema versions, its connections and their
//! failures, its bytes against the SQLite store's, and its row locks.

mod connection;
mod locking;
mod migration;
mod moving;
mod same_bytes_as_sqlite;

use crate::PostgresDatabase;

pub type PostgresTest = fn(&PostgresDatabase);

pub fn suite() -> Vec<(String, PostgresTest)> {
    let families: [(&str, Vec<(&'static str, PostgresTest)>); 5] = [
        ("migration", migration::tests()),
        ("connection", connection::tests()),
        ("same_bytes_as_sqlite", same_bytes_as_sqlite::tests()),
        ("locking", locking::tests()),
        ("moving", moving::tests()),
    ];
    families
        .into_iter()
        .flat_map(|(family, tests)| {
            tests.into_iter().map(move |(name, test)| (format!("{family}::{name}"), test))
        })
        .collect()
}

macro_rules! postgres_tests {
    ($($name:ident),* $(,)?) => {
        pub(super) fn tests() -> Vec<(&'static str, super::PostgresTest)> {
            vec![$((stringify!($name), $name as super::PostgresTest)),*]
        }
    };
}
pub(crate) use postgres_tests;
