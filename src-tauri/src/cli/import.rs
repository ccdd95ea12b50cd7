//! `import` and `import-issue`: what they print.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::output_error;
use super::session::Session;
use crate::api::{
    Bytes, ImportBackIssue, ImportBackIssueRequest, ImportManuscripts, ImportManuscriptsRequest, UploadedFile,
};
use crate::error::AppError;
use crate::import::Proposal;
use crate::service::{ImportSource, ImportedArticleReport};
use crate::store::Id;

pub fn run_import(
    session: &mut Session,
    files: &[PathBuf],
    issue: Id,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    let request = manuscripts(files, issue)?;
    let report = session.call::<ImportManuscripts>(request)?;
    let mut text = String::new();
    if !report.articles.is_empty() || report.returned_proofs.is_empty() {
        text.push_str(&format!("已导入 {} 篇文章到期刊 {}\n", report.articles.len(), report.issue_id));
    }
    for article in &report.articles {
        text.push_str(&article_lines(article));
    }
    for returned in &report.returned_proofs {
        text.push_str(&format!(
            "已带回 Word 校样“{}”：{} 篇文章有改动，待处理的修改建议 {} 处，新批注 {} 条，回复 {} 条\n",
            returned.source,
            returned.articles_changed,
            returned.suggestions,
            returned.new_threads,
            returned.replies
        ));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

/// The files, read here (type and size checked before reading), or the pasted text.
fn manuscripts(files: &[PathBuf], issue_id: Id) -> Result<ImportManuscriptsRequest, AppError> {
    let pasted = files.iter().any(|f| f == Path::new("-"));
    if pasted {
        if files.len() > 1 {
            return Err(AppError::invalid("“-”（从标准输入读取粘贴的文字）不能与文件一起导入，请分两次导入"));
        }
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| AppError::invalid(format!("无法读取标准输入的文字（须为 UTF-8）：{e}")))?;
        return Ok(ImportManuscriptsRequest { issue_id, files: vec![], pasted: Some(text) });
    }
    let files = files.iter().map(|path| uploaded(path)).collect::<Result<Vec<_>, _>>()?;
    Ok(ImportManuscriptsRequest { issue_id, files, pasted: None })
}

fn uploaded(path: &Path) -> Result<UploadedFile, AppError> {
    let source = ImportSource::read(path)?;
    Ok(UploadedFile { name: source.name, bytes: Bytes(source.bytes) })
}

pub fn run_import_issue(session: &mut Session, file: &Path, out: &mut dyn Write) -> Result<(), AppError> {
    let report = session.call::<ImportBackIssue>(ImportBackIssueRequest { file: uploaded(file)? })?;
    let masthead = &report.masthead;
    let mut text = format!(
        "{}\n{}年{}（总第{}期），{}，{} 篇文章\n",
        report.issue_id,
        masthead.date.format("%Y"),
        crate::numbering::issue_label(masthead.kind, masthead.number),
        masthead.total_number,
        crate::numbering::format_masthead_date(masthead.date),
        report.articles.len()
    );
    for article in &report.articles {
        text.push_str(&article_lines(article));
    }
    for difference in &report.setting_differences {
        text.push_str(&format!("与刊物设置不同：{difference}\n"));
    }
    for warning in &report.warnings {
        text.push_str(&format!("提示：{warning}\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn article_lines(article: &ImportedArticleReport) -> String {
    let mut text = format!(
        "文章 {}：{}（来自 {}，已自动整理 {} 处，待确认 {} 处）\n",
        article.article_id,
        article.title,
        article.source,
        article.applied,
        article.pending.len()
    );
    for proposal in &article.pending {
        text.push_str(&proposal_line(proposal));
    }
    for warning in &article.warnings {
        text.push_str(&format!("  提示：{warning}\n"));
    }
    text
}

fn proposal_line(proposal: &Proposal) -> String {
    format!(
        "  待确认 #{} 第{}块第{}字：“{}”→“{}”：{}\n",
        proposal.id,
        proposal.location.block + 1,
        proposal.location.start + 1,
        proposal.before,
        proposal.after,
        proposal.message
    )
}
