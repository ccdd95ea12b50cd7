//! The cleanup: proposals for one imported draft, structural (joining hard-wrapped lines,
//! dropping PDF page furniture) and inline (punctuation, quotes, spaces, suspicious marks).

use std::collections::HashSet;

use super::chars::{ends_sentence, is_space};
use super::draft::{BlockRole, Draft};
use super::proposal::{CleanupRule, Proposal, TextLocation};
use super::punctuation::{Edit, QuoteState, inline_edits};

/// What the cleanup knows beyond the draft: lines repeated across pages (running heads).
#[derive(Debug, Clone, Default)]
pub struct CleanupContext {
    /// Running heads, compared with spaces removed.
    pub running_heads: HashSet<String>,
}

/// Every proposal for the draft, ordered by block and position, numbered from 0.
pub fn propose(draft: &Draft, context: &CleanupContext) -> Vec<Proposal> {
    let dropped = drop_proposals(draft, context);
    let dropped_blocks: HashSet<usize> = dropped.iter().map(|p| p.location.block as usize).collect();
    let joins = join_proposals(draft, &dropped_blocks);
    let joined_to_next: HashSet<usize> = joins.iter().map(|p| p.location.block as usize).collect();
    let mut proposals = dropped;
    proposals.extend(joins);
    proposals.extend(inline_proposals(draft, &dropped_blocks, &joined_to_next));
    proposals.sort_by_key(|p| (p.location.block, p.location.start, p.rule));
    fill_before(draft, &mut proposals);
    for (id, proposal) in proposals.iter_mut().enumerate() {
        proposal.id = id as u32;
    }
    proposals
}

/// A line that is only a page number: `3`, `— 3 —`, `-3-`, `第3页`.
pub fn is_page_number(line: &str) -> bool {
    let furniture = |c: char| is_space(c) || matches!(c, '-' | '—' | '–' | '－' | '_' | '·');
    let core = line.trim_matches(furniture);
    let core = core.strip_prefix('第').unwrap_or(core).strip_suffix('页').unwrap_or(core);
    let core = core.trim_matches(furniture);
    (1..=3).contains(&core.len()) && core.chars().all(|c| c.is_ascii_digit())
}

/// Text compared for running heads: without spaces.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|&c| !is_space(c)).collect()
}

fn drop_proposals(draft: &Draft, context: &CleanupContext) -> Vec<Proposal> {
    let mut proposals = Vec::new();
    for (index, block) in draft.blocks.iter().enumerate() {
        if block.role != BlockRole::Paragraph {
            continue;
        }
        let text = block.plain_text();
        let (rule, message) = if is_page_number(&text) {
            (CleanupRule::DropPageNumber, "删除页码：这是从 PDF 提取文字时留下的页码，不是正文")
        } else if context.running_heads.contains(&squeeze(&text)) {
            (CleanupRule::DropRunningHead, "删除页眉：这行在各页重复出现，是从 PDF 提取文字时留下的页眉")
        } else {
            continue;
        };
        proposals.push(Proposal {
            id: 0,
            rule,
            location: TextLocation { block: index as u32, start: 0, end: text.chars().count() as u32 },
            before: text,
            after: String::new(),
            message: message.into(),
            safe: true,
        });
    }
    proposals
}

/// A line ending without sentence punctuation, followed by a line that is not a heading or
/// attribution, is the first half of a paragraph split by a hard return or a page break.
fn join_proposals(draft: &Draft, dropped: &HashSet<usize>) -> Vec<Proposal> {
    let blocks = &draft.blocks;
    let mut proposals = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let joinable = matches!(block.role, BlockRole::Paragraph | BlockRole::EditorNote);
        if !joinable || dropped.contains(&index) {
            continue;
        }
        let text = block.plain_text();
        if ends_sentence(&text) {
            continue;
        }
        let Some(next) = (index + 1..blocks.len()).find(|j| !dropped.contains(j)) else { continue };
        if blocks[next].role != BlockRole::Paragraph {
            continue;
        }
        let head: String = tail_chars(&text, 8);
        let next_text = blocks[next].plain_text();
        let tail: String = next_text.chars().take(8).collect();
        let length = text.chars().count() as u32;
        proposals.push(Proposal {
            id: 0,
            rule: CleanupRule::JoinLines,
            location: TextLocation { block: index as u32, start: length, end: length },
            before: format!("{head}⏎{tail}"),
            after: format!("{head}{tail}"),
            message: format!(
                "“{head}”后没有句末标点，下一行“{tail}”是它的接续（硬回车或分页造成的断行），合并为一段"
            ),
            safe: true,
        });
    }
    proposals
}

fn tail_chars(text: &str, n: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[chars.len().saturating_sub(n)..].iter().collect()
}

