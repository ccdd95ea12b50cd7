//! `demo`, `init`, `backup` and `import-archive`: commands on this computer's own database file. The
//! first two create a database; an office server's is set up by `jianbao-server`. The archive
//! import reviews a whole folder against the store and has no api command yet.

use std::io::Write;

use super::args::Command;
use super::session::{Target, open_local};
use super::{archive, output_error, print};
use crate::api::{ListIssues, NoArgs};
use crate::client::Backend;
use crate::error::AppError;
use crate::service;
use crate::store::Clock;

/// Runs `command` if it is one of them; gives it back otherwise.
pub fn run(
    command: Command,
    target: &Target,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<Option<Command>, AppError> {
    match command {
        Command::Demo => {
            let mut local = open_local(target.local_path("demo（示例数据库）")?, clock, None)?;
            crate::demo::fill_demo(local.store_mut())?;
            let issues = (&mut local as &mut dyn Backend).call::<ListIssues>(NoArgs {})?;
            print::issue_list(out, issues)?;
        }
        Command::Init => {
            let path = target.local_path("init（初始化数据库）")?;
            let mut local = open_local(path, clock, None)?;
            let created = service::ensure_publication(local.store_mut())?;
            let what = if created { "已初始化数据库" } else { "数据库已初始化，未作改动" };
            writeln!(out, "{what}：{}", path.display()).map_err(output_error)?;
        }
        Command::ImportArchive(args) => {
            let what = "import-archive（批量导入往期）目前";
            let mut local = open_local(target.local_path(what)?, clock, None)?;
            archive::run(&args, local.store_mut(), out)?;
        }
        Command::Backup(args) => {
            let what = "backup（本机数据库的备份）";
            super::backup::run(&args, target.local_path(what)?, clock, out)?;
        }
        command => return Ok(Some(command)),
    }
    Ok(None)
}
