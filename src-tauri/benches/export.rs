//! `make bench`: layout alone and the whole export (layout + PDF) of the 2025-13 fixture and of
//! an issue ten times as long, with the fonts parsed once beforehand as the desktop app keeps
//! them. Prints the PDF sizes and the spacing figures of `pdf::measures`; whole-process time and peak memory are measured on
//! `jianbao-cli render` (see the report in the PR).

use std::hint::black_box;
use std::path::Path;

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use jianbao::domain::{FontRoles, IssueFile};
use jianbao::fonts::{FontSet, find_font_dir};
use jianbao::pdf::measures::{measure_pdf, percentile};
use jianbao::service::{ExportRequest, export_issue_file, lay_out};

fn fixture() -> IssueFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/lianluo-2025-13.json");
    let text = std::fs::read_to_string(&path).expect("the fixture is committed");
    IssueFile::from_json(&text).expect("the fixture is valid")
}

/// The same issue with its articles repeated ten times: cost must grow linearly.
fn ten_times_longer(file: &IssueFile) -> IssueFile {
    let mut long = file.clone();
    long.issue.articles = (0..10).flat_map(|_| file.issue.articles.clone()).collect();
    long
}

fn request() -> ExportRequest {
    let timestamp: DateTime<Utc> =
        DateTime::parse_from_rfc3339("2025-09-02T08:00:00Z").expect("valid constant").with_timezone(&Utc);
    ExportRequest { proof_round: None, timestamp }
}

fn bench_export(c: &mut Criterion) {
    let dir = find_font_dir(None).unwrap_or_else(|e| panic!("{}", e.message));
    c.bench_function("load fonts", |b| {
        b.iter(|| FontSet::load(&FontRoles::default(), &dir).expect("fonts load"));
    });
    let fonts = FontSet::load(&FontRoles::default(), &dir).expect("fonts load");
    let request = request();
    for (name, file) in [("2025-13", fixture()), ("2025-13 x10", ten_times_longer(&fixture()))] {
        let exported = export_issue_file(&file, &fonts, &request).expect("exports");
        eprintln!("{name}: {} pages, PDF {} KiB", exported.page_count, exported.bytes.len() / 1024);
        report_spacing(name, &exported.bytes, &file);
        c.bench_function(&format!("layout {name}"), |b| {
            b.iter(|| lay_out(black_box(&file.issue), &file.publication, &fonts, None));
        });
        c.bench_function(&format!("export {name}"), |b| {
            b.iter(|| export_issue_file(black_box(&file), &fonts, &request).expect("exports"));
        });
    }
}

/// The loose-line figures a print shop looks at (issue 17, point 3): extra space per character
/// gap on justified lines, all and those with numerals or Latin.
fn report_spacing(name: &str, pdf: &[u8], file: &IssueFile) {
    let m = measure_pdf(pdf, &file.publication.layout).expect("our own PDF reads back");
    let max = |v: &[f32]| v.iter().copied().fold(0.0, f32::max);
    eprintln!(
        "{name}: extra gap per justified line max {:.2} pt, p95 {:.2} pt; with numerals/Latin max {:.2} pt, \
         p95 {:.2} pt; {} widows, {} orphans",
        max(&m.gaps),
        percentile(&m.gaps, 0.95),
        max(&m.gaps_with_latin),
        percentile(&m.gaps_with_latin, 0.95),
        m.widows,
        m.orphans,
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_export
}
criterion_main!(benches);
