//! Matching and replacing in a list of runs (a paragraph, a heading, the 编者按): the runs are
//! read as one text, so a match may cross a bold or comment boundary.

use std::ops::Range;

use super::Query;
use crate::domain::{Inline, Suggestion, SuggestionKind};

/// One match in a list of runs, as char offsets into the runs' joined text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchIn {
    pub range: Range<usize>,
    /// The match touches text a pending suggestion holds; it is not replaced.
    pub in_suggestion: bool,
}

pub fn find_in_runs(runs: &[Inline], query: &Query) -> Vec<MatchIn> {
    let chars: Vec<char> = runs.iter().flat_map(|run| run.text.chars()).collect();
    let spans = run_spans(runs);
    query
        .matches(&chars)
        .into_iter()
        .map(|range| {
            let in_suggestion = overlapping(&spans, &range).any(|i| runs[i].suggestion.is_some());
            MatchIn { range, in_suggestion }
        })
        .collect()
}

/// The runs with every range (sorted, not overlapping, none touching a suggestion) replaced
/// by `replacement`. The new text is bold if the whole match was (the marks the match shares,
/// as the editor's search library does) and carries the comment threads of every run it
/// replaces, so no thread loses its anchor.
pub fn replace_runs(runs: &[Inline], ranges: &[Range<usize>], replacement: &str) -> Vec<Inline> {
    let spans = run_spans(runs);
    let mut out: Vec<Inline> = vec![];
    for (index, run) in runs.iter().enumerate() {
        let span = &spans[index];
        let mut cursor = span.start;
        for range in ranges.iter().filter(|r| r.start < span.end && r.end > span.start) {
            if range.start > cursor {
                out.push(piece(run, span, cursor..range.start));
            }
            if range.start >= span.start && !replacement.is_empty() {
                let comments = comments_of(runs, &spans, range);
                out.push(Inline { comments, ..Inline::styled(replacement, all_bold(runs, &spans, range)) });
            }
            cursor = cursor.max(range.end.min(span.end));
        }
        if cursor < span.end {
            out.push(piece(run, span, cursor..span.end));
        }
    }
    out
}

/// Like `replace_runs`, but as 建议模式 records it: the matched text stays, marked as a
/// suggested deletion, followed by the replacement as a suggested insertion of the same id
/// (the pair the editor's suggestion library makes for typing over a selection).
/// `next_id` is the first unused suggestion id of the article; answers the next one.
pub fn suggest_runs(
    runs: &[Inline],
    ranges: &[Range<usize>],
    replacement: &str,
    signed: (&str, &str),
    next_id: u32,
) -> (Vec<Inline>, u32) {
    let (author, at) = signed;
    let suggestion = |kind, id| Some(Suggestion { kind, id, author: author.to_owned(), at: at.to_owned() });
    let spans = run_spans(runs);
    let mut out: Vec<Inline> = vec![];
    for (index, run) in runs.iter().enumerate() {
        let span = &spans[index];
        let mut cursor = span.start;
        for (number, range) in
            ranges.iter().enumerate().filter(|(_, r)| r.start < span.end && r.end > span.start)
        {
            let id = next_id + number as u32;
            if range.start > cursor {
                out.push(piece(run, span, cursor..range.start));
            }
            let end = range.end.min(span.end);
            let deleted = cursor.max(range.start)..end;
            out.push(Inline {
                suggestion: suggestion(SuggestionKind::Deletion, id),
                ..piece(run, span, deleted)
            });
            if range.end <= span.end && !replacement.is_empty() {
                let bold = all_bold(runs, &spans, range);
                out.push(Inline {
                    suggestion: suggestion(SuggestionKind::Insertion, id),
                    ..Inline::styled(replacement, bold)
                });
            }
            cursor = end;
        }
        if cursor < span.end {
            out.push(piece(run, span, cursor..span.end));
        }
    }
    (out, next_id + ranges.len() as u32)
}

/// Each run's char range in the joined text.
fn run_spans(runs: &[Inline]) -> Vec<Range<usize>> {
    let mut start = 0;
    runs.iter()
        .map(|run| {
            let end = start + run.text.chars().count();
            let span = start..end;
            start = end;
            span
        })
        .collect()
}

fn overlapping<'a>(spans: &'a [Range<usize>], range: &'a Range<usize>) -> impl Iterator<Item = usize> + 'a {
    spans.iter().enumerate().filter(|(_, s)| s.start < range.end && s.end > range.start).map(|(i, _)| i)
}

/// The part `range` (joined-text offsets inside `span`) of `run`, with the run's marks.
fn piece(run: &Inline, span: &Range<usize>, range: Range<usize>) -> Inline {
    let text: String = run.text.chars().skip(range.start - span.start).take(range.len()).collect();
    Inline { text, ..run.clone() }
}

