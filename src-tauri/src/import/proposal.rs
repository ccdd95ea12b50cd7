//! Proposed cleanup changes and applying the ones the editor accepted.
//!
//! A proposal points into the draft by block index and a character range of that block's
//! plain text. Applying is pure: the same draft and the same accepted proposals give the
//! same result, whatever order the editor accepted them in.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::draft::{Draft, DraftBlock};
use crate::domain::Inline;

/// Which cleanup rule made a proposal; the UI groups proposals by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CleanupRule {
    /// A hard-wrapped line or a page-break split joined back to its paragraph.
    JoinLines,
    /// A page number left by PDF extraction.
    DropPageNumber,
    /// A running head (报名 or a repeated line) left by PDF extraction.
    DropRunningHead,
    /// `,` `:` `;` `!` `?` `()` in Chinese text to full width.
    FullWidthPunctuation,
    /// Straight quotes to paired “” ‘’.
    PairedQuotes,
    /// `--` `—` `―` to the dash `——`.
    Dash,
    /// `...` to the ellipsis `……`.
    Ellipsis,
    /// Spaces between Han characters, or between Han and digits or letters.
    RemoveSpace,
    /// `十` between two words where `+` was probably meant (flagged only).
    SuspiciousCross,
    /// `[2000]` in a document number where `〔2000〕` belongs (flagged only).
    SuspiciousBracket,
}

/// Where a proposal applies: a draft block and a range of its characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TextLocation {
    pub block: u32,
    pub start: u32,
    pub end: u32,
}

/// One change the cleanup proposes; `safe` ones change no wording and are applied by the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub id: u32,
    pub rule: CleanupRule,
    pub location: TextLocation,
    pub before: String,
    pub after: String,
    /// What the change is and why, in Chinese, for the review list.
    pub message: String,
    pub safe: bool,
}

impl Proposal {
    fn is_structural(&self) -> bool {
        matches!(
            self.rule,
            CleanupRule::JoinLines | CleanupRule::DropPageNumber | CleanupRule::DropRunningHead
        )
    }
}

/// Applies the proposals for which `accept` holds and returns the cleaned draft.
///
/// Text replacements come first (they keep block indices), then dropped blocks are marked,
/// then joins run from the last block backwards, so every proposal's location still refers
/// to the draft it was computed on.
pub fn apply_proposals(draft: &Draft, proposals: &[Proposal], accept: impl Fn(&Proposal) -> bool) -> Draft {
    let accepted: Vec<&Proposal> = proposals.iter().filter(|p| accept(p)).collect();
    let mut blocks: Vec<Option<DraftBlock>> = draft.blocks.iter().cloned().map(Some).collect();
    let mut replacements: Vec<&Proposal> = accepted.iter().copied().filter(|p| !p.is_structural()).collect();
    replacements.sort_by_key(|p| (p.location.block, p.location.start));
    for same_block in replacements.chunk_by(|a, b| a.location.block == b.location.block) {
        if let Some(Some(target)) = blocks.get_mut(same_block[0].location.block as usize) {
            replace_all(&mut target.content, same_block);
        }
    }
    let mut dropped = vec![false; blocks.len()];
    for proposal in accepted.iter().filter(|p| p.rule != CleanupRule::JoinLines && p.is_structural()) {
        if let Some(flag) = dropped.get_mut(proposal.location.block as usize) {
            *flag = true;
        }
    }
    let mut joins: Vec<u32> =
        accepted.iter().filter(|p| p.rule == CleanupRule::JoinLines).map(|p| p.location.block).collect();
    joins.sort_unstable_by(|a, b| b.cmp(a));
    joins.dedup();
    for first in joins {
        let first = first as usize;
        let Some(next) = (first + 1..blocks.len()).find(|&j| !dropped[j] && blocks[j].is_some()) else {
            continue;
        };
        let Some(tail) = blocks[next].take() else { continue };
        if let Some(Some(head)) = blocks.get_mut(first) {
            join_content(&mut head.content, tail.content);
        }
    }
    let blocks = blocks.into_iter().zip(dropped).filter(|(_, d)| !d).filter_map(|(b, _)| b).collect();
    Draft { blocks }
}

