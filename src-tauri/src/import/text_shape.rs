//! What plain text says about its own layout, measured over the whole body: whether its lines
//! are printed lines (hard-wrapped, as pdftotext and Word's "insert line breaks" give them)
//! or paragraphs, how wide a full line is, and how far paragraph starts are indented.
//!
//! Measured, not assumed: a rule tuned to 28 characters a line or to a two-space indent would
//! only fit the bulletins it was written for.

use super::chars::ends_sentence;
use super::lines::{LineMark, SourceLine};
use super::paragraphs::starts_a_block;

/// Below this share of lines continuing the one before, lines are taken for paragraphs.
const MIN_WRAPPED_SHARE: f32 = 0.15;
const MIN_WRAPPED_LINES: usize = 2;
/// A paragraph indent is between one and four cells (two characters, typed as two
/// ideographic spaces, four ASCII spaces or a tab).
const PARAGRAPH_INDENT_CELLS: std::ops::RangeInclusive<f32> = 0.75..=4.5;
/// How many lines must share an indent for it to be the paragraph indent.
const MIN_INDENTED_LINES: usize = 2;
/// A line this much narrower than the measure ends before the margin: its paragraph ends
/// there. Sentence ends get less room (a full line may well end a sentence mid-paragraph).
const SHORT_LINE_CELLS: f32 = 3.0;
const SHORT_SENTENCE_LINE_CELLS: f32 = 1.5;
/// Indents beyond the paragraph indent by more than this are set-off lines (centred titles,
/// bylines, right-aligned attributions).
const SET_OFF_MARGIN_CELLS: f32 = 1.25;

#[derive(Debug, Clone, PartialEq)]
pub struct TextShape {
    /// Each line is a printed line, so paragraphs have to be rebuilt from them.
    pub hard_wrapped: bool,
    /// The usual width of a full line, in cells.
    pub measure: f32,
    /// The indent of paragraph starts, when the text shows them.
    pub paragraph_indent: Option<f32>,
}

impl TextShape {
    /// The shape of `lines` (the body of an issue, without masthead and footer).
    pub fn of(lines: &[SourceLine]) -> Self {
        let plain: Vec<&SourceLine> = lines.iter().filter(|l| l.mark == LineMark::Plain).collect();
        let measure = measure(&plain);
        let paragraph_indent = paragraph_indent(&plain);
        let shape = TextShape { hard_wrapped: false, measure, paragraph_indent };
        let wrapped = lines.windows(2).filter(|pair| shape.looks_wrapped(&pair[0], &pair[1])).count();
        let hard_wrapped =
            wrapped >= MIN_WRAPPED_LINES && wrapped as f32 >= MIN_WRAPPED_SHARE * plain.len() as f32;
        TextShape { hard_wrapped, ..shape }
    }

    /// Whether `line` reaches the right margin, so that its paragraph may go on below it.
    pub fn is_full(&self, line: &SourceLine) -> bool {
        let room =
            if ends_sentence(&line.plain_text()) { SHORT_SENTENCE_LINE_CELLS } else { SHORT_LINE_CELLS };
        line.width() >= self.measure - room
    }

    /// A paragraph start: indented by the paragraph indent.
    pub fn is_indented(&self, line: &SourceLine) -> bool {
        self.paragraph_indent.is_some_and(|indent| {
            line.indent >= indent - 0.75 && line.indent <= indent + SET_OFF_MARGIN_CELLS
        })
    }

    /// Set in further than a paragraph start: centred or right-aligned.
    pub fn is_set_off(&self, line: &SourceLine) -> bool {
        let paragraph = self.paragraph_indent.unwrap_or(2.0);
        line.indent > paragraph + SET_OFF_MARGIN_CELLS
    }

