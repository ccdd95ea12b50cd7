//! The proof-round commands as a user runs them: the real binary on a real database file.

mod common;

use common::cli;

use std::path::Path;
use std::process::Command;

fn ok(db: &Path, args: &[&str]) -> String {
    let output = cli(db, args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Runs a command that must be refused as the user's error; answers its message.
fn refused(db: &Path, args: &[&str]) -> String {
    let output = cli(db, args);
    assert_eq!(output.status.code(), Some(1), "{args:?} must exit 1");
    String::from_utf8(output.stderr).expect("UTF-8 output")
}

/// A database holding the 2025 no. 13 fixture as issue 1, in 草稿.
fn database() -> common::TempDb {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    let fixture = common::fixture("lianluo-2025-13.json");
    ok(&db.path, &["issue", "load", fixture.to_str().expect("UTF-8 path")]);
    db
}

fn advance(db: &Path, times: usize) {
    for _ in 0..times {
        ok(db, &["advance", "1", "--by", "李校对"]);
    }
}

#[test]
fn an_issue_is_proofread_signed_off_and_its_history_listed() {
    let db = database();
    assert!(ok(&db.path, &["advance", "1", "--by", "李校对", "--note", "已核人名"]).contains("一校"));
    advance(&db.path, 3);
    let signed =
        ok(&db.path, &["sign-off", "1", "--by", "王主任", "--date", "2025-09-05", "--move-masthead-date"]);
    assert!(signed.contains("出刊日期为 2025年9月5日"), "{signed}");
    assert!(
        ok(&db.path, &["issue", "show", "1"]).contains("2025年9月5日"),
        "the masthead took the date, as asked"
    );

    let status = ok(&db.path, &["status", "1"]);
    assert!(status.starts_with("状态：已签发\n"), "{status}");
    assert!(status.contains("草稿 → 一校　李校对　已核人名"), "{status}");
    assert!(status.contains("待签发 → 已签发　王主任　签发日期 2025年9月5日"), "{status}");
}

#[test]
fn a_sign_off_on_another_day_says_the_masthead_date_stayed() {
    let db = database();
    advance(&db.path, 4);
    let signed = ok(&db.path, &["sign-off", "1", "--by", "王主任", "--date", "2025-09-05"]);
    assert!(
        signed.contains("签发日期 2025年9月5日），出刊日期为 2025年9月2日（刊头日期未随签发日期改动"),
        "{signed}"
    );
    assert!(ok(&db.path, &["issue", "show", "1"]).contains("2025年9月2日"), "the printed date did not move");
}

#[test]
fn refused_transitions_exit_1_with_the_reason() {
    let db = database();
    let message = refused(&db.path, &["sign-off", "1", "--by", "王主任"]);
    assert!(message.contains("只有“待签发”的期刊才能签发，本期现在是“草稿”"), "{message}");
    let message = refused(&db.path, &["send-back", "1", "--by", "李校对", "--reason", "有错字"]);
    assert!(message.contains("草稿"), "{message}");
    let message = refused(&db.path, &["advance", "1"]);
    assert!(message.contains("--by"), "the name is required: {message}");
    assert!(ok(&db.path, &["status", "1"]).contains("尚无流转记录"));
}

#[test]
fn a_signed_off_issue_is_locked_until_revoked() {
    let db = database();
    advance(&db.path, 4);
    ok(&db.path, &["sign-off", "1", "--by", "王主任", "--date", "2025-09-05"]);
    let draft = db.dir.path().join("稿件.txt");
    std::fs::write(&draft, "新稿标题\n\n新稿正文。").expect("write draft");
    let draft = draft.to_str().expect("UTF-8 path");
    let message = refused(&db.path, &["import", draft, "--issue", "1"]);
    assert!(message.contains("本期已签发，不能修改"), "{message}");

    let message = refused(&db.path, &["revoke-sign-off", "1", "--by", "王主任", "--reason", " "]);
    assert!(message.contains("理由"), "{message}");
    ok(&db.path, &["revoke-sign-off", "1", "--by", "王主任", "--reason", "补一篇稿件"]);
    ok(&db.path, &["import", draft, "--issue", "1"]);
    assert!(ok(&db.path, &["status", "1"]).contains("已签发 → 待签发　王主任　补一篇稿件"));
}

#[test]
fn compare_lists_the_rounds_article_by_article() {
    let db = database();
    advance(&db.path, 1);
    let draft = db.dir.path().join("补充.txt");
    std::fs::write(&draft, "补充稿件\n\n补充的正文。").expect("write draft");
    ok(&db.path, &["import", draft.to_str().expect("UTF-8 path"), "--issue", "1"]);
    advance(&db.path, 1);
    let comparison = ok(&db.path, &["compare", "1", "1", "二校"]);
    assert!(comparison.starts_with("一校 → 二校\n"), "{comparison}");
    assert!(comparison.contains("《补充稿件》新增"), "{comparison}");
    assert!(comparison.contains("无改动"), "the fixture's own articles did not change: {comparison}");
    let message = refused(&db.path, &["compare", "1", "1", "三校"]);
    assert!(message.contains("还没有进入过“三校”"), "{message}");
}

#[test]
fn a_proof_without_a_round_is_the_issue_s_current_round() {
    let db = database();
    advance(&db.path, 2);
    let pdf = db.dir.path().join("二校.pdf");
    let pdf = pdf.to_str().expect("UTF-8 path");
    ok(&db.path, &["export", "1", "-o", pdf, "--proof"]);
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo (poppler-utils) is installed");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("校样（第2轮）"), "{info}");

    advance(&db.path, 2);
    ok(&db.path, &["sign-off", "1", "--by", "王主任", "--date", "2025-09-05"]);
    let message = refused(&db.path, &["export", "1", "-o", pdf, "--proof"]);
    assert!(message.contains("只能导出正式版"), "{message}");
    ok(&db.path, &["export", "1", "-o", pdf]);
}

/// The `status` lines' times, read back as wall-clock times.
fn status_times(db: &Path, zone: &str) -> Vec<chrono::NaiveDateTime> {
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao-cli"))
        .args(["--db", db.to_str().expect("UTF-8 path"), "status", "1"])
        .env("TZ", zone)
        .output()
        .expect("run jianbao-cli");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    text.lines()
        .skip(1)
        .map(|line| {
            let time = line.split('\u{3000}').next().expect("a line starts with its time");
            chrono::NaiveDateTime::parse_from_str(time, "%Y年%m月%d日 %H:%M")
                .unwrap_or_else(|_| panic!("“{time}” is a local time like 2026年11月23日 18:05"))
        })
        .collect()
}

#[test]
fn status_shows_the_history_on_the_local_clock() {
    let db = database();
    advance(&db.path, 2);
    let utc = status_times(&db.path, "UTC");
    let beijing = status_times(&db.path, "Asia/Shanghai");
    assert_eq!(utc.len(), 2);
    for (utc, beijing) in utc.iter().zip(&beijing) {
        assert_eq!(*beijing - *utc, chrono::TimeDelta::hours(8), "Beijing is eight hours ahead of UTC");
    }
}