/// Inline edits of every kept block. Quotes are paired across the lines of one title and
/// across lines about to be joined, since a quotation may span a hard wrap.
fn inline_proposals(
    draft: &Draft,
    dropped: &HashSet<usize>,
    joined_to_next: &HashSet<usize>,
) -> Vec<Proposal> {
    let mut proposals = Vec::new();
    let mut chain: Vec<(usize, Edit)> = Vec::new();
    let mut state = QuoteState::default();
    let mut previous: Option<usize> = None;
    for (index, block) in draft.blocks.iter().enumerate() {
        if dropped.contains(&index) {
            continue;
        }
        let continues = previous.is_some_and(|p| {
            joined_to_next.contains(&p)
                || (draft.blocks[p].role == BlockRole::Title && block.role == BlockRole::Title)
        });
        if !continues {
            proposals.extend(finish_chain(std::mem::take(&mut chain), &state));
            state = QuoteState::default();
        }
        let text = block.plain_text();
        let edits = inline_edits(&text, &mut state).into_iter();
        // The spaces of a flattened table row separate its cells; those of a byline separate
        // names, and the one of a section head its kicker from its head.
        let keeps_spaces =
            matches!(block.role, BlockRole::TableRow | BlockRole::Byline | BlockRole::SectionHead);
        chain.extend(
            edits.filter(|e| !(keeps_spaces && e.rule == CleanupRule::RemoveSpace)).map(|e| (index, e)),
        );
        previous = Some(index);
    }
    proposals.extend(finish_chain(chain, &state));
    proposals
}

fn finish_chain(chain: Vec<(usize, Edit)>, state: &QuoteState) -> Vec<Proposal> {
    let unbalanced = state.unbalanced();
    chain
        .into_iter()
        .map(|(block, mut edit)| {
            if unbalanced && edit.rule == CleanupRule::PairedQuotes {
                edit.safe = false;
                edit.message.push_str("；但这段的引号不成对，请核对后再接受");
            }
            Proposal {
                id: 0,
                rule: edit.rule,
                location: TextLocation {
                    block: block as u32,
                    start: edit.start as u32,
                    end: edit.end as u32,
                },
                before: String::new(),
                after: edit.after,
                message: edit.message,
                safe: edit.safe,
            }
        })
        .collect()
}

/// Fills each proposal's `before` with the text it replaces.
fn fill_before(draft: &Draft, proposals: &mut [Proposal]) {
    let texts: Vec<Vec<char>> =
        draft.blocks.iter().map(|block| block.plain_text().chars().collect()).collect();
    for proposal in proposals.iter_mut().filter(|p| p.before.is_empty()) {
        let Some(chars) = texts.get(proposal.location.block as usize) else { continue };
        let TextLocation { start, end, .. } = proposal.location;
        let end = (end as usize).min(chars.len());
        proposal.before = chars[(start as usize).min(end)..end].iter().collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Inline;
    use crate::import::draft::DraftBlock;
    use crate::import::proposal::apply_proposals;

    fn block(role: BlockRole, text: &str) -> DraftBlock {
        DraftBlock::new(role, vec![Inline::plain(text)])
    }

    #[test]
    fn page_numbers_are_recognised() {
        for line in ["3", "— 3 —", "-12-", "第 2 页", "  7  "] {
            assert!(is_page_number(line), "{line} is a page number");
        }
        for line in ["2025", "第13期", "一、", "3个"] {
            assert!(!is_page_number(line), "{line} is not a page number");
        }
    }

    #[test]
    fn split_paragraph_is_joined_across_a_page_number() {
        let draft = Draft {
            blocks: vec![
                block(BlockRole::Paragraph, "会议指出,关键是解决好问题。全"),
                block(BlockRole::Paragraph, "— 2 —"),
                block(BlockRole::Paragraph, "省各级人大要\"充分认识"),
                block(BlockRole::Paragraph, "重要性\"。"),
                block(BlockRole::Attribution, "(摘编自湖南日报)"),
            ],
        };
        let proposals = propose(&draft, &CleanupContext::default());
        assert!(proposals.iter().all(|p| p.safe), "nothing here changes wording: {proposals:#?}");
        let cleaned = apply_proposals(&draft, &proposals, |p| p.safe);
        let texts: Vec<String> = cleaned.blocks.iter().map(DraftBlock::plain_text).collect();
        assert_eq!(
            texts,
            ["会议指出，关键是解决好问题。全省各级人大要“充分认识重要性”。", "（摘编自湖南日报）"]
        );
    }

    #[test]
    fn headings_are_not_joined() {
        let draft = Draft {
            blocks: vec![
                block(BlockRole::Heading { level: 1 }, "一、强化组织力"),
                block(BlockRole::Paragraph, "正文。"),
            ],
        };
        assert!(propose(&draft, &CleanupContext::default()).is_empty());
    }
}
