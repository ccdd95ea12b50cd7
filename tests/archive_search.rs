//! Search on a generated archive of 500 issues (`archive_corpus`): planted words are found
//! exactly where they were planted, and for common words, short and long, the hits are those
//! a plain scan of the generated issues finds, in the same order, with the filters applied.

mod archive_corpus;
mod common;

use std::sync::OnceLock;

use archive_corpus::{ISSUES, PLANTED};
use jianbao::archive::UnitAlias;
use jianbao::domain::{Article, Issue};
use jianbao::proof::Part;
use jianbao::service::{self, MAX_HITS, SearchRequest, SearchResults};
use jianbao::store::prelude::*;
use jianbao::store::{Id, SqliteStore};

/// The archive is built once for all tests of this file (500 issue transactions).
fn archive() -> &'static (common::TempDb, Vec<Id>) {
    static ARCHIVE: OnceLock<(common::TempDb, Vec<Id>)> = OnceLock::new();
    ARCHIVE.get_or_init(|| {
        let db = common::TempDb::new();
        let mut store = db.open();
        let (_, ids) = archive_corpus::fill(&mut store);
        let merged = UnitAlias {
            alias: "会同县人大常委会办公室".into(), unit: "会同县人大常委会".into()
        };
        store
            .save_unit_aliases(store.default_publication_id().expect("publication"), &[merged])
            .expect("aliases");
        (db, ids)
    })
}

fn store() -> SqliteStore {
    archive().0.open()
}

fn search(request: SearchRequest) -> SearchResults {
    service::search_articles(&store(), &request).expect("search")
}

fn request(text: &str) -> SearchRequest {
    SearchRequest { text: text.into(), year: None, unit: None, limit: Some(MAX_HITS) }
}

/// Every text of an article as printed, read from the generated article directly.
fn texts(article: &Article) -> Vec<String> {
    let mut texts = vec![article.title.concat()];
    texts.extend(article.body.iter().map(|block| block.plain_text()));
    texts.extend(article.attribution_lines());
    texts
}

/// (issue index, article position) of every article holding `text`, newest issue first: what
/// the search must answer, found without the store.
fn scanned(text: &str, keep: impl Fn(&Issue, &Article) -> bool) -> Vec<(u32, usize)> {
    let wanted = text.to_ascii_lowercase();
    let mut found = vec![];
    for index in (0..ISSUES).rev() {
        let issue = archive_corpus::issue(index);
        for (position, article) in issue.articles.iter().enumerate() {
            let holds = texts(article).iter().any(|t| t.to_ascii_lowercase().contains(&wanted));
            if holds && keep(&issue, article) {
                found.push((index, position));
            }
        }
    }
    found
}

/// The hits as (issue index, article position), from the stored ids.
fn places(results: &SearchResults) -> Vec<(u32, usize)> {
    let store = store();
    let ids = &archive().1;
    results
        .hits
        .iter()
        .map(|hit| {
            let index = ids.iter().position(|id| *id == hit.issue_id).expect("a stored issue") as u32;
            let articles = store.issue(hit.issue_id).expect("issue").article_ids;
            (index, articles.iter().position(|id| *id == hit.article_id).expect("an article of the issue"))
        })
        .collect()
}

fn assert_same_as_scan(request: SearchRequest, keep: impl Fn(&Issue, &Article) -> bool) {
    let expected = scanned(&request.text, keep);
    let results = search(request.clone());
    assert_eq!(results.total as usize, expected.len(), "how many articles hold “{}”", request.text);
    let shown = expected.len().min(MAX_HITS as usize);
    assert_eq!(places(&results), expected[..shown], "which articles, newest first, for “{}”", request.text);
}

