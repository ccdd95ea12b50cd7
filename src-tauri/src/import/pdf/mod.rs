//! Text of a printed PDF, laid out as plain text the recogniser reads like pdftotext's: one
//! line per printed line, leading ideographic spaces for how far a line is set in, blank lines
//! where the page leaves a gap, and a form feed between pages.
//!
//! lopdf (already used to finish our own PDFs) parses the file, its filters and its fonts'
//! encodings, ToUnicode CMaps included, as Word and our exporter write for CID fonts; `glyphs`
//! follows the text operators to place each character, `page_lines` puts them in lines.
//! Pure: bytes in, text out; no external program.

mod glyphs;
mod page_lines;

use super::ImportError;

/// Bound on any one stream's decompressed size, against compression bombs.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

pub use glyphs::Glyph as PlacedChar;

/// The text of the PDF `bytes` (named `name` in messages).
pub fn pdf_text(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    let pages = pdf_glyph_pages(name, bytes)?;
    let text = page_lines::pages_text(&pages);
    if !text.chars().any(|c| c.is_alphanumeric()) {
        return Err(ImportError::PdfWithoutText { name: name.into() });
    }
    Ok(text)
}

/// Every character of every page where it is drawn (page space, points, y upwards): what
/// the import reads lines from, and what the print measurements read our own PDFs back with.
pub fn pdf_glyph_pages(name: &str, bytes: &[u8]) -> Result<Vec<Vec<PlacedChar>>, ImportError> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES);
    let document = lopdf::Document::load_mem_with_options(bytes, options).map_err(|error| match error {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => {
            ImportError::ProtectedPdf { name: name.into() }
        }
        other => ImportError::CorruptPdf { name: name.into(), detail: other.to_string() },
    })?;
    if document.is_encrypted() {
        return Err(ImportError::ProtectedPdf { name: name.into() });
    }
    let mut pages = Vec::new();
    for page_id in document.get_pages().into_values() {
        let placed = glyphs::page_glyphs(&document, page_id, MAX_STREAM_BYTES)
            .map_err(|detail| ImportError::CorruptPdf { name: name.into(), detail })?;
        pages.push(placed);
    }
    Ok(pages)
}
