use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::domain::FontRoles;
use crate::error::AppError;
use crate::fonts::{FontSet, find_font_dir};
use crate::store::{Clock, SqliteStore, SystemClock};

/// What the window's commands share: the open database, the clock, the parsed fonts and the
/// PDFs exported in this run (the only files the app offers to open).
pub struct AppState {
    store: Mutex<SqliteStore>,
    clock: SystemClock,
    fonts: Mutex<Option<LoadedFonts>>,
    exported: Mutex<Vec<PathBuf>>,
}

/// Parsing the fonts takes long: done once, again only when the publication picks others.
struct LoadedFonts {
    roles: FontRoles,
    fonts: Arc<FontSet>,
}

/// A poisoned lock means a command panicked mid-way; what it guards is still consistent
/// (SQLite rolled its transaction back; fonts and paths are replaced whole), so it is used.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl AppState {
    /// Opens the database, creating the publication of a fresh one.
    pub fn open(path: &Path) -> Result<AppState, AppError> {
        let mut store = SqliteStore::open(path, Box::new(SystemClock))?;
        crate::service::ensure_publication(&mut store)?;
        Ok(AppState {
            store: Mutex::new(store),
            clock: SystemClock,
            fonts: Mutex::new(None),
            exported: Mutex::new(Vec::new()),
        })
    }

    pub fn store(&self) -> Result<MutexGuard<'_, SqliteStore>, AppError> {
        Ok(lock(&self.store))
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// The fonts `roles` names, parsed on first use and kept for the next preview or export.
    pub fn fonts(&self, roles: &FontRoles) -> Result<Arc<FontSet>, AppError> {
        let mut loaded = lock(&self.fonts);
        if let Some(known) = loaded.as_ref().filter(|known| &known.roles == roles) {
            return Ok(Arc::clone(&known.fonts));
        }
        let fonts = Arc::new(FontSet::load(roles, &find_font_dir(None)?)?);
        *loaded = Some(LoadedFonts { roles: roles.clone(), fonts: Arc::clone(&fonts) });
        Ok(fonts)
    }

    /// The fonts the last preview or export used, if any were loaded yet.
    pub fn loaded_fonts(&self) -> Option<Arc<FontSet>> {
        lock(&self.fonts).as_ref().map(|known| Arc::clone(&known.fonts))
    }

    pub fn remember_export(&self, path: PathBuf) {
        lock(&self.exported).push(path);
    }

    pub fn was_exported(&self, path: &Path) -> bool {
        lock(&self.exported).iter().any(|known| known == path)
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}
