//! The issue list and each issue's masthead: create, copy, trash, restore, load and dump.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::requests::ById;
use super::{Command, Env, NoArgs, Permission};
use chrono::NaiveDate;

use crate::domain::{IssueFile, IssueKind};
use crate::error::AppError;
use crate::numbering::ProposedNumbers;
use crate::service::{self, IssueView, MastheadUpdate, NewIssueRequest};
use crate::store::{Id, IssueSummary};

#[derive(Debug)]
pub struct ListIssues;
impl Command for ListIssues {
    const NAME: &'static str = "list_issues";
    const WHAT: &'static str = "查看期刊";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = Vec<IssueSummary>;
    fn run(env: &mut Env, _: NoArgs) -> Result<Self::Response, AppError> {
        Ok(env.store.list_issues(env.store.default_publication_id()?)?)
    }
}

#[derive(Debug)]
pub struct GetIssue;
impl Command for GetIssue {
    const NAME: &'static str = "get_issue";
    const WHAT: &'static str = "查看期刊";
    const MAY: Permission = Permission::Read;
    type Request = ById;
    type Response = IssueView;
    fn run(env: &mut Env, request: ById) -> Result<IssueView, AppError> {
        service::issue_view(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct CreateIssueRequest {
    pub request: NewIssueRequest,
}

#[derive(Debug)]
pub struct CreateIssue;
impl Command for CreateIssue {
    const NAME: &'static str = "create_issue";
    const WHAT: &'static str = "新建期刊";
    const MAY: Permission = Permission::Edit;
    type Request = CreateIssueRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: CreateIssueRequest) -> Result<IssueView, AppError> {
        let id = service::create_issue(env.store, &request.request, env.clock.today())?;
        service::issue_view(env.store, id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProposeNumbersRequest {
    pub kind: IssueKind,
    /// Today when left out.
    #[ts(optional)]
    pub date: Option<NaiveDate>,
}

/// The numbers the new-issue form proposes (editable there).
#[derive(Debug)]
pub struct ProposeIssueNumbers;
impl Command for ProposeIssueNumbers {
    const NAME: &'static str = "propose_issue_numbers";
    const WHAT: &'static str = "新建期刊";
    const MAY: Permission = Permission::Read;
    type Request = ProposeNumbersRequest;
    type Response = ProposedNumbers;
    fn run(env: &mut Env, request: ProposeNumbersRequest) -> Result<ProposedNumbers, AppError> {
        service::propose_numbers(env.store, request.kind, request.date.unwrap_or_else(|| env.clock.today()))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UpdateMastheadRequest {
    pub id: Id,
    pub update: MastheadUpdate,
}

#[derive(Debug)]
pub struct UpdateMasthead;
impl Command for UpdateMasthead {
    const NAME: &'static str = "update_masthead";
    const WHAT: &'static str = "修改刊头";
    const MAY: Permission = Permission::Edit;
    type Request = UpdateMastheadRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: UpdateMastheadRequest) -> Result<IssueView, AppError> {
        service::update_masthead(env.store, request.id, &request.update)?;
        service::issue_view(env.store, request.id)
    }
}

/// Answers with the new issue, dated today and numbered next.
#[derive(Debug)]
pub struct DuplicateIssue;
impl Command for DuplicateIssue {
    const NAME: &'static str = "duplicate_issue";
    const WHAT: &'static str = "复制期刊";
    const MAY: Permission = Permission::Edit;
    type Request = ById;
    type Response = IssueView;
    fn run(env: &mut Env, request: ById) -> Result<IssueView, AppError> {
        let author = env.caller.actor_or(None, service::DEFAULT_AUTHOR)?;
        let copy = service::duplicate_issue(env.store, request.id, env.clock.today(), &author)?;
        service::issue_view(env.store, copy)
    }
}

/// Answers with the issue list as it is without the trashed issue.
#[derive(Debug)]
pub struct TrashIssue;
impl Command for TrashIssue {
    const NAME: &'static str = "trash_issue";
    const WHAT: &'static str = "删除期刊";
    const MAY: Permission = Permission::Edit;
    type Request = ById;
    type Response = Vec<IssueSummary>;
    fn run(env: &mut Env, request: ById) -> Result<Self::Response, AppError> {
        service::trash_issue(env.store, request.id)?;
        Ok(env.store.list_issues(env.store.default_publication_id()?)?)
    }
}

/// Answers with what is left in the trash.
#[derive(Debug)]
pub struct RestoreIssue;
impl Command for RestoreIssue {
    const NAME: &'static str = "restore_issue";
    const WHAT: &'static str = "恢复期刊";
    const MAY: Permission = Permission::Edit;
    type Request = ById;
    type Response = Vec<IssueSummary>;
    fn run(env: &mut Env, request: ById) -> Result<Self::Response, AppError> {
        service::restore_issue(env.store, request.id)?;
        service::trashed_issues(env.store)
    }
}

#[derive(Debug)]
pub struct ListTrashedIssues;
impl Command for ListTrashedIssues {
    const NAME: &'static str = "list_trashed_issues";
    const WHAT: &'static str = "查看回收站";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = Vec<IssueSummary>;
    fn run(env: &mut Env, _: NoArgs) -> Result<Self::Response, AppError> {
        service::trashed_issues(env.store)
    }
}

/// `{ json }`: an issue in the exchange format, as the file holds it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LoadIssueRequest {
    pub json: String,
}

#[derive(Debug)]
pub struct LoadIssue;
impl Command for LoadIssue {
    const NAME: &'static str = "load_issue";
    const WHAT: &'static str = "载入期刊";
    const MAY: Permission = Permission::Edit;
    type Request = LoadIssueRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: LoadIssueRequest) -> Result<IssueView, AppError> {
        let author = env.caller.actor_or(None, service::DEFAULT_AUTHOR)?;
        let id = service::load_issue(env.store, &request.json, &author)?;
        service::issue_view(env.store, id)
    }
}

#[derive(Debug)]
pub struct DumpIssue;
impl Command for DumpIssue {
    const NAME: &'static str = "dump_issue";
    const WHAT: &'static str = "导出期刊文件";
    const MAY: Permission = Permission::Read;
    type Request = ById;
    type Response = IssueFile;
    fn run(env: &mut Env, request: ById) -> Result<IssueFile, AppError> {
        service::dump_issue(env.store, request.id)
    }
}
