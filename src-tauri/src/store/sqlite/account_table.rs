//! The accounts of an office server and their sessions. Passwords are kept only as argon2
//! hashes and session tokens only as SHA-256 hashes: a copy of the database logs nobody in.

use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::SqliteStore;
use crate::domain::Role;
use crate::store::{Account, AccountStore, Id, SessionRecord, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE account (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (name <> ''),
    roles         TEXT NOT NULL CHECK (roles <> ''),
    password_hash TEXT NOT NULL CHECK (password_hash <> ''),
    created_at    TEXT NOT NULL,
    disabled_at   TEXT
) STRICT;

CREATE TABLE account_session (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX account_session_by_account ON account_session (account_id);
";

const ACCOUNT_COLUMNS: &str = "a.id, a.name, a.roles, a.password_hash, a.created_at, a.disabled_at";

impl AccountStore for SqliteStore {
    fn create_account(&mut self, name: &str, roles: &[Role], password_hash: &str) -> Result<Id, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let taken: Option<Id> =
            tx.query_row("SELECT id FROM account WHERE name = ?1", [name], |row| row.get(0)).optional()?;
        if taken.is_some() {
            return Err(StoreError::Invalid(format!("账号“{name}”已经存在，请换一个名字，或为它重设密码")));
        }
        tx.execute(
            "INSERT INTO account (name, roles, password_hash, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![name, Role::list_text(roles), password_hash, now],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    fn account_by_name(&self, name: &str) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM account a WHERE a.name = ?1");
        let row = self.conn.query_row(&sql, [name], |row| AccountRow::read(row, 0)).optional()?;
        row.map(AccountRow::decode).transpose()
    }

    fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM account a ORDER BY a.name");
        let mut statement = self.conn.prepare(&sql)?;
        let rows = statement.query_map([], |row| AccountRow::read(row, 0))?;
        rows.map(|row| row?.decode()).collect()
    }

    fn set_account_disabled(&mut self, name: &str, disabled: bool) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let id = account_id(&tx, name)?;
        tx.execute(
            "UPDATE account SET disabled_at = CASE WHEN ?2 THEN coalesce(disabled_at, ?3) END WHERE id = ?1",
            params![id, disabled, now],
        )?;
        if disabled {
            tx.execute("DELETE FROM article_lease WHERE holder = ?1", [name])?;
            tx.execute("DELETE FROM account_session WHERE account_id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(())
    }

    fn set_account_password(&mut self, name: &str, password_hash: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let id = account_id(&tx, name)?;
        tx.execute("UPDATE account SET password_hash = ?2 WHERE id = ?1", params![id, password_hash])?;
        tx.execute("DELETE FROM account_session WHERE account_id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    fn set_account_roles(&mut self, name: &str, roles: &[Role]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let id = account_id(&tx, name)?;
        tx.execute("UPDATE account SET roles = ?2 WHERE id = ?1", params![id, Role::list_text(roles)])?;
        tx.commit()?;
        Ok(())
    }

    fn create_session(
        &mut self,
        token_hash: &str,
        account_id: Id,
        expires_at: &str,
    ) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO account_session (token_hash, account_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash, account_id, now, expires_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn session(&self, token_hash: &str) -> Result<Option<SessionRecord>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS}, s.created_at, s.expires_at
             FROM account_session s JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?1"
        );
        let row = self
            .conn
            .query_row(&sql, [token_hash], |row| Ok((AccountRow::read(row, 0)?, row.get(6)?, row.get(7)?)))
            .optional()?;
        row.map(|(account, created_at, expires_at)| {
            Ok(SessionRecord { account: account.decode()?, created_at, expires_at })
        })
        .transpose()
    }

    fn extend_session(&mut self, token_hash: &str, expires_at: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE account_session SET expires_at = ?2 WHERE token_hash = ?1 AND expires_at < ?2",
            params![token_hash, expires_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    fn delete_session(&mut self, token_hash: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM account_session WHERE token_hash = ?1", [token_hash])?;
        tx.commit()?;
        Ok(())
    }

    fn delete_expired_sessions(&mut self) -> Result<usize, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let removed = tx.execute("DELETE FROM account_session WHERE expires_at <= ?1", [now])?;
        tx.commit()?;
        Ok(removed)
    }
}

fn account_id(tx: &Transaction, name: &str) -> Result<Id, StoreError> {
    let id: Option<Id> =
        tx.query_row("SELECT id FROM account WHERE name = ?1", [name], |row| row.get(0)).optional()?;
    id.ok_or_else(|| StoreError::Invalid(format!("没有名为“{name}”的账号，请用 user list 查看已有账号")))
}

/// The columns of `ACCOUNT_COLUMNS`, before the roles are decoded.
struct AccountRow {
    id: Id,
    name: String,
    roles: String,
    password_hash: String,
    created_at: String,
    disabled_at: Option<String>,
}

impl AccountRow {
    fn read(row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(AccountRow {
            id: row.get(first)?,
            name: row.get(first + 1)?,
            roles: row.get(first + 2)?,
            password_hash: row.get(first + 3)?,
            created_at: row.get(first + 4)?,
            disabled_at: row.get(first + 5)?,
        })
    }

    fn decode(self) -> Result<Account, StoreError> {
        let roles = Role::parse_list(&self.roles)
            .ok_or_else(|| StoreError::corrupt("account", self.id, format!("未知的角色 {}", self.roles)))?;
        Ok(Account {
            id: self.id,
            name: self.name,
            roles,
            password_hash: self.password_hash,
            created_at: self.created_at,
            disabled_at: self.disabled_at,
        })
    }
}
