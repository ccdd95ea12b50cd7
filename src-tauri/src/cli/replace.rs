//! `replace ISSUE_ID FIND REPLACEMENT [--dry-run] [--by NAME]`: 全部替换 across a stored
//! issue, each change printed with the text around it, then the count.

use std::io::Write;

use clap::Args;

use super::session::Session;
use super::{output_error, print};
use crate::api::ReplaceInIssue;
use crate::error::AppError;
use crate::find::FindOptions;
use crate::service::{ReplaceReport, ReplaceRequest};
use crate::store::Id;

#[derive(Debug, Args)]
pub struct ReplaceArgs {
    /// 期刊编号
    #[arg(value_name = "ISSUE_ID")]
    pub id: Id,
    /// 要查找的文字
    #[arg(value_name = "FIND")]
    pub find: String,
    /// 替换为（可以是空字符串 ""，即删去）
    #[arg(value_name = "REPLACEMENT")]
    pub replacement: String,
    /// 只列出会改动的地方和处数，不保存
    #[arg(long)]
    pub dry_run: bool,
    /// 全角半角视为相同（查“,”也找到“，”）
    #[arg(long)]
    pub fold_width: bool,
    /// 记为修改建议（建议模式），由编辑逐条采纳或拒绝
    #[arg(long)]
    pub suggest: bool,
    /// 只替换这一篇文章（文章编号）
    #[arg(long, value_name = "ARTICLE_ID")]
    pub article: Option<Id>,
    /// 操作人姓名，记在修订历史中（默认读取环境变量 JIANBAO_USER；连接办公室服务器时记在登录的账号名下）
    #[arg(long, env = "JIANBAO_USER")]
    pub by: Option<String>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: ReplaceArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    let request = ReplaceRequest {
        issue_id: args.id,
        find: args.find,
        replacement: args.replacement,
        options: FindOptions { fold_width: args.fold_width },
        dry_run: args.dry_run,
        suggest: args.suggest,
        article_id: args.article,
        author: args.by,
    };
    let report = session.call::<ReplaceInIssue>(request)?;
    if args.json {
        return print::json(out, &report);
    }
    out.write_all(report_text(&report).as_bytes()).map_err(output_error)
}

fn report_text(report: &ReplaceReport) -> String {
    let mut text = String::new();
    for article in &report.articles {
        text.push_str(&format!("《{}》\n", article.title));
        for change in &article.changes {
            let place = change.place.label();
            match &change.left {
                Some(why) => text.push_str(&format!("  {place}：{}（未替换：{why}）\n", change.before)),
                None => text.push_str(&format!("  {place}：{} → {}\n", change.before, change.after)),
            }
        }
    }
    let articles = report.articles.iter().filter(|a| a.changes.iter().any(|c| c.left.is_none())).count();
    text.push_str(&match (report.replaced, report.dry_run) {
        (0, _) => "没有可替换的地方。".to_owned(),
        (n, true) => format!("共 {n} 处、{articles} 篇文章会被替换（试运行，没有保存）。"),
        (n, false) => format!("已替换 {n} 处，涉及 {articles} 篇文章，每篇各存为一个新版本。"),
    });
    if report.left > 0 {
        text.push_str(&format!("另有 {} 处找到但未替换，原因见上。", report.left));
    }
    text.push('\n');
    text
}
