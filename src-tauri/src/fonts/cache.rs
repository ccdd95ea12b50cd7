//! Parsed fonts kept between previews and exports: parsing the CJK fonts takes far longer than
//! laying out an issue, so a running app or server parses them once, and again only when the
//! publication's settings pick other fonts.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use super::{FontSet, find_font_dir};
use crate::domain::FontRoles;
use crate::error::{AppError, ErrorCode};

/// The fonts of the last roles asked for.
#[derive(Debug, Default)]
pub struct FontCache {
    font_dir: Option<PathBuf>,
    loaded: Mutex<Option<(FontRoles, Arc<FontSet>)>>,
}

impl FontCache {
    /// A cache reading bundled fonts from `font_dir`, or from where `find_font_dir` finds them.
    pub fn new(font_dir: Option<PathBuf>) -> Self {
        FontCache { font_dir, loaded: Mutex::new(None) }
    }

    /// The fonts `roles` names, parsed on first use and kept for the next call.
    pub fn fonts(&self, roles: &FontRoles) -> Result<Arc<FontSet>, AppError> {
        let mut loaded = self.lock();
        if let Some((_, fonts)) = loaded.as_ref().filter(|(known, _)| known == roles) {
            return Ok(Arc::clone(fonts));
        }
        let fonts = Arc::new(FontSet::load(roles, &find_font_dir(self.font_dir.as_deref())?)?);
        *loaded = Some((roles.clone(), Arc::clone(&fonts)));
        Ok(fonts)
    }

    /// The fonts the last preview or export used, if any were loaded yet.
    pub fn loaded(&self) -> Option<Arc<FontSet>> {
        self.lock().as_ref().map(|(_, fonts)| Arc::clone(fonts))
    }

    /// The file of loaded font `key`, for the preview to draw with the same glyphs.
    pub fn font_file(&self, key: u16) -> Result<Vec<u8>, AppError> {
        let not_loaded = || AppError::new(ErrorCode::NotFound, "预览的字体尚未载入，请稍候预览自动刷新。");
        let fonts = self.loaded().ok_or_else(not_loaded)?;
        let (_, font) = fonts.fonts().find(|(k, _)| k.0 == key).ok_or_else(not_loaded)?;
        std::fs::read(&font.path).map_err(|e| {
            AppError::new(
                ErrorCode::CannotOpen,
                format!(
                    "无法读取字体文件“{}”：{e}。预览暂时无法显示这种字体，导出不受影响。",
                    font.path.display()
                ),
            )
        })
    }

    /// A poisoned lock means a call panicked mid-way; the fonts are replaced whole, so what it
    /// guards is still consistent.
    fn lock(&self) -> MutexGuard<'_, Option<(FontRoles, Arc<FontSet>)>> {
        self.loaded.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
