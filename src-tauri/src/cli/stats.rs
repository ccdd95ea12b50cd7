//! `stats [--year Y] [--json] [--xlsx FILE]`: articles per contributing unit per year (or per
//! quarter of one year), merged by the office's alias list, and the issues, pages and 字数 of
//! each year.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::session::Session;
use super::{output_error, print};
use crate::api::{ExportStatsWorkbook, GetArchiveStats};
use crate::error::AppError;
use crate::service::{self, ArchiveStats, StatsRequest};

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// 只统计这一年（按季度分列）；不给出时按年分列，统计所有年份
    #[arg(long)]
    pub year: Option<i32>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
    /// 同时导出为 Excel 文件（.xlsx）
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
}

pub fn run(args: &StatsArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    let request = StatsRequest { year: args.year };
    let stats = session.call::<GetArchiveStats>(request)?;
    if let Some(path) = &args.xlsx {
        let workbook = session.call::<ExportStatsWorkbook>(request)?;
        service::write_atomically(path, &workbook.xlsx.0)?;
    }
    if args.json {
        print::json(out, &stats)?;
    } else {
        out.write_all(stats_text(&stats).as_bytes()).map_err(output_error)?;
    }
    if let Some(path) = &args.xlsx {
        // On stderr, so that --json output stays one JSON document.
        eprintln!("已导出统计表：{}", path.display());
    }
    Ok(())
}

fn stats_text(stats: &ArchiveStats) -> String {
    let table = &stats.contributions;
    let scope = stats.year.map_or_else(|| "历年".to_owned(), |year| format!("{year}年"));
    let mut text = format!("{scope}供稿统计（共 {} 篇署有供稿单位的稿件）\n", table.articles);
    if table.units.is_empty() {
        text.push_str("（没有署有供稿单位的稿件）\n");
    } else {
        let periods: Vec<&str> = table.periods.iter().map(|p| p.label.as_str()).collect();
        text.push_str(&format!("供稿单位\t{}\t合计\n", periods.join("\t")));
        for unit in &table.units {
            let counts: Vec<String> = unit.counts.iter().map(u32::to_string).collect();
            text.push_str(&format!("{}\t{}\t{}\n", unit.unit, counts.join("\t"), unit.total));
            if !unit.names.is_empty() {
                text.push_str(&format!("  （含：{}）\n", unit.names.join("、")));
            }
        }
    }
    text.push_str("\n年份\t期数\t页数\t字数\n");
    for year in &stats.years {
        text.push_str(&format!("{}\t{}\t{}\t{}\n", year.year, year.issues, year.pages, year.characters));
    }
    text
}
