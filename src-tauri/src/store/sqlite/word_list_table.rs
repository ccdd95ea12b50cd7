//! The office's own word list for the proof checks, one per publication, kept as the text of
//! the list file (`proof::WordList::parse` reads it), so that export and import are the same
//! text and a stored list is checked by the very rules that check a file. No row: the list
//! shipped with the program.

use rusqlite::{OptionalExtension, params};

use super::SqliteStore;
use crate::store::{Id, StoreError, WordListStore};

pub(super) const CREATE: &str = "
CREATE TABLE word_list (
    publication_id INTEGER PRIMARY KEY REFERENCES publication (id),
    entries        TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;
";

impl WordListStore for SqliteStore {
    /// The office's list as text, if it has edited one.
    fn word_list_text(&self, publication_id: Id) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT entries FROM word_list WHERE publication_id = ?1", [publication_id], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Replaces the office's list; the caller has checked that `text` parses.
    fn save_word_list_text(&mut self, publication_id: Id, text: &str) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO word_list (publication_id, entries, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (publication_id) DO UPDATE SET entries = excluded.entries,
                                                       updated_at = excluded.updated_at",
            params![publication_id, text, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Goes back to the shipped list.
    fn reset_word_list(&mut self, publication_id: Id) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM word_list WHERE publication_id = ?1", [publication_id])?;
        tx.commit()?;
        Ok(())
    }
}
