//! Fonts installed on the machine, found by family name in any language the font names
//! itself in (仿宋_GB2312 and FangSong_GB2312 are the same font).

use std::path::PathBuf;

use crate::error::AppError;

/// Where an installed face lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalledFace {
    pub path: PathBuf,
    pub index: u32,
    /// The family name as the font gives it first (usually English).
    pub family: String,
}

/// The machine's fonts, scanned once.
#[derive(Debug)]
pub struct InstalledFonts {
    database: fontdb::Database,
}

impl InstalledFonts {
    pub fn scan() -> Self {
        let mut database = fontdb::Database::new();
        database.load_system_fonts();
        InstalledFonts { database }
    }

    /// The fonts of one folder only (an office's shared fonts folder; tests).
    pub fn scan_dir(dir: &std::path::Path) -> Self {
        let mut database = fontdb::Database::new();
        database.load_fonts_dir(dir);
        InstalledFonts { database }
    }

    /// The regular (or, failing that, first) face of the family named `family`, compared
    /// without case and ignoring spaces, so `fangsong_gb2312` finds `FangSong_GB2312`.
    pub fn find(&self, family: &str) -> Result<InstalledFace, AppError> {
        let wanted = normalise(family);
        let mut matches: Vec<&fontdb::FaceInfo> = self
            .database
            .faces()
            .filter(|face| face.families.iter().any(|(name, _)| normalise(name) == wanted))
            .collect();
        // Prefer the upright regular weight: a role's font is drawn at its normal weight.
        matches.sort_by_key(|face| {
            (face.style != fontdb::Style::Normal, face.weight.0.abs_diff(fontdb::Weight::NORMAL.0))
        });
        let face = matches.first().ok_or_else(|| {
            AppError::invalid(format!(
                "本机没有安装字体“{family}”。请先安装该字体，或在刊物设置中把这一角色改回内置字体。"
            ))
        })?;
        let path = match &face.source {
            fontdb::Source::File(path) => path.clone(),
            fontdb::Source::Binary(_) => {
                return Err(AppError::invalid(format!("字体“{family}”不是文件，无法嵌入 PDF")));
            }
        };
        let first_name = face.families.first().map_or_else(|| family.to_owned(), |(name, _)| name.clone());
        Ok(InstalledFace { path, index: face.index, family: first_name })
    }
}

fn normalise(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_compare_without_case_or_spaces() {
        assert_eq!(normalise("FangSong_GB2312"), normalise("fangsong_gb2312"));
        assert_eq!(normalise("Noto Serif CJK SC"), normalise("NotoSerifCJK SC"));
    }

    #[test]
    fn an_unknown_family_is_a_user_error_naming_it() {
        let fonts = InstalledFonts::scan();
        let error = fonts.find("不存在的字体名").expect_err("no such font is installed");
        assert!(error.message.contains("不存在的字体名"));
    }
}
