//! The font families installed on the machine, for the settings screen's font pickers.
//!
//! `fonts::InstalledFonts` finds one family by name but has no listing, so this scans with
//! the same library (fontdb) and the same system font folders it uses.

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
