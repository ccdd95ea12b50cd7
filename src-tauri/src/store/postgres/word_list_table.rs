//! The office's own word list for the proof checks, one per publication, kept as the text of
//! the list file (see the SQLite store's `word_list_table`). No row: the list shipped with
//! the program.

use super::PostgresStore;
use crate::store::{Id, StoreError, WordListStore};

pub(super) const CREATE: &str = "
CREATE TABLE word_list (
    publication_id bigint PRIMARY KEY REFERENCES publication (id),
    entries        text NOT NULL,
    updated_at     timestamptz NOT NULL
);
";

impl WordListStore for PostgresStore {
    /// The office's list as text, if it has edited one.
    fn word_list_text(&self, publication_id: Id) -> Result<Option<String>, StoreError> {
        self.read(|tx| {
            let row =
                tx.query_opt("SELECT entries FROM word_list WHERE publication_id = $1", &[&publication_id])?;
            Ok(row.map(|row| row.try_get(0)).transpose()?)
        })
    }

    /// Replaces the office's list; the caller has checked that `text` parses.
    fn save_word_list_text(&mut self, publication_id: Id, text: &str) -> Result<(), StoreError> {
        self.write(|tx, now| {
            tx.execute(
                "INSERT INTO word_list (publication_id, entries, updated_at) VALUES ($1, $2, $3)
                 ON CONFLICT (publication_id) DO UPDATE SET entries = excluded.entries,
                                                           updated_at = excluded.updated_at",
                &[&publication_id, &text, &now],
            )?;
            Ok(())
        })
    }

    /// Goes back to the shipped list.
    fn reset_word_list(&mut self, publication_id: Id) -> Result<(), StoreError> {
        self.write(|tx, _| {
            tx.execute("DELETE FROM word_list WHERE publication_id = $1", &[&publication_id])?;
            Ok(())
        })
    }
}
