//! `status`, `advance`, `send-back`, `sign-off`, `revoke-sign-off` and `compare`: an issue's way
//! through the proof rounds from the command line.

use std::io::Write;

use chrono::NaiveDate;
use clap::Subcommand;

use super::output_error;
use super::session::Session;
use crate::api::{
    AdvanceIssue, AdvanceRequest, ById, CompareRequest, CompareRounds, GetIssue, GetIssueRounds,
    RevokeRequest, RevokeSignOffIssue, SendBackIssue, SendBackRequest, SignOffIssue, SignOffRequest,
};
use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::numbering;
use crate::service::{self, ArticleChange, IssueRounds, RoundComparison, RoundRef};
use crate::store::{Clock, Id, LocalZone};

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// 查看一期的状态和流转记录（谁、何时、备注）
    Status { id: Id },
    /// 推进到下一步：草稿 → 一校 → 二校 → 三校 → 待签发
    Advance {
        id: Id,
        /// 操作人姓名（默认读取环境变量 JIANBAO_USER；连接办公室服务器时可省略，记在登录的账号名下，给出时须与账号相同）
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        /// 备注
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 退回修改：默认退回上一步，可用 --to 退回到更早的状态（如 草稿）
    SendBack {
        id: Id,
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        /// 退回的理由（必填）
        #[arg(long)]
        reason: String,
        /// 退回到：草稿、一校、二校、三校
        #[arg(long, value_parser = parse_status)]
        to: Option<IssueStatus>,
    },
    /// 签发（只能从“待签发”）：记录签发人和日期并锁定本期；刊头的出刊日期不变，除非给出 --move-masthead-date
    SignOff {
        id: Id,
        /// 签发人
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        /// 签发日期，如 2025-09-02 或 2025年9月2日（默认为刊头的出刊日期）
        #[arg(long, value_parser = super::args::parse_date)]
        date: Option<NaiveDate>,
        /// 把刊头的出刊日期也改为签发日期（默认保留刊头日期）
        #[arg(long)]
        move_masthead_date: bool,
    },
    /// 撤销签发：本期回到“待签发”，可以再修改
    RevokeSignOff {
        id: Id,
        #[arg(long, env = "JIANBAO_USER")]
        by: Option<String>,
        /// 撤销的理由（必填）
        #[arg(long)]
        reason: String,
    },
    /// 逐篇比较两轮的文字：轮次写 1、2、3（或 一校、二校、三校）、待签发、签发、当前
    Compare {
        id: Id,
        #[arg(value_parser = parse_round)]
        round_a: String,
        #[arg(value_parser = parse_round)]
        round_b: String,
    },
}

pub fn run(
    command: RoundCommand,
    session: &mut Session,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    let text = match command {
        RoundCommand::Status { id } => {
            status_text(&session.call::<GetIssueRounds>(ById { id })?, clock.zone())
        }
        RoundCommand::Advance { id, by, note } => {
            let by = session.operator(by)?;
            let rounds = session.call::<AdvanceIssue>(AdvanceRequest { id, by, note, assignee: None })?;
            format!("本期已进入“{}”\n", rounds.status.as_chinese())
        }
        RoundCommand::SendBack { id, by, reason, to } => {
            let by = session.operator(by)?;
            let rounds = session.call::<SendBackIssue>(SendBackRequest { id, by, reasons: reason, to })?;
            format!("本期已退回到“{}”\n", rounds.status.as_chinese())
        }
        RoundCommand::SignOff { id, by, date, move_masthead_date } => {
            let by = session.operator(by)?;
            let signer = session.shown_name(by.as_deref());
            let before = session.call::<GetIssue>(ById { id })?.date;
            // The date is said here so that the message can name it.
            let date = date.unwrap_or(before);
            session.call::<SignOffIssue>(SignOffRequest { id, by, date: Some(date), move_masthead_date })?;
            let masthead_date = session.call::<GetIssue>(ById { id })?.date;
            let kept = if masthead_date != date {
                "（刊头日期未随签发日期改动；要改为签发日期，请撤销签发后加 --move-masthead-date 重新签发）"
            } else {
                ""
            };
            format!(
                "本期已签发（签发人 {signer}，签发日期 {}），出刊日期为 {}{kept}；如需修改，请先撤销签发\n",
                numbering::format_masthead_date(date),
                numbering::format_masthead_date(masthead_date)
            )
        }
        RoundCommand::RevokeSignOff { id, by, reason } => {
            let by = session.operator(by)?;
            session.call::<RevokeSignOffIssue>(RevokeRequest { id, by, reason })?;
            "已撤销签发，本期回到“待签发”，可以修改\n".to_owned()
        }
        RoundCommand::Compare { id, round_a, round_b } => {
            let request = CompareRequest { issue_id: id, from: round_a, to: round_b };
            comparison_text(&session.call::<CompareRounds>(request)?)
        }
    };
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn status_text(rounds: &IssueRounds, zone: LocalZone) -> String {
    let mut text = format!("状态：{}\n", rounds.status.as_chinese());
    if rounds.history.is_empty() {
        text.push_str("（尚无流转记录）\n");
    }
    for change in &rounds.history {
        text.push_str(&service::change_line(change, zone));
        text.push('\n');
    }
    text
}

fn comparison_text(comparison: &RoundComparison) -> String {
    let mut text = format!("{} → {}\n", comparison.from_label, comparison.to_label);
    for article in &comparison.articles {
        let what = match article.change {
            ArticleChange::Added => "新增",
            ArticleChange::Removed => "删去",
            ArticleChange::Changed => "有改动",
            ArticleChange::Unchanged => "无改动",
        };
        text.push_str(&format!("\n《{}》{what}\n", article.title));
        if article.change != ArticleChange::Changed {
            continue;
        }
        for line in &article.lines {
            if let Some(number) = line.old_line {
                text.push_str(&format!("  原第{number}行：{}\n", service::marked_text(&line.old, "删")));
            }
            if let Some(number) = line.new_line {
                text.push_str(&format!("  新第{number}行：{}\n", service::marked_text(&line.new, "增")));
            }
        }
    }
    text
}

fn parse_status(text: &str) -> Result<IssueStatus, String> {
    IssueStatus::ALL
        .into_iter()
        .find(|status| status.as_chinese() == text.trim() || status.as_str() == text.trim())
        .ok_or_else(|| format!("“{text}”不是期刊状态，请写 草稿、一校、二校 或 三校"))
}

/// A round as typed, checked here so that a mistake is told before anything runs; the command
/// takes the words themselves.
fn parse_round(text: &str) -> Result<String, String> {
    RoundRef::parse(text)
        .map(|_| text.to_owned())
        .ok_or_else(|| format!("“{text}”不是轮次，请写 1、2、3（或 一校、二校、三校）、待签发、签发 或 当前"))
}
