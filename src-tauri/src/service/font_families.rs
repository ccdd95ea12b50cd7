//! The font families installed on the machine, for the settings screen's font pickers.
//!
//! `fonts::InstalledFonts` finds one family by name but has no listing, so this scans with
//! the same library (fontdb) and the same system font folders it uses.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::FontRole;
use crate::fonts::BUNDLED_FONTS;

/// What the font pickers offer: each role's shipped font, and the installed families.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FontFamilies {
    pub bundled: Vec<BundledFamily>,
    pub installed: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BundledFamily {
    pub role: FontRole,
    /// As the user knows it: `FandolFang（Fandol 仿宋）`.
    pub family: String,
}

pub fn font_families() -> FontFamilies {
    let bundled = BUNDLED_FONTS
        .iter()
        .map(|font| BundledFamily { role: font.role, family: font.family.into() })
        .collect();
    FontFamilies { bundled, installed: installed_font_families() }
}

/// Every family name the installed fonts give themselves, in any language (a Chinese font
/// lists both 仿宋_GB2312 and FangSong_GB2312), sorted and without repeats.
pub fn installed_font_families() -> Vec<String> {
    let mut database = fontdb::Database::new();
    database.load_system_fonts();
    families_of(&database)
}

/// The families of the fonts in one folder (an office's shared fonts folder; tests).
pub fn font_families_in(dir: &std::path::Path) -> Vec<String> {
    let mut database = fontdb::Database::new();
    database.load_fonts_dir(dir);
    families_of(&database)
}

fn families_of(database: &fontdb::Database) -> Vec<String> {
    let mut names: Vec<String> =
        database.faces().flat_map(|face| face.families.iter().map(|(name, _)| name.clone())).collect();
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_list_their_families() {
        let families = font_families_in(&crate::fonts::source_tree_dir());
        assert!(families.iter().any(|name| name.contains("Fandol")), "FandolFang ships: {families:?}");
        let mut sorted = families.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(families, sorted, "a picker lists each family once, in order");
    }
}
