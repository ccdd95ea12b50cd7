use chrono::{Datelike, NaiveDate};

/// `2025年9月2日`: no leading zeros, no spaces, Arabic digits (GB/T 9704-2012 §7.3.5.4 for
/// 成文日期 and the printed mastheads of the fixtures).
pub fn format_masthead_date(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// Reads `YYYY-MM-DD` strictly, so that 2025-02-30 is an error and not 3 March.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A date as a Chinese user types it: `2025-09-02` or `2025年9月2日`, equally strictly.
pub fn parse_typed_date(text: &str) -> Option<NaiveDate> {
    parse_iso_date(text).or_else(|| NaiveDate::parse_from_str(text.trim(), "%Y年%m月%d日").ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_are_read_in_either_form_and_never_rolled_over() {
        let date = NaiveDate::from_ymd_opt(2025, 9, 2).expect("valid date");
        assert_eq!(parse_typed_date("2025-09-02"), Some(date));
        assert_eq!(parse_typed_date(" 2025年9月2日 "), Some(date));
        assert_eq!(parse_typed_date("2025年09月02日"), Some(date));
        assert_eq!(parse_typed_date("2025年2月30日"), None);
        assert_eq!(parse_typed_date("2025-02-30"), None);
        assert_eq!(parse_typed_date("09/02/2025"), None);
    }

    #[test]
    fn formats_without_leading_zeros() {
        let date = NaiveDate::from_ymd_opt(2025, 9, 2).expect("valid date");
        assert_eq!(format_masthead_date(date), "2025年9月2日");
        let date = NaiveDate::from_ymd_opt(2024, 11, 4).expect("valid date");
        assert_eq!(format_masthead_date(date), "2024年11月4日");
    }

    #[test]
    fn refuses_impossible_dates() {
        assert_eq!(parse_iso_date("2025-02-30"), None);
        assert_eq!(parse_iso_date("2025-9-2"), NaiveDate::from_ymd_opt(2025, 9, 2));
        assert_eq!(parse_iso_date("2025/09/02"), None);
    }
}
