//! Commands on the client's own database: the single machine.

use std::time::Duration;

use super::Backend;
use crate::api::{self, Body, Caller, Env, Reply};
use crate::error::AppError;
use crate::fonts::FontCache;
use crate::store::{Clock, Store};

/// How long a lease lasts without renewal; the editor renews every half minute.
pub const LEASE_TTL: Duration = Duration::from_secs(180);

/// A store with the caller and the fonts every command needs.
pub struct LocalBackend {
    store: Box<dyn Store>,
    caller: Caller,
    clock: Box<dyn Clock>,
    fonts: FontCache,
}

impl LocalBackend {
    pub fn new(store: Box<dyn Store>, caller: Caller, clock: Box<dyn Clock>, fonts: FontCache) -> Self {
        LocalBackend { store, caller, clock, fonts }
    }

    /// The store, for what is not a command (the demo issue, backups).
    pub fn store_mut(&mut self) -> &mut dyn Store {
        self.store.as_mut()
    }

    pub fn fonts(&self) -> &FontCache {
        &self.fonts
    }
}

impl std::fmt::Debug for LocalBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalBackend").field("caller", &self.caller).finish_non_exhaustive()
    }
}

impl Backend for LocalBackend {
    fn call_body(&mut self, name: &str, body: Body) -> Result<Reply, AppError> {
        let mut env = Env {
            store: self.store.as_mut(),
            caller: &self.caller,
            clock: self.clock.as_ref(),
            fonts: &self.fonts,
            lease_ttl: LEASE_TTL,
        };
        api::call(&mut env, name, body)
    }
}