fn all_bold(runs: &[Inline], spans: &[Range<usize>], range: &Range<usize>) -> bool {
    overlapping(spans, range).all(|index| runs[index].bold)
}

fn comments_of(runs: &[Inline], spans: &[Range<usize>], range: &Range<usize>) -> Vec<String> {
    let mut ids: Vec<String> = vec![];
    for index in overlapping(spans, range) {
        for id in &runs[index].comments {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::find::FindOptions;

    fn query(text: &str) -> Query {
        Query::new(text, FindOptions { fold_width: true }).expect("query")
    }

    fn suggested(text: &str, kind: SuggestionKind, id: u32) -> Inline {
        let suggestion =
            Some(Suggestion { kind, id, author: "甲".into(), at: "2025-09-01T08:00:00Z".into() });
        Inline { suggestion, ..Inline::plain(text) }
    }

    fn joined(runs: &[Inline]) -> String {
        runs.iter().map(|run| run.text.as_str()).collect()
    }

    #[test]
    fn a_match_crosses_a_bold_boundary_and_is_bold_only_if_wholly_bold() {
        let runs = [Inline::plain("春耕"), Inline::styled("备耕", true), Inline::plain("忙")];
        let found = find_in_runs(&runs, &query("耕备"));
        assert_eq!(found, [MatchIn { range: 1..3, in_suggestion: false }]);
        let replaced = replace_runs(&runs, std::slice::from_ref(&(1..3)), "种");
        assert_eq!(joined(&replaced), "春种耕忙");
        assert_eq!(
            replaced.iter().map(|r| r.bold).collect::<Vec<_>>(),
            [false, false, true, false],
            "half the match was plain, so the new text is; the rest of the bold run stays bold"
        );
    }

    #[test]
    fn a_replaced_commented_run_keeps_its_thread() {
        let commented = Inline { comments: vec!["t1".into()], ..Inline::plain("旧称") };
        let runs = [Inline::plain("改用"), commented, Inline::plain("以后")];
        let replaced = replace_runs(&runs, std::slice::from_ref(&(2..4)), "新名");
        assert_eq!(joined(&replaced), "改用新名以后");
        assert_eq!(replaced[1].comments, ["t1"], "the thread's anchor moves onto the new text");
    }

    #[test]
    fn matches_inside_or_touching_a_suggestion_are_marked() {
        let runs = [
            Inline::plain("甲乙"),
            suggested("乙丙", SuggestionKind::Insertion, 1),
            Inline::plain("丁"),
            suggested("乙", SuggestionKind::Deletion, 2),
        ];
        let found = find_in_runs(&runs, &query("乙"));
        let flags: Vec<bool> = found.iter().map(|m| m.in_suggestion).collect();
        assert_eq!(flags, [false, true, true], "the plain 乙, the inserted one, the deleted one");
        let straddling = find_in_runs(&runs, &query("乙乙"));
        assert_eq!(straddling, [MatchIn { range: 1..3, in_suggestion: true }]);
    }

    #[test]
    fn several_matches_in_one_run_and_an_empty_replacement_deletes() {
        let runs = [Inline::plain("的的确确的")];
        let ranges: Vec<_> = find_in_runs(&runs, &query("的")).into_iter().map(|m| m.range).collect();
        assert_eq!(joined(&replace_runs(&runs, &ranges, "")), "确确");
    }

    #[test]
    fn suggesting_keeps_the_old_text_as_a_deletion_beside_the_insertion() {
        let runs = [Inline::plain("按照"), Inline::styled("有关", true), Inline::plain("规定")];
        let (out, next) =
            suggest_runs(&runs, std::slice::from_ref(&(1..3)), "依", ("乙", "2025-09-02T08:00:00Z"), 5);
        assert_eq!(next, 6);
        let shape: Vec<(&str, Option<SuggestionKind>, Option<u32>)> = out
            .iter()
            .map(|r| {
                (r.text.as_str(), r.suggestion.as_ref().map(|s| s.kind), r.suggestion.as_ref().map(|s| s.id))
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("按", None, None),
                ("照", Some(SuggestionKind::Deletion), Some(5)),
                ("有", Some(SuggestionKind::Deletion), Some(5)),
                ("依", Some(SuggestionKind::Insertion), Some(5)),
                ("关", None, None),
                ("规定", None, None),
            ]
        );
        assert!(out[2].bold, "the deleted part of the bold run stays bold");
        let settled = crate::domain::Article {
            body: vec![crate::domain::Block::Paragraph { content: out }],
            ..crate::domain::Article::empty()
        }
        .settled();
        assert_eq!(settled.body[0].plain_text(), "按照有关规定", "until accepted, what prints is unchanged");
    }
}
