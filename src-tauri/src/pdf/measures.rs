//! The print shop's measurements, read back from an exported PDF by glyph positions (as a
//! typesetter's loupe would): extra space per character gap on justified lines, clearance above
//! the 报尾, where the first and last lines of a full page sit against the 版心, and lines left
//! alone at a page's head or foot. Used by the measuring test and by `make bench`.

use crate::domain::LayoutProfile;
use crate::import::{ImportError, PlacedChar, pdf_glyph_pages};
use crate::layout::{Geometry, PT_PER_MM};

/// The ideographic em box's top is 0.88 em above the baseline (the layout's convention).
const ASCENT_EM: f32 = 0.88;

/// A printed line: characters of one size on one baseline, left to right.
struct Line {
    baseline: f32,
    size: f32,
    chars: Vec<PlacedChar>,
}

fn lines_of(page: &[PlacedChar]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for glyph in page {
        let same = lines
            .iter_mut()
            .find(|l| (l.baseline - glyph.y).abs() < 0.5 && (l.size - glyph.size).abs() < 0.1);
        match same {
            Some(line) => line.chars.push(glyph.clone()),
            None => lines.push(Line { baseline: glyph.y, size: glyph.size, chars: vec![glyph.clone()] }),
        }
    }
    for line in &mut lines {
        line.chars.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    // Top of the page first (PDF y grows upwards).
    lines.sort_by(|a, b| b.baseline.total_cmp(&a.baseline));
    lines
}

fn is_han(text: &str) -> bool {
    text.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// Extra space between two Han characters of a justified body line, beyond the grid cell:
/// justification spreads a line's slack evenly, so one Han–Han gap tells the whole line.
fn extra_gap(line: &Line, cell: f32) -> Option<f32> {
    let pairs = line.chars.windows(2).filter(|w| is_han(&w[0].text) && is_han(&w[1].text));
    pairs.map(|w| w[1].x - w[0].x - cell).max_by(f32::total_cmp)
}

/// A justified line runs from the left edge (or a paragraph's two-character indent) to the
/// right edge; a paragraph's last line, centred and right-aligned lines do not.
fn is_justified(line: &Line, geometry: &Geometry) -> bool {
    let (Some(first), Some(last)) = (line.chars.first(), line.chars.last()) else { return false };
    let starts =
        [geometry.left, geometry.left + 2.0 * geometry.cell].iter().any(|x| (first.x - x).abs() < 1.0);
    let right_end = last.x + last.advance.min(geometry.cell);
    starts && (right_end - geometry.right()).abs() < geometry.cell / 2.0 + 0.5
}

fn has_numerals_or_latin(line: &Line) -> bool {
    line.chars.iter().any(|c| c.text.chars().any(|ch| ch.is_ascii_alphanumeric()))
}

/// What a print shop's loupe reads off an exported issue.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PrintMeasures {
    /// Extra space per character gap of each justified body line, in points.
    pub gaps: Vec<f32>,
    /// The same, for the lines that hold numerals or Latin letters.
    pub gaps_with_latin: Vec<f32>,
    /// Baseline distance, in grid lines, from the last text line to the 报尾's first line
    /// (2 = one empty grid line between them); infinite when the 报尾 has its page alone.
    pub footer_clearance_lines: f32,
    /// Where the first line's em box starts and the last line's ends on full pages, in mm.
    pub first_line_top_mm: Vec<f32>,
    pub last_line_foot_mm: Vec<f32>,
    /// A paragraph's last line alone at the head of a page.
    pub widows: usize,
    /// A paragraph's first line alone at the foot of a page.
    pub orphans: usize,
    pub pages: usize,
}

/// The value below which a share `p` of `values` lie (nearest rank).
pub fn percentile(values: &[f32], p: f32) -> f32 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted.get(((sorted.len() as f32 - 1.0) * p).round() as usize).copied().unwrap_or(0.0)
}

/// Reads `pdf` back (our own export of an issue set with `layout`) and measures it.
pub fn measure_pdf(pdf: &[u8], layout: &LayoutProfile) -> Result<PrintMeasures, ImportError> {
    let geometry = Geometry::of(layout);
    let body = layout.body_size_pt;
    let page_height = geometry.page_height;
    let pages = pdf_glyph_pages("measured.pdf", pdf)?;
    let mut figures = PrintMeasures::default();
    for page in &pages {
        let lines = lines_of(page);
        let body_lines: Vec<&Line> = lines
            .iter()
            .filter(|l| (l.size - body).abs() < 0.1 && page_height - l.baseline < geometry.bottom() + 1.0)
            .collect();
        for line in body_lines.iter().filter(|l| is_justified(l, &geometry)) {
            if let Some(gap) = extra_gap(line, geometry.cell) {
                figures.gaps.push(gap);
                if has_numerals_or_latin(line) {
                    figures.gaps_with_latin.push(gap);
                }
            }
        }
        count_lone_lines(&body_lines, &geometry, &mut figures);
        if body_lines.len() >= layout.lines_per_page as usize {
            let (first, last) = (body_lines[0], body_lines[body_lines.len() - 1]);
            let top = page_height - first.baseline - ASCENT_EM * first.size;
            let foot = page_height - last.baseline + (1.0 - ASCENT_EM) * last.size;
            figures.first_line_top_mm.push(top / PT_PER_MM);
            figures.last_line_foot_mm.push(foot / PT_PER_MM);
        }
    }
    figures.footer_clearance_lines = footer_clearance(&pages, &geometry, page_height);
    figures.pages = pages.len();
    Ok(figures)
}

/// A page that opens with a paragraph's last line (flush left, short of the right edge, and
/// not the whole paragraph), or ends with a paragraph's first line (indented two characters,
/// running on), has left a line alone.
fn count_lone_lines(body_lines: &[&Line], geometry: &Geometry, figures: &mut PrintMeasures) {
    let indented = |line: &Line| {
        line.chars.first().is_some_and(|c| (c.x - geometry.left - 2.0 * geometry.cell).abs() < 1.0)
    };
    let flush_left = |line: &Line| line.chars.first().is_some_and(|c| (c.x - geometry.left).abs() < 1.0);
    if let Some(first) = body_lines.first()
        && flush_left(first)
        && !is_justified(first, geometry)
    {
        figures.widows += 1;
    }
    if let [.., before, last] = body_lines
        && indented(last)
        && is_justified(last, geometry)
        && !indented(before)
    {
        figures.orphans += 1;
    }
}

/// On the last page, baseline distance in grid lines from the last text line above the 报尾
/// to the 报尾's first line (`送：`): 2 means one empty grid line between them.
fn footer_clearance(pages: &[Vec<PlacedChar>], geometry: &Geometry, page_height: f32) -> f32 {
    let lines = lines_of(pages.last().expect("a page"));
    let Some(footer) = lines.iter().position(|l| l.chars.first().is_some_and(|c| c.text == "送")) else {
        return f32::INFINITY;
    };
    let above = lines[..footer].iter().rev().find(|l| page_height - l.baseline > geometry.top);
    above.map_or(f32::INFINITY, |line| (line.baseline - lines[footer].baseline) / geometry.line)
}
