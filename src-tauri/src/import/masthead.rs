//! The masthead (报头) of a back issue: 报名, 第N期, 总第X期, the editing unit's `…编` and
//! the date. Every field is optional: a PDF whose 报名 was a picture, or a masthead cut down
//! to `…委员会编 2020年11月2日`, gives only some of them, and what is missing is asked for,
//! never guessed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::chars::{ends_sentence, is_han, is_space};
use super::lines::SourceLine;
use crate::domain::IssueKind;
use crate::numbering::parse_chinese_numeral;

/// How far into the text a masthead is looked for when no 要目 or mark ends it.
const MASTHEAD_SEARCH_LINES: usize = 12;
/// Longer lines are body text, not masthead.
const MAX_MASTHEAD_LINE_CHARS: usize = 48;
/// Longest 报名 taken from the first line (`联络动态`, `人大代表工作简报`).
const MAX_NAME_CHARS: usize = 12;

/// What the masthead of an old issue said, as far as it could be read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MastheadFound {
    #[ts(optional)]
    pub name: Option<String>,
    pub supplement: bool,
    #[ts(optional)]
    pub number: Option<u32>,
    #[ts(optional)]
    pub total_number: Option<u32>,
    #[ts(optional)]
    pub date: Option<NaiveDate>,
    #[ts(optional)]
    pub editing_unit: Option<String>,
}

impl MastheadFound {
    pub fn kind(&self) -> IssueKind {
        if self.supplement { IssueKind::Supplement } else { IssueKind::Regular }
    }

    /// Whether anything of a masthead was found at all: a manuscript has none of it.
    pub fn found_anything(&self) -> bool {
        self.number.is_some()
            || self.total_number.is_some()
            || self.date.is_some()
            || self.editing_unit.is_some()
    }
}

/// Reads the masthead fields from its lines.
pub fn read_masthead(lines: &[SourceLine]) -> MastheadFound {
    let texts: Vec<String> = lines.iter().map(squeezed).filter(|t| !t.is_empty()).collect();
    let all = texts.concat();
    MastheadFound {
        name: texts.first().filter(|first| is_name_line(first)).cloned(),
        supplement: all.contains("增刊"),
        number: issue_number(&all),
        total_number: total_number(&all),
        date: masthead_date(&all),
        editing_unit: texts.iter().find_map(|text| editing_unit(text)),
    }
}

/// Where the masthead ends in text with no 要目 and no marks: after the last of the first
/// lines that carries a masthead field, before the first line that reads as body text
/// (long, a finished sentence or a 编者按).
pub fn unmarked_masthead_end(lines: &[SourceLine]) -> usize {
    let mut end = 0;
    for (index, line) in lines.iter().enumerate().take(MASTHEAD_SEARCH_LINES) {
        let text = squeezed(line);
        let body_like = text.chars().count() > MAX_MASTHEAD_LINE_CHARS
            || (ends_sentence(&text) && !text.ends_with(['）', ')']))
            || text.contains("编者按");
        if body_like {
            break;
        }
        if has_masthead_field(&text) {
            end = index + 1;
        }
    }
    end
}

fn has_masthead_field(text: &str) -> bool {
    issue_number(text).is_some()
        || total_number(text).is_some()
        || masthead_date(text).is_some()
        || editing_unit(text).is_some()
        || text.contains("增刊")
}

fn squeezed(line: &SourceLine) -> String {
    line.plain_text().chars().filter(|&c| !is_space(c)).collect()
}

/// The 报名 line: a few Han characters and nothing else (no number, no date, no `编`).
fn is_name_line(text: &str) -> bool {
    let count = text.chars().count();
    (2..=MAX_NAME_CHARS).contains(&count) && text.chars().all(is_han) && !text.ends_with('编')
}

/// `湖南省人大常委会代表工作委员会编`, alone or followed by the date on the same line
/// (`…委员会编2020年11月2日`, spaces removed): the unit without `编`/`编印`.
pub fn editing_unit(text: &str) -> Option<String> {
    const MIN_UNIT_CHARS: usize = 4;
    for (at, _) in text.match_indices('编') {
        let unit = &text[..at];
        let rest = &text[at + '编'.len_utf8()..];
        let rest = rest.strip_prefix('印').unwrap_or(rest);
        let unit_like = unit.chars().count() >= MIN_UNIT_CHARS && unit.chars().all(is_han);
        if unit_like && (rest.is_empty() || masthead_date(rest).is_some_and(|_| starts_with_date(rest))) {
            return Some(unit.to_owned());
        }
    }
    None
}

