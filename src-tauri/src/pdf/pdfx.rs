//! PDF/X-1a:2001 (ISO 15930-1) for the print shop, when the profile asks for it: the output
//! intent, the Info keys that claim the conformance, trim and bleed boxes on every page, and
//! nothing but CMYK and gray in the file.
//!
//! Why X-1a rather than X-4: X-1a may name a registered printing condition instead of
//! embedding its ICC profile (ISO 15930-1 §6.2.3), and no CMYK profile free to ship is among
//! Debian's packages; our pages need nothing X-4 adds (no transparency, no RGB but pictures).
//! The rest X-1a asks is already how we write PDFs: version 1.3, every font embedded,
//! no encryption, no transparency groups.

use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

use crate::error::{AppError, ErrorCode};

/// FOGRA39 — ISO 12647-2 offset on coated paper, the condition Chinese print shops proof to
/// unless told otherwise — in the ICC's registry of characterisation data.
const OUTPUT_CONDITION: &str = "FOGRA39";
const OUTPUT_CONDITION_INFO: &str = "Coated FOGRA39 (ISO 12647-2:2004)";
const REGISTRY: &str = "http://www.color.org";

/// Makes `pdf` a PDF/X-1a:2001 file.
pub fn conform(pdf: &mut lopdf::Document) -> Result<(), AppError> {
    claim_conformance(pdf).map_err(internal)?;
    add_output_intent(pdf).map_err(internal)?;
    add_page_boxes(pdf).map_err(internal)?;
    let images: Vec<ObjectId> =
        pdf.objects.iter().filter(|(_, object)| is_rgb_image(object)).map(|(id, _)| *id).collect();
    for id in images {
        rgb_image_to_cmyk(pdf, id)?;
    }
    Ok(())
}

fn claim_conformance(pdf: &mut lopdf::Document) -> Result<(), lopdf::Error> {
    let info_id = pdf.trailer.get(b"Info")?.as_reference()?;
    let info = pdf.get_object_mut(info_id)?.as_dict_mut()?;
    info.set("GTS_PDFXVersion", literal("PDF/X-1:2001"));
    info.set("GTS_PDFXConformance", literal("PDF/X-1a:2001"));
    // Nobody has trapped the file: the print shop's RIP may.
    info.set("Trapped", Object::Name(b"False".to_vec()));
    Ok(())
}

fn add_output_intent(pdf: &mut lopdf::Document) -> Result<(), lopdf::Error> {
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFX".to_vec())),
        ("OutputConditionIdentifier", literal(OUTPUT_CONDITION)),
        ("OutputCondition", literal(OUTPUT_CONDITION_INFO)),
        ("Info", literal(OUTPUT_CONDITION_INFO)),
        ("RegistryName", literal(REGISTRY)),
    ]);
    let intent_id = pdf.add_object(Object::Dictionary(intent));
    pdf.catalog_mut()?.set("OutputIntents", Object::Array(vec![Object::Reference(intent_id)]));
    Ok(())
}

/// TrimBox (the finished A4 sheet) and BleedBox on every page. A bulletin prints nothing to
/// the paper's edge, so the bleed is the trim: the media box needs no margin around it.
fn add_page_boxes(pdf: &mut lopdf::Document) -> Result<(), lopdf::Error> {
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    for id in page_ids {
        let page = pdf.get_object_mut(id)?.as_dict_mut()?;
        let media = page.get(b"MediaBox")?.clone();
        page.set("TrimBox", media.clone());
        page.set("BleedBox", media);
    }
    Ok(())
}

fn is_rgb_image(object: &Object) -> bool {
    let Object::Stream(stream) = object else { return false };
    let is_image = stream.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image");
    let rgb = stream.dict.get(b"ColorSpace").and_then(Object::as_name).is_ok_and(|n| n == b"DeviceRGB");
    is_image && rgb
}

/// A picture in RGB becomes DeviceCMYK, its transparency (an SMask, which X-1a forbids)
/// flattened onto the white paper. The conversion is the device one of PDF 32000-1 §10.3.5
/// (K from the darkest component, no ICC profile): faithful for the charts and photos of a
/// bulletin on office paper, and the print shop's RIP may still colour-manage it.
fn rgb_image_to_cmyk(pdf: &mut lopdf::Document, id: ObjectId) -> Result<(), AppError> {
    let (rgb, mask_id, bits) = {
        let stream = pdf.get_object(id).and_then(Object::as_stream).map_err(internal)?;
        let bits = stream.dict.get(b"BitsPerComponent").and_then(Object::as_i64).unwrap_or(8);
        let mask = stream.dict.get(b"SMask").and_then(Object::as_reference).ok();
        (stream.decompressed_content().map_err(internal)?, mask, bits)
    };
    if bits != 8 {
        return Err(AppError::invalid(
            "文中有一幅每种颜色 16 位的图片，PDF/X-1a 放不进它：请把图片另存为普通的 PNG 或 JPEG 后重新插入，\
             或在“设置 → 版式”中取消“输出 PDF/X-1a”。",
        ));
    }
    let alpha = match mask_id {
        Some(mask) => Some(
            pdf.get_object(mask)
                .and_then(Object::as_stream)
                .and_then(Stream::decompressed_content)
                .map_err(internal)?,
        ),
        None => None,
    };
    let cmyk = to_cmyk(&rgb, alpha.as_deref());
    let stream = pdf.get_object_mut(id).and_then(Object::as_stream_mut).map_err(internal)?;
    let mut dict = stream.dict.clone();
    dict.set("ColorSpace", Object::Name(b"DeviceCMYK".to_vec()));
    dict.remove(b"SMask");
    dict.remove(b"Filter");
    dict.remove(b"DecodeParms");
    *stream = Stream::new(dict, cmyk);
    if let Some(mask) = mask_id {
        pdf.objects.remove(&mask);
    }
    Ok(())
}

/// RGB samples (and their alpha, if any) to CMYK over white.
fn to_cmyk(rgb: &[u8], alpha: Option<&[u8]>) -> Vec<u8> {
    let mut cmyk = Vec::with_capacity(rgb.len() / 3 * 4);
    for (index, pixel) in rgb.chunks_exact(3).enumerate() {
        let a = alpha.and_then(|a| a.get(index)).map_or(1.0, |&a| f32::from(a) / 255.0);
        let over_white = |c: u8| f32::from(c) / 255.0 * a + (1.0 - a);
        let (r, g, b) = (over_white(pixel[0]), over_white(pixel[1]), over_white(pixel[2]));
        let k = 1.0 - r.max(g).max(b);
        let ink = |c: f32| if k < 1.0 { (1.0 - c - k) / (1.0 - k) } else { 0.0 };
        for value in [ink(r), ink(g), ink(b), k] {
            cmyk.push((value * 255.0).round().clamp(0.0, 255.0) as u8);
        }
    }
    cmyk
}

fn internal(error: lopdf::Error) -> AppError {
    AppError::new(ErrorCode::Internal, format!("写出 PDF/X-1a 时出错：{error}"))
}

fn literal(text: &str) -> Object {
    Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_pixels_become_device_cmyk_over_white() {
        let red_black_white = [255, 0, 0, 0, 0, 0, 255, 255, 255];
        assert_eq!(to_cmyk(&red_black_white, None), [0, 255, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0]);
        let transparent_black = to_cmyk(&[0, 0, 0], Some(&[0]));
        assert_eq!(transparent_black, [0, 0, 0, 0], "a transparent pixel is the paper");
    }
}
