//! The document shell: metadata, the fonts it embeds and the inks it prints with.

use std::collections::{BTreeMap, BTreeSet};

use printpdf::{Cmyk, Color, FontId, Mm, Op, PdfDocument, PdfPage, Pt, Rgb};

use super::PdfOptions;
use crate::fonts::FontSet;
use crate::layout::{FontKey, Ink, Item, LaidOutIssue};

/// The PDF font resource of each font the document uses.
pub type FontIds = BTreeMap<FontKey, FontId>;

/// The colours items are printed in.
#[derive(Debug, Clone, PartialEq)]
pub struct Inks {
    pub black: Color,
    pub red: Color,
}

impl Inks {
    pub fn new(options: &PdfOptions) -> Self {
        let [c, m, y, k] = options.red_cmyk.map(|percent| percent / 100.0);
        let black = if options.black_as_k100 {
            cmyk(0.0, 0.0, 0.0, 1.0)
        } else {
            Color::Rgb(Rgb { r: 0.0, g: 0.0, b: 0.0, icc_profile: None })
        };
        Inks { black, red: cmyk(c, m, y, k) }
    }

    pub fn color(&self, ink: Ink) -> Color {
        match ink {
            Ink::Black => self.black.clone(),
            Ink::Red => self.red.clone(),
        }
    }
}

pub fn cmyk(c: f32, m: f32, y: f32, k: f32) -> Color {
    Color::Cmyk(Cmyk { c, m, y, k, icc_profile: None })
}

pub fn new_document(options: &PdfOptions) -> PdfDocument {
    let mut document = PdfDocument::new(&options.title);
    let info = &mut document.metadata.info;
    info.author.clone_from(&options.author);
    info.subject.clone_from(&options.subject);
    info.creator = "简报台 Jianbao".into();
    info.producer = "简报台 Jianbao (printpdf)".into();
    info.identifier.clone_from(&options.document_id);
    let timestamp = pdf_date(options.timestamp);
    info.creation_date = timestamp;
    info.modification_date = timestamp;
    info.metadata_date = timestamp;
    document
}

fn pdf_date(time: chrono::DateTime<chrono::Utc>) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::from_unix_timestamp(time.timestamp())
        .expect("chrono timestamps lie within the years a PDF date can hold")
}

/// A resource id for every font the pages draw with, derived from the document id and the
/// font so that the subset tags (`ABCDEF+`) are the same on every run. The fonts themselves
/// are added once the pages are drawn (`embed`), subset to the glyphs used.
pub fn font_ids(issue: &LaidOutIssue, fonts: &FontSet, options: &PdfOptions) -> FontIds {
    let used: BTreeSet<FontKey> = issue
        .pages
        .iter()
        .flat_map(|page| &page.items)
        .filter_map(|item| match item {
            Item::Text(run) => Some(run.glyphs.iter().map(|glyph| glyph.font)),
            _ => None,
        })
        .flatten()
        .collect();
    used.into_iter()
        .map(|key| (key, FontId(subset_tag(&options.document_id, key, &fonts.font(key).family))))
        .collect()
}

/// Six capital letters (the PDF subset tag, ISO 32000 §9.6.4) from a hash of the document and
/// the font, then the font's key so that two fonts never share a resource name.
fn subset_tag(document_id: &str, key: FontKey, family: &str) -> String {
    // FNV-1a: stable across runs and platforms, unlike the standard library's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in document_id.bytes().chain(key.0.to_be_bytes()).chain(family.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    let letters: String = (0..6).map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8)).collect();
    format!("{letters}F{}", key.0)
}

pub fn pdf_page(issue: &LaidOutIssue, ops: Vec<Op>) -> PdfPage {
    PdfPage::new(Mm::from(Pt(issue.page_width_pt)), Mm::from(Pt(issue.page_height_pt)), ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subset_tags_are_six_capitals_stable_and_distinct_per_font() {
        let tag = subset_tag("doc-1", FontKey(0), "FandolFang");
        assert!(tag[..6].chars().all(|c| c.is_ascii_uppercase()), "{tag}");
        assert_eq!(tag, subset_tag("doc-1", FontKey(0), "FandolFang"), "same input, same tag");
        assert_ne!(tag, subset_tag("doc-1", FontKey(1), "FandolFang"));
    }
}
