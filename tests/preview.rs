//! `service::preview`: the display list the desktop preview draws, on the 2025-13 fixture with
//! the bundled fonts (assets/fonts/fetch-fonts.sh), against a real SQLite file.

mod common;

use std::sync::OnceLock;

use jianbao::domain::{Article, Block, FontRoles};
use jianbao::error::ErrorCode;
use jianbao::fonts::{FontSet, find_font_dir};
use jianbao::service::{self, ArticleOverride, ExportRequest, IssuePreview};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = find_font_dir(None).unwrap_or_else(|e| panic!("{}", e.message));
        FontSet::load(&FontRoles::default(), &dir).unwrap_or_else(|e| panic!("{}", e.message))
    })
}

/// The fixture stored as the editor's database holds it: (store, issue id, article ids).
fn stored_fixture(db: &common::TempDb) -> (SqliteStore, Id, Vec<Id>) {
    let mut store = db.open();
    service::ensure_publication(&mut store).expect("a fresh database gets its publication");
    let path = common::fixture("lianluo-2025-13.json");
    let json = std::fs::read_to_string(&path).expect("the fixture is committed");
    let issue = service::load_issue(&mut store, &json).expect("the fixture loads");
    let articles = store.issue(issue).expect("stored").article_ids;
    (store, issue, articles)
}

fn preview(store: &SqliteStore, issue: Id, editing: Option<&ArticleOverride>) -> IssuePreview {
    service::preview_issue(store, issue, fonts(), editing).expect("the fixture lays out")
}

fn page_text(preview: &IssuePreview) -> String {
    preview.pages.iter().flat_map(|page| page.runs.iter().map(|run| run.text.as_str())).collect()
}

#[test]
fn the_preview_has_the_pages_and_warnings_of_the_exported_pdf() {
    let db = common::TempDb::new();
    let (store, issue, _) = stored_fixture(&db);
    let shown = preview(&store, issue, None);
    let request = ExportRequest { proof_round: None, timestamp: common::instant() };
    let exported = service::export_issue(&store, issue, fonts(), &request).expect("exports");

    assert_eq!(shown.pages.len(), exported.page_count as usize, "the preview must show what prints");
    assert_eq!(shown.warnings, exported.warnings, "the preview warns of what the export warns of");
    let numbers: Vec<u32> = shown.pages.iter().map(|page| page.number).collect();
    assert_eq!(numbers, (1..=exported.page_count).collect::<Vec<_>>());
    assert!(page_text(&shown).contains("联络动态"), "the masthead is on the first page");
    assert!(shown.pages[0].rules.iter().any(|rule| rule.ink == service::PreviewInk::Red), "the red rule");
}

#[test]
fn every_run_lies_inside_its_page_with_one_position_per_character() {
    let db = common::TempDb::new();
    let (store, issue, _) = stored_fixture(&db);
    let shown = preview(&store, issue, None);
    assert!((shown.page_width_pt - 595.28).abs() < 1.0 && (shown.page_height_pt - 841.89).abs() < 1.0, "A4");
    for page in &shown.pages {
        for run in &page.runs {
            assert_eq!(run.text.chars().count(), run.x_pt.len(), "the UI places each character: {run:?}");
            let inside_x = run.x_pt.iter().all(|&x| (0.0..shown.page_width_pt).contains(&x));
            let inside_y = (0.0..shown.page_height_pt).contains(&run.baseline_y_pt);
            assert!(inside_x && inside_y, "page {}: a run off the page: {run:?}", page.number);
        }
    }
}

#[test]
fn the_article_being_edited_replaces_its_stored_version() {
    let db = common::TempDb::new();
    let (store, issue, articles) = stored_fixture(&db);
    let before = preview(&store, issue, None);
    let mut article: Article = store.issue(issue).expect("stored").issue.articles[0].clone();
    let paragraph = "全省人大常委会联络工作会议强调，要密切同代表的联系，认真办理代表建议。".repeat(12);
    article.body.extend((0..12).map(|_| Block::paragraph(&paragraph)));
    let editing = ArticleOverride { article_id: articles[0], article };

    let after = preview(&store, issue, Some(&editing));
    assert!(after.pages.len() > before.pages.len(), "twelve long paragraphs more must add pages");
    assert!(page_text(&after).contains("认真办理代表建议"), "the typed text is shown before it is saved");
    assert_eq!(preview(&store, issue, None), before, "previewing must not store the unsaved article");
}

#[test]
fn an_article_no_longer_in_the_issue_is_reported() {
    let db = common::TempDb::new();
    let (store, issue, articles) = stored_fixture(&db);
    let article = store.issue(issue).expect("stored").issue.articles[0].clone();
    let editing = ArticleOverride { article_id: articles.iter().max().expect("articles") + 100, article };
    let error = service::preview_issue(&store, issue, fonts(), Some(&editing)).expect_err("unknown article");
    assert_eq!(error.code, ErrorCode::NotFound);
}
