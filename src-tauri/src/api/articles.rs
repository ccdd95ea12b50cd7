//! An issue's articles: open, save (each save a revision, on the revision it started from),
//! add, remove, reorder, and the revision history.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::requests::{ByArticle, ById};
use super::{Command, Env, Permission};
use crate::domain::{Article, Role};
use crate::error::AppError;
use crate::service::{self, ArticleView, IssueView, RevisionView, SavedArticle};
use crate::store::{Id, RevisionSummary, SaveGuard};

#[derive(Debug)]
pub struct GetArticle;
impl Command for GetArticle {
    const NAME: &'static str = "get_article";
    const WHAT: &'static str = "查看文章";
    const MAY: Permission = Permission::Read;
    type Request = ById;
    type Response = ArticleView;
    fn run(env: &mut Env, request: ById) -> Result<ArticleView, AppError> {
        service::article_view(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SaveArticleRequest {
    pub id: Id,
    pub article: Article,
    /// The revision the editor's text started from (`ArticleView.revision`).
    pub base_revision: Id,
    #[ts(optional)]
    pub author: Option<String>,
}

/// Saves the editor's text. Refused, with the user's text kept by the client, when the
/// article has a newer revision than the one the text started from, or someone else holds it;
/// a proofreader's save may hold only their own suggestions and comment anchors.
#[derive(Debug)]
pub struct SaveArticle;
impl Command for SaveArticle {
    const NAME: &'static str = "save_article";
    const WHAT: &'static str = "修改文章";
    const MAY: Permission = Permission::Suggest;
    type Request = SaveArticleRequest;
    type Response = SavedArticle;
    fn run(env: &mut Env, request: SaveArticleRequest) -> Result<SavedArticle, AppError> {
        let author = env.caller.actor_or(request.author.as_deref(), service::DEFAULT_AUTHOR)?;
        if !env.caller.has(Role::Editor) {
            let stored = env.store.article(request.id)?;
            service::ensure_only_own_suggestions(&stored.article, &request.article, &author)?;
        }
        let guard =
            SaveGuard { base_revision: Some(request.base_revision), holder: env.caller.account_name() };
        let saved = service::save_article(env.store, request.id, &request.article, &author, &guard)?;
        settle_placed_anchors(env, request.id, &request.article)?;
        Ok(saved)
    }
}

/// Threads waiting for their anchor that the saved text carries now are no longer waiting.
fn settle_placed_anchors(env: &mut Env, article_id: Id, article: &Article) -> Result<(), AppError> {
    let anchored = article.comment_anchors();
    for (thread_id, _) in env.store.pending_anchors(article_id)? {
        if anchored.contains(&thread_id.as_str()) {
            env.store.clear_pending_anchor(&thread_id)?;
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddArticleRequest {
    pub issue_id: Id,
    #[ts(optional)]
    pub author: Option<String>,
}

/// Appends an empty article and answers with the issue, whose last article is the new one.
#[derive(Debug)]
pub struct AddArticle;
impl Command for AddArticle {
    const NAME: &'static str = "add_article";
    const WHAT: &'static str = "添加文章";
    const MAY: Permission = Permission::Edit;
    type Request = AddArticleRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: AddArticleRequest) -> Result<IssueView, AppError> {
        let author = env.caller.actor_or(request.author.as_deref(), service::DEFAULT_AUTHOR)?;
        service::add_blank_article(env.store, request.issue_id, &author)?;
        service::issue_view(env.store, request.issue_id)
    }
}

#[derive(Debug)]
pub struct RemoveArticle;
impl Command for RemoveArticle {
    const NAME: &'static str = "remove_article";
    const WHAT: &'static str = "删去文章";
    const MAY: Permission = Permission::Edit;
    type Request = ById;
    type Response = IssueView;
    fn run(env: &mut Env, request: ById) -> Result<IssueView, AppError> {
        let issue_id = service::remove_article(env.store, request.id)?;
        service::issue_view(env.store, issue_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReorderArticlesRequest {
    pub issue_id: Id,
    pub order: Vec<Id>,
}

#[derive(Debug)]
pub struct ReorderArticles;
impl Command for ReorderArticles {
    const NAME: &'static str = "reorder_articles";
    const WHAT: &'static str = "调整文章顺序";
    const MAY: Permission = Permission::Edit;
    type Request = ReorderArticlesRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: ReorderArticlesRequest) -> Result<IssueView, AppError> {
        service::reorder_articles(env.store, request.issue_id, &request.order)?;
        service::issue_view(env.store, request.issue_id)
    }
}

#[derive(Debug)]
pub struct ListRevisions;
impl Command for ListRevisions {
    const NAME: &'static str = "list_revisions";
    const WHAT: &'static str = "查看修订历史";
    const MAY: Permission = Permission::Read;
    type Request = ByArticle;
    type Response = Vec<RevisionSummary>;
    fn run(env: &mut Env, request: ByArticle) -> Result<Self::Response, AppError> {
        service::list_revisions(env.store, request.article_id)
    }
}

#[derive(Debug)]
pub struct GetRevision;
impl Command for GetRevision {
    const NAME: &'static str = "get_revision";
    const WHAT: &'static str = "查看修订历史";
    const MAY: Permission = Permission::Read;
    type Request = ById;
    type Response = RevisionView;
    fn run(env: &mut Env, request: ById) -> Result<RevisionView, AppError> {
        service::revision_view(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RestoreRevisionRequest {
    pub id: Id,
    #[ts(optional)]
    pub author: Option<String>,
}

#[derive(Debug)]
pub struct RestoreRevision;
impl Command for RestoreRevision {
    const NAME: &'static str = "restore_revision";
    const WHAT: &'static str = "恢复旧版本";
    const MAY: Permission = Permission::Edit;
    type Request = RestoreRevisionRequest;
    type Response = ArticleView;
    fn run(env: &mut Env, request: RestoreRevisionRequest) -> Result<ArticleView, AppError> {
        let author = env.caller.actor_or(request.author.as_deref(), service::DEFAULT_AUTHOR)?;
        let guard = SaveGuard { base_revision: None, holder: env.caller.account_name() };
        service::restore_revision(env.store, request.id, &author, &guard)
    }
}
