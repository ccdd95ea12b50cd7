//! `words [--export FILE | --import FILE | --reset]`: the office's word list for the proof
//! checks. Without an option it prints the list in use, in the list file's format.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::session::Session;
use super::{output_error, read_text};
use crate::api::{ExportWordList, ImportWordList, NoArgs, ResetWordList, WordListText};
use crate::error::AppError;
use crate::service;

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct WordsArgs {
    /// 把正在使用的用词表写入文件（制表符分隔的文本）
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// 用文件中的用词表替换办公室的用词表（有一行不合格式则整份不用）
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
    /// 恢复为程序自带的用词表
    #[arg(long)]
    pub reset: bool,
}

pub fn run(args: &WordsArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    // A fresh database file has no publication yet to keep the list with; an office's has.
    if let Some(store) = session.local_store() {
        service::ensure_publication(store)?;
    }
    if let Some(path) = &args.export {
        let list = session.call::<ExportWordList>(NoArgs {})?;
        std::fs::write(path, list.text)
            .map_err(|e| AppError::invalid(format!("无法写入文件“{}”：{e}", path.display())))?;
        return writeln!(out, "已导出用词表：{}", path.display()).map_err(output_error);
    }
    if let Some(path) = &args.import {
        let view = session.call::<ImportWordList>(WordListText { text: read_text(path)? })?;
        return writeln!(out, "已导入用词表，共 {} 条", view.rows.len()).map_err(output_error);
    }
    if args.reset {
        let view = session.call::<ResetWordList>(NoArgs {})?;
        return writeln!(out, "已恢复程序自带的用词表，共 {} 条", view.rows.len()).map_err(output_error);
    }
    out.write_all(session.call::<ExportWordList>(NoArgs {})?.text.as_bytes()).map_err(output_error)
}
