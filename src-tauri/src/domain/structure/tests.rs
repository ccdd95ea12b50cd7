use super::*;
use crate::domain::Suggestion;

const AUTHOR: &str = "周审校";
const AT: &str = "2026-12-01T09:30:00Z";

fn block_change(block: u32, change: BlockChange, id: u32) -> BlockSuggestion {
    BlockSuggestion { block, change, id, author: AUTHOR.into(), at: AT.into() }
}

fn field_change(change: FieldChange, id: u32) -> FieldSuggestion {
    FieldSuggestion { change, id, author: AUTHOR.into(), at: AT.into() }
}

fn body(texts: &[&str]) -> Vec<Block> {
    texts.iter().map(|text| Block::paragraph(text)).collect()
}

fn article(texts: &[&str], block_suggestions: Vec<BlockSuggestion>) -> Article {
    Article {
        title: vec!["春耕备耕一线见闻".into()],
        body: body(texts),
        block_suggestions,
        ..Article::empty()
    }
}

#[test]
fn a_suggested_split_is_one_paragraph_until_accepted() {
    let split = article(
        &["村里新修了水渠，", "灌溉不再发愁。"],
        vec![block_change(1, BlockChange::SplitFromPrevious, 4)],
    );
    assert_eq!(split.settled().body, body(&["村里新修了水渠，灌溉不再发愁。"]));
    assert_eq!(
        split.settled_block_for_block().body,
        body(&["村里新修了水渠，", "灌溉不再发愁。"]),
        "findings point at stored blocks"
    );
    assert_eq!(split.pending_suggestions(), vec![4]);
    let accepted = split.accept(Some(4));
    assert_eq!(accepted.body, body(&["村里新修了水渠，", "灌溉不再发愁。"]));
    assert!(accepted.block_suggestions.is_empty(), "an accepted suggestion is no longer pending");
    let rejected = split.reject(Some(4));
    assert_eq!(rejected.body, body(&["村里新修了水渠，灌溉不再发愁。"]));
    assert_eq!(rejected.settled().body, split.settled().body, "rejecting gives the settled text back");
}

#[test]
fn a_suggested_join_is_two_paragraphs_until_accepted() {
    let join = article(
        &["合作社统一育秧。", "农户按需领取。"],
        vec![block_change(1, BlockChange::JoinsPrevious, 2)],
    );
    assert_eq!(join.settled().body, body(&["合作社统一育秧。", "农户按需领取。"]));
    assert_eq!(join.accept(None).settled().body, body(&["合作社统一育秧。农户按需领取。"]));
    assert_eq!(join.reject(None).body, body(&["合作社统一育秧。", "农户按需领取。"]));
    assert!(join.reject(None).pending_suggestions().is_empty());
}

#[test]
fn a_suggested_new_paragraph_prints_only_when_accepted() {
    let inserted =
        article(&["第一段。", "新加的一段。", "第三段。"], vec![block_change(1, BlockChange::Inserted, 7)]);
    assert_eq!(inserted.settled().body, body(&["第一段。", "第三段。"]));
    assert_eq!(inserted.settled_block_for_block().body[1], Block::Paragraph { content: vec![] });
    assert_eq!(inserted.accept(Some(7)).body, body(&["第一段。", "新加的一段。", "第三段。"]));
    assert_eq!(inserted.reject(Some(7)).body, body(&["第一段。", "第三段。"]));
}

#[test]
fn a_suggested_deletion_of_a_paragraph_keeps_it_until_accepted() {
    let deleted = article(&["保留。", "待删。"], vec![block_change(1, BlockChange::Deleted, 3)]);
    assert_eq!(deleted.settled().body, body(&["保留。", "待删。"]));
    assert_eq!(deleted.accept(Some(3)).body, body(&["保留。"]));
    assert_eq!(deleted.reject(Some(3)).body, body(&["保留。", "待删。"]));
}

#[test]
fn a_paragraph_made_a_heading_is_a_paragraph_until_accepted() {
    let from = BlockKind::Paragraph;
    let mut changed = article(&["正文"], vec![block_change(1, BlockChange::KindChanged { from }, 5)]);
    changed.body.push(Block::heading(2, "（一）抓好水利"));
    assert_eq!(changed.settled().body, body(&["正文", "（一）抓好水利"]));
    assert_eq!(changed.settled_block_for_block().body[1], Block::paragraph("（一）抓好水利"));
    assert_eq!(changed.accept(Some(5)).body[1], Block::heading(2, "（一）抓好水利"));
    assert_eq!(changed.reject(Some(5)).body[1], Block::paragraph("（一）抓好水利"));
}

