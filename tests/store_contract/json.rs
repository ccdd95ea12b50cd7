//! Stored documents keep the exact text the program wrote, byte for byte, in every store:
//! what one store holds, another can take over unchanged, and a document read back is the
//! document written.

use jianbao::domain::{
    Article, Block, BlockChange, BlockKind, BlockSuggestion, FieldChange, FieldSuggestion, Inline,
    Publication,
};

use super::{TestDatabase, contract_tests, fixture, transition};
use jianbao::domain::IssueStatus::*;

contract_tests![articles_revisions_settings_and_snapshots_are_stored_as_written];

/// Keys in serde's order (not sorted), escapes, CJK, an emoji and a line break.
fn tricky_article() -> Article {
    Article {
        title: vec!["关于“十五五”规划的\\汇报".into(), "（第二部分）".into()],
        subtitle: Some("——在\"基层\"调研时的讲话\n🙂".into()),
        byline: None,
        editor_note: vec![Inline::plain("编者按：\t制表符")],
        body: vec![Block::heading(1, "一、总体情况"), Block::paragraph("截至10月，全市完成投资1.5亿元。")],
        contributors: vec!["娄底市人大常委会".into()],
        source: None,
        field_suggestions: vec![FieldSuggestion {
            change: FieldChange::Byline { text: "市人大\"研究室\"".into() },
            id: 1,
            author: "汤建".into(),
            at: "2025-09-01T08:00:00Z".into(),
        }],
        block_suggestions: vec![BlockSuggestion {
            block: 1,
            change: BlockChange::KindChanged { from: BlockKind::Heading { level: 2 } },
            id: 2,
            author: "汤建".into(),
            at: "2025-09-01T08:00:00Z".into(),
        }],
    }
}

fn articles_revisions_settings_and_snapshots_are_stored_as_written(db: &dyn TestDatabase) {
    let mut f = fixture(db, &[]);
    let article = tricky_article();
    let written = serde_json::to_string(&article).expect("serializes");
    let id = f.store.add_article(f.issue, &article, "汤建").expect("add");
    assert_eq!(db.stored_json("article", "content", id), written);
    let revision = f.store.revisions(id).expect("revisions")[0].id;
    assert_eq!(db.stored_json("article_revision", "content", revision), written);
    assert_eq!(
        db.stored_json("publication", "settings", f.publication),
        serde_json::to_string(&Publication::lianluo_dongtai()).expect("serializes")
    );

    f.store.record_transition(f.issue, &transition(Draft, FirstProof)).expect("一校");
    let snapshot = db.stored_json("round_snapshot", "articles", 1);
    assert_eq!(snapshot, format!("[{{\"articleId\":{id},\"article\":{written}}}]"));
    assert_eq!(db.open().article(id).expect("read").article, article);
}
