//! `print ID`: the issue's PDF (the proof before sign-off, the final after) sent to a printer
//! of this computer; `print --list-printers`: the printers there are.

use std::io::Write;

use clap::Args;

use super::output_error;
use super::session::Session;
use crate::api::{ById, GetIssue};
use crate::error::AppError;
use crate::printing::{self, PrintService, Printers};
use crate::service::{self, IssuePrintRequest, PrintedIssue};
use crate::store::Id;

#[derive(Debug, Args)]
pub struct PrintArgs {
    /// 期刊编号（用 --list-printers 时不需要）
    #[arg(required_unless_present = "list_printers")]
    pub id: Option<Id>,
    /// 打印机名称（默认用系统的默认打印机）
    #[arg(long, value_name = "NAME")]
    pub printer: Option<String>,
    /// 份数
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub copies: u32,
    /// 双面打印（沿长边翻页），打印机须支持双面
    #[arg(long)]
    pub duplex: bool,
    /// 打印某一轮的校样（不给出时：签发前打印当前校次的校样，签发后打印正式版）
    #[arg(long, value_name = "ROUND", num_args = 0..=1)]
    pub proof: Option<Option<u8>>,
    /// 列出本机的打印机（默认打印机标 *），不打印
    #[arg(long, conflicts_with_all = ["id", "printer", "copies", "duplex", "proof"])]
    pub list_printers: bool,
}

impl PrintArgs {
    /// `--list-printers` needs no database.
    pub fn lists_printers(&self) -> bool {
        self.list_printers
    }
}

pub fn list_printers(out: &mut dyn Write) -> Result<(), AppError> {
    let printers = printing::list_printers(&PrintService::system())?;
    out.write_all(printer_list(&printers).as_bytes()).map_err(output_error)
}

pub fn print(args: &PrintArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    let issue_id = args.id.ok_or_else(|| AppError::invalid("请给出要打印的期刊编号，如 print 3"))?;
    // `--proof` alone is the round the issue is in, as leaving it out is before sign-off.
    let proof_round = args.proof.flatten();
    if args.proof == Some(None) {
        // The same refusal as `--proof ROUND` after sign-off.
        let status = session.call::<GetIssue>(ById { id: issue_id })?.status;
        service::printed_round(status, Some(service::proof_round_of(status).unwrap_or(1)))?;
    }
    let request = IssuePrintRequest {
        issue_id,
        printer: args.printer.clone(),
        copies: args.copies,
        duplex: args.duplex,
        proof_round,
    };
    let printed = service::print_issue(session.backend(), &PrintService::system(), &request)?;
    out.write_all(printed_text(&printed).as_bytes()).map_err(output_error)
}

fn printer_list(printers: &Printers) -> String {
    if printers.printers.is_empty() {
        return "（本机还没有添加打印机，可在“系统设置 → 打印机”中添加）\n".to_owned();
    }
    let mut text = String::new();
    for printer in &printers.printers {
        let mark = if printers.default.as_ref() == Some(&printer.name) { "*" } else { " " };
        let mut notes = Vec::new();
        if printer.duplex {
            notes.push("可双面");
        }
        if printer.stopped {
            notes.push("已暂停");
        }
        let notes = if notes.is_empty() { String::new() } else { format!("（{}）", notes.join("，")) };
        text.push_str(&format!("{mark} {}{notes}\n", printer.name));
    }
    text
}

fn printed_text(printed: &PrintedIssue) -> String {
    let what = match printed.proof_round {
        Some(round) => format!("第{round}轮校样"),
        None => "正式版".to_owned(),
    };
    format!(
        "已发送到打印机“{}”：任务 {}，{what}，{} 页，{} 份\n",
        printed.job.printer, printed.job.job_id, printed.page_count, printed.job.copies
    )
}
