//! Who the client is talking as, and the office's accounts (for naming whom a round is given).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Caller, Command, Env, NoArgs, Permission};
use crate::domain::Role;
use crate::error::AppError;

/// The caller as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    /// The account's name; none on the single machine, where the UI asks for a name.
    #[ts(optional)]
    pub name: Option<String>,
    pub roles: Vec<Role>,
    /// Working on an office server (roles and leases apply) rather than a single machine.
    pub office: bool,
}

impl Me {
    pub fn of(caller: &Caller) -> Me {
        match caller {
            Caller::Local => Me { name: None, roles: Role::ALL.to_vec(), office: false },
            Caller::Account { name, roles } => {
                Me { name: Some(name.clone()), roles: roles.clone(), office: true }
            }
        }
    }
}

#[derive(Debug)]
pub struct WhoAmI;
impl Command for WhoAmI {
    const NAME: &'static str = "whoami";
    const WHAT: &'static str = "查看账号";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = Me;
    fn run(env: &mut Env, _: NoArgs) -> Result<Me, AppError> {
        Ok(Me::of(env.caller))
    }
}

/// An account as other users see it: no hash, no dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AccountView {
    pub name: String,
    pub roles: Vec<Role>,
    pub disabled: bool,
}

#[derive(Debug)]
pub struct ListAccounts;
impl Command for ListAccounts {
    const NAME: &'static str = "list_accounts";
    const WHAT: &'static str = "查看账号";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = Vec<AccountView>;
    fn run(env: &mut Env, _: NoArgs) -> Result<Vec<AccountView>, AppError> {
        let accounts = env.store.accounts()?;
        Ok(accounts
            .into_iter()
            .map(|a| AccountView { name: a.name, roles: a.roles, disabled: a.disabled_at.is_some() })
            .collect())
    }
}
