//! Whole-issue tests: the three printed fixtures laid out with the test metrics, checked
//! for the invariants every page and line must hold.

use std::collections::BTreeMap;

use super::blocks::FlowBlock;
use super::collect::{self, Styles};
use super::punctuation::{Blank, CharClass, blank_side, class_of, no_line_end, no_line_start};
use super::test_metrics::{FALLBACK_ONLY, MISSING, TestMetrics};
use super::typeset::Typesetter;
use super::*;
use crate::domain::{Block, CompressionStyle, IssueFile};

const FIXTURES: [&str; 3] = [
    include_str!("../../../tests/fixtures/lianluo-2024-18.json"),
    include_str!("../../../tests/fixtures/lianluo-2025-12.json"),
    include_str!("../../../tests/fixtures/lianluo-2025-13.json"),
];

fn fixtures() -> Vec<IssueFile> {
    FIXTURES.iter().map(|json| IssueFile::from_json(json).expect("fixtures are valid issue files")).collect()
}

/// Each fixture in each compression style (全角, 开明, 半角): the invariants hold for all.
fn fixtures_in_every_style() -> Vec<IssueFile> {
    let styles = [CompressionStyle::FullWidth, CompressionStyle::Kaiming, CompressionStyle::HalfWidth];
    let mut files = Vec::new();
    for style in styles {
        for mut file in fixtures() {
            file.publication.layout.compression = style;
            files.push(file);
        }
    }
    files
}

fn lay_out(file: &IssueFile, options: &LayoutOptions) -> LaidOutIssue {
    layout_issue(&file.issue, &file.publication, &TestMetrics, options)
}

/// The glyphs of one printed line: (char, x, size) in x order.
type Line = Vec<(char, f32, f32)>;

/// Lines of text inside the text block, per page, top to bottom.
fn text_lines(page: &Page, g: &Geometry) -> Vec<Line> {
    let mut by_baseline: BTreeMap<i64, Line> = BTreeMap::new();
    for item in &page.items {
        if let Item::Text(run) = item {
            if run.baseline_y_pt < g.top || run.baseline_y_pt > g.bottom() || run.size_pt < 10.0 {
                continue; // page numbers and proof line numbers
            }
            let line = by_baseline.entry((run.baseline_y_pt * 100.0).round() as i64).or_default();
            line.extend(run.glyphs.iter().map(|glyph| (glyph.ch, glyph.x_pt, run.size_pt)));
        }
    }
    by_baseline
        .into_values()
        .map(|mut line| {
            line.sort_by(|a, b| a.1.total_cmp(&b.1));
            line
        })
        .collect()
}

fn line_text(line: &Line) -> String {
    line.iter().map(|(ch, ..)| ch).collect()
}

/// Right edge of a glyph's box as the layout measures it, taking a line-end closing mark at
/// ½ em.
fn box_end(ch: char, x: f32, size: f32, g: &Geometry) -> f32 {
    let class = class_of(ch);
    let em = if class == CharClass::Latin { size } else { g.cell_for(size) };
    let advance = TestMetrics.advance_em(FontKey(0), ch) * em;
    if blank_side(class) == Blank::Right { x + advance.min(em / 2.0) } else { x + advance }
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn fixtures_no_line_starts_or_ends_with_a_forbidden_mark() {
    for file in fixtures_in_every_style() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        for (p, page) in laid.pages.iter().enumerate() {
            for line in text_lines(page, &g) {
                let text = line_text(&line);
                let first = line[0].0;
                let last = line[line.len() - 1].0;
                assert!(!no_line_start(first), "page {} line starts with {first}: {text}", p + 1);
                assert!(!no_line_end(last), "page {} line ends with {last}: {text}", p + 1);
            }
        }
    }
}

