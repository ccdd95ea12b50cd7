//! Whole back-issue import of the three printed issues: the articles must come out exactly
//! as in their faithful exchange-format versions (tests/fixtures/*.json).

use std::path::{Path, PathBuf};

use jianbao::domain::{Block, IssueFile};
use jianbao::import::{ImportedIssue, import_issue_text};

const FIXTURES: [&str; 3] = ["lianluo-2024-18", "lianluo-2025-12", "lianluo-2025-13"];

fn shared_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures").join(format!("{name}.txt"))
}

fn expected(name: &str) -> IssueFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(format!("{name}.json"));
    IssueFile::from_json(&std::fs::read_to_string(path).expect("fixture json is committed"))
        .expect("valid fixture")
}

fn imported(name: &str) -> ImportedIssue {
    let text = std::fs::read_to_string(shared_fixture(name)).expect("shared fixture is readable");
    import_issue_text(name, &text).expect("the fixture is a complete issue")
}

#[test]
fn masthead_numbers_and_date_are_read_back() {
    for name in FIXTURES {
        let issue = imported(name).to_issue();
        let want = expected(name).issue;
        assert_eq!(
            (issue.kind, issue.year, issue.number, issue.total_number, issue.date),
            (want.kind, want.year, want.number, want.total_number, want.date),
            "{name}: masthead"
        );
    }
}

#[test]
fn articles_match_the_exchange_files_exactly() {
    for name in FIXTURES {
        let issue = imported(name).to_issue();
        let want = expected(name).issue;
        assert_eq!(issue.articles.len(), want.articles.len(), "{name}: article count");
        for (got, want) in issue.articles.iter().zip(&want.articles) {
            let title = want.title_text();
            assert_eq!(got.title, want.title, "{name}: title lines of {title}");
            assert_eq!(got.contributors, want.contributors, "{name}: contributors of {title}");
            assert_eq!(got.source, want.source, "{name}: source of {title}");
            assert_eq!(got.body.len(), want.body.len(), "{name}: block count of {title}");
            for (index, (got_block, want_block)) in got.body.iter().zip(&want.body).enumerate() {
                assert_eq!(got_block, want_block, "{name}: block {index} of {title}");
            }
            assert_eq!(got, want, "{name}: whole article {title}");
        }
    }
}

#[test]
fn headings_are_level_one_and_numbered() {
    for name in FIXTURES {
        let issue = imported(name).to_issue();
        for article in &issue.articles {
            for block in &article.body {
                if let Block::Heading { level, .. } = block {
                    assert_eq!(*level, 1, "{name}: the fixtures only have 一、 headings");
                }
            }
        }
    }
}

#[test]
fn contents_match_the_titles() {
    for name in FIXTURES {
        let issue = imported(name);
        assert_eq!(issue.contents.len(), issue.articles.len(), "{name}: one 要目 entry per article");
        let mismatches: Vec<&String> = issue.warnings.iter().filter(|w| w.contains("要目")).collect();
        assert!(mismatches.is_empty(), "{name}: {mismatches:?}");
    }
}

/// Text extracted from a PDF has no `#` marks: titles are then found through the 要目.
#[test]
fn text_without_markdown_marks_gives_the_same_articles() {
    for name in FIXTURES {
        let text = std::fs::read_to_string(shared_fixture(name)).expect("shared fixture is readable");
        let unmarked: String = text
            .lines()
            .map(|line| line.trim_start_matches('#').trim_start().replace("**", ""))
            .map(|line| line + "\n")
            .collect();
        let issue = import_issue_text(name, &unmarked).expect("still a complete issue").to_issue();
        assert_eq!(issue.articles, expected(name).issue.articles, "{name}: same articles without marks");
    }
}
