//! 供稿 statistics against counts made by hand on texts written for this test: per unit per
//! year and per quarter, names merged only where the office's alias list says so, an article
//! of two units counted for each, a trashed issue not counted; per year the issues, 字数 and
//! pages. Through the service and through the real CLI (text, JSON, .xlsx, the alias file).

mod common;

use std::io::Read;
use std::sync::OnceLock;

use jianbao::archive::UnitAlias;
use jianbao::domain::{Article, FontRoles, Issue};
use jianbao::fonts::{FontSet, find_font_dir};
use jianbao::service::{self, ArchiveStats, ExportRequest, UnitAliasSaved, YearTotals};
use jianbao::store::prelude::*;
use jianbao::store::{Id, PageCount, SaveGuard, SqliteStore};

fn fonts() -> &'static FontSet {
    static FONTS: OnceLock<FontSet> = OnceLock::new();
    FONTS.get_or_init(|| {
        let dir = find_font_dir(None).unwrap_or_else(|e| panic!("{}", e.message));
        FontSet::load(&FontRoles::default(), &dir).unwrap_or_else(|e| panic!("{}", e.message))
    })
}

fn article(title: &str, body: &str, units: &[&str]) -> Article {
    common::attributed_article(title, &[body], units)
}

fn issue(date: (i32, u32, u32), number: u32, total: u32, articles: Vec<Article>) -> Issue {
    common::issue_on(date, number, total, articles)
}

const HUITONG: &str = "会同县人大常委会";
const HUITONG_OFFICE: &str = "会同县人大常委会办公室";
const HUAIHUA: &str = "怀化市人大常委会";
const JINGZHOU: &str = "靖州县人大常委会";

/// Three issues over two years, and a trashed fourth. Han characters counted by hand:
/// A 2024-02-05: 会同县开展代表培训 9 + 培训为期两天 6; 高椅乡设立代表工作室 10 + 工作室每周接待群众 9;
///   省人大常委会召开会议 10 + 会议审议了三项报告 9 (摘编, no unit) — 53.
/// B 2024-08-19: 靖州县视察杨梅产业 9 + 代表们提出建议八条 9; 会同县督办民生实事 9 + 实事项目全部完成 8 — 35.
/// C 2025-03-03: 会同县总结全年工作 9 + 全年共办理建议一百件 10 — 19.
fn stored_archive(db: &common::TempDb) -> (SqliteStore, Vec<Id>) {
    let mut store = db.open();
    service::ensure_publication(&mut store).expect("publication");
    let publication = store.default_publication_id().expect("publication");
    let mut reprinted = article("省人大常委会召开会议", "会议审议了三项报告。", &[]);
    reprinted.source = Some("《湖南日报》".into());
    let issues = [
        issue(
            (2024, 2, 5),
            3,
            701,
            vec![
                article("会同县开展代表培训", "培训为期两天。", &[HUITONG]),
                article("高椅乡设立代表工作室", "工作室每周接待群众。", &[HUITONG_OFFICE, HUAIHUA]),
                reprinted,
            ],
        ),
        issue(
            (2024, 8, 19),
            16,
            714,
            vec![
                article("靖州县视察杨梅产业", "代表们提出建议八条。", &[JINGZHOU]),
                article("会同县督办民生实事", "实事项目全部完成。", &[HUITONG_OFFICE]),
            ],
        ),
        issue(
            (2025, 3, 3),
            5,
            727,
            vec![article("会同县总结全年工作", "全年共办理建议一百件。", &[HUITONG, HUITONG_OFFICE])],
        ),
        issue((2025, 6, 2), 11, 733, vec![article("删掉的一期", "不应计入。", &[JINGZHOU])]),
    ];
    let ids: Vec<Id> =
        issues.iter().map(|i| store.create_issue(publication, i, "汤建").expect("issue")).collect();
    store.trash_issue(ids[3]).expect("trash");
    (store, ids)
}

fn merge_huitong(store: &mut SqliteStore) {
    let rows = [UnitAlias { alias: HUITONG_OFFICE.into(), unit: HUITONG.into() }];
    let saved = service::save_unit_aliases(store, &rows).expect("save");
    assert!(matches!(saved, UnitAliasSaved::Saved { .. }), "{saved:?}");
}

