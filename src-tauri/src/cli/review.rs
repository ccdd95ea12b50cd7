//! `comments`, `reply` and `resolve`: the comment threads and pending suggestions of an issue
//! from the command line. Comments are started in the app, where text can be selected.

use std::io::Write;

use clap::Subcommand;

use super::session::Session;
use super::{output_error, print};
use crate::api::{
    ByIssue, GetIssueReview, ListIssues, ListTrashedIssues, NoArgs, ReplyRequest, ReplyToComment,
    ResolveComment, ResolveRequest,
};
use crate::error::AppError;
use crate::service::{self, IssueReview};
use crate::store::{Id, LocalZone};

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// 列出一期的批注（含回复、是否已解决）和尚未处理的修改建议
    Comments {
        id: Id,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 回复一条批注
    Reply {
        /// 批注编号（见 comments 的输出）
        thread: String,
        /// 操作人姓名（默认读取环境变量 JIANBAO_USER；连接办公室服务器时可省略）
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        /// 回复内容
        #[arg(long)]
        text: String,
    },
    /// 把一条批注标为已解决（--reopen 重新打开）
    Resolve {
        thread: String,
        /// 操作人姓名（默认读取环境变量 JIANBAO_USER；连接办公室服务器时可省略）
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        #[arg(long)]
        reopen: bool,
    },
}

pub fn run(
    command: ReviewCommand,
    session: &mut Session,
    zone: LocalZone,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    let text = match command {
        ReviewCommand::Comments { id, json } => {
            let review = session.call::<GetIssueReview>(ByIssue { issue_id: id })?;
            if json {
                return print::json(out, &review);
            }
            review_text(&review, zone)
        }
        ReviewCommand::Reply { thread, by, text } => {
            let author = session.operator(by)?;
            let issue_id = issue_of_thread(session, &thread)?;
            session.call::<ReplyToComment>(ReplyRequest {
                issue_id,
                thread_id: thread,
                author,
                body: text,
            })?;
            "已回复\n".to_owned()
        }
        ReviewCommand::Resolve { thread, by, reopen } => {
            let by = session.operator(by)?;
            let issue_id = issue_of_thread(session, &thread)?;
            let request = ResolveRequest { issue_id, thread_id: thread, by, resolved: !reopen };
            session.call::<ResolveComment>(request)?;
            if reopen { "已重新打开这条批注\n" } else { "已标为解决\n" }.to_owned()
        }
    };
    out.write_all(text.as_bytes()).map_err(output_error)
}

/// The issue a thread is on: the commands answer with that issue's review, and the command
/// line names only the thread. Trashed issues are looked through too, so that a reply is
/// never stored and then reported as failed. An unknown thread gives issue 0: the command
/// then refuses it by the thread, before anything is stored.
fn issue_of_thread(session: &mut Session, thread: &str) -> Result<Id, AppError> {
    let mut issues = session.call::<ListIssues>(NoArgs {})?;
    issues.extend(session.call::<ListTrashedIssues>(NoArgs {})?);
    for issue in issues {
        let review = session.call::<GetIssueReview>(ByIssue { issue_id: issue.id })?;
        if review.threads.iter().any(|t| t.thread.id == thread) {
            return Ok(issue.id);
        }
    }
    Ok(0)
}

fn review_text(review: &IssueReview, zone: LocalZone) -> String {
    let mut text = format!(
        "批注 {} 条（未解决 {} 条），待处理的修改建议 {} 处\n",
        review.threads.len(),
        review.open_threads,
        review.suggestions.len()
    );
    for thread in &review.threads {
        let state = match &thread.thread.resolved_by {
            Some(by) => format!("已由{by}解决"),
            None if thread.anchored => "未解决".to_owned(),
            None => "未解决，原文已删除".to_owned(),
        };
        text.push_str(&format!(
            "\n[{}] 《{}》“{}”（{state}）\n",
            thread.thread.id, thread.article_title, thread.thread.quote
        ));
        for message in &thread.thread.messages {
            text.push_str(&format!(
                "  {} {}：{}\n",
                message.author,
                service::local_time_label(&message.written_at, zone),
                message.body
            ));
        }
    }
    for suggestion in &review.suggestions {
        let change = match (suggestion.deleted.as_str(), suggestion.inserted.as_str()) {
            ("", inserted) => format!("插入“{inserted}”"),
            (deleted, "") => format!("删除“{deleted}”"),
            (deleted, inserted) => format!("把“{deleted}”改为“{inserted}”"),
        };
        text.push_str(&format!(
            "\n修改建议 《{}》{change}（{} {}）\n",
            suggestion.article_title,
            suggestion.author,
            service::local_time_label(&suggestion.at, zone)
        ));
    }
    text
}