    /// Evidence of hard wrapping: a full line that does not end a sentence, and below it a
    /// line that starts nothing of its own.
    fn looks_wrapped(&self, upper: &SourceLine, lower: &SourceLine) -> bool {
        let plain = upper.mark == LineMark::Plain && lower.mark == LineMark::Plain;
        plain
            && !lower.blank_before
            && !ends_sentence(&upper.plain_text())
            && self.is_full(upper)
            && !self.is_indented(lower)
            && !self.is_set_off(lower)
            && !starts_a_block(&lower.plain_text())
    }
}

/// The width most full lines share: the median of the lines at least 60% as wide as the
/// widest nine in ten (right-aligned or overlong lines do not move it).
fn measure(lines: &[&SourceLine]) -> f32 {
    let mut widths: Vec<f32> = lines.iter().map(|line| line.width()).collect();
    if widths.is_empty() {
        return 0.0;
    }
    widths.sort_by(f32::total_cmp);
    let wide = widths[(widths.len() * 9 / 10).min(widths.len() - 1)];
    let long: Vec<f32> = widths.into_iter().filter(|&w| w >= 0.6 * wide).collect();
    long[long.len() / 2]
}

/// The most common indent within the paragraph-indent range, in half cells.
fn paragraph_indent(lines: &[&SourceLine]) -> Option<f32> {
    let mut counts = std::collections::BTreeMap::<u32, usize>::new();
    for line in lines.iter().filter(|l| PARAGRAPH_INDENT_CELLS.contains(&l.indent)) {
        *counts.entry((line.indent * 2.0).round() as u32).or_default() += 1;
    }
    let (half_cells, count) =
        counts.into_iter().max_by_key(|&(half, count)| (count, std::cmp::Reverse(half)))?;
    (count >= MIN_INDENTED_LINES).then_some(half_cells as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    const WRAPPED: &str = "　　县人大常委会今年组织代表深入基层开展调研，形成了\n一批高质量的调研报告，为常委会审议提供了依据。\n　　代表们普遍反映，调研工作要坚持问题导向，把准群众\n最关心的问题，推动解决了一批实际困难和问题。\n　　下一步，常委会将继续完善代表联系群众的制度，让代\n表工作更加贴近基层、贴近群众，不断取得新成效。";

    #[test]
    fn indented_hard_wrapped_text_is_recognised() {
        let shape = TextShape::of(&text_lines(WRAPPED));
        assert!(shape.hard_wrapped, "{shape:?}");
        assert_eq!(shape.paragraph_indent, Some(2.0));
        assert!(shape.measure >= 24.0, "{shape:?}");
    }

    #[test]
    fn one_paragraph_a_line_is_not_hard_wrapped() {
        let text = "　　县人大常委会今年组织代表深入基层开展调研，形成了一批高质量的调研报告。\n　　代表们普遍反映，调研工作要坚持问题导向，推动解决了一批实际困难和问题。\n　　下一步，常委会将继续完善代表联系群众的制度。";
        let shape = TextShape::of(&text_lines(text));
        assert!(!shape.hard_wrapped, "{shape:?}");
    }

    #[test]
    fn unindented_wrapped_text_is_recognised_by_full_lines() {
        let text = WRAPPED.replace('　', "");
        let shape = TextShape::of(&text_lines(&text));
        assert!(shape.hard_wrapped);
        assert_eq!(shape.paragraph_indent, None);
    }

    #[test]
    fn centred_lines_are_set_off_and_short_lines_not_full() {
        let lines = text_lines(
            "　　　　　　关于代表工作的几点做法\n　　正文第一行写满了一整行的文字内容，一直到行末为止\n最后一行。",
        );
        let shape = TextShape { hard_wrapped: true, measure: 27.0, paragraph_indent: Some(2.0) };
        assert!(shape.is_set_off(&lines[0]) && !shape.is_set_off(&lines[1]));
        assert!(shape.is_indented(&lines[1]) && !shape.is_indented(&lines[2]));
        assert!(shape.is_full(&lines[1]) && !shape.is_full(&lines[2]));
    }
}
