//! The backups folder beside the database: `backups/<database name>-YYYYMMDD-HHMMSS.sqlite3`,
//! named by the local time it was taken (a `-2` after the time when two fall in one second).
//! Files whose names do not follow the pattern are never listed or removed.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::copy::{check_integrity, checked_copy, io_error};
use super::rotation;
use crate::error::{AppError, ErrorCode};

const STAMP: &str = "%Y%m%d-%H%M%S";
const STAMP_LEN: usize = "20250902-140501".len();
const EXTENSION: &str = ".sqlite3";

/// One backup as 设置 → 备份与恢复 and `jianbao-cli backup list` show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupEntry {
    /// The file's name in the backups folder; what restoring one names.
    pub name: String,
    pub path: String,
    /// Local time it was taken, ISO 8601 without offset (2025-09-02T14:05:01).
    pub taken_at: String,
    /// 2025年9月2日 14:05
    pub taken_label: String,
    #[ts(type = "number")]
    pub size_bytes: u64,
    /// 12.5 KB, 3.2 MB
    pub size_label: String,
    /// Why `PRAGMA integrity_check` refused the copy; `None` when it passed.
    pub problem: Option<String>,
}

/// What 立即备份 did: the copy written and the older ones the rotation removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupTaken {
    pub entry: BackupEntry,
    pub removed: Vec<String>,
}

/// The backups of one database file.
#[derive(Debug, Clone)]
pub struct BackupFolder {
    dir: PathBuf,
    /// The database file's stem and a dash: two databases in one folder keep apart.
    prefix: String,
}

impl BackupFolder {
    /// `backups` beside `database`, for the copies of that database.
    pub fn of_database(database: &Path) -> BackupFolder {
        let dir = match database.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.join("backups"),
            _ => PathBuf::from("backups"),
        };
        let stem =
            database.file_stem().map_or_else(|| "jianbao".into(), |s| s.to_string_lossy().into_owned());
        BackupFolder { dir, prefix: format!("{stem}-") }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Every backup, newest first, each integrity-checked now (a copy can rot on the disk).
    pub fn list(&self) -> Result<Vec<BackupEntry>, AppError> {
        let mut entries: Vec<BackupEntry> = self
            .copies()?
            .into_iter()
            .map(|(name, taken)| self.entry(&name, taken))
            .collect::<Result<_, _>>()?;
        entries.sort_by(|a, b| (&b.taken_at, &b.name).cmp(&(&a.taken_at, &a.name)));
        Ok(entries)
    }

    /// Takes a checked copy of `database` now, then removes what the rotation no longer keeps.
    pub fn take(&self, database: &Path, now: DateTime<FixedOffset>) -> Result<BackupTaken, AppError> {
        let mut copy = checked_copy(database, &self.dir)?;
        let stamp = now.format(STAMP).to_string();
        let mut name = format!("{}{stamp}{EXTENSION}", self.prefix);
        for second in 2.. {
            match copy.persist_noclobber(self.dir.join(&name)) {
                Ok(_) => break,
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    copy = e.file;
                    name = format!("{}{stamp}-{second}{EXTENSION}", self.prefix);
                }
                Err(e) => return Err(io_error("无法保存备份文件", &self.dir.join(&name), &e.error)),
            }
        }
        let removed = self.rotate(now.naive_local().date())?;
        let taken = taken_at_of(&name, &self.prefix).ok_or_else(|| {
            AppError::new(ErrorCode::Internal, format!("备份名“{name}”与命名规则不符，这是程序的错误"))
        })?;
        Ok(BackupTaken { entry: self.entry(&name, taken)?, removed })
    }

    /// The path of the backup called `name`, which must be one of this folder's backups (a
    /// name from the list, never a path elsewhere).
    pub fn find(&self, name: &str) -> Result<PathBuf, AppError> {
        let known = self.copies()?.into_iter().any(|(listed, _)| listed == name);
        if !known {
            return Err(AppError::new(
                ErrorCode::NotFound,
                format!("备份文件夹“{}”中没有名为“{name}”的备份，请刷新备份列表后重选", self.dir.display()),
            ));
        }
        Ok(self.dir.join(name))
    }

    fn rotate(&self, today: chrono::NaiveDate) -> Result<Vec<String>, AppError> {
        let removed = rotation::to_remove(&self.copies()?, today);
        for name in &removed {
            let path = self.dir.join(name);
            std::fs::remove_file(&path).map_err(|e| io_error("无法删除过期的备份", &path, &e))?;
        }
        Ok(removed)
    }

    /// The names and times of the files that are this database's backups.
    fn copies(&self) -> Result<Vec<(String, NaiveDateTime)>, AppError> {
        let listing = match std::fs::read_dir(&self.dir) {
            Ok(listing) => listing,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error("无法读取备份文件夹", &self.dir, &e)),
        };
        let mut copies = Vec::new();
        for item in listing {
            let item = item.map_err(|e| io_error("无法读取备份文件夹", &self.dir, &e))?;
            let name = item.file_name().to_string_lossy().into_owned();
            if let Some(taken) = taken_at_of(&name, &self.prefix) {
                copies.push((name, taken));
            }
        }
        Ok(copies)
    }

    fn entry(&self, name: &str, taken: NaiveDateTime) -> Result<BackupEntry, AppError> {
        let path = self.dir.join(name);
        let size_bytes = std::fs::metadata(&path).map_err(|e| io_error("无法读取备份文件", &path, &e))?.len();
        Ok(BackupEntry {
            name: name.to_owned(),
            path: path.display().to_string(),
            taken_at: taken.format("%Y-%m-%dT%H:%M:%S").to_string(),
            taken_label: taken_label(taken),
            size_bytes,
            size_label: size_label(size_bytes),
            problem: check_integrity(&path).err().map(|e| e.message),
        })
    }
}

