//! Laid-out pages → PDF bytes, with printpdf. One public function, `write_pdf`.
//!
//! Print-ready means (DESIGN.md §3): every font embedded and subset; ToUnicode so pdftotext
//! gives the text back in reading order; red in CMYK, black as K100 when the profile says so;
//! one outline entry per article; title/author/subject metadata. The clock and the document id
//! are inputs, so the same issue gives the same bytes.
//!
//! Steps, in order (see the files): resources (font ids, inks, images) → content (items as PDF
//! operators) → proof (the watermark of a proof) → embed (font subsets) → finish (outline,
//! trailer, bytes).

mod content;
mod embed;
mod finish;
mod images;
pub mod measures;
mod pdfx;
mod proof;
mod resources;

use chrono::{DateTime, Utc};

use crate::error::AppError;
use crate::fonts::FontSet;
use crate::layout::LaidOutIssue;

/// Everything the PDF needs besides the pages: metadata, inks, and what makes it repeatable.
#[derive(Debug, Clone, PartialEq)]
pub struct PdfOptions {
    /// `联络动态 2025年第13期（总第741期）`
    pub title: String,
    /// The editing unit.
    pub author: String,
    pub subject: String,
    /// Written as creation and modification date.
    pub timestamp: DateTime<Utc>,
    /// Written as the trailer's /ID; the same id and input give the same bytes.
    pub document_id: String,
    /// `Some(round)` makes a proof: a diagonal 校样 watermark (the layout adds line numbers).
    pub proof_round: Option<u8>,
    /// The profile's red, CMYK in percent.
    pub red_cmyk: [f32; 4],
    /// Black text as K100 (C0 M0 Y0 K100) rather than RGB black.
    pub black_as_k100: bool,
    /// A PDF/X-1a:2001 file for the print shop (implies K100 black).
    pub pdf_x1a: bool,
}

/// Writes `issue` as a PDF drawn with `fonts` (the set the layout measured with).
pub fn write_pdf(issue: &LaidOutIssue, fonts: &FontSet, options: &PdfOptions) -> Result<Vec<u8>, AppError> {
    let inks = resources::Inks::new(options);
    let mut document = resources::new_document(options);
    let font_ids = resources::font_ids(issue, fonts, options);
    let image_ids = images::register_images(&mut document, issue)?;
    let mut page_ops = issue
        .pages
        .iter()
        .map(|page| {
            let mut ops = Vec::new();
            if let Some(round) = options.proof_round {
                proof::watermark(&mut ops, issue, fonts, round);
            }
            content::page_ops(&mut ops, page, issue.page_height_pt, fonts, &font_ids, &image_ids, &inks)?;
            Ok(ops)
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    embed::embed_fonts(&mut document, &mut page_ops, fonts, &font_ids)?;
    document.with_pages(page_ops.into_iter().map(|ops| resources::pdf_page(issue, ops)).collect());
    finish::to_bytes(&document, issue, options)
}
