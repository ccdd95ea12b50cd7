//! Where the CLI's commands run: the local database file, or an office server logged in as
//! `--user`. Every command that touches data goes through `Session::call`, so both places run
//! the same api commands and the CLI prints the same either way.

use std::path::{Path, PathBuf};

use super::password;
use crate::api::Command;
use crate::client::{Backend, LocalBackend, RemoteBackend};
use crate::error::AppError;
use crate::fonts::FontCache;
use crate::store::{Clock, SqliteStore, Store};

/// What `--db`, `--server` and `--user` chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Local(PathBuf),
    Office { server: String, user: String },
}

impl Target {
    /// `--server` wins over `--db` (which may come from `JIANBAO_DB`, set for local work).
    pub fn of(db: Option<PathBuf>, server: Option<String>, user: Option<String>) -> Result<Target, AppError> {
        match (server, user) {
            (None, _) => Ok(Target::Local(super::database_path(db)?)),
            (Some(server), Some(user)) if !user.trim().is_empty() => {
                Ok(Target::Office { server, user: user.trim().to_owned() })
            }
            (Some(server), _) => Err(AppError::invalid(format!(
                "连接办公室服务器 {server} 时请用 --user 给出您的账号名，例如 --user 汤建；密码放在环境变量 JIANBAO_PASSWORD 中，或在终端中按提示输入"
            ))),
        }
    }

    /// The database file of a command that only runs on this computer's own database.
    pub fn local_path(&self, what: &str) -> Result<&Path, AppError> {
        match self {
            Target::Local(path) => Ok(path),
            Target::Office { .. } => Err(AppError::invalid(format!(
                "{what}只能用于本机的数据库，不能在办公室服务器上运行：请去掉 --server 和 --user，用 --db 指定本机的数据库文件"
            ))),
        }
    }
}

/// A connection to where the commands run.
#[derive(Debug)]
pub struct Session {
    place: Place,
}

#[derive(Debug)]
enum Place {
    Local(LocalBackend),
    Office { backend: RemoteBackend, account: String },
}

impl Session {
    /// Opens the local database, or logs in to the office server. `font_dir` is where a local
    /// export finds its fonts; the office server lays out with its own.
    pub fn open(target: &Target, clock: &dyn Clock, font_dir: Option<PathBuf>) -> Result<Session, AppError> {
        let place = match target {
            Target::Local(path) => Place::Local(open_local(path, clock, font_dir)?),
            Target::Office { server, user } => {
                if font_dir.is_some() {
                    return Err(AppError::invalid(
                        "连接办公室服务器时，导出使用服务器上的字体，--font-dir 不起作用；请去掉 --font-dir 后重试",
                    ));
                }
                let mut backend = RemoteBackend::new(server)?;
                let me = backend.log_in(user, &password::password(user)?)?;
                Place::Office { backend, account: me.name.unwrap_or_else(|| user.clone()) }
            }
        };
        Ok(Session { place })
    }

    /// Runs api command `C` where the session is.
    pub fn call<C: Command>(&mut self, request: C::Request) -> Result<C::Response, AppError> {
        self.backend().call::<C>(request)
    }

    /// Where the session's commands run, for core operations made of several commands.
    pub fn backend(&mut self) -> &mut dyn Backend {
        match &mut self.place {
            Place::Local(backend) => backend,
            Place::Office { backend, .. } => backend,
        }
    }

    /// The local store, for the set-up a fresh database file needs; none on a server.
    pub fn local_store(&mut self) -> Option<&mut dyn Store> {
        match &mut self.place {
            Place::Local(backend) => Some(backend.store_mut()),
            Place::Office { .. } => None,
        }
    }

    /// The logged-in account; none on the single machine.
    pub fn account(&self) -> Option<&str> {
        match &self.place {
            Place::Local(_) => None,
            Place::Office { account, .. } => Some(account),
        }
    }

    /// Who a round step or an answer is recorded under, from `--by`. On the single machine the
    /// name is required; on a server it may be left out, and if given must be the account's,
    /// because the server records every step under the account that logged in.
    pub fn operator(&self, by: Option<String>) -> Result<Option<String>, AppError> {
        let typed = by.map(|name| name.trim().to_owned()).filter(|name| !name.is_empty());
        match (self.account(), typed) {
            (None, Some(name)) => Ok(Some(name)),
            (None, None) => Err(AppError::invalid(
                "请用 --by 写明操作人的姓名（或设置环境变量 JIANBAO_USER）：每一步都要记下是谁做的",
            )),
            (Some(_), None) => Ok(None),
            (Some(account), Some(name)) if name == account => Ok(Some(name)),
            (Some(account), Some(name)) => Err(AppError::invalid(format!(
                "--by 给出的操作人“{name}”与登录的账号“{account}”不符：在办公室服务器上，每一步都记在登录的账号名下。请去掉 --by，或用 --user {name} 登录后再操作"
            ))),
        }
    }

    /// The name shown for `operator`'s answer: the typed name, else the account's.
    pub fn shown_name(&self, operator: Option<&str>) -> String {
        operator.or(self.account()).unwrap_or_default().to_owned()
    }

    /// Ends the server session, so that a token of a finished run cannot be used again. A
    /// failure changes nothing the run did; the session then lapses on the server by itself.
    pub fn close(self) {
        if let Place::Office { mut backend, .. } = self.place {
            let _ = backend.log_out();
        }
    }
}

/// The local database with the caller who may do everything, as the CLI always was.
pub fn open_local(
    path: &Path,
    clock: &dyn Clock,
    font_dir: Option<PathBuf>,
) -> Result<LocalBackend, AppError> {
    let store = SqliteStore::open(path, clock.boxed())?;
    Ok(LocalBackend::new(Box::new(store), crate::api::Caller::Local, clock.boxed(), FontCache::new(font_dir)))
}