#[test]
fn fixtures_no_glyph_beyond_the_text_block() {
    for file in fixtures_in_every_style() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        for page in &laid.pages {
            for line in text_lines(page, &g) {
                let &(ch, x, size) = line.last().expect("lines are not empty");
                let end = box_end(ch, x, size, &g);
                assert!(end <= g.right() + 0.01, "{} ends at {end} > {}", line_text(&line), g.right());
                // A compressed opening mark is drawn from where its cut blank half would have
                // begun: its ink still starts on the edge.
                let (first, x, size) = line[0];
                let blank = if class_of(first) == CharClass::Opening { g.cell_for(size) / 2.0 } else { 0.0 };
                assert!(x + blank >= g.left - 0.01, "{} starts left of the block", line_text(&line));
            }
        }
    }
}

#[test]
fn fixtures_justified_lines_end_exactly_on_the_right_edge() {
    for file in fixtures_in_every_style() {
        let profile = &file.publication.layout;
        let g = Geometry::of(profile);
        let styles = Styles::new(profile, g);
        let mut typesetter = Typesetter::new(&TestMetrics, profile.compression, g);
        let mut checked = 0;
        for block in collect::articles(&file.issue.articles, &styles, false) {
            let FlowBlock::Text(text) = block else { continue };
            if text.align != justify::Align::Justify {
                continue;
            }
            let slots = typesetter.set_text(&text);
            for slot in &slots[..slots.len() - 1] {
                let last = slot.items.iter().rev().find_map(|item| match item {
                    Item::Text(run) => run.glyphs.last().map(|glyph| (glyph.ch, glyph.x_pt, run.size_pt)),
                    _ => None,
                });
                let (ch, x, size) = last.expect("a set line has glyphs");
                let end = box_end(ch, x, size, &g);
                assert!(
                    (end - g.right()).abs() < 0.01,
                    "line ending in {ch} ends at {end}, edge {}",
                    g.right()
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "the fixtures have many full lines, checked {checked}");
    }
}

#[test]
fn fixtures_every_character_appears_once_in_order() {
    for file in fixtures_in_every_style() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        let stream: String =
            laid.pages.iter().flat_map(|page| text_lines(page, &g)).map(|l| line_text(&l)).collect();
        let paragraphs: Vec<String> = file
            .issue
            .articles
            .iter()
            .flat_map(|a| a.body.iter().map(Block::plain_text).chain(a.attribution_lines()))
            .map(|text| without_spaces(&text))
            .filter(|text| !text.is_empty())
            .collect();
        let mut from = 0;
        for paragraph in &paragraphs {
            let found = stream[from..].find(paragraph.as_str());
            let at = found.unwrap_or_else(|| panic!("paragraph missing or out of order: {paragraph}"));
            from += at + paragraph.len();
            let in_input = paragraphs.iter().filter(|p| *p == paragraph).count();
            assert_eq!(stream.matches(paragraph.as_str()).count(), in_input, "duplicated: {paragraph}");
        }
        let expected: usize =
            file.issue.articles.iter().map(|a| without_spaces(&a.title_text()).chars().count()).sum();
        let titles: usize = file.issue.articles.iter().filter(|a| stream.contains(&a.title_text())).count();
        assert_eq!(
            titles,
            file.issue.articles.len(),
            "every title appears joined in the 要目 ({expected} chars)"
        );
    }
}

#[test]
fn fixtures_footer_on_the_last_page_with_its_last_rule_on_the_bottom_edge() {
    for file in fixtures_in_every_style() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        let last = laid.pages.last().expect("an issue has pages");
        let lowest_rule = last
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Rule { y1_pt, .. } => Some(*y1_pt),
                _ => None,
            })
            .fold(f32::MIN, f32::max);
        assert!((lowest_rule - g.bottom()).abs() < 0.01, "last rule at {lowest_rule}, bottom {}", g.bottom());
        let text: String = text_lines(last, &g).iter().map(line_text).collect();
        assert!(text.contains("送：全国人大常委会代表工作委员会，"), "recipients on the last page");
        assert!(text.contains("批准文号：湘党简准字〔2000〕第28号"));
        for page in &laid.pages[..laid.pages.len() - 1] {
            let text: String = text_lines(page, &g).iter().map(line_text).collect();
            assert!(!text.contains("批准文号"), "the 报尾 appears only once, on the last page");
        }
    }
}

