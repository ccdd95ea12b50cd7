//! The office account's password: from `JIANBAO_PASSWORD` (scripts), else typed at the
//! terminal without echo. Never read from standard input: `import -` reads pasted text there.

use crate::error::AppError;

/// The environment variable a script puts the password in.
pub const PASSWORD_VARIABLE: &str = "JIANBAO_PASSWORD";

pub fn password(user: &str) -> Result<String, AppError> {
    match std::env::var(PASSWORD_VARIABLE) {
        Ok(password) if !password.is_empty() => Ok(password),
        Err(std::env::VarError::NotUnicode(_)) => Err(AppError::invalid(format!(
            "环境变量 {PASSWORD_VARIABLE} 中的密码不是有效的文字（须为 UTF-8），请重新设置后再试"
        ))),
        _ => prompt(user),
    }
}

/// Someone who can type: the prompt goes to the terminal, not to a script's pipe, and a run
/// without one would otherwise wait for an answer nobody gives.
#[cfg(feature = "server")]
fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() || std::io::stderr().is_terminal()
}

#[cfg(feature = "server")]
fn prompt(user: &str) -> Result<String, AppError> {
    if !has_terminal() {
        return Err(AppError::invalid(format!(
            "没有账号“{user}”的密码：请在环境变量 {PASSWORD_VARIABLE} 中给出密码，或在终端中运行 jianbao-cli，按提示输入密码"
        )));
    }
    let typed = rpassword::prompt_password(format!("账号“{user}”的密码：")).map_err(|e| {
        AppError::invalid(format!("无法读取密码：{e}；也可以把密码放在环境变量 {PASSWORD_VARIABLE} 中"))
    })?;
    if typed.is_empty() {
        return Err(AppError::invalid("没有输入密码，未登录；请重新运行并输入密码"));
    }
    Ok(typed)
}

#[cfg(not(feature = "server"))]
fn prompt(user: &str) -> Result<String, AppError> {
    Err(AppError::invalid(format!(
        "这个版本的 jianbao-cli 不能在终端中询问密码：请在环境变量 {PASSWORD_VARIABLE} 中给出账号“{user}”的密码后再运行"
    )))
}
