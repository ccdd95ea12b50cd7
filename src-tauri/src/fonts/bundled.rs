//! The free fonts shipped in `assets/fonts` (made by `assets/fonts/fetch-fonts.sh`) and where
//! the program finds that folder.

use std::path::{Path, PathBuf};

use crate::domain::FontRole;
use crate::error::AppError;

/// Environment variable naming the fonts folder, for installs that keep it elsewhere.
pub const FONT_DIR_ENV: &str = "JIANBAO_FONT_DIR";

/// One shipped font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledFont {
    pub role: FontRole,
    pub file_name: &'static str,
    /// How the font is named to the user.
    pub family: &'static str,
}

/// The free font of each role; see assets/fonts/README.md for sources and licences.
pub const BUNDLED_FONTS: [BundledFont; 5] = [
    BundledFont {
        role: FontRole::Display,
        file_name: "NotoSerifSC-Bold.otf",
        family: "Noto Serif SC Bold（思源宋体 粗）",
    },
    BundledFont {
        role: FontRole::Body,
        file_name: "FandolFang-Regular.otf",
        family: "FandolFang（Fandol 仿宋）",
    },
    BundledFont {
        role: FontRole::Hei,
        file_name: "NotoSansSC-Regular.otf",
        family: "Noto Sans SC（思源黑体）",
    },
    BundledFont {
        role: FontRole::Kai,
        file_name: "FandolKai-Regular.otf",
        family: "FandolKai（Fandol 楷体）",
    },
    BundledFont {
        role: FontRole::Fallback,
        file_name: "NotoSerifSC-Regular.otf",
        family: "Noto Serif SC（思源宋体）",
    },
];

pub fn bundled_font(role: FontRole) -> &'static BundledFont {
    BUNDLED_FONTS.iter().find(|font| font.role == role).expect("every role has a bundled font")
}

/// The fonts folder: the one given (CLI flag or `JIANBAO_FONT_DIR`), else `fonts/` next to the
/// executable or in the bundle's resources, else the source tree's `assets/fonts`.
pub fn find_font_dir(given: Option<&Path>) -> Result<PathBuf, AppError> {
    if let Some(dir) = given {
        return check_font_dir(dir);
    }
    if let Some(dir) = std::env::var_os(FONT_DIR_ENV) {
        return check_font_dir(Path::new(&dir));
    }
    let candidates = installed_candidates().into_iter().chain([source_tree_dir()]);
    for dir in candidates {
        if has_all_fonts(&dir) {
            // `src-tauri/../assets/fonts` reads better as the folder it is.
            return Ok(dir.canonicalize().unwrap_or(dir));
        }
    }
    Err(missing_fonts_error(&source_tree_dir()))
}

/// `assets/fonts` of the source tree this program was built from.
pub fn source_tree_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/fonts")
}

/// Places an installed program keeps its fonts: beside the executable, and the resource
/// folders of the desktop bundles (Linux `/usr/lib/<app>/`, macOS `Contents/Resources/`).
fn installed_candidates() -> Vec<PathBuf> {
    let Some(exe_dir) = std::env::current_exe().ok().and_then(|exe| exe.parent().map(Path::to_path_buf))
    else {
        return vec![];
    };
    vec![
        exe_dir.join("fonts"),
        exe_dir.join("assets/fonts"),
        exe_dir.join("../lib/jianbao/fonts"),
        exe_dir.join("../Resources/fonts"),
    ]
}

fn has_all_fonts(dir: &Path) -> bool {
    BUNDLED_FONTS.iter().all(|font| dir.join(font.file_name).is_file())
}

fn check_font_dir(dir: &Path) -> Result<PathBuf, AppError> {
    if has_all_fonts(dir) { Ok(dir.to_path_buf()) } else { Err(missing_fonts_error(dir)) }
}

fn missing_fonts_error(dir: &Path) -> AppError {
    let missing: Vec<&str> = BUNDLED_FONTS
        .iter()
        .filter(|font| !dir.join(font.file_name).is_file())
        .map(|font| font.file_name)
        .collect();
    AppError::invalid(format!(
        "字体目录“{}”缺少字体文件：{}。请在源代码目录运行 assets/fonts/fetch-fonts.sh 准备字体，\
         或用 --font-dir / 环境变量 {FONT_DIR_ENV} 指定存放这些字体的目录。",
        dir.display(),
        missing.join("、")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_the_fonts_is_refused_with_what_to_run() {
        let empty = tempfile::tempdir().expect("temporary folder");
        let error = find_font_dir(Some(empty.path())).expect_err("an empty folder has no fonts");
        assert!(error.message.contains("fetch-fonts.sh"), "the message says what to run: {}", error.message);
        assert!(error.message.contains("FandolFang-Regular.otf"), "the message names the missing files");
    }

    #[test]
    fn every_role_has_exactly_one_bundled_font() {
        for role in FontRole::ALL {
            assert_eq!(BUNDLED_FONTS.iter().filter(|font| font.role == role).count(), 1, "{role:?}");
        }
    }
}