fn starts_with_date(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// `第18期`, not the `第…期` inside `总第七百二十期`.
pub fn issue_number(text: &str) -> Option<u32> {
    let mut rest = text;
    while let Some(at) = rest.find('第') {
        let after = &rest[at + '第'.len_utf8()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let preceded_by_total = rest[..at].ends_with('总');
        if !digits.is_empty() && !preceded_by_total && after[digits.len()..].starts_with('期') {
            return digits.parse().ok();
        }
        rest = after;
    }
    None
}

pub fn total_number(text: &str) -> Option<u32> {
    let after = &text[text.find("总第")? + "总第".len()..];
    let number: String = after.chars().take_while(|&c| c != '期').collect();
    number.parse().ok().or_else(|| parse_chinese_numeral(&number))
}

/// The first valid `YYYY年M月D日` in the text.
pub fn masthead_date(text: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|start| date_at(&chars, start))
}

fn date_at(chars: &[char], start: usize) -> Option<NaiveDate> {
    let mut fields = [0u32; 3];
    let mut at = start;
    for (field, unit) in fields.iter_mut().zip(['年', '月', '日']) {
        let digits: String = chars[at..].iter().take_while(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() || digits.len() > 4 || chars.get(at + digits.len()) != Some(&unit) {
            return None;
        }
        *field = digits.parse().ok()?;
        at += digits.len() + 1;
    }
    NaiveDate::from_ymd_opt(i32::try_from(fields[0]).ok()?, fields[1], fields[2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    #[test]
    fn masthead_numbers_are_read_back() {
        assert_eq!(issue_number("联络动态第18期(总第七百二十期)"), Some(18));
        assert_eq!(issue_number("(总第七百二十期)"), None, "总第 is not 第N期");
        assert_eq!(total_number("第18期(总第七百二十期)"), Some(720));
        assert_eq!(total_number("第18期"), None);
        assert_eq!(masthead_date("编2024年11月4日"), NaiveDate::from_ymd_opt(2024, 11, 4));
        assert_eq!(masthead_date("2024年13月4日"), None);
    }

    #[test]
    fn editing_unit_alone_or_before_the_date() {
        assert_eq!(editing_unit("省人大常委会研究室编").as_deref(), Some("省人大常委会研究室"));
        assert_eq!(editing_unit("省人大常委会研究室编2020年11月2日").as_deref(), Some("省人大常委会研究室"));
        assert_eq!(editing_unit("省人大常委会办公厅编印").as_deref(), Some("省人大常委会办公厅"));
        assert_eq!(editing_unit("汇编成册，印发各地"), None, "编 inside a sentence");
        assert_eq!(editing_unit("本刊编"), None, "too short for a unit");
    }

    #[test]
    fn a_masthead_cut_down_to_unit_and_date_is_read_without_numbers() {
        let lines =
            text_lines("省人大常委会选举联络工作委员会编　　　　2020年11月2日\n　　正文第一段讲了一件事。");
        let end = unmarked_masthead_end(&lines);
        assert_eq!(end, 1, "the body starts on the second line");
        let found = read_masthead(&lines[..end]);
        assert_eq!(found.editing_unit.as_deref(), Some("省人大常委会选举联络工作委员会"));
        assert_eq!(found.date, NaiveDate::from_ymd_opt(2020, 11, 2));
        assert_eq!((found.number, found.total_number, found.name.as_deref()), (None, None, None));
    }

    #[test]
    fn a_full_masthead_gives_every_field() {
        let text = "代表工作通讯\n增刊第2期\n（总第三百零五期）\n省人大常委会代表工委编\n2019年3月8日\n标题";
        let lines = text_lines(text);
        let end = unmarked_masthead_end(&lines);
        assert_eq!(end, 5);
        let found = read_masthead(&lines[..end]);
        assert_eq!(found.name.as_deref(), Some("代表工作通讯"));
        assert!(found.supplement);
        assert_eq!((found.number, found.total_number), (Some(2), Some(305)));
    }

    #[test]
    fn a_manuscript_has_no_masthead() {
        let lines = text_lines("关于某事的报告\n　　今年以来，我们做了三件事。");
        assert_eq!(unmarked_masthead_end(&lines), 0);
        assert!(!read_masthead(&lines[..0]).found_anything());
    }
}
