//! Pictures: each distinct `data:` URL decoded once and embedded as one image XObject, drawn
//! scaled into the box the layout chose.

use std::collections::BTreeMap;

use base64::Engine;
use printpdf::{CurTransMat, Op, PdfDocument, RawImage, XObject, XObjectId, XObjectTransform};

use crate::error::AppError;
use crate::layout::{Item, LaidOutIssue};

/// The XObject of each image source.
pub type ImageIds = BTreeMap<String, XObjectId>;

/// Decodes and adds every picture, under ids numbered in order of appearance (printpdf's own
/// ids are random, which would change the bytes on every export).
pub fn register_images(document: &mut PdfDocument, issue: &LaidOutIssue) -> Result<ImageIds, AppError> {
    let mut ids = ImageIds::new();
    for item in issue.pages.iter().flat_map(|page| &page.items) {
        let Item::Image { src, .. } = item else { continue };
        if ids.contains_key(src) {
            continue;
        }
        let image = decode(src)?;
        let id = XObjectId(format!("Im{}", ids.len() + 1));
        document.resources.xobjects.map.insert(id.clone(), XObject::Image(image));
        ids.insert(src.clone(), id);
    }
    Ok(ids)
}

fn decode(src: &str) -> Result<RawImage, AppError> {
    let unusable = |why: &str| {
        AppError::invalid(format!("文中有一幅图片无法导出（{why}），请重新插入该图片（PNG 或 JPEG）。"))
    };
    let (header, data) = src.split_once(',').ok_or_else(|| unusable("不是 data: 地址"))?;
    if !header.starts_with("data:") || !header.ends_with(";base64") {
        return Err(unusable("不是 base64 编码的 data: 地址"));
    }
    let bytes =
        base64::engine::general_purpose::STANDARD.decode(data.trim()).map_err(|_| unusable("编码损坏"))?;
    let mut warnings = Vec::new();
    RawImage::decode_from_bytes(&bytes, &mut warnings).map_err(|_| unusable("格式不支持或文件损坏"))
}

/// Draws the image into the box whose top-left corner is (x, y) in layout coordinates.
pub fn draw(ops: &mut Vec<Op>, id: &XObjectId, x_pt: f32, top_pt: f32, width_pt: f32, height_pt: f32) {
    ops.push(Op::SaveGraphicsState);
    // An image fills the unit square; this matrix maps that square onto the box.
    ops.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Raw([width_pt, 0.0, 0.0, height_pt, x_pt, top_pt - height_pt]),
    });
    let transform = XObjectTransform { no_auto_scale: true, ..XObjectTransform::default() };
    ops.push(Op::UseXobject { id: id.clone(), transform });
    ops.push(Op::RestoreGraphicsState);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 red PNG.
    const RED_DOT: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    #[test]
    fn a_png_data_url_decodes() {
        let image = decode(RED_DOT).expect("valid PNG");
        assert_eq!((image.width, image.height), (1, 1));
    }

    #[test]
    fn a_broken_picture_is_a_user_error() {
        let error = decode("data:image/png;base64,AAAA").expect_err("not a PNG");
        assert!(error.message.contains("图片"), "{}", error.message);
        assert!(decode("https://example.org/a.png").is_err());
    }
}
