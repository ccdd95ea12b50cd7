//! The contract every store passes: one suite written against `dyn Store`, run for each
//! implementation by its own test binary (`store_contract_sqlite`, `store_contract_postgres`),
//! each giving a fresh database per test through `TestDatabase`.
//!
//! What a store promises is written in `jianbao::store::traits`; the tests here are grouped
//! by table family, with the guarantees that cut across them (the sign-off lock, transactions
//! that leave no trace, two connections racing, JSON kept byte for byte) in files of their own.

mod account;
mod archive;
mod article;
mod audit;
mod comment;
mod concurrency;
mod event;
mod finding;
mod identity;
mod issue;
mod json;
mod lease;
mod publication;
mod revision;
mod round;
mod save_guard;
mod sign_off_lock;
mod transaction;
mod word_list;

use chrono::NaiveDate;
use jianbao::domain::{IssueStatus, Publication};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SaveGuard, StatusTransition};

/// One empty database of the store under test, with its schema.
pub trait TestDatabase: Sync {
    /// A new connection to this database, as the application opens one.
    fn open(&self) -> Box<dyn Store>;
    /// Runs SQL beside the store, to corrupt a row or to prove that a guarantee holds in the
    /// database itself. The SQL used here is the same in both dialects.
    fn execute(&self, sql: &str) -> Result<(), String>;
    /// The text the database holds in a JSON column (`table.column` of row `id`).
    fn stored_json(&self, table: &str, column: &str, id: Id) -> String;
}

/// A contract test: it gets a database nobody else uses.
pub type Contract = fn(&dyn TestDatabase);

/// Every contract test with its name, for the binaries to run.
pub fn suite() -> Vec<(String, Contract)> {
    let families: [(&str, Vec<(&'static str, Contract)>); 19] = [
        ("publication", publication::tests()),
        ("issue", issue::tests()),
        ("article", article::tests()),
        ("revision", revision::tests()),
        ("round", round::tests()),
        ("sign_off_lock", sign_off_lock::tests()),
        ("comment", comment::tests()),
        ("finding", finding::tests()),
        ("word_list", word_list::tests()),
        ("save_guard", save_guard::tests()),
        ("lease", lease::tests()),
        ("event", event::tests()),
        ("account", account::tests()),
        ("audit", audit::tests()),
        ("transaction", transaction::tests()),
        ("concurrency", concurrency::tests()),
        ("json", json::tests()),
        ("archive", archive::tests()),
        ("identity", identity::tests()),
    ];
    families
        .into_iter()
        .flat_map(|(family, tests)| {
            tests.into_iter().map(move |(name, test)| (format!("{family}::{name}"), test))
        })
        .collect()
}

/// `(name, function)` pairs from function names, so a test cannot be listed under another name.
macro_rules! contract_tests {
    ($($name:ident),* $(,)?) => {
        pub(super) fn tests() -> Vec<(&'static str, super::Contract)> {
            vec![$((stringify!($name), $name as super::Contract)),*]
        }
    };
}
pub(crate) use contract_tests;

/// A store holding the 联络动态 publication and one draft issue with articles of these titles.
pub struct Fixture {
    pub store: Box<dyn Store>,
    pub publication: Id,
    pub issue: Id,
    pub articles: Vec<Id>,
}

pub fn fixture(db: &dyn TestDatabase, titles: &[&str]) -> Fixture {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("create publication");
    let articles = titles.iter().map(|title| crate::common::article(title, "正文。")).collect();
    let issue =
        store.create_issue(publication, &crate::common::issue(13, 741, articles), "汤建").expect("issue");
    let articles = store.issue(issue).expect("read the issue").article_ids;
    Fixture { store, publication, issue, articles }
}

/// A save that checks neither the base revision nor a lease: the single-user desktop's.
pub const NO_GUARD: SaveGuard<'static> = SaveGuard { base_revision: None, holder: None };

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

/// A plain move between two statuses by 李校对.
pub fn transition(from: IssueStatus, to: IssueStatus) -> StatusTransition<'static> {
    StatusTransition {
        from,
        to,
        by: "李校对",
        note: "",
        sign_off_date: None,
        masthead_date: None,
        assignee: None,
    }
}

/// Walks the issue through every round to 已签发, recording each step.
pub fn sign_off(store: &mut dyn Store, issue: Id) {
    let mut status = store.issue(issue).expect("issue").issue.status;
    while status != IssueStatus::SignedOff {
        let next =
            IssueStatus::ALL[IssueStatus::ALL.iter().position(|s| *s == status).expect("a known status") + 1];
        let change = StatusTransition {
            sign_off_date: (next == IssueStatus::SignedOff).then(|| date(2025, 9, 5)),
            ..transition(status, next)
        };
        store.record_transition(issue, &change).expect("an allowed step");
        status = next;
    }
}

/// Revokes the sign-off: back to 待签发, the one write a signed-off issue takes.
pub fn revoke(store: &mut dyn Store, issue: Id) {
    let change = StatusTransition {
        note: "第二篇数字有误",
        ..transition(IssueStatus::SignedOff, IssueStatus::AwaitingSignOff)
    };
    store.record_transition(issue, &change).expect("revocation");
}
