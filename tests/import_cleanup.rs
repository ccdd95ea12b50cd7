//! The cleanup's proposals on each fixture, snapshot-tested: `UPDATE=1` rewrites the files in
//! tests/snapshots/, a missing or different snapshot fails.

mod support;

use std::fmt::Write;
use std::path::Path;

use jianbao::import::{CleanupRule, ImportedIssue, import_issue_text};

const FIXTURES: [&str; 3] = ["lianluo-2024-18", "lianluo-2025-12", "lianluo-2025-13"];

fn render(issue: &ImportedIssue) -> String {
    let mut text = String::new();
    for (index, article) in issue.articles.iter().enumerate() {
        let title = article.with_safe_changes().title_text();
        writeln!(text, "## 文章 {}：{title}", index + 1).expect("writes to a String");
        for p in &article.proposals {
            let safe = if p.safe { "safe" } else { "REVIEW" };
            let location = format!("{}:{}-{}", p.location.block, p.location.start, p.location.end);
            writeln!(text, "#{} {:?} {safe} {location} “{}” → “{}”", p.id, p.rule, p.before, p.after)
                .expect("writes to a String");
            if !p.safe {
                writeln!(text, "    {}", p.message).expect("writes to a String");
            }
        }
    }
    for warning in &issue.warnings {
        writeln!(text, "提示：{warning}").expect("writes to a String");
    }
    text
}

fn check_snapshot(name: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/snapshots")
        .join(format!("{name}.proposals.txt"));
    if std::env::var_os("UPDATE").is_some() {
        std::fs::write(&path, fresh).expect("can write the snapshot");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("snapshot {} is missing: run with UPDATE=1 and review it", path.display())
    });
    assert!(committed == fresh, "the proposals on {name} changed: run with UPDATE=1 and review the diff");
}

#[test]
fn proposals_on_each_fixture_match_their_snapshots() {
    for name in FIXTURES {
        let text = std::fs::read_to_string(support::shared_fixture(name)).expect("fixture is readable");
        let issue = import_issue_text(name, &text).expect("a complete issue");
        check_snapshot(name, &render(&issue));
    }
}

#[test]
fn every_rule_the_fixtures_need_fires() {
    let mut seen = std::collections::BTreeSet::new();
    for name in FIXTURES {
        let text = std::fs::read_to_string(support::shared_fixture(name)).expect("fixture is readable");
        let issue = import_issue_text(name, &text).expect("a complete issue");
        seen.extend(issue.articles.iter().flat_map(|a| a.proposals.iter().map(|p| p.rule)));
    }
    for rule in [
        CleanupRule::JoinLines,
        CleanupRule::FullWidthPunctuation,
        CleanupRule::PairedQuotes,
        CleanupRule::RemoveSpace,
        CleanupRule::SuspiciousCross,
    ] {
        assert!(
            seen.contains(&rule),
            "{rule:?} is needed by the fixtures' hard wraps, commas, quotes, spaces, 十"
        );
    }
}

#[test]
fn pasted_pdf_text_loses_its_page_furniture() {
    let pasted = "联络动态\n推进会召开\n会议指出,要加强\n— 2 —\n联络动态\n基层人大建设...\n\n时间是2024 年,地点在\"湘潭\".";
    let articles = jianbao::import::import_text(pasted);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].with_safe_changes().title, ["推进会召开"], "the running head is not the title");
    let texts: Vec<String> =
        articles.iter().flat_map(|a| a.with_safe_changes().body).map(|block| block.plain_text()).collect();
    assert_eq!(texts, ["会议指出，要加强基层人大建设……", "时间是2024年，地点在“湘潭”."]);
}
