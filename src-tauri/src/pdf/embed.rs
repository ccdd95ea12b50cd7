//! Embedding the fonts: each font is cut down to the glyphs the pages draw before printpdf
//! sees it, and the glyph ids in the page operators are renumbered to match.
//!
//! printpdf can subset on its own, but it parses and copies the whole font first; for CJK
//! fonts of 7–17 MB that was most of an export's time. Subsetting here reads only the used
//! glyphs, so printpdf parses a font of a few hundred glyphs.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use printpdf::{FontId, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, TextItem};

use super::resources::FontIds;
use crate::error::{AppError, ErrorCode};
use crate::fonts::{FontSet, LoadedFont};
use crate::layout::FontKey;

/// Glyph ids of the original font → ids in its subset.
type GlyphMap = BTreeMap<u16, u16>;

/// Adds the subset of every font the pages use to `document` and renumbers the pages' glyphs.
pub fn embed_fonts(
    document: &mut PdfDocument,
    pages: &mut [Vec<Op>],
    fonts: &FontSet,
    font_ids: &FontIds,
) -> Result<(), AppError> {
    let used = used_glyphs(pages);
    let mut maps: BTreeMap<FontId, GlyphMap> = BTreeMap::new();
    for (&key, id) in font_ids {
        let Some(glyphs) = used.get(id) else { continue };
        let font = fonts.font(key);
        let (parsed, map) = subset(font, glyphs).map_err(|e| subset_failed(font, key, &e))?;
        document.resources.fonts.map.insert(id.clone(), PdfFont::new(parsed));
        maps.insert(id.clone(), map);
    }
    renumber(pages, &maps);
    Ok(())
}

/// The glyphs each font draws, read back from the operators (text, proof line numbers and
/// anything else that draws glyphs all pass through here).
fn used_glyphs(pages: &[Vec<Op>]) -> BTreeMap<FontId, BTreeSet<u16>> {
    let mut used: BTreeMap<FontId, BTreeSet<u16>> = BTreeMap::new();
    for_each_glyph(pages, |font, gid| {
        used.entry(font.clone()).or_default().insert(*gid);
    });
    used
}

fn renumber(pages: &mut [Vec<Op>], maps: &BTreeMap<FontId, GlyphMap>) {
    for_each_glyph_mut(pages, |font, gid| {
        if let Some(new) = maps.get(font).and_then(|map| map.get(gid)) {
            *gid = *new;
        }
    });
}

fn for_each_glyph(pages: &[Vec<Op>], mut visit: impl FnMut(&FontId, &u16)) {
    let mut current: Option<&FontId> = None;
    for op in pages.iter().flatten() {
        match op {
            Op::SetFont { font: PdfFontHandle::External(id), .. } => current = Some(id),
            Op::ShowText { items } => {
                let Some(font) = current else { continue };
                for codepoint in items.iter().flat_map(glyph_ids) {
                    visit(font, &codepoint.gid);
                }
            }
            _ => {}
        }
    }
}

fn for_each_glyph_mut(pages: &mut [Vec<Op>], mut visit: impl FnMut(&FontId, &mut u16)) {
    let mut current: Option<FontId> = None;
    for op in pages.iter_mut().flatten() {
        match op {
            Op::SetFont { font: PdfFontHandle::External(id), .. } => current = Some(id.clone()),
            Op::ShowText { items } => {
                let Some(font) = &current else { continue };
                for item in items.iter_mut() {
                    if let TextItem::GlyphIds(codepoints) = item {
                        codepoints.iter_mut().for_each(|codepoint| visit(font, &mut codepoint.gid));
                    }
                }
            }
            _ => {}
        }
    }
}

fn glyph_ids(item: &TextItem) -> &[printpdf::Codepoint] {
    match item {
        TextItem::GlyphIds(codepoints) => codepoints,
        _ => &[],
    }
}

/// The subset font, parsed for printpdf, and where each used glyph went. allsorts numbers the
/// subset's glyphs by their position in the list it is given, with .notdef first.
fn subset(font: &LoadedFont, glyphs: &BTreeSet<u16>) -> Result<(ParsedFont, GlyphMap), String> {
    let ids: Vec<u16> = std::iter::once(0).chain(glyphs.iter().copied().filter(|&gid| gid != 0)).collect();
    let scope = ReadScope::new(font.face.bytes());
    let file = scope.read::<FontData<'_>>().map_err(|e| e.to_string())?;
    let provider = file.table_provider(font.index as usize).map_err(|e| e.to_string())?;
    let bytes = allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| e.to_string())?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| "printpdf could not read the subset".to_owned())?;
    let map = ids
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, u16::try_from(new).expect("a font has fewer than 65,536 glyphs")))
        .collect();
    Ok((parsed, map))
}

fn subset_failed(font: &LoadedFont, key: FontKey, error: &str) -> AppError {
    AppError::new(
        ErrorCode::Internal,
        format!("无法嵌入字体“{}”（{}）：{error}。请在设置中为该用途换一种字体后重试。", font.family, key.0),
    )
}

#[cfg(test)]
mod tests {
    use printpdf::{Codepoint, Pt};

    use super::*;

    fn set_font(name: &str) -> Op {
        Op::SetFont { font: PdfFontHandle::External(FontId(name.into())), size: Pt(12.0) }
    }

    fn show(gids: &[u16]) -> Op {
        let codepoints = gids.iter().map(|&gid| Codepoint { gid, offset: 0.0, cid: None }).collect();
        Op::ShowText { items: vec![TextItem::GlyphIds(codepoints)] }
    }

    fn shown(pages: &[Vec<Op>]) -> Vec<(String, u16)> {
        let mut out = Vec::new();
        for_each_glyph(pages, |font, gid| out.push((font.0.clone(), *gid)));
        out
    }

    #[test]
    fn glyphs_are_collected_per_font_and_renumbered_in_their_font_only() {
        let mut pages = vec![
            vec![set_font("A"), show(&[40, 7]), set_font("B"), show(&[7])],
            vec![set_font("A"), show(&[7, 900])],
        ];
        let used = used_glyphs(&pages);
        assert_eq!(used[&FontId("A".into())], BTreeSet::from([7, 40, 900]));
        assert_eq!(used[&FontId("B".into())], BTreeSet::from([7]));
        let maps = BTreeMap::from([
            (FontId("A".into()), GlyphMap::from([(7, 1), (40, 2), (900, 3)])),
            (FontId("B".into()), GlyphMap::from([(7, 1)])),
        ]);
        renumber(&mut pages, &maps);
        let expected = [("A", 2), ("A", 1), ("B", 1), ("A", 1), ("A", 3)].map(|(f, g)| (f.to_owned(), g));
        assert_eq!(shown(&pages), expected.to_vec());
    }
}
