//! What `docx-rs` has no builder for, added to its XML before the parts are zipped: the
//! Chinese language of the text (`w:lang w:eastAsia="zh-CN"`), Chinese line breaking
//! (`w:kinsoku` with the same forbidden marks as the PDF's line breaker, W3C clreq §3.1.7),
//! no punctuation hanging into the margin (the PDF squeezes instead), Han–Latin spacing, and
//! the punctuation compression of the profile (`w:characterSpacingControl`).

use std::io::Cursor;

use docx_rs::Docx;

use crate::domain::{CompressionStyle, LayoutProfile};
use crate::error::{AppError, ErrorCode};
use crate::layout::punctuation::{no_line_end, no_line_start};

pub(super) fn finish(docx: Docx, profile: &LayoutProfile) -> Result<Vec<u8>, AppError> {
    let mut parts = docx.build();
    // Last in the run properties, where the schema puts `w:lang`.
    parts.styles = insert_before(&parts.styles, "</w:rPr></w:rPrDefault>", LANGUAGE)?;
    parts.styles = insert_after(&parts.styles, "<w:pPrDefault><w:pPr>", LINE_BREAKING)?;
    parts.settings = insert_before(&parts.settings, "<w:compat>", &settings_rules(profile.compression))?;
    let mut bytes = Cursor::new(Vec::new());
    parts.pack(&mut bytes).map_err(|e| internal(&format!("无法打包 Word 文件：{e}")))?;
    Ok(bytes.into_inner())
}

/// Chinese text in Chinese: Word picks the zh-CN line-breaking rules and fonts by it.
const LANGUAGE: &str = r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#;

/// In the schema's order for `w:pPr`, before anything `docx-rs` writes there.
const LINE_BREAKING: &str = concat!(
    r#"<w:kinsoku w:val="1" />"#,
    r#"<w:overflowPunct w:val="0" />"#,
    r#"<w:autoSpaceDE w:val="1" />"#,
    r#"<w:autoSpaceDN w:val="1" />"#,
);

/// 全角式 leaves marks their full em (Word: do not compress); 开明式 and 半角式 compress
/// punctuation. The forbidden marks are the PDF's (`layout::punctuation`), for zh-CN.
fn settings_rules(compression: CompressionStyle) -> String {
    let control = match compression {
        CompressionStyle::FullWidth => "doNotCompress",
        CompressionStyle::Kaiming | CompressionStyle::HalfWidth => "compressPunctuation",
    };
    let marks = |rule: fn(char) -> bool| punctuation_candidates().filter(|&c| rule(c)).collect::<String>();
    format!(
        r#"<w:characterSpacingControl w:val="{control}" /><w:noLineBreaksAfter w:lang="zh-CN" w:val="{}" /><w:noLineBreaksBefore w:lang="zh-CN" w:val="{}" />"#,
        xml_escaped(&marks(no_line_end)),
        xml_escaped(&marks(no_line_start)),
    )
}

/// Every mark the line-breaking rules can name: ASCII and general punctuation, CJK symbols,
/// full-width forms.
fn punctuation_candidates() -> impl Iterator<Item = char> {
    let ascii = ('!'..='~').filter(char::is_ascii_punctuation);
    ascii
        .chain(['·', '‰'])
        .chain('\u{2010}'..='\u{2027}')
        .chain('\u{3001}'..='\u{303F}')
        .chain('\u{FF01}'..='\u{FF65}')
}

fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn insert_after(xml: &[u8], marker: &str, addition: &str) -> Result<Vec<u8>, AppError> {
    insert_at(xml, marker, addition, marker.len())
}

fn insert_before(xml: &[u8], marker: &str, addition: &str) -> Result<Vec<u8>, AppError> {
    insert_at(xml, marker, addition, 0)
}

fn insert_at(xml: &[u8], marker: &str, addition: &str, offset: usize) -> Result<Vec<u8>, AppError> {
    let text = std::str::from_utf8(xml).map_err(|_| internal("Word 文件的 XML 不是 UTF-8"))?;
    // The writer's own output, checked by this module's test: not finding the marker is a
    // fault of the program after a docx-rs upgrade, not of the issue.
    let at = text.find(marker).ok_or_else(|| internal(&format!("Word 文件的 XML 中找不到 {marker}")))?;
    let mut patched = String::with_capacity(text.len() + addition.len());
    patched.push_str(&text[..at + offset]);
    patched.push_str(addition);
    patched.push_str(&text[at + offset..]);
    Ok(patched.into_bytes())
}

fn internal(detail: &str) -> AppError {
    AppError::new(ErrorCode::Internal, format!("生成 Word 文件时出错：{detail}。请把这条消息告诉维护人员。"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forbidden_marks_are_the_line_breakers() {
        let rules = settings_rules(CompressionStyle::FullWidth);
        let before = rules.split("noLineBreaksBefore").nth(1).expect("a before list");
        for mark in ['，', '。', '）', '》', '”', '…', '—', '、'] {
            assert!(before.contains(mark), "{mark} never starts a line (clreq §3.1.7)");
        }
        let after = rules.split("noLineBreaksAfter").nth(1).expect("an after list");
        let after = after.split("noLineBreaksBefore").next().expect("ends before the next list");
        for mark in ['（', '《', '“'] {
            assert!(after.contains(mark), "{mark} never ends a line (clreq §3.1.7)");
        }
        assert!(!after.contains('，'));
        assert!(rules.contains("doNotCompress"));
    }

    #[test]
    fn an_addition_goes_exactly_after_its_marker() {
        let patched = insert_after(b"<a><b></b></a>", "<a>", "<c/>").expect("marker present");
        assert_eq!(patched, b"<a><c/><b></b></a>");
        assert_eq!(insert_before(b"<a></a>", "</a>", "x").expect("marker present"), b"<a>x</a>");
        assert_eq!(insert_after(b"<a/>", "<b>", "x").expect_err("no marker").code, ErrorCode::Internal);
    }
}