#[test]
fn fixtures_no_page_ends_with_a_heading() {
    for file in fixtures_in_every_style() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        let headings: Vec<String> = file
            .issue
            .articles
            .iter()
            .flat_map(|a| {
                a.body
                    .iter()
                    .filter(|b| matches!(b, Block::Heading { .. }))
                    .map(Block::plain_text)
                    .chain(a.title.clone())
            })
            .collect();
        assert!(!headings.is_empty());
        for page in &laid.pages[..laid.pages.len() - 1] {
            let lines = text_lines(page, &g);
            let last = line_text(lines.last().expect("pages before the last are not empty"));
            assert!(!headings.iter().any(|h| h.contains(&last)), "page ends with heading line {last}");
        }
    }
}

#[test]
fn masthead_prints_name_numbers_unit_and_date_on_page_one() {
    let file = &fixtures()[2];
    let laid = lay_out(file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    let lines: Vec<String> = text_lines(&laid.pages[0], &g).iter().map(line_text).collect();
    assert_eq!(lines[0], "联络动态");
    assert_eq!(lines[1], "第13期");
    assert_eq!(lines[2], "（总第七百四十一期）");
    assert_eq!(lines[3], "湖南省人大常委会代表工作委员会编2025年9月2日");
    assert_eq!(lines[4], "要　目");
    assert!(
        lines[5].starts_with("娄底市人大常委会通过“四动”赋能推动"),
        "要目 from the joined title: {}",
        lines[5]
    );
    let bullets: Vec<&GlyphRun> = laid.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text(run) if run.glyphs.iter().any(|g| g.ch == '●') => Some(run),
            _ => None,
        })
        .collect();
    assert_eq!(bullets.len(), file.issue.articles.len(), "one 要目 bullet per article");
    assert!(bullets.iter().all(|run| run.size_pt < 16.0), "the bullet is set smaller than the entry");
    let red_rule = laid.pages[0].items.iter().any(|i| matches!(i, Item::Rule { ink: Ink::Red, .. }));
    assert!(red_rule, "the masthead's red rule");
}

#[test]
fn page_numbers_odd_right_even_left() {
    let file = &fixtures()[2];
    let laid = lay_out(file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    assert!(laid.pages.len() >= 2);
    for page in &laid.pages {
        let number = page
            .items
            .iter()
            .find_map(|item| match item {
                Item::Text(run) if run.baseline_y_pt > g.bottom() => Some(run),
                _ => None,
            })
            .expect("every page is numbered");
        let text: String = number.glyphs.iter().map(|glyph| glyph.ch).collect();
        assert_eq!(text, format!("—{}—", page.number));
        let drop = number.baseline_y_pt - g.bottom();
        assert!(drop > 7.0 * PT_PER_MM, "7 mm below the text block");
        let first = number.glyphs[0].x_pt;
        let last = number.glyphs.last().expect("non-empty").x_pt + number.size_pt;
        if page.number % 2 == 1 {
            assert!(
                (last - (g.right() - number.size_pt)).abs() < 0.01,
                "odd page: one character in from the right"
            );
        } else {
            assert!(
                (first - (g.left + number.size_pt)).abs() < 0.01,
                "even page: one character in from the left"
            );
        }
    }
}

#[test]
fn outline_has_one_entry_per_article() {
    for file in fixtures() {
        let laid = lay_out(&file, &LayoutOptions::default());
        let titles: Vec<String> = file.issue.articles.iter().map(|a| a.title_text()).collect();
        let outline: Vec<String> = laid.outline.iter().map(|e| e.title.clone()).collect();
        assert_eq!(outline, titles);
    }
}

#[test]
fn odd_page_count_is_warned_or_padded() {
    let mut file = fixtures().remove(0);
    let laid = lay_out(&file, &LayoutOptions::default());
    let odd = laid.pages.len() % 2 == 1;
    let warned = laid.warnings.iter().any(|w| matches!(w, LayoutWarning::OddPageCount { .. }));
    assert_eq!(odd, warned);
    file.publication.layout.pad_to_even_pages = true;
    let padded = lay_out(&file, &LayoutOptions::default());
    assert_eq!(padded.pages.len() % 2, 0);
    assert!(!padded.warnings.iter().any(|w| matches!(w, LayoutWarning::OddPageCount { .. })));
}

#[test]
fn proof_variant_numbers_lines_in_the_left_margin() {
    let file = &fixtures()[1];
    let proof = lay_out(file, &LayoutOptions { proof_round: Some(1) });
    let g = Geometry::of(&file.publication.layout);
    let margin_numbers: Vec<String> = proof.pages[1]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) if run.glyphs.iter().all(|glyph| glyph.x_pt < g.left) => {
                Some(run.glyphs.iter().map(|glyph| glyph.ch).collect())
            }
            _ => None,
        })
        .collect();
    assert_eq!(margin_numbers.first().map(String::as_str), Some("1"));
    assert!(margin_numbers.len() >= 20, "a full page has about 22 numbered lines");
}

