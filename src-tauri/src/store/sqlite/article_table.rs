use rusqlite::{OptionalExtension, Transaction, params};

use super::SqliteStore;
use crate::domain::Article;
use crate::store::{ArticleRecord, ArticleSave, ArticleStore, Id, SaveGuard, StoreError};

pub(super) const CREATE: &str = "
CREATE TABLE article (
    id         INTEGER PRIMARY KEY,
    issue_id   INTEGER NOT NULL REFERENCES issue (id),
    position   INTEGER NOT NULL,
    content    TEXT NOT NULL CHECK (json_valid(content)),
    updated_at TEXT NOT NULL,
    deleted_at TEXT
) STRICT;
CREATE INDEX article_by_issue ON article (issue_id, position);
";

/// Inserts an article with its first revision; the caller owns the transaction.
pub(super) fn insert_article(
    tx: &Transaction,
    issue_id: Id,
    position: i64,
    article: &Article,
    author: &str,
    now: &str,
) -> Result<Id, StoreError> {
    let content = to_json(article);
    tx.execute(
        "INSERT INTO article (issue_id, position, content, updated_at) VALUES (?1, ?2, ?3, ?4)",
        params![issue_id, position, content, now],
    )?;
    let id = tx.last_insert_rowid();
    super::revision_table::append_revision(tx, id, author, now, &content)?;
    super::search_table::index_article(tx, id, article)?;
    Ok(id)
}

