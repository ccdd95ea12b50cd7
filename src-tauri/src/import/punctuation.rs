//! Inline cleanup rules: punctuation width, quotes, dashes, ellipses, spaces and characters
//! that look mistyped. Each rule yields edits over one block's characters; the caller turns
//! them into proposals.

use super::chars::{is_chinese, is_chinese_digit, is_han, is_space};
use super::proposal::CleanupRule;

/// One change inside a block, by character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub rule: CleanupRule,
    pub start: usize,
    pub end: usize,
    pub after: String,
    pub message: String,
    pub safe: bool,
}

impl Edit {
    fn safe(rule: CleanupRule, start: usize, end: usize, after: &str, message: String) -> Self {
        Edit { rule, start, end, after: after.into(), message, safe: true }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    Double,
    Single,
}

/// Open quotes carried from one line to the next when the lines form one paragraph or title.
#[derive(Debug, Default)]
pub struct QuoteState {
    open: Vec<Quote>,
    converted_straight: bool,
}

impl QuoteState {
    /// Whether straight quotes were converted and their pairs did not close.
    pub fn unbalanced(&self) -> bool {
        self.converted_straight && !self.open.is_empty()
    }
}

/// All inline edits for one block's text, in order, not overlapping.
pub fn inline_edits(text: &str, quotes: &mut QuoteState) -> Vec<Edit> {
    let chars: Vec<char> = text.chars().collect();
    let scan = Scan::new(&chars);
    let has_han = chars.iter().any(|&c| is_han(c));
    let mut edits = Vec::new();
    let mut paired_closers = vec![false; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = if is_space(c) {
            space_run(&chars, i, &mut edits)
        } else if matches!(c, '-' | '—' | '―' | '－') {
            dash_run(&scan, i, &mut edits)
        } else if matches!(c, '.' | '。' | '…' | '．') {
            dot_run(&scan, i, &mut edits)
        } else {
            if paired_closers[i] {
                edits.push(full_width(i, '）'));
            } else {
                single_char(&scan, i, has_han, quotes, &mut paired_closers, &mut edits);
            }
            i + 1
        };
        i = next.max(i + 1);
    }
    edits
}

fn single_char(
    scan: &Scan,
    i: usize,
    has_han: bool,
    quotes: &mut QuoteState,
    paired_closers: &mut [bool],
    edits: &mut Vec<Edit>,
) {
    let chars = scan.chars;
    let c = chars[i];
    let (before, after) = (scan.before[i], scan.after[i]);
    let chinese_context = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
    match c {
        ',' | ';' | '!' | '?' | ':' if chinese_context => {
            let between_digits =
                before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| a.is_ascii_digit());
            if !between_digits {
                edits.push(full_width(i, to_full_width(c)));
            }
        }
        '(' => {
            let closer = scan.closer[i];
            let inner_chinese = closer.is_some_and(|end| scan.chinese_between(i, end));
            if inner_chinese || chinese_context {
                edits.push(full_width(i, '（'));
                if let Some(end) = closer {
                    paired_closers[end] = true;
                }
            }
        }
        ')' if chinese_context => edits.push(full_width(i, '）')),
        '“' => quotes.open.push(Quote::Double),
        '‘' => quotes.open.push(Quote::Single),
        '”' | '’' => {
            quotes.open.pop();
        }
        '"' if has_han => {
            quotes.converted_straight = true;
            let closes = quotes.open.last() == Some(&Quote::Double);
            let curly = if closes { '”' } else { '“' };
            if closes {
                quotes.open.pop();
            } else {
                quotes.open.push(Quote::Double);
            }
            edits.push(quote_edit(i, curly));
        }
        '\'' if has_han => {
            let apostrophe = i > 0
                && chars[i - 1].is_ascii_alphabetic()
                && chars.get(i + 1).is_some_and(char::is_ascii_alphabetic);
            if apostrophe {
                return;
            }
            quotes.converted_straight = true;
            let closes = quotes.open.last() == Some(&Quote::Single);
            if closes {
                quotes.open.pop();
            } else if !quotes.open.is_empty() || chinese_context {
                quotes.open.push(Quote::Single);
            } else {
                return;
            }
            edits.push(quote_edit(i, if closes { '’' } else { '‘' }));
        }
        '十' => suspicious_cross(chars, i, edits),
        '[' | '［' | '【' => suspicious_bracket(chars, i, edits),
        _ => {}
    }
}

fn to_full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        '!' => '！',
        '?' => '？',
        ':' => '：',
        other => other,
    }
}

/// GB/T 15834-2011 §4.4-4.9: Chinese text takes full-width comma, semicolon, colon,
/// question and exclamation marks and parentheses.
fn full_width(i: usize, to: char) -> Edit {
    Edit::safe(
        CleanupRule::FullWidthPunctuation,
        i,
        i + 1,
        &to.to_string(),
        format!("中文语境中的半角标点改为全角“{to}”（GB/T 15834—2011《标点符号用法》）"),
    )
}

