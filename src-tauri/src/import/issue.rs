//! A whole back issue from its text: masthead (报名, 第N期, 总第X期, date, editing unit),
//! 要目, articles and footer.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::article::is_title_mark;
use super::chars::{is_chinese, is_space};
use super::footer::{FooterFound, parse_footer, starts_footer};
use super::lines::{LineMark, SourceLine, text_lines};
use super::{ImportError, ImportedArticle, imported_articles, running_heads};
use crate::domain::{Issue, IssueKind, IssueStatus};
use crate::numbering::parse_chinese_numeral;

/// The masthead of an old issue as read from its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Masthead {
    pub name: String,
    pub kind: IssueKind,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
    #[ts(optional)]
    pub editing_unit: Option<String>,
}

/// An old issue read from its text, before review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedIssue {
    pub masthead: Masthead,
    /// 要目 entries as printed.
    pub contents: Vec<String>,
    pub articles: Vec<ImportedArticle>,
    #[ts(optional)]
    pub footer: Option<FooterFound>,
    pub warnings: Vec<String>,
}

impl ImportedIssue {
    /// The issue with the safe cleanup applied, as a draft.
    pub fn to_issue(&self) -> Issue {
        Issue {
            kind: self.masthead.kind,
            year: self.masthead.date.year(),
            number: self.masthead.number,
            total_number: self.masthead.total_number,
            date: self.masthead.date,
            status: IssueStatus::Draft,
            articles: self.articles.iter().map(ImportedArticle::with_safe_changes).collect(),
        }
    }
}

pub fn import_issue_text(name: &str, text: &str) -> Result<ImportedIssue, ImportError> {
    import_issue_lines(name, &text_lines(text))
}

/// The issue in source lines from any reader (text or .docx).
pub fn import_issue_lines(name: &str, lines: &[SourceLine]) -> Result<ImportedIssue, ImportError> {
    let contents_at = lines.iter().position(|line| squeezed(line) == "要目");
    let search_from = contents_at.map_or(0, |at| at + 1);
    let footer_at =
        (search_from..lines.len()).find(|&i| starts_footer(&lines[i].plain_text())).unwrap_or(lines.len());
    let contents_end = contents_at.map_or(search_from, |_| contents_end(lines, search_from, footer_at));
    let contents: Vec<String> = match contents_at {
        Some(at) => lines[at + 1..contents_end].iter().map(contents_entry).collect(),
        None => vec![],
    };
    let masthead_end = contents_at.unwrap_or_else(|| first_title(lines).unwrap_or(0));
    let masthead = read_masthead(name, &lines[..masthead_end])?;
    let mut body: Vec<SourceLine> = lines[contents_end.max(masthead_end)..footer_at].to_vec();
    mark_titles_from_contents(&mut body, &contents);
    let groups = split_articles(&body);
    if groups.is_empty() {
        return Err(ImportError::NoArticles { name: name.into() });
    }
    let mut heads = running_heads(&body);
    heads.insert(masthead.name.clone());
    let mut warnings = Vec::new();
    let articles = imported_articles(groups.iter().map(|g| g.as_slice()), &heads, &mut warnings);
    warnings.extend(contents_mismatches(&contents, &articles));
    let footer_lines: Vec<String> =
        lines[footer_at..].iter().filter(|l| l.mark != LineMark::Rule).map(SourceLine::plain_text).collect();
    let footer = (!footer_lines.is_empty()).then(|| parse_footer(&footer_lines));
    Ok(ImportedIssue { masthead, contents, articles, footer, warnings })
}

/// The 要目 ends at a marked line, at a blank line before something that is not an entry,
/// or where the first entry's title comes back as the first article's title (text with no
/// blank lines, as from Word).
fn contents_end(lines: &[SourceLine], first: usize, footer_at: usize) -> usize {
    let first_entry = lines.get(first).map(|line| comparable(&contents_entry(line))).unwrap_or_default();
    (first..footer_at)
        .find(|&i| {
            let line = &lines[i];
            let later = i > first;
            let separated = later && line.blank_before && !is_contents_entry(line);
            let text = comparable(&line.plain_text());
            let title_again = later && !text.is_empty() && first_entry.starts_with(&text);
            line.mark != LineMark::Plain || separated || title_again
        })
        .unwrap_or(footer_at)
}

fn squeezed(line: &SourceLine) -> String {
    line.plain_text().chars().filter(|&c| !is_space(c)).collect()
}

/// Han, letters and digits only: how titles are compared with 要目 entries, whatever the
/// punctuation width, quotes and spaces of either.
fn comparable(text: &str) -> String {
    text.chars().filter(|&c| c.is_alphanumeric() && !is_chinese(c) || super::chars::is_han(c)).collect()
}

fn contents_entry(line: &SourceLine) -> String {
    line.plain_text().trim_start_matches(['●', '•', '·', ' ']).trim().to_owned()
}

fn is_contents_entry(line: &SourceLine) -> bool {
    line.plain_text().starts_with('●')
}

/// Without a 要目, the masthead ends at the first title after its first line (the 报名).
fn first_title(lines: &[SourceLine]) -> Option<usize> {
    lines.iter().skip(1).position(is_title_mark).map(|at| at + 1)
}

