//! The typesetting engine: Issue + Publication (its LayoutProfile) + font metrics → pages of
//! positioned items. Pure: no PDF types, no I/O. The PDF writer and the preview draw from
//! the same result, so what the editor sees is what prints.
//!
//! Stages, in pipeline order: `collect` and `furniture` turn the issue into flow `blocks`;
//! `typeset` sets each block (`shape` → `linebreak` → `justify`, with the character classes
//! of `punctuation`) into slots; `paginate` fills the pages; `furniture` adds page numbers.

mod blocks;
mod collect;
mod furniture;
mod geometry;
pub(crate) mod image_size;
mod justify;
mod linebreak;
mod page;
mod paginate;
pub(crate) mod punctuation;
mod shape;
#[cfg(test)]
mod source_tests;
#[cfg(test)]
mod test_metrics;
#[cfg(test)]
mod tests;
mod title_break;
mod typeset;

pub use geometry::{Geometry, PT_PER_MM};
pub use page::{
    FontKey, FontMetrics, GlyphRun, Ink, Item, LaidOutIssue, LayoutWarning, OutlineEntry, Page, PlacedGlyph,
    SYNTHETIC_BOLD_STROKE_EM, SourcePart, TextSource,
};

pub use title_break::warm_up as prepare_title_breaking;

use crate::domain::{Article, Issue, Publication};
use collect::Styles;
use paginate::FilledPage;
use typeset::Typesetter;

/// What varies between exports of the same issue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    /// A proof (校样) of this round: line numbers in the left margin. The PDF writer draws
    /// the watermark.
    pub proof_round: Option<u8>,
}

/// Lays out `issue` in `publication`'s fixed layout.
pub fn layout_issue(
    issue: &Issue,
    publication: &Publication,
    metrics: &dyn FontMetrics,
    options: &LayoutOptions,
) -> LaidOutIssue {
    // Suggestions print once accepted; until then the text prints as it was. Block for block,
    // so that each block keeps the index the editor and the proof findings know it by: a
    // block emptied by settling sets no lines anyway.
    let settled = Issue {
        articles: issue.articles.iter().map(Article::settled_block_for_block).collect(),
        ..issue.clone()
    };
    let issue = &settled;
    let profile = &publication.layout;
    let geometry = Geometry::of(profile);
    let styles = Styles::new(profile, geometry);

    let mut flow = furniture::masthead(issue, publication, &styles);
    flow.extend(furniture::table_of_contents(issue, &publication.layout.contents_line_separator, &styles));
    flow.extend(collect::issue_note(&issue.editor_note, &styles));
    flow.extend(collect::articles(&issue.articles, &styles, profile.article_starts_new_page));
    let footer = furniture::footer(&issue.footer(publication), &styles);

    let mut typesetter = Typesetter::new(metrics, profile.compression, geometry);
    let slots = typesetter.set(&flow);
    let footer = typesetter.set(&footer);
    let mut paginated = paginate::paginate(slots, footer, &geometry);

    if profile.pad_to_even_pages && paginated.pages.len() % 2 == 1 {
        paginated.pages.push(FilledPage::default());
    }
    let warnings = issue_warnings(issue, &mut typesetter, &styles, paginated.pages.len());

    let pages = paginated
        .pages
        .into_iter()
        .enumerate()
        .map(|(index, filled)| {
            finish_page(index, filled, &geometry, metrics, profile.number_first_page, options)
        })
        .collect();
    LaidOutIssue {
        page_width_pt: geometry.page_width,
        page_height_pt: geometry.page_height,
        pages,
        outline: paginated.outline,
        warnings,
    }
}

/// Adds the page number and, on a proof, the line numbers.
fn finish_page(
    index: usize,
    filled: FilledPage,
    geometry: &Geometry,
    metrics: &dyn FontMetrics,
    number_first_page: bool,
    options: &LayoutOptions,
) -> Page {
    let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
    let mut items = filled.items;
    let blank = items.is_empty();
    if !blank && (number > 1 || number_first_page) {
        items.push(furniture::page_number(number, geometry, metrics));
    }
    if options.proof_round.is_some() {
        items.extend(furniture::line_numbers(&filled.numbered_baselines, geometry, metrics));
    }
    Page { number, items }
}

/// What the editor should know about the result: title lines that had to wrap, an odd page
/// count (double-sided printing needs an even one), characters from fallback fonts or none.
fn issue_warnings(
    issue: &Issue,
    typesetter: &mut Typesetter<'_>,
    styles: &Styles,
    page_count: usize,
) -> Vec<LayoutWarning> {
    let mut warnings = overlong_title_lines(issue, typesetter, styles);
    if page_count % 2 == 1 {
        let pages = u32::try_from(page_count).unwrap_or(u32::MAX);
        warnings.push(LayoutWarning::OddPageCount { pages });
    }
    if let Some(chars) = distinct(&typesetter.fallback) {
        warnings.push(LayoutWarning::FallbackGlyphs { chars });
    }
    if let Some(chars) = distinct(&typesetter.missing) {
        warnings.push(LayoutWarning::MissingGlyphs { chars });
    }
    warnings
}

/// A title line wider than the text block wraps; the editor should break it by hand.
fn overlong_title_lines(
    issue: &Issue,
    typesetter: &mut Typesetter<'_>,
    styles: &Styles,
) -> Vec<LayoutWarning> {
    let mut warnings = Vec::new();
    let style = styles.style(crate::domain::FontRole::Display, styles.title_size);
    for (article, a) in issue.articles.iter().enumerate() {
        for (line, text) in a.title.iter().enumerate() {
            let block = blocks::TextBlock::new(text.as_str(), style, styles.geometry.line);
            if typesetter.set_text(&block).len() > 1 {
                warnings.push(LayoutWarning::OverlongTitleLine { article, line });
            }
        }
    }
    warnings
}

/// Each character once, in code point order; `None` when there are none.
fn distinct(chars: &[char]) -> Option<Vec<char>> {
    let mut chars = chars.to_vec();
    chars.sort_unstable();
    chars.dedup();
    (!chars.is_empty()).then_some(chars)
}
