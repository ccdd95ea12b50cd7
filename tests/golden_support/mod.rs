//! Rendering the fixtures once per test binary, running poppler, and the reference files.

#![allow(dead_code, reason = "each test binary uses a different part of the support code")]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use jianbao::domain::{Block, IssueFile};
use jianbao::fonts::{FontSet, find_font_dir};
use jianbao::layout::LaidOutIssue;
use jianbao::service::{ExportRequest, export_issue_file, lay_out};

pub const FIXTURES: [&str; 3] = ["lianluo-2025-13", "lianluo-2025-12", "lianluo-2024-18"];

/// The export time written into every golden PDF.
pub fn fixed_timestamp() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-09-02T08:00:00Z").expect("valid constant").with_timezone(&Utc)
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[derive(Debug)]
pub struct Rendered {
    pub name: &'static str,
    pub file: IssueFile,
    pub laid_out: LaidOutIssue,
    pub bytes: Vec<u8>,
    pub pdf: PathBuf,
}

impl Rendered {
    pub fn golden(&self, suffix: &str) -> PathBuf {
        repo_root().join("tests/golden").join(format!("{}.{suffix}", self.name))
    }
}

/// The bundled fonts, parsed once; fails with what to run when they are missing.
pub fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = find_font_dir(None).unwrap_or_else(|e| panic!("{}", e.message));
        FontSet::load(&jianbao::domain::FontRoles::default(), &dir)
            .unwrap_or_else(|e| panic!("{}", e.message))
    })
}

pub fn load_fixture(name: &str) -> IssueFile {
    let path = repo_root().join("tests/fixtures").join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    IssueFile::from_json(&text).expect("committed fixtures are valid exchange files")
}

/// The three fixtures exported as PDFs into tests/output.
pub fn rendered() -> &'static [Rendered] {
    static RENDERED: OnceLock<Vec<Rendered>> = OnceLock::new();
    RENDERED.get_or_init(|| FIXTURES.iter().map(|name| render(name)).collect())
}

fn render(name: &'static str) -> Rendered {
    let file = load_fixture(name);
    let request = ExportRequest { proof_round: None, timestamp: fixed_timestamp() };
    let laid_out = lay_out(&file.issue, &file.publication, fonts(), None);
    let exported = export_issue_file(&file, fonts(), &request).expect("the fixtures export");
    let out_dir = repo_root().join("tests/output");
    std::fs::create_dir_all(&out_dir).expect("tests/output can be created");
    let pdf = out_dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf, &exported.bytes).expect("tests/output is writable");
    Rendered { name, file, laid_out, bytes: exported.bytes, pdf }
}

/// Runs a poppler tool and returns its standard output.
pub fn poppler(tool: &str, args: &[&OsStr]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} ({e}): install poppler-utils"));
    assert!(output.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("poppler writes UTF-8")
}

/// With `UPDATE` set, writes `actual` as the reference; otherwise reads the reference, which
/// must exist.
pub fn compare_or_update(path: &Path, actual: &[u8]) -> Vec<u8> {
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(path, actual).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return actual.to_vec();
    }
    std::fs::read(path).unwrap_or_else(|_| {
        panic!(
            "reference {} is missing: run the test with UPDATE=1 to create it, then review it",
            path.display()
        )
    })
}

/// Text without whitespace, pages kept apart by form feeds: what must not change between
/// poppler versions that lay out spaces differently.
pub fn normalise(text: &str) -> String {
    text.chars().filter(|&c| c == '\u{c}' || !c.is_whitespace()).collect()
}