/// GB/T 15834-2011 §4.8: Chinese quotation marks are “” outside and ‘’ inside.
fn quote_edit(i: usize, to: char) -> Edit {
    Edit::safe(
        CleanupRule::PairedQuotes,
        i,
        i + 1,
        &to.to_string(),
        format!("直引号改为中文引号“{to}”，双引号在外、单引号在内（GB/T 15834—2011 4.8）"),
    )
}

/// Spaces next to Han characters are removed: Chinese text is set without word spaces and
/// the layout adds the space between Han and Latin or digits itself (W3C clreq, 汉字与西文间距).
fn space_run(chars: &[char], start: usize, edits: &mut Vec<Edit>) -> usize {
    let end = (start..chars.len()).find(|&j| !is_space(chars[j])).unwrap_or(chars.len());
    if start > 0 && end < chars.len() {
        let (before, after) = (chars[start - 1], chars[end]);
        let both_latin = before.is_ascii_alphanumeric() && after.is_ascii_alphanumeric();
        if (is_chinese(before) || is_chinese(after)) && !both_latin {
            let what: String = chars[start..end].iter().collect();
            edits.push(Edit::safe(
                CleanupRule::RemoveSpace,
                start,
                end,
                "",
                format!(
                    "删除“{before}{what}{after}”中的空格：中文不以空格分词，汉字与数字、字母间的间距由版式处理（W3C《中文排版需求》）"
                ),
            ));
        }
    }
    end
}

/// GB/T 15834-2011 §4.10: the dash 破折号 is two em long, `——`. A single `—` between
/// numbers is a range (连接号, §4.13) and stays; a single hyphen is a hyphen.
fn dash_run(scan: &Scan, start: usize, edits: &mut Vec<Edit>) -> usize {
    let chars = scan.chars;
    let c = chars[start];
    let end = (start..chars.len()).find(|&j| chars[j] != c).unwrap_or(chars.len());
    let run = end - start;
    let correct = c == '—' && run == 2;
    let hyphen = matches!(c, '-' | '－') && run == 1;
    let before = scan.before[start];
    let after = scan.after[end - 1];
    let numeric = before.is_some_and(|b| b.is_ascii_digit()) || after.is_some_and(|a| a.is_ascii_digit());
    let chinese = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
    if !correct && !hyphen && !numeric && chinese && run <= 4 {
        let what: String = chars[start..end].iter().collect();
        edits.push(Edit::safe(
            CleanupRule::Dash,
            start,
            end,
            "——",
            format!("“{what}”改为破折号“——”（占两个字位置，GB/T 15834—2011 4.10）"),
        ));
    }
    end
}

/// GB/T 15834-2011 §4.11: the ellipsis is two `…`, `……`.
fn dot_run(scan: &Scan, start: usize, edits: &mut Vec<Edit>) -> usize {
    let chars = scan.chars;
    let c = chars[start];
    let end = (start..chars.len()).find(|&j| chars[j] != c).unwrap_or(chars.len());
    let run = end - start;
    let wrong = match c {
        '…' => run != 2,
        _ => (3..=6).contains(&run),
    };
    let context =
        c == '…' || scan.before[start].is_some_and(is_chinese) || scan.after[end - 1].is_some_and(is_chinese);
    if wrong && context {
        let what: String = chars[start..end].iter().collect();
        edits.push(Edit::safe(
            CleanupRule::Ellipsis,
            start,
            end,
            "……",
            format!("“{what}”改为省略号“……”（GB/T 15834—2011 4.11）"),
        ));
    }
    end
}

/// `十` between two words, as in `线上十线下`, is usually a `+` misread by OCR or mistyped
/// with a Chinese input method. Only flagged: `十` is also a numeral and a word.
fn suspicious_cross(chars: &[char], i: usize, edits: &mut Vec<Edit>) {
    let (Some(&before), Some(&after)) = (i.checked_sub(1).and_then(|b| chars.get(b)), chars.get(i + 1))
    else {
        return;
    };
    let numeral_before = is_chinese_digit(before) || "第数几约近逾".contains(before);
    let word_after = is_chinese_digit(after)
        || "年月日时个项名多余几位次届件条天分足字佳大强全万亿周岁倍元余家人".contains(after);
    if is_han(before) && is_han(after) && !numeral_before && !word_after {
        edits.push(Edit {
            rule: CleanupRule::SuspiciousCross,
            start: i,
            end: i + 1,
            after: "+".into(),
            message: format!("“{before}十{after}”中的“十”可能是误录的加号“+”（如“线上+线下”），请核对原稿"),
            safe: false,
        });
    }
}

/// GB/T 9704-2012 §7.2.4: the year of a document number is enclosed in 六角括号 〔〕.
fn suspicious_bracket(chars: &[char], i: usize, edits: &mut Vec<Edit>) {
    let digits = chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    let close = chars.get(i + 1 + digits);
    if digits == 4 && close.is_some_and(|c| matches!(c, ']' | '］' | '】')) {
        let year: String = chars[i + 1..i + 1 + digits].iter().collect();
        edits.push(Edit {
            rule: CleanupRule::SuspiciousBracket,
            start: i,
            end: i + digits + 2,
            after: format!("〔{year}〕"),
            message: "发文字号中的年份应使用六角括号“〔〕”（GB/T 9704—2012 7.2.4），请核对".into(),
            safe: false,
        });
    }
}

