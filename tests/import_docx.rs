//! .docx import: test files are built here (zip + WordprocessingML), then read back.

mod support;

use jianbao::domain::{Block, Inline};
use jianbao::import::import_file;
use support::{docx, p};

fn manuscript() -> Vec<u8> {
    let bold_paragraph = r#"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>一是“明方向”。</w:t></w:r><w:r><w:t xml:space="preserve">县人大常委会把学习宣传贯彻作为抓手,实现全覆盖。</w:t></w:r></w:p>"#;
    let image = r#"<w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:embed="rId5"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>"#;
    let table = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>联络站</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12个</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let body = [
        p(Some("a3"), "株洲市炎陵县：畅通“全链条”履职路径"),
        p(Some("a3"), "推动代表履职效能提升"),
        p(None, "【编者按】今年以来，各地积极探索。"),
        p(Some("1"), "一、以“三会三文”为纲领，健全代表履职机制"),
        bold_paragraph.to_owned(),
        p(None, "二是“定目标”，确保有计划有举"),
        p(None, "措、有活动见成效。"),
        image.to_owned(),
        p(Some("a5"), "图为代表联络站"),
        table.to_owned(),
        p(Some("2"), "（一）线上线下"),
        p(None, "坚持&quot;线上十线下&quot;，建成联络站。"),
        p(None, "（株洲市炎陵县人大常委会 供稿）"),
    ]
    .concat();
    docx(&body)
}

#[test]
fn a_word_manuscript_becomes_one_article() {
    let articles = import_file("稿件.docx", &manuscript()).expect("a valid docx");
    assert_eq!(articles.len(), 1, "one Word file is one article");
    let imported = &articles[0];
    let article = imported.with_safe_changes();
    assert_eq!(article.title, ["株洲市炎陵县：畅通“全链条”履职路径", "推动代表履职效能提升"]);
    assert_eq!(article.editor_note, vec![Inline::plain("今年以来，各地积极探索。")]);
    assert_eq!(article.contributors, ["株洲市炎陵县人大常委会"]);
    assert_eq!(article.body[0], Block::heading(1, "一、以“三会三文”为纲领，健全代表履职机制"));
    assert_eq!(
        article.body[1],
        Block::Paragraph {
            content: vec![
                Inline::styled("一是“明方向”。", true),
                Inline::plain("县人大常委会把学习宣传贯彻作为抓手，实现全覆盖。"),
            ]
        },
        "bold runs survive and the half-width comma is made full width"
    );
    assert_eq!(
        article.body[2],
        Block::paragraph("二是“定目标”，确保有计划有举措、有活动见成效。"),
        "hard return joined"
    );
    match &article.body[3] {
        Block::Image { src, caption } => {
            assert!(src.starts_with("data:image/png;base64,"), "the picture travels with the article");
            assert_eq!(caption.as_deref(), Some("图为代表联络站"));
        }
        other => panic!("expected the picture, found {other:?}"),
    }
    assert_eq!(article.body[4], Block::paragraph("项目　数量"), "table row flattened, cells kept apart");
    assert_eq!(article.body[5], Block::paragraph("联络站　12个"));
    assert_eq!(article.body[6], Block::heading(2, "（一）线上线下"));
    assert_eq!(
        article.body[7],
        Block::paragraph("坚持“线上十线下”，建成联络站。"),
        "十 is flagged, not fixed"
    );
    assert!(imported.warnings.iter().any(|w| w.contains("表格")), "the flattened table is reported");
    let pending: Vec<_> = imported.pending().collect();
    assert_eq!(pending.len(), 1, "{pending:#?}");
    assert_eq!(pending[0].after, "+");
}

