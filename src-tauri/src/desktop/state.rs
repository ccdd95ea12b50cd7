use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::api::{Body, Caller, Reply};
use crate::backup::{self, BackupFolder, BackupTaken};
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
    /// One backup, restore or export of the database at a time (the automatic one included).
    backing_up: Mutex<()>,
    /// Why the last automatic backup failed, until one succeeds.
    automatic_problem: Mutex<Option<String>>,
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
            backing_up: Mutex::new(()),
            automatic_problem: Mutex::new(None),
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

/// Backups of this computer's database (`crate::backup`). On an office server there is none
/// to make here: the server keeps its own.
impl AppState {
    pub fn backup_folder(&self) -> Result<BackupFolder, AppError> {
        self.local_only()?;
        Ok(BackupFolder::of_database(&self.db_path))
    }

    /// Takes a backup now (立即备份, or the automatic one).
    pub fn back_up(&self, clock: &dyn Clock) -> Result<BackupTaken, AppError> {
        let folder = self.backup_folder()?;
        let _one_at_a_time = lock(&self.backing_up);
        folder.take(&self.db_path, backup::local_now(clock))
    }

    /// The automatic backup: remembers a failure for the settings page and answers it.
    pub fn back_up_automatically(&self, clock: &dyn Clock) -> Option<AppError> {
        if matches!(self.connection(), Connection::Office { .. }) {
            return None;
        }
        let problem = self.back_up(clock).err();
        *lock(&self.automatic_problem) = problem.as_ref().map(|e| e.message.clone());
        problem
    }

    pub fn automatic_problem(&self) -> Option<String> {
        lock(&self.automatic_problem).clone()
    }

    /// Restores the file at `source` (a backup or a file the user chose) into the database;
    /// answers the backup taken of what was there. Commands wait meanwhile: the app's own
    /// connection is held, and it reads the restored data at its next query.
    pub fn restore(&self, source: &Path, clock: &dyn Clock) -> Result<BackupTaken, AppError> {
        let folder = self.backup_folder()?;
        let _one_at_a_time = lock(&self.backing_up);
        let active = lock(&self.active);
        let Active::Local(local) = &*active else {
            return Err(office_keeps_backups());
        };
        let _no_command_meanwhile = lock(local);
        backup::restore_into(&self.db_path, source, &folder, backup::local_now(clock))
    }

    /// 导出整个数据库 to `target`.
    pub fn export_database(&self, target: &Path) -> Result<(), AppError> {
        self.local_only()?;
        let _one_at_a_time = lock(&self.backing_up);
        backup::export_database(&self.db_path, target)
    }

    fn local_only(&self) -> Result<(), AppError> {
        match self.connection() {
            Connection::Local => Ok(()),
            Connection::Office { .. } => Err(office_keeps_backups()),
        }
    }
}

fn office_keeps_backups() -> AppError {
    AppError::invalid(
        "现在连接的是办公室服务器：数据在服务器上，由服务器备份（见服务器的备份说明）；这里没有本机数据库可备份或恢复",
    )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ById, Command, GetArticle};
    use crate::store::prelude::*;
    use crate::store::{FixedClock, SaveGuard};

    fn title_through_the_app(state: &AppState, article: crate::store::Id) -> String {
        let reply =
            state.call(GetArticle::NAME, GetArticle::encode(&ById { id: article })).expect("get_article");
        GetArticle::decode(reply).expect("an article view").article.title.concat()
    }

    #[test]
    fn after_a_restore_the_app_reads_the_restored_data() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let db = folder.path().join("jianbao.sqlite3");
        let mut store = SqliteStore::open(&db, SystemClock.boxed()).expect("open");
        crate::demo::fill_demo(&mut store).expect("the demo issue");
        let publication = store.default_publication_id().expect("the demo publication");
        let issue = store.list_issues(publication).expect("issues")[0].id;
        let article = store.issue(issue).expect("issue").article_ids[0];
        let state =
            AppState::open(&db, &folder.path().join("jianbao.connection.json")).expect("the app opens");
        let original = title_through_the_app(&state, article);

        let clock = FixedClock(chrono::DateTime::from_timestamp(1_756_800_000, 0).expect("a valid time"));
        let earlier = state.back_up(&clock).expect("立即备份");
        let mut changed = store.article(article).expect("read").article;
        changed.title = vec!["恢复之前改的标题".into()];
        crate::service::save_article(&mut store, article, &changed, "罗敏", &SaveGuard::default())
            .expect("save");
        assert_eq!(title_through_the_app(&state, article), "恢复之前改的标题");

        let kept = state.restore(Path::new(&earlier.entry.path), &clock).expect("恢复");
        assert_eq!(
            title_through_the_app(&state, article),
            original,
            "the app's own connection reads the backup"
        );
        assert_ne!(kept.entry.name, earlier.entry.name, "what was there is kept as its own backup");
        assert_eq!(state.backup_folder().expect("local").list().expect("list").len(), 2);
    }

    #[test]
    fn a_failing_automatic_backup_is_remembered_until_one_succeeds() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let db = folder.path().join("jianbao.sqlite3");
        let state =
            AppState::open(&db, &folder.path().join("jianbao.connection.json")).expect("the app opens");
        // A file where the backups folder should be: no copy can be written.
        std::fs::write(folder.path().join("backups"), "挡住备份文件夹").expect("write");
        let problem = state.back_up_automatically(&SystemClock).expect("the backup fails");
        assert!(
            problem.message.contains("备份") || problem.message.contains("文件夹"),
            "{}",
            problem.message
        );
        assert_eq!(state.automatic_problem(), Some(problem.message));
        std::fs::remove_file(folder.path().join("backups")).expect("remove");
        assert!(state.back_up_automatically(&SystemClock).is_none());
        assert_eq!(state.automatic_problem(), None);
    }
}
