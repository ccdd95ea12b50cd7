//! The archive: search across every issue and the 供稿 counts, from an index the store keeps in
//! the transaction of each article write, so that it never shows text no longer stored.

use chrono::NaiveDate;
use jianbao::archive::{SearchText, UnitAlias};
use jianbao::domain::{Article, Issue, Publication};
use jianbao::proof::Part;
use jianbao::store::{ArticleSearch, Id, SearchRows, Store, StoreError, YearCount};

use super::{NO_GUARD, TestDatabase, contract_tests, sign_off};

contract_tests![
    queries_of_one_two_and_more_characters_find_their_articles,
    latin_letters_match_without_case_and_quotes_are_plain_text,
    a_hit_names_its_issue_article_and_the_first_matching_text,
    the_index_follows_saves_removals_and_the_trash,
    a_refused_save_leaves_the_index_as_it_was,
    year_and_unit_filters_narrow_the_hits,
    hits_come_newest_first_and_the_total_counts_past_the_limit,
    units_and_yearly_characters_are_counted_from_live_articles,
    the_alias_list_is_replaced_whole_per_publication,
];

fn article(title: &str, paragraphs: &[&str], units: &[&str]) -> Article {
    crate::common::attributed_article(title, paragraphs, units)
}

/// 600 is 第1期, 630 第31期: any number will do, each issue has its own.
fn issue(date: (i32, u32, u32), total: u32, articles: Vec<Article>) -> Issue {
    crate::common::issue_on(date, total % 40 + 1, total, articles)
}

/// Two issues of two years: 2023 (total 600) and 2024 (total 630).
struct Archive {
    store: Box<dyn Store>,
    publication: Id,
    older: Id,
    newer: Id,
}

fn archive(db: &dyn TestDatabase) -> Archive {
    let mut store = db.open();
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let older = issue(
        (2023, 5, 8),
        600,
        vec![
            article(
                "辰溪县人大开展集中视察",
                &["视察组察看了三处水利工地。", "人大代表提出整改意见。"],
                &["辰溪县人大常委会"],
            ),
            article(
                "麻阳县推进代表联络站建设",
                &["全县建成联络站十二个。"],
                &["麻阳县人大常委会", "怀化市人大常委会"],
            ),
        ],
    );
    let older = store.create_issue(publication, &older, "汤建").expect("older issue");
    let newer = issue(
        (2024, 11, 20),
        630,
        vec![article(
            "芷江县代表督办民生实事",
            &["督办事项涉及5G基站和农村供水。", "人大常委会跟踪问效。"],
            &["芷江县人大常委会"],
        )],
    );
    let newer = store.create_issue(publication, &newer, "汤建").expect("newer issue");
    Archive { store, publication, older, newer }
}

fn search(a: &Archive, text: &str) -> SearchRows {
    search_with(a, text, None, None, 50)
}

fn search_with(
    a: &Archive,
    text: &str,
    year: Option<i32>,
    units: Option<&[String]>,
    limit: u32,
) -> SearchRows {
    let text = SearchText::parse(text).expect("a searchable query");
    let search = ArticleSearch { publication_id: a.publication, text: &text, year, units, limit };
    a.store.search_articles(&search).expect("search")
}

fn titles(rows: &SearchRows) -> Vec<&str> {
    rows.hits.iter().map(|hit| hit.title.as_str()).collect()
}

fn queries_of_one_two_and_more_characters_find_their_articles(db: &dyn TestDatabase) {
    let a = archive(db);
    assert_eq!(
        titles(&search(&a, "人大")),
        ["芷江县代表督办民生实事", "辰溪县人大开展集中视察", "麻阳县推进代表联络站建设"],
        "麻阳 names 人大 in its attribution line only"
    );
    assert_eq!(titles(&search(&a, "渠")), Vec::<&str>::new(), "a character no text holds");
    assert_eq!(titles(&search(&a, "站")), ["芷江县代表督办民生实事", "麻阳县推进代表联络站建设"]);
    assert_eq!(titles(&search(&a, "水利工地")), ["辰溪县人大开展集中视察"]);
    assert_eq!(titles(&search(&a, "联络站建设")), ["麻阳县推进代表联络站建设"], "in the title");
    assert_eq!(titles(&search(&a, "怀化市")), ["麻阳县推进代表联络站建设"], "in the attribution line");
    assert_eq!(search(&a, "水利 工地").total, 0, "a space is searched as typed");
}

