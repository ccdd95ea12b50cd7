//! The proof checks of a stored issue: check, apply a suggestion, ignore or show a finding.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Command, Env, Permission};
use crate::error::AppError;
use crate::proof::WordList;
use crate::service::{self, FindingView, IssueCheck};
use crate::store::{Id, SaveGuard};

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CheckIssueRequest {
    pub issue_id: Id,
    /// A word list file's text to check with instead of the office's (the CLI's `--words`).
    #[ts(optional)]
    pub words: Option<String>,
}

#[derive(Debug)]
pub struct CheckIssue;
impl Command for CheckIssue {
    const NAME: &'static str = "check_issue";
    const WHAT: &'static str = "校对检查";
    const MAY: Permission = Permission::Read;
    type Request = CheckIssueRequest;
    type Response = IssueCheck;
    fn run(env: &mut Env, request: CheckIssueRequest) -> Result<IssueCheck, AppError> {
        let words = request
            .words
            .map(|text| WordList::parse(&text).map_err(|e| AppError::invalid(format!("用词表有误：{e}"))))
            .transpose()?;
        service::check_stored_issue(env.store, request.issue_id, words.as_ref())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FindingRequest {
    pub issue_id: Id,
    pub finding: FindingView,
    /// Who applies or ignores it, on the single machine.
    #[ts(optional)]
    pub by: Option<String>,
}

/// Applies the finding's suggestion to the stored article and checks the issue again.
#[derive(Debug)]
pub struct ApplyFinding;
impl Command for ApplyFinding {
    const NAME: &'static str = "apply_finding";
    const WHAT: &'static str = "采用校对建议（修改正文）";
    const MAY: Permission = Permission::Edit;
    type Request = FindingRequest;
    type Response = IssueCheck;
    fn run(env: &mut Env, request: FindingRequest) -> Result<IssueCheck, AppError> {
        let author = env.caller.actor_or(request.by.as_deref(), service::DEFAULT_AUTHOR)?;
        let guard = SaveGuard { base_revision: None, holder: env.caller.account_name() };
        service::apply_finding(env.store, &request.finding, &author, &guard)?;
        service::check_stored_issue(env.store, request.issue_id, None)
    }
}

#[derive(Debug)]
pub struct IgnoreFinding;
impl Command for IgnoreFinding {
    const NAME: &'static str = "ignore_finding";
    const WHAT: &'static str = "忽略校对问题";
    const MAY: Permission = Permission::Proofread;
    type Request = FindingRequest;
    type Response = IssueCheck;
    fn run(env: &mut Env, request: FindingRequest) -> Result<IssueCheck, AppError> {
        let by = env.caller.actor(request.by.as_deref(), "请先填写您的姓名：忽略一处问题要记下是谁决定的")?;
        service::ignore_finding(env.store, request.issue_id, &request.finding, &by)?;
        service::check_stored_issue(env.store, request.issue_id, None)
    }
}

#[derive(Debug)]
pub struct UnignoreFinding;
impl Command for UnignoreFinding {
    const NAME: &'static str = "unignore_finding";
    const WHAT: &'static str = "取消忽略";
    const MAY: Permission = Permission::Proofread;
    type Request = FindingRequest;
    type Response = IssueCheck;
    fn run(env: &mut Env, request: FindingRequest) -> Result<IssueCheck, AppError> {
        service::unignore_finding(env.store, request.issue_id, &request.finding)?;
        service::check_stored_issue(env.store, request.issue_id, None)
    }
}
