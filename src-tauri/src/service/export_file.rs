//! Exporting a stored issue to a file the editor chose. The PDF is written to a temporary
//! file in the same folder and renamed over the destination, so a failed or interrupted
//! export never leaves a half-written PDF where the old one was.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::export::{ExportRequest, export_issue};
use crate::error::{AppError, ErrorCode};
use crate::fonts::FontSet;
use crate::store::{Id, Store};

/// What the editor hears after an export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub path: String,
    pub page_count: u32,
    pub warnings: Vec<String>,
}

/// Exports issue `id` as a PDF to `path`, replacing any file there only once the new one is
/// complete.
pub fn export_issue_to_file(
    store: &dyn Store,
    id: Id,
    fonts: &FontSet,
    request: &ExportRequest,
    path: &Path,
) -> Result<ExportReport, AppError> {
    let exported = export_issue(store, id, fonts, request)?;
    write_atomically(path, &exported.bytes)?;
    Ok(ExportReport {
        path: path.display().to_string(),
        page_count: exported.page_count,
        warnings: exported.warnings,
    })
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed into place once complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), AppError> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot_write = |e: std::io::Error| {
        if crate::error::is_disk_full(&e) {
            return AppError::disk_full(&format!("导出“{}”", path.display()));
        }
        AppError::new(
            ErrorCode::CannotOpen,
            format!(
                "无法写入“{}”：{}。请换一个有写入权限的文件夹，或关闭正在打开这个文件的程序（如 Word、WPS、PDF 阅读器）后重试；原有文件未被改动。",
                path.display(),
                reason_of(&e)
            ),
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".jianbao-export-");
    // A temporary file is private (0600); the exported file is an ordinary document, readable
    // as the user's umask says, like one the user saved from any other program.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(&folder).map_err(cannot_write)?;
    temporary.write_all(bytes).and_then(|()| temporary.as_file().sync_all()).map_err(cannot_write)?;
    temporary.persist(path).map_err(|e| cannot_write(e.error))?;
    Ok(())
}

/// Why a write failed, in words; the system's own (English) words only for the rare rest.
fn reason_of(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::PermissionDenied => "没有写入权限，或文件正被其他程序打开".into(),
        ErrorKind::NotFound => "文件夹不存在".into(),
        ErrorKind::NotADirectory => "路径中有一段不是文件夹".into(),
        ErrorKind::IsADirectory | ErrorKind::DirectoryNotEmpty => "这个名字已被一个文件夹占用".into(),
        ErrorKind::ReadOnlyFilesystem => "磁盘或文件夹是只读的".into(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "磁盘已满".into(),
        ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => "文件正被其他程序使用".into(),
        _ => format!("系统报告：{error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn the_exported_file_is_readable_as_the_umask_says_not_private() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("issue.pdf");
        write_atomically(&path, b"%PDF-1.3").expect("written");
        let mode = std::fs::metadata(&path).expect("exists").permissions().mode() & 0o777;
        // Read, not set: setting the umask would race the other tests' files.
        let status = std::fs::read_to_string("/proc/self/status").expect("Linux");
        let umask = status
            .lines()
            .find_map(|line| line.strip_prefix("Umask:"))
            .and_then(|value| u32::from_str_radix(value.trim(), 8).ok())
            .expect("the status names the umask");
        assert_eq!(mode, 0o666 & !umask, "mode {mode:o} with umask {umask:o}");
    }

    #[test]
    fn writing_replaces_the_old_file_and_leaves_nothing_else() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("简报.pdf");
        std::fs::write(&path, b"old").expect("can write the old file");
        write_atomically(&path, b"%PDF-new").expect("the folder is writable");
        assert_eq!(std::fs::read(&path).expect("the file exists"), b"%PDF-new");
        let names: Vec<_> =
            std::fs::read_dir(folder.path()).expect("lists").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names.len(), 1, "the temporary file is renamed, not left behind: {names:?}");
    }

    #[test]
    fn an_unwritable_folder_is_reported_in_chinese_and_names_the_file() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("没有这个文件夹").join("简报.pdf");
        let error = write_atomically(&path, b"%PDF").expect_err("the folder does not exist");
        assert_eq!(error.code, ErrorCode::CannotOpen);
        assert!(error.message.contains("简报.pdf"), "the user must see which file failed: {}", error.message);
        assert!(error.message.contains("文件夹不存在"), "and why, in Chinese: {}", error.message);
    }

    #[test]
    fn a_folder_in_the_way_fails_cleanly_and_leaves_no_temporary_file() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("简报.docx");
        std::fs::create_dir(&path).expect("a folder of that name");
        std::fs::write(path.join("里面的文件"), b"x").expect("can fill it");
        let error = write_atomically(&path, b"PK").expect_err("a folder cannot be replaced by a file");
        assert!(error.message.contains("原有文件未被改动"), "{}", error.message);
        let names: Vec<_> =
            std::fs::read_dir(folder.path()).expect("lists").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names.len(), 1, "the temporary file is removed after the failure: {names:?}");
    }
}
