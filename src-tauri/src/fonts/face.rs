//! One font face: its file's bytes and a zero-copy parse of them.
//!
//! The layout asks thousands of glyph and advance questions per export; `ttf-parser` answers
//! them straight from the font's tables without building maps of the whole font, which for
//! CJK fonts of 10,000–40,000 glyphs would cost more than the layout itself. Only the
//! character map is read ahead, with allsorts (see `CharMap`).

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::tables::FontTableProvider;
use allsorts::tables::cmap::Cmap;
use ttf_parser::{Face, GlyphId};

type ParsedFace<'a> = Face<'a>;

self_cell::self_cell!(
    /// The bytes of a font file and the face parsed from them.
    struct FaceCell {
        owner: Vec<u8>,
        #[covariant]
        dependent: ParsedFace,
    }
    impl {Debug}
);

/// A parsed face with its character map.
#[derive(Debug)]
pub struct FaceData {
    cell: FaceCell,
    chars: CharMap,
}

/// Unicode scalar → glyph, sorted by scalar.
///
/// Read with allsorts (the reader printpdf uses) rather than looked up through ttf-parser:
/// ttf-parser 0.25 misses about 2,000 GBK characters in the format 4 subtables of the
/// bundled Noto subsets, which allsorts and fontTools read correctly.
#[derive(Debug)]
struct CharMap(Vec<(u32, u16)>);

impl FaceData {
    /// Parses face `index` of a font file; `None` if the bytes are not a font with that face.
    pub fn parse(bytes: Vec<u8>, index: u32) -> Option<FaceData> {
        let chars = CharMap::read(&bytes, index)?;
        let cell = FaceCell::try_new(bytes, |bytes| Face::parse(bytes, index)).ok()?;
        Some(FaceData { cell, chars })
    }

    /// The whole font file, as the subsetter reads it.
    pub fn bytes(&self) -> &[u8] {
        self.cell.borrow_owner()
    }

    /// The glyph that draws `ch`; glyph 0 (.notdef, the empty box) counts as no glyph.
    pub fn glyph_id(&self, ch: char) -> Option<u16> {
        self.chars.glyph(ch).filter(|&id| id != 0)
    }

    /// Advance width in font units; 0 for a glyph without metrics.
    pub fn advance(&self, glyph: u16) -> u16 {
        self.cell.borrow_dependent().glyph_hor_advance(GlyphId(glyph)).unwrap_or(0)
    }

    pub fn units_per_em(&self) -> u16 {
        self.cell.borrow_dependent().units_per_em()
    }

    /// The `hhea` ascender, the value PDF viewers and the layout's first baseline agree on.
    pub fn ascender(&self) -> i16 {
        self.cell.borrow_dependent().tables().hhea.ascender
    }

    /// Draws a glyph's outline into `builder` (the proof watermark is drawn as shapes); a
    /// glyph without an outline draws nothing.
    pub fn outline(&self, glyph: u16, builder: &mut dyn ttf_parser::OutlineBuilder) {
        self.cell.borrow_dependent().outline_glyph(GlyphId(glyph), builder);
    }
}

impl CharMap {
    fn read(bytes: &[u8], index: u32) -> Option<CharMap> {
        let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let provider = file.table_provider(usize::try_from(index).ok()?).ok()?;
        let data = provider.read_table_data(allsorts::tag::CMAP).ok()?;
        let cmap = ReadScope::new(&data).read::<Cmap<'_>>().ok()?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap).ok()??;
        let mut pairs = Vec::new();
        subtable.mappings_fn(|scalar, glyph| pairs.push((scalar, glyph))).ok()?;
        pairs.sort_unstable();
        Some(CharMap(pairs))
    }

    fn glyph(&self, ch: char) -> Option<u16> {
        let scalar = u32::from(ch);
        let at = self.0.binary_search_by_key(&scalar, |&(s, _)| s).ok()?;
        Some(self.0[at].1)
    }
}