/// Appends a joined line; English words split by a hard wrap get their space back.
fn join_content(head: &mut Vec<Inline>, tail: Vec<Inline>) {
    let last = head.iter().rev().find_map(|i| i.text.chars().last());
    let first = tail.iter().find_map(|i| i.text.chars().next());
    if last.is_some_and(|c| c.is_ascii_alphanumeric()) && first.is_some_and(|c| c.is_ascii_alphanumeric()) {
        head.push(Inline::plain(" "));
    }
    head.extend(tail);
    merge_runs(head);
}

/// Replaces the proposals' character ranges in one pass (they are sorted by start); the new
/// text takes the formatting of the first replaced character (or of the one before an
/// insertion). A range overlapping an earlier one cannot also apply and is skipped.
fn replace_all(content: &mut Vec<Inline>, sorted: &[&Proposal]) {
    let chars: Vec<(char, bool)> =
        content.iter().flat_map(|run| run.text.chars().map(move |c| (c, run.bold))).collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut at = 0;
    for proposal in sorted {
        let start = proposal.location.start as usize;
        let end = (proposal.location.end as usize).min(chars.len());
        if start < at || start > end {
            continue;
        }
        out.extend_from_slice(&chars[at..start]);
        let bold =
            chars.get(start).or_else(|| start.checked_sub(1).and_then(|i| chars.get(i))).is_some_and(|c| c.1);
        out.extend(proposal.after.chars().map(|c| (c, bold)));
        at = end;
    }
    out.extend_from_slice(&chars[at.min(chars.len())..]);
    *content = group_runs(&out);
}

fn group_runs(chars: &[(char, bool)]) -> Vec<Inline> {
    let mut runs: Vec<Inline> = Vec::new();
    for &(c, bold) in chars {
        match runs.last_mut() {
            Some(run) if run.bold == bold => run.text.push(c),
            _ => runs.push(Inline::styled(&c.to_string(), bold)),
        }
    }
    runs
}

/// Joins neighbouring runs of the same formatting and drops empty ones.
pub(crate) fn merge_runs(content: &mut Vec<Inline>) {
    let chars: Vec<(char, bool)> =
        content.iter().flat_map(|run| run.text.chars().map(move |c| (c, run.bold))).collect();
    *content = group_runs(&chars);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::draft::BlockRole;

    fn para(text: &str) -> DraftBlock {
        DraftBlock { role: BlockRole::Paragraph, content: vec![Inline::plain(text)] }
    }

    fn proposal(id: u32, rule: CleanupRule, block: u32, start: u32, end: u32, after: &str) -> Proposal {
        Proposal {
            id,
            rule,
            location: TextLocation { block, start, end },
            before: String::new(),
            after: after.into(),
            message: String::new(),
            safe: true,
        }
    }

    #[test]
    fn replacements_joins_and_drops_compose() {
        let draft =
            Draft { blocks: vec![para("会议指出,要"), para("— 2 —"), para("加强,建设。")] };
        let proposals = vec![
            proposal(0, CleanupRule::FullWidthPunctuation, 0, 4, 5, "，"),
            proposal(1, CleanupRule::JoinLines, 0, 6, 6, ""),
            proposal(2, CleanupRule::DropPageNumber, 1, 0, 5, ""),
            proposal(3, CleanupRule::FullWidthPunctuation, 2, 2, 3, "，"),
        ];
        let all = apply_proposals(&draft, &proposals, |_| true);
        assert_eq!(all.blocks.len(), 1);
        assert_eq!(all.blocks[0].content, vec![Inline::plain("会议指出，要加强，建设。")]);
        let none = apply_proposals(&draft, &proposals, |_| false);
        assert_eq!(none, draft, "rejecting everything leaves the draft as imported");
        let one = apply_proposals(&draft, &proposals, |p| p.id == 3);
        assert_eq!(one.blocks[2].content, vec![Inline::plain("加强，建设。")]);
    }

    #[test]
    fn replacement_keeps_bold_runs() {
        let mut content = vec![Inline::styled("加粗", true), Inline::plain(",正文")];
        let comma = proposal(0, CleanupRule::FullWidthPunctuation, 0, 2, 3, "，");
        replace_all(&mut content, &[&comma]);
        assert_eq!(content, vec![Inline::styled("加粗", true), Inline::plain("，正文")]);
    }

    #[test]
    fn english_hard_wrap_gets_its_space_back() {
        let mut head = vec![Inline::plain("open")];
        join_content(&mut head, vec![Inline::plain("source")]);
        assert_eq!(head, vec![Inline::plain("open source")]);
    }
}
