//! The typesetting engine: Issue + Publication (its LayoutProfile) + font metrics → pages of
//! positioned items. Pure: no PDF types, no I/O. The PDF writer and the preview draw from
//! the same result, so what the editor sees is what prints.
//!
//! Stages, in pipeline order (see the files): collect → linebreak → paginate → furniture.

mod page;

pub use page::{
    FontKey, FontMetrics, GlyphRun, Ink, Item, LaidOutIssue, LayoutWarning, OutlineEntry, Page, PlacedGlyph,
};
