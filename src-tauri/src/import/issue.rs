//! A whole back issue from its text, in pipeline order: masthead and 要目 → footer → page
//! furniture → paragraphs rebuilt from printed lines → the issue's own 编者按 → article titles
//! (from the 要目, the marks, or the text's own cues) → articles.
//!
//! What the text does not say (a number, a date) stays unknown in `RecognisedIssue` and is
//! asked for: `complete` takes the user's values, and never invents one.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::article::is_title_mark;
use super::cleanup::is_page_number;
use super::contents::{
    contents_end, contents_entries, contents_heading, contents_mismatches, mark_titles_from_contents,
};
use super::footer::{FooterFound, parse_footer, starts_footer};
use super::issue_note::{imported_note, take_issue_note};
use super::lines::{LineMark, SourceLine, text_lines};
use super::masthead::{MastheadFound, read_masthead, unmarked_masthead_end};
use super::page_furniture::without_page_furniture;
use super::paragraphs::rebuild_paragraphs;
use super::text_shape::TextShape;
use super::titles::{is_title_candidate, mark_titles};
use super::{CleanupContext, ImportError, ImportedArticle, imported_articles, running_heads};
use crate::domain::{Issue, IssueImprint, IssueKind, IssueStatus};

/// The masthead of an old issue, complete: as read, with what was missing supplied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Masthead {
    #[ts(optional)]
    pub name: Option<String>,
    pub kind: IssueKind,
    pub number: u32,
    pub total_number: u32,
    pub date: NaiveDate,
    #[ts(optional)]
    pub editing_unit: Option<String>,
}

/// An old issue read from its text, before review, with a complete masthead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedIssue {
    pub masthead: Masthead,
    /// 要目 entries as printed.
    pub contents: Vec<String>,
    /// The issue's own 编者按, before its first article.
    #[ts(optional)]
    pub editor_note: Option<ImportedArticle>,
    pub articles: Vec<ImportedArticle>,
    #[ts(optional)]
    pub footer: Option<FooterFound>,
    pub warnings: Vec<String>,
}

/// An old issue as recognised, with the masthead fields it did not show left unknown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RecognisedIssue {
    pub masthead: MastheadFound,
    pub contents: Vec<String>,
    #[ts(optional)]
    pub editor_note: Option<ImportedArticle>,
    pub articles: Vec<ImportedArticle>,
    #[ts(optional)]
    pub footer: Option<FooterFound>,
    pub warnings: Vec<String>,
}

/// Masthead values the user gives for an issue whose text does not show them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MastheadFill {
    #[ts(optional)]
    pub number: Option<u32>,
    #[ts(optional)]
    pub total_number: Option<u32>,
    #[ts(optional)]
    pub date: Option<NaiveDate>,
}

/// A masthead field that was neither found nor given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MissingField {
    Number,
    TotalNumber,
    Date,
}

impl MissingField {
    /// What is missing, in the words of the masthead.
    pub fn label(self) -> &'static str {
        match self {
            MissingField::Number => "期号（第N期）",
            MissingField::TotalNumber => "总期号（总第X期）",
            MissingField::Date => "出刊日期（X年X月X日）",
        }
    }

    /// The `jianbao-cli` option that supplies it.
    pub fn option(self) -> &'static str {
        match self {
            MissingField::Number => "--number",
            MissingField::TotalNumber => "--total",
            MissingField::Date => "--date",
        }
    }
}

impl RecognisedIssue {
    /// The fields neither found nor given in `fill`.
    pub fn missing(&self, fill: &MastheadFill) -> Vec<MissingField> {
        let found = &self.masthead;
        let mut missing = Vec::new();
        if found.number.or(fill.number).is_none() {
            missing.push(MissingField::Number);
        }
        if found.total_number.or(fill.total_number).is_none() {
            missing.push(MissingField::TotalNumber);
        }
        if found.date.or(fill.date).is_none() {
            missing.push(MissingField::Date);
        }
        missing
    }

