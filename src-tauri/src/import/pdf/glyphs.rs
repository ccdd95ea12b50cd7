//! Where each character of a page is drawn: the PDF text operators (PDF 32000-1 §9.4) followed
//! through the graphics state, each character decoded with its font's encoding (ToUnicode
//! CMap, Identity-H, simple encodings) and advanced by its font's widths.

use std::collections::BTreeMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// A character on the page, at its baseline origin in page space (points, y upwards).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    /// Font size in page space.
    pub size: f32,
    /// Advance in page space.
    pub advance: f32,
    pub text: String,
}

/// The characters of one page in drawing order. Errors are for the page's content stream;
/// a font that cannot be decoded only loses its characters.
pub fn page_glyphs(document: &Document, page_id: ObjectId, limit: usize) -> Result<Vec<Glyph>, String> {
    let fonts = page_fonts(document, page_id, limit);
    let content = document.get_page_content_with_limit(page_id, limit).map_err(|e| e.to_string())?;
    let content = Content::decode(&content).map_err(|e| e.to_string())?;
    let mut state = TextState::default();
    let mut saved: Vec<TextState> = Vec::new();
    let mut glyphs = Vec::new();
    for operation in &content.operations {
        let numbers: Vec<f32> = operation.operands.iter().filter_map(number).collect();
        match operation.operator.as_str() {
            "q" => saved.push(state.clone()),
            "Q" => state = saved.pop().unwrap_or_default(),
            "cm" if numbers.len() == 6 => state.ctm = Matrix::from(&numbers).times(&state.ctm),
            "BT" => {
                state.tm = Matrix::IDENTITY;
                state.tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                state.font = operation.operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                state.size = numbers.first().copied().unwrap_or(state.size);
            }
            "Tc" => state.char_spacing = numbers.first().copied().unwrap_or(0.0),
            "Tw" => state.word_spacing = numbers.first().copied().unwrap_or(0.0),
            "Tz" => state.horizontal_scale = numbers.first().copied().unwrap_or(100.0) / 100.0,
            "TL" => state.leading = numbers.first().copied().unwrap_or(0.0),
            "Ts" => state.rise = numbers.first().copied().unwrap_or(0.0),
            "Td" if numbers.len() == 2 => state.next_line(numbers[0], numbers[1]),
            "TD" if numbers.len() == 2 => {
                state.leading = -numbers[1];
                state.next_line(numbers[0], numbers[1]);
            }
            "Tm" if numbers.len() == 6 => {
                state.tm = Matrix::from(&numbers);
                state.tlm = state.tm;
            }
            "T*" => state.next_line(0.0, -state.leading),
            "Tj" => show(&mut state, &fonts, &operation.operands, &mut glyphs),
            "'" => {
                state.next_line(0.0, -state.leading);
                show(&mut state, &fonts, &operation.operands, &mut glyphs);
            }
            "\"" if operation.operands.len() == 3 => {
                state.word_spacing = number(&operation.operands[0]).unwrap_or(0.0);
                state.char_spacing = number(&operation.operands[1]).unwrap_or(0.0);
                state.next_line(0.0, -state.leading);
                show(&mut state, &fonts, &operation.operands[2..], &mut glyphs);
            }
            "TJ" => {
                let items =
                    operation.operands.first().and_then(|o| o.as_array().ok()).cloned().unwrap_or_default();
                for item in &items {
                    match number(item) {
                        Some(adjust) => state.advance(-adjust / 1000.0 * state.size * state.horizontal_scale),
                        None => show(&mut state, &fonts, std::slice::from_ref(item), &mut glyphs),
                    }
                }
            }
            _ => {}
        }
    }
    Ok(glyphs)
}

fn show(
    state: &mut TextState,
    fonts: &BTreeMap<Vec<u8>, Font<'_>>,
    operands: &[Object],
    glyphs: &mut Vec<Glyph>,
) {
    let Some(bytes) = operands.first().and_then(|o| o.as_str().ok()) else { return };
    let Some(font) = state.font.as_ref().and_then(|name| fonts.get(name)) else { return };
    for code in bytes.chunks(font.code_length) {
        let code_value = code.iter().fold(0u32, |value, &byte| value * 256 + u32::from(byte));
        let text = font.encoding.as_ref().and_then(|e| e.bytes_to_string(code).ok()).unwrap_or_default();
        let width = font.width(code_value, &text);
        let rendering = Matrix {
            a: state.size * state.horizontal_scale,
            b: 0.0,
            c: 0.0,
            d: state.size,
            e: 0.0,
            f: state.rise,
        }
        .times(&state.tm)
        .times(&state.ctm);
        let scale = (rendering.c * rendering.c + rendering.d * rendering.d).sqrt();
        let space = if font.code_length == 1 && code_value == 32 { state.word_spacing } else { 0.0 };
        let advance = (width * state.size + state.char_spacing + space) * state.horizontal_scale;
        let page_advance =
            advance * Matrix::IDENTITY.times(&state.tm).times(&state.ctm).a.abs().max(f32::EPSILON);
        let text: String = text.chars().filter(|&c| c != '\u{FFFD}' && !c.is_control()).collect();
        if !text.is_empty() {
            glyphs.push(Glyph { x: rendering.e, y: rendering.f, size: scale, advance: page_advance, text });
        }
        state.advance(advance);
    }
}

