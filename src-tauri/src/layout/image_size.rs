//! The pixel size of an image carried as a `data:` URL (PNG, JPEG or GIF), read from its
//! header so the layout can keep the aspect ratio without decoding the picture.

/// Aspect ratio (height / width) assumed when the header cannot be read: 3:4 landscape,
/// the usual camera picture.
const UNKNOWN_ASPECT: f32 = 0.75;

/// Width and height in points of the image scaled to `max_width` at most (never enlarged
/// beyond it) and `max_height` at most, keeping its aspect ratio.
pub fn fitted(src: &str, max_width: f32, max_height: f32) -> (f32, f32) {
    let aspect = pixel_size(src).map_or(UNKNOWN_ASPECT, |(w, h)| h as f32 / w.max(1) as f32);
    let width = max_width.min(max_height / aspect);
    (width, width * aspect)
}

/// `(width, height)` in pixels, if `src` is a base64 `data:` URL of a PNG, JPEG or GIF.
pub fn pixel_size(src: &str) -> Option<(u32, u32)> {
    let (header, data) = src.strip_prefix("data:")?.split_once(',')?;
    if !header.ends_with(";base64") {
        return None;
    }
    let bytes = decode_base64(data)?;
    png_size(&bytes).or_else(|| gif_size(&bytes)).or_else(|| jpeg_size(&bytes))
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' | b'\n' | b'\r' | b' ' => continue,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((buffer >> bits) & 0xFF) as u8);
        }
    }
    Some(bytes)
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn be16(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes(bytes.get(at..at + 2)?.try_into().ok()?)))
}

fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n").then_some(())?;
    Some((be32(bytes, 16)?, be32(bytes, 20)?))
}

fn gif_size(bytes: &[u8]) -> Option<(u32, u32)> {
    bytes.starts_with(b"GIF8").then_some(())?;
    let le16 = |at: usize| Some(u32::from(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?)));
    Some((le16(6)?, le16(8)?))
}

/// Walks the JPEG markers to the first start-of-frame (SOF0-SOF15 but DHT, JPG, DAC).
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    bytes.starts_with(&[0xFF, 0xD8]).then_some(())?;
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = be16(bytes, at + 2)? as usize;
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            return Some((be16(bytes, at + 7)?, be16(bytes, at + 5)?));
        }
        at += 2 + length;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The signature and IHDR chunk of a 48 × 16 PNG.
    const PNG_48_BY_16: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAQCAYAAA==";

    #[test]
    fn image_keeps_its_aspect_ratio_within_the_text_width() {
        assert_eq!(pixel_size(PNG_48_BY_16), Some((48, 16)));
        let (w, h) = fitted(PNG_48_BY_16, 300.0, 500.0);
        assert_eq!((w, h), (300.0, 100.0));
    }

    #[test]
    fn tall_image_is_limited_by_the_height() {
        let tall = "data:image/gif;base64,R0lGODlhEABAAA==";
        assert_eq!(pixel_size(tall), Some((16, 64)));
        assert_eq!(fitted(tall, 300.0, 200.0), (50.0, 200.0));
    }

    #[test]
    fn unreadable_image_gets_a_landscape_box() {
        assert_eq!(fitted("https://example.org/x.png", 400.0, 1000.0), (400.0, 300.0));
    }
}
