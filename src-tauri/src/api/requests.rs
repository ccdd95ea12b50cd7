//! Request shapes shared by several commands.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::Id;

/// `{ id }`: the issue, article or revision the command is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ById {
    pub id: Id,
}

/// `{ issueId }`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ByIssue {
    pub issue_id: Id,
}

/// `{ articleId }`
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ByArticle {
    pub article_id: Id,
}
