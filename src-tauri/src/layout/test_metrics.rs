//! A deterministic `FontMetrics` for tests: widths as real CJK fonts have them (Han and
//! full-width marks 1 em, ASCII letters and digits ½ em, space ¼ em); every role its own font.

use super::page::{FontKey, FontMetrics, Ink};
use super::shape::TextStyle;
use crate::domain::FontRole;

/// A private-use character no test font has, to exercise the missing-glyph path.
pub const MISSING: char = '\u{E000}';

/// A character only the fallback font has (镕 is missing from FandolFang).
pub const FALLBACK_ONLY: char = '镕';

#[derive(Debug)]
pub struct TestMetrics;

impl FontMetrics for TestMetrics {
    fn resolve(&self, role: FontRole, ch: char) -> Option<FontKey> {
        let role = if ch == FALLBACK_ONLY { FontRole::Fallback } else { role };
        let key = FontRole::ALL.iter().position(|r| *r == role).expect("ALL lists every role");
        (ch != MISSING).then(|| FontKey(u16::try_from(key).expect("five roles")))
    }

    fn advance_em(&self, _font: FontKey, ch: char) -> f32 {
        match ch {
            ' ' => 0.25,
            c if c.is_ascii() => 0.5,
            _ => 1.0,
        }
    }

    fn ascent_em(&self, _font: FontKey) -> f32 {
        0.88
    }

    fn needs_synthetic_bold(&self, role: FontRole) -> bool {
        matches!(role, FontRole::Body | FontRole::Kai)
    }
}

/// Body text of the default profile: 16 pt on a 156/28 mm grid.
pub fn body_style() -> TextStyle {
    TextStyle {
        role: FontRole::Body,
        size_pt: 16.0,
        cell_pt: 156.0 / 28.0 * 72.0 / 25.4,
        ink: Ink::Black,
        bold: false,
    }
}
