//! `jianbao-cli import-archive` on a generated folder of 100 back issues of every kind (text,
//! .docx built here, PDFs from our renderer) and every way of being bad (corrupt, empty,
//! truncated, wrong extension, duplicates in the batch and in the database), through the
//! real binary on a real SQLite file.

mod support;

use std::ffi::OsString;
use std::path::Path;

use jianbao::domain::{IssueFile, Publication};
use jianbao::import::{MastheadFill, recognise_issue_text};
use support::{cli, docx, p, stderr, stdout};

/// Sentences of made-up bulletin news, combined differently for every generated issue.
const SENTENCES: [&str; 8] = [
    "县人大常委会组织部分省市县人大代表开展集中视察，实地察看了农村公路建设和饮水安全工程。",
    "视察组听取了县政府有关部门的情况汇报，对工程质量管理和后续管护提出了具体意见。",
    "代表们建议进一步加大资金投入，健全长效管护机制，切实把民生实事办好办实。",
    "乡镇人大主席团把代表建议办理情况纳入年度工作评议，推动办理工作由“重答复”向“重落实”转变。",
    "联络站坚持每月固定接待日制度，代表轮流进站接待选民，收集的意见建议实行台账管理。",
    "常委会将视察中发现的问题梳理成清单，交县政府研究处理，并在下次常委会会议上听取办理情况报告。",
    "各级人大代表积极参与基层治理，在矛盾调解、环境整治、产业发展中发挥了示范带动作用。",
    "下一步，常委会将持续跟踪监督，推动问题整改落实到位，不断提升人民群众的获得感。",
];
const UNITS: [&str; 4] = ["浏阳市人大常委会", "醴陵市人大常委会", "湘乡市人大常委会", "耒阳市人大常委会"];

fn chinese_total(total: u32) -> String {
    jianbao::numbering::total_label(total).trim_start_matches('（').trim_end_matches('）').to_owned()
}

/// Printed lines of `text` at `width` characters, the first indented by `indent`.
fn wrapped(text: &str, width: usize, indent: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line: String = indent.to_owned();
    for c in text.chars() {
        if line.chars().count() >= width && !"，。、；：”）".contains(c) {
            lines.push(std::mem::take(&mut line));
        }
        line.push(c);
    }
    lines.push(line);
    lines
}

fn paragraph(seed: u32, k: u32) -> String {
    let pick = |i: u32| SENTENCES[((seed + k * 3 + i) % SENTENCES.len() as u32) as usize];
    format!("{}{}", pick(0), pick(1))
}

/// A back issue's text: full masthead, two articles with attributions, a footer. Shapes
/// alternate with `total`: hard-wrapped with indents, hard-wrapped without, a line a paragraph.
fn issue_text(total: u32, number: u32, masthead: bool) -> String {
    let month = 1 + total % 12;
    let mut lines: Vec<String> = Vec::new();
    if masthead {
        lines.extend([
            "代表工作简报".into(),
            format!("第{number}期"),
            format!("（{}）", chinese_total(total)),
        ]);
    }
    lines.push(format!("省人大常委会代表工作委员会编　　2018年{month}月{}日", 1 + total % 27));
    for article in 0..2 {
        let unit = UNITS[((total + article) % 4) as usize];
        lines.push(format!("{}：做实代表工作第{}招", unit, article + 1));
        for k in 0..3 {
            let text = paragraph(total, k + article);
            match total % 3 {
                0 => lines.extend(wrapped(&text, 26, "　　")),
                1 => lines.extend(wrapped(&text, 28, "")),
                _ => lines.push(format!("　　{text}")),
            }
        }
        lines.push(format!("（{unit}办公室　供稿）"));
    }
    lines.extend([
        "送：省人大常委会各位副主任，各市州人大常委会。".into(),
        "责任编辑：周平　联系电话：0731-85000000".into(),
    ]);
    lines.join("\n") + "\n"
}

