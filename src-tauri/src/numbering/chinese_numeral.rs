//! Chinese numerals in the counting style of 总第X期: 七百零五, 七百一十, 一千零一十, 十一.

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const UNITS: [char; 4] = ['\0', '十', '百', '千'];

/// Writes `n` in Chinese numerals, up to 99,999,999.
///
/// Rules (《出版物上数字用法》GB/T 15835-2011 §4.2 and common usage): one 零 for any run of
/// zeros inside a group and between 万 and a group below 一千; trailing zeros unwritten;
/// 一十 shortened to 十 only at the very start (十一, but 一百一十, 一千零一十).
pub fn to_chinese_numeral(n: u32) -> String {
    if n == 0 {
        return "零".into();
    }
    assert!(n < 100_000_000, "issue numbers stay far below 一亿");
    let high = n / 10_000;
    let low = n % 10_000;
    let mut out = String::new();
    if high > 0 {
        out.push_str(&group(high));
        out.push('万');
        if low > 0 && low < 1000 {
            out.push('零');
        }
    }
    if low > 0 {
        out.push_str(&group(low));
    }
    if out.starts_with("一十") {
        out.remove(0);
    }
    out
}

/// A group below 10,000, without the leading-一十 shortening.
fn group(n: u32) -> String {
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut pending_zero = false;
    for (index, digit) in digits.into_iter().enumerate() {
        let unit = UNITS[3 - index];
        if digit == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push(DIGITS[digit as usize]);
        if unit != '\0' {
            out.push(unit);
        }
    }
    out
}

/// Reads a Chinese numeral back (七百四十一 → 741), also in the forms 〇, 两 and 一十.
/// Returns `None` for anything that is not a well-formed numeral.
pub fn parse_chinese_numeral(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut total: u32 = 0;
    let mut section: u32 = 0;
    let mut digit: Option<u32> = None;
    for ch in text.chars() {
        if let Some(value) = digit_value(ch) {
            if digit.is_some_and(|d| d != 0) {
                return None;
            }
            digit = Some(value);
            continue;
        }
        let unit = match ch {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                section += digit.take().unwrap_or(0);
                if section == 0 || total > 0 {
                    return None;
                }
                total = section.checked_mul(10_000)?;
                section = 0;
                continue;
            }
            _ => return None,
        };
        let value = match digit.take() {
            Some(0) => return None,
            Some(d) => d,
            None if unit == 10 => 1,
            None => return None,
        };
        section = section.checked_add(value * unit)?;
    }
    Some(total + section + digit.unwrap_or(0))
}

fn digit_value(ch: char) -> Option<u32> {
    match ch {
        '〇' => Some(0),
        '两' => Some(2),
        _ => DIGITS.iter().position(|d| *d == ch).map(|i| i as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: &[(u32, &str)] = &[
        (1, "一"),
        (2, "二"),
        (3, "三"),
        (4, "四"),
        (5, "五"),
        (6, "六"),
        (7, "七"),
        (8, "八"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (705, "七百零五"),
        (710, "七百一十"),
        (720, "七百二十"),
        (739, "七百三十九"),
        (740, "七百四十"),
        (741, "七百四十一"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (9999, "九千九百九十九"),
        (10000, "一万"),
        (10010, "一万零一十"),
        (12000, "一万二千"),
        (100_000, "十万"),
        (110_000, "十一万"),
    ];

    #[test]
    fn writes_the_numerals_a_masthead_prints() {
        for (n, text) in EXPECTED {
            assert_eq!(to_chinese_numeral(*n), *text, "numeral for {n}");
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        for n in (0..12_000).chain([99_999, 100_000, 1_234_567]) {
            assert_eq!(parse_chinese_numeral(&to_chinese_numeral(n)), Some(n), "round trip of {n}");
        }
    }

    #[test]
    fn reads_variant_forms() {
        assert_eq!(parse_chinese_numeral("一十一"), Some(11));
        assert_eq!(parse_chinese_numeral("两千"), Some(2000));
        assert_eq!(parse_chinese_numeral("七百〇五"), Some(705));
    }

    #[test]
    fn rejects_what_is_not_a_numeral() {
        for bad in ["", "七百四十一期", "百", "七七", "零十", "万"] {
            assert_eq!(parse_chinese_numeral(bad), None, "{bad:?} is not a numeral");
        }
    }
}
