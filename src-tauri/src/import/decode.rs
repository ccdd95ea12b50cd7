//! Bytes of a text file to text: UTF-8 (with or without BOM), UTF-16 with BOM, and the
//! GBK/GB18030 files that Chinese Windows tools still write. Anything else is refused with a
//! message rather than imported as mojibake.

use encoding_rs::{Encoding, GB18030, GBK, UTF_8};

use super::ImportError;

/// Share of control characters above which a file is taken for binary.
const MAX_CONTROL_SHARE: f64 = 0.01;

pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { name: name.into() });
    }
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
        return if had_errors { Err(binary(name)) } else { checked(name, text.into_owned()) };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return checked(name, text.to_owned());
    }
    if bytes.contains(&0) {
        return Err(binary(name));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // GB18030 is a superset of GBK and GB2312; decoding with it accepts all three.
    if guess == GBK || guess == GB18030 {
        let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
        if !had_errors {
            return checked(name, text.into_owned());
        }
    }
    if guess == UTF_8 {
        return Err(binary(name));
    }
    Err(ImportError::UnknownEncoding { name: name.into(), guess: guess.name().into() })
}

/// Refuses text that decoded but is mostly control characters: a binary file in disguise.
fn checked(name: &str, text: String) -> Result<String, ImportError> {
    let total = text.chars().count().max(1);
    let control =
        text.chars().filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')).count();
    if control as f64 / total as f64 > MAX_CONTROL_SHARE {
        return Err(binary(name));
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty { name: name.into() });
    }
    Ok(text)
}

fn binary(name: &str) -> ImportError {
    ImportError::Binary { name: name.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "全省基层人大工作推进会在湘潭市湘乡市召开。省委书记、省人大常委会主任作出批示，要求进一步加强对基层人大工作的全面领导。";

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode_text("a.txt", SAMPLE.as_bytes()).unwrap(), SAMPLE);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), SAMPLE.as_bytes()].concat();
        assert_eq!(decode_text("a.txt", &with_bom).unwrap(), SAMPLE);
    }

    #[test]
    fn detects_gbk() {
        let (bytes, _, _) = GBK.encode(SAMPLE);
        assert_eq!(decode_text("a.txt", &bytes).unwrap(), SAMPLE);
    }

    #[test]
    fn refuses_binary_empty_and_foreign_encodings() {
        let binary_bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(matches!(decode_text("a.txt", &binary_bytes), Err(ImportError::Binary { .. })));
        assert!(matches!(decode_text("a.txt", b"  \n\n"), Err(ImportError::Empty { .. })));
        let (shift_jis, _, _) =
            encoding_rs::SHIFT_JIS.encode("これは日本語の文章です。カタカナとひらがなを含みます。");
        assert!(matches!(decode_text("a.txt", &shift_jis), Err(ImportError::UnknownEncoding { .. })));
    }
}