    /// The issue with its masthead completed: the user's values win over what was read (they
    /// are a correction), and a difference between the two is noted.
    pub fn complete(self, fill: &MastheadFill) -> Result<ImportedIssue, Vec<MissingField>> {
        let missing = self.missing(fill);
        let found = &self.masthead;
        let (Some(number), Some(total_number), Some(date)) = (
            fill.number.or(found.number),
            fill.total_number.or(found.total_number),
            fill.date.or(found.date),
        ) else {
            return Err(missing);
        };
        let mut warnings = self.warnings;
        let mut note_override = |what: &str, read: Option<String>, given: String| {
            if let Some(read) = read.filter(|read| *read != given) {
                warnings.push(format!("{what}：正文中为“{read}”，按指定的“{given}”导入"));
            }
        };
        note_override("期号", found.number.map(|n| n.to_string()), number.to_string());
        note_override("总期号", found.total_number.map(|n| n.to_string()), total_number.to_string());
        note_override("出刊日期", found.date.map(|d| d.to_string()), date.to_string());
        let masthead = Masthead {
            name: found.name.clone(),
            kind: found.kind(),
            number,
            total_number,
            date,
            editing_unit: found.editing_unit.clone(),
        };
        Ok(ImportedIssue {
            masthead,
            contents: self.contents,
            editor_note: self.editor_note,
            articles: self.articles,
            footer: self.footer,
            warnings,
        })
    }
}

impl ImportedIssue {
    /// The issue with the safe cleanup applied, as a draft, keeping the editing unit and
    /// footer it printed as its imprint.
    pub fn to_issue(&self) -> Issue {
        let imprint =
            IssueImprint { editing_unit: self.masthead.editing_unit.clone(), footer: self.footer.clone() };
        Issue {
            kind: self.masthead.kind,
            year: self.masthead.date.year(),
            number: self.masthead.number,
            total_number: self.masthead.total_number,
            date: self.masthead.date,
            status: IssueStatus::Draft,
            editor_note: self
                .editor_note
                .as_ref()
                .map(|note| note.with_safe_changes().editor_note)
                .unwrap_or_default(),
            imprint: (imprint != IssueImprint::default()).then_some(imprint),
            articles: self.articles.iter().map(ImportedArticle::with_safe_changes).collect(),
        }
    }
}

/// A complete back issue from its text; refused when a masthead field is missing.
pub fn import_issue_text(name: &str, text: &str) -> Result<ImportedIssue, ImportError> {
    import_issue_lines(name, &text_lines(text))
}

/// The complete issue in source lines from any reader (text, .docx or PDF).
pub fn import_issue_lines(name: &str, lines: &[SourceLine]) -> Result<ImportedIssue, ImportError> {
    recognise_issue_lines(name, lines)?.complete(&MastheadFill::default()).map_err(|missing| {
        let missing: Vec<String> = missing.iter().map(|field| format!("没有找到{}", field.label())).collect();
        ImportError::NotAnIssue { name: name.into(), missing: missing.join("，") }
    })
}

/// The issue as far as its text shows it.
pub fn recognise_issue_text(name: &str, text: &str) -> Result<RecognisedIssue, ImportError> {
    recognise_issue_lines(name, &text_lines(text))
}

