//! Numbers (GB/T 15835—2011 出版物上数字用法, and the connecting marks of GB/T 15834—2011
//! 4.13): ranges, telephone numbers, years and dates.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::finding::{CharIndex, Hit, RuleId};

pub fn check(text: &str) -> Vec<Hit> {
    let index = CharIndex::new(text);
    let mut hits = range_units(text, &index);
    hits.extend(phone_dashes(text, &index));
    hits.extend(short_years(text, &index));
    hits.extend(leading_zeros(text, &index));
    hits
}

fn pattern(source: &str) -> Regex {
    Regex::new(source).expect("the pattern is valid")
}

/// The character before a match, to refuse matches inside a longer number.
fn digit_before(text: &str, byte: usize) -> bool {
    text[..byte].chars().next_back().is_some_and(|c| c.is_ascii_digit())
}

static RANGE: LazyLock<Regex> =
    LazyLock::new(|| pattern(r"(\d+(?:\.\d+)?)(?:—|～|~|－|-|至|到)(\d+(?:\.\d+)?)(万|亿)"));

/// GB/T 15835—2011 4.5.3 (附录): in a range of values with 万 or 亿 both ends keep the unit,
/// `20—30万元` → `20万～30万元`; the range mark is the wave `～` (GB/T 15834—2011 4.13.3).
fn range_units(text: &str, index: &CharIndex) -> Vec<Hit> {
    RANGE
        .captures_iter(text)
        .filter_map(|caps: Captures| {
            let whole = caps.get(0)?;
            if digit_before(text, whole.start()) {
                return None;
            }
            let (from, to, unit) = (&caps[1], &caps[2], &caps[3]);
            let message = format!(
                "数值范围两端的“{unit}”都不能省略，并用浪纹线“～”连接（GB/T 15835—2011、GB/T 15834—2011 4.13）"
            );
            Some(Hit::new(RuleId::RangeUnit, index.range(whole.range()), message, Some(format!("{from}{unit}～{to}{unit}"))))
        })
        .collect()
}

static PHONE: LazyLock<Regex> = LazyLock::new(|| pattern(r"(0\d{2,3})(?:—|–|－|～)(\d{7,8})"));

/// GB/T 15834—2011 4.13.3: the area code of a telephone number is joined with the short hyphen
/// `-`, not a dash (`0731—85309319` → `0731-85309319`).
fn phone_dashes(text: &str, index: &CharIndex) -> Vec<Hit> {
    PHONE
        .captures_iter(text)
        .filter_map(|caps: Captures| {
            let whole = caps.get(0)?;
            if digit_before(text, whole.start()) {
                return None;
            }
            let message = "电话号码的区号与号码之间用短横线“-”连接（GB/T 15834—2011 4.13.3）".to_owned();
            let fixed = format!("{}-{}", &caps[1], &caps[2]);
            Some(Hit::new(RuleId::PhoneDash, index.range(whole.range()), message, Some(fixed)))
        })
        .collect()
}

static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| pattern(r"[’']?(\d{2})年"));

/// What after `25年` makes it a year: a month, 度, 底, 初, 末, 上/下半年, 第 (期), 以来.
const YEAR_FOLLOWERS: [&str; 9] = ["度", "底", "初", "末", "上半年", "下半年", "第", "以来", "全年"];

/// What before `25年` makes it a point in time rather than a duration (`于25年`, `截至25年`),
/// unless a duration word follows (`自25年前`).
const YEAR_LEADERS: [&str; 6] = ["于", "自", "从", "截至", "至", "到"];
const DURATION_FOLLOWERS: &str = "前后来间内多左里余";

static MONTH_AFTER: LazyLock<Regex> = LazyLock::new(|| pattern(r"^(?:0?[1-9]|1[0-2])月"));

