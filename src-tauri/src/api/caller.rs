//! Who is asking, and what their roles let them do. The office server checks every command
//! here, whatever the client showed or hid: the UI's disabled buttons are a courtesy, this is
//! the rule.

use crate::domain::Role;
use crate::error::{AppError, ErrorCode};

/// The person a command runs for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// The single-machine app or CLI on its own database: whoever sits at the computer may do
    /// everything, and names are recorded as typed (the app asks for the user's name once).
    Local,
    /// A logged-in account of an office server: its roles decide, and every action is
    /// recorded under its name, never a typed one.
    Account { name: String, roles: Vec<Role> },
}

/// What a command needs of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// Any logged-in account: reading, previewing, exporting, checking.
    Read,
    /// Comments and answers: every role that works on an issue.
    Comment,
    /// Saving an article's text: editors; proofreaders may save only their own suggestions
    /// and comment anchors (checked by the command on the content).
    Suggest,
    /// Marking findings as ignored: editors and proofreaders.
    Proofread,
    /// Moving an issue on: editors; proofreaders only out of a round given to them (checked
    /// by the command on the history).
    Advance,
    /// Sending an issue back with reasons: editors and signers.
    SendBack,
    /// Text, masthead, article list, imports: editors only.
    Edit,
    /// Signing off and revoking: signers only.
    Sign,
    /// Accounts, the publication's settings, releasing someone's article: administrators.
    Administer,
}

impl Permission {
    /// The roles that have this permission.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Permission::Read | Permission::Comment => &Role::ALL,
            Permission::Suggest | Permission::Proofread | Permission::Advance => {
                &[Role::Editor, Role::Proofreader]
            }
            Permission::SendBack => &[Role::Editor, Role::Signer],
            Permission::Edit => &[Role::Editor],
            Permission::Sign => &[Role::Signer],
            Permission::Administer => &[Role::Admin],
        }
    }
}

impl Caller {
    pub fn account(name: impl Into<String>, roles: Vec<Role>) -> Self {
        Caller::Account { name: name.into(), roles }
    }

    pub fn has(&self, role: Role) -> bool {
        match self {
            Caller::Local => true,
            Caller::Account { roles, .. } => roles.contains(&role),
        }
    }

    pub fn is_local(&self) -> bool {
        matches!(self, Caller::Local)
    }

    /// The account's name; `None` on the single machine.
    pub fn account_name(&self) -> Option<&str> {
        match self {
            Caller::Local => None,
            Caller::Account { name, .. } => Some(name),
        }
    }

    /// Refuses, in the words of the refusal, a caller without `permission` for `what`.
    pub fn require(&self, permission: Permission, what: &str) -> Result<(), AppError> {
        let allowed = permission.roles();
        if allowed.iter().any(|role| self.has(*role)) {
            return Ok(());
        }
        let own = match self {
            Caller::Account { roles, .. } => Role::list_chinese(roles),
            Caller::Local => unreachable!("the single machine holds every role"),
        };
        Err(AppError::new(
            ErrorCode::Forbidden,
            format!(
                "只有{}可以{what}；您的账号是{own}。如需这项权限，请联系管理员",
                Role::list_chinese(allowed)
            ),
        ))
    }

    /// Who an action is recorded under. On an office server: the account, and a name typed
    /// with the request (the CLI's `--by`) must be the account's own. On the single machine:
    /// the typed name, which must not be empty (`missing` says what to fill in).
    pub fn actor(&self, typed: Option<&str>, missing: &str) -> Result<String, AppError> {
        let typed = typed.map(str::trim).filter(|name| !name.is_empty());
        match (self, typed) {
            (Caller::Local, Some(name)) => Ok(name.to_owned()),
            (Caller::Local, None) => Err(AppError::invalid(missing)),
            (Caller::Account { name, .. }, None) => Ok(name.clone()),
            (Caller::Account { name, .. }, Some(typed)) if typed == name => Ok(name.clone()),
            (Caller::Account { name, .. }, Some(typed)) => Err(AppError::invalid(format!(
                "操作人“{typed}”与登录的账号“{name}”不符：在办公室服务器上，每一步都记在登录的账号名下。请去掉操作人，或以“{typed}”的账号登录"
            ))),
        }
    }

    /// Like `actor`, but an empty name on the single machine is recorded as `default`.
    pub fn actor_or(&self, typed: Option<&str>, default: &str) -> Result<String, AppError> {
        self.actor(typed, "").or_else(|error| match self {
            Caller::Local => Ok(default.to_owned()),
            Caller::Account { .. } => Err(error),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proofreader() -> Caller {
        Caller::account("李校对", vec![Role::Proofreader])
    }

    #[test]
    fn a_role_without_the_permission_is_refused_naming_who_may() {
        let error = proofreader().require(Permission::Sign, "签发").expect_err("proofreaders do not sign");
        assert_eq!(error.code, ErrorCode::Forbidden);
        assert!(error.message.contains("只有签发人可以签发"), "{}", error.message);
        assert!(proofreader().require(Permission::Comment, "批注").is_ok());
    }

    #[test]
    fn the_single_machine_may_do_everything() {
        for permission in [Permission::Edit, Permission::Sign, Permission::Administer] {
            assert!(Caller::Local.require(permission, "x").is_ok());
        }
    }

    #[test]
    fn an_account_acts_under_its_own_name_only() {
        assert_eq!(proofreader().actor(None, "").expect("own name"), "李校对");
        assert_eq!(proofreader().actor(Some(" 李校对 "), "").expect("same name"), "李校对");
        let error = proofreader().actor(Some("汤建"), "").expect_err("another name");
        assert!(error.message.contains("汤建") && error.message.contains("李校对"), "{}", error.message);
    }

    #[test]
    fn the_single_machine_records_the_typed_name_and_asks_for_one() {
        assert_eq!(Caller::Local.actor(Some("汤建"), "请填写").expect("typed"), "汤建");
        assert_eq!(Caller::Local.actor(Some("  "), "请填写").expect_err("empty").message, "请填写");
        assert_eq!(Caller::Local.actor_or(None, "编辑").expect("default"), "编辑");
    }
}
