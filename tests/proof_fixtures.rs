//! Every proof finding on each fixture, snapshot-tested so that each one is reviewed:
//! `UPDATE=1` rewrites tests/snapshots/proof-*.txt, a missing or different snapshot fails.

mod common;

use std::fmt::Write;
use std::path::Path;

use jianbao::domain::IssueFile;
use jianbao::proof::{Finding, RuleId, WordList, check_issue};

const FIXTURES: [&str; 3] = ["lianluo-2024-18", "lianluo-2025-12", "lianluo-2025-13"];

fn findings(name: &str) -> Vec<Finding> {
    let text =
        std::fs::read_to_string(common::fixture(&format!("{name}.json"))).expect("fixture is readable");
    let file = IssueFile::from_json(&text).expect("a valid issue file");
    check_issue(&file.issue, &file.publication, &WordList::shipped())
}

fn render(findings: &[Finding]) -> String {
    let mut text = String::new();
    for f in findings {
        let article = f.article.map_or("-".into(), |a| a.to_string());
        let rule = serde_json::to_value(f.rule).expect("plain enum");
        let rule = rule.as_str().unwrap_or_default();
        let fix = f.suggestion.as_ref().map_or(String::new(), |s| format!(" → “{s}”"));
        writeln!(text, "{article} {:?}:{}:{}-{} {rule} “{}”{fix}", f.part, f.block, f.start, f.end, f.text)
            .expect("writes to a String");
        writeln!(text, "    {}", f.message).expect("writes to a String");
    }
    text
}

fn check_snapshot(name: &str, fresh: &str) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/snapshots").join(format!("proof-{name}.txt"));
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(&path, fresh).expect("can write the snapshot");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("snapshot {} is missing: run with UPDATE=1 and review it", path.display())
    });
    assert!(committed == fresh, "the findings on {name} changed: run with UPDATE=1 and review the diff");
}

#[test]
fn findings_on_each_fixture_match_their_snapshots() {
    for name in FIXTURES {
        check_snapshot(name, &render(&findings(name)));
    }
}

#[test]
fn the_known_wrong_attribution_is_found() {
    let found = findings("lianluo-2025-13");
    let place = found.iter().find(|f| f.rule == RuleId::AttributionPlace).expect("会同市 is flagged");
    assert_eq!((place.article, place.text.as_str()), (Some(1), "会同市"));
    assert_eq!(place.suggestion.as_deref(), Some("会同县"));
}

#[test]
fn every_range_points_at_its_text() {
    for name in FIXTURES {
        for f in findings(name) {
            assert!(f.start < f.end, "{f:?}");
            assert_eq!(f.text.chars().count(), (f.end - f.start) as usize, "{f:?}");
        }
    }
}

#[test]
fn the_word_list_raises_no_false_alarm_on_the_fixtures() {
    let found: Vec<(&str, String)> = FIXTURES
        .iter()
        .flat_map(|&name| {
            findings(name).into_iter().filter(|f| f.rule == RuleId::Word).map(move |f| (name, f.text))
        })
        .collect();
    // The one listed word in the printed issues is a real slip: a city makes 地方性法规, and
    // no place but the state makes laws.
    assert_eq!(found, [("lianluo-2024-18", "地方法律法规".to_owned())]);
}

#[test]
fn the_typo_and_place_checks_raise_no_false_alarm_on_the_fixtures() {
    let quiet = [RuleId::Typo, RuleId::UnknownPlace, RuleId::WrongPrefecture];
    let found: Vec<(&str, String, String)> = FIXTURES
        .iter()
        .flat_map(|&name| {
            findings(name)
                .into_iter()
                .filter(|f| quiet.contains(&f.rule))
                .map(move |f| (name, f.text, f.message))
        })
        .collect();
    // The printed issues were proofread: every character and place in them is as meant.
    assert!(found.is_empty(), "false alarms on the printed issues: {found:#?}");
}
