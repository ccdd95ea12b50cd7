//! `service::import_review`: analyse first, store only what the editor confirmed, against a
//! real SQLite file.

mod common;
mod support;

use jianbao::domain::Block;
use jianbao::import::CleanupRule;
use jianbao::service::{self, ImportSource, ReviewedArticle};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

/// A manuscript as typed in a hurry: hard-wrapped lines and half-width punctuation.
const MANUSCRIPT: &str = "# 县人大常委会开展专题调研\n\n为推动代表建议落实,县人大常委会组织代表\n深入乡镇开展调研:走访联络站12个。\n\n（县人大常委会办公室 供稿）\n";

fn issue(db: &common::TempDb) -> (SqliteStore, Id) {
    let (mut store, publication) = db.with_publication();
    let articles = vec![common::article("第一篇", "甲。")];
    let issue = store.create_issue(publication, &common::issue(13, 741, articles), "汤建").expect("create");
    (store, issue)
}

fn source(name: &str, bytes: &[u8]) -> ImportSource {
    ImportSource { name: name.into(), bytes: bytes.to_vec() }
}

fn article_count(store: &SqliteStore, issue: Id) -> usize {
    store.issue(issue).expect("issue").article_ids.len()
}

#[test]
fn analysing_stores_nothing_and_committing_applies_only_the_accepted_proposals() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue(&db);
    let found =
        service::analyse_file(&store, issue, &source("稿件.txt", MANUSCRIPT.as_bytes())).expect("analyse");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].title, "县人大常委会开展专题调研");
    assert_eq!(article_count(&store, issue), 1, "analysing must not touch the issue");

    let proposals = &found[0].imported.proposals;
    let rules: Vec<_> = proposals.iter().map(|p| p.rule).collect();
    assert!(rules.contains(&CleanupRule::JoinLines), "the hard wrap is proposed for joining: {rules:?}");
    let colon = proposals.iter().find(|p| p.before == ":").expect("the half-width colon is proposed");
    let accepted: Vec<u32> = proposals.iter().filter(|p| p.id != colon.id).map(|p| p.id).collect();
    let reviewed =
        ReviewedArticle { source: "稿件.txt".into(), imported: found[0].imported.clone(), accepted };
    let ids = service::commit_reviewed(&mut store, issue, &[reviewed]).expect("commit");

    let stored = service::article_view(&common::open(&db.path), ids[0]).expect("stored article").article;
    assert_eq!(
        stored.body,
        vec![Block::paragraph("为推动代表建议落实，县人大常委会组织代表深入乡镇开展调研:走访联络站12个。")],
        "joined and the comma made full width; the rejected colon stays as typed"
    );
    assert_eq!(stored.contributors, ["县人大常委会办公室"]);
    assert_eq!(article_count(&store, issue), 2, "the new article goes at the end");
}

#[test]
fn a_whole_issue_text_is_stored_in_one_go() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue(&db);
    let text = std::fs::read(support::shared_fixture("lianluo-2025-13")).expect("fixture");
    let found = service::analyse_file(&store, issue, &source("第13期.txt", &text)).expect("analyse");
    assert!(found.len() > 1, "several articles are recognised in one file");
    let reviewed: Vec<_> = found
        .iter()
        .map(|a| ReviewedArticle {
            source: a.source.clone(),
            imported: a.imported.clone(),
            accepted: a.imported.proposals.iter().map(|p| p.id).collect(),
        })
        .collect();
    let ids = service::commit_reviewed(&mut store, issue, &reviewed).expect("commit");
    assert_eq!(ids.len(), found.len());
    assert_eq!(article_count(&common::open(&db.path), issue), 1 + found.len());
}

#[test]
fn bad_files_say_why_in_chinese_and_leave_the_issue_unchanged() {
    let db = common::TempDb::new();
    let (store, issue) = issue(&db);
    let mut corrupt = support::docx(&support::p(None, "正文。"));
    corrupt.truncate(corrupt.len() / 2);
    let cases: [(&str, &[u8], &str); 4] = [
        ("损坏.docx", &corrupt, "已损坏"),
        ("加密.docx", &[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], "密码"),
        ("空白.txt", b"", "空文件"),
        ("图片.txt", &[0x89, b'P', b'N', b'G', 0, 0, 0, 0x0D, 0, 0xFF, 0, 1], "不是文本文件"),
    ];
    for (name, bytes, says) in cases {
        let error = service::analyse_file(&store, issue, &source(name, bytes)).expect_err(name);
        assert!(error.message.contains(says) && error.message.contains(name), "{name}: {}", error.message);
    }
    assert_eq!(article_count(&store, issue), 1);
}

#[test]
fn a_review_naming_an_unknown_proposal_stores_nothing() {
    let db = common::TempDb::new();
    let (mut store, issue) = issue(&db);
    let found = service::analyse_pasted(&store, issue, MANUSCRIPT).expect("analyse");
    let good =
        ReviewedArticle { source: "甲".into(), imported: found[0].imported.clone(), accepted: vec![] };
    let bad = ReviewedArticle { accepted: vec![999], ..good.clone() };
    let error = service::commit_reviewed(&mut store, issue, &[good, bad]).expect_err("unknown proposal");
    assert!(error.message.contains("重新导入"), "{}", error.message);
    assert_eq!(article_count(&store, issue), 1, "no article of the batch is stored");
    let empty = service::analyse_pasted(&store, issue, " \n\n").expect_err("nothing pasted");
    assert!(empty.message.contains("没有找到文章内容"), "{}", empty.message);
}
