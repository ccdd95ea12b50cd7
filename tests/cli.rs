//! `jianbao-cli` as a user runs it: the real binary on a real database file.

mod common;

use common::cli;

use std::path::Path;
use std::process::{Command, Output};

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let output = cli(db, args);
    assert!(output.status.success(), "{args:?} failed: {}", stderr(&output));
    stdout(&output)
}

fn file_bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

#[test]
fn new_issues_get_the_next_numbers_and_print_their_id_first() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    let fixture = common::fixture("lianluo-2025-13.json");
    let loaded = ok(&db.path, &["issue", "load", fixture.to_str().expect("UTF-8 path")]);
    assert_eq!(loaded.lines().next(), Some("1"), "the id alone on the first line");

    let created = ok(&db.path, &["issue", "new", "--date", "2025-09-20"]);
    let mut lines = created.lines();
    assert_eq!(lines.next(), Some("2"));
    assert!(created.contains("第14期"), "{created}");
    assert!(created.contains("（总第七百四十二期）"), "{created}");
    assert!(created.contains("2025年9月20日"), "{created}");

    let supplement = ok(&db.path, &["issue", "new", "--kind", "supplement", "--date", "2025-10-01"]);
    assert!(supplement.contains("增刊第1期") && supplement.contains("总第七百四十三期"), "{supplement}");
}

#[test]
fn show_prints_the_masthead_as_printed() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    let fixture = common::fixture("lianluo-2025-13.json");
    ok(&db.path, &["issue", "load", fixture.to_str().expect("UTF-8 path")]);
    let shown = ok(&db.path, &["issue", "show", "1"]);
    for expected in
        ["联络动态", "第13期", "（总第七百四十一期）", "湖南省人大常委会代表工作委员会编", "2025年9月2日"]
    {
        assert!(shown.contains(expected), "missing {expected} in:\n{shown}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&db.path, &["issue", "show", "1", "--json"])).expect("JSON");
    assert_eq!(json["totalLabel"], "（总第七百四十一期）");
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(2));
}

#[test]
fn dump_gives_back_what_load_took() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    let fixture = common::fixture("lianluo-2025-13.json");
    ok(&db.path, &["issue", "load", fixture.to_str().expect("UTF-8 path")]);
    let dumped: serde_json::Value =
        serde_json::from_str(&ok(&db.path, &["issue", "dump", "1"])).expect("JSON");
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&fixture).expect("fixture")).expect("JSON");
    assert_eq!(dumped, original, "the exchange format round-trips through the store");
}

#[test]
fn numbers_given_by_hand_win_and_a_duplicate_is_warned_about() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    ok(&db.path, &["issue", "new", "--date", "2025-07-28", "--number", "12", "--total", "739"]);
    let duplicate =
        ok(&db.path, &["issue", "new", "--date", "2025-07-29", "--number", "12", "--total", "740"]);
    assert!(duplicate.contains("2025年第12期重复（共2期）"), "{duplicate}");
}

#[test]
fn publication_set_changes_only_what_is_given() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    ok(&db.path, &["publication", "set", "--print-run", "300", "--editor", "汤建"]);
    let shown = ok(&db.path, &["publication", "show"]);
    assert!(shown.contains("共印300份"), "{shown}");
    assert!(shown.contains("hnrdlgwxrc@163.com"), "untouched fields stay: {shown}");
}

#[test]
fn bad_input_gets_a_chinese_message_exit_code_1_and_changes_nothing() {
    let db = common::TempDb::new();
    ok(&db.path, &["init"]);
    ok(&db.path, &["issue", "new", "--date", "2025-09-02"]);
    let bad_json = db.dir.path().join("bad.json");
    std::fs::write(&bad_json, "{ \"format\": \"jianbao-issue\", ").expect("write");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["issue", "show", "99"], "找不到期刊"),
        (vec!["issue", "new", "--date", "2025-02-30"], "不是有效日期"),
        (vec!["issue", "load", bad_json.to_str().expect("UTF-8")], "不是有效的 JSON"),
        (vec!["issue", "load", "no-such-file.json"], "无法读取文件"),
        (vec!["publication", "set", "--phone", "0731—85309319"], "半角连字符"),
        (vec!["publication", "set", "--email", "hnrdlgwxrc163.com"], "不是有效的电子邮箱"),
    ];
    for (args, message) in cases {
        let before = file_bytes(&db.path);
        let output = cli(&db.path, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?} is a user error");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
        assert!(
            !stderr(&output).contains("For more information"),
            "{args:?}: clap's English: {}",
            stderr(&output)
        );
        assert_eq!(file_bytes(&db.path), before, "{args:?} must not change the database");
    }
}

