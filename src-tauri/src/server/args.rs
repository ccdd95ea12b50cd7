//! `jianbao-server`'s command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "jianbao-server",
    version,
    about = "简报台办公室服务器：一份数据，编辑、校对、签发人各在自己的电脑上（桌面程序、浏览器或 jianbao-cli --server）"
)]
pub struct ServerArgs {
    /// 办公室数据库文件（SQLite）
    #[arg(long, global = true, env = "JIANBAO_DB", value_name = "PATH", conflicts_with = "postgres")]
    pub db: Option<PathBuf>,
    /// 办公室数据库（PostgreSQL）：连接串 "host=… dbname=jianbao user=…" 或 postgres://…
    #[arg(long, global = true, env = "JIANBAO_POSTGRES", value_name = "CONNECTION")]
    pub postgres: Option<String>,
    #[command(subcommand)]
    pub command: Option<ServerCommand>,
    #[command(flatten)]
    pub serve: ServeArgs,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// 监听地址（默认只在本机 127.0.0.1:8470；局域网地址须同时给出 --lan）
    #[arg(long, default_value = "127.0.0.1:8470", value_parser = parse_listen, value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// 允许在局域网地址上监听
    #[arg(long)]
    pub lan: bool,
    /// HTTPS 证书（PEM），与 --tls-key 一起给出
    #[arg(long, requires = "tls_key", value_name = "FILE")]
    pub tls_cert: Option<PathBuf>,
    /// HTTPS 私钥（PEM）
    #[arg(long, requires = "tls_cert", value_name = "FILE")]
    pub tls_key: Option<PathBuf>,
    /// 多久不操作后需重新登录，如 8h、30m、90s（默认 8h）
    #[arg(long, default_value = "8h", value_parser = parse_duration, value_name = "TIME")]
    pub session_idle: Duration,
    /// 一次登录最长有效多久（默认 12h）
    #[arg(long, default_value = "12h", value_parser = parse_duration, value_name = "TIME")]
    pub session_longest: Duration,
    /// 打开的文章多久没有心跳就解除编辑占用（默认 3m）
    #[arg(long, default_value = "3m", value_parser = parse_duration, value_name = "TIME")]
    pub lease: Duration,
}

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// 管理账号：添加、列出、停用、启用、重设密码、改角色
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// 把单机数据库（SQLite 文件）的全部内容迁入新建的空 PostgreSQL 数据库（--postgres），并核对行数和校验值
    Migrate {
        #[arg(long, value_name = "FILE")]
        from_sqlite: PathBuf,
    },
    /// 备份办公室数据库到文件夹（服务器运行时也可以）：SQLite 用在线备份，PostgreSQL 用 pg_dump
    Backup {
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
    /// 从备份恢复：SQLite 的现有文件先改名留存；PostgreSQL 须恢复到新建的空数据库
    Restore {
        #[arg(long, value_name = "FILE")]
        from: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// 添加账号（密码从标准输入读取，终端上输入时不显示）
    Add {
        /// 姓名：登录用，也是每一步操作署的名字
        name: String,
        /// 角色：editor（编辑）、proofreader（校对）、signer（签发人）、admin（管理员），多个用逗号分开
        #[arg(long, value_name = "ROLES")]
        role: String,
    },
    /// 列出账号
    List,
    /// 停用账号：不能再登录，已打开的文章解除占用
    Disable { name: String },
    /// 重新启用账号
    Enable { name: String },
    /// 重设密码（从标准输入读取）；该账号的登录全部失效
    ResetPassword { name: String },
    /// 修改账号的角色
    SetRoles {
        name: String,
        #[arg(long, value_name = "ROLES")]
        role: String,
    },
}

fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("“{text}”不是监听地址，请写成 地址:端口，如 127.0.0.1:8470 或 0.0.0.0:8470"))
}

/// `90s`, `30m`, `8h` (a bare number is seconds).
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len()));
    let number: u64 = number.parse().map_err(|_| format!("“{text}”不是时长，请写成 90s、30m 或 8h"))?;
    let seconds = match unit {
        "" | "s" => number,
        "m" => number * 60,
        "h" => number * 3600,
        _ => return Err(format!("“{text}”不是时长，请写成 90s、30m 或 8h")),
    };
    if seconds == 0 {
        return Err("时长必须大于零".into());
    }
    Ok(Duration::from_secs(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_seconds_minutes_and_hours() {
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("3m"), Ok(Duration::from_secs(180)));
        assert_eq!(parse_duration("8h"), Ok(Duration::from_secs(8 * 3600)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("3 days").is_err());
    }
}
