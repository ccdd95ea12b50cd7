//! The Word export as a second office suite lays it out: LibreOffice Writer (Debian's
//! `libreoffice-writer`, headless) converts the .docx to PDF, and poppler reads that PDF
//! beside our own: the page count within one page of ours, every title and paragraph in
//! order, the 报尾 on the last page, page numbers odd right / even left.
//!
//! LibreOffice 7.4 widens every grid cell when `w:docGrid w:charSpace` is negative (the
//! 28-per-line grid of official documents is 15.79 pt cells for 16 pt type, which Word and
//! WPS set as written): it sets about 21 characters a line. The page count is therefore
//! compared on a copy whose grid is a line grid only; everything else on the file as exported.

mod docx_support;
mod golden_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use docx_support::{export, test_issue, timestamp};
use golden_support::{fonts, poppler};
use jianbao::domain::{Block, Issue, Publication};
use jianbao::service::{ExportRequest, export as export_pdf};

/// Converts `docx` to PDF with LibreOffice in its own profile folder, so that a desktop
/// LibreOffice the tester has open does not take the conversion over.
fn convert_with_libreoffice(docx: &Path, dir: &Path) -> PathBuf {
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display());
    let output = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .output()
        .unwrap_or_else(|e| panic!("cannot run soffice ({e}): install libreoffice-writer (make setup does)"));
    assert!(output.status.success(), "soffice failed: {}", String::from_utf8_lossy(&output.stderr));
    let pdf = dir.join(docx.file_stem().expect("named")).with_extension("pdf");
    assert!(pdf.exists(), "LibreOffice wrote {}: {}", pdf.display(), String::from_utf8_lossy(&output.stdout));
    pdf
}

/// The .docx with `w:docGrid` reduced to a line grid (see the module comment).
fn with_line_grid(docx: &[u8]) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx");
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).expect("an entry");
        let name = file.name().expect("a UTF-8 name").into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("readable");
        if name == "word/document.xml" {
            let xml = String::from_utf8(bytes).expect("UTF-8");
            let grid_start = xml.find("<w:docGrid").expect("a document grid");
            let grid_end = grid_start + xml[grid_start..].find("/>").expect("closed") + 2;
            bytes = format!(
                "{}<w:docGrid w:type=\"lines\" w:linePitch=\"579\" />{}",
                &xml[..grid_start],
                &xml[grid_end..]
            )
            .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("an entry");
        out.write_all(&bytes).expect("written");
    }
    out.finish().expect("zipped").into_inner()
}

fn page_count(pdf: &Path) -> usize {
    let info = poppler("pdfinfo", &[pdf.as_os_str()]);
    let line = info.lines().find(|l| l.starts_with("Pages:")).expect("pdfinfo names the page count");
    line["Pages:".len()..].trim().parse().expect("a number")
}

fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    poppler(
        "pdftotext",
        &["-f".as_ref(), page.as_ref(), "-l".as_ref(), page.as_ref(), pdf.as_os_str(), "-".as_ref()],
    )
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every title and every body text of the issue, in print order.
fn texts_in_order(issue: &Issue) -> Vec<String> {
    let mut texts = Vec::new();
    for article in &issue.articles {
        texts.push(article.title_text());
        for block in &article.body {
            if !matches!(block, Block::Image { .. }) {
                texts.push(block.plain_text());
            }
        }
        texts.extend(article.attribution_lines());
    }
    texts
}

/// The horizontal middle of the page number `— N —` on page `page`, as a share of the page
/// width, from poppler's word boxes.
fn page_number_position(pdf: &Path, page: usize) -> Option<f32> {
    let number = page.to_string();
    let html = poppler(
        "pdftotext",
        &[
            "-bbox".as_ref(),
            "-f".as_ref(),
            number.as_ref(),
            "-l".as_ref(),
            number.as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    let attribute = |tag: &str, name: &str| -> f32 {
        let start = tag.find(&format!("{name}=\"")).expect("poppler writes the box") + name.len() + 2;
        tag[start..].split('"').next().expect("quoted").parse().expect("a number")
    };
    let page_tag = html.lines().find(|l| l.trim_start().starts_with("<page"))?;
    let (width, height) = (attribute(page_tag, "width"), attribute(page_tag, "height"));
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word") && l.contains(&format!(">{number}</word>")))
        .filter(|l| attribute(l, "yMin") > 0.85 * height)
        .map(|l| (attribute(l, "xMin") + attribute(l, "xMax")) / 2.0 / width)
        .next()
}

#[test]
fn libreoffice_lays_the_word_export_out_like_our_pdf() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let issue = test_issue();
    let publication = Publication::lianluo_dongtai();
    let docx_path = dir.path().join("issue.docx");
    let docx = export(&issue, &publication);
    std::fs::write(&docx_path, &docx).expect("can write the .docx");
    let line_grid_path = dir.path().join("line-grid.docx");
    std::fs::write(&line_grid_path, with_line_grid(&docx)).expect("can write the copy");
    let ours = export_pdf(
        &issue,
        &publication,
        fonts(),
        &ExportRequest { proof_round: None, timestamp: timestamp() },
    )
    .expect("our PDF");
    let ours_path = dir.path().join("ours.pdf");
    std::fs::write(&ours_path, &ours.bytes).expect("can write our PDF");
    let theirs = convert_with_libreoffice(&docx_path, dir.path());
    if let Some(keep) = std::env::var_os("JIANBAO_KEEP_DOCX_PDF") {
        // For looking at the two side by side (pdftoppm).
        std::fs::copy(&theirs, Path::new(&keep).join("libreoffice.pdf")).expect("can keep LibreOffice's PDF");
        std::fs::copy(&ours_path, Path::new(&keep).join("ours.pdf")).expect("can keep our PDF");
        std::fs::copy(&docx_path, Path::new(&keep).join("issue.docx")).expect("can keep the .docx");
    }

    let line_grid_pages = page_count(&convert_with_libreoffice(&line_grid_path, dir.path()));
    let our_pages = page_count(&ours_path);
    assert!(our_pages >= 3, "the test issue runs to several pages: {our_pages}");
    assert!(
        line_grid_pages.abs_diff(our_pages) <= 1,
        "LibreOffice: {line_grid_pages} pages, our PDF: {our_pages}"
    );
    let pages = page_count(&theirs);

    let all: String = (1..=pages)
        .map(|p| without_spaces(&golden_support::without_page_numbers(&page_text(&theirs, p))))
        .collect();
    let mut from = 0;
    for text in texts_in_order(&issue) {
        let wanted = without_spaces(&text);
        let found =
            all[from..].find(&wanted).unwrap_or_else(|| panic!("“{text}” appears after what came before"));
        from += found + wanted.len();
    }
    let last = without_spaces(&page_text(&theirs, pages));
    for line in ["送：全国人大常委会代表工作委员会", "责任编辑：汤建", "批准文号：湘党简准字〔2000〕第28号"]
    {
        assert!(last.contains(line), "the 报尾 ends the last page: {line}\n{last}");
    }
    for page in 1..=pages {
        let position =
            page_number_position(&theirs, page).unwrap_or_else(|| panic!("page {page} is numbered"));
        if page % 2 == 1 {
            assert!(position > 0.6, "odd page {page} numbered at the right: {position}");
        } else {
            assert!(position < 0.4, "even page {page} numbered at the left: {position}");
        }
    }
}
