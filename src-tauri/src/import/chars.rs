//! Character classes the cleanup and the recognisers share.

/// CJK unified ideographs (basic block, extension A and the compatibility block).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Full-width punctuation of Chinese text (GB/T 15834-2011), including the curly quotes,
/// which Chinese text sets full width.
pub fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Han or Chinese punctuation: the context in which half-width marks are wrong.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punctuation(c)
}

/// Spaces a PDF or a typist leaves: ASCII, ideographic, no-break and tab.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}')
}

/// Marks after which a line ends a sentence, so the next line starts a new paragraph.
pub fn ends_sentence(text: &str) -> bool {
    let closers = ['”', '’', '"', '\'', '）', ')', '」', '』', '】', '〕'];
    let last = text.trim_end_matches(|c: char| is_space(c) || closers.contains(&c)).chars().last();
    last.is_none_or(|c| "。！？；：…!?;:.".contains(c))
}

/// Chinese numerals as used in heading numbers `一、` and `（十二）`.
pub fn is_chinese_digit(c: char) -> bool {
    "〇零一二三四五六七八九十百两".contains(c)
}