/// Without `#` marks, a line that begins a 要目 entry begins that article; following lines
/// that continue the entry are the rest of its title.
fn mark_titles_from_contents(body: &mut [SourceLine], contents: &[String]) {
    if body.iter().any(is_title_mark) {
        return;
    }
    let mut entries = contents.iter().map(|entry| comparable(entry)).peekable();
    let mut i = 0;
    while i < body.len() {
        let Some(entry) = entries.peek().cloned() else { break };
        let text = comparable(&body[i].plain_text());
        if !text.is_empty() && entry.starts_with(&text) {
            body[i].mark = LineMark::Title;
            let mut matched = text;
            while matched.len() < entry.len() && i + 1 < body.len() {
                let next = comparable(&body[i + 1].plain_text());
                if next.is_empty() || !entry[matched.len()..].starts_with(&next) {
                    break;
                }
                matched.push_str(&next);
                i += 1;
                body[i].mark = LineMark::Title;
            }
            entries.next();
        }
        i += 1;
    }
}

fn split_articles(body: &[SourceLine]) -> Vec<Vec<SourceLine>> {
    let mut groups: Vec<Vec<SourceLine>> = Vec::new();
    for (index, line) in body.iter().enumerate() {
        let continues_title =
            line.mark == LineMark::Title && index > 0 && body[index - 1].mark == LineMark::Title;
        if is_title_mark(line) && !continues_title || groups.is_empty() {
            groups.push(Vec::new());
        }
        if let Some(group) = groups.last_mut() {
            group.push(line.clone());
        }
    }
    groups.retain(|group| group.iter().any(|line| line.mark != LineMark::Rule));
    groups
}

fn read_masthead(name: &str, lines: &[SourceLine]) -> Result<Masthead, ImportError> {
    let texts: Vec<String> = lines.iter().map(squeezed).filter(|t| !t.is_empty()).collect();
    let all = texts.concat();
    let number = issue_number(&all);
    let total_number = total_number(&all);
    let date = masthead_date(&all);
    let mut missing = Vec::new();
    if number.is_none() {
        missing.push("没有找到期号（第N期）");
    }
    if total_number.is_none() {
        missing.push("没有找到总期号（总第X期）");
    }
    if date.is_none() {
        missing.push("没有找到出刊日期（X年X月X日）");
    }
    match (number, total_number, date) {
        (Some(number), Some(total_number), Some(date)) => Ok(Masthead {
            name: texts.first().cloned().unwrap_or_default(),
            kind: if all.contains("增刊") { IssueKind::Supplement } else { IssueKind::Regular },
            number,
            total_number,
            date,
            editing_unit: texts
                .iter()
                .find_map(|t| t.strip_suffix('编'))
                .filter(|u| !u.is_empty())
                .map(String::from),
        }),
        _ => Err(ImportError::NotAnIssue { name: name.into(), missing: missing.join("，") }),
    }
}

/// `第18期`, not the `第…期` inside `总第七百二十期`.
fn issue_number(text: &str) -> Option<u32> {
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

fn total_number(text: &str) -> Option<u32> {
    let after = &text[text.find("总第")? + "总第".len()..];
    let number: String = after.chars().take_while(|&c| c != '期').collect();
    number.parse().ok().or_else(|| parse_chinese_numeral(&number))
}

fn masthead_date(text: &str) -> Option<NaiveDate> {
    let chars: Vec<char> = text.chars().collect();
    for start in 0..chars.len() {
        let mut fields = [0u32; 3];
        let mut at = start;
        let mut ok = true;
        for (field, unit) in fields.iter_mut().zip(['年', '月', '日']) {
            let digits: String = chars[at..].iter().take_while(|c| c.is_ascii_digit()).collect();
            if digits.is_empty() || digits.len() > 4 || chars.get(at + digits.len()) != Some(&unit) {
                ok = false;
                break;
            }
            *field = digits.parse().unwrap_or(0);
            at += digits.len() + 1;
        }
        if let Some(date) =
            ok.then(|| NaiveDate::from_ymd_opt(fields[0] as i32, fields[1], fields[2])).flatten()
        {
            return Some(date);
        }
    }
    None
}

fn contents_mismatches(contents: &[String], articles: &[ImportedArticle]) -> Vec<String> {
    if contents.is_empty() {
        return vec!["没有找到要目；要目将按文章标题重新生成".into()];
    }
    let titles: Vec<String> = articles.iter().map(|a| a.with_safe_changes().title_text()).collect();
    let mut warnings = Vec::new();
    if contents.len() != titles.len() {
        warnings.push(format!("要目有 {} 条，正文识别出 {} 篇文章，请核对", contents.len(), titles.len()));
    }
    for (entry, title) in contents.iter().zip(&titles) {
        if comparable(entry) != comparable(title) {
            warnings.push(format!("要目“{entry}”与标题“{title}”不一致（要目将按标题重新生成）"));
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_numbers_are_read_back() {
        assert_eq!(issue_number("联络动态第18期(总第七百二十期)"), Some(18));
        assert_eq!(total_number("第18期(总第七百二十期)"), Some(720));
        assert_eq!(masthead_date("编2024年11月4日"), NaiveDate::from_ymd_opt(2024, 11, 4));
        assert_eq!(masthead_date("2024年13月4日"), None);
    }

    #[test]
    fn text_without_a_masthead_is_refused() {
        let error = import_issue_text("稿件.txt", "这只是一段话。").expect_err("no masthead");
        assert!(error.to_string().contains("期号"), "{error}");
    }
}