#[test]
fn deciding_one_suggestion_renumbers_the_blocks_of_the_others() {
    let pending = vec![block_change(1, BlockChange::Inserted, 1), block_change(3, BlockChange::Deleted, 2)];
    let mut a = article(&["甲", "乙", "丙", "丁"], pending);
    a.body[0] = Block::Image { src: "data:image/png;base64,AA==".into(), caption: Some("旧说明".into()) };
    a.field_suggestions = vec![field_change(FieldChange::Caption { block: 2, text: "x".into() }, 9)];
    let rejected = a.reject(Some(1));
    assert_eq!(rejected.block_suggestions, vec![block_change(2, BlockChange::Deleted, 2)], "丁 moved up one");
    assert_eq!(rejected.field_suggestions[0].change, FieldChange::Caption { block: 1, text: "x".into() });
    assert_eq!(rejected.accept(Some(2)).body.len(), 2);
}

#[test]
fn a_suggested_title_replaces_the_title_only_when_accepted() {
    let mut a = article(&["正文"], vec![]);
    a.field_suggestions = vec![
        field_change(
            FieldChange::Title { lines: vec!["春耕备耕".into(), "一线见闻".into(), String::new()] },
            1,
        ),
        field_change(FieldChange::Byline { text: "县农业农村局".into() }, 2),
        field_change(FieldChange::Subtitle { text: String::new() }, 3),
    ];
    a.subtitle = Some("——来自田间地头的报告".into());
    assert_eq!(a.settled().title, vec!["春耕备耕一线见闻"]);
    assert!(a.settled().field_suggestions.is_empty(), "the settled text carries no suggestion");
    assert_eq!(a.pending_suggestions(), vec![1, 2, 3]);
    let accepted = a.accept(None);
    assert_eq!(accepted.title, vec!["春耕备耕", "一线见闻"], "an empty line prints nothing");
    assert_eq!(accepted.byline.as_deref(), Some("县农业农村局"));
    assert_eq!(accepted.subtitle, None, "an empty suggested text removes the field");
    let rejected = a.reject(Some(1));
    assert_eq!(rejected.title, a.title);
    assert_eq!(rejected.pending_suggestions(), vec![2, 3]);
}

#[test]
fn attribution_suggestions_change_the_attribution_line_when_accepted() {
    let mut a = article(&["正文"], vec![]);
    a.contributors = vec!["县农业农村局".into()];
    a.field_suggestions = vec![
        field_change(FieldChange::Contributors { units: vec!["县农业农村局".into(), "县水利局".into()] }, 1),
        field_change(FieldChange::Source { text: "《农民日报》".into() }, 2),
    ];
    assert_eq!(a.settled().attribution_lines(), ["（县农业农村局 供稿）"]);
    assert_eq!(
        a.accept(None).attribution_lines(),
        ["（摘编自《农民日报》）", "（县农业农村局、县水利局 供稿）"]
    );
}

#[test]
fn run_suggestions_are_accepted_and_rejected_by_id() {
    let run = |text: &str, kind, id| Inline {
        suggestion: Some(Suggestion { kind, id, author: AUTHOR.into(), at: AT.into() }),
        ..Inline::plain(text)
    };
    let content = vec![
        Inline::plain("今年"),
        run("早稻", SuggestionKind::Insertion, 1),
        run("水稻", SuggestionKind::Deletion, 1),
        run("全面", SuggestionKind::Insertion, 2),
        Inline::plain("播种"),
    ];
    let a = Article { body: vec![Block::Paragraph { content }], ..Article::empty() };
    let one = a.accept(Some(1));
    assert_eq!(one.settled().body, body(&["今年早稻播种"]));
    assert_eq!(one.pending_suggestions(), vec![2]);
    assert_eq!(a.accept(None).body, body(&["今年早稻全面播种"]), "plain neighbours merge");
    assert_eq!(a.reject(None).body, body(&["今年水稻播种"]));
}

#[test]
fn an_article_stored_before_these_suggestions_reads_unchanged() {
    let old = r#"{"title":["旧稿"],"body":[{"type":"paragraph","content":[{"text":"正文"}]}]}"#;
    let read: Article = serde_json::from_str(old).expect("old articles have no suggestion lists");
    assert!(read.field_suggestions.is_empty() && read.block_suggestions.is_empty());
    assert_eq!(serde_json::to_string(&read).expect("plain data"), old, "written back the same");
}

#[test]
fn block_and_field_suggestions_have_a_readable_json_form() {
    let a = Article {
        block_suggestions: vec![block_change(
            0,
            BlockChange::KindChanged { from: BlockKind::Heading { level: 1 } },
            1,
        )],
        field_suggestions: vec![field_change(FieldChange::Caption { block: 0, text: "新".into() }, 2)],
        ..article(&["x"], vec![])
    };
    let json = serde_json::to_value(&a).expect("plain data");
    assert_eq!(
        json["blockSuggestions"][0]["change"],
        serde_json::json!({"kind": "kindChanged", "from": {"type": "heading", "level": 1}})
    );
    assert_eq!(
        json["fieldSuggestions"][0]["change"],
        serde_json::json!({"field": "caption", "block": 0, "text": "新"})
    );
    assert_eq!(serde_json::from_value::<Article>(json).expect("reads back"), a);
}
