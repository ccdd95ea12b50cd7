//! The Word export's structure, read back from the .docx with zip + quick-xml: the house
//! styles by name, the page and grid, the masthead, the 要目, the articles in order and the
//! 报尾, page numbers odd right / even left, and Chinese line breaking.

mod docx_support;

use docx_support::{ReadParagraph, export, paragraphs, part, part_names, test_issue};
use jianbao::docx::ParagraphStyle;
use jianbao::domain::Publication;

fn style_of(paragraph: &ReadParagraph) -> Option<ParagraphStyle> {
    let id = paragraph.style.as_deref()?;
    ParagraphStyle::ALL.into_iter().find(|style| style.id() == id)
}

fn body_paragraphs() -> Vec<ReadParagraph> {
    let docx = export(&test_issue(), &Publication::lianluo_dongtai());
    paragraphs(&part(&docx, "word/document.xml"))
}

#[test]
fn every_paragraph_names_a_house_style() {
    for paragraph in body_paragraphs() {
        assert!(style_of(&paragraph).is_some(), "formatting comes from a named style: {paragraph:?}");
    }
}

#[test]
fn the_styles_are_named_in_chinese_with_the_office_fonts_in_the_east_asian_slot() {
    let docx = export(&test_issue(), &Publication::lianluo_dongtai());
    let styles = part(&docx, "word/styles.xml");
    for style in ParagraphStyle::ALL {
        let declared = format!(r#"w:styleId="{}""#, style.id());
        assert!(styles.contains(&declared), "{} is declared", style.name());
        assert!(
            styles.contains(&format!(r#"<w:name w:val="{}" />"#, style.name())),
            "{} is named",
            style.name()
        );
    }
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] {
        assert!(styles.contains(&format!(r#"w:eastAsia="{font}""#)), "{font} is set for Chinese text");
    }
    assert!(styles.contains(r#"w:eastAsia="zh-CN""#), "the text is marked as Chinese");
    assert!(styles.contains(r#"<w:kinsoku w:val="1" />"#), "Chinese line breaking is on");
    assert!(styles.contains(r#"w:color w:val="FF3333""#) || styles.contains(r#"<w:color w:val="FF3333" />"#));
    let settings = part(&docx, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders"), "odd and even pages have their own footers");
    assert!(settings.contains(r#"<w:noLineBreaksBefore w:lang="zh-CN""#), "{settings}");
}

#[test]
fn the_page_is_a4_with_the_profiles_margins_and_the_28_by_22_grid() {
    let docx = export(&test_issue(), &Publication::lianluo_dongtai());
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4 in twips");
    // 37, 28, 35, 26 mm.
    for margin in [r#"w:top="2098""#, r#"w:left="1587""#, r#"w:bottom="1984""#, r#"w:right="1474""#] {
        assert!(document.contains(margin), "{margin}");
    }
    assert!(document.contains(r#"<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="#), "grid");
    let footers: Vec<_> = part_names(&docx).into_iter().filter(|n| n.starts_with("word/footer")).collect();
    assert_eq!(footers.len(), 2, "an odd and an even footer: {footers:?}");
    let mut sides = Vec::new();
    for footer in &footers {
        let xml = part(&docx, footer);
        assert!(xml.contains("PAGE"), "the footer numbers the page");
        let text: String = paragraphs(&xml).iter().map(|p| p.text.clone()).collect();
        assert_eq!(text, "— 1 —", "`— N —` around the page field");
        sides.push(if xml.contains(r#"<w:jc w:val="right" />"#) { "right" } else { "left" });
    }
    sides.sort_unstable();
    assert_eq!(sides, ["left", "right"], "odd pages right, even pages left (GB/T 9704-2012 §7.5)");
}

#[test]
fn the_masthead_and_the_contents_open_the_document() {
    let paragraphs = body_paragraphs();
    let opening: Vec<_> = paragraphs.iter().take(9).map(|p| (style_of(p), p.text.as_str())).collect();
    assert_eq!(
        opening,
        [
            (Some(ParagraphStyle::MastheadName), "联络动态"),
            (Some(ParagraphStyle::IssueNumber), "第21期"),
            (Some(ParagraphStyle::IssueNumber), "（总第七百六十期）"),
            (Some(ParagraphStyle::EditingLine), "湖南省人大常委会代表工作委员会编\t2026年11月30日"),
            (Some(ParagraphStyle::TocHeading), "要\u{3000}目"),
            (Some(ParagraphStyle::TocEntry), "●桃源县：代表联络站走进田间地头听民声"),
            (Some(ParagraphStyle::TocEntry), "●慈利县开展代表履职培训"),
            (Some(ParagraphStyle::Title), "桃源县：代表联络站\n走进田间地头听民声"),
            (Some(ParagraphStyle::Subtitle), "——记县人大常委会开展“代表进站”活动"),
        ]
    );
}

#[test]
fn articles_follow_in_print_order_with_their_furniture() {
    let paragraphs = body_paragraphs();
    let styles: Vec<_> = paragraphs.iter().skip(7).filter_map(style_of).collect();
    use ParagraphStyle::*;
    assert_eq!(
        styles,
        [
            Title,
            Subtitle,
            Byline,
            EditorNote,
            Heading1,
            Body,
            Heading2,
            Body,
            Heading3,
            Body,
            Picture,
            Caption,
            Body,
            Attribution,
            Title,
            Body,
            Body,
            Attribution,
            Attribution,
            Imprint,
            Imprint,
            Imprint,
        ]
    );
    let note = paragraphs.iter().find(|p| style_of(p) == Some(EditorNote)).expect("a note");
    assert!(note.text.starts_with("【编者按】基层代表联络站"), "{}", note.text);
    let attributions: Vec<_> =
        paragraphs.iter().filter(|p| style_of(p) == Some(Attribution)).map(|p| p.text.as_str()).collect();
    assert_eq!(
        attributions,
        ["（桃源县人大常委会 供稿）", "（摘编自《张家界日报》）", "（慈利县人大常委会 供稿）"]
    );
}

#[test]
fn the_imprint_closes_the_document_between_its_rules() {
    let docx = export(&test_issue(), &Publication::lianluo_dongtai());
    let document = part(&docx, "word/document.xml");
    let paragraphs = paragraphs(&document);
    let imprint: Vec<_> = paragraphs.iter().rev().take(3).rev().map(|p| p.text.as_str()).collect();
    assert!(
        imprint[0].starts_with("送：全国人大常委会代表工作委员会，")
            && imprint[0].ends_with("各市州、县市区人大常委会。")
    );
    assert_eq!(imprint[1], "责任编辑：汤\u{3000}建\t联系方式：0731-85309319 hnrdlgwxrc@163.com");
    assert_eq!(imprint[2], "批准文号：湘党简准字〔2000〕第28号");
    let tail = &document[document.rfind("送：").expect("the imprint")..];
    let before = &document[..document.rfind("送：").expect("the imprint")];
    let recipients_props = &before[before.rfind("<w:pPr>").expect("its properties")..];
    assert!(
        recipients_props.contains(r#"<w:top w:val="single" w:space="1" w:sz="8""#),
        "thick rule above: {recipients_props}"
    );
    assert!(
        recipients_props.contains(r#"<w:bottom w:val="single" w:space="1" w:sz="6""#),
        "thin rule below the recipients"
    );
    assert!(
        tail.contains(r#"<w:bottom w:val="single" w:space="1" w:sz="8""#),
        "thick rule closing the imprint"
    );
}

#[test]
fn the_picture_is_embedded_at_most_the_text_width() {
    let docx = export(&test_issue(), &Publication::lianluo_dongtai());
    assert!(part_names(&docx).iter().any(|n| n.starts_with("word/media/")), "the picture is in the file");
    let document = part(&docx, "word/document.xml");
    let extent = &document[document.find("<wp:extent").expect("an inline picture")..];
    let cx: u64 = extent.split('"').nth(1).expect("cx").parse().expect("a number");
    assert!(cx <= 156 * 36_000 + 100, "not wider than the 156 mm text block: {cx} EMU");
}

#[test]
fn a_final_export_prints_the_settled_text_without_marks() {
    let mut issue = test_issue();
    let suggestion = jianbao::domain::Suggestion {
        kind: jianbao::domain::SuggestionKind::Insertion,
        id: 1,
        author: "周校对".into(),
        at: "2026-11-29T10:00:00Z".into(),
    };
    issue.articles[1].body[0] = jianbao::domain::Block::Paragraph {
        content: vec![
            jianbao::domain::Inline::plain("培训班"),
            jianbao::domain::Inline {
                suggestion: Some(suggestion),
                ..jianbao::domain::Inline::plain("第二期")
            },
            jianbao::domain::Inline::plain("开班。"),
        ],
    };
    let docx = export(&issue, &Publication::lianluo_dongtai());
    let document = part(&docx, "word/document.xml");
    assert!(
        document.contains("培训班开班。") || paragraphs(&document).iter().any(|p| p.text == "培训班开班。")
    );
    assert!(!document.contains("第二期"), "a pending insertion does not print");
    assert!(!document.contains("<w:ins "), "no tracked changes in the final document");
}
