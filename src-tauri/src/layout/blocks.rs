//! The flow an issue is turned into before it is set: text blocks with their shape,
//! blank lines, rules, images and page breaks. Built by `collect` (articles) and
//! `furniture` (masthead, 要目, 报尾); set by `typeset`.

use super::justify::Align;
use super::page::{Ink, SourcePart};
use super::shape::TextStyle;

/// A paragraph-like block: styled runs set in one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBlock {
    pub runs: Vec<(String, TextStyle)>,
    /// Indent of the first line from the text block's left edge, in points.
    pub first_indent: f32,
    /// Indent of the following lines (a hanging indent when larger than `first_indent`).
    pub rest_indent: f32,
    pub right_indent: f32,
    pub align: Align,
    /// Break into lines of even length and never inside a quoted term (titles).
    pub balanced: bool,
    /// Never break inside a word (the 要目's entries).
    pub keep_words: bool,
    /// Justify the last line too (分散对齐), for the letter-spaced 报名.
    pub force_justify: bool,
    /// Height of each line's slot; the body grid pitch for everything in the flow.
    pub line_height: f32,
    /// Keep the block's last line on the same page as what follows (headings, titles).
    pub keep_with_next: bool,
    /// An outline (bookmark) entry pointing at the block's first line.
    pub outline: Option<String>,
    /// Lines of the text flow carry a proof line number; furniture does not.
    pub numbered: bool,
    /// Where the runs came from; `None` for text the layout makes itself.
    pub source: Option<BlockSource>,
}

/// The place of a text block in the issue, and where each of its runs starts in that
/// place's text (`None` for a run the layout adds, such as the 【编者按】 label).
#[derive(Debug, Clone, PartialEq)]
pub struct BlockSource {
    pub article: Option<u32>,
    pub part: SourcePart,
    pub block: u32,
    pub run_starts: Vec<Option<u32>>,
}

impl BlockSource {
    /// A place whose one run starts at `start` of its text.
    pub fn at(article: Option<u32>, part: SourcePart, block: u32, start: u32) -> Self {
        BlockSource { article, part, block, run_starts: vec![Some(start)] }
    }
}

impl TextBlock {
    pub fn new(text: impl Into<String>, style: TextStyle, line_height: f32) -> Self {
        TextBlock {
            runs: vec![(text.into(), style)],
            first_indent: 0.0,
            rest_indent: 0.0,
            right_indent: 0.0,
            align: Align::Justify,
            force_justify: false,
            balanced: false,
            keep_words: false,
            line_height,
            keep_with_next: false,
            outline: None,
            numbered: true,
            source: None,
        }
    }

    pub fn aligned(mut self, align: Align) -> Self {
        self.align = align;
        self
    }

    pub fn indented(mut self, first: f32, rest: f32) -> Self {
        self.first_indent = first;
        self.rest_indent = rest;
        self
    }

    pub fn kept_with_next(mut self) -> Self {
        self.keep_with_next = true;
        self
    }

    pub fn furniture(mut self) -> Self {
        self.numbered = false;
        self
    }

    pub fn sourced(mut self, source: BlockSource) -> Self {
        self.source = Some(source);
        self
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum FlowBlock {
    Text(TextBlock),
    /// Two one-line texts on the same line, one flush left, one flush right (the masthead's
    /// editing unit and date, the footer's approval number and print run).
    LeftRight {
        left: TextBlock,
        right: TextBlock,
    },
    /// Vertical space; dropped at the top of a page.
    Blank {
        height: f32,
        keep_with_next: bool,
    },
    /// A rule across the text block at the top of a slot of `height`.
    Rule {
        thickness: f32,
        ink: Ink,
        height: f32,
        offset: f32,
    },
    /// An image of `width` × `height` centred in a slot of `slot_height` (whole grid lines).
    Image {
        src: String,
        width: f32,
        height: f32,
        slot_height: f32,
        keep_with_next: bool,
    },
    PageBreak,
}
