//! The fonts of one layout profile, parsed once and kept: the desktop app holds a `FontSet`
//! between exports, because parsing a CJK font costs tens of milliseconds.

use std::path::{Path, PathBuf};

use super::bundled::bundled_font;
use super::face::FaceData;
use super::installed::InstalledFonts;
use crate::domain::{FontChoice, FontRole, FontRoles};
use crate::error::AppError;
use crate::layout::{FontKey, FontMetrics};

/// One parsed font face.
#[derive(Debug)]
pub struct LoadedFont {
    /// The name shown to the user.
    pub family: String,
    pub path: PathBuf,
    pub index: u32,
    pub face: FaceData,
    units_per_em: f32,
}

impl LoadedFont {
    pub fn glyph_id(&self, ch: char) -> Option<u16> {
        self.face.glyph_id(ch)
    }

    pub fn has_glyph(&self, ch: char) -> bool {
        self.glyph_id(ch).is_some()
    }

    fn advance_em(&self, ch: char) -> f32 {
        let gid = self.glyph_id(ch).unwrap_or(0);
        f32::from(self.face.advance(gid)) / self.units_per_em
    }

    fn ascent_em(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em
    }
}

/// The font of every role plus the fallback chain, answering the layout's `FontMetrics`.
#[derive(Debug)]
pub struct FontSet {
    fonts: Vec<LoadedFont>,
    /// Per role (in `FontRole::ALL` order): the role's font first, then the fallback font,
    /// then the other roles' fonts; each font once.
    chains: Vec<Vec<FontKey>>,
}

/// Where a role's font is read from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FaceSource {
    path: PathBuf,
    index: u32,
    family: String,
}

impl FontSet {
    /// Loads the fonts `roles` asks for: bundled ones from `font_dir`, installed ones by
    /// family name from the machine's fonts.
    pub fn load(roles: &FontRoles, font_dir: &Path) -> Result<FontSet, AppError> {
        let needs_installed =
            FontRole::ALL.iter().any(|&r| matches!(roles.get(r), FontChoice::Installed { .. }));
        let installed = needs_installed.then(InstalledFonts::scan);
        let mut sources: Vec<FaceSource> = Vec::new();
        let mut role_keys = Vec::new();
        for role in FontRole::ALL {
            let source = face_source(roles.get(role), font_dir, installed.as_ref())?;
            let key = match sources
                .iter()
                .position(|known| known.path == source.path && known.index == source.index)
            {
                Some(position) => position,
                None => {
                    sources.push(source);
                    sources.len() - 1
                }
            };
            role_keys.push(font_key(key));
        }
        let fonts = parse_all(&sources)?;
        let chains = FontRole::ALL.iter().enumerate().map(|(i, _)| fallback_chain(&role_keys, i)).collect();
        Ok(FontSet { fonts, chains })
    }

    pub fn font(&self, key: FontKey) -> &LoadedFont {
        &self.fonts[usize::from(key.0)]
    }

    /// Every loaded font with its key, in key order.
    pub fn fonts(&self) -> impl Iterator<Item = (FontKey, &LoadedFont)> {
        self.fonts.iter().enumerate().map(|(i, font)| (font_key(i), font))
    }

    /// The font a role asked for (the head of its chain).
    pub fn role_font(&self, role: FontRole) -> FontKey {
        self.chains[role_index(role)][0]
    }
}

impl FontMetrics for FontSet {
    fn resolve(&self, role: FontRole, ch: char) -> Option<FontKey> {
        self.chains[role_index(role)].iter().copied().find(|&key| self.font(key).has_glyph(ch))
    }

    fn advance_em(&self, font: FontKey, ch: char) -> f32 {
        self.font(font).advance_em(ch)
    }

    fn ascent_em(&self, font: FontKey) -> f32 {
        self.font(font).ascent_em()
    }

    /// 仿宋 and 楷体 come in one weight only (the bundled Fandol fonts as much as 仿宋_GB2312
    /// and 楷体_GB2312), so their bold is drawn by stroking the outline.
    fn needs_synthetic_bold(&self, role: FontRole) -> bool {
        matches!(role, FontRole::Body | FontRole::Kai)
    }
}

fn role_index(role: FontRole) -> usize {
    FontRole::ALL.iter().position(|&r| r == role).expect("ALL lists every role")
}

fn font_key(index: usize) -> FontKey {
    FontKey(u16::try_from(index).expect("a font set holds five fonts at most"))
}

fn fallback_chain(role_keys: &[FontKey], role: usize) -> Vec<FontKey> {
    let fallback = role_index(FontRole::Fallback);
    let order = [role, fallback].into_iter().chain(0..role_keys.len());
    let mut chain: Vec<FontKey> = Vec::new();
    for key in order.map(|i| role_keys[i]) {
        if !chain.contains(&key) {
            chain.push(key);
        }
    }
    chain
}

fn face_source(
    choice: &FontChoice,
    font_dir: &Path,
    installed: Option<&InstalledFonts>,
) -> Result<FaceSource, AppError> {
    match choice {
        FontChoice::Bundled { role } => {
            let font = bundled_font(*role);
            Ok(FaceSource { path: font_dir.join(font.file_name), index: 0, family: font.family.into() })
        }
        FontChoice::Installed { family } => {
            let installed = installed.expect("installed fonts are scanned when a role asks for one");
            let face = installed.find(family)?;
            Ok(FaceSource { path: face.path, index: face.index, family: face.family })
        }
    }
}

/// Reads the faces on parallel threads: reading the files dominates the cost of a font set.
fn parse_all(sources: &[FaceSource]) -> Result<Vec<LoadedFont>, AppError> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources.iter().map(|source| scope.spawn(move || parse_face(source))).collect();
        handles.into_iter().map(|handle| handle.join().expect("font parsing does not panic")).collect()
    })
}

fn parse_face(source: &FaceSource) -> Result<LoadedFont, AppError> {
    let bytes = std::fs::read(&source.path).map_err(|e| {
        AppError::invalid(format!(
            "无法读取字体文件“{}”：{e}。请运行 assets/fonts/fetch-fonts.sh 重新准备字体。",
            source.path.display()
        ))
    })?;
    let face = FaceData::parse(bytes, source.index).ok_or_else(|| {
        AppError::invalid(format!(
            "字体文件“{}”无法解析，文件可能已损坏，请重新准备字体。",
            source.path.display()
        ))
    })?;
    let units_per_em = f32::from(face.units_per_em().max(1));
    Ok(LoadedFont {
        family: source.family.clone(),
        path: source.path.clone(),
        index: source.index,
        face,
        units_per_em,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_starts_with_the_role_then_the_fallback_and_lists_each_font_once() {
        let keys = [FontKey(0), FontKey(1), FontKey(2), FontKey(1), FontKey(3)];
        assert_eq!(fallback_chain(&keys, 2), vec![FontKey(2), FontKey(3), FontKey(0), FontKey(1)]);
        assert_eq!(fallback_chain(&keys, 4), vec![FontKey(3), FontKey(0), FontKey(1), FontKey(2)]);
    }
}