fn latin_letters_match_without_case_and_quotes_are_plain_text(db: &dyn TestDatabase) {
    let mut a = archive(db);
    assert_eq!(search(&a, "5g").total, 1, "two characters: the scan");
    assert_eq!(search(&a, "5g基站").total, 1, "four characters: the trigram index");
    let quoted = article("“三个代表”\"学习\"", &["OR NOT 之类的词不是查询语法。"], &[]);
    a.store.add_article(a.newer, &quoted, "汤建").expect("add");
    assert_eq!(search(&a, "\"学习\"").total, 1);
    assert_eq!(search(&a, "or not").total, 1);
    assert_eq!(search(&a, "NOT 之类").total, 1);
}

fn a_hit_names_its_issue_article_and_the_first_matching_text(db: &dyn TestDatabase) {
    let a = archive(db);
    let rows = search(&a, "代表");
    let hit =
        rows.hits.iter().find(|hit| hit.issue_id == a.older && hit.title.starts_with("辰溪")).expect("found");
    let stored = a.store.issue(a.older).expect("issue");
    assert_eq!(hit.article_id, stored.article_ids[0]);
    assert_eq!((hit.year, hit.number, hit.total_number), (2023, 1, 600));
    assert_eq!(hit.date, NaiveDate::from_ymd_opt(2023, 5, 8).expect("date"));
    assert_eq!((hit.part, hit.block, hit.text.as_str()), (Part::Body, 1, "人大代表提出整改意见。"));
    assert_eq!(hit.matching_texts, 1);
    let title_hit = search(&a, "辰溪县");
    assert_eq!(title_hit.hits[0].part, Part::Title, "the title comes first in reading order");
    assert_eq!(title_hit.hits[0].matching_texts, 2, "the title and the attribution line");
}

fn the_index_follows_saves_removals_and_the_trash(db: &dyn TestDatabase) {
    let mut a = archive(db);
    let first = a.store.issue(a.older).expect("issue").article_ids[0];
    let edited = article("辰溪县人大开展集中视察", &["视察组察看了两处灌区。"], &["辰溪县人大常委会"]);
    a.store.save_article(first, &edited, "汤建", &NO_GUARD).expect("save");
    assert_eq!(search(&a, "水利工地").total, 0, "the old text is gone from the index");
    assert_eq!(search(&a, "灌区").total, 1, "the new text is in it");
    let added = a.store.append_articles(a.newer, &[article("新增稿件", &["乡村振兴简讯。"], &[])], "汤建");
    let added = added.expect("append")[0];
    assert_eq!(search(&a, "乡村振兴简讯").hits[0].article_id, added);
    a.store.remove_article(added).expect("remove");
    assert_eq!(search(&a, "乡村振兴简讯").total, 0, "a removed article is not searched");
    a.store.trash_issue(a.newer).expect("trash");
    assert_eq!(search(&a, "5G").total, 0, "nor is an issue in the trash");
    a.store.restore_issue(a.newer).expect("restore");
    assert_eq!(search(&a, "5G").total, 1, "until it is restored");
}

fn a_refused_save_leaves_the_index_as_it_was(db: &dyn TestDatabase) {
    let mut a = archive(db);
    sign_off(&mut *a.store, a.newer);
    let article_id = a.store.issue(a.newer).expect("issue").article_ids[0];
    let edited = article("芷江县代表督办民生实事", &["改过的正文。"], &[]);
    let refused = a.store.save_article(article_id, &edited, "汤建", &NO_GUARD);
    assert!(matches!(refused, Err(StoreError::SignedOff)), "{refused:?}");
    assert_eq!(search(&a, "农村供水").total, 1, "the index still holds the stored text");
    assert_eq!(search(&a, "改过的正文").total, 0, "and not the refused one");
}