/// Whether `NN年` between `before` and `after` is a year, not a span of years (`工作25年`).
fn is_year(before: &str, after: &str) -> bool {
    if MONTH_AFTER.is_match(after) || YEAR_FOLLOWERS.iter().any(|f| after.starts_with(f)) {
        return true;
    }
    let led = YEAR_LEADERS.iter().any(|l| before.ends_with(l));
    led && !after.chars().next().is_some_and(|c| DURATION_FOLLOWERS.contains(c))
}

/// GB/T 15835—2011 4.1.2: a year is written in full, `25年9月` → `2025年9月`, also inside a
/// sentence (`25年底`, `于25年`); `工作25年` and `25年来` are durations and stay.
fn short_years(text: &str, index: &CharIndex) -> Vec<Hit> {
    SHORT_YEAR
        .captures_iter(text)
        .filter_map(|caps: Captures| {
            let whole = caps.get(0)?;
            if digit_before(text, whole.start()) || !is_year(&text[..whole.start()], &text[whole.end()..]) {
                return None;
            }
            let short = caps.get(1)?;
            let century = if short.as_str() < "50" { "20" } else { "19" };
            let message = format!("年份“{}”不应简写，应写全四位（GB/T 15835—2011 4.1.2）", short.as_str());
            let fixed = format!("{century}{}年", short.as_str());
            Some(Hit::new(RuleId::ShortYear, index.range(whole.range()), message, Some(fixed)))
        })
        .collect()
}

static ZERO_DATE: LazyLock<Regex> = LazyLock::new(|| pattern(r"0([1-9])(月|日)"));

/// GB/T 15835—2011 4.1.2 and house style: in a date written with 年月日 the month and day take
/// no leading zero (`09月02日` → `9月2日`).
fn leading_zeros(text: &str, index: &CharIndex) -> Vec<Hit> {
    ZERO_DATE
        .captures_iter(text)
        .filter_map(|caps: Captures| {
            let whole = caps.get(0)?;
            if digit_before(text, whole.start()) {
                return None;
            }
            let message = format!("日期中的“{}”不加前导零（GB/T 15835—2011）", whole.as_str());
            let fixed = format!("{}{}", &caps[1], &caps[2]);
            Some(Hit::new(RuleId::LeadingZero, index.range(whole.range()), message, Some(fixed)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(RuleId, String, Option<String>)> {
        check(text)
            .into_iter()
            .map(|h| (h.rule, text.chars().skip(h.start).take(h.end - h.start).collect(), h.suggestion))
            .collect()
    }

    #[test]
    fn range_keeps_its_unit_on_both_sides() {
        assert_eq!(
            found("补助20—30万元"),
            [(RuleId::RangeUnit, "20—30万".into(), Some("20万～30万".into()))]
        );
        assert!(found("补助20万～30万元，共120—130人").is_empty());
    }

    #[test]
    fn phone_numbers_take_a_hyphen() {
        assert_eq!(found("电话：0731—85309319")[0].2.as_deref(), Some("0731-85309319"));
        assert!(found("电话：0731-85309319").is_empty());
    }

    #[test]
    fn years_are_written_in_full() {
        assert_eq!(found("25年9月召开")[0].2.as_deref(), Some("2025年"));
        assert!(found("2025年9月召开，工作25年").is_empty());
        for inside in ["全县25年底完成", "于25年启动", "截至24年，共有", "25年以来，各地", "25年度考核"]
        {
            assert_eq!(found(inside).len(), 1, "{inside}: a short year inside a sentence");
        }
        for span in ["工作25年来", "自25年前起", "坚持了25年，", "任职10年间", "2025年底"]
        {
            assert!(found(span).is_empty(), "{span}: a span of years or a full year");
        }
    }

    #[test]
    fn month_and_day_have_no_leading_zero() {
        let hits = found("2025年09月02日");
        assert_eq!(hits.iter().map(|h| h.2.clone().unwrap_or_default()).collect::<Vec<_>>(), ["9月", "2日"]);
        assert!(found("2025年9月2日，共10日").is_empty());
    }
}
