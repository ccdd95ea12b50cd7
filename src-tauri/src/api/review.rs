//! Comment threads: start one on selected text, answer, resolve or reopen. Every role may
//! comment, also on an article someone else is editing.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::leases::place_pending_anchors;
use super::requests::ByIssue;
use super::{Command, Env, Permission};
use crate::error::AppError;
use crate::service::{self, IssueReview};
use crate::store::{CommentAnchor, Id, NewComment};

#[derive(Debug)]
pub struct GetIssueReview;
impl Command for GetIssueReview {
    const NAME: &'static str = "issue_review";
    const WHAT: &'static str = "查看批注";
    const MAY: Permission = Permission::Read;
    type Request = ByIssue;
    type Response = IssueReview;
    fn run(env: &mut Env, request: ByIssue) -> Result<IssueReview, AppError> {
        service::issue_review(env.store, request.issue_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AddCommentRequest {
    pub issue_id: Id,
    pub article_id: Id,
    pub thread_id: String,
    pub quote: String,
    #[ts(optional)]
    pub author: Option<String>,
    pub body: String,
    /// Where the quote is, when the commenter could not put the thread's id into the text
    /// themselves (they are reading an article someone else is editing).
    #[ts(optional)]
    pub anchor: Option<CommentAnchor>,
}

/// Starts a thread. The commenter's editor has put `threadId` on the text, or sends `anchor`:
/// the anchor then goes into the text at once if nobody else is editing the article, else
/// when the article is next taken.
#[derive(Debug)]
pub struct AddComment;
impl Command for AddComment {
    const NAME: &'static str = "add_comment";
    const WHAT: &'static str = "批注";
    const MAY: Permission = Permission::Comment;
    type Request = AddCommentRequest;
    type Response = IssueReview;
    fn run(env: &mut Env, request: AddCommentRequest) -> Result<IssueReview, AppError> {
        let author = env.caller.actor(request.author.as_deref(), "请先填写您的姓名，批注会署上这个名字")?;
        let comment = NewComment {
            thread_id: &request.thread_id,
            article_id: request.article_id,
            quote: &request.quote,
            author: &author,
            body: &request.body,
            anchor: request.anchor.as_ref(),
        };
        service::add_comment(env.store, &comment)?;
        if request.anchor.is_some() && !held_by_another(env, request.article_id)? {
            place_pending_anchors(env, request.article_id)?;
        }
        service::issue_review(env.store, request.issue_id)
    }
}

fn held_by_another(env: &Env, article_id: Id) -> Result<bool, AppError> {
    let lease = env.store.lease(article_id)?;
    Ok(lease.is_some_and(|lease| Some(lease.holder.as_str()) != env.caller.account_name()))
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReplyRequest {
    pub issue_id: Id,
    pub thread_id: String,
    #[ts(optional)]
    pub author: Option<String>,
    pub body: String,
}

#[derive(Debug)]
pub struct ReplyToComment;
impl Command for ReplyToComment {
    const NAME: &'static str = "reply_to_comment";
    const WHAT: &'static str = "回复批注";
    const MAY: Permission = Permission::Comment;
    type Request = ReplyRequest;
    type Response = IssueReview;
    fn run(env: &mut Env, request: ReplyRequest) -> Result<IssueReview, AppError> {
        let author = env.caller.actor(request.author.as_deref(), "请先填写您的姓名，回复会署上这个名字")?;
        service::reply_to_comment(env.store, &request.thread_id, &author, &request.body)?;
        service::issue_review(env.store, request.issue_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ResolveRequest {
    pub issue_id: Id,
    pub thread_id: String,
    #[ts(optional)]
    pub by: Option<String>,
    pub resolved: bool,
}

/// Resolves a thread, or opens it again.
#[derive(Debug)]
pub struct ResolveComment;
impl Command for ResolveComment {
    const NAME: &'static str = "resolve_comment";
    const WHAT: &'static str = "处理批注";
    const MAY: Permission = Permission::Comment;
    type Request = ResolveRequest;
    type Response = IssueReview;
    fn run(env: &mut Env, request: ResolveRequest) -> Result<IssueReview, AppError> {
        let by = env.caller.actor(request.by.as_deref(), "请先填写您的姓名")?;
        service::set_comment_resolved(env.store, &request.thread_id, &by, request.resolved)?;
        service::issue_review(env.store, request.issue_id)
    }
}
