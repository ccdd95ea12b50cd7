//! Flow blocks → slots: each text block shaped, broken into lines and justified; each line,
//! blank, rule or image becomes one slot of known height for the paginator.

use super::blocks::{BlockSource, FlowBlock, TextBlock};
use super::geometry::Geometry;
use super::justify::{SetGlyph, set_line};
use super::linebreak::break_lines;
use super::page::{FontMetrics, GlyphRun, Ink, Item, PlacedGlyph, TextSource};
use super::shape::{Glyph, TextStyle, shape};
use super::title_break::{keep_words_whole, title_lines};
use crate::domain::CompressionStyle;

/// Where an ideographic em box puts its baseline: 0.88 em below its top (the OpenType
/// ideographic em-box convention, ideographic baseline at −0.12 em), so that CJK glyphs sit
/// centred in their line slot whatever the font's ascent.
const BASELINE_IN_EM_BOX: f32 = 0.88;

/// A vertical piece of a page; items are positioned relative to its top edge.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Slot {
    pub height: f32,
    pub items: Vec<Item>,
    pub keep_with_next: bool,
    /// Blank space, dropped when it would open a page.
    pub blank: bool,
    pub page_break: bool,
    pub outline: Option<String>,
    /// Baseline (relative) of a flow line that carries a proof line number.
    pub numbered_baseline: Option<f32>,
}

pub struct Typesetter<'a> {
    pub metrics: &'a dyn FontMetrics,
    pub compression: CompressionStyle,
    pub geometry: Geometry,
    /// Characters no font could draw, in order of appearance.
    pub missing: Vec<char>,
    /// Characters drawn from a font other than their role's.
    pub fallback: Vec<char>,
}

impl<'a> Typesetter<'a> {
    pub fn new(metrics: &'a dyn FontMetrics, compression: CompressionStyle, geometry: Geometry) -> Self {
        Typesetter { metrics, compression, geometry, missing: Vec::new(), fallback: Vec::new() }
    }

    pub fn set(&mut self, blocks: &[FlowBlock]) -> Vec<Slot> {
        let mut slots = Vec::new();
        for block in blocks {
            match block {
                FlowBlock::Text(text) => slots.extend(self.set_text(text)),
                FlowBlock::LeftRight { left, right } => slots.extend(self.set_left_right(left, right)),
                FlowBlock::Blank { height, keep_with_next } => slots.push(Slot {
                    height: *height,
                    keep_with_next: *keep_with_next,
                    blank: true,
                    ..Slot::default()
                }),
                FlowBlock::Rule { thickness, ink, height, offset } => {
                    slots.push(self.rule_slot(*thickness, *ink, *height, *offset));
                }
                FlowBlock::Image { src, width, height, slot_height, keep_with_next } => {
                    slots.push(self.image_slot(src, (*width, *height), *slot_height, *keep_with_next));
                }
                FlowBlock::PageBreak => slots.push(Slot { page_break: true, ..Slot::default() }),
            }
        }
        slots
    }

    /// A rule across the text block, `offset` below the top of a slot of `height`.
    fn rule_slot(&self, thickness: f32, ink: Ink, height: f32, offset: f32) -> Slot {
        let (x1_pt, x2_pt) = (self.geometry.left, self.geometry.right());
        let rule = Item::Rule { x1_pt, y1_pt: offset, x2_pt, y2_pt: offset, width_pt: thickness, ink };
        Slot { height, items: vec![rule], ..Slot::default() }
    }

    /// An image centred horizontally in the text block and vertically in its slot.
    fn image_slot(
        &self,
        src: &str,
        (width, height): (f32, f32),
        slot_height: f32,
        keep_with_next: bool,
    ) -> Slot {
        let image = Item::Image {
            src: src.to_owned(),
            x_pt: self.geometry.left + (self.geometry.width - width) / 2.0,
            y_pt: (slot_height - height) / 2.0,
            width_pt: width,
            height_pt: height,
        };
        Slot { height: slot_height, items: vec![image], keep_with_next, ..Slot::default() }
    }

