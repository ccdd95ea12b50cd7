//! Applying a finding's suggestion to the article it was found in, only where the flagged
//! text is still what the check saw: a stale finding (the text was edited since) is refused
//! rather than applied to characters nobody looked at.

use super::{Finding, Part};
use crate::domain::{Article, Block, Inline};

/// Why a suggestion was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplyRefusal {
    /// The text at the finding's range is no longer the flagged text.
    Stale,
    /// The finding has no suggestion, or is in a part the editor changes by hand.
    NotApplicable,
    /// The text holds a proofreader's suggestion not yet accepted or rejected: the check saw
    /// the text without it, so its positions are not the stored ones.
    PendingSuggestion,
}

/// Whether a suggestion can be applied in this part: body blocks, the editor's note, the
/// subtitle and byline are running text. Title lines (a replacement may cross the editor's
/// line break), the attribution (printed from the contributors list), masthead and footer
/// (settings, not text) are changed by hand.
pub fn can_apply(finding: &Finding) -> bool {
    finding.suggestion.is_some()
        && finding.article.is_some()
        && matches!(finding.part, Part::Body | Part::EditorNote | Part::Subtitle | Part::Byline)
}

/// Replaces the finding's range with its suggestion in `article`.
pub fn apply_suggestion(article: &mut Article, finding: &Finding) -> Result<(), ApplyRefusal> {
    let Some(with) = finding.suggestion.as_deref().filter(|_| can_apply(finding)) else {
        return Err(ApplyRefusal::NotApplicable);
    };
    let edit =
        Edit { start: finding.start as usize, end: finding.end as usize, from: &finding.text, to: with };
    match finding.part {
        Part::Body => match article.body.get_mut(finding.block as usize) {
            Some(Block::Paragraph { content } | Block::Heading { content, .. }) => edit.in_inlines(content),
            Some(Block::Image { caption: Some(caption), .. }) => edit.in_string(caption),
            _ => Err(ApplyRefusal::Stale),
        },
        Part::EditorNote => edit.in_inlines(&mut article.editor_note),
        Part::Subtitle => article.subtitle.as_mut().map_or(Err(ApplyRefusal::Stale), |s| edit.in_string(s)),
        Part::Byline => article.byline.as_mut().map_or(Err(ApplyRefusal::Stale), |s| edit.in_string(s)),
        _ => Err(ApplyRefusal::NotApplicable),
    }
}

/// Characters `start..end`, expected to read `from`, become `to`.
struct Edit<'a> {
    start: usize,
    end: usize,
    from: &'a str,
    to: &'a str,
}

