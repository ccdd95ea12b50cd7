//! `check ISSUE_ID|FILE.json [--json]`: the proof checks on a stored issue or an issue file.
//! Findings are not errors: the exit code is 0 whatever is found.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::session::Session;
use super::{output_error, print};
use crate::api::{ById, CheckIssue, CheckIssueRequest, GetIssue};
use crate::domain::IssueFile;
use crate::error::AppError;
use crate::proof::Finding;
use crate::service::{self, FindingView, IssueCheck};
use crate::store::Id;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// 期刊编号（数据库中的一期）或交换格式的期刊文件（.json）
    #[arg(value_name = "ISSUE_ID|FILE.json")]
    pub target: String,
    /// 以 JSON 数组输出全部问题
    #[arg(long)]
    pub json: bool,
    /// 办公室修改过的用词表（制表符分隔的文本；默认使用程序自带的用词表）
    #[arg(long, value_name = "FILE")]
    pub words: Option<PathBuf>,
    /// 数据库中的一期：连同已忽略的问题一起列出（默认不列出，只在标准错误中说明忽略了几处）
    #[arg(long)]
    pub all: bool,
}

/// An issue file to check rather than a stored issue's id: needs no database.
pub fn is_file(args: &CheckArgs) -> bool {
    args.target.parse::<Id>().is_err() || Path::new(&args.target).is_file()
}

pub fn run_file(args: &CheckArgs, out: &mut dyn Write) -> Result<(), AppError> {
    let words = service::load_word_list(args.words.as_deref())?;
    let file = IssueFile::from_json(&super::read_text(Path::new(&args.target))?)?;
    let titles: Vec<String> = file.issue.articles.iter().map(|a| a.title_text()).collect();
    let findings = service::check_issue_file(&file, &words);
    let places: Vec<String> = findings.iter().map(|f| service::place_of(&file.issue, f)).collect();
    print_findings(args, &findings, &places, &titles, out)
}

pub fn run_stored(args: &CheckArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    let id: Id = args.target.parse().map_err(|_| AppError::invalid("期刊编号应为数字"))?;
    let titles: Vec<String> =
        session.call::<GetIssue>(ById { id })?.articles.into_iter().map(|a| a.title).collect();
    // `--words` overrides the office's list stored with the publication; it is read and
    // checked here, so a broken file is reported by its name wherever the issue is checked.
    let words = match args.words.as_deref() {
        Some(path) => {
            service::load_word_list(Some(path))?;
            Some(super::read_text(path)?)
        }
        None => None,
    };
    let check = session.call::<CheckIssue>(CheckIssueRequest { issue_id: id, words })?;
    let shown = shown_findings(check, args.all);
    let places: Vec<String> = shown.iter().map(|view| view.place.clone()).collect();
    let findings: Vec<Finding> = shown.into_iter().map(|view| view.finding).collect();
    print_findings(args, &findings, &places, &titles, out)
}

fn print_findings(
    args: &CheckArgs,
    findings: &[Finding],
    places: &[String],
    titles: &[String],
    out: &mut dyn Write,
) -> Result<(), AppError> {
    if args.json {
        return print::json(out, &findings);
    }
    out.write_all(human(findings, places, titles).as_bytes()).map_err(output_error)
}

/// The stored issue's findings, those someone ignored left out unless `all` (and counted on
/// stderr, so that the output stays the list and the reader still learns of them).
fn shown_findings(check: IssueCheck, all: bool) -> Vec<FindingView> {
    if all {
        return check.findings;
    }
    if check.ignored_count > 0 {
        eprintln!("另有 {} 处问题已被忽略，未列出；加 --all 可一并列出。", check.ignored_count);
    }
    check.open_findings().cloned().collect()
}

/// The findings grouped by article, each with its place (`places`, one per finding), text,
/// reason and fix.
fn human(findings: &[Finding], places: &[String], titles: &[String]) -> String {
    if findings.is_empty() {
        return "未发现问题。\n".into();
    }
    let mut text = format!("共发现 {} 处问题：\n", findings.len());
    let mut group = None;
    for (finding, place) in findings.iter().zip(places) {
        if group != Some(finding.article) {
            group = Some(finding.article);
            let heading = match finding.article {
                Some(index) => {
                    let title = titles.get(index as usize).map_or("", String::as_str);
                    format!("第 {} 篇：{title}", index + 1)
                }
                None => "报头与报尾".into(),
            };
            text.push_str(&format!("\n【{heading}】\n"));
        }
        text.push_str(&format!(
            "· [{}] {place}第 {}～{} 字“{}”：{}\n",
            finding.rule.family(),
            finding.start + 1,
            finding.end,
            excerpt(&finding.text),
            finding.message
        ));
        if let Some(suggestion) = &finding.suggestion {
            text.push_str(&format!("  建议改为：“{suggestion}”\n"));
        }
    }
    text
}

/// A long flagged text (a whole sentence) shortened to its beginning and end.
fn excerpt(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 30 {
        return text.to_owned();
    }
    let head: String = chars[..16].iter().collect();
    let tail: String = chars[chars.len() - 8..].iter().collect();
    format!("{head}……{tail}")
}
