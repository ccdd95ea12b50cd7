//! Golden tests of the PDF export on the three printed issues in tests/fixtures.
//!
//! Checked with poppler, as a print shop or a reader would: pdftotext gives every paragraph
//! back in order (and equals the reference in tests/golden), pdffonts shows every font
//! embedded and subset, pdfinfo counts the expected pages, and small renderings of the first
//! and last page match reference PNGs. `UPDATE=1` rewrites the references; a missing
//! reference fails. The line rules are checked on the laid-out pages the PDF was drawn from.
//!
//! Needs the bundled fonts (assets/fonts/fetch-fonts.sh) and poppler-utils.

mod golden_support;

use golden_support::{FIXTURES, Rendered, compare_or_update, normalise, poppler, rendered};

#[test]
fn extracted_text_equals_the_reference() {
    for r in rendered() {
        let text = poppler("pdftotext", &[r.pdf.as_os_str(), "-".as_ref()]);
        let reference = compare_or_update(&r.golden("txt"), text.as_bytes());
        let reference = String::from_utf8(reference).expect("references are UTF-8 text");
        assert_eq!(
            normalise(&text),
            normalise(&reference),
            "{}: pdftotext output differs from {} (UPDATE=1 rewrites it after a deliberate change)",
            r.name,
            r.golden("txt").display()
        );
    }
}

#[test]
fn every_paragraph_is_extracted_once_in_reading_order() {
    for r in rendered() {
        let text = poppler("pdftotext", &[r.pdf.as_os_str(), "-".as_ref()]);
        let flowing = golden_support::without_page_numbers(&text);
        let mut cursor = 0;
        for expected in golden_support::reading_order(&r.file) {
            let found = flowing[cursor..].find(&expected).unwrap_or_else(|| {
                panic!("{}: “{expected}” is missing or out of order after position {cursor}", r.name)
            });
            cursor += found + expected.len();
        }
        for paragraph in golden_support::body_paragraphs(&r.file) {
            let count = flowing.matches(&paragraph).count();
            assert_eq!(count, 1, "{}: paragraph “{paragraph}” appears {count} times", r.name);
        }
    }
}

#[test]
fn every_font_is_embedded_and_subset_with_unicode() {
    for r in rendered() {
        let table = poppler("pdffonts", &[r.pdf.as_os_str()]);
        let rows: Vec<&str> = table.lines().skip(2).collect();
        assert!(rows.len() >= 3, "{}: a bulletin uses at least three fonts:\n{table}", r.name);
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            let name = columns[0];
            let (tag, _) =
                name.split_once('+').unwrap_or_else(|| panic!("{}: {name} has no subset tag", r.name));
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "{}: tag of {name}",
                r.name
            );
            let flags = &columns[columns.len() - 5..columns.len() - 2];
            assert_eq!(flags, ["yes", "yes", "yes"], "{}: emb/sub/uni of {name}:\n{table}", r.name);
        }
    }
}

#[test]
fn page_count_matches_the_layout_and_the_reference() {
    for r in rendered() {
        let info = poppler("pdfinfo", &[r.pdf.as_os_str()]);
        let pages: usize = info
            .lines()
            .find_map(|line| line.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("{}: pdfinfo gives no page count:\n{info}", r.name));
        assert_eq!(pages, r.laid_out.pages.len(), "{}: the PDF has every laid-out page", r.name);
        let reference = std::fs::read_to_string(r.golden("txt")).unwrap_or_default();
        // pdftotext ends every page with a form feed.
        let reference_pages = reference.matches('\u{c}').count();
        if reference_pages > 0 {
            assert_eq!(pages, reference_pages, "{}: page count differs from the reference", r.name);
        }
        assert!(info.contains("595.276 x 841.89 pts (A4)"), "{}: page size is exactly A4:\n{info}", r.name);
    }
}

#[test]
fn first_and_last_pages_look_like_the_reference_images() {
    for r in rendered() {
        let last = r.laid_out.pages.len();
        for (page, label) in [(1, "p1"), (last, "last")] {
            let image = golden_support::render_page_png(r, page);
            let reference = compare_or_update(&r.golden(&format!("{label}.png")), &image);
            golden_support::assert_images_close(&image, &reference, &format!("{} page {page}", r.name));
        }
    }
}

