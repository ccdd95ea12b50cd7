//! `aliases [--export FILE | --import FILE]`: the office's list of unit names counted as one
//! unit in `stats`. Without an option it prints the list, in the file's format
//! (`别名<Tab>统一为`), followed by the unit names found on the articles as comments.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::session::Session;
use super::{output_error, read_text};
use crate::api::{GetUnitAliases, NoArgs, SaveUnitAliases, SaveUnitAliasesRequest};
use crate::error::AppError;
use crate::service::{self, UnitAliasSaved};

#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct AliasArgs {
    /// 把别名表写入文件（每行“别名<Tab>统一为”）
    #[arg(long, value_name = "FILE")]
    pub export: Option<PathBuf>,
    /// 用文件中的别名表替换办公室的别名表（有一行不合格式则整份不用）
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
}

pub fn run(args: &AliasArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    if let Some(store) = session.local_store() {
        service::ensure_publication(store)?;
    }
    if let Some(path) = &args.import {
        let rows = service::parse_alias_file(&read_text(path)?)?;
        return match session.call::<SaveUnitAliases>(SaveUnitAliasesRequest { rows })? {
            UnitAliasSaved::Saved { list } => {
                writeln!(out, "已导入别名表，共 {} 条", list.rows.len()).map_err(output_error)
            }
            UnitAliasSaved::Refused { problems } => {
                let lines: Vec<String> = problems.into_iter().map(|p| p.message).collect();
                Err(AppError::invalid(format!("别名表未导入，请改正后重试：\n{}", lines.join("\n"))))
            }
        };
    }
    let view = session.call::<GetUnitAliases>(NoArgs {})?;
    let text = service::alias_file_text(&view.rows);
    if let Some(path) = &args.export {
        service::write_atomically(path, text.as_bytes())?;
        return writeln!(out, "已导出别名表：{}", path.display()).map_err(output_error);
    }
    let mut text = text;
    text.push_str("# 稿件上出现过的供稿单位：\n");
    for unit in &view.units {
        text.push_str(&format!("# {unit}\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}
