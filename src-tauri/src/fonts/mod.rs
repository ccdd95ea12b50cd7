//! The fonts of the four roles plus a fallback: the free ones shipped in `assets/fonts` or ones
//! installed on the machine, parsed once into a `FontSet` that answers the layout's
//! `FontMetrics` and hands the PDF writer the font programs to embed.

mod bundled;
mod cache;
mod coverage;
mod face;
mod font_set;
mod installed;

pub use bundled::{BUNDLED_FONTS, BundledFont, FONT_DIR_ENV, bundled_font, find_font_dir, source_tree_dir};
pub use cache::FontCache;
pub use coverage::{RoleCoverage, gbk_chars, role_coverage};
pub use face::FaceData;
pub use font_set::{FontSet, LoadedFont};
pub use installed::{InstalledFace, InstalledFonts};
