//! Which database the desktop app works on: its own file (本机), or an office server
//! (办公室服务器). Kept in a small file in the app's configuration folder.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, ErrorCode};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "camelCase")]
pub enum Connection {
    /// 本机: the database file on this computer.
    #[default]
    Local,
    /// 办公室服务器 at `server` (`http://10.0.0.5:8470`).
    Office { server: String },
}

impl Connection {
    /// Checks an address typed in the settings: `http://` or `https://`, a host, a port.
    pub fn checked(self) -> Result<Connection, AppError> {
        match self {
            Connection::Local => Ok(Connection::Local),
            Connection::Office { server } => {
                Ok(Connection::Office { server: super::remote::server_url(&server)? })
            }
        }
    }
}

/// The saved choice; 本机 when none was saved. A file that cannot be read is reported, not
/// silently taken as 本机 (the user would find their office's issues gone).
pub fn load_connection(path: &Path) -> Result<Connection, AppError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| {
            AppError::new(
                ErrorCode::CorruptData,
                format!(
                    "连接设置文件“{}”已损坏（{e}）；请删除它后重新在设置中选择本机或办公室服务器",
                    path.display()
                ),
            )
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Connection::Local),
        Err(error) => Err(AppError::new(
            ErrorCode::CannotOpen,
            format!("无法读取连接设置“{}”：{error}", path.display()),
        )),
    }
}

pub fn save_connection(path: &Path, connection: &Connection) -> Result<(), AppError> {
    let cannot = |e: std::io::Error| {
        AppError::new(ErrorCode::CannotOpen, format!("无法保存连接设置“{}”：{e}", path.display()))
    };
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(cannot)?;
    }
    let json = serde_json::to_string_pretty(connection).expect("a connection serializes without failure");
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(cannot)?;
    std::io::Write::write_all(&mut file, json.as_bytes()).map_err(cannot)?;
    file.persist(path).map_err(|e| cannot(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_choice_reads_back_and_none_is_the_single_machine() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("connection.json");
        assert_eq!(load_connection(&path).expect("no file yet"), Connection::Local);
        let office = Connection::Office { server: "http://10.1.2.3:8470".into() };
        save_connection(&path, &office).expect("saves");
        assert_eq!(load_connection(&path).expect("reads"), office);
    }

    #[test]
    fn a_damaged_file_is_reported_not_taken_as_local() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let path = folder.path().join("connection.json");
        std::fs::write(&path, "{ mode").expect("writes");
        assert_eq!(load_connection(&path).expect_err("damaged").code, ErrorCode::CorruptData);
    }
}
