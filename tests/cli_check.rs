//! `jianbao-cli check` as a user runs it: on an issue file, on a stored issue, with --json.

mod common;

use common::cli;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn fixture() -> String {
    common::fixture("lianluo-2025-13.json").to_str().expect("UTF-8 path").to_owned()
}

#[test]
fn json_lists_findings_with_the_documented_fields_and_exits_zero() {
    let db = common::TempDb::new();
    let output = cli(&db.path, &["check", &fixture(), "--json"]);
    assert!(output.status.success(), "findings are not errors: {}", text(&output.stderr));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON array");
    let findings = findings.as_array().expect("an array");
    assert!(!findings.is_empty());
    for field in ["rule", "article", "block", "start", "end", "text", "message", "suggestion"] {
        assert!(findings.iter().all(|f| f.get(field).is_some()), "every finding has {field}");
    }
    let place = findings.iter().find(|f| f["rule"] == "attribution-place").expect("会同市 is flagged");
    assert_eq!((place["article"].as_u64(), place["text"].as_str()), (Some(1), Some("会同市")));
}

#[test]
fn human_output_groups_by_article_in_chinese() {
    let db = common::TempDb::new();
    let output = cli(&db.path, &["check", &fixture()]);
    assert!(output.status.success());
    let out = text(&output.stdout);
    assert!(out.contains("【第 2 篇：会同县"), "{out}");
    assert!(out.contains("建议改为：“会同县”"), "{out}");
}

#[test]
fn a_stored_issue_is_checked_by_its_id() {
    let db = common::TempDb::new();
    assert!(cli(&db.path, &["init"]).status.success());
    assert!(cli(&db.path, &["issue", "load", &fixture()]).status.success());
    let stored = cli(&db.path, &["check", "1", "--json"]);
    let from_file = cli(&db.path, &["check", &fixture(), "--json"]);
    assert!(stored.status.success(), "{}", text(&stored.stderr));
    assert_eq!(text(&stored.stdout), text(&from_file.stdout));
}

#[test]
fn bad_input_exits_one_with_a_chinese_message() {
    let db = common::TempDb::new();
    let missing = cli(&db.path, &["check", "no-such-issue.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("无法读取文件"), "{}", text(&missing.stderr));
    let words = db.dir.path().join("words.tsv");
    std::fs::write(&words, "其它\t其他\n").expect("writes the list");
    let broken = cli(&db.path, &["check", &fixture(), "--words", words.to_str().expect("UTF-8 path")]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stderr).contains("用词表第 1 行有误"), "{}", text(&broken.stderr));
}

#[test]
fn an_office_word_list_replaces_the_shipped_one() {
    let db = common::TempDb::new();
    let words = db.dir.path().join("words.tsv");
    std::fs::write(&words, "# 本办公室的用词\n惠民实招\t惠民实事\t\t本办公室的说法\n")
        .expect("writes the list");
    let output =
        cli(&db.path, &["check", &fixture(), "--json", "--words", words.to_str().expect("UTF-8 path")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).expect("a JSON array");
    assert!(findings.iter().any(|f| f["rule"] == "word" && f["suggestion"] == "惠民实事"));
}

#[test]
fn a_stored_issue_leaves_ignored_findings_out_unless_all() {
    let db = common::TempDb::new();
    assert!(cli(&db.path, &["init"]).status.success());
    assert!(cli(&db.path, &["issue", "load", &fixture()]).status.success());
    let mut store = common::open(&db.path);
    let check = jianbao::service::check_stored_issue(&store, 1, None).expect("checks");
    let place = check.findings.iter().find(|v| v.finding.text == "会同市").expect("会同市 is flagged");
    jianbao::service::ignore_finding(&mut store, 1, place, "汤建").expect("ignores");
    drop(store);

    let shown = cli(&db.path, &["check", "1", "--json"]);
    assert!(shown.status.success(), "{}", text(&shown.stderr));
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&shown.stdout).expect("a JSON array");
    assert!(findings.iter().all(|f| f["text"] != "会同市"), "the ignored finding is left out");
    assert_eq!(findings.len(), check.findings.len() - 1);
    assert!(text(&shown.stderr).contains("另有 1 处问题已被忽略"), "{}", text(&shown.stderr));

    let all = cli(&db.path, &["check", "1", "--json", "--all"]);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&all.stdout).expect("a JSON array");
    assert_eq!(findings.len(), check.findings.len());
}

#[test]
fn the_word_list_is_exported_imported_used_and_reset() {
    let db = common::TempDb::new();
    assert!(cli(&db.path, &["init"]).status.success());
    assert!(cli(&db.path, &["issue", "load", &fixture()]).status.success());
    let file = db.dir.path().join("words.tsv");
    let path = file.to_str().expect("UTF-8 path");
    assert!(cli(&db.path, &["words", "--export", path]).status.success());
    let shipped = std::fs::read_to_string(&file).expect("exported");
    assert!(shipped.contains("截止目前\t截至目前"), "the shipped list is exported");

    std::fs::write(&file, "惠民实招\t惠民实事\t\t本办公室的说法\n").expect("writes the list");
    let imported = cli(&db.path, &["words", "--import", path]);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stdout).contains("共 1 条"));
    let checked = cli(&db.path, &["check", "1", "--json"]);
    let findings: Vec<serde_json::Value> = serde_json::from_slice(&checked.stdout).expect("a JSON array");
    assert!(
        findings.iter().any(|f| f["rule"] == "word" && f["suggestion"] == "惠民实事"),
        "the stored list is used"
    );

    std::fs::write(&file, "其它\t其他\n").expect("writes a broken list");
    let broken = cli(&db.path, &["words", "--import", path]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stderr).contains("用词表第 1 行有误"), "{}", text(&broken.stderr));

    assert!(cli(&db.path, &["words", "--reset"]).status.success());
    assert_eq!(text(&cli(&db.path, &["words"]).stdout), shipped);
}

#[test]
fn check_bench_reports_figures_for_each_labelled_set_in_a_folder() {
    let db = common::TempDb::new();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let set = "省人大堂务委员会第十次会议审议了报告。\t省人大常务委员会第十次会议审议了报告。\n\
               省人大常委会召开党组会议。\t省人大常委会召开党组会议。\n";
    std::fs::write(dir.path().join("official.tsv"), set).expect("writes the set");
    std::fs::write(dir.path().join("official.findings.tsv"), "line\toffset\n1\t19\n").expect("writes");
    let output = cli(&db.path, &["check-bench", dir.path().to_str().expect("UTF-8 path")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(out.contains("official.tsv：2 句（错句 1，正确句 1）"), "{out}");
    assert!(!out.contains("official.findings.tsv"), "per-character lists are not sentence sets: {out}");
    assert!(out.contains("错句中至少一处标在错字上的：1 句（100.0%）"), "堂务 is found: {out}");
    assert!(out.contains("正确句误报：0 句（0.0%）"), "{out}");
    assert!(out.contains("每千字"), "{out}");
}

#[test]
fn check_bench_refuses_a_malformed_set_with_its_line() {
    let db = common::TempDb::new();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("broken.tsv");
    std::fs::write(&file, "原句\t正确句多一字\n").expect("writes the set");
    let output = cli(&db.path, &["check-bench", file.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("第 1 行"), "{}", text(&output.stderr));
}
