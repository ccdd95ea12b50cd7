//! The `render`, `export` and `fonts` commands as a user runs them.

mod golden_support;

use std::ffi::OsString;
use std::path::Path;

use golden_support::{fixed_timestamp, repo_root};
use jianbao::store::FixedClock;

fn run(args: &[&OsString]) -> i32 {
    let argv = std::iter::once(OsString::from("jianbao-cli")).chain(args.iter().map(|a| (*a).clone()));
    jianbao::cli::main_with(argv, Box::new(FixedClock(fixed_timestamp())))
}

fn os(text: impl AsRef<std::ffi::OsStr>) -> OsString {
    text.as_ref().to_owned()
}

fn fixture(name: &str) -> OsString {
    os(repo_root().join("tests/fixtures").join(format!("{name}.json")))
}

#[test]
fn render_writes_the_same_pdf_as_the_library() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let pdf = dir.path().join("issue.pdf");
    let code = run(&[&os("render"), &fixture("lianluo-2025-13"), &os("-o"), &os(&pdf)]);
    assert_eq!(code, 0, "render succeeds");
    let bytes = std::fs::read(&pdf).expect("render wrote the file");
    assert!(bytes == golden_support::rendered()[0].bytes, "the clock's time is the default timestamp");
}

#[test]
fn export_reads_the_issue_from_the_database() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = os(dir.path().join("test.sqlite3"));
    assert_eq!(run(&[&os("--db"), &db, &os("init")]), 0);
    assert_eq!(run(&[&os("--db"), &db, &os("issue"), &os("load"), &fixture("lianluo-2024-18")]), 0);
    let pdf = dir.path().join("out.pdf");
    let code = run(&[&os("--db"), &db, &os("export"), &os("1"), &os("-o"), &os(&pdf), &os("--proof")]);
    assert_eq!(code, 0, "export succeeds");
    let text = golden_support::poppler("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
    assert!(text.contains("全省基层人大工作推进会召开沈晓明作出批示"), "the stored issue was exported");
    let info = golden_support::poppler("pdfinfo", &[pdf.as_os_str()]);
    assert!(info.contains("校样（第1轮）"), "--proof without a round is round 1:\n{info}");
}

#[test]
fn a_font_folder_without_fonts_is_a_user_error() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let pdf = dir.path().join("issue.pdf");
    let empty = os(dir.path());
    let code =
        run(&[&os("render"), &fixture("lianluo-2025-13"), &os("-o"), &os(&pdf), &os("--font-dir"), &empty]);
    assert_eq!(code, 1, "missing fonts are the user's to fix (exit code 1)");
    assert!(!Path::new(&pdf).exists(), "no PDF is written");
}

#[test]
fn fonts_lists_every_role_with_its_coverage() {
    use clap::Parser;
    let cli = jianbao::cli::Cli::try_parse_from(["jianbao-cli", "fonts"]).expect("valid arguments");
    let mut out = Vec::new();
    jianbao::cli::run(cli, &mut out, Box::new(FixedClock(fixed_timestamp()))).expect("fonts runs");
    let text = String::from_utf8(out).expect("UTF-8 output");
    for role in jianbao::domain::FontRole::ALL {
        assert!(text.contains(role.as_chinese()), "{role:?} listed:\n{text}");
    }
    assert!(text.contains("FandolFang") && text.contains("GBK"), "fonts and coverage named:\n{text}");
}