pub fn recognise_issue_lines(name: &str, lines: &[SourceLine]) -> Result<RecognisedIssue, ImportError> {
    let parts = IssueParts::find(lines);
    let masthead = read_masthead(&lines[..parts.masthead_end]);
    let contents: Vec<String> = match parts.contents_at {
        Some(at) => contents_entries(&lines[at + 1..parts.contents_end]),
        None => vec![],
    };
    let body = &lines[parts.contents_end.max(parts.masthead_end)..parts.footer_at];
    let body = without_page_furniture(body, masthead.name.as_deref());
    let shape = TextShape::of(&body);
    let mut body = rebuild_paragraphs(body, &shape);
    let mut titled = body.iter().any(is_title_mark) || mark_titles_from_contents(&mut body, &contents);
    let note = if titled {
        take_issue_note(&mut body, is_title_mark)
    } else {
        let note = take_issue_note(&mut body, is_title_candidate);
        titled = mark_titles(&mut body, &shape);
        note
    };
    let groups = split_articles(&body);
    if groups.is_empty() && note.is_empty() {
        return Err(ImportError::NoArticles { name: name.into() });
    }
    let mut heads = running_heads(&body);
    heads.extend(masthead.name.clone());
    let mut warnings = Vec::new();
    let articles = imported_articles(groups.iter().map(|g| g.as_slice()), &heads, &mut warnings);
    warnings.extend(contents_mismatches(&contents, &articles));
    if !titled && !articles.is_empty() {
        warnings.push("没有识别出文章标题，全部内容暂作一篇文章，请在编辑器中拆分".into());
    }
    let editor_note = imported_note(&note, &CleanupContext { running_heads: heads });
    let footer_lines: Vec<String> = lines[parts.footer_at..]
        .iter()
        .filter(|l| l.mark != LineMark::Rule)
        .map(SourceLine::plain_text)
        .filter(|text| !is_page_number(text))
        .collect();
    let footer = (!footer_lines.is_empty()).then(|| parse_footer(&footer_lines));
    Ok(RecognisedIssue { masthead, contents, editor_note, articles, footer, warnings })
}

/// Where the parts of the issue's text begin and end.
struct IssueParts {
    masthead_end: usize,
    contents_at: Option<usize>,
    contents_end: usize,
    footer_at: usize,
}

impl IssueParts {
    fn find(lines: &[SourceLine]) -> Self {
        let contents_at = contents_heading(lines);
        let masthead_end = contents_at.unwrap_or_else(|| match first_title(lines) {
            Some(title) => title,
            None => unmarked_masthead_end(lines),
        });
        let search_from = contents_at.map_or(masthead_end, |at| at + 1);
        let footer_at = (search_from..lines.len())
            .find(|&i| starts_footer(&lines[i].plain_text()))
            .unwrap_or(lines.len());
        let contents_end = contents_at.map_or(search_from, |_| contents_end(lines, search_from, footer_at));
        IssueParts { masthead_end, contents_at, contents_end, footer_at }
    }
}

/// Without a 要目, the masthead of marked text ends at the first title after its first line.
fn first_title(lines: &[SourceLine]) -> Option<usize> {
    lines.iter().skip(1).position(is_title_mark).map(|at| at + 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_without_a_masthead_is_refused() {
        let error = import_issue_text("稿件.txt", "这只是一段话。").expect_err("no masthead");
        assert!(error.to_string().contains("期号"), "{error}");
    }

    #[test]
    fn missing_fields_are_asked_for_and_given_values_fill_them() {
        let text =
            "省人大常委会代表工委编　2020年11月2日\n代表之家建设观察\n　　各地代表之家建设取得新进展。";
        let recognised = recognise_issue_text("旧刊.txt", text).expect("an issue");
        let fill = MastheadFill::default();
        assert_eq!(recognised.missing(&fill), [MissingField::Number, MissingField::TotalNumber]);
        let fill = MastheadFill { number: Some(21), total_number: Some(455), date: None };
        let issue = recognised.complete(&fill).expect("complete now").to_issue();
        assert_eq!((issue.number, issue.total_number, issue.year), (21, 455, 2020));
        let imprint = issue.imprint.expect("the unit as printed is kept");
        assert_eq!(imprint.editing_unit.as_deref(), Some("省人大常委会代表工委"));
    }

    #[test]
    fn a_given_value_that_differs_from_the_text_is_noted() {
        let text = "第5期\n（总第九十期）\n某委员会编\n2020年1月2日\n标题\n正文。";
        let recognised = recognise_issue_text("a.txt", text).expect("an issue");
        let fill = MastheadFill { number: Some(6), ..MastheadFill::default() };
        let issue = recognised.complete(&fill).expect("complete");
        assert_eq!(issue.masthead.number, 6);
        assert!(issue.warnings.iter().any(|w| w.contains("正文中为“5”")), "{:?}", issue.warnings);
    }
}