#[test]
fn planted_words_are_found_exactly_where_they_were_planted() {
    for (word, holds, at_article, _) in PLANTED {
        let results = search(request(&word.to_lowercase()));
        let expected: Vec<(u32, usize)> =
            (0..ISSUES).rev().filter(|i| holds(*i)).map(|i| (i, at_article)).collect();
        assert!(!expected.is_empty(), "the corpus plants “{word}” somewhere");
        assert_eq!(places(&results), expected, "“{word}”: planted once in each of these issues");
        for hit in &results.hits {
            assert_eq!(hit.part, Part::Body);
            let (start, end) =
                (hit.snippet.highlights[0].start as usize, hit.snippet.highlights[0].end as usize);
            let marked: String = hit.snippet.text.chars().skip(start).take(end - start).collect();
            assert_eq!(marked, word, "the snippet marks the word as stored, upper case included");
            let stored = store().article(hit.article_id).expect("article").article;
            let block: String = stored.body[hit.block as usize].plain_text();
            let first = hit.snippet.first.expect("where the editor selects");
            let selected: String =
                block.chars().skip(first.start as usize).take((first.end - first.start) as usize).collect();
            assert_eq!(selected, word, "the place names the match in the stored block");
        }
    }
}

#[test]
fn two_character_queries_find_what_a_scan_finds() {
    assert_same_as_scan(request("人大"), |_, _| true);
    assert_same_as_scan(request("主席"), |_, _| true);
    assert_same_as_scan(request("骊珠"), |_, _| true);
}

#[test]
fn one_character_and_long_queries_find_what_a_scan_finds() {
    assert_same_as_scan(request("甑"), |_, _| true);
    assert_same_as_scan(request("麻阳县"), |_, _| true);
    assert_same_as_scan(request("执法检查回头看"), |_, _| true);
    assert_same_as_scan(request("通道县代表小组"), |_, _| true);
    assert_same_as_scan(request("gdp"), |_, _| true);
}

#[test]
fn a_query_nothing_holds_finds_nothing() {
    let results = search(request("青山湖湿地开发"));
    assert_eq!((results.total, results.hits.len()), (0, 0));
}

#[test]
fn the_year_filter_keeps_that_years_issues() {
    let in_2011 = SearchRequest { year: Some(2011), ..request("人大") };
    assert_same_as_scan(in_2011, |issue, _| issue.year == 2011);
    let results = search(SearchRequest { year: Some(2011), ..request("青山湖湿地保护") });
    let years: Vec<i32> =
        results.hits.iter().map(|hit| hit.date.format("%Y").to_string().parse().expect("year")).collect();
    assert!(years.iter().all(|year| *year == 2011), "{years:?}");
}

#[test]
fn the_unit_filter_takes_the_names_the_alias_list_merges() {
    let huitong = SearchRequest { unit: Some("会同县人大常委会".into()), ..request("代表") };
    let results = search(huitong.clone());
    assert_eq!(results.units, ["会同县人大常委会", "会同县人大常委会办公室"], "both names of the one unit");
    assert_same_as_scan(huitong, |_, article| {
        article.contributors.iter().any(|unit| unit.starts_with("会同县"))
    });
    let city = SearchRequest { unit: Some("怀化市".into()), year: Some(2020), ..request("人大") };
    assert_same_as_scan(city, |issue, article| {
        issue.year == 2020 && article.contributors.iter().any(|unit| unit == "怀化市人大常委会")
    });
}

#[test]
fn an_unknown_unit_is_refused_with_what_to_do() {
    let error =
        service::search_articles(&store(), &SearchRequest { unit: Some("长沙市".into()), ..request("人大") })
            .expect_err("no article of 长沙市");
    assert!(error.message.contains("没有哪篇文章的供稿单位含有“长沙市”"), "{}", error.message);
}

#[test]
fn the_hit_limit_shows_the_newest_and_counts_all() {
    let results = search(SearchRequest { limit: Some(20), ..request("人大") });
    assert_eq!(results.hits.len(), 20);
    assert_eq!(results.total, ISSUES * 5, "every generated article names 人大");
    assert_eq!(places(&results)[..5], [(499, 0), (499, 1), (499, 2), (499, 3), (499, 4)]);
}
