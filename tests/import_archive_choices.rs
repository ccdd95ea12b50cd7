//! The app's archive import on a real SQLite file: the review list is read, the editor gives
//! what a masthead lacks and chooses files; only the chosen files are stored, with the values
//! given, and what cannot be stored is reported with its reason.

use std::path::Path;

use chrono::NaiveDate;
use jianbao::import::MastheadFill;
use jianbao::service::{self, ArchiveChoice, ArchiveStatus};
use jianbao::store::{Clock, FixedClock, IssueStore, PublicationStore, SqliteStore};

/// A back issue in our own words; `masthead` false leaves out 第N期 and 总第X期.
fn back_issue(number: u32, total: &str, day: u32, masthead: bool) -> String {
    let mut lines = vec!["乡村振兴工作通讯".to_owned()];
    if masthead {
        lines.push(format!("第{number}期"));
        lines.push(format!("（总第{total}期）"));
    }
    lines.extend([
        format!("县农业农村局编　　2017年4月{day}日"),
        "溪口镇把茶园管护交给合作社".to_owned(),
        "　　溪口镇今年把三千亩老茶园交给四家合作社统一管护，镇里负责技术培训和品牌推介。".to_owned(),
        "　　合作社按亩向农户支付管护后的分红，去年每户平均增收一千二百元。".to_owned(),
        "（溪口镇人民政府　供稿）".to_owned(),
        "送：县委、县政府各位领导，各乡镇人民政府。".to_owned(),
        "责任编辑：罗青　联系电话：0745-8000000".to_owned(),
    ]);
    lines.join("\n") + "\n"
}

fn store(dir: &Path) -> SqliteStore {
    let instant = chrono::DateTime::parse_from_rfc3339("2025-09-02T08:30:00Z").expect("valid constant");
    let clock = FixedClock(instant.with_timezone(&chrono::Utc));
    let mut store = SqliteStore::open(&dir.join("archive.sqlite3"), clock.boxed()).expect("opens");
    service::ensure_publication(&mut store).expect("publication");
    store
}

fn totals(store: &SqliteStore) -> Vec<(u32, u32, NaiveDate)> {
    let publication = store.default_publication_id().expect("publication");
    let mut found: Vec<_> = store
        .list_issues(publication)
        .expect("lists")
        .into_iter()
        .map(|issue| (issue.number, issue.total_number, issue.date))
        .collect();
    found.sort();
    found
}

fn choice(file: &str, fill: MastheadFill) -> ArchiveChoice {
    ArchiveChoice { file: file.into(), fill }
}

#[test]
fn chosen_files_are_stored_with_the_values_given_and_the_rest_reported() {
    let work = tempfile::tempdir().expect("temporary folder");
    let folder = work.path().join("往期");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("a-完整.txt"), back_issue(3, "五十一", 11, true)).expect("writes");
    std::fs::write(folder.join("b-无期号.txt"), back_issue(0, "", 18, false)).expect("writes");
    std::fs::write(folder.join("c-跳过.txt"), back_issue(5, "五十三", 25, true)).expect("writes");
    let mut store = store(work.path());

    let files = service::archive_files(&folder).expect("three files");
    let review =
        service::analyse_archive(&store, &files, &MastheadFill::default(), &mut |_| {}).expect("reads");
    let statuses: Vec<ArchiveStatus> = review.entries.iter().map(|entry| entry.status).collect();
    assert_eq!(statuses, [ArchiveStatus::Ready, ArchiveStatus::NeedsInput, ArchiveStatus::Ready]);

    let mut seen = Vec::new();
    let given = MastheadFill { number: Some(4), total_number: Some(52), date: None };
    let chosen = [choice("a-完整.txt", MastheadFill::default()), choice("b-无期号.txt", given)];
    let commit =
        service::import_chosen(&mut store, &folder, &chosen, &mut |p| seen.push(p.done)).expect("imports");

    assert_eq!(commit.imported.len(), 2, "both chosen files are stored: {commit:?}");
    assert!(commit.failed.is_empty(), "{:?}", commit.failed);
    let day = |d| NaiveDate::from_ymd_opt(2017, 4, d).expect("valid");
    assert_eq!(totals(&store), [(3, 51, day(11)), (4, 52, day(18))], "the skipped file is not stored");
    assert_eq!(seen.last(), Some(&2), "progress ends at every chosen file read");
}

#[test]
fn what_cannot_be_stored_is_reported_and_never_stops_the_others() {
    let work = tempfile::tempdir().expect("temporary folder");
    let folder = work.path().join("往期");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("a-完整.txt"), back_issue(3, "五十一", 11, true)).expect("writes");
    std::fs::write(folder.join("b-无期号.txt"), back_issue(0, "", 18, false)).expect("writes");
    std::fs::write(folder.join("c-重复.txt"), back_issue(3, "五十一", 11, true)).expect("writes");
    let mut store = store(work.path());
    let first = service::import_chosen(
        &mut store,
        &folder,
        &[choice("a-完整.txt", MastheadFill::default())],
        &mut |_| {},
    )
    .expect("imports");
    assert_eq!(first.imported.len(), 1);

    let chosen = [
        choice("c-重复.txt", MastheadFill::default()),
        choice("b-无期号.txt", MastheadFill { number: Some(4), ..MastheadFill::default() }),
        choice("不存在.txt", MastheadFill::default()),
        choice("a-完整.txt", MastheadFill { number: Some(0), ..MastheadFill::default() }),
    ];
    let commit =
        service::import_chosen(&mut store, &folder, &chosen, &mut |_| {}).expect("reports, not fails");

    assert!(commit.imported.is_empty(), "nothing here may be stored: {commit:?}");
    let reason = |file: &str| {
        commit.failed.iter().find(|f| f.file == file).map(|f| f.message.clone()).unwrap_or_default()
    };
    assert!(reason("c-重复.txt").contains("总第51期已在数据库中"), "{}", reason("c-重复.txt"));
    assert!(reason("b-无期号.txt").contains("总期号"), "the total still lacks: {}", reason("b-无期号.txt"));
    assert!(reason("不存在.txt").contains("已不在"), "{}", reason("不存在.txt"));
    assert!(reason("a-完整.txt").contains("是 0"), "{}", reason("a-完整.txt"));
    assert_eq!(totals(&store).len(), 1, "the store holds only the first import");
}
