//! `words [--export FILE | --import FILE | --reset]`: the office's word list for the proof
//! checks. Without an option it prints the list in use, in the list file's format.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{output_error, read_text};
use crate::error::AppError;
use crate::service;
use crate::store::Store;

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

pub fn run(args: &WordsArgs, store: &mut dyn Store, out: &mut dyn Write) -> Result<(), AppError> {
    if let Some(path) = &args.export {
        std::fs::write(path, service::export_word_list(store)?)
            .map_err(|e| AppError::invalid(format!("无法写入文件“{}”：{e}", path.display())))?;
        return writeln!(out, "已导出用词表：{}", path.display()).map_err(output_error);
    }
    if let Some(path) = &args.import {
        let view = service::import_word_list(store, &read_text(path)?)?;
        return writeln!(out, "已导入用词表，共 {} 条", view.rows.len()).map_err(output_error);
    }
    if args.reset {
        let view = service::reset_word_list(store)?;
        return writeln!(out, "已恢复程序自带的用词表，共 {} 条", view.rows.len()).map_err(output_error);
    }
    out.write_all(service::export_word_list(store)?.as_bytes()).map_err(output_error)
}
