//! Shared by the Word export tests: an issue written for them, the .docx unzipped, and its
//! paragraphs read back as (style, text) with quick-xml.
#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::io::{Cursor, Read};

use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use jianbao::docx::{DocxOptions, write_docx};
use jianbao::domain::{Article, Block, Inline, Issue, IssueKind, IssueStatus, Publication};
use quick_xml::Reader;
use quick_xml::events::Event;

pub fn timestamp() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-30T09:00:00Z").expect("valid constant").with_timezone(&Utc)
}

/// A 40 × 30 PNG as a `data:` URL.
pub fn picture() -> String {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 40, 30);
        encoder.set_color(png::ColorType::Rgb);
        let mut writer = encoder.write_header().expect("PNG header");
        writer.write_image_data(&[200u8; 40 * 30 * 3]).expect("PNG data");
    }
    format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// A paragraph of about `sentences` × 40 characters, of words written for these tests.
pub fn long_paragraph(seed: &str, sentences: usize) -> String {
    (0..sentences)
        .map(|i| format!("{seed}第{}项工作按计划推进，各乡镇代表联络站本月共接待群众来访四十余人次，收集意见建议十二条。", i + 1))
        .collect()
}

pub fn first_article() -> Article {
    Article {
        title: vec!["桃源县：代表联络站".into(), "走进田间地头听民声".into()],
        subtitle: Some("——记县人大常委会开展“代表进站”活动".into()),
        byline: Some("青石".into()),
        editor_note: vec![Inline::plain(
            "基层代表联络站是代表联系群众的桥梁，本期刊发桃源县的做法，供各地参考。",
        )],
        body: vec![
            Block::heading(1, "一、建好站点"),
            Block::paragraph(&long_paragraph("建站", 6)),
            Block::heading(2, "（一）选址靠近群众"),
            Block::paragraph(&long_paragraph("选址", 5)),
            Block::heading(3, "1.定期接待"),
            Block::Paragraph {
                content: vec![
                    Inline::plain("每月第一周，"),
                    Inline::styled("一是", true),
                    Inline::plain("代表轮流进站值班。"),
                ],
            },
            Block::Image { src: picture(), caption: Some("图为代表在联络站接待群众".into()) },
            Block::paragraph(&long_paragraph("接待", 8)),
        ],
        contributors: vec!["桃源县人大常委会".into()],
        ..Article::empty()
    }
}

pub fn second_article() -> Article {
    Article {
        title: vec!["慈利县开展代表履职培训".into()],
        body: vec![
            Block::paragraph(&long_paragraph("培训", 10)),
            Block::paragraph(&long_paragraph("考核", 9)),
        ],
        contributors: vec!["慈利县人大常委会".into()],
        source: Some("《张家界日报》".into()),
        ..Article::empty()
    }
}

pub fn test_issue() -> Issue {
    Issue {
        kind: IssueKind::Regular,
        year: 2026,
        number: 21,
        total_number: 760,
        date: NaiveDate::from_ymd_opt(2026, 11, 30).expect("valid date"),
        status: IssueStatus::FirstProof,
        editor_note: vec![],
        imprint: None,
        articles: vec![first_article(), second_article()],
    }
}

pub fn export(issue: &Issue, publication: &Publication) -> Vec<u8> {
    write_docx(issue, publication, &DocxOptions { timestamp: timestamp(), review: None }).expect("exports")
}

pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx is a zip archive");
    let mut file = archive.by_name(name).unwrap_or_else(|_| panic!("the .docx has {name}"));
    let mut text = String::new();
    file.read_to_string(&mut text).expect("XML parts are UTF-8");
    text
}

pub fn part_names(docx: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx is a zip archive");
    archive.file_names().map(|name| name.expect("a UTF-8 name").into_owned()).collect()
}

/// One `w:p` of a part: its style id and its text, deleted text in `[-…-]` and inserted
/// (tracked) text in `{+…+}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadParagraph {
    pub style: Option<String>,
    pub text: String,
}

pub fn paragraphs(xml: &str) -> Vec<ReadParagraph> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current = ReadParagraph { style: None, text: String::new() };
    let mut in_text = false;
    // `w:tab` is also a tab stop inside `w:tabs`, which is no text.
    let mut in_tabs = false;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                let value = e.attributes().flatten().find(|a| a.key.as_ref() == "w:val").expect("w:val");
                current.style = Some(value.value.to_string());
            }
            Event::Start(e) if matches!(e.name().as_ref(), "w:t" | "w:delText") => in_text = true,
            Event::Start(e) if e.name().as_ref() == "w:ins" => current.text.push_str("{+"),
            Event::Start(e) if e.name().as_ref() == "w:del" => current.text.push_str("[-"),
            Event::End(e) if e.name().as_ref() == "w:ins" => current.text.push_str("+}"),
            Event::End(e) if e.name().as_ref() == "w:del" => current.text.push_str("-]"),
            Event::Empty(e) if e.name().as_ref() == "w:br" => current.text.push('\n'),
            Event::Start(e) if e.name().as_ref() == "w:tabs" => in_tabs = true,
            Event::End(e) if e.name().as_ref() == "w:tabs" => in_tabs = false,
            Event::Empty(e) if e.name().as_ref() == "w:tab" && !in_tabs => current.text.push('\t'),
            Event::Text(t) if in_text => current.text.push_str(&t.xml10_content()),
            Event::End(e) if matches!(e.name().as_ref(), "w:t" | "w:delText") => in_text = false,
            Event::End(e) if e.name().as_ref() == "w:p" => {
                out.push(std::mem::replace(&mut current, ReadParagraph { style: None, text: String::new() }));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
