//! Wake-ups for servers sharing one database: `record_change` (`event_table`) sends the number
//! of each event on `CHANNEL` with `pg_notify`, which PostgreSQL delivers when, and only if, the
//! change commits. A server that LISTENs reads the new events at once instead of waiting for
//! its next poll; the events themselves are still read from `change_event`, so a notification
//! missed while the listener reconnects costs latency, never an event.

use std::time::Duration;

use postgres::fallible_iterator::FallibleIterator;
use postgres::{Client, NoTls};

use super::{error, parse_config};
use crate::store::StoreError;

/// The channel `record_change` notifies.
pub const CHANNEL: &str = "jianbao_change";

/// A connection of its own that listens for committed changes.
pub struct ChangeListener {
    client: Client,
}

impl std::fmt::Debug for ChangeListener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChangeListener").finish_non_exhaustive()
    }
}

impl ChangeListener {
    pub fn listen(params: &str) -> Result<ChangeListener, StoreError> {
        let mut client = parse_config(params)?.connect(NoTls).map_err(error::unreachable)?;
        client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        Ok(ChangeListener { client })
    }

    /// Waits up to `timeout` for a change to commit; answers whether one did. Notifications
    /// that came together are taken at once: one read of the table covers them all.
    pub fn wait(&mut self, timeout: Duration) -> Result<bool, StoreError> {
        let mut notifications = self.client.notifications();
        let first = notifications.timeout_iter(timeout).next()?;
        if first.is_none() {
            return Ok(false);
        }
        while notifications.iter().next()?.is_some() {}
        Ok(true)
    }
}