/// The local time in a backup's name `<prefix>YYYYMMDD-HHMMSS[-N].sqlite3`, if it is one.
fn taken_at_of(name: &str, prefix: &str) -> Option<NaiveDateTime> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(EXTENSION)?;
    let (stamp, tail) = rest.split_at_checked(STAMP_LEN)?;
    let tail_ok = tail.is_empty() || tail.strip_prefix('-').is_some_and(|n| n.parse::<u32>().is_ok());
    if !tail_ok {
        return None;
    }
    NaiveDateTime::parse_from_str(stamp, STAMP).ok()
}

/// 2025年9月2日 14:05
pub fn taken_label(taken: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", taken.format("%Y年%-m月%-d日"), taken.hour(), taken.minute())
}

/// Sizes as people read them: bytes under 1 KB, then KB and MB with one decimal (1 KB = 1024).
pub fn size_label(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    // Precision is not at stake: the label shows one decimal of a file size.
    let size = bytes as f64;
    if size < KB {
        format!("{bytes} 字节")
    } else if size < KB * KB {
        format!("{:.1} KB", size / KB)
    } else if size < KB * KB * KB {
        format!("{:.1} MB", size / (KB * KB))
    } else {
        format!("{:.1} GB", size / (KB * KB * KB))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_name_gives_its_local_time() {
        let taken = taken_at_of("jianbao-20250902-140501.sqlite3", "jianbao-").expect("a backup name");
        assert_eq!(taken.to_string(), "2025-09-02 14:05:01");
        assert!(
            taken_at_of("jianbao-20250902-140501-2.sqlite3", "jianbao-").is_some(),
            "a second copy in one second"
        );
    }

    #[test]
    fn other_files_are_not_backups() {
        for name in [
            "notes.txt",
            "jianbao-20250902-140501.sqlite3-journal",
            ".jianbao-copy-abc.partial",
            "jianbao-demo-20250902-140501.sqlite3",
            "jianbao-20251302-140501.sqlite3",
            "jianbao-20250902-140501-x.sqlite3",
        ] {
            assert_eq!(taken_at_of(name, "jianbao-"), None, "“{name}” must never be listed or rotated away");
        }
    }

    #[test]
    fn times_and_sizes_read_the_chinese_way() {
        let taken = NaiveDateTime::parse_from_str("2025-09-02 14:05:59", "%Y-%m-%d %H:%M:%S").expect("valid");
        assert_eq!(taken_label(taken), "2025年9月2日 14:05");
        assert_eq!(size_label(512), "512 字节");
        assert_eq!(size_label(12_800), "12.5 KB");
        assert_eq!(size_label(3_355_443), "3.2 MB");
    }
}
