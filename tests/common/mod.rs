//! Shared set-up for the integration tests: real SQLite files in a temp folder, a fixed clock.
#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, NaiveDate, Utc};
use jianbao::domain::{Article, Block, Issue, IssueKind, IssueStatus, Publication};
use jianbao::store::prelude::*;
use jianbao::store::{FixedClock, Id, SqliteStore};

pub fn instant() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-09-02T08:30:00Z").expect("valid constant").with_timezone(&Utc)
}

pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl TempDb {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("jianbao.sqlite3");
        TempDb { dir, path }
    }

    pub fn open(&self) -> SqliteStore {
        open(&self.path)
    }

    /// A store with the 联络动态 publication already created.
    pub fn with_publication(&self) -> (SqliteStore, Id) {
        let mut store = self.open();
        let id = store.create_publication(&Publication::lianluo_dongtai()).expect("create publication");
        (store, id)
    }
}

pub fn open(path: &Path) -> SqliteStore {
    SqliteStore::open(path, Box::new(FixedClock(instant()))).expect("open store")
}

pub fn article(title: &str, paragraph: &str) -> Article {
    Article {
        title: vec![title.into()],
        subtitle: None,
        byline: None,
        editor_note: vec![],
        body: vec![Block::heading(1, "一、总体情况"), Block::paragraph(paragraph)],
        contributors: vec!["娄底市人大常委会".into()],
        ..Article::empty()
    }
}

pub fn issue(number: u32, total_number: u32, articles: Vec<Article>) -> Issue {
    Issue {
        kind: IssueKind::Regular,
        year: 2025,
        number,
        total_number,
        date: NaiveDate::from_ymd_opt(2025, 9, 2).expect("valid date"),
        status: IssueStatus::Draft,
        editor_note: vec![],
        imprint: None,
        articles,
    }
}

/// An article of these paragraphs, naming `units` on its attribution line.
pub fn attributed_article(title: &str, paragraphs: &[&str], units: &[&str]) -> Article {
    Article {
        title: vec![title.into()],
        body: paragraphs.iter().map(|p| Block::paragraph(p)).collect(),
        contributors: units.iter().map(|u| (*u).to_owned()).collect(),
        ..Article::empty()
    }
}

/// A regular draft issue dated `date` (year, month, day).
pub fn issue_on(date: (i32, u32, u32), number: u32, total_number: u32, articles: Vec<Article>) -> Issue {
    Issue {
        year: date.0,
        date: NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("valid date"),
        ..issue(number, total_number, articles)
    }
}

/// Path of a committed fixture in tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(name)
}

/// The real `jianbao-cli` on the database `db`, as a user runs it, with no database or user
/// name taken from the environment the tests run in.
pub fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jianbao-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("JIANBAO_DB")
        .env_remove("JIANBAO_USER")
        .output()
        .expect("run jianbao-cli")
}
