//! PDF/X-1a:2001 on request (ISO 15930-1), checked with what Debian offers: qpdf reads the
//! structure back (`--check`, and uncompressed for the keys), Ghostscript renders every page
//! stopping on any error, poppler says every font is embedded. The issue carries a picture in
//! RGB with transparency, which X-1a forbids and the export must turn into CMYK.

mod golden_support;

use std::path::Path;
use std::process::Command;

use golden_support::{fixed_timestamp, fonts, load_fixture, poppler};
use jianbao::domain::{Block, IssueFile};
use jianbao::service::{ExportRequest, export_issue_file};

/// A 4×4 red PNG whose right half is half transparent.
const RGBA_PICTURE: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAYAAACp8Z5+AAAAFElEQVR4nGP4z8DwH4obQJiBdAEAyxUb6UDaLL8AAAAASUVORK5CYII=";

fn issue(pdf_x1a: bool) -> IssueFile {
    let mut file = load_fixture("lianluo-2025-13");
    file.publication.layout.pdf_x1a = pdf_x1a;
    file.publication.layout.black_as_k100 = false;
    let picture = Block::Image { src: RGBA_PICTURE.into(), caption: Some("图为调研现场".into()) };
    file.issue.articles[0].body.insert(1, picture);
    file
}

fn exported(file: &IssueFile, proof_round: Option<u8>, dir: &Path, name: &str) -> std::path::PathBuf {
    let request = ExportRequest { proof_round, timestamp: fixed_timestamp() };
    let bytes = export_issue_file(file, fonts(), &request).expect("the issue exports").bytes;
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temporary folder is writable");
    path
}

fn run(program: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program} runs: {e}"));
    let text =
        String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), text)
}

/// The file with every stream uncompressed, as text, for looking up keys and operators.
fn uncompressed(pdf: &Path) -> String {
    let out = pdf.with_extension("qdf.pdf");
    let (_, text) = run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().expect("UTF-8 path"),
            out.to_str().expect("UTF-8 path"),
        ],
    );
    String::from_utf8_lossy(
        &std::fs::read(&out).unwrap_or_else(|_| panic!("qpdf uncompressed the file: {text}")),
    )
    .into_owned()
}

#[test]
fn pdf_x1a_export_claims_and_keeps_the_conformance() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let pdf = exported(&issue(true), None, dir.path(), "x1a.pdf");
    if let Some(keep) = std::env::var_os("KEEP_PDF") {
        std::fs::copy(&pdf, keep).expect("copy kept");
    }
    let (ok, report) = run("qpdf", &["--check", pdf.to_str().expect("UTF-8 path")]);
    assert!(ok && report.contains("No syntax or stream encoding errors"), "qpdf --check: {report}");

    let text = uncompressed(&pdf);
    assert!(text.contains("/GTS_PDFXVersion (PDF/X-1:2001)"), "version claimed");
    assert!(text.contains("/GTS_PDFXConformance (PDF/X-1a:2001)"));
    assert!(text.contains("/Trapped /False"));
    assert!(text.contains("/S /GTS_PDFX") && text.contains("/OutputConditionIdentifier (FOGRA39)"));
    assert!(text.contains("/OutputIntents"));
    let pages = text.matches("/Type /Page\n").count() + text.matches("/Type /Page ").count();
    assert!(pages > 0);
    assert_eq!(text.matches("/TrimBox").count(), pages, "a trim box on every page");
    assert_eq!(text.matches("/BleedBox").count(), pages, "a bleed box on every page");
    assert!(text.starts_with("%PDF-1.3"), "X-1a:2001 is PDF 1.3");
    assert!(!text.contains("/DeviceRGB"), "no RGB colour space left (the picture is CMYK)");
    assert!(text.contains("/DeviceCMYK"));
    assert!(!text.contains("/SMask"), "no transparency");
    assert!(!text.contains(" rg\n") && !text.contains(" RG\n"), "no RGB colour operators");

    let fonts = poppler("pdffonts", &[pdf.as_os_str()]);
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes "), "every font embedded: {line}");
    }
    let (ok, output) = run(
        "gs",
        &[
            "-q",
            "-dNOPAUSE",
            "-dBATCH",
            "-dPDFSTOPONERROR",
            "-sDEVICE=nullpage",
            pdf.to_str().expect("UTF-8 path"),
        ],
    );
    assert!(ok && !output.to_lowercase().contains("error"), "Ghostscript renders it cleanly: {output}");
}

#[test]
fn without_the_option_and_for_proofs_no_pdf_x_is_claimed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let plain = uncompressed(&exported(&issue(false), None, dir.path(), "plain.pdf"));
    assert!(!plain.contains("GTS_PDFX") && !plain.contains("/OutputIntents"));
    assert!(plain.contains("/DeviceRGB"), "the picture stays RGB when the press did not ask");
    let proof = uncompressed(&exported(&issue(true), Some(1), dir.path(), "proof.pdf"));
    assert!(!proof.contains("GTS_PDFX"), "a proof never goes to the press");
}
