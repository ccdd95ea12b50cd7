//! Full-width/half-width folding, one character to one so that offsets stay the same.

/// The half-width form of a full-width ASCII character or of the ideographic space; any
/// other character as it is. (Unicode's `<wide>` decompositions of U+FF01–U+FF5E and the
/// `<wide>`-like U+3000, the pairs Word's 区分全/半角 option treats as one.)
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).expect("U+FF01–U+FF5E less 0xFEE0 is ASCII")
        }
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_ascii_folds_to_half_width() {
        let folded: String = "，：；（）！？ＡＺａｚ０９～\u{3000}".chars().map(fold_char).collect();
        assert_eq!(folded, ",:;()!?AZaz09~ ");
    }

    #[test]
    fn han_and_chinese_only_marks_stay() {
        let text = "人大、。“”《》——";
        let folded: String = text.chars().map(fold_char).collect();
        assert_eq!(folded, text, "these have no half-width twin; folding must leave them");
    }
}