fn issue_docx(total: u32, number: u32) -> Vec<u8> {
    let mut body = [
        p(None, "代表工作简报"),
        p(None, &format!("第{number}期")),
        p(None, &format!("（{}）", chinese_total(total))),
        p(None, "省人大常委会代表工作委员会编"),
        p(None, &format!("2018年{}月{}日", 1 + total % 12, 1 + total % 27)),
    ]
    .concat();
    body.push_str(&p(Some("a3"), "代表联络站里的“民生账本”"));
    for k in 0..3 {
        body.push_str(&p(None, &format!("　　{}", paragraph(total, k))));
    }
    body.push_str(&p(None, "（醴陵市人大常委会　供稿）"));
    docx(&body)
}

/// A PDF of the issue of `total` as our exporter prints it.
fn issue_pdf(total: u32, dir: &Path) -> Vec<u8> {
    let text = issue_text(total, total % 30 + 1, true);
    let issue =
        recognise_issue_text("源.txt", &text).expect("generated issue").complete(&MastheadFill::default());
    let issue = issue.expect("complete masthead").to_issue();
    let json = dir.join(format!("render-{total}.json"));
    let pdf = dir.join(format!("render-{total}.pdf"));
    std::fs::write(&json, IssueFile::new(Publication::lianluo_dongtai(), issue).to_json()).expect("writes");
    let args = [OsString::from("jianbao-cli"), "render".into(), json.into(), "-o".into(), pdf.clone().into()];
    let instant = chrono::DateTime::parse_from_rfc3339("2025-09-02T08:30:00Z").expect("valid constant");
    let clock = jianbao::store::FixedClock(instant.with_timezone(&chrono::Utc));
    assert_eq!(jianbao::cli::main_with(args, Box::new(clock)), 0, "render succeeds");
    std::fs::read(&pdf).expect("rendered")
}

/// Writes the hundred files; answers (ready, needs input, duplicates, failed) as built.
fn build_folder(dir: &Path, work: &Path) -> [usize; 4] {
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).expect("writes");
    for total in 1001..=1040 {
        write(&format!("a-{total}.txt"), issue_text(total, total - 1000, true).as_bytes());
    }
    for total in 1041..=1060 {
        write(&format!("b-{total}.docx"), &issue_docx(total, total - 1040));
    }
    let pdfs: Vec<Vec<u8>> = (1061..=1071).map(|total| issue_pdf(total, work)).collect();
    for (total, pdf) in (1061..=1070).zip(&pdfs) {
        write(&format!("c-{total}.pdf"), pdf);
    }
    write("d-pdf-named-as-text.txt", &pdfs[10]);
    write("d-docx-named-as-pdf.pdf", &issue_docx(1072, 32));
    for n in 0..5 {
        write(&format!("e-no-number-{n}.txt"), issue_text(2000 + n, 1, false).as_bytes());
    }
    for total in 1001..=1005 {
        write(&format!("z-copy-of-{total}.txt"), issue_text(total, total - 1000, true).as_bytes());
    }
    for total in 900..=902 {
        write(&format!("f-stored-{total}.txt"), issue_text(total, total - 890, true).as_bytes());
    }
    let word = issue_docx(1099, 1);
    for n in 0..4 {
        write(&format!("g-truncated-{n}.docx"), &word[..word.len() * (n + 1) / 6]);
    }
    for n in 0..3 {
        write(&format!("g-truncated-{n}.pdf"), &pdfs[n][..pdfs[n].len() / (n + 2)]);
    }
    for name in ["h-empty.txt", "h-empty.docx", "h-empty.pdf"] {
        write(name, b"");
    }
    let binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    for n in 0..3 {
        write(&format!("i-binary-{n}.txt"), &binary);
    }
    write("j-text-named-as-pdf.pdf", "这不是 PDF，只是一段文字。".as_bytes());
    write("j-garbage.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF");
    [72, 5, 8, 15]
}

