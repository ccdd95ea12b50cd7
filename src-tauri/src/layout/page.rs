//! What the layout produces and what it needs to know about fonts.
//!
//! Coordinates are in PostScript points (1/72 in) from the page's top-left corner, y growing
//! downward; the PDF writer flips them.

use crate::domain::FontRole;

/// A loaded font, as numbered by the font set that answers `FontMetrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FontKey(pub u16);

/// What the layout asks of the fonts. Implemented by the font set (`crate::fonts`).
pub trait FontMetrics {
    /// The font that draws `ch` for `role`: the role's font if it has the glyph, else the first
    /// font of the fallback chain that has it; `None` if no font has it.
    fn resolve(&self, role: FontRole, ch: char) -> Option<FontKey>;
    /// Advance width of `ch` in `font`, in em (font units / units per em).
    fn advance_em(&self, font: FontKey, ch: char) -> f32;
    /// Ascent of `font` in em, for placing the first baseline.
    fn ascent_em(&self, font: FontKey) -> f32;
    /// Whether the layout must embolden `role` itself (仿宋/楷体 have no bold weight).
    fn needs_synthetic_bold(&self, role: FontRole) -> bool;
}

/// Stroke width of synthetic bold, as a fraction of the font size: enough to read as bold in
/// 仿宋/楷体 without filling the counters of dense characters. The PDF and the preview both
/// draw it.
pub const SYNTHETIC_BOLD_STROKE_EM: f32 = 0.03;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// K100 (or RGB black when the profile does not ask for K100).
    Black,
    /// The profile's CMYK red.
    Red,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    /// The text this glyph stands for (one char; kept as a string for ToUnicode).
    pub ch: char,
    pub font: FontKey,
    /// Left edge of the glyph, in points from the page's left edge.
    pub x_pt: f32,
}

/// Glyphs on one baseline in one size and colour (fonts may change within, by fallback).
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub baseline_y_pt: f32,
    pub size_pt: f32,
    pub ink: Ink,
    pub synthetic_bold: bool,
    pub glyphs: Vec<PlacedGlyph>,
    /// Where the text came from, so that the preview can lead back to it; `None` for text
    /// the layout makes itself (page numbers, the 【编者按】 label, the 要目 bullet).
    pub source: Option<TextSource>,
}

/// Which text of the issue a run was set from; the preview hands it to the UI as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum SourcePart {
    /// The title lines joined (`Article::title_text`), as the proof checks count them.
    Title,
    Subtitle,
    Byline,
    EditorNote,
    /// A body block: its text, or an image's caption.
    Body,
    /// An attribution line (`Article::attribution_lines`), edited outside the text.
    Attribution,
    /// The article's entry in the 要目.
    Contents,
    Masthead,
    Footer,
    /// The issue's own 编者按.
    IssueNote,
}

/// The source of a run: the article (index in print order; `None` for the masthead, the
/// footer and the issue's note), the part, the block within the part (the body block or the
/// attribution line; 0 otherwise) and, for each glyph, its character offset in that part's
/// text (Unicode scalar values, as the proof findings count). Offsets are empty for
/// furniture, which has no place in an article to lead to.
#[derive(Debug, Clone, PartialEq)]
pub struct TextSource {
    pub article: Option<u32>,
    pub part: SourcePart,
    pub block: u32,
    pub offsets: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(GlyphRun),
    /// A straight rule (masthead red rule, footer rules).
    Rule {
        x1_pt: f32,
        y1_pt: f32,
        x2_pt: f32,
        y2_pt: f32,
        width_pt: f32,
        ink: Ink,
    },
    /// An image scaled into the box whose top-left corner is (x, y).
    Image {
        src: String,
        x_pt: f32,
        y_pt: f32,
        width_pt: f32,
        height_pt: f32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The printed page number (1-based, counting the masthead page).
    pub number: u32,
    pub items: Vec<Item>,
}

/// One bookmark per article.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// 0-based index into `LaidOutIssue::pages`.
    pub page_index: usize,
    pub y_pt: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LayoutWarning {
    /// Double-sided printing needs an even page count.
    OddPageCount {
        pages: u32,
    },
    /// Characters drawn from a fallback font, or from none at all.
    FallbackGlyphs {
        chars: Vec<char>,
    },
    MissingGlyphs {
        chars: Vec<char>,
    },
    /// A title line wider than the text block.
    OverlongTitleLine {
        article: usize,
        line: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaidOutIssue {
    pub page_width_pt: f32,
    pub page_height_pt: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub warnings: Vec<LayoutWarning>,
}
