use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::api::{Body, Caller, Reply};
use crate::client::{Backend, Connection, LocalBackend, RemoteBackend, load_connection, save_connection};
use crate::error::{AppError, ErrorCode};
use crate::fonts::FontCache;
use crate::store::{Clock, SqliteStore, Store, SystemClock};

/// What the window's commands share: where commands run (this computer's database or an
/// office server), and the PDFs exported in this run (the only files the app offers to open).
pub struct AppState {
    db_path: PathBuf,
    connection_path: PathBuf,
    active: Mutex<Active>,
    /// Moves on at every change of connection or login, so an old event listener stops.
    generation: AtomicU64,
    exported: Mutex<Vec<PathBuf>>,
}

/// Where commands run now.
enum Active {
    Local(Arc<Mutex<LocalBackend>>),
    /// An office server; `remote` holds the session once logged in.
    Office {
        remote: RemoteBackend,
    },
}

/// A poisoned lock means a command panicked mid-way; what it guards is still consistent
/// (SQLite rolled its transaction back; the rest is replaced whole), so it is used.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AppState {
    /// Opens what the saved connection names: the database at `db_path`, or the office server
    /// (not logged in yet).
    pub fn open(db_path: &Path, connection_path: &Path) -> Result<AppState, AppError> {
        let connection = load_connection(connection_path)?;
        let active = activate(&connection, db_path)?;
        Ok(AppState {
            db_path: db_path.to_owned(),
            connection_path: connection_path.to_owned(),
            active: Mutex::new(active),
            generation: AtomicU64::new(0),
            exported: Mutex::new(Vec::new()),
        })
    }

    /// Runs a command where the app works now. On an office server the call does not hold
    /// the app's lock while it travels, so a slow export never holds up a save.
    pub fn call(&self, name: &str, body: Body) -> Result<Reply, AppError> {
        let target = match &*lock(&self.active) {
            Active::Local(local) => Target::Local(Arc::clone(local)),
            Active::Office { remote } if remote.token().is_some() => Target::Office(remote.clone()),
            Active::Office { remote } => {
                return Err(AppError::new(
                    ErrorCode::Unauthorized,
                    format!("请先登录办公室服务器 {}", remote.server()),
                ));
            }
        };
        match target {
            Target::Local(local) => lock(&local).call_body(name, body),
            Target::Office(mut remote) => remote.call_body(name, body),
        }
    }

    pub fn connection(&self) -> Connection {
        match &*lock(&self.active) {
            Active::Local(_) => Connection::Local,
            Active::Office { remote } => Connection::Office { server: remote.server().to_owned() },
        }
    }

    /// Switches to `connection` and remembers it for the next start. On failure (a database
    /// that cannot be opened, an address that is no address) the app stays where it was.
    pub fn set_connection(&self, connection: Connection) -> Result<Connection, AppError> {
        let connection = connection.checked()?;
        let active = activate(&connection, &self.db_path)?;
        save_connection(&self.connection_path, &connection)?;
        *lock(&self.active) = active;
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok(connection)
    }

    /// Logs in to the office server; answers the connection for the event listener.
    pub fn log_in(&self, name: &str, password: &str) -> Result<(crate::api::Me, RemoteBackend), AppError> {
        let mut remote = match &*lock(&self.active) {
            Active::Office { remote } => remote.clone(),
            Active::Local(_) => return Err(AppError::invalid("现在用的是本机数据库，不需要登录")),
        };
        let me = remote.log_in(name, password)?;
        *lock(&self.active) = Active::Office { remote: remote.clone() };
        self.generation.fetch_add(1, Ordering::SeqCst);
        Ok((me, remote))
    }

    pub fn log_out(&self) -> Result<(), AppError> {
        let remote = match &*lock(&self.active) {
            Active::Office { remote } => remote.clone(),
            Active::Local(_) => return Ok(()),
        };
        let mut logged_out = remote;
        let result = logged_out.log_out();
        *lock(&self.active) = Active::Office { remote: logged_out };
        self.generation.fetch_add(1, Ordering::SeqCst);
        result
    }

    /// Runs `work` on this computer's database, holding it for the while (what runs beside
    /// the commands: the archive import reads a folder here). `None` on an office server.
    pub fn on_local_store<T>(
        &self,
        work: impl FnOnce(&mut dyn Store) -> Result<T, AppError>,
    ) -> Option<Result<T, AppError>> {
        let local = match &*lock(&self.active) {
            Active::Local(local) => Arc::clone(local),
            Active::Office { .. } => return None,
        };
        let mut backend = lock(&local);
        Some(work(backend.store_mut()))
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    pub fn remember_export(&self, path: PathBuf) {
        lock(&self.exported).push(path);
    }

    pub fn was_exported(&self, path: &Path) -> bool {
        lock(&self.exported).iter().any(|known| known == path)
    }
}

enum Target {
    Local(Arc<Mutex<LocalBackend>>),
    Office(RemoteBackend),
}

fn activate(connection: &Connection, db_path: &Path) -> Result<Active, AppError> {
    match connection {
        Connection::Local => {
            let clock = SystemClock;
            let mut store = SqliteStore::open(db_path, clock.boxed())?;
            crate::service::ensure_publication(&mut store)?;
            let local =
                LocalBackend::new(Box::new(store), Caller::Local, clock.boxed(), FontCache::new(None));
            Ok(Active::Local(Arc::new(Mutex::new(local))))
        }
        Connection::Office { server } => Ok(Active::Office { remote: RemoteBackend::new(server)? }),
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("db_path", &self.db_path).finish_non_exhaustive()
    }
}
