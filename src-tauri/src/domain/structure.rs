//! Suggestions beyond a run of text: on the article's furniture (title, subtitle, byline,
//! captions, the attribution line) and on the body's structure (a paragraph inserted, deleted,
//! split, joined, or made a heading). Like run suggestions they leave the *settled* text as it
//! was until someone accepts them: the stored fields hold the settled text, a furniture
//! suggestion holds the proposed one beside it, and a structural suggestion names the block
//! it changes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Article, Block, Inline, SuggestionKind};

/// A suggested new text for one field of the article's furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FieldSuggestion {
    pub change: FieldChange,
    /// Unique within the article, shared with run and block suggestions.
    pub id: u32,
    pub author: String,
    /// RFC 3339.
    pub at: String,
}

/// The field and what it would read after accepting; an empty text removes the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "field", rename_all = "camelCase", deny_unknown_fields)]
pub enum FieldChange {
    /// The title, line by line as the editor broke it; empty lines are dropped on accepting.
    Title {
        lines: Vec<String>,
    },
    Subtitle {
        text: String,
    },
    Byline {
        text: String,
    },
    /// The caption of the picture at `block` in the body.
    Caption {
        block: u32,
        text: String,
    },
    Contributors {
        units: Vec<String>,
    },
    Source {
        text: String,
    },
}

/// A suggested change to the body's structure, on the block at `block`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BlockSuggestion {
    /// Index into `Article::body`.
    pub block: u32,
    pub change: BlockChange,
    /// Unique within the article, shared with run and field suggestions.
    pub id: u32,
    pub author: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum BlockChange {
    /// The block is new: the settled text does not have it.
    Inserted,
    /// The block is to go: the settled text still has it.
    Deleted,
    /// The block was split off the one before: in the settled text it is still part of it.
    SplitFromPrevious,
    /// The block is to join the one before: in the settled text they are still two.
    JoinsPrevious,
    /// The block was a paragraph or a heading of another level before.
    KindChanged { from: BlockKind },
}

/// What a text block was before a kind change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "camelCase", deny_unknown_fields)]
pub enum BlockKind {
    Paragraph,
    Heading { level: u8 },
}

/// Whether a suggestion is taken into the text or dropped from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Reject,
}

impl Article {
    /// The article with suggestion `id` accepted, or all of them when `id` is `None`.
    pub fn accept(&self, id: Option<u32>) -> Article {
        self.decide(id, Decision::Accept)
    }

    /// The article with suggestion `id` rejected, or all of them when `id` is `None`.
    pub fn reject(&self, id: Option<u32>) -> Article {
        self.decide(id, Decision::Reject)
    }

    /// Accepts or rejects the run, field and block suggestions with `id` (every one if `None`);
    /// the others stay pending, their blocks renumbered.
    pub fn decide(&self, id: Option<u32>, decision: Decision) -> Article {
        let chosen = |suggestion_id: u32| id.is_none_or(|id| id == suggestion_id);
        let mut article = self.clone();
        article.editor_note = decide_runs(&self.editor_note, &chosen, decision);
        for block in &mut article.body {
            if let Block::Paragraph { content } | Block::Heading { content, .. } = block {
                *content = decide_runs(content, &chosen, decision);
            }
        }
        let (fields, kept): (Vec<_>, Vec<_>) =
            self.field_suggestions.iter().cloned().partition(|field| chosen(field.id));
        article.field_suggestions = kept;
        if decision == Decision::Accept {
            fields.iter().for_each(|field| article.take_field(&field.change));
        }
        let (blocks, kept): (Vec<_>, Vec<_>) =
            self.block_suggestions.iter().cloned().partition(|block| chosen(block.id));
        article.block_suggestions = kept;
        article.settle_blocks(&blocks, decision);
        article
    }