impl Edit<'_> {
    fn in_string(&self, text: &mut String) -> Result<(), ApplyRefusal> {
        let chars: Vec<char> = text.chars().collect();
        self.check(&chars)?;
        let mut out: String = chars[..self.start].iter().collect();
        out.push_str(self.to);
        out.extend(&chars[self.end..]);
        *text = out;
        Ok(())
    }

    /// Keeps the runs' bold: the replacement takes the formatting of the run the range
    /// starts in, the characters around it keep theirs.
    fn in_inlines(&self, runs: &mut Vec<Inline>) -> Result<(), ApplyRefusal> {
        if runs.iter().any(|run| run.suggestion.is_some()) {
            return Err(ApplyRefusal::PendingSuggestion);
        }
        let chars: Vec<char> = runs.iter().flat_map(|run| run.text.chars()).collect();
        self.check(&chars)?;
        let mut out = Vec::with_capacity(runs.len() + 1);
        let mut offset = 0;
        let mut inserted = false;
        for run in runs.iter() {
            let run_chars: Vec<char> = run.text.chars().collect();
            let (run_start, run_end) = (offset, offset + run_chars.len());
            offset = run_end;
            let keep_before = self.start.clamp(run_start, run_end) - run_start;
            let keep_after = self.end.clamp(run_start, run_end) - run_start;
            let mut text: String = run_chars[..keep_before].iter().collect();
            let starts_here = !inserted && self.start >= run_start && self.start <= run_end;
            if starts_here && (self.start < run_end || run_end == chars.len()) {
                text.push_str(self.to);
                inserted = true;
            }
            text.extend(&run_chars[keep_after..]);
            if !text.is_empty() {
                // Comment anchors stay on what is left of their run.
                out.push(Inline { text, ..run.clone() });
            }
        }
        if !inserted {
            out.push(Inline::plain(self.to));
        }
        *runs = out;
        Ok(())
    }

    fn check(&self, chars: &[char]) -> Result<(), ApplyRefusal> {
        let found = chars.get(self.start..self.end).map(|range| range.iter().collect::<String>());
        if found.as_deref() == Some(self.from) { Ok(()) } else { Err(ApplyRefusal::Stale) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proof::RuleId;

    fn finding(part: Part, block: u32, range: std::ops::Range<u32>, text: &str, to: &str) -> Finding {
        Finding {
            rule: RuleId::Word,
            article: Some(0),
            part,
            block,
            start: range.start,
            end: range.end,
            text: text.into(),
            message: String::new(),
            suggestion: Some(to.into()),
        }
    }

    fn article() -> Article {
        Article {
            title: vec!["其它工作".into()],
            body: vec![
                Block::heading(1, "一、概况"),
                Block::Paragraph {
                    content: vec![Inline::styled("会议指出", true), Inline::plain(",其它同志")],
                },
            ],
            ..Article::empty()
        }
    }

    #[test]
    fn the_range_is_replaced_and_the_runs_keep_their_bold() {
        let mut article = article();
        apply_suggestion(&mut article, &finding(Part::Body, 1, 5..7, "其它", "其他")).expect("applies");
        apply_suggestion(&mut article, &finding(Part::Body, 1, 4..5, ",", "，")).expect("applies");
        let Block::Paragraph { content } = &article.body[1] else { panic!("still a paragraph") };
        assert_eq!(content, &[Inline::styled("会议指出", true), Inline::plain("，其他同志")]);
    }

    #[test]
    fn a_range_across_runs_takes_the_first_runs_formatting() {
        let mut article = article();
        apply_suggestion(&mut article, &finding(Part::Body, 1, 3..5, "出,", "出，")).expect("applies");
        assert_eq!(article.body[1].plain_text(), "会议指出，其它同志");
        let Block::Paragraph { content } = &article.body[1] else { panic!("still a paragraph") };
        assert_eq!(content[0], Inline::styled("会议指出，", true));
    }

    #[test]
    fn a_stale_finding_is_refused_and_nothing_changes() {
        let mut article = article();
        let before = article.clone();
        let stale = finding(Part::Body, 1, 5..7, "其他", "其他");
        assert_eq!(apply_suggestion(&mut article, &stale), Err(ApplyRefusal::Stale));
        let gone = finding(Part::Body, 7, 0..1, "会", "汇");
        assert_eq!(apply_suggestion(&mut article, &gone), Err(ApplyRefusal::Stale));
        assert_eq!(article, before);
    }

    #[test]
    fn titles_and_findings_without_a_suggestion_are_not_applied() {
        let mut article = article();
        let title = finding(Part::Title, 0, 0..2, "其它", "其他");
        assert!(!can_apply(&title));
        assert_eq!(apply_suggestion(&mut article, &title), Err(ApplyRefusal::NotApplicable));
        let mut no_fix = finding(Part::Body, 1, 0..2, "会议", "");
        no_fix.suggestion = None;
        assert_eq!(apply_suggestion(&mut article, &no_fix), Err(ApplyRefusal::NotApplicable));
    }

    #[test]
    fn subtitle_and_editor_note_are_running_text() {
        let mut article = Article {
            subtitle: Some("——其它经验".into()),
            editor_note: vec![Inline::plain("的的确确")],
            ..Article::empty()
        };
        apply_suggestion(&mut article, &finding(Part::Subtitle, 0, 2..4, "其它", "其他")).expect("applies");
        assert_eq!(article.subtitle.as_deref(), Some("——其他经验"));
        apply_suggestion(&mut article, &finding(Part::EditorNote, 0, 0..2, "的的", "的")).expect("applies");
        assert_eq!(article.editor_note, [Inline::plain("的确确")]);
    }

    #[test]
    fn comment_anchors_stay_and_a_paragraph_with_a_pending_suggestion_is_left_alone() {
        let anchored = Inline { comments: vec!["t1".into()], ..Inline::plain("其它同志") };
        let mut article =
            Article { body: vec![Block::Paragraph { content: vec![anchored] }], ..Article::empty() };
        apply_suggestion(&mut article, &finding(Part::Body, 0, 0..2, "其它", "其他")).expect("applies");
        let Block::Paragraph { content } = &article.body[0] else { panic!("still a paragraph") };
        assert_eq!(content[0].comments, ["t1"]);

        let suggestion = crate::domain::Suggestion {
            kind: crate::domain::SuggestionKind::Insertion,
            id: 1,
            author: "李校对".into(),
            at: "2026-11-23T10:00:00Z".into(),
        };
        let mut article = Article {
            body: vec![Block::Paragraph {
                content: vec![
                    Inline::plain("其它"),
                    Inline { suggestion: Some(suggestion), ..Inline::plain("的") },
                ],
            }],
            ..Article::empty()
        };
        let before = article.clone();
        let refused = apply_suggestion(&mut article, &finding(Part::Body, 0, 0..2, "其它", "其他"));
        assert_eq!(refused, Err(ApplyRefusal::PendingSuggestion));
        assert_eq!(article, before);
    }
}
