//! The proof rounds and the sign-off. The editor sends the issue into a round (naming the
//! proofreader it is given to, in an office); the proofreader passes it on; the signer signs
//! it off or revokes the sign-off.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::requests::ById;
use super::{Command, Env, Permission};
use crate::domain::{IssueStatus, Role};
use crate::error::{AppError, ErrorCode};
use crate::service::{self, IssueRounds, RoundComparison, RoundRef};
use crate::store::Id;

const NAME_MISSING: &str = "请填写您的姓名：每一步都要记下是谁做的";

#[derive(Debug)]
pub struct GetIssueRounds;
impl Command for GetIssueRounds {
    const NAME: &'static str = "issue_rounds";
    const WHAT: &'static str = "查看流转记录";
    const MAY: Permission = Permission::Read;
    type Request = ById;
    type Response = IssueRounds;
    fn run(env: &mut Env, request: ById) -> Result<IssueRounds, AppError> {
        service::issue_rounds(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AdvanceRequest {
    pub id: Id,
    #[ts(optional)]
    pub by: Option<String>,
    pub note: String,
    /// The proofreader the round the issue enters is given to.
    #[ts(optional)]
    pub assignee: Option<String>,
}

#[derive(Debug)]
pub struct AdvanceIssue;
impl Command for AdvanceIssue {
    const NAME: &'static str = "advance_issue";
    const WHAT: &'static str = "推进流转";
    const MAY: Permission = Permission::Advance;
    type Request = AdvanceRequest;
    type Response = IssueRounds;
    fn run(env: &mut Env, request: AdvanceRequest) -> Result<IssueRounds, AppError> {
        let by = env.caller.actor(request.by.as_deref(), NAME_MISSING)?;
        if !env.caller.has(Role::Editor) {
            ensure_round_is_given_to(env, request.id, &by)?;
        }
        let assignee = request.assignee.as_deref().map(str::trim).filter(|name| !name.is_empty());
        if let Some(assignee) = assignee {
            ensure_is_proofreader(env, assignee)?;
        }
        service::advance(env.store, request.id, &by, &request.note, assignee)?;
        service::issue_rounds(env.store, request.id)
    }
}

/// A proofreader passes on only a proof round, and only one given to them (or to nobody in
/// particular).
fn ensure_round_is_given_to(env: &Env, issue: Id, name: &str) -> Result<(), AppError> {
    let status = env.store.issue(issue)?.issue.status;
    if service::proof_round_of(status).is_none() || status == IssueStatus::AwaitingSignOff {
        return Err(AppError::new(
            ErrorCode::Forbidden,
            format!("本期现在是“{}”，校对只能把正在校对的一轮送往下一步；请由编辑操作", status.as_chinese()),
        ));
    }
    match service::current_assignee(env.store, issue)? {
        Some(assignee) if assignee != name => Err(AppError::new(
            ErrorCode::Forbidden,
            format!("这一轮{}交给了{assignee}，只有{assignee}或编辑可以把它送往下一步", status.as_chinese()),
        )),
        _ => Ok(()),
    }
}

/// On an office server a round is given to an account that proofreads.
fn ensure_is_proofreader(env: &Env, name: &str) -> Result<(), AppError> {
    if env.caller.is_local() {
        return Ok(());
    }
    match env.store.account_by_name(name)? {
        Some(account) if account.roles.contains(&Role::Proofreader) && account.disabled_at.is_none() => {
            Ok(())
        }
        _ => Err(AppError::invalid(format!("“{name}”不是可用的校对账号，请从校对名单中选择"))),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SendBackRequest {
    pub id: Id,
    #[ts(optional)]
    pub by: Option<String>,
    pub reasons: String,
    #[ts(optional)]
    pub to: Option<IssueStatus>,
}

#[derive(Debug)]
pub struct SendBackIssue;
impl Command for SendBackIssue {
    const NAME: &'static str = "send_back_issue";
    const WHAT: &'static str = "退回修改";
    const MAY: Permission = Permission::SendBack;
    type Request = SendBackRequest;
    type Response = IssueRounds;
    fn run(env: &mut Env, request: SendBackRequest) -> Result<IssueRounds, AppError> {
        let by = env.caller.actor(request.by.as_deref(), NAME_MISSING)?;
        service::send_back(env.store, request.id, &by, &request.reasons, request.to)?;
        service::issue_rounds(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignOffRequest {
    pub id: Id,
    #[ts(optional)]
    pub by: Option<String>,
    /// The masthead date when left out: signing off never moves the printed date by itself.
    #[ts(optional)]
    pub date: Option<NaiveDate>,
    /// The signer saw both dates and confirmed: the masthead prints the sign-off date.
    #[serde(default)]
    #[ts(optional, as = "Option<bool>")]
    pub move_masthead_date: bool,
}

#[derive(Debug)]
pub struct SignOffIssue;
impl Command for SignOffIssue {
    const NAME: &'static str = "sign_off_issue";
    const WHAT: &'static str = "签发";
    const MAY: Permission = Permission::Sign;
    type Request = SignOffRequest;
    type Response = IssueRounds;
    fn run(env: &mut Env, request: SignOffRequest) -> Result<IssueRounds, AppError> {
        let by = env.caller.actor(request.by.as_deref(), NAME_MISSING)?;
        let date = match request.date {
            Some(date) => date,
            None => env.store.issue(request.id)?.issue.date,
        };
        if request.move_masthead_date {
            service::sign_off_moving_masthead(env.store, request.id, &by, date)?;
        } else {
            service::sign_off(env.store, request.id, &by, date)?;
        }
        service::issue_rounds(env.store, request.id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RevokeRequest {
    pub id: Id,
    #[ts(optional)]
    pub by: Option<String>,
    pub reason: String,
}

#[derive(Debug)]
pub struct RevokeSignOffIssue;
impl Command for RevokeSignOffIssue {
    const NAME: &'static str = "revoke_sign_off_issue";
    const WHAT: &'static str = "撤销签发";
    const MAY: Permission = Permission::Sign;
    type Request = RevokeRequest;
    type Response = IssueRounds;
    fn run(env: &mut Env, request: RevokeRequest) -> Result<IssueRounds, AppError> {
        let by = env.caller.actor(request.by.as_deref(), NAME_MISSING)?;
        service::revoke_sign_off(env.store, request.id, &by, &request.reason)?;
        service::issue_rounds(env.store, request.id)
    }
}

/// Rounds as the CLI names them: `一校`…`三校` (or 1–3), `待签发`, `已签发`, `当前`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareRequest {
    pub issue_id: Id,
    pub from: String,
    pub to: String,
}

#[derive(Debug)]
pub struct CompareRounds;
impl Command for CompareRounds {
    const NAME: &'static str = "compare_rounds";
    const WHAT: &'static str = "轮次对照";
    const MAY: Permission = Permission::Read;
    type Request = CompareRequest;
    type Response = RoundComparison;
    fn run(env: &mut Env, request: CompareRequest) -> Result<RoundComparison, AppError> {
        service::compare_rounds(
            env.store,
            request.issue_id,
            round_named(&request.from)?,
            round_named(&request.to)?,
        )
    }
}

fn round_named(text: &str) -> Result<RoundRef, AppError> {
    RoundRef::parse(text).ok_or_else(|| {
        AppError::invalid(format!("“{text}”不是轮次，请选择一校、二校、三校、待签发、已签发或当前"))
    })
}