#[test]
fn broken_and_protected_files_get_clear_messages() {
    let valid = manuscript();
    let truncated = &valid[..valid.len() / 2];
    let message = import_file("稿件.docx", truncated).expect_err("truncated zip").to_string();
    assert!(message.contains("已损坏") && message.contains("另存为"), "{message}");

    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let message = import_file("加密.docx", &ole).expect_err("protected").to_string();
    assert!(message.contains("密码"), "{message}");

    let not_word = docx("");
    let message = import_file("空.docx", &not_word).expect_err("no text").to_string();
    assert!(message.contains("没有找到文章内容"), "{message}");

    let message = import_file("稿件.pdf", b"%PDF-1.4").expect_err("pdf").to_string();
    assert!(message.contains(".docx"), "{message}");
}

/// A back issue kept as a Word file (one paragraph per line of the printed text, no styles)
/// imports like its text.
#[test]
fn a_back_issue_in_word_gives_the_same_articles() {
    let text =
        std::fs::read_to_string(support::shared_fixture("lianluo-2025-13")).expect("fixture is readable");
    let escape = |line: &str| line.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let body: String = text
        .lines()
        .map(|line| line.trim_start_matches('#').trim_start().replace("**", ""))
        .filter(|line| !line.is_empty() && line != "---")
        .map(|line| p(None, &escape(&line)))
        .collect();
    let issue = jianbao::import::import_issue_file("2025-13.docx", &docx(&body)).expect("a complete issue");
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/lianluo-2025-13.json");
    let expected = jianbao::domain::IssueFile::from_json(&std::fs::read_to_string(path).expect("committed"))
        .expect("valid fixture");
    assert_eq!(issue.to_issue().articles, expected.issue.articles);
}

/// Two levels of Word list numbering (一、 and （一）), the second list restarted by a
/// `startOverride`, and a heading style that brings its numbering with it.
const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

fn numbered(num_id: &str, level: u8, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

#[test]
fn word_list_numbering_keeps_heading_numbers_and_levels() {
    let body = [
        p(Some("a3"), "关于代表工作的报告"),
        numbered("1", 0, "健全履职机制"),
        numbered("1", 1, "线上线下"),
        p(None, "坚持线上线下相结合，建成联络站。"),
        numbered("1", 1, "常态联系"),
        numbered("1", 2, "完善制度"),
        numbered("1", 0, "强化监督实效"),
        numbered("1", 1, "专题询问"),
        numbered("2", 1, "重新编号的一项"),
        numbered("0", 0, "不编号的段落：编号号码为零时不显示编号。"),
    ]
    .concat();
    let bytes = support::docx_with_parts(&body, &[("word/numbering.xml", NUMBERING)]);
    let articles = import_file("编号.docx", &bytes).expect("a numbered docx");
    let article = articles[0].with_safe_changes();
    assert_eq!(
        article.body,
        vec![
            Block::heading(1, "一、健全履职机制"),
            Block::heading(2, "（一）线上线下"),
            Block::paragraph("坚持线上线下相结合，建成联络站。"),
            Block::heading(2, "（二）常态联系"),
            Block::heading(3, "1.完善制度"),
            Block::heading(1, "二、强化监督实效"),
            Block::heading(2, "（一）专题询问"),
            Block::heading(2, "（一）重新编号的一项"),
            Block::paragraph("不编号的段落：编号号码为零时不显示编号。"),
        ],
        "Word's automatic numbers are shown as Word shows them, counted per level with restarts"
    );
}

#[test]
fn numbered_heading_styles_bring_their_numbers() {
    let styles_with_list = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"#;
    let body = [p(Some("a3"), "标题"), p(Some("1"), "第一部分"), p(None, "正文。"), p(Some("1"), "第二部分")]
        .concat();
    let bytes = support::docx_with_parts(
        &body,
        &[("word/numbering.xml", NUMBERING), ("word/styles.xml", styles_with_list)],
    );
    let article = import_file("样式编号.docx", &bytes).expect("a docx")[0].with_safe_changes();
    assert_eq!(article.body[0], Block::heading(1, "一、第一部分"));
    assert_eq!(article.body[2], Block::heading(1, "二、第二部分"));
}
