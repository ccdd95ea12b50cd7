//! `backup list | now | restore FILE | export FILE`: the backups of this computer's database,
//! the same ones 设置 → 备份与恢复 shows (the `backups` folder beside the database). An office
//! server's database is backed up on the server (`jianbao-server backup`).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::output_error;
use crate::backup::{self, BackupFolder, BackupTaken};
use crate::error::AppError;
use crate::store::Clock;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub command: BackupCommand,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// 列出备份：时间、大小、完整性检查结果
    List,
    /// 立即备份（在线备份，检查完整性，按“保留最近 7 天、最近 4 周”删除较旧的备份）
    Now,
    /// 用一份备份恢复数据库：给出备份名（见 list）或文件路径；恢复前先备份当前数据库
    Restore {
        #[arg(value_name = "NAME|FILE")]
        backup: PathBuf,
    },
    /// 导出整个数据库到一个文件（检查完整性后才写成该文件）
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

pub fn run(
    args: &BackupArgs,
    database: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    let folder = BackupFolder::of_database(database);
    match &args.command {
        BackupCommand::List => list(&folder, out),
        BackupCommand::Now => {
            let taken = folder.take(database, backup::local_now(clock))?;
            writeln!(out, "已备份：{}（{}）", taken.entry.path, taken.entry.size_label)
                .map_err(output_error)?;
            removed(out, &taken)
        }
        BackupCommand::Restore { backup: chosen } => {
            let source = match chosen.to_str() {
                Some(name) if !name.contains(std::path::MAIN_SEPARATOR) && !chosen.is_file() => {
                    folder.find(name)?
                }
                _ => chosen.clone(),
            };
            let kept = backup::restore_into(database, &source, &folder, backup::local_now(clock))?;
            writeln!(out, "已用“{}”恢复数据库 {}", source.display(), database.display())
                .map_err(output_error)?;
            writeln!(out, "恢复前的数据已备份为：{}", kept.entry.path).map_err(output_error)
        }
        BackupCommand::Export { file } => {
            backup::export_database(database, file)?;
            writeln!(out, "已导出整个数据库：{}", file.display()).map_err(output_error)
        }
    }
}

fn list(folder: &BackupFolder, out: &mut dyn Write) -> Result<(), AppError> {
    let entries = folder.list()?;
    if entries.is_empty() {
        return writeln!(out, "还没有备份（备份文件夹：{}）", folder.dir().display()).map_err(output_error);
    }
    for entry in entries {
        let status = entry
            .problem
            .as_deref()
            .map_or_else(|| "完好".to_owned(), |problem| format!("已损坏：{problem}"));
        writeln!(out, "{}\t{}\t{}\t{}", entry.name, entry.taken_label, entry.size_label, status)
            .map_err(output_error)?;
    }
    Ok(())
}

fn removed(out: &mut dyn Write, taken: &BackupTaken) -> Result<(), AppError> {
    for name in &taken.removed {
        writeln!(out, "已删除过期的备份：{name}").map_err(output_error)?;
    }
    Ok(())
}
