//! The store contract (`store_contract/`) run against `PostgresStore`, one database per test
//! in a throwaway cluster this binary starts and stops (`postgres_cluster`), and what only
//! the PostgreSQL store has (`postgres_store/`: its migrations, its connections, its bytes
//! against the SQLite store's, its locks).

mod common;
mod postgres_cluster;
mod postgres_store;
mod store_contract;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use jianbao::store::{FixedClock, Id, PostgresStore, Store};
use libtest_mimic::{Arguments, Trial};
use postgres::{Client, NoTls};
use postgres_cluster::Cluster;
use store_contract::TestDatabase;

/// One database of the cluster, dropped (with any connection left to it) at the end of its test.
#[derive(Debug)]
pub struct PostgresDatabase {
    cluster: Arc<Cluster>,
    pub name: String,
}

/// A database with the store's schema already in it, copied for each contract test: the
/// schema is built once per run instead of once per test.
const MIGRATED_TEMPLATE: &str = "contract_template";

impl PostgresDatabase {
    /// A copy of `template` (`template1` is the cluster's empty one).
    fn new(cluster: Arc<Cluster>, template: &str) -> PostgresDatabase {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("contract_{}", NEXT.fetch_add(1, Ordering::Relaxed));
        admin(&cluster)
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
            .expect("create the test database");
        PostgresDatabase { cluster, name }
    }

    pub fn params(&self) -> String {
        self.cluster.params(&self.name)
    }

    /// A second, empty database beside this one (a restore's target), dropped with it.
    pub fn sibling(&self, suffix: &str) -> String {
        let name = format!("{}_{suffix}", self.name);
        admin(&self.cluster).batch_execute(&format!("CREATE DATABASE {name}")).expect("create the database");
        self.cluster.params(&name)
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// A plain client of this database, beside any store.
    pub fn client(&self) -> Client {
        Client::connect(&self.params(), NoTls).expect("connect to the test database")
    }

    pub fn connect(&self) -> Result<PostgresStore, jianbao::store::StoreError> {
        PostgresStore::connect(&self.params(), Box::new(FixedClock(common::instant())))
    }
}

impl Drop for PostgresDatabase {
    fn drop(&mut self) {
        // Best effort: the whole cluster goes at the end of the run anyway.
        let mut admin = admin(&self.cluster);
        let siblings: Vec<String> = admin
            .query(
                "SELECT datname::text FROM pg_database WHERE datname LIKE $1",
                &[&format!("{}\\_%", self.name)],
            )
            .map(|rows| rows.iter().map(|row| row.get(0)).collect())
            .unwrap_or_default();
        for name in siblings.iter().chain([&self.name]) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

impl TestDatabase for PostgresDatabase {
    fn open(&self) -> Box<dyn Store> {
        Box::new(self.connect().expect("open the store"))
    }

    fn execute(&self, sql: &str) -> Result<(), String> {
        self.client().batch_execute(sql).map_err(|e| match e.as_db_error() {
            Some(db) => db.message().to_owned(),
            None => e.to_string(),
        })
    }

    fn stored_json(&self, table: &str, column: &str, id: Id) -> String {
        let sql = format!("SELECT {column}::text FROM {table} WHERE id = $1");
        self.client().query_one(&sql, &[&id]).expect("the row exists").get(0)
    }
}

fn admin(cluster: &Cluster) -> Client {
    Client::connect(&cluster.params("postgres"), NoTls).expect("connect to the cluster")
}

fn migrate_template(cluster: &Cluster) {
    admin(cluster)
        .batch_execute(&format!("CREATE DATABASE {MIGRATED_TEMPLATE}"))
        .expect("create the template");
    PostgresStore::connect(&cluster.params(MIGRATED_TEMPLATE), Box::new(FixedClock(common::instant())))
        .expect("migrate the template");
}

fn main() {
    let arguments = Arguments::from_args();
    // Listing the tests runs none of them: no cluster for that.
    let cluster = (!arguments.list).then(|| Arc::new(Cluster::start()));
    if let Some(cluster) = &cluster {
        eprintln!(
            "PostgreSQL 测试集群已启动（{:.2} 秒），只在 {} 的套接字上监听",
            cluster.start_time.as_secs_f64(),
            cluster.socket_dir().display()
        );
        migrate_template(cluster);
    }
    let contract = store_contract::suite().into_iter().map(|(name, test)| {
        let run: Box<dyn FnOnce(&PostgresDatabase) + Send> = Box::new(move |db| test(db));
        (format!("contract::{name}"), MIGRATED_TEMPLATE, run)
    });
    // These test the migrations and connections themselves: they start from an empty database.
    let own = postgres_store::suite().into_iter().map(|(name, test)| {
        let run: Box<dyn FnOnce(&PostgresDatabase) + Send> = Box::new(test);
        (format!("postgres::{name}"), "template1", run)
    });
    let trials = contract
        .chain(own)
        .map(|(name, template, run)| {
            let cluster = cluster.clone();
            Trial::test(name, move || {
                let cluster =
                    cluster.expect("a test runs only when the cluster was started (not for --list)");
                run(&PostgresDatabase::new(cluster, template));
                Ok(())
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&arguments, trials);
    if let Some(cluster) = cluster {
        cluster.stop();
    }
    conclusion.exit();
}
