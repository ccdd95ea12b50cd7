//! The source map: every glyph the layout sets from an article leads back to the same
//! character of the same part and block, so that a click in the preview opens the editor
//! where the reader pointed, and the editor's caret can be found in the preview.

use super::test_metrics::TestMetrics;
use super::*;
use crate::domain::{Block, Inline, IssueFile, Suggestion, SuggestionKind};

const FIXTURE: &str = include_str!("../../../tests/fixtures/lianluo-2025-13.json");

/// A glyph with its place: (char, article, part, block, offset).
type Placed = (char, Option<u32>, SourcePart, u32, Option<u32>);

fn placed_glyphs(laid_out: &LaidOutIssue) -> Vec<Placed> {
    let mut placed = Vec::new();
    for page in &laid_out.pages {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            let Some(source) = &run.source else { continue };
            for (index, glyph) in run.glyphs.iter().enumerate() {
                let offset = source.offsets.get(index).copied();
                placed.push((glyph.ch, source.article, source.part, source.block, offset));
            }
        }
    }
    placed
}

fn suggested(text: &str, kind: SuggestionKind) -> Inline {
    let suggestion =
        Suggestion { kind, id: 1, author: "审稿人".into(), at: "2026-12-01T09:00:00Z".into() };
    Inline { suggestion: Some(suggestion), ..Inline::plain(text) }
}

/// Two articles of our own words in the fixture's publication.
fn own_issue() -> IssueFile {
    let mut file = IssueFile::from_json(FIXTURE).expect("the fixture is a valid issue file");
    let mut first = file.issue.articles[0].clone();
    first.title = vec!["山村小学的".into(), "读书角开张了".into()];
    first.subtitle = Some("——记一次捐书活动".into());
    first.byline = Some("王小明".into());
    first.editor_note = vec![Inline::plain("这是一则按语。")];
    first.body = vec![
        Block::heading(1, "一、捐书的由来"),
        Block::paragraph("　　去年秋天，村里的孩子们说想读 Harry Potter 这样的书。"),
        Block::Paragraph {
            content: vec![suggested("整段都是建议插入的文字。", SuggestionKind::Insertion)]
        },
        Block::Paragraph {
            content: vec![
                Inline::plain("志愿者"),
                suggested("很快", SuggestionKind::Insertion),
                Inline::styled("送来", true),
                Inline::plain("了三百本书。"),
            ],
        },
    ];
    first.contributors = vec!["某镇人大".into()];
    first.source = None;
    let mut second = first.clone();
    second.title = vec!["第二篇的题目".into()];
    second.editor_note = vec![];
    second.subtitle = None;
    second.byline = None;
    second.body = vec![Block::paragraph("第二篇只有一段正文。")];
    file.issue.articles = vec![first, second];
    file
}

/// The text a place names, as the proof findings and the editor count it.
fn part_text(file: &IssueFile, article: u32, part: SourcePart, block: u32) -> Vec<char> {
    let article = file.issue.articles[usize::try_from(article).expect("small")].settled_block_for_block();
    let block = usize::try_from(block).expect("small");
    let text = match part {
        SourcePart::Title => article.title_text(),
        SourcePart::Subtitle => article.subtitle.unwrap_or_default(),
        SourcePart::Byline => article.byline.unwrap_or_default(),
        SourcePart::EditorNote => article.editor_note.iter().map(|i| i.text.as_str()).collect(),
        SourcePart::Body => article.body[block].plain_text(),
        SourcePart::Attribution => article.attribution_lines()[block].clone(),
        other => panic!("{other:?} is not a part of an article"),
    };
    text.chars().collect()
}

#[test]
fn every_article_glyph_points_at_its_own_character() {
    let file = own_issue();
    let laid_out = layout_issue(&file.issue, &file.publication, &TestMetrics, &LayoutOptions::default());
    let mut checked = 0;
    for (ch, article, part, block, offset) in placed_glyphs(&laid_out) {
        let (Some(article), Some(offset)) = (article, offset) else { continue };
        let text = part_text(&file, article, part, block);
        let at = usize::try_from(offset).expect("small");
        assert_eq!(
            text.get(at),
            Some(&ch),
            "article {article} {part:?} block {block} offset {offset} must be the printed {ch}"
        );
        checked += 1;
    }
    assert!(
        checked > 60,
        "the body, titles and attribution lines of both articles carry offsets ({checked} checked)"
    );
}

