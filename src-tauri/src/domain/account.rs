//! Who may do what in an office: the four roles an account can hold.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A role in the making of an issue. An account holds one or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Role {
    /// 责任编辑: edits text, masthead and the article list, sends the issue to a round.
    Editor,
    /// 校对: comments, suggests changes, ignores findings, passes a round given to them.
    Proofreader,
    /// 签发人: signs the issue off, or revokes the sign-off.
    Signer,
    /// 管理员: manages accounts and the publication's settings.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Editor, Role::Proofreader, Role::Signer, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Proofreader => "proofreader",
            Role::Signer => "signer",
            Role::Admin => "admin",
        }
    }

    pub fn as_chinese(self) -> &'static str {
        match self {
            Role::Editor => "编辑",
            Role::Proofreader => "校对",
            Role::Signer => "签发人",
            Role::Admin => "管理员",
        }
    }

    /// Reads a role by its stored name or its Chinese name.
    pub fn parse(text: &str) -> Option<Role> {
        let text = text.trim();
        Role::ALL.into_iter().find(|role| role.as_str() == text || role.as_chinese() == text)
    }

    /// `editor,admin` → the roles, in their fixed order; `None` if any name is unknown or none
    /// is given.
    pub fn parse_list(text: &str) -> Option<Vec<Role>> {
        let mut roles = text
            .split([',', '，', '、'])
            .filter(|part| !part.trim().is_empty())
            .map(Role::parse)
            .collect::<Option<Vec<_>>>()?;
        roles.sort_unstable();
        roles.dedup();
        (!roles.is_empty()).then_some(roles)
    }

    /// The stored form of a set of roles: `editor,admin`.
    pub fn list_text(roles: &[Role]) -> String {
        roles.iter().map(|role| role.as_str()).collect::<Vec<_>>().join(",")
    }

    /// `编辑、管理员`, for messages.
    pub fn list_chinese(roles: &[Role]) -> String {
        roles.iter().map(|role| role.as_chinese()).collect::<Vec<_>>().join("、")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_list_reads_english_or_chinese_names_in_any_order_once_each() {
        assert_eq!(Role::parse_list("admin, editor,编辑"), Some(vec![Role::Editor, Role::Admin]));
        assert_eq!(Role::parse_list("校对、签发人"), Some(vec![Role::Proofreader, Role::Signer]));
    }

    #[test]
    fn an_unknown_or_empty_role_list_is_refused() {
        assert_eq!(Role::parse_list("editor,boss"), None);
        assert_eq!(Role::parse_list(" , "), None);
    }

    #[test]
    fn the_stored_form_reads_back() {
        let roles = vec![Role::Proofreader, Role::Admin];
        assert_eq!(Role::parse_list(&Role::list_text(&roles)), Some(roles));
    }
}
