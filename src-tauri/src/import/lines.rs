//! Source lines: what every reader (.txt/.md text, pasted text, .docx) turns its input into
//! before articles are recognised — text runs plus what the source marked the line as.

use crate::domain::Inline;

/// What the source itself said about a line, before any guessing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineMark {
    Plain,
    /// A Markdown `#` line or a Word heading style (with its level, if Word gave one).
    /// Whether it is a title or a numbered heading is decided from its text.
    Marked {
        style_level: Option<u8>,
    },
    /// Word's Title style.
    Title,
    /// Word's Subtitle style.
    Subtitle,
    /// A picture (as a `data:` URL).
    Image {
        src: String,
    },
    /// Word's Caption style (题注).
    Caption,
    /// A row of a Word table, flattened.
    TableRow,
    /// A Markdown rule `---`: separates masthead, articles and footer.
    Rule,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    pub content: Vec<Inline>,
    pub mark: LineMark,
    /// Whether a blank line came before this one.
    pub blank_before: bool,
    /// Leading white space in character cells (an ideographic space is one, an ASCII space
    /// half): how far the line was set in from the left, which is all that plain text from a
    /// PDF or Word says about paragraph starts and centred lines.
    pub indent: f32,
    /// The first line of a page (after a form feed, as pdftotext writes between pages, or
    /// after page furniture that was dropped).
    pub page_start: bool,
    /// How many printed lines were joined into this one (hard-wrapped paragraphs).
    pub printed_lines: u16,
}

impl SourceLine {
    /// A line as a reader found it: no indent, not at a page start, one printed line.
    pub fn new(content: Vec<Inline>, mark: LineMark, blank_before: bool) -> Self {
        SourceLine { content, mark, blank_before, indent: 0.0, page_start: false, printed_lines: 1 }
    }

    pub fn plain_text(&self) -> String {
        self.content.iter().map(|run| run.text.as_str()).collect()
    }

    /// Width in character cells, indent included: Han and full-width marks take one cell,
    /// ASCII letters, digits and spaces half of one.
    pub fn width(&self) -> f32 {
        self.indent + text_width(&self.plain_text())
    }
}

/// Width of a text in character cells (see `SourceLine::width`).
pub fn text_width(text: &str) -> f32 {
    text.chars().map(|c| if c.is_ascii() { 0.5 } else { 1.0 }).sum()
}

/// Cells of leading white space: ideographic space 1, tab 2, other spaces ½.
pub fn leading_indent(raw: &str) -> f32 {
    raw.chars()
        .take_while(|&c| c.is_whitespace() || c == '\u{3000}')
        .map(|c| match c {
            '\u{3000}' => 1.0,
            '\t' => 2.0,
            _ => 0.5,
        })
        .sum()
}

/// Splits Markdown-ish text (as the extracted back issues and most pasted text are) into
/// lines: `#` marks, `**bold**`, `- ` list marks and `---` rules are read; blank lines
/// only separate.
pub fn text_lines(text: &str) -> Vec<SourceLine> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut blank_before = false;
    let mut page_start = false;
    for raw in text.lines() {
        // pdftotext separates pages with a form feed at the start of the next page's first line.
        let raw = match raw.strip_prefix('\u{c}') {
            Some(rest) => {
                page_start = true;
                rest
            }
            None => raw,
        };
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        let (mark, rest) = read_mark(line);
        let content = read_bold(rest.trim());
        if !content.is_empty() || mark == LineMark::Rule {
            let mut source = SourceLine::new(content, mark, blank_before);
            source.indent = leading_indent(raw);
            source.page_start = std::mem::take(&mut page_start);
            lines.push(source);
        }
        blank_before = false;
    }
    lines
}

fn read_mark(line: &str) -> (LineMark, &str) {
    if line.len() >= 3 && line.chars().all(|c| c == '-' || c == '*' || c == '_') {
        return (LineMark::Rule, "");
    }
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\u{3000}']) {
        return (LineMark::Marked { style_level: None }, &line[hashes..]);
    }
    let list = ["- ", "* ", "• ", "· "].iter().find_map(|mark| line.strip_prefix(mark));
    match list {
        Some(rest) => (LineMark::Plain, rest),
        None => (LineMark::Plain, line),
    }
}

/// `**x**` runs become bold; an unpaired `**` is kept as typed.
pub fn read_bold(text: &str) -> Vec<Inline> {
    let parts: Vec<&str> = text.split("**").collect();
    if parts.len().is_multiple_of(2) {
        return vec![Inline::plain(text)];
    }
    parts
        .iter()
        .enumerate()
        .filter(|(_, part)| !part.is_empty())
        .map(|(index, part)| Inline::styled(part, index % 2 == 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_marks_are_read() {
        let lines = text_lines("# 联络动态\n\n## **二、多方联动**\n- 一是抓学习。\n---\n正文**加粗**完");
        assert_eq!(lines[0].mark, LineMark::Marked { style_level: None });
        assert_eq!(lines[1].content, vec![Inline::styled("二、多方联动", true)]);
        assert!(lines[1].blank_before);
        assert_eq!(lines[2].plain_text(), "一是抓学习。");
        assert_eq!(lines[3].mark, LineMark::Rule);
        assert_eq!(lines[4].content[1], Inline::styled("加粗", true));
    }

    #[test]
    fn indents_and_page_starts_are_kept() {
        let lines = text_lines("　　段首缩进两字\n续行\n\u{c}    四个半角空格\n\t制表符");
        let indents: Vec<f32> = lines.iter().map(|l| l.indent).collect();
        assert_eq!(indents, [2.0, 0.0, 2.0, 2.0]);
        assert_eq!(lines[0].plain_text(), "段首缩进两字", "the indent is not part of the text");
        assert!(lines[2].page_start && !lines[1].page_start, "a form feed starts a page");
        assert_eq!(lines[0].width(), 8.0);
    }
}