#[test]
fn a_second_title_line_counts_on_from_the_first() {
    let file = own_issue();
    let laid_out = layout_issue(&file.issue, &file.publication, &TestMetrics, &LayoutOptions::default());
    let title: Vec<(char, u32)> = placed_glyphs(&laid_out)
        .into_iter()
        .filter(|&(_, article, part, ..)| article == Some(0) && part == SourcePart::Title)
        .map(|(ch, .., offset)| (ch, offset.expect("title glyphs have offsets")))
        .collect();
    let (ch, offset) = title.iter().copied().find(|&(ch, _)| ch == '读').expect("the second line is printed");
    assert_eq!((ch, offset), ('读', 5), "读 starts the second line, after the 5 characters of the first");
}

#[test]
fn body_offsets_skip_the_typed_indent_spaces_and_suggested_insertions() {
    let file = own_issue();
    let laid_out = layout_issue(&file.issue, &file.publication, &TestMetrics, &LayoutOptions::default());
    let glyphs = placed_glyphs(&laid_out);
    let in_block = |block: u32| -> Vec<(char, u32)> {
        glyphs
            .iter()
            .filter(|&&(_, article, part, b, _)| article == Some(0) && part == SourcePart::Body && b == block)
            .map(|&(ch, .., offset)| (ch, offset.expect("body glyphs have offsets")))
            .collect()
    };
    assert_eq!(
        in_block(1)[0],
        ('去', 2),
        "the two typed ideographic spaces are not printed but still counted"
    );
    let harry = in_block(1).into_iter().find(|&(ch, _)| ch == 'P').expect("Potter is printed");
    assert_eq!(harry.1, 23, "the word space before Potter is no glyph but keeps its place");
    assert!(in_block(2).is_empty(), "a block of suggested text only prints nothing");
    let block3: String = in_block(3).iter().map(|(ch, _)| ch).collect();
    assert_eq!(block3, "志愿者送来了三百本书。", "the suggested insertion is not printed");
    assert_eq!(in_block(3)[3], ('送', 3), "offsets count the settled text, which the editor counts too");
    let heading = in_block(0);
    assert_eq!(heading.first(), Some(&('一', 0)), "a heading is body block 0");
}

#[test]
fn the_editor_note_label_and_the_page_numbers_lead_nowhere() {
    let file = own_issue();
    let laid_out = layout_issue(&file.issue, &file.publication, &TestMetrics, &LayoutOptions::default());
    let glyphs = placed_glyphs(&laid_out);
    let note: String = glyphs.iter().filter(|g| g.2 == SourcePart::EditorNote).map(|g| g.0).collect();
    assert_eq!(note, "这是一则按语。", "【编者按】 is the layout's label, not the article's text");
    let sourceless = laid_out
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|item| matches!(item, Item::Text(run) if run.source.is_none()));
    assert!(sourceless.count() >= 2, "page numbers and the 【编者按】 label have no source");
}

#[test]
fn contents_entries_name_their_article_and_the_masthead_and_footer_are_furniture() {
    let file = own_issue();
    let laid_out = layout_issue(&file.issue, &file.publication, &TestMetrics, &LayoutOptions::default());
    let glyphs = placed_glyphs(&laid_out);
    let entries: Vec<Option<u32>> =
        glyphs.iter().filter(|g| g.2 == SourcePart::Contents && g.0 == '●').map(|g| g.1).collect();
    assert_eq!(entries, [Some(0), Some(1)], "one 要目 entry per article, in print order");
    for part in [SourcePart::Masthead, SourcePart::Footer] {
        let furniture: Vec<&Placed> = glyphs.iter().filter(|g| g.2 == part).collect();
        assert!(!furniture.is_empty(), "{part:?} is printed and marked");
        assert!(furniture.iter().all(|g| g.1.is_none() && g.4.is_none()), "{part:?} is no article's text");
    }
    let name: String = glyphs.iter().filter(|g| g.2 == SourcePart::Masthead).map(|g| g.0).take(4).collect();
    assert_eq!(name, file.publication.name, "the 报名 is masthead");
}
