//! `import-archive DIR`: back issues in bulk. Prints the review list (one line per file, its
//! articles under it), then imports the ready ones unless `--dry-run`. A progress bar goes to
//! stderr when it is a terminal.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::output_error;
use crate::error::AppError;
use crate::import::MastheadFill;
use crate::numbering::{format_masthead_date, issue_label};
use crate::service::{self, ArchiveCommit, ArchiveEntry, ArchiveProgress, ArchiveReview, ArchiveStatus};
use crate::store::Store;

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// 存放往期简报（.pdf、.docx、.txt）的文件夹，或其中一个文件
    #[arg(value_name = "DIR")]
    pub path: PathBuf,
    /// 期号（第N期），用于正文中找不到期号的单个文件
    #[arg(long)]
    pub number: Option<u32>,
    /// 总期号（总第X期），用于单个文件
    #[arg(long)]
    pub total: Option<u32>,
    /// 出刊日期，如 2025-09-02 或 2025年9月2日，用于单个文件
    #[arg(long, value_parser = super::args::parse_date)]
    pub date: Option<NaiveDate>,
    /// 只分析并列出结果，不导入
    #[arg(long)]
    pub dry_run: bool,
    /// 以 JSON 输出审阅清单和导入结果
    #[arg(long)]
    pub json: bool,
}

/// The review list and what was imported, as `--json` prints them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ArchiveOutput {
    files: Vec<ArchiveEntry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<ArchiveCommit>,
}

pub fn run(args: &ArchiveArgs, store: &mut dyn Store, out: &mut dyn Write) -> Result<(), AppError> {
    service::ensure_publication(store)?;
    let files = service::archive_files(&args.path)?;
    let fill = MastheadFill { number: args.number, total_number: args.total, date: args.date };
    if fill != MastheadFill::default() && files.len() > 1 {
        return Err(AppError::invalid(format!(
            "--number、--total、--date 只能用于单个文件，而“{}”中有 {} 个文件；请对需补充的文件单独运行，如 jianbao-cli import-archive 文件.pdf --number 5 --total 480 --date 2019-06-18",
            args.path.display(),
            files.len()
        )));
    }
    let mut bar = ProgressBar::new("分析");
    let review = service::analyse_archive(store, &files, &fill, &mut |p| bar.show(p))?;
    let commit = if args.dry_run {
        None
    } else {
        let mut bar = ProgressBar::new("导入");
        Some(service::commit_archive(store, &review, &mut |p| bar.show(p))?)
    };
    if args.json {
        let files =
            review.entries.iter().map(|entry| ArchiveEntry { issue: None, ..entry.clone() }).collect();
        let output = ArchiveOutput { files, commit: commit.clone() };
        super::print::json(out, &output)?;
    } else {
        out.write_all(review_text(&review, commit.as_ref(), args.dry_run).as_bytes())
            .map_err(output_error)?;
    }
    let imported = commit.as_ref().map_or(review.count(ArchiveStatus::Ready), |c| c.imported.len());
    if imported == 0 {
        return Err(AppError::invalid("没有可导入的往期：请按上面每个文件后的说明处理后再导入"));
    }
    Ok(())
}

fn review_text(review: &ArchiveReview, commit: Option<&ArchiveCommit>, dry_run: bool) -> String {
    let mut text = format!(
        "共 {} 个文件：可导入 {}，需补充 {}，重复 {}，无法读取 {}\n",
        review.entries.len(),
        review.count(ArchiveStatus::Ready),
        review.count(ArchiveStatus::NeedsInput),
        review.count(ArchiveStatus::Duplicate),
        review.count(ArchiveStatus::Failed),
    );
    for entry in &review.entries {
        text.push_str(&entry_lines(entry));
    }
    match commit {
        None if dry_run => text.push_str("试运行：未导入任何一期\n"),
        None => {}
        Some(commit) => {
            for failure in &commit.failed {
                text.push_str(&format!("导入失败 {}：{}\n", failure.file, failure.message));
            }
            let ids: Vec<String> = commit.imported.iter().map(|i| i.issue_id.to_string()).collect();
            text.push_str(&format!("已导入 {} 期（期刊编号 {}）\n", commit.imported.len(), ids.join("、")));
        }
    }
    text
}

fn entry_lines(entry: &ArchiveEntry) -> String {
    let mut text = format!("[{}] {}", entry.status.as_chinese(), entry.file);
    if let Some(issue) = &entry.issue {
        text.push_str(&format!(
            "  {}年{}（总第{}期） {}",
            issue.year,
            issue_label(issue.kind, issue.number),
            issue.total_number,
            format_masthead_date(issue.date)
        ));
    }
    let unit = entry.masthead.as_ref().and_then(|m| m.editing_unit.as_deref());
    if let Some(unit) = unit {
        text.push_str(&format!("  {unit}编"));
    }
    if entry.status != ArchiveStatus::Failed {
        text.push_str(&format!("  {} 篇", entry.articles.len()));
        if entry.has_editor_note {
            text.push_str("，有本期编者按");
        }
    }
    text.push('\n');
    for article in &entry.articles {
        let attribution = match (&article.source, article.contributors.is_empty()) {
            (Some(source), _) => format!("（摘编自{source}）"),
            (None, false) => format!("（{} 供稿）", article.contributors.join("、")),
            (None, true) => String::new(),
        };
        text.push_str(&format!("    ● {}{attribution}\n", article.title));
    }
    if entry.status == ArchiveStatus::NeedsInput {
        let options: Vec<String> =
            entry.missing.iter().map(|field| format!("{} …", field.option())).collect();
        text.push_str(&format!(
            "    需补充：{}；请单独运行 jianbao-cli import-archive \"{}\" {}\n",
            entry.missing.iter().map(|field| field.label()).collect::<Vec<_>>().join("、"),
            entry.file,
            options.join(" ")
        ));
    }
    for problem in &entry.problems {
        text.push_str(&format!("    提示：{problem}\n"));
    }
    text
}

/// A one-line bar on stderr, redrawn in place; nothing when stderr is not a terminal.
struct ProgressBar {
    what: &'static str,
    terminal: bool,
}

impl ProgressBar {
    const WIDTH: usize = 30;

    fn new(what: &'static str) -> Self {
        ProgressBar { what, terminal: std::io::stderr().is_terminal() }
    }

    fn show(&mut self, progress: &ArchiveProgress) {
        if !self.terminal || progress.total == 0 {
            return;
        }
        let filled = Self::WIDTH * progress.done / progress.total;
        let bar = format!("{}{}", "█".repeat(filled), "░".repeat(Self::WIDTH - filled));
        let end = if progress.done == progress.total { "\n" } else { "" };
        eprint!("\r{} {bar} {}/{} {}\x1b[K{end}", self.what, progress.done, progress.total, progress.file);
    }
}
