//! 查找替换 across an issue in the store, and taking a replace-all back.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Command, Env, Permission};
use crate::domain::Role;
use crate::error::AppError;
use crate::service::{self, ReplaceReport, ReplaceRequest, Replacer};

/// Replaces (or with `dry_run` only counts) across the issue's articles. A proofreader's
/// replacements are always recorded as suggestions, as their typing is.
#[derive(Debug)]
pub struct ReplaceInIssue;
impl Command for ReplaceInIssue {
    const NAME: &'static str = "replace_in_issue";
    const WHAT: &'static str = "查找替换";
    const MAY: Permission = Permission::Suggest;
    type Request = ReplaceRequest;
    type Response = ReplaceReport;
    fn run(env: &mut Env, request: ReplaceRequest) -> Result<ReplaceReport, AppError> {
        let author = env.caller.actor_or(request.author.as_deref(), service::DEFAULT_AUTHOR)?;
        let request = ReplaceRequest { suggest: request.suggest || !env.caller.has(Role::Editor), ..request };
        let at = env.clock.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let who = Replacer { author: &author, holder: env.caller.account_name(), at: &at };
        service::replace_in_issue(env.store, &request, who)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UndoReplaceRequest {
    /// The report the replace-all answered with.
    pub report: ReplaceReport,
    #[ts(optional)]
    pub author: Option<String>,
}

/// Returns every article a replace-all saved to the revision before it, in one step.
#[derive(Debug)]
pub struct UndoReplace;
impl Command for UndoReplace {
    const NAME: &'static str = "undo_replace";
    const WHAT: &'static str = "撤销替换";
    const MAY: Permission = Permission::Suggest;
    type Request = UndoReplaceRequest;
    type Response = u32;
    fn run(env: &mut Env, request: UndoReplaceRequest) -> Result<u32, AppError> {
        let author = env.caller.actor_or(request.author.as_deref(), service::DEFAULT_AUTHOR)?;
        if !env.caller.has(Role::Editor) {
            for entry in request.report.articles.iter().filter(|a| a.saved_revision.is_some()) {
                let stored = env.store.article(entry.article_id)?.article;
                let before = env.store.revision(entry.base_revision)?.article;
                service::ensure_only_own_suggestions(&stored, &before, &author)?;
            }
        }
        let at = env.clock.now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let who = Replacer { author: &author, holder: env.caller.account_name(), at: &at };
        service::undo_replace(env.store, &request.report, who)
    }
}