/// What each character's surroundings are, computed once per block so that every rule runs
/// in linear time whatever the text (a pasted line can be megabytes long).
struct Scan<'a> {
    chars: &'a [char],
    /// The nearest character before each position that tells the context (see `transparent`).
    before: Vec<Option<char>>,
    after: Vec<Option<char>>,
    /// For each `(`, its matching `)`.
    closer: Vec<Option<usize>>,
    /// Chinese characters among the first N characters, for range queries.
    chinese_prefix: Vec<usize>,
}

impl<'a> Scan<'a> {
    fn new(chars: &'a [char]) -> Self {
        let mut before = Vec::with_capacity(chars.len());
        let mut last = None;
        for &c in chars {
            before.push(last);
            if !transparent(c) {
                last = Some(c);
            }
        }
        let mut after = vec![None; chars.len()];
        let mut next = None;
        for (i, &c) in chars.iter().enumerate().rev() {
            after[i] = next;
            if !transparent(c) {
                next = Some(c);
            }
        }
        let mut closer = vec![None; chars.len()];
        let mut open = Vec::new();
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '(' => open.push(i),
                ')' => {
                    if let Some(start) = open.pop() {
                        closer[start] = Some(i);
                    }
                }
                _ => {}
            }
        }
        let mut chinese_prefix = Vec::with_capacity(chars.len() + 1);
        chinese_prefix.push(0);
        for &c in chars {
            let so_far = chinese_prefix.last().copied().unwrap_or(0);
            chinese_prefix.push(so_far + usize::from(is_chinese(c)));
        }
        Scan { chars, before, after, closer, chinese_prefix }
    }

    /// Whether a Chinese character stands strictly between positions `open` and `close`.
    fn chinese_between(&self, open: usize, close: usize) -> bool {
        self.chinese_prefix[close] > self.chinese_prefix[open + 1]
    }
}

/// Spaces and half-width brackets and quotes (which may be about to become full width
/// themselves) are looked through when judging a character's context.
fn transparent(c: char) -> bool {
    is_space(c) || matches!(c, '(' | ')' | '"' | '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> String {
        let edits = inline_edits(text, &mut QuoteState::default());
        let mut chars: Vec<char> = text.chars().collect();
        for edit in edits.iter().rev().filter(|e| e.safe) {
            chars.splice(edit.start..edit.end, edit.after.chars());
        }
        chars.into_iter().collect()
    }

    fn flagged(text: &str) -> Vec<CleanupRule> {
        inline_edits(text, &mut QuoteState::default()).iter().filter(|e| !e.safe).map(|e| e.rule).collect()
    }

    #[test]
    fn half_width_punctuation_in_chinese_becomes_full_width() {
        assert_eq!(cleaned("10月31日,会议召开;要求:一是(略)!"), "10月31日，会议召开；要求：一是（略）！");
        assert_eq!(cleaned("构建1+31(1个总报告,31个报告)"), "构建1+31（1个总报告，31个报告）");
        assert_eq!(cleaned("时间10:30, ok"), "时间10:30, ok");
    }

    #[test]
    fn straight_quotes_pair_by_nesting() {
        assert_eq!(cleaned(r#"开展"落实'四敢'要求"活动"#), "开展“落实‘四敢’要求”活动");
        assert_eq!(cleaned(r#"坚持"线上"和"线下""#), "坚持“线上”和“线下”");
        assert_eq!(cleaned("it's 英文"), "it's英文");
    }

    #[test]
    fn unbalanced_quotes_are_reported() {
        let mut state = QuoteState::default();
        inline_edits(r#"他说"没有结束"#, &mut state);
        assert!(state.unbalanced());
    }

    #[test]
    fn dashes_and_ellipses() {
        assert_eq!(cleaned("工作--重要"), "工作——重要");
        assert_eq!(cleaned("工作—重要"), "工作——重要");
        assert_eq!(cleaned("工作――重要"), "工作——重要");
        assert_eq!(cleaned("15万—20万元"), "15万—20万元", "a dash between numbers is a range");
        assert_eq!(cleaned("等等...还有…"), "等等……还有……");
        assert_eq!(cleaned("已经——完成"), "已经——完成");
    }

    #[test]
    fn spaces_next_to_han_are_removed() {
        assert_eq!(cleaned("党组 2025 年工作 要点"), "党组2025年工作要点");
        assert_eq!(cleaned("1300余名省、市、 县"), "1300余名省、市、县");
        assert_eq!(cleaned("版本 1 2"), "版本1 2");
    }

    #[test]
    fn suspicious_characters_are_flagged_not_fixed() {
        assert_eq!(cleaned("坚持线上十线下"), "坚持线上十线下");
        assert_eq!(flagged("坚持线上十线下"), vec![CleanupRule::SuspiciousCross]);
        assert!(flagged("县十八届人大").is_empty());
        assert!(flagged("五十名代表，十分重要").is_empty());
        assert_eq!(flagged("湘党简准字[2000]第28号"), vec![CleanupRule::SuspiciousBracket]);
    }
}