#[test]
fn missing_glyphs_are_reported_not_dropped() {
    let mut file = fixtures().remove(0);
    file.issue.articles[0].body.insert(0, Block::paragraph(&format!("缺{MISSING}字")));
    let laid = lay_out(&file, &LayoutOptions::default());
    assert!(laid.warnings.contains(&LayoutWarning::MissingGlyphs { chars: vec![MISSING] }));
    let g = Geometry::of(&file.publication.layout);
    let stream: String = laid.pages.iter().flat_map(|p| text_lines(p, &g)).map(|l| line_text(&l)).collect();
    assert!(stream.contains(&format!("缺{MISSING}字")));
}

#[test]
fn fallback_glyphs_are_reported() {
    let mut file = fixtures().remove(0);
    file.issue.articles[0].body.insert(0, Block::paragraph(&format!("朱{FALLBACK_ONLY}基")));
    let laid = lay_out(&file, &LayoutOptions::default());
    assert!(laid.warnings.contains(&LayoutWarning::FallbackGlyphs { chars: vec![FALLBACK_ONLY] }));
}

#[test]
fn overlong_title_line_is_balanced_and_warned() {
    let mut file = fixtures().remove(0);
    file.issue.articles[0].title =
        vec!["关于进一步做好新时代“三会三文”精神贯彻落实工作的若干意见和建议".into()];
    let laid = lay_out(&file, &LayoutOptions::default());
    assert!(laid.warnings.contains(&LayoutWarning::OverlongTitleLine { article: 0, line: 0 }));
    let g = Geometry::of(&file.publication.layout);
    let title_lines: Vec<String> = text_lines(&laid.pages[0], &g)
        .iter()
        .filter(|line| line[0].2 == file.publication.layout.title_size_pt)
        .map(line_text)
        .collect();
    assert_eq!(title_lines.len(), 2, "{title_lines:?}");
    let lengths: Vec<usize> = title_lines.iter().map(|l| l.chars().count()).collect();
    assert!(
        lengths[0].abs_diff(lengths[1]) <= 2,
        "balanced lines, not a full line and a stub: {title_lines:?}"
    );
    assert!(!title_lines[0].contains('“') || title_lines[0].contains('”'), "no break inside a quoted term");
}

#[test]
fn compression_styles_shorten_the_issue_or_keep_it() {
    let mut file = fixtures().remove(2);
    let lines = |file: &IssueFile| {
        let laid = lay_out(file, &LayoutOptions::default());
        let g = Geometry::of(&file.publication.layout);
        laid.pages.iter().map(|p| text_lines(p, &g).len()).sum::<usize>()
    };
    let full = lines(&file);
    file.publication.layout.compression = CompressionStyle::HalfWidth;
    let half = lines(&file);
    assert!(half < full, "half-width marks save lines: {half} vs {full}");
}

#[test]
fn eight_page_issue_lays_out_fast() {
    let mut file = fixtures().remove(2);
    let articles = file.issue.articles.clone();
    file.issue.articles.extend(articles.iter().cloned());
    file.issue.articles.extend(articles);
    let laid = lay_out(&file, &LayoutOptions::default());
    assert!(laid.pages.len() >= 6, "tripled issue is long: {} pages", laid.pages.len());
}

