//! `make bench`: 全部替换 on the 2025-13 fixture and on an issue ten times as long (its articles
//! repeated ten times): the matching alone (every text of every article, in memory), a dry run
//! against SQLite (read + match + report), and a real replace-all saving one revision per
//! changed article in one transaction. The real run alternates 人大 → 人代 and back, so every
//! iteration changes the same number of places.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use jianbao::domain::{IssueFile, Publication};
use jianbao::find::{FindOptions, Query, ReplaceMode, replace_in_article};
use jianbao::service::{ReplaceRequest, Replacer, replace_in_issue};
use jianbao::store::prelude::*;
use jianbao::store::{FixedClock, Id, SqliteStore};

const WHO: Replacer = Replacer { author: "基准", holder: None, at: "2025-09-02T08:00:00Z" };

fn fixture() -> IssueFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/lianluo-2025-13.json");
    let text = std::fs::read_to_string(&path).expect("the fixture is committed");
    IssueFile::from_json(&text).expect("the fixture is valid")
}

fn times(file: &IssueFile, n: usize) -> IssueFile {
    let mut long = file.clone();
    long.issue.articles = (0..n).flat_map(|_| file.issue.articles.clone()).collect();
    long
}

fn stored(file: &IssueFile, dir: &Path) -> (SqliteStore, Id) {
    let clock = Box::new(FixedClock(chrono::DateTime::UNIX_EPOCH));
    let mut store = SqliteStore::open(&dir.join("bench.sqlite3"), clock).expect("store opens");
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let issue = store.create_issue(publication, &file.issue, "基准").expect("issue stored");
    (store, issue)
}

fn request(issue_id: Id, find: &str, replacement: &str, dry_run: bool) -> ReplaceRequest {
    ReplaceRequest {
        issue_id,
        find: find.into(),
        replacement: replacement.into(),
        options: FindOptions { fold_width: true },
        dry_run,
        suggest: false,
        article_id: None,
        author: None,
    }
}

fn bench_replace(c: &mut Criterion) {
    for (name, file) in [("2025-13", times(&fixture(), 1)), ("2025-13 x10", times(&fixture(), 10))] {
        let query = Query::new("人大", FindOptions { fold_width: true }).expect("query");
        c.bench_function(&format!("match {name}"), |b| {
            b.iter(|| {
                for article in &file.issue.articles {
                    black_box(replace_in_article(article, &query, "人代", ReplaceMode::Direct));
                }
            });
        });
        let dir = tempfile::tempdir().expect("temp dir");
        let (mut store, issue) = stored(&file, dir.path());
        let dry = request(issue, "人大", "人代", true);
        let report = replace_in_issue(&mut store, &dry, WHO).expect("dry run");
        eprintln!(
            "{name}: {} articles, {} places, {} changed articles",
            file.issue.articles.len(),
            report.replaced,
            report.articles.len()
        );
        c.bench_function(&format!("dry run {name} (SQLite)"), |b| {
            b.iter(|| replace_in_issue(&mut store, black_box(&dry), WHO).expect("dry run"));
        });
        let mut forth = true;
        c.bench_function(&format!("replace all {name} (SQLite)"), |b| {
            b.iter(|| {
                let (find, replacement) = if forth { ("人大", "人代") } else { ("人代", "人大") };
                forth = !forth;
                replace_in_issue(&mut store, &request(issue, find, replacement, false), WHO).expect("replace")
            });
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_replace
}
criterion_main!(benches);