/// The text as one stream: page-number lines (`— 3 —`) and all whitespace removed.
pub fn without_page_numbers(text: &str) -> String {
    text.lines()
        .filter(|line| !is_page_number(line))
        .flat_map(|line| line.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub fn is_page_number(line: &str) -> bool {
    let inner = line.trim().trim_start_matches('—').trim_end_matches('—').trim();
    !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) && line.contains('—')
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a reader finds, in order: the 报名, the 要目, each article, the footer's recipients.
pub fn reading_order(file: &IssueFile) -> Vec<String> {
    let mut parts = vec![file.publication.name.clone()];
    parts.extend(file.issue.articles.iter().map(|a| a.title_text()));
    for article in &file.issue.articles {
        parts.push(article.title_text());
        parts.extend(article.subtitle.iter().cloned());
        parts.extend(article.byline.iter().cloned());
        if !article.editor_note.is_empty() {
            parts.push(article.editor_note.iter().map(|i| i.text.as_str()).collect());
        }
        parts.extend(article.body.iter().map(Block::plain_text));
        parts.extend(article.attribution_lines());
    }
    parts.extend(file.publication.footer.recipients.iter().cloned());
    parts.push(file.publication.footer.approval_number.clone());
    parts.iter().map(|p| squeeze(p)).filter(|p| !p.is_empty()).collect()
}

/// Paragraphs long enough that a second occurrence would be a duplicate, not a coincidence.
pub fn body_paragraphs(file: &IssueFile) -> Vec<String> {
    file.issue
        .articles
        .iter()
        .flat_map(|a| &a.body)
        .filter(|b| matches!(b, Block::Paragraph { .. }))
        .map(|b| squeeze(&b.plain_text()))
        .filter(|p| p.chars().count() >= 12)
        .collect()
}

/// Page `page` (1-based) as a small greyscale PNG.
pub fn render_page_png(r: &Rendered, page: usize) -> Vec<u8> {
    render_pdf_page_png(&r.pdf, page)
}

/// Page `page` (1-based) of the PDF at `pdf` as a small greyscale PNG.
pub fn render_pdf_page_png(pdf: &Path, page: usize) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let prefix = dir.path().join("page");
    let page = page.to_string();
    let args: Vec<&OsStr> = vec![
        "-r".as_ref(),
        "24".as_ref(),
        "-gray".as_ref(),
        "-png".as_ref(),
        "-singlefile".as_ref(),
        "-f".as_ref(),
        page.as_ref(),
        "-l".as_ref(),
        page.as_ref(),
        pdf.as_os_str(),
        prefix.as_os_str(),
    ];
    poppler("pdftoppm", &args);
    std::fs::read(prefix.with_extension("png")).expect("pdftoppm wrote the page")
}

pub fn decode_png(bytes: &[u8], what: &str) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap_or_else(|e| panic!("{what}: not a PNG: {e}"));
    let mut pixels = vec![0; reader.output_buffer_size().expect("small images")];
    let info = reader.next_frame(&mut pixels).unwrap_or_else(|e| panic!("{what}: bad PNG: {e}"));
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

/// Same size, and close: anti-aliasing may differ by a shade, a moved line may not.
pub fn assert_images_close(actual: &[u8], reference: &[u8], what: &str) {
    let (w, h, a) = decode_png(actual, what);
    let (rw, rh, b) = decode_png(reference, what);
    assert_eq!((w, h), (rw, rh), "{what}: image size differs from the reference");
    assert_eq!(a.len(), b.len(), "{what}: pixel format differs from the reference");
    let differing = a.iter().zip(&b).filter(|(x, y)| x.abs_diff(**y) > 64).count();
    let share = differing as f64 / a.len() as f64;
    assert!(
        share < 0.003,
        "{what}: {differing} of {} pixels differ from the reference (UPDATE=1 rewrites it after a deliberate change)",
        a.len()
    );
}

/// One line of laid-out text: the glyphs of a page on one baseline inside the text block.
#[derive(Debug)]
pub struct TextLine {
    pub page: u32,
    pub text: String,
    pub start: f32,
    /// Where the line's last glyph ends: its grid cell, half of it for a closing mark (which
    /// takes ½ em at line end, clreq §3.1.6), or its own advance for Latin and digits.
    pub end: f32,
}

pub fn text_lines(issue: &LaidOutIssue, geometry: &jianbao::layout::Geometry) -> Vec<TextLine> {
    use jianbao::layout::{FontMetrics, Item};
    let mut lines = Vec::new();
    for page in &issue.pages {
        let mut runs: Vec<&jianbao::layout::GlyphRun> = page
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text(run) if !run.glyphs.is_empty() => Some(run),
                _ => None,
            })
            .filter(|run| run.baseline_y_pt <= geometry.bottom() + 1.0)
            .collect();
        runs.sort_by(|a, b| a.baseline_y_pt.total_cmp(&b.baseline_y_pt));
        for group in runs.chunk_by(|a, b| (a.baseline_y_pt - b.baseline_y_pt).abs() < 0.5) {
            let mut glyphs: Vec<(&jianbao::layout::PlacedGlyph, f32)> =
                group.iter().flat_map(|run| run.glyphs.iter().map(|g| (g, run.size_pt))).collect();
            glyphs.sort_by(|a, b| a.0.x_pt.total_cmp(&b.0.x_pt));
            let (last, size) = glyphs[glyphs.len() - 1];
            let cell = geometry.cell_for(size);
            let end = if "，。、；：？！）》〉」』】〕”’".contains(last.ch) {
                last.x_pt + cell / 2.0
            } else if u32::from(last.ch) >= 0x2E80 || "—…".contains(last.ch) {
                last.x_pt + cell
            } else {
                last.x_pt + fonts().advance_em(last.font, last.ch) * size
            };
            lines.push(TextLine {
                page: page.number,
                text: glyphs.iter().map(|(g, _)| g.ch).collect(),
                start: glyphs[0].0.x_pt,
                end,
            });
        }
    }
    lines
}

/// The UTF-16 hex strings following `key` in the file's uncompressed objects, in file order.
pub fn utf16_strings_after(pdf: &[u8], key: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    let key = String::from_utf8_lossy(key);
    text.match_indices(&*key)
        .filter_map(|(at, _)| {
            let rest = text[at + key.len()..].trim_start().strip_prefix("<FEFF")?;
            let hex = &rest[..rest.find('>')?];
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).expect("hex digits"))
                .collect();
            Some(String::from_utf16(&units).expect("valid UTF-16"))
        })
        .collect()
}