fn year_and_unit_filters_narrow_the_hits(db: &dyn TestDatabase) {
    let a = archive(db);
    assert_eq!(titles(&search_with(&a, "代表", Some(2023), None, 50)).len(), 2);
    assert_eq!(titles(&search_with(&a, "代表", Some(2024), None, 50)), ["芷江县代表督办民生实事"]);
    assert_eq!(search_with(&a, "代表", Some(2022), None, 50).total, 0);
    let huaihua = vec!["怀化市人大常委会".to_owned()];
    assert_eq!(
        titles(&search_with(&a, "代表", None, Some(huaihua.as_slice()), 50)),
        ["麻阳县推进代表联络站建设"]
    );
    let none: Vec<String> = vec![];
    assert_eq!(search_with(&a, "代表", None, Some(none.as_slice()), 50).total, 0, "no unit: no article");
}

fn hits_come_newest_first_and_the_total_counts_past_the_limit(db: &dyn TestDatabase) {
    let a = archive(db);
    let rows = search_with(&a, "县", None, None, 2);
    assert_eq!(rows.total, 3, "all three articles name a 县");
    assert_eq!(
        titles(&rows),
        ["芷江县代表督办民生实事", "辰溪县人大开展集中视察"],
        "print order within an issue"
    );
    assert_eq!(rows.hits[0].issue_id, a.newer);
}

fn units_and_yearly_characters_are_counted_from_live_articles(db: &dyn TestDatabase) {
    let mut a = archive(db);
    let units = a.store.contributing_units(a.publication).expect("units");
    assert_eq!(units, ["怀化市人大常委会", "芷江县人大常委会", "辰溪县人大常委会", "麻阳县人大常委会"]);
    let contributions = a.store.contributions(a.publication).expect("contributions");
    let named: Vec<(&str, i32)> =
        contributions.iter().map(|c| (c.unit.as_str(), chrono::Datelike::year(&c.date))).collect();
    assert_eq!(
        named,
        [
            ("辰溪县人大常委会", 2023),
            ("麻阳县人大常委会", 2023),
            ("怀化市人大常委会", 2023),
            ("芷江县人大常委会", 2024)
        ]
    );
    // Hand-counted Han characters (title and body; the attribution line is not 字数):
    // 辰溪县人大开展集中视察 11 + 视察组察看了三处水利工地 12 + 人大代表提出整改意见 10;
    // 麻阳县推进代表联络站建设 12 + 全县建成联络站十二个 10; 芷江县代表督办民生实事 11 +
    // 督办事项涉及基站和农村供水 13 + 人大常委会跟踪问效 9.
    let counts = a.store.year_counts(a.publication).expect("years");
    assert_eq!(
        counts,
        [
            YearCount { year: 2023, issues: 1, characters: 55 },
            YearCount { year: 2024, issues: 1, characters: 33 }
        ]
    );
    let removed = a.store.issue(a.older).expect("issue").article_ids[1];
    a.store.remove_article(removed).expect("remove");
    let units = a.store.contributing_units(a.publication).expect("units");
    assert_eq!(
        units,
        ["芷江县人大常委会", "辰溪县人大常委会"],
        "a removed article's units are no longer counted"
    );
    assert_eq!(a.store.year_counts(a.publication).expect("years")[0].characters, 33);
}

fn the_alias_list_is_replaced_whole_per_publication(db: &dyn TestDatabase) {
    let mut store = db.open();
    let first = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let second = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let row = |alias: &str, unit: &str| UnitAlias { alias: alias.into(), unit: unit.into() };
    assert!(store.unit_aliases(first).expect("read").is_empty(), "no list until one is saved");
    store
        .save_unit_aliases(first, &[row("会同县人大办", "会同县人大常委会"), row("甲", "乙")])
        .expect("save");
    store.save_unit_aliases(first, &[row("会同县人大常委会办公室", "会同县人大常委会")]).expect("replace");
    assert_eq!(
        db.open().unit_aliases(first).expect("read"),
        [row("会同县人大常委会办公室", "会同县人大常委会")]
    );
    assert!(store.unit_aliases(second).expect("read").is_empty(), "kept per publication");
    let twice = [row("丙", "丁"), row("丙", "戊")];
    assert!(matches!(store.save_unit_aliases(first, &twice), Err(StoreError::Invalid(_))));
    assert_eq!(store.unit_aliases(first).expect("read").len(), 1, "a refused list changes nothing");
}