#[test]
fn the_three_fixtures_are_all_rendered() {
    let names: Vec<&str> = rendered().iter().map(|r: &Rendered| r.name).collect();
    assert_eq!(names, FIXTURES);
}

/// W3C clreq §3.1.7 and GB/T 15834-2011 §5.1: these marks never start a line…
const NO_LINE_START: &str = "，。、；：？！）》〉」』】〕”’…—～·";
/// …and these never end one.
const NO_LINE_END: &str = "（《〈「『【〔“‘";

#[test]
fn extracted_lines_obey_the_breaking_rules() {
    for r in rendered() {
        let text = poppler("pdftotext", &[r.pdf.as_os_str(), "-".as_ref()]);
        let lines =
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !golden_support::is_page_number(l));
        for line in lines {
            let first = line.chars().next().expect("not empty");
            let last = line.chars().last().expect("not empty");
            assert!(
                !NO_LINE_START.contains(first),
                "{}: extracted line starts with a forbidden mark: {line}",
                r.name
            );
            assert!(
                !NO_LINE_END.contains(last),
                "{}: extracted line ends with an opening mark: {line}",
                r.name
            );
        }
    }
}

#[test]
fn lines_obey_the_breaking_rules_and_stay_in_the_text_block() {
    let mut violations = Vec::new();
    for r in rendered() {
        let geometry = jianbao::layout::Geometry::of(&r.file.publication.layout);
        let lines = golden_support::text_lines(&r.laid_out, &geometry);
        assert!(lines.len() > 50, "{}: found {} lines of text", r.name, lines.len());
        for line in lines {
            let where_ = format!("{} page {} line “{}”", r.name, line.page, line.text);
            let first = line.text.chars().next().expect("lines have text");
            let last = line.text.chars().last().expect("lines have text");
            let past_right = line.end - geometry.right();
            if NO_LINE_START.contains(first) {
                violations.push(format!("{where_}: starts with a forbidden mark"));
            }
            if NO_LINE_END.contains(last) {
                violations.push(format!("{where_}: ends with an opening mark"));
            }
            if line.start < geometry.left - 0.05 {
                violations.push(format!("{where_}: starts left of the text block"));
            }
            if past_right > 0.05 {
                violations.push(format!("{where_}: ends {past_right:.2} pt past the text block"));
            }
            // A line that reaches into the last grid cell is justified and must end on the
            // edge, unless it is centred (a title: as much space left as right).
            let centred = ((line.start - geometry.left) + past_right).abs() < 0.5;
            if past_right > -0.25 * geometry.cell && past_right.abs() > 0.05 && !centred {
                violations
                    .push(format!("{where_}: justified line ends {past_right:.2} pt off the right edge"));
            }
        }
    }
    assert!(violations.is_empty(), "{} lines break the rules:\n{}", violations.len(), violations.join("\n"));
}

#[test]
fn the_same_issue_and_time_give_the_same_bytes() {
    let file = golden_support::load_fixture("lianluo-2025-13");
    let fonts = golden_support::fonts();
    let export = |timestamp| {
        let request = jianbao::service::ExportRequest { proof_round: None, timestamp };
        jianbao::service::export_issue_file(&file, fonts, &request).expect("the fixture exports").bytes
    };
    let time = golden_support::fixed_timestamp();
    let first = export(time);
    assert!(first == export(time), "two exports of the same issue at the same time differ");
    assert!(first == rendered()[0].bytes, "an export differs from the one made for the golden tests");
    let later = export(time + chrono::Duration::days(1));
    assert!(first != later, "the export time is written into the file");
}

