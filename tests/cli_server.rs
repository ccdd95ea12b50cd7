//! `jianbao-cli --server URL --user NAME`: the real CLI against a real office server on
//! loopback, compared with the same CLI on a copy of the server's database.

mod office;

use std::path::Path;
use std::process::{Command, Output};

use office::{OfficeServer, PASSWORD, cli_binary};

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The CLI as `user` on `server`, the password in the environment as a script gives it.
fn remote(server: &OfficeServer, user: &str, password: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(cli_binary());
    command.args(["--server", &server.url, "--user", user]).args(args);
    command.env_remove("JIANBAO_DB").env_remove("JIANBAO_USER").env_remove("JIANBAO_PASSWORD");
    if let Some(password) = password {
        command.env("JIANBAO_PASSWORD", password);
    }
    command.output().expect("runs jianbao-cli")
}

fn remote_ok(server: &OfficeServer, user: &str, args: &[&str]) -> String {
    let output = remote(server, user, Some(PASSWORD), args);
    assert!(output.status.success(), "{user} {args:?}: {}", text(&output.stderr));
    text(&output.stdout)
}

fn local_ok(db: &Path, args: &[&str]) -> String {
    let output = Command::new(cli_binary())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("JIANBAO_USER")
        .output()
        .expect("runs jianbao-cli");
    assert!(output.status.success(), "{args:?}: {}", text(&output.stderr));
    text(&output.stdout)
}

/// A consistent copy of the served database, taken by SQLite itself while the server runs.
fn copy_of(server: &OfficeServer) -> std::path::PathBuf {
    let copy = server.folder().join("copy.sqlite3");
    let connection = rusqlite::Connection::open(&server.db).expect("opens the office database");
    connection.execute("VACUUM INTO ?1", [copy.to_str().expect("UTF-8 path")]).expect("copies");
    copy
}

/// Editors take issue 1 from 草稿 to 待签发.
fn to_awaiting_sign_off(server: &OfficeServer) {
    for _ in 0..4 {
        remote_ok(server, "汤建", &["advance", "1"]);
    }
}

fn status(server: &OfficeServer) -> String {
    remote_ok(server, "汤建", &["status", "1"])
}

#[test]
fn list_and_show_print_what_the_local_cli_prints_on_the_same_database() {
    let server = OfficeServer::start(&[]);
    let copy = copy_of(&server);
    for args in [&["issue", "list"][..], &["issue", "show", "1"], &["issue", "show", "1", "--json"]] {
        let over_http = remote_ok(&server, "李校对", args);
        assert!(!over_http.is_empty(), "{args:?} prints something");
        assert_eq!(over_http, local_ok(&copy, args), "{args:?}");
    }
}

#[test]
fn a_proofreader_cannot_sign_off_and_a_signer_can() {
    let server = OfficeServer::start(&[]);
    to_awaiting_sign_off(&server);
    let refused = remote(&server, "李校对", Some(PASSWORD), &["sign-off", "1"]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("只有签发人可以签发"), "{}", text(&refused.stderr));
    assert!(status(&server).starts_with("状态：待签发\n"));

    let signed = remote_ok(&server, "王主任", &["sign-off", "1", "--date", "2025-09-05"]);
    // The printed date stays the masthead's unless the signer moves it (--move-masthead-date).
    assert!(signed.contains("签发人 王主任") && signed.contains("出刊日期为 2025年9月2日"), "{signed}");
    assert!(signed.contains("刊头日期未随签发日期改动"), "{signed}");
    let history = status(&server);
    assert!(history.starts_with("状态：已签发\n"), "{history}");
    assert!(history.contains("待签发 → 已签发　王主任"), "{history}");
}

#[test]
fn a_by_that_is_not_the_account_is_refused_and_changes_nothing() {
    let server = OfficeServer::start(&[]);
    let refused = remote(&server, "汤建", Some(PASSWORD), &["advance", "1", "--by", "赵编辑"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = text(&refused.stderr);
    assert!(message.contains("赵编辑") && message.contains("汤建") && message.contains("不符"), "{message}");
    assert!(status(&server).contains("尚无流转记录"));

    assert!(remote_ok(&server, "汤建", &["advance", "1", "--by", "汤建"]).contains("一校"));
    assert!(status(&server).contains("草稿 → 一校　汤建"));
}

#[test]
fn a_wrong_password_is_refused_with_the_server_s_message() {
    let server = OfficeServer::start(&[]);
    let before = status(&server);
    let refused = remote(&server, "汤建", Some("not-the-password"), &["advance", "1"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = text(&refused.stderr);
    assert!(message.contains("账号或密码不正确"), "the server's own words: {message}");
    assert_eq!(status(&server), before, "nothing changed");
}

#[test]
fn no_password_and_no_terminal_is_told_in_chinese() {
    let server = OfficeServer::start(&[]);
    let refused = remote(&server, "汤建", None, &["issue", "list"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("JIANBAO_PASSWORD"), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("密码"), "{}", text(&refused.stderr));
}

#[test]
fn export_over_the_server_writes_a_pdf() {
    let server = OfficeServer::start(&[]);
    let pdf = server.folder().join("第13期.pdf");
    let said = remote_ok(&server, "李校对", &["export", "1", "-o", pdf.to_str().expect("UTF-8 path")]);
    assert!(said.starts_with("已导出"), "{said}");
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF: {:?}", &bytes[..bytes.len().min(8)]);
}

#[test]
fn commands_that_create_a_local_database_refuse_a_server() {
    let server = OfficeServer::start(&[]);
    for command in ["init", "demo"] {
        let refused = remote(&server, "管理员", Some(PASSWORD), &[command]);
        assert_eq!(refused.status.code(), Some(1), "{command}");
        assert!(text(&refused.stderr).contains("本机的数据库"), "{command}: {}", text(&refused.stderr));
    }
}