impl ArticleStore for SqliteStore {
    /// Appends an article at the end of the issue.
    fn add_article(&mut self, issue_id: Id, article: &Article, author: &str) -> Result<Id, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let exists: Option<i64> =
            tx.query_row("SELECT id FROM issue WHERE id = ?1", [issue_id], |row| row.get(0)).optional()?;
        exists.ok_or(StoreError::NotFound { what: "期刊", id: issue_id })?;
        let position: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM article WHERE issue_id = ?1",
            [issue_id],
            |row| row.get(0),
        )?;
        let id = insert_article(&tx, issue_id, position, article, author, &now)?;
        touch_issue(&tx, issue_id, &now)?;
        tx.commit()?;
        Ok(id)
    }

    fn save_article(
        &mut self,
        id: Id,
        article: &Article,
        author: &str,
        guard: &SaveGuard,
    ) -> Result<Id, StoreError> {
        let now = self.now();
        let content = to_json(article);
        let tx = self.conn.transaction()?;
        check_guard(&tx, id, guard, &now)?;
        let issue_id: Option<Id> = tx
            .query_row(
                "UPDATE article SET content = ?1, updated_at = ?2 WHERE id = ?3 AND deleted_at IS NULL
                 RETURNING issue_id",
                params![content, now, id],
                |row| row.get(0),
            )
            .optional()?;
        let issue_id = issue_id.ok_or(StoreError::NotFound { what: "文章", id })?;
        let revision = super::revision_table::append_revision(&tx, id, author, &now, &content)?;
        super::search_table::index_article(&tx, id, article)?;
        touch_issue(&tx, issue_id, &now)?;
        tx.commit()?;
        Ok(revision)
    }

    fn save_articles(
        &mut self,
        saves: &[ArticleSave],
        author: &str,
        holder: Option<&str>,
    ) -> Result<Vec<Id>, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let mut revisions = Vec::with_capacity(saves.len());
        let mut issues: Vec<Id> = vec![];
        for save in saves {
            let guard = SaveGuard { base_revision: Some(save.base_revision), holder };
            check_guard(&tx, save.id, &guard, &now)?;
            let content = to_json(&save.article);
            let issue_id: Option<Id> = tx
                .query_row(
                    "UPDATE article SET content = ?1, updated_at = ?2 WHERE id = ?3 AND deleted_at IS NULL
                     RETURNING issue_id",
                    params![content, now, save.id],
                    |row| row.get(0),
                )
                .optional()?;
            let issue_id = issue_id.ok_or(StoreError::NotFound { what: "文章", id: save.id })?;
            revisions.push(super::revision_table::append_revision(&tx, save.id, author, &now, &content)?);
            super::search_table::index_article(&tx, save.id, &save.article)?;
            if !issues.contains(&issue_id) {
                issues.push(issue_id);
            }
        }
        for issue_id in issues {
            touch_issue(&tx, issue_id, &now)?;
        }
        tx.commit()?;
        Ok(revisions)
    }

    fn article(&self, id: Id) -> Result<ArticleRecord, StoreError> {
        let row: Option<(Id, String, Id)> = self
            .conn
            .query_row(
                &format!("SELECT issue_id, content, {LATEST_REVISION} FROM article a WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )
            .optional()?;
        let (issue_id, content, revision) = row.ok_or(StoreError::NotFound { what: "文章", id })?;
        Ok(ArticleRecord { id, issue_id, article: decode(id, &content)?, revision })
    }

    /// The issue's articles in print order.
    fn articles_of(&self, issue_id: Id) -> Result<Vec<ArticleRecord>, StoreError> {
        let mut statement = self.conn.prepare(&format!(
            "SELECT id, content, {LATEST_REVISION} FROM article a WHERE issue_id = ?1 AND deleted_at IS NULL
             ORDER BY position, id"
        ))?;
        let rows = statement
            .query_map([issue_id], |row| Ok((row.get(0)?, row.get::<_, String>(1)?, row.get(2)?)))?;
        rows.map(|row| {
            let (id, content, revision) = row?;
            Ok(ArticleRecord { id, issue_id, article: decode(id, &content)?, revision })
        })
        .collect()
    }

    /// Puts the issue's articles in the given order; `order` must list each of them once.
    fn reorder_articles(&mut self, issue_id: Id, order: &[Id]) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let mut current: Vec<Id> = {
            let mut statement =
                tx.prepare("SELECT id FROM article WHERE issue_id = ?1 AND deleted_at IS NULL")?;
            statement.query_map([issue_id], |row| row.get(0))?.collect::<Result<_, _>>()?
        };
        let mut wanted = order.to_vec();
        current.sort_unstable();
        wanted.sort_unstable();
        if current != wanted {
            return Err(StoreError::Invalid("文章顺序与期刊中的文章不一致，请刷新后重试".into()));
        }
        for (position, id) in order.iter().enumerate() {
            tx.execute("UPDATE article SET position = ?1 WHERE id = ?2", params![position as i64, id])?;
        }
        touch_issue(&tx, issue_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Takes an article out of its issue; the row and its revisions stay for recovery.
    fn remove_article(&mut self, id: Id) -> Result<(), StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let issue_id: Option<Id> = tx
            .query_row(
                "UPDATE article SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL RETURNING issue_id",
                params![now, id],
                |row| row.get(0),
            )
            .optional()?;
        let issue_id = issue_id.ok_or(StoreError::NotFound { what: "文章", id })?;
        // A removed article is no longer searched or counted; its row stays for recovery.
        super::search_table::unindex_article(&tx, id)?;
        touch_issue(&tx, issue_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Appends several articles at the end of the issue in one transaction: either all of them
    /// are stored, each with its first revision, or none (an import never half-lands).
    fn append_articles(
        &mut self,
        issue_id: Id,
        articles: &[Article],
        author: &str,
    ) -> Result<Vec<Id>, StoreError> {
        let now = self.now();
        let tx = self.conn.transaction()?;
        let exists: Option<i64> =
            tx.query_row("SELECT id FROM issue WHERE id = ?1", [issue_id], |row| row.get(0)).optional()?;
        exists.ok_or(StoreError::NotFound { what: "期刊", id: issue_id })?;
        let first: i64 = tx.query_row(
            "SELECT coalesce(max(position) + 1, 0) FROM article WHERE issue_id = ?1",
            [issue_id],
            |row| row.get(0),
        )?;
        let mut ids = Vec::with_capacity(articles.len());
        for (offset, article) in articles.iter().enumerate() {
            ids.push(insert_article(&tx, issue_id, first + offset as i64, article, author, &now)?);
        }
        touch_issue(&tx, issue_id, &now)?;
        tx.commit()?;
        Ok(ids)
    }
}

/// The article `a`'s latest revision, as a column expression.
const LATEST_REVISION: &str = "(SELECT max(r.id) FROM article_revision r WHERE r.article_id = a.id)";

/// Refuses a save on a stale base or against another account's lease, before anything is
/// written, so the transaction leaves no trace.
fn check_guard(tx: &Transaction, id: Id, guard: &SaveGuard, now: &str) -> Result<(), StoreError> {
    if let Some(base) = guard.base_revision {
        let latest: Option<(Id, String)> = tx
            .query_row(
                "SELECT id, author FROM article_revision WHERE article_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((current_revision, author)) = latest.filter(|(latest, _)| *latest != base) {
            return Err(StoreError::Conflict { current_revision, author });
        }
    }
    if let Some(holder) = guard.holder {
        let other: Option<String> = tx
            .query_row(
                "SELECT holder FROM article_lease WHERE article_id = ?1 AND expires_at > ?2 AND holder <> ?3",
                params![id, now, holder],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(holder) = other {
            return Err(StoreError::Leased { holder });
        }
    }
    Ok(())
}

fn touch_issue(tx: &Transaction, issue_id: Id, now: &str) -> Result<(), StoreError> {
    tx.execute("UPDATE issue SET updated_at = ?1 WHERE id = ?2", params![now, issue_id])?;
    Ok(())
}

fn decode(id: Id, content: &str) -> Result<Article, StoreError> {
    serde_json::from_str(content).map_err(|e| StoreError::corrupt("article", id, e))
}

pub(super) fn to_json(article: &Article) -> String {
    serde_json::to_string(article).expect("domain types serialize without failure")
}

#[cfg(test)]
mod append_tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::{Block, Issue, Publication};
    use crate::store::FixedClock;
    use crate::store::prelude::*;

    fn store_with_issue() -> (tempfile::TempDir, SqliteStore, Id) {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = FixedClock(Utc.with_ymd_and_hms(2025, 9, 1, 8, 0, 0).single().expect("valid instant"));
        let mut store = SqliteStore::open(&dir.path().join("db.sqlite3"), Box::new(clock)).expect("opens");
        let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
        let issue = Issue::sample(vec![article("已有")]);
        let id = store.create_issue(publication, &issue, "测试").expect("issue");
        (dir, store, id)
    }

    fn article(title: &str) -> Article {
        Article {
            title: vec![title.into()],
            subtitle: None,
            byline: None,
            editor_note: vec![],
            body: vec![Block::paragraph("正文。")],
            contributors: vec![],
            source: None,
            field_suggestions: vec![],
            block_suggestions: vec![],
        }
    }

    #[test]
    fn appends_after_the_existing_articles_in_order() {
        let (_dir, mut store, issue) = store_with_issue();
        let ids = store.append_articles(issue, &[article("甲"), article("乙")], "测试").expect("appends");
        let titles: Vec<String> =
            store.articles_of(issue).expect("reads").iter().map(|r| r.article.title_text()).collect();
        assert_eq!(titles, ["已有", "甲", "乙"]);
        assert_eq!(ids.len(), 2);
    }

    #[test]
    fn a_missing_issue_changes_nothing() {
        let (_dir, mut store, issue) = store_with_issue();
        let error = store.append_articles(issue + 99, &[article("甲")], "测试").expect_err("no such issue");
        assert!(matches!(error, StoreError::NotFound { .. }));
        assert_eq!(store.articles_of(issue).expect("reads").len(), 1, "the existing issue is untouched");
    }

    #[test]
    fn suggestions_on_furniture_and_structure_survive_a_reopen() {
        use crate::domain::{BlockChange, BlockSuggestion, FieldChange, FieldSuggestion};
        let (dir, mut store, issue) = store_with_issue();
        let mut suggested = article("秋收进度");
        suggested.body.push(Block::paragraph("另起的一段。"));
        let (author, at) = ("汪校对".to_owned(), "2026-12-02T08:00:00Z".to_owned());
        suggested.block_suggestions = vec![BlockSuggestion {
            block: 1,
            change: BlockChange::SplitFromPrevious,
            id: 1,
            author: author.clone(),
            at: at.clone(),
        }];
        suggested.field_suggestions = vec![FieldSuggestion {
            change: FieldChange::Title { lines: vec!["秋收过半".into()] },
            id: 2,
            author,
            at,
        }];
        let ids = store.append_articles(issue, std::slice::from_ref(&suggested), "测试").expect("appends");
        drop(store);
        let clock = FixedClock(Utc.with_ymd_and_hms(2025, 9, 2, 8, 0, 0).single().expect("valid instant"));
        let store = SqliteStore::open(&dir.path().join("db.sqlite3"), Box::new(clock)).expect("reopens");
        assert_eq!(store.article(ids[0]).expect("reads").article, suggested);
    }

    #[test]
    fn an_article_row_written_before_these_suggestions_reads_unchanged() {
        let (dir, store, issue) = store_with_issue();
        let id = store.articles_of(issue).expect("reads")[0].id;
        drop(store);
        let old_shape = r#"{"title":["旧稿标题"],"byline":"旧署名","body":[{"type":"paragraph","content":[{"text":"旧正文"}]}]}"#;
        let connection = rusqlite::Connection::open(dir.path().join("db.sqlite3")).expect("opens the file");
        connection
            .execute("UPDATE article SET content = ?1 WHERE id = ?2", params![old_shape, id])
            .expect("writes the old shape");
        drop(connection);
        let clock = FixedClock(Utc.with_ymd_and_hms(2025, 9, 2, 8, 0, 0).single().expect("valid instant"));
        let store = SqliteStore::open(&dir.path().join("db.sqlite3"), Box::new(clock)).expect("reopens");
        let read = store.article(id).expect("an old row decodes").article;
        assert_eq!(read.byline.as_deref(), Some("旧署名"));
        assert!(read.pending_suggestions().is_empty(), "old rows have nothing pending");
        assert_eq!(to_json(&read), old_shape, "and are written back in the same shape");
    }
}
