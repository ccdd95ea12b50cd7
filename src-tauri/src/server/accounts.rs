//! `jianbao-server user …`: the administrator's account commands, run on the server machine
//! against the office database, each recorded in the audit log.

use std::io::{BufRead, IsTerminal, Write};

use super::args::UserCommand;
use super::auth::hash_password;
use crate::domain::Role;
use crate::error::AppError;
use crate::store::Store;

/// Who the audit log names for what the server's command line did.
const COMMAND_LINE: &str = "服务器命令行";

pub fn run(command: UserCommand, store: &mut dyn Store, out: &mut dyn Write) -> Result<(), AppError> {
    let text = match command {
        UserCommand::Add { name, role } => {
            let name = account_name(&name)?;
            let roles = roles(&role)?;
            let hash = hash_password(&read_password("新账号的密码")?)?;
            store.create_account(&name, &roles, &hash)?;
            store.record_audit(COMMAND_LINE, "user add", &name, &Role::list_text(&roles))?;
            format!("已添加账号“{name}”（{}）\n", Role::list_chinese(&roles))
        }
        UserCommand::List => list(store)?,
        UserCommand::Disable { name } => {
            store.set_account_disabled(&name, true)?;
            store.record_audit(COMMAND_LINE, "user disable", &name, "")?;
            format!("已停用账号“{name}”，它打开的文章已解除占用\n")
        }
        UserCommand::Enable { name } => {
            store.set_account_disabled(&name, false)?;
            store.record_audit(COMMAND_LINE, "user enable", &name, "")?;
            format!("已重新启用账号“{name}”\n")
        }
        UserCommand::ResetPassword { name } => {
            let hash = hash_password(&read_password(&format!("“{name}”的新密码"))?)?;
            store.set_account_password(&name, &hash)?;
            store.record_audit(COMMAND_LINE, "user reset-password", &name, "")?;
            format!("已为“{name}”重设密码，该账号需用新密码重新登录\n")
        }
        UserCommand::SetRoles { name, role } => {
            let roles = roles(&role)?;
            store.set_account_roles(&name, &roles)?;
            store.record_audit(COMMAND_LINE, "user set-roles", &name, &Role::list_text(&roles))?;
            format!("“{name}”的角色改为：{}\n", Role::list_chinese(&roles))
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| AppError::new(crate::ErrorCode::Internal, format!("无法输出结果：{e}")))
}

fn list(store: &dyn Store) -> Result<String, AppError> {
    let accounts = store.accounts()?;
    if accounts.is_empty() {
        return Ok("（还没有账号，可用 user add 姓名 --role editor 添加）\n".into());
    }
    let mut text = String::new();
    for account in accounts {
        let state = if account.disabled_at.is_some() { "　已停用" } else { "" };
        text.push_str(&format!("{}　{}{state}\n", account.name, Role::list_chinese(&account.roles)));
    }
    Ok(text)
}

fn account_name(typed: &str) -> Result<String, AppError> {
    let name = typed.trim();
    if name.is_empty() || name.chars().count() > 32 || name.chars().any(char::is_control) {
        return Err(AppError::invalid("账号名须是 1 到 32 个字的姓名，不能含控制字符"));
    }
    Ok(name.to_owned())
}

fn roles(typed: &str) -> Result<Vec<Role>, AppError> {
    Role::parse_list(typed).ok_or_else(|| {
        AppError::invalid(format!(
            "“{typed}”不是角色；请写 editor（编辑）、proofreader（校对）、signer（签发人）或 admin（管理员），多个用逗号分开"
        ))
    })
}

/// The password: typed at the terminal without echo, or the first line of standard input
/// (a script, or `echo … |`).
fn read_password(prompt: &str) -> Result<String, AppError> {
    let password = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("{prompt}：")).map_err(cannot_read)?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(cannot_read)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if password.is_empty() {
        return Err(AppError::invalid(
            "没有读到密码；请在标准输入中给出密码（例如 echo 密码 | jianbao-server …）",
        ));
    }
    Ok(password)
}

fn cannot_read(error: std::io::Error) -> AppError {
    AppError::invalid(format!("无法读取密码：{error}"))
}
