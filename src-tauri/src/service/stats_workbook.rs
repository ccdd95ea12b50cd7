//! The statistics as an Excel workbook (.xlsx): a sheet of 供稿 counts (units down, periods
//! across, a total column) and a sheet of the yearly counts, written with rust_xlsxwriter and
//! saved through a temporary file renamed into place (`write_atomically`).

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::ArchiveStats;
use super::export_file::write_atomically;
use crate::error::{AppError, ErrorCode};

/// The workbook's bytes.
pub fn stats_workbook(stats: &ArchiveStats) -> Result<Vec<u8>, AppError> {
    build(stats)
        .map_err(|e| AppError::new(ErrorCode::Internal, format!("无法生成 Excel 文件：{e}。请重试。")))
}

/// Writes the workbook to `path`, replacing a file there only once the new one is complete.
pub fn write_stats_workbook(stats: &ArchiveStats, path: &Path) -> Result<(), AppError> {
    write_atomically(path, &stats_workbook(stats)?)
}

fn build(stats: &ArchiveStats) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let heading = Format::new().set_bold();
    contributions_sheet(workbook.add_worksheet(), stats, &heading)?;
    years_sheet(workbook.add_worksheet(), stats, &heading)?;
    workbook.save_to_buffer()
}

fn contributions_sheet(
    sheet: &mut Worksheet,
    stats: &ArchiveStats,
    heading: &Format,
) -> Result<(), XlsxError> {
    let table = &stats.contributions;
    sheet.set_name("供稿统计")?;
    sheet.set_column_width(0, 36)?;
    sheet.write_string_with_format(0, 0, "供稿单位", heading)?;
    let total_column = table.periods.len() as u16 + 1;
    for (index, period) in table.periods.iter().enumerate() {
        sheet.write_string_with_format(0, index as u16 + 1, &period.label, heading)?;
    }
    sheet.write_string_with_format(0, total_column, "合计", heading)?;
    sheet.write_string_with_format(0, total_column + 1, "稿件上署过的名称", heading)?;
    for (index, unit) in table.units.iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_string(row, 0, &unit.unit)?;
        for (column, count) in unit.counts.iter().enumerate() {
            sheet.write_number(row, column as u16 + 1, *count)?;
        }
        sheet.write_number(row, total_column, unit.total)?;
        sheet.write_string(row, total_column + 1, unit.names.join("、"))?;
    }
    let note_row = table.units.len() as u32 + 2;
    let note = format!(
        "共 {} 篇署有供稿单位的稿件；一篇稿件由几个单位联合供稿的，每个单位各计一篇。",
        table.articles
    );
    sheet.write_string(note_row, 0, note)?;
    Ok(())
}

fn years_sheet(sheet: &mut Worksheet, stats: &ArchiveStats, heading: &Format) -> Result<(), XlsxError> {
    sheet.set_name("年度概况")?;
    for (column, label) in ["年份", "期数", "页数", "字数"].into_iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, label, heading)?;
    }
    for (index, year) in stats.years.iter().enumerate() {
        let row = index as u32 + 1;
        sheet.write_number(row, 0, year.year)?;
        sheet.write_number(row, 1, year.issues)?;
        sheet.write_number(row, 2, year.pages)?;
        sheet.write_number(row, 3, year.characters as f64)?;
    }
    Ok(())
}
