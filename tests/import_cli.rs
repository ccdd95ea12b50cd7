//! `jianbao-cli import` and `import-issue` through the real binary and a real database.

mod support;

use std::path::Path;

use support::{cli, cli_with_input, docx, p, shared_fixture, stderr, stdout};

fn initialised() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("jianbao.sqlite3");
    assert!(cli(&db, &["init"]).status.success(), "init works");
    (dir, db)
}

fn new_issue(db: &Path) -> String {
    let output = cli(db, &["issue", "new", "--date", "2025-09-02", "--number", "13", "--total", "741"]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).lines().next().expect("id on the first line").to_owned()
}

fn article_count(db: &Path, issue: &str) -> usize {
    let output = cli(db, &["issue", "show", issue, "--json"]);
    let view: serde_json::Value = serde_json::from_slice(&output.stdout).expect("issue view is JSON");
    view["articles"].as_array().expect("articles list").len()
}

#[test]
fn import_issue_prints_the_new_id_first_and_reports_the_old_email() {
    let (_dir, db) = initialised();
    let fixture = shared_fixture("lianluo-2024-18");
    let output = cli(&db, &["import-issue", fixture.to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    let id = printed.lines().next().expect("first line");
    assert!(id.parse::<i64>().is_ok(), "the first line is the id alone: {id}");
    assert!(printed.contains("2024年第18期（总第720期）"), "{printed}");
    assert!(
        printed.contains("电子邮箱：旧刊为“hnrldgwxrc@163.com”"),
        "footer difference reported: {printed}"
    );
    let shown = stdout(&cli(&db, &["issue", "show", id]));
    assert!(shown.contains("湘潭市委书记胡贺波在全省基层人大工作推进会上的发言"), "{shown}");
    let settings = stdout(&cli(&db, &["publication", "show"]));
    assert!(settings.contains("hnrdlgwxrc@163.com"), "the old footer does not overwrite the settings");
}

#[test]
fn import_applies_safe_changes_and_lists_the_rest() {
    let (dir, db) = initialised();
    let issue = new_issue(&db);
    let text = dir.path().join("稿件.txt");
    std::fs::write(&text, "坚持线上十线下\n\n县人大常委会把工作落实, 推动 2025 年\n任务完成。\n")
        .expect("writes");
    let (gbk, _, _) = encoding_rs::GBK.encode("湘潭经验\n\n胡贺波介绍,湘潭人大工作在探索中前进。\n");
    let gbk_path = dir.path().join("旧稿.txt");
    std::fs::write(&gbk_path, &gbk).expect("writes");
    let word = dir.path().join("来稿.docx");
    std::fs::write(
        &word,
        docx(&[p(Some("a3"), "会同县的做法"), p(None, "县委将人大工作纳入议程。")].concat()),
    )
    .expect("writes");
    let paths = [&text, &gbk_path, &word].map(|p| p.to_str().expect("utf-8 path").to_owned());
    let output = cli(&db, &["import", &paths[0], &paths[1], &paths[2], "--issue", &issue]);
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    assert!(printed.contains("已导入 3 篇文章"), "{printed}");
    assert!(
        printed.contains("待确认") && printed.contains("“十”→“+”"),
        "the 十 is listed, not applied: {printed}"
    );
    assert_eq!(article_count(&db, &issue), 3);
    let dump = stdout(&cli(&db, &["issue", "dump", &issue]));
    assert!(dump.contains("县人大常委会把工作落实，推动2025年任务完成。"), "safe changes applied: {dump}");
    assert!(dump.contains("胡贺波介绍，湘潭人大"), "GBK decoded: {dump}");
    assert!(dump.contains("坚持线上十线下"), "the wording is not changed without review");
}

#[test]
fn pasted_text_comes_from_stdin() {
    let (_dir, db) = initialised();
    let issue = new_issue(&db);
    let output = cli_with_input(&db, &["import", "-", "--issue", &issue], "粘贴的标题\n\n正文,第一段。\n");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("粘贴的标题"));
    assert_eq!(article_count(&db, &issue), 1);
}

#[test]
fn bad_files_get_chinese_messages_and_change_nothing() {
    let (dir, db) = initialised();
    let issue = new_issue(&db);
    let good = dir.path().join("好稿.txt");
    std::fs::write(&good, "标题\n\n正文。\n").expect("writes");
    let valid_docx = docx(&p(None, "正文。"));
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(2048, 0);
    let (shift_jis, _, _) =
        encoding_rs::SHIFT_JIS.encode("これは日本語の文章です。カタカナとひらがなを含みます。");
    let binary: Vec<u8> = (0..=255u8).cycle().take(8192).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("损坏.docx", valid_docx[..valid_docx.len() / 2].to_vec(), "已损坏"),
        ("加密.docx", ole, "密码"),
        ("图片.txt", binary, "不是文本文件"),
        ("空.txt", vec![], "空文件"),
        ("日文.txt", shift_jis.into_owned(), "编码"),
        ("扫描.pdf", b"%PDF-1.4".to_vec(), "不支持"),
    ];
    for (name, bytes, expected) in cases {
        let bad = dir.path().join(name);
        std::fs::write(&bad, bytes).expect("writes");
        let output = cli(
            &db,
            &["import", good.to_str().expect("utf-8"), bad.to_str().expect("utf-8"), "--issue", &issue],
        );
        assert_eq!(output.status.code(), Some(1), "{name}: a user error");
        let message = stderr(&output);
        assert!(message.contains(expected) && message.contains(name), "{name}: {message}");
        assert_eq!(article_count(&db, &issue), 0, "{name}: the good file is not imported either");
    }
}

#[test]
fn a_fifty_megabyte_file_is_refused_before_reading() {
    let (dir, db) = initialised();
    let issue = new_issue(&db);
    let huge = dir.path().join("巨大.txt");
    let file = std::fs::File::create(&huge).expect("creates");
    file.set_len(50 * 1024 * 1024).expect("sparse file of 50 MB");
    let output = cli(&db, &["import", huge.to_str().expect("utf-8"), "--issue", &issue]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("超过导入上限"), "{}", stderr(&output));
    let output = cli(&db, &["import-issue", huge.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    let list = stdout(&cli(&db, &["issue", "list"]));
    assert_eq!(list.lines().count(), 1, "only the issue made by the test: {list}");
}

#[test]
fn a_manuscript_is_not_a_whole_issue() {
    let (dir, db) = initialised();
    let text = dir.path().join("稿件.txt");
    std::fs::write(&text, "标题\n\n正文。\n").expect("writes");
    let output = cli(&db, &["import-issue", text.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("不像一期完整的简报"), "{}", stderr(&output));
    assert!(stdout(&cli(&db, &["issue", "list"])).contains("还没有期刊"), "no issue was created");
}

#[test]
fn a_gbk_back_issue_imports_like_its_utf8_original() {
    let (dir, db) = initialised();
    let text = std::fs::read_to_string(shared_fixture("lianluo-2025-13")).expect("fixture is readable");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "the fixture is plain GBK text");
    let path = dir.path().join("2025-13.txt");
    std::fs::write(&path, &gbk).expect("writes");
    let output = cli(&db, &["import-issue", path.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let id = stdout(&output).lines().next().expect("id").to_owned();
    assert_eq!(article_count(&db, &id), 2);
    let dump = stdout(&cli(&db, &["issue", "dump", &id]));
    assert!(dump.contains("会同县：“五纳入五保障”将"), "{dump}");
}
