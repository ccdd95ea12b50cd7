//! Backups of this computer's database: copies taken with SQLite's online backup API while the
//! app keeps working, each checked with `PRAGMA integrity_check` before it counts; a rotation
//! that keeps a week of days and a month of weeks; restoring one (or a file the user chose)
//! into the live database; exporting the whole database.
//!
//! In order: `copy.rs` (a checked copy written beside its final name and renamed),
//! `folder.rs` (the backups folder: names, listing, taking one), `rotation.rs` (which copies
//! stay), `candidate.rs` (is this file a Jianbao database we can restore from),
//! `restore.rs` (into the live file). The refusal of a network share is the store's
//! (`store::network_share`), as it guards every open.

mod candidate;
mod copy;
mod folder;
mod restore;
mod rotation;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use candidate::inspect;
pub use copy::{check_integrity, export_database};
pub use folder::{BackupEntry, BackupFolder, BackupTaken, size_label, taken_label};
pub use restore::restore_into;
pub use rotation::to_remove;

use crate::store::Clock;

/// Hours of use between automatic backups of the desktop app (it also takes one at start).
/// A constant rather than a setting: half a working day is the most work a crash of the disk
/// could take with it, and nobody has asked to tune it; a setting would be one more thing to
/// get wrong.
pub const AUTOMATIC_EVERY_HOURS: u64 = 4;

/// What 设置 → 备份与恢复 shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    /// Where the copies are.
    pub folder: String,
    /// Newest first.
    pub entries: Vec<BackupEntry>,
    pub every_hours: u32,
    /// Why the last automatic backup failed, until one succeeds.
    pub automatic_problem: Option<String>,
}

/// The wall-clock time now where the user is: backups are named and kept by local days.
pub fn local_now(clock: &dyn Clock) -> DateTime<FixedOffset> {
    let now = clock.now();
    now.with_timezone(&clock.zone().offset_at(now))
}