/// The parts of the graphics state the text's position depends on.
#[derive(Debug, Clone)]
struct TextState {
    ctm: Matrix,
    tm: Matrix,
    tlm: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            ctm: Matrix::IDENTITY,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

impl TextState {
    fn next_line(&mut self, tx: f32, ty: f32) {
        self.tlm = Matrix::translation(tx, ty).times(&self.tlm);
        self.tm = self.tlm;
    }

    fn advance(&mut self, tx: f32) {
        self.tm = Matrix::translation(tx, 0.0).times(&self.tm);
    }
}

/// A PDF transformation matrix `[a b c d e f]`, applied to row vectors `[x y 1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix {
    a: f32,
    b: f32,
    c: f32,
    d: f32,
    e: f32,
    f: f32,
}

impl Matrix {
    const IDENTITY: Matrix = Matrix { a: 1.0, b: 0.0, c: 0.0, d: 1.0, e: 0.0, f: 0.0 };

    fn from(numbers: &[f32]) -> Self {
        Matrix { a: numbers[0], b: numbers[1], c: numbers[2], d: numbers[3], e: numbers[4], f: numbers[5] }
    }

    fn translation(x: f32, y: f32) -> Self {
        Matrix { e: x, f: y, ..Matrix::IDENTITY }
    }

    /// `self × other`: first this transformation, then `other`.
    fn times(&self, other: &Matrix) -> Matrix {
        Matrix {
            a: self.a * other.a + self.b * other.c,
            b: self.a * other.b + self.b * other.d,
            c: self.c * other.a + self.d * other.c,
            d: self.c * other.b + self.d * other.d,
            e: self.e * other.a + self.f * other.c + other.e,
            f: self.e * other.b + self.f * other.d + other.f,
        }
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// A font of the page: how to cut its strings into codes, decode and measure them.
struct Font<'a> {
    code_length: usize,
    encoding: Option<Encoding<'a>>,
    /// Advance widths in thousandths of an em by code.
    widths: BTreeMap<u32, f32>,
    default_width: Option<f32>,
}

impl Font<'_> {
    /// Advance in ems: the font's own width, else a full em for CJK text and half for Latin.
    fn width(&self, code: u32, text: &str) -> f32 {
        let own = self.widths.get(&code).copied().or(self.default_width);
        match own {
            Some(width) => width / 1000.0,
            None if text.is_ascii() => 0.5,
            None => 1.0,
        }
    }
}

fn page_fonts(document: &Document, page_id: ObjectId, limit: usize) -> BTreeMap<Vec<u8>, Font<'_>> {
    let Ok(fonts) = document.get_page_fonts(page_id) else { return BTreeMap::new() };
    fonts.into_iter().map(|(name, dictionary)| (name, font(document, dictionary, limit))).collect()
}

fn font<'a>(document: &'a Document, dictionary: &'a Dictionary, limit: usize) -> Font<'a> {
    let encoding = dictionary.get_font_encoding_with_limit(document, limit).ok();
    let composite = dictionary.get(b"Subtype").and_then(Object::as_name).is_ok_and(|s| s == b"Type0");
    if composite {
        let descendant = dictionary
            .get(b"DescendantFonts")
            .and_then(|o| deref(document, o).as_array())
            .ok()
            .and_then(|fonts| fonts.first())
            .and_then(|o| deref(document, o).as_dict().ok());
        let widths = descendant.map(|d| cid_widths(document, d)).unwrap_or_default();
        let default_width = Some(
            descendant
                .and_then(|d| d.get(b"DW").ok())
                .and_then(|o| number(deref(document, o)))
                .unwrap_or(1000.0),
        );
        return Font { code_length: 2, encoding, widths, default_width };
    }
    let first =
        dictionary.get(b"FirstChar").ok().and_then(|o| number(deref(document, o))).unwrap_or(0.0) as u32;
    let widths = dictionary
        .get(b"Widths")
        .and_then(|o| deref(document, o).as_array())
        .map(|array| {
            array
                .iter()
                .enumerate()
                .filter_map(|(i, w)| Some((first + i as u32, number(deref(document, w))?)))
                .collect()
        })
        .unwrap_or_default();
    Font { code_length: 1, encoding, widths, default_width: None }
}

/// The `/W` array of a CID font: `c [w1 w2 …]` or `c_first c_last w` (PDF 32000-1 §9.7.4.3).
fn cid_widths(document: &Document, descendant: &Dictionary) -> BTreeMap<u32, f32> {
    let mut widths = BTreeMap::new();
    let Ok(array) = descendant.get(b"W").and_then(|o| deref(document, o).as_array()) else { return widths };
    let mut index = 0;
    while index + 1 < array.len() {
        let Some(first) = number(deref(document, &array[index])) else { break };
        let first = first as u32;
        match deref(document, &array[index + 1]) {
            Object::Array(list) => {
                for (offset, width) in list.iter().enumerate() {
                    if let Some(width) = number(deref(document, width)) {
                        widths.insert(first + offset as u32, width);
                    }
                }
                index += 2;
            }
            last => {
                let (Some(last), Some(width)) =
                    (number(last), array.get(index + 2).and_then(|w| number(deref(document, w))))
                else {
                    break;
                };
                // A range is bounded by the CID space (two bytes), whatever the file claims.
                for cid in first..=(last as u32).min(first.saturating_add(0xFFFF)) {
                    widths.insert(cid, width);
                }
                index += 3;
            }
        }
    }
    widths
}

fn deref<'a>(document: &'a Document, object: &'a Object) -> &'a Object {
    document.dereference(object).map(|(_, target)| target).unwrap_or(object)
}
