//! The last step on printpdf's lopdf document: the outline in article order, the trailer's
//! /ID from the options, then the bytes.
//!
//! printpdf sorts bookmarks by (page, title) and writes a random /ID on every save; both would
//! break what we promise (articles in print order, the same bytes for the same input).

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{ImageCompression, ImageOptimizationOptions, PdfDocument, PdfSaveOptions};

use super::PdfOptions;
use crate::error::{AppError, ErrorCode};
use crate::layout::LaidOutIssue;

pub fn to_bytes(
    document: &PdfDocument,
    issue: &LaidOutIssue,
    options: &PdfOptions,
) -> Result<Vec<u8>, AppError> {
    // Pictures are compressed losslessly and never resized: what the editor inserted prints.
    let pictures = ImageOptimizationOptions {
        quality: None,
        max_image_size: None,
        auto_optimize: Some(false),
        format: Some(ImageCompression::Flate),
        ..ImageOptimizationOptions::default()
    };
    let save_options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: Some(pictures),
    };
    let mut warnings = Vec::new();
    let mut pdf = document.to_lopdf_document(&save_options, &mut warnings);
    add_outline(&mut pdf, issue).map_err(internal)?;
    if options.pdf_x1a {
        super::pdfx::conform(&mut pdf)?;
    } else {
        drop_pdfx_claim(&mut pdf).map_err(internal)?;
    }
    let id = Object::String(options.document_id.as_bytes().to_vec(), StringFormat::Literal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    compress_streams(&mut pdf).map_err(internal)?;
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| internal(lopdf::Error::IO(e)))?;
    Ok(bytes)
}

/// Deflates every stream not yet compressed. lopdf's `compress` always uses the slowest
/// level; a middle level makes the same file within about 1 % and takes half the time,
/// which a re-export after each edit feels.
fn compress_streams(pdf: &mut lopdf::Document) -> Result<(), lopdf::Error> {
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(STREAM_LEVEL));
        encoder.write_all(&stream.content)?;
        let compressed = encoder.finish()?;
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
    Ok(())
}

const STREAM_LEVEL: u32 = 3;

/// One outline entry per article, in print order, each jumping to its title.
fn add_outline(pdf: &mut lopdf::Document, issue: &LaidOutIssue) -> Result<(), lopdf::Error> {
    if issue.outline.is_empty() {
        return Ok(());
    }
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let outlines_id = pdf.new_object_id();
    let entry_ids: Vec<ObjectId> = issue.outline.iter().map(|_| pdf.new_object_id()).collect();
    for (index, entry) in issue.outline.iter().enumerate() {
        let page_id = *page_ids.get(entry.page_index).ok_or(lopdf::Error::PageNumberNotFound(
            u32::try_from(entry.page_index + 1).unwrap_or(u32::MAX),
        ))?;
        let top = Object::Real(issue.page_height_pt - entry.y_pt);
        let mut item = Dictionary::from_iter(vec![
            ("Title", utf16_text(&entry.title)),
            ("Parent", Object::Reference(outlines_id)),
            ("Dest", Object::Array(vec![page_id.into(), "XYZ".into(), Object::Null, top, Object::Null])),
        ]);
        if index > 0 {
            item.set("Prev", Object::Reference(entry_ids[index - 1]));
        }
        if let Some(next) = entry_ids.get(index + 1) {
            item.set("Next", Object::Reference(*next));
        }
        pdf.objects.insert(entry_ids[index], Object::Dictionary(item));
    }
    let count = i64::try_from(entry_ids.len()).expect("an issue has few articles");
    let outlines = Dictionary::from_iter(vec![
        ("Type", "Outlines".into()),
        ("Count", Object::Integer(count)),
        ("First", Object::Reference(entry_ids[0])),
        ("Last", Object::Reference(entry_ids[entry_ids.len() - 1])),
    ]);
    pdf.objects.insert(outlines_id, Object::Dictionary(outlines));
    let catalog = pdf.catalog_mut()?;
    catalog.set("Outlines", Object::Reference(outlines_id));
    catalog.set("PageMode", "UseOutlines");
    Ok(())
}

/// printpdf writes `GTS_PDFXVersion` into every Info dictionary; unless the profile asks for
/// PDF/X-1a (see `pdfx`) the file is not PDF/X, and a print shop's preflight would flag the
/// false claim.
fn drop_pdfx_claim(pdf: &mut lopdf::Document) -> Result<(), lopdf::Error> {
    let info_id = pdf.trailer.get(b"Info")?.as_reference()?;
    pdf.get_object_mut(info_id)?.as_dict_mut()?.remove(b"GTS_PDFXVersion");
    Ok(())
}

/// A PDF text string: UTF-16BE with a byte-order mark, so Chinese titles survive.
fn utf16_text(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn internal(error: lopdf::Error) -> AppError {
    AppError::new(ErrorCode::Internal, format!("写出 PDF 时出错：{error}"))
}