    /// The field suggestions' and block suggestions' ids, in the order stored.
    pub(super) fn furniture_and_structure_ids(&self) -> impl Iterator<Item = u32> + '_ {
        let fields = self.field_suggestions.iter().map(|field| field.id);
        fields.chain(self.block_suggestions.iter().map(|block| block.id))
    }

    /// The body as it stands before any structural suggestion is accepted, every block where
    /// it was (a new block emptied, a split-off one kept apart), so that findings on it point
    /// at the stored blocks.
    pub(super) fn settle_structure_in_place(&self, body: &mut [Block]) {
        for suggestion in &self.block_suggestions {
            let Some(block) = body.get_mut(suggestion.block as usize) else { continue };
            match &suggestion.change {
                BlockChange::KindChanged { from } => *block = with_kind(block, *from),
                BlockChange::Inserted => empty_text(block),
                _ => {}
            }
        }
    }

    /// The body as printed before any structural suggestion is accepted.
    pub(super) fn settled_structure(&self, body: Vec<Block>) -> Vec<Block> {
        let mut scratch =
            Article { body, block_suggestions: self.block_suggestions.clone(), ..Article::empty() };
        let all = scratch.block_suggestions.clone();
        scratch.settle_blocks(&all, Decision::Reject);
        scratch.body
    }

    fn take_field(&mut self, change: &FieldChange) {
        let present = |text: &str| (!text.trim().is_empty()).then(|| text.to_owned());
        match change {
            FieldChange::Title { lines } => {
                self.title = lines.iter().filter(|line| !line.trim().is_empty()).cloned().collect();
            }
            FieldChange::Subtitle { text } => self.subtitle = present(text),
            FieldChange::Byline { text } => self.byline = present(text),
            FieldChange::Caption { block, text } => {
                if let Some(Block::Image { caption, .. }) = self.body.get_mut(*block as usize) {
                    *caption = present(text);
                }
            }
            FieldChange::Contributors { units } => {
                self.contributors = units.iter().filter(|unit| !unit.trim().is_empty()).cloned().collect();
            }
            FieldChange::Source { text } => self.source = present(text),
        }
    }

    /// Accepts or rejects the structural suggestions `decided` (all of them in
    /// `self.block_suggestions` before the call), then renumbers the ones left pending.
    fn settle_blocks(&mut self, decided: &[BlockSuggestion], decision: Decision) {
        let mut fate: Vec<Fate> = vec![Fate::Stays; self.body.len()];
        for suggestion in decided {
            let index = suggestion.block as usize;
            let Some(block) = self.body.get_mut(index) else { continue };
            fate[index] = match (&suggestion.change, decision) {
                (BlockChange::Inserted, Decision::Reject) | (BlockChange::Deleted, Decision::Accept) => {
                    Fate::Goes
                }
                (BlockChange::SplitFromPrevious, Decision::Reject)
                | (BlockChange::JoinsPrevious, Decision::Accept) => Fate::JoinsPrevious,
                (BlockChange::KindChanged { from }, Decision::Reject) => {
                    *block = with_kind(block, *from);
                    Fate::Stays
                }
                _ => Fate::Stays,
            };
        }
        let mut body: Vec<Block> = vec![];
        let mut new_index: Vec<Option<usize>> = vec![];
        for (block, fate) in self.body.drain(..).zip(fate) {
            let previous = body.last_mut().filter(|previous| joinable(previous, &block));
            match (fate, previous) {
                (Fate::Goes, _) => new_index.push(None),
                (Fate::JoinsPrevious, Some(previous)) => {
                    join_into(previous, &block);
                    new_index.push(Some(body.len() - 1));
                }
                _ => {
                    body.push(block);
                    new_index.push(Some(body.len() - 1));
                }
            }
        }
        self.body = body;
        self.block_suggestions.retain_mut(|pending| {
            let moved = new_index.get(pending.block as usize).copied().flatten();
            moved.inspect(|&index| pending.block = index as u32).is_some()
        });
        for field in &mut self.field_suggestions {
            if let FieldChange::Caption { block, .. } = &mut field.change
                && let Some(Some(index)) = new_index.get(*block as usize)
            {
                *block = *index as u32;
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Fate {
    Stays,
    Goes,
    JoinsPrevious,
}

/// Whether two blocks can become one: a picture joins nothing.
fn joinable(previous: &Block, block: &Block) -> bool {
    !matches!(previous, Block::Image { .. }) && !matches!(block, Block::Image { .. })
}

/// Appends `block`'s runs to `previous` (both text blocks, see `joinable`), the runs meeting
/// at the seam made one when they look alike.
fn join_into(previous: &mut Block, block: &Block) {
    if let (
        Block::Paragraph { content } | Block::Heading { content, .. },
        Block::Paragraph { content: more } | Block::Heading { content: more, .. },
    ) = (previous, block)
    {
        let mut more = more.iter().cloned();
        if let (Some(last), Some(first)) = (content.last_mut(), more.next()) {
            if last.bold == first.bold
                && last.suggestion == first.suggestion
                && last.comments == first.comments
            {
                last.text.push_str(&first.text);
            } else {
                content.push(first);
            }
        }
        content.extend(more);
    }
}

fn with_kind(block: &Block, kind: BlockKind) -> Block {
    let (Block::Paragraph { content } | Block::Heading { content, .. }) = block else { return block.clone() };
    let content = content.clone();
    match kind {
        BlockKind::Paragraph => Block::Paragraph { content },
        BlockKind::Heading { level } => Block::Heading { level, content },
    }
}

fn empty_text(block: &mut Block) {
    if let Block::Paragraph { content } | Block::Heading { content, .. } = block {
        content.clear();
    }
}

/// The runs with the chosen suggestions decided: an accepted insertion or rejected deletion
/// becomes plain text, an accepted deletion or rejected insertion goes; neighbours that now
/// look alike become one run.
fn decide_runs(runs: &[Inline], chosen: &impl Fn(u32) -> bool, decision: Decision) -> Vec<Inline> {
    let mut decided: Vec<Inline> = vec![];
    for run in runs {
        let run = match run.suggestion.as_ref().filter(|s| chosen(s.id)) {
            None => run.clone(),
            Some(suggestion) => {
                let keeps = (suggestion.kind == SuggestionKind::Insertion) == (decision == Decision::Accept);
                let text: String = run.text.chars().filter(|&c| c != '\u{200B}').collect();
                if !keeps || text.is_empty() {
                    continue;
                }
                Inline { text, suggestion: None, ..run.clone() }
            }
        };
        match decided.last_mut() {
            Some(last)
                if last.bold == run.bold
                    && last.suggestion == run.suggestion
                    && last.comments == run.comments =>
            {
                last.text.push_str(&run.text);
            }
            _ => decided.push(run),
        }
    }
    decided
}

#[cfg(test)]
mod tests;
