//! Check-out of articles. Opening an article to edit takes its lease; the editor renews it
//! while open and gives it up on close. Others see who holds it and read it, and comment; a
//! lease lapses without renewal, and an administrator can release it (recorded).
//!
//! On the single machine there is only one person: leases are not kept, and every article is
//! the caller's.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::requests::{ByArticle, ByIssue};
use super::{Command, Done, Env, Permission};
use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::store::{Id, Lease, LeaseOutcome, SaveGuard};

/// Whether the caller may edit the article now, and who holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleLease {
    pub article_id: Id,
    /// The caller holds the article: the editor is editable.
    pub mine: bool,
    /// The lease, when one is kept (not on the single machine).
    #[ts(optional)]
    pub lease: Option<Lease>,
}

#[derive(Debug)]
pub struct TakeLease;
impl Command for TakeLease {
    const NAME: &'static str = "take_lease";
    const WHAT: &'static str = "编辑文章";
    const MAY: Permission = Permission::Suggest;
    type Request = ByArticle;
    type Response = ArticleLease;
    fn run(env: &mut Env, request: ByArticle) -> Result<ArticleLease, AppError> {
        let article_id = request.article_id;
        let issue_id = env.store.article(article_id)?.issue_id;
        if env.store.issue(issue_id)?.issue.status == IssueStatus::SignedOff {
            return Err(AppError::invalid("本期已签发，文章只能阅读；如需修改，请签发人先“撤销签发”"));
        }
        let Some(holder) = env.caller.account_name().map(str::to_owned) else {
            return Ok(ArticleLease { article_id, mine: true, lease: None });
        };
        match env.store.take_lease(article_id, &holder, env.lease_ttl)? {
            LeaseOutcome::Granted(lease) => {
                place_pending_anchors(env, article_id)?;
                Ok(ArticleLease { article_id, mine: true, lease: Some(lease) })
            }
            LeaseOutcome::HeldBy(lease) => Ok(ArticleLease { article_id, mine: false, lease: Some(lease) }),
        }
    }
}

/// The editor's heartbeat. `mine` false: the lease lapsed and someone else has the article
/// now (or an administrator released it); the editor turns read-only and keeps the text.
#[derive(Debug)]
pub struct RenewLease;
impl Command for RenewLease {
    const NAME: &'static str = "renew_lease";
    const WHAT: &'static str = "编辑文章";
    const MAY: Permission = Permission::Suggest;
    type Request = ByArticle;
    type Response = ArticleLease;
    fn run(env: &mut Env, request: ByArticle) -> Result<ArticleLease, AppError> {
        let article_id = request.article_id;
        let Some(holder) = env.caller.account_name().map(str::to_owned) else {
            return Ok(ArticleLease { article_id, mine: true, lease: None });
        };
        if let Some(lease) = env.store.renew_lease(article_id, &holder, env.lease_ttl)? {
            return Ok(ArticleLease { article_id, mine: true, lease: Some(lease) });
        }
        Ok(ArticleLease { article_id, mine: false, lease: env.store.lease(article_id)? })
    }
}

#[derive(Debug)]
pub struct ReleaseLease;
impl Command for ReleaseLease {
    const NAME: &'static str = "release_lease";
    const WHAT: &'static str = "编辑文章";
    const MAY: Permission = Permission::Suggest;
    type Request = ByArticle;
    type Response = Done;
    fn run(env: &mut Env, request: ByArticle) -> Result<Done, AppError> {
        if let Some(holder) = env.caller.account_name().map(str::to_owned) {
            env.store.release_lease(request.article_id, &holder)?;
        }
        Ok(Done {})
    }
}

/// An administrator frees an article whose holder has gone (a crashed computer keeps its lease
/// until it lapses); the release is recorded with who did it.
#[derive(Debug)]
pub struct ForceReleaseLease;
impl Command for ForceReleaseLease {
    const NAME: &'static str = "force_release_lease";
    const WHAT: &'static str = "解除他人对文章的编辑";
    const MAY: Permission = Permission::Administer;
    type Request = ByArticle;
    type Response = Done;
    fn run(env: &mut Env, request: ByArticle) -> Result<Done, AppError> {
        let actor = env.caller.actor_or(None, crate::service::DEFAULT_AUTHOR)?;
        if let Some(lease) = env.store.force_release_lease(request.article_id)? {
            let detail = format!("{}自{}起编辑", lease.holder, lease.taken_at);
            env.store.record_audit(
                &actor,
                "force_release_lease",
                &format!("文章 {}", request.article_id),
                &detail,
            )?;
        }
        Ok(Done {})
    }
}

#[derive(Debug)]
pub struct IssueLeases;
impl Command for IssueLeases {
    const NAME: &'static str = "issue_leases";
    const WHAT: &'static str = "查看期刊";
    const MAY: Permission = Permission::Read;
    type Request = ByIssue;
    type Response = Vec<Lease>;
    fn run(env: &mut Env, request: ByIssue) -> Result<Vec<Lease>, AppError> {
        Ok(env.store.leases_of_issue(request.issue_id)?)
    }
}

/// Puts the anchors of comments made while someone else held the article into its text, as a
/// revision under the commenter's name, now that the caller holds it. A comment whose text is
/// gone stays a thread without an anchor (shown as such).
pub(super) fn place_pending_anchors(env: &mut Env, article_id: Id) -> Result<(), AppError> {
    let pending = env.store.pending_anchors(article_id)?;
    if pending.is_empty() {
        return Ok(());
    }
    let record = env.store.article(article_id)?;
    let threads = env.store.comment_threads_of_issue(record.issue_id)?;
    let mut article = record.article;
    let mut author = None;
    for (thread_id, anchor) in &pending {
        let Some(thread) = threads.iter().find(|thread| &thread.id == thread_id) else { continue };
        if article.place_comment(thread_id, anchor, &thread.quote) {
            author = author.or_else(|| thread.messages.first().map(|m| m.author.clone()));
        }
    }
    if let Some(author) = author {
        let guard = SaveGuard { base_revision: Some(record.revision), holder: env.caller.account_name() };
        env.store.save_article(article_id, &article, &author, &guard)?;
    }
    for (thread_id, _) in &pending {
        env.store.clear_pending_anchor(thread_id)?;
    }
    Ok(())
}