fn counts(stats: &ArchiveStats) -> Vec<(&str, Vec<u32>, u32)> {
    stats.contributions.units.iter().map(|u| (u.unit.as_str(), u.counts.clone(), u.total)).collect()
}

#[test]
fn without_aliases_every_name_is_its_own_unit() {
    let db = common::TempDb::new();
    let (mut store, _) = stored_archive(&db);
    let stats = service::archive_stats(&mut store, fonts(), None).expect("stats");
    let labels: Vec<&str> = stats.contributions.periods.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["2024年", "2025年"]);
    assert_eq!(
        counts(&stats),
        [
            (HUITONG_OFFICE, vec![2, 1], 3),
            (HUITONG, vec![1, 1], 2),
            (HUAIHUA, vec![1, 0], 1),
            (JINGZHOU, vec![1, 0], 1),
        ],
        "the trashed 2025 issue's 靖州 article is not counted"
    );
    assert_eq!(stats.contributions.articles, 5, "the 摘编 article names no unit");
}

#[test]
fn the_alias_list_merges_the_two_names_of_会同县() {
    let db = common::TempDb::new();
    let (mut store, _) = stored_archive(&db);
    merge_huitong(&mut store);
    let stats = service::archive_stats(&mut store, fonts(), None).expect("stats");
    assert_eq!(
        counts(&stats),
        [(HUITONG, vec![3, 1], 4), (HUAIHUA, vec![1, 0], 1), (JINGZHOU, vec![1, 0], 1)],
        "the 2025 article naming both forms counts once"
    );
    assert_eq!(stats.contributions.units[0].names, [HUITONG, HUITONG_OFFICE]);
}

#[test]
fn one_year_is_counted_by_quarter() {
    let db = common::TempDb::new();
    let (mut store, _) = stored_archive(&db);
    merge_huitong(&mut store);
    let stats = service::archive_stats(&mut store, fonts(), Some(2024)).expect("stats");
    assert_eq!(stats.contributions.periods.len(), 4);
    assert_eq!(
        counts(&stats),
        [(HUITONG, vec![2, 0, 1, 0], 3), (HUAIHUA, vec![1, 0, 0, 0], 1), (JINGZHOU, vec![0, 0, 1, 0], 1)]
    );
    assert_eq!(stats.years.len(), 1, "only the year asked");
}

#[test]
fn each_year_has_its_issues_characters_and_pages() {
    let db = common::TempDb::new();
    let (mut store, ids) = stored_archive(&db);
    let stats = service::archive_stats(&mut store, fonts(), None).expect("stats");
    let request = ExportRequest { proof_round: None, timestamp: common::instant() };
    let pages = |id: Id| service::export_issue(&store, id, fonts(), &request).expect("export").page_count;
    assert_eq!(
        stats.years,
        [
            YearTotals { year: 2024, issues: 2, pages: pages(ids[0]) + pages(ids[1]), characters: 88 },
            YearTotals { year: 2025, issues: 1, pages: pages(ids[2]), characters: 19 },
        ],
        "as the exported PDFs count their pages; the trashed issue is in no year"
    );
}

#[test]
fn page_counts_are_kept_until_the_issue_changes() {
    let db = common::TempDb::new();
    let (mut store, ids) = stored_archive(&db);
    let first = service::archive_stats(&mut store, fonts(), Some(2025)).expect("stats").years[0].pages;
    let kept = store.page_counts(1).expect("kept");
    assert_eq!(kept.len(), 1, "2025 has one live issue; only the year asked is laid out");
    let PageCount { layout_key, .. } = kept[0].clone();
    store.save_page_count(&PageCount { issue_id: ids[2], layout_key, pages: 99 }).expect("tamper");
    let again = service::archive_stats(&mut store, fonts(), Some(2025)).expect("stats").years[0].pages;
    assert_eq!(again, 99, "an unchanged issue is not laid out again");
    let article_id = store.issue(ids[2]).expect("issue").article_ids[0];
    let edited = article("会同县总结全年工作", "全年共办理建议一百零五件。", &[HUITONG]);
    store
        .save_article(article_id, &edited, "汤建", &SaveGuard { base_revision: None, holder: None })
        .expect("save");
    let after_edit = service::archive_stats(&mut store, fonts(), Some(2025)).expect("stats").years[0];
    assert_eq!(after_edit.pages, first, "a changed issue is laid out again");
    assert_eq!(after_edit.characters, 21, "and its 字数 follow the saved text: 9 + 12");
}