#[test]
fn a_proof_carries_the_watermark_and_line_numbers() {
    let file = golden_support::load_fixture("lianluo-2025-13");
    let request = jianbao::service::ExportRequest {
        proof_round: Some(2),
        timestamp: golden_support::fixed_timestamp(),
    };
    let proof =
        jianbao::service::export_issue_file(&file, golden_support::fonts(), &request).expect("proof exports");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("proof.pdf");
    std::fs::write(&path, &proof.bytes).expect("temporary folder is writable");
    let text = poppler("pdftotext", &[path.as_os_str(), "-".as_ref()]);
    let first_page = text.split('\u{c}').next().expect("pdftotext gives pages");
    // The watermark is drawn as shapes: visible on the page, absent from the text.
    assert!(!text.contains("校样") && !text.contains("2轮"), "the watermark is not text:\n{first_page}");
    let info = poppler("pdfinfo", &[path.as_os_str()]);
    assert!(info.contains("校样（第2轮）"), "the title names the proof and its round:\n{info}");
    let plain = &rendered()[0];
    let (_, _, proof_pixels) =
        golden_support::decode_png(&golden_support::render_pdf_page_png(&path, 1), "proof");
    let (_, _, plain_pixels) =
        golden_support::decode_png(&golden_support::render_page_png(plain, 1), "plain");
    let greyed = proof_pixels
        .iter()
        .zip(&plain_pixels)
        .filter(|(proof, plain)| u16::from(**proof) + 12 < u16::from(**plain))
        .count();
    assert!(
        greyed * 100 > proof_pixels.len(),
        "the watermark greys at least 1% of the first page ({greyed} of {} pixels)",
        proof_pixels.len()
    );
    let numbers = first_page.lines().filter(|l| l.trim().parse::<u32>().is_ok()).count();
    assert!(numbers >= 10, "the proof's first page numbers its lines ({numbers} numbers found)");
}

#[test]
fn the_outline_has_one_entry_per_article_in_print_order_and_the_metadata_names_the_issue() {
    for r in rendered() {
        let titles = golden_support::utf16_strings_after(&r.bytes, b"/Title");
        let issue = &r.file.issue;
        let document_title = format!(
            "{} {}年第{}期（总第{}期）",
            r.file.publication.name, issue.year, issue.number, issue.total_number
        );
        let mut expected = vec![document_title];
        expected.extend(issue.articles.iter().map(|a| a.title_text()));
        assert_eq!(titles, expected, "{}: document title, then one outline entry per article", r.name);
        let info = poppler("pdfinfo", &[r.pdf.as_os_str()]);
        let unit = &r.file.publication.editing_units[0].name;
        assert!(
            info.contains(&format!("Author:          {unit}")),
            "{}: author is the editing unit:\n{info}",
            r.name
        );
        assert!(
            info.contains("CreationDate:    Tue Sep  2 08:00:00 2025 UTC"),
            "{}: the given time:\n{info}",
            r.name
        );
    }
}

#[test]
fn a_picture_used_twice_is_embedded_once_and_drawn_in_its_box() {
    use base64::Engine;
    let mut file = golden_support::load_fixture("lianluo-2025-13");
    let (width, height) = (60u32, 30u32);
    let mut png_bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png_bytes, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().expect("PNG header");
        writer.write_image_data(&vec![0u8; (width * height) as usize]).expect("PNG data");
    }
    let src =
        format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(&png_bytes));
    let picture = jianbao::domain::Block::Image { src, caption: Some("图为测试图片".into()) };
    for article in &mut file.issue.articles {
        article.body.insert(1, picture.clone());
    }
    let request =
        jianbao::service::ExportRequest { proof_round: None, timestamp: golden_support::fixed_timestamp() };
    let exported =
        jianbao::service::export_issue_file(&file, golden_support::fonts(), &request).expect("exports");
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("picture.pdf");
    std::fs::write(&path, &exported.bytes).expect("temporary folder is writable");
    let list = poppler("pdfimages", &["-list".as_ref(), path.as_os_str()]);
    let drawn = list.lines().skip(2).count();
    assert_eq!(drawn, 2, "the picture is drawn once per article:\n{list}");
    let objects: std::collections::BTreeSet<&str> =
        list.lines().skip(2).filter_map(|l| l.split_whitespace().nth(10)).collect();
    assert_eq!(objects.len(), 1, "both uses share one image object:\n{list}");
    let text = poppler("pdftotext", &[path.as_os_str(), "-".as_ref()]);
    assert_eq!(text.matches("图为测试图片").count(), 2, "captions are drawn");
}