#[test]
fn footer_sets_editor_left_and_contact_right_on_one_line() {
    let mut file = fixtures().remove(2);
    file.publication.footer.email = "lw@hn.cn".into();
    let laid = lay_out(&file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    let lines: Vec<String> =
        text_lines(laid.pages.last().expect("pages"), &g).iter().map(line_text).collect();
    assert!(lines.contains(&"责任编辑：汤　建联系方式：0731-85309319lw@hn.cn".to_owned()), "{lines:?}");

    let mut long = file;
    long.publication.footer.email = "a-long-address-for-the-editorial-office@example.org".into();
    let laid = lay_out(&long, &LayoutOptions::default());
    let lines: Vec<String> =
        text_lines(laid.pages.last().expect("pages"), &g).iter().map(line_text).collect();
    assert!(
        lines.contains(&"责任编辑：汤　建".to_owned()),
        "too wide: the contact goes to its own line {lines:?}"
    );
}

#[test]
fn empty_blocks_and_articles_lay_out_without_panicking() {
    let mut file = fixtures().remove(0);
    file.issue.articles[0].body.insert(0, Block::Paragraph { content: vec![] });
    file.issue.articles[0].title.push(String::new());
    let laid = lay_out(&file, &LayoutOptions::default());
    assert!(!laid.pages.is_empty());
    file.issue.articles.clear();
    let laid = lay_out(&file, &LayoutOptions::default());
    assert_eq!(laid.pages.len(), 1, "masthead and 报尾 alone fit on one page");
}

#[test]
fn masthead_total_on_the_same_line_when_the_profile_says_so() {
    let mut file = fixtures().remove(2);
    file.publication.layout.masthead_total_placement = crate::domain::MastheadTotalPlacement::SameLine;
    let laid = lay_out(&file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    let lines: Vec<String> = text_lines(&laid.pages[0], &g).iter().map(line_text).collect();
    assert_eq!(lines[1], "第13期（总第七百四十一期）");
    assert_eq!(lines[2], "湖南省人大常委会代表工作委员会编2025年9月2日");
}

#[test]
fn each_article_starts_a_new_page_when_the_profile_says_so() {
    let mut file = fixtures().remove(1);
    let together = lay_out(&file, &LayoutOptions::default());
    file.publication.layout.article_starts_new_page = true;
    let apart = lay_out(&file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    for entry in &apart.outline {
        let page = &apart.pages[entry.page_index];
        let first_line = line_text(&text_lines(page, &g)[0]);
        assert!(entry.title.starts_with(&first_line), "{} opens its page, not {first_line}", entry.title);
        assert!((entry.y_pt - g.grid_top).abs() < 0.01);
    }
    assert!(apart.pages.len() > together.pages.len());
}

#[test]
fn image_is_centred_within_the_text_width_with_its_caption_below() {
    let mut file = fixtures().remove(0);
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAYAAA==";
    file.issue.articles[0]
        .body
        .insert(1, Block::Image { src: png.into(), caption: Some("图为会议现场".into()) });
    let laid = lay_out(&file, &LayoutOptions::default());
    let g = Geometry::of(&file.publication.layout);
    let (page, image) = laid
        .pages
        .iter()
        .find_map(|page| {
            page.items.iter().find_map(|item| match item {
                Item::Image { x_pt, y_pt, width_pt, height_pt, .. } => {
                    Some((page, (*x_pt, *y_pt, *width_pt, *height_pt)))
                }
                _ => None,
            })
        })
        .expect("the image is placed");
    let (x, y, width, height) = image;
    assert!(
        (width - g.width).abs() < 0.01 && (height - g.width / 3.0).abs() < 0.01,
        "48×16 at the text width"
    );
    assert!((x - g.left).abs() < 0.01);
    let caption = page
        .items
        .iter()
        .find_map(|item| match item {
            Item::Text(run) if run.glyphs.first().map(|glyph| glyph.ch) == Some('图') => Some(run),
            _ => None,
        })
        .expect("caption on the image's page");
    assert!(caption.baseline_y_pt > y + height, "caption below the image");
    assert_eq!(caption.size_pt, 14.0, "四号");
}