#[test]
fn an_alias_list_that_would_count_wrongly_is_refused_whole() {
    let db = common::TempDb::new();
    let (mut store, _) = stored_archive(&db);
    merge_huitong(&mut store);
    let rows = [
        UnitAlias { alias: "靖州人大".into(), unit: JINGZHOU.into() },
        UnitAlias { alias: JINGZHOU.into(), unit: HUAIHUA.into() },
    ];
    let saved = service::save_unit_aliases(&mut store, &rows).expect("answered");
    let UnitAliasSaved::Refused { problems } = saved else { panic!("a chain must be refused: {saved:?}") };
    assert_eq!(problems[0].row, 0);
    assert!(problems[0].message.contains("本身也被列为别名"), "{}", problems[0].message);
    assert_eq!(service::unit_alias_view(&store).expect("view").rows.len(), 1, "the saved list stands");
}

#[test]
fn the_cli_prints_counts_writes_json_and_an_excel_file() {
    let db = common::TempDb::new();
    drop(stored_archive(&db));
    let aliases = db.dir.path().join("别名表.txt");
    std::fs::write(&aliases, format!("# 办公室确认\n{HUITONG_OFFICE}\t{HUITONG}\n")).expect("write");
    let imported = common::cli(&db.path, &["aliases", "--import", aliases.to_str().expect("utf-8 path")]);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let listed = String::from_utf8(common::cli(&db.path, &["aliases"]).stdout).expect("utf-8");
    assert!(listed.contains(&format!("{HUITONG_OFFICE}\t{HUITONG}")), "{listed}");

    let xlsx = db.dir.path().join("统计.xlsx");
    let output =
        common::cli(&db.path, &["stats", "--year", "2024", "--xlsx", xlsx.to_str().expect("utf-8 path")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("2024年供稿统计（共 4 篇署有供稿单位的稿件）"), "{text}");
    assert!(text.contains(&format!("{HUITONG}\t2\t0\t1\t0\t3")), "{text}");
    assert!(text.contains(&format!("（含：{HUITONG}、{HUITONG_OFFICE}）")), "{text}");
    assert!(text.contains("\n2024\t2\t"), "{text}");

    let mut workbook =
        zip::ZipArchive::new(std::fs::File::open(&xlsx).expect("the .xlsx was written")).expect("a zip");
    let mut read = |name: &str| {
        let mut text = String::new();
        workbook.by_name(name).expect("a part of the workbook").read_to_string(&mut text).expect("utf-8");
        text
    };
    let sheets = read("xl/workbook.xml");
    assert!(sheets.contains("供稿统计") && sheets.contains("年度概况"), "{sheets}");
    let strings = read("xl/sharedStrings.xml");
    assert!(strings.contains(HUITONG) && strings.contains("2024年第三季度"), "{strings}");

    let json = common::cli(&db.path, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON document");
    assert_eq!(stats["contributions"]["units"][0]["unit"], HUITONG);
    assert_eq!(stats["contributions"]["units"][0]["total"], 4);
    assert_eq!(stats["years"][1]["characters"], 19);
}

#[test]
fn the_cli_search_marks_matches_and_refuses_an_empty_query() {
    let db = common::TempDb::new();
    drop(stored_archive(&db));
    let output = common::cli(&db.path, &["search", "人大", "--year", "2024"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(
        text.starts_with("找到 5 篇文章含有“人大”："),
        "every 2024 article: four by attribution, one by title\n{text}"
    );
    assert!(text.contains("2024年第16期（总第七百一十四期） 2024年8月19日"), "{text}");
    assert!(text.contains("供稿行：（靖州县〖人大〗常委会 供稿）"), "{text}");
    let json = common::cli(&db.path, &["search", "杨梅", "--json"]);
    let results: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(results["total"], 1);
    assert_eq!(results["hits"][0]["snippet"]["highlights"][0], serde_json::json!({ "start": 5, "end": 7 }));
    let empty = common::cli(&db.path, &["search", "  "]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("请输入要查找的文字"));
}