    /// One slot per line of `block`.
    pub fn set_text(&mut self, block: &TextBlock) -> Vec<Slot> {
        let styles: Vec<TextStyle> = block.runs.iter().map(|(_, style)| *style).collect();
        let runs: Vec<(&str, u16)> = block
            .runs
            .iter()
            .enumerate()
            .map(|(i, (text, _))| (text.as_str(), u16::try_from(i).unwrap_or(u16::MAX)))
            .collect();
        let shaped = shape(&runs, &styles, self.compression, self.metrics);
        self.missing.extend(shaped.missing);
        self.fallback.extend(shaped.fallback);
        let mut glyphs = shaped.glyphs;
        let Some(first_style) = styles.first() else {
            return Vec::new();
        };
        let indent = |line: usize| if line == 0 { block.first_indent } else { block.rest_indent };
        let measure = |line: usize| self.geometry.width - indent(line) - block.right_indent;
        let lines = if block.balanced {
            keep_quoted_terms_together(&mut glyphs);
            title_lines(&mut glyphs, measure(0), first_style.cell_pt)
        } else {
            if block.keep_words {
                keep_words_whole(&mut glyphs);
            }
            break_lines(&glyphs, measure)
        };
        let count = lines.len();
        let mut slots = Vec::with_capacity(count);
        for (i, range) in lines.into_iter().enumerate() {
            let set = set_line(
                &glyphs,
                range,
                indent(i),
                measure(i),
                block.align,
                i + 1 == count && !block.force_justify,
            );
            let items = self.runs_of(&glyphs, &set, &styles, block.line_height, block.source.as_ref());
            let numbered_baseline = block.numbered.then(|| baseline(block.line_height, first_style.size_pt));
            slots.push(Slot {
                height: block.line_height,
                items,
                keep_with_next: block.keep_with_next,
                outline: if i == 0 { block.outline.clone() } else { None },
                numbered_baseline,
                ..Slot::default()
            });
        }
        if block.numbered {
            keep_first_and_last_lines_company(&mut slots);
        }
        slots
    }

    /// Both texts on one line when they fit with at least one cell between them; otherwise
    /// the right one on a line of its own, still flush right.
    fn set_left_right(&mut self, left: &TextBlock, right: &TextBlock) -> Vec<Slot> {
        let mut left_slots = self.set_text(left);
        let right_slots = self.set_text(right);
        // At least half an em between the parts, so that they never read as one phrase
        // (`汤　建联系方式`); with less room each part gets its own line.
        let fits = left_slots.len() == 1
            && right_slots.len() == 1
            && text_extent(&left_slots[0]).1 + 0.5 * em_of(&left_slots[0]) <= text_extent(&right_slots[0]).0;
        if !fits {
            left_slots.extend(right_slots);
            return left_slots;
        }
        let mut slot = left_slots.remove(0);
        let right_slot = right_slots.into_iter().next().unwrap_or_default();
        slot.items.extend(right_slot.items);
        slot.height = slot.height.max(right_slot.height);
        vec![slot]
    }

    /// A glyph set smaller than its cell (the 要目 bullet) is centred in the cell; every
    /// other style is at least as large as its cell and starts at the cell's left edge.
    fn centring_in_cell(&self, glyph: &Glyph, style: &TextStyle) -> f32 {
        if style.size_pt >= style.cell_pt {
            return 0.0;
        }
        let drawn = self.metrics.advance_em(glyph.font, glyph.ch) * style.size_pt;
        (glyph.natural - drawn) / 2.0
    }

