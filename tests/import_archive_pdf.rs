//! PDF back issues: our own exporter's PDFs (CID fonts with ToUnicode) read back into the
//! same issue, and broken PDFs refused with a message saying what to do.

use std::ffi::OsString;
use std::path::Path;

use jianbao::domain::{Article, Issue, IssueFile, Publication};
use jianbao::import::{ImportError, MastheadFill, recognise_issue_file, recognise_issue_text};
use jianbao::store::FixedClock;

fn archive_issue(name: &str, fill: &MastheadFill) -> Issue {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/archive-texts").join(name);
    let text = std::fs::read_to_string(&path).expect("archive text is committed");
    recognise_issue_text(name, &text).expect("an issue").complete(fill).expect("complete").to_issue()
}

/// The issue printed by `jianbao-cli render`, as the PDF's bytes.
fn rendered(issue: &Issue) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let json = dir.path().join("issue.json");
    let pdf = dir.path().join("issue.pdf");
    std::fs::write(&json, IssueFile::new(Publication::lianluo_dongtai(), issue.clone()).to_json())
        .expect("writes");
    let args = ["jianbao-cli", "render"].map(OsString::from).into_iter().chain([
        json.into(),
        "-o".into(),
        pdf.clone().into(),
    ]);
    let clock = DateTimeClock::fixed();
    assert_eq!(jianbao::cli::main_with(args, Box::new(clock)), 0, "render succeeds");
    std::fs::read(&pdf).expect("render wrote the PDF")
}

struct DateTimeClock;

impl DateTimeClock {
    fn fixed() -> FixedClock {
        let instant = chrono::DateTime::parse_from_rfc3339("2025-09-02T08:30:00Z").expect("valid constant");
        FixedClock(instant.with_timezone(&chrono::Utc))
    }
}

fn read_back(issue: &Issue) -> Issue {
    let bytes = rendered(issue);
    let started = std::time::Instant::now();
    let found = recognise_issue_file("往期.pdf", &bytes).expect("our own PDF reads back");
    eprintln!("PDF of {} KB read and recognised in {:?}", bytes.len() / 1024, started.elapsed());
    found.complete(&MastheadFill::default()).expect("the printed masthead is complete").to_issue()
}

/// What must survive print and extraction: titles, furniture, every block, attributions.
fn assert_same_articles(got: &[Article], want: &[Article]) {
    assert_eq!(got.len(), want.len(), "article count");
    for (got, want) in got.iter().zip(want) {
        let title = want.title_text();
        // A title line too long for the page wraps in print, and reads back as two lines.
        assert_eq!(got.title_text(), title, "title");
        assert_eq!(got.subtitle, want.subtitle, "subtitle of {title}");
        assert_eq!(got.byline, want.byline, "byline of {title}");
        assert_eq!(got.contributors, want.contributors, "attribution of {title}");
        assert_eq!(got.body, want.body, "body of {title}");
    }
}

#[test]
fn our_own_pdf_of_a_back_issue_reads_back_the_same() {
    let issue = archive_issue("hard-wrapped-indented.txt", &MastheadFill::default());
    let back = read_back(&issue);
    assert_eq!((back.number, back.total_number, back.date), (issue.number, issue.total_number, issue.date));
    assert_same_articles(&back.articles, &issue.articles);
}

#[test]
fn the_issue_note_prints_after_the_contents_and_reads_back_as_the_issues() {
    let fill = MastheadFill { number: Some(19), total_number: Some(388), date: None };
    let issue = archive_issue("cut-masthead-speeches.txt", &fill);
    assert!(!issue.editor_note.is_empty());
    let back = read_back(&issue);
    assert_eq!(back.editor_note, issue.editor_note, "the note is the issue's, not the first article's");
    assert_same_articles(&back.articles, &issue.articles);
}

#[test]
fn a_feature_reads_back_with_its_furniture() {
    let issue = archive_issue("feature-unindented.txt", &MastheadFill::default());
    let back = read_back(&issue);
    assert_same_articles(&back.articles, &issue.articles);
}

#[test]
fn broken_pdfs_are_refused_with_what_to_do() {
    let good = rendered(&archive_issue("feature-unindented.txt", &MastheadFill::default()));
    let truncated = &good[..good.len() / 3];
    let error = recognise_issue_file("截断.pdf", truncated).expect_err("a third of a PDF");
    assert!(matches!(error, ImportError::CorruptPdf { .. } | ImportError::PdfWithoutText { .. }), "{error}");
    let error = recognise_issue_file("乱码.pdf", b"%PDF-1.4\n%garbage").expect_err("not a PDF");
    assert!(error.to_string().contains("截断") || error.to_string().contains("乱码"), "{error}");
    assert!(error.to_string().contains("请"), "says what to do: {error}");
}

/// pdftotext's output of our own exports (tests/golden/*.txt: every printed line a line, no
/// indents, page numbers and form feeds) gives back the articles that were exported.
#[test]
fn pdftotext_output_of_our_exports_reads_back_the_same_articles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    for name in ["lianluo-2024-18", "lianluo-2025-12", "lianluo-2025-13"] {
        let text =
            std::fs::read_to_string(root.join("golden").join(format!("{name}.txt"))).expect("golden text");
        let json =
            std::fs::read_to_string(root.join("fixtures").join(format!("{name}.json"))).expect("fixture");
        let want = IssueFile::from_json(&json).expect("valid fixture").issue;
        let found = recognise_issue_text(name, &text).expect("an issue");
        assert!(!found.contents.is_empty(), "{name}: the 要目 is found");
        let got = found.complete(&MastheadFill::default()).expect("complete masthead").to_issue();
        assert_eq!(
            (got.number, got.total_number, got.date),
            (want.number, want.total_number, want.date),
            "{name}"
        );
        assert_same_articles(&got.articles, &want.articles);
    }
}