#[test]
fn a_hundred_mixed_files_are_reviewed_and_the_good_ones_imported_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("往期");
    std::fs::create_dir(&folder).expect("creates");
    let expected = build_folder(&folder, dir.path());
    let files = std::fs::read_dir(&folder).expect("reads").count();
    assert_eq!(files, 100, "the folder holds a hundred files");

    let db = dir.path().join("jianbao.sqlite3");
    assert!(cli(&db, &["init"]).status.success());
    for total in ["900", "901", "902"] {
        let output = cli(&db, &["issue", "new", "--date", "2018-05-05", "--number", "1", "--total", total]);
        assert!(output.status.success(), "{}", stderr(&output));
    }

    let started = std::time::Instant::now();
    let output = cli(&db, &["import-archive", folder.to_str().expect("utf-8 path"), "--json"]);
    let elapsed = started.elapsed();
    eprintln!("100 files in {elapsed:?}: {:.0} files/s", 100.0 / elapsed.as_secs_f64());
    assert!(output.status.success(), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let entries = report["files"].as_array().expect("files");
    assert_eq!(entries.len(), 100);
    let count = |status: &str| entries.iter().filter(|e| e["status"] == status).count();
    let found = [count("ready"), count("needsInput"), count("duplicate"), count("failed")];
    let names = |status: &str| -> Vec<&str> {
        entries.iter().filter(|e| e["status"] == status).filter_map(|e| e["file"].as_str()).collect()
    };
    assert_eq!(found, expected, "failed: {:?}; needs input: {:?}", names("failed"), names("needsInput"));

    let imported = report["commit"]["imported"].as_array().expect("imported list").len();
    assert_eq!(imported, expected[0], "every ready issue is stored");
    let list = stdout(&cli(&db, &["issue", "list"]));
    assert_eq!(list.lines().count(), expected[0] + 3, "ready ones plus the three stored before:\n{list}");

    for entry in entries.iter().filter(|e| e["status"] == "duplicate") {
        let file = entry["file"].as_str().expect("name");
        let kind = entry["duplicateOf"]["kind"].as_str().expect("what it duplicates");
        let want = if file.starts_with("z-copy") { "inBatch" } else { "stored" };
        assert_eq!(kind, want, "{file}");
    }
    for entry in entries.iter().filter(|e| e["status"] == "failed" || e["status"] == "needsInput") {
        let problem = entry["problems"][0].as_str().expect("a reason");
        assert!(
            problem.contains("请") || problem.contains("需要补充"),
            "{}: says what to do: {problem}",
            entry["file"]
        );
    }
    let wrong_ext = entries.iter().find(|e| e["file"] == "d-pdf-named-as-text.txt").expect("listed");
    assert_eq!(wrong_ext["status"], "ready", "read as the PDF it is");

    let again = cli(&db, &["import-archive", folder.to_str().expect("utf-8 path"), "--dry-run"]);
    let text = stdout(&again);
    assert!(text.contains("可导入 0"), "a second run imports nothing twice:\n{text}");
    assert_eq!(again.status.code(), Some(1), "nothing to import is the user's to see");
}

#[test]
fn a_single_file_missing_its_number_takes_it_from_the_flags() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("旧刊.txt");
    std::fs::write(&file, issue_text(3000, 1, false)).expect("writes");
    let db = dir.path().join("jianbao.sqlite3");
    let path = file.to_str().expect("utf-8 path");
    let output = cli(&db, &["import-archive", path]);
    assert_eq!(output.status.code(), Some(1), "needs input: nothing imported");
    let printed = stdout(&output);
    assert!(
        printed.contains("[需补充]") && printed.contains("--number") && printed.contains("--total"),
        "{printed}"
    );
    let output = cli(&db, &["import-archive", path, "--number", "4", "--total", "3000"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("已导入 1 期"));
    let list = stdout(&cli(&db, &["issue", "list"]));
    assert!(list.contains("第4期") && list.contains("总第3000期"), "{list}");
    let folder = cli(&db, &["import-archive", dir.path().to_str().expect("utf-8"), "--number", "4"]);
    assert!(
        folder.status.code() == Some(1) || folder.status.success(),
        "one file in the folder: flags allowed"
    );
}
