//! The issue's own 编者按: a back issue may open with an editor's note on the whole issue,
//! before its first article (and after the 要目). It belongs to the issue, not to the first
//! article, and is kept where it was printed.

use super::draft::{BlockRole, Draft, DraftBlock};
use super::lines::SourceLine;
use super::paragraphs::EDITOR_NOTE_LABELS;
use super::{CleanupContext, ImportedArticle, propose};

/// Takes the note's lines off the top of `body`: the first line when it starts with a
/// 编者按 label, and the lines after it until `ends_note` says a line is the first title.
pub fn take_issue_note(
    body: &mut Vec<SourceLine>,
    ends_note: impl Fn(&SourceLine) -> bool,
) -> Vec<SourceLine> {
    let starts = body.first().is_some_and(|line| label_of(&line.plain_text()).is_some());
    if !starts {
        return Vec::new();
    }
    let end = (1..body.len()).find(|&i| ends_note(&body[i])).unwrap_or(body.len());
    body.drain(..end).collect()
}

/// The note as an imported draft of 编者按 paragraphs (label removed), with its cleanup.
pub fn imported_note(lines: &[SourceLine], context: &CleanupContext) -> Option<ImportedArticle> {
    if lines.is_empty() {
        return None;
    }
    let blocks = lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let mut content = line.content.clone();
            if index == 0 {
                strip_label(&mut content);
            }
            DraftBlock::new(BlockRole::EditorNote, content)
        })
        .collect();
    let draft = Draft { blocks };
    let proposals = propose(&draft, context);
    Some(ImportedArticle { draft, proposals, warnings: vec![] })
}

fn label_of(text: &str) -> Option<&'static str> {
    EDITOR_NOTE_LABELS.iter().copied().find(|label| text.starts_with(label))
}

/// Removes the 编者按 label from the first run(s), keeping the runs' formatting.
fn strip_label(content: &mut Vec<crate::domain::Inline>) {
    let text: String = content.iter().map(|run| run.text.as_str()).collect();
    let Some(label) = label_of(&text) else { return };
    let mut remove = label.len();
    for run in content.iter_mut() {
        let cut = remove.min(run.text.len());
        run.text.drain(..cut);
        remove -= cut;
        if remove == 0 {
            break;
        }
    }
    if let Some(first) = content.iter_mut().find(|run| !run.text.is_empty()) {
        first.text = first.text.trim_start().to_owned();
    }
    content.retain(|run| !run.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::{LineMark, text_lines};

    #[test]
    fn a_leading_note_is_taken_up_to_the_first_title() {
        let mut body = text_lines("【编者按】今年以来，各地积极探索。\n现将有关做法摘编如下。\n标题\n正文。");
        let note = take_issue_note(&mut body, |line| line.plain_text() == "标题");
        assert_eq!(note.len(), 2);
        assert_eq!(body[0].plain_text(), "标题");
        let imported = imported_note(&note, &CleanupContext::default()).expect("a note");
        assert_eq!(imported.draft.blocks[0].plain_text(), "今年以来，各地积极探索。");
        assert!(imported.draft.blocks.iter().all(|b| b.role == BlockRole::EditorNote));
    }

    #[test]
    fn a_body_that_starts_with_a_title_has_no_note() {
        let mut body = text_lines("标题\n【编者按】文章自己的按语。");
        assert!(take_issue_note(&mut body, |line| line.mark == LineMark::Title).is_empty());
        assert_eq!(body.len(), 2);
    }
}