#[test]
fn argument_mistakes_are_told_in_chinese_with_the_commands_help_page() {
    let db = common::TempDb::new();
    for (args, expected) in [
        (vec!["issue", "new", "--date", "2025-02-30"], "“2025-02-30”不是有效日期"),
        (vec!["issue", "lsit"], "没有“lsit”这个命令，是不是要写“list”"),
        (vec!["export", "1", "--pfd"], "不认识参数“--pfd”"),
    ] {
        let output = cli(&db.path, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert!(message.contains(expected), "{args:?}: {message}");
        assert!(message.contains("--help 了解用法"), "{args:?}: {message}");
        for english in ["error:", "Usage:", "For more information", "tip:"] {
            assert!(!message.contains(english), "{args:?} prints “{english}”: {message}");
        }
    }
    let help = ok(&db.path, &["issue", "new", "--help"]);
    assert!(help.contains("用法：") && help.contains("选项："), "{help}");
    assert!(!help.contains("Usage") && !help.contains("Print help"), "{help}");
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let db = common::TempDb::new();
    ok(&db.path, &["demo"]);
    // Far more than a pipe holds, so the writer meets the closed pipe for certain.
    let dump = ok(&db.path, &["issue", "dump", "1"]);
    let big = db.dir.path().join("big.json");
    let mut issue: serde_json::Value = serde_json::from_str(&dump).expect("JSON");
    let articles = issue["issue"]["articles"].as_array().expect("articles").clone();
    let repeated: Vec<serde_json::Value> =
        articles.iter().cycle().take(articles.len() * 20).cloned().collect();
    issue["issue"]["articles"] = serde_json::Value::Array(repeated);
    issue["issue"]["number"] = serde_json::json!(40);
    issue["issue"]["totalNumber"] = serde_json::json!(800);
    std::fs::write(&big, issue.to_string()).expect("write");
    let id = ok(&db.path, &["issue", "load", big.to_str().expect("UTF-8")]);
    let id = id.lines().next().expect("the new id");

    let mut child = Command::new(env!("CARGO_BIN_EXE_jianbao-cli"))
        .arg("--db")
        .arg(&db.path)
        .args(["issue", "dump", id])
        .env_remove("JIANBAO_DB")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run jianbao-cli");
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().expect("stdout"), &mut first)
        .expect("the start of the dump");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "nothing to report when the reader has gone");
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let db = common::TempDb::new();
    std::fs::write(&db.path, b"PK\x03\x04 not a database").expect("write");
    let output = cli(&db.path, &["issue", "list"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("不是简报台的数据库文件"), "{}", stderr(&output));
    assert_eq!(file_bytes(&db.path), b"PK\x03\x04 not a database");
}

#[test]
fn the_database_path_comes_from_the_environment_when_not_given() {
    let db = common::TempDb::new();
    let output = Command::new(env!("CARGO_BIN_EXE_jianbao-cli"))
        .args(["init"])
        .env("JIANBAO_DB", &db.path)
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(db.path.exists(), "JIANBAO_DB names the file used");
}

#[test]
fn demo_fills_an_empty_database_once() {
    let db = common::TempDb::new();
    let first = ok(&db.path, &["demo"]);
    assert!(first.contains("总第741期"), "{first}");
    let second = ok(&db.path, &["demo"]);
    assert_eq!(first, second, "running the demo again adds nothing");
}