    /// Glyph runs of one set line: a new run wherever the style changes (so each run comes
    /// from one run of the block, and its source offsets count from that run's start).
    fn runs_of(
        &self,
        glyphs: &[Glyph],
        set: &[SetGlyph],
        styles: &[TextStyle],
        height: f32,
        source: Option<&BlockSource>,
    ) -> Vec<Item> {
        let mut items: Vec<Item> = Vec::new();
        let mut current_style = None;
        for placed in set {
            let glyph = &glyphs[placed.index];
            let style = &styles[usize::from(glyph.style)];
            let x_pt = self.geometry.left + placed.x + self.centring_in_cell(glyph, style);
            let glyph_out = PlacedGlyph { ch: glyph.ch, font: glyph.font, x_pt };
            let offset = source.and_then(|s| s.run_starts.get(usize::from(glyph.style)).copied().flatten());
            match (current_style, items.last_mut()) {
                (Some(s), Some(Item::Text(run))) if s == glyph.style => {
                    run.glyphs.push(glyph_out);
                    if let (Some(text), Some(start)) = (run.source.as_mut(), offset) {
                        text.offsets.push(start + glyph.char_index);
                    }
                }
                _ => {
                    items.push(Item::Text(GlyphRun {
                        baseline_y_pt: baseline(height, style.size_pt),
                        size_pt: style.size_pt,
                        ink: style.ink,
                        synthetic_bold: style.bold && self.metrics.needs_synthetic_bold(style.role),
                        glyphs: vec![glyph_out],
                        source: source
                            .and_then(|s| run_source(s, offset.map(|start| start + glyph.char_index))),
                    }));
                    current_style = Some(glyph.style);
                }
            }
        }
        items
    }
}

/// The source of a run starting with a glyph at `first_offset`: a run the layout added
/// inside an article's block (the 【编者按】 label) has none; furniture keeps its part only.
fn run_source(block: &BlockSource, first_offset: Option<u32>) -> Option<TextSource> {
    let furniture = block.run_starts.iter().all(Option::is_none);
    let offsets = match first_offset {
        Some(offset) => vec![offset],
        None if furniture => Vec::new(),
        None => return None,
    };
    Some(TextSource { article: block.article, part: block.part, block: block.block, offsets })
}

/// Widows and orphans (孤行): a paragraph's first line alone at the foot of a page, or its last
/// line alone at the head of the next (W3C clreq §3.9 notes the practice; Chinese book
/// typesetting rule "段首行不落页末，段末行不落页首"). On a fixed grid a page cannot take a
/// 23rd line, so the only remedy is a page that ends one line early: the line that would be
/// left alone takes its neighbour with it. Limited to what costs one line — a three-line
/// paragraph can guard only one end, and guards its last line (the one readers notice).
fn keep_first_and_last_lines_company(slots: &mut [Slot]) {
    let count = slots.len();
    match count {
        0 | 1 => {}
        2 => slots[0].keep_with_next = true,
        3 => slots[1].keep_with_next = true,
        _ => {
            slots[0].keep_with_next = true;
            slots[count - 2].keep_with_next = true;
        }
    }
}

/// No break inside a quoted term of a title (`“三会三文”` stays on one line), so that the
/// words stay whole (GB/T 9704-2012 §7.3.1 "词意完整").
pub(super) fn keep_quoted_terms_together(glyphs: &mut [Glyph]) {
    let mut depth = 0usize;
    for glyph in glyphs.iter_mut() {
        match glyph.ch {
            '“' | '‘' | '《' => depth += 1,
            '”' | '’' | '》' => depth = depth.saturating_sub(1),
            _ if depth > 0 => glyph.break_before = false,
            _ => {}
        }
    }
}

/// Leftmost and rightmost glyph origin of a set line, in points. The rightmost glyph's
/// advance is not known here; the one-cell minimum gap in `set_left_right` covers it.
/// The type size of a set line: its first run's.
fn em_of(slot: &Slot) -> f32 {
    slot.items
        .iter()
        .find_map(|item| match item {
            Item::Text(run) => Some(run.size_pt),
            _ => None,
        })
        .unwrap_or_default()
}

/// Left edge of the first glyph and right edge of the last one, taking a glyph as at most one
/// em wide (CJK glyphs are; Latin ones narrower, which only overstates the extent).
fn text_extent(slot: &Slot) -> (f32, f32) {
    let spans = slot.items.iter().filter_map(|item| match item {
        Item::Text(run) => Some(run.glyphs.iter().map(|g| (g.x_pt, g.x_pt + run.size_pt))),
        _ => None,
    });
    spans.flatten().fold((f32::MAX, f32::MIN), |(lo, hi), (start, end)| (lo.min(start), hi.max(end)))
}

/// Baseline of text of `size` centred in a slot of `height`.
pub fn baseline(height: f32, size: f32) -> f32 {
    (height - size) / 2.0 + BASELINE_IN_EM_BOX * size
}
