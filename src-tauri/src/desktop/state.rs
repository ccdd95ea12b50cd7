use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use crate::error::AppError;
use crate::store::{Clock, Store, SystemClock};

/// What the window's commands share: the open database and the clock.
pub struct AppState {
    store: Mutex<Store>,
    clock: SystemClock,
}

impl AppState {
    /// Opens the database, creating the publication of a fresh one.
    pub fn open(path: &Path) -> Result<AppState, AppError> {
        let mut store = Store::open(path, Box::new(SystemClock))?;
        crate::service::ensure_publication(&mut store)?;
        Ok(AppState { store: Mutex::new(store), clock: SystemClock })
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, AppError> {
        // A poisoned lock means a command panicked mid-way; SQLite rolled its transaction
        // back, so the store itself is still consistent and can be used.
        Ok(self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}
