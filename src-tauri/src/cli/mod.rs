//! `jianbao-cli`: the same operations as the desktop app, for tests, benchmarks and batch work.
//!
//! Exit codes: 0 done, 1 the user's input cannot be used (Chinese message on stderr), 2 the
//! program failed.

mod aliases;
mod archive;
mod args;
mod backup;
mod check;
mod check_bench;
mod export;
mod import;
mod issues;
mod local_only;
mod password;
mod print;
mod printing;
mod replace;
mod review;
mod rounds;
mod search;
mod session;
mod stats;
pub mod usage;
mod words;

use std::io::Write;
use std::path::PathBuf;

pub use args::{Cli, Command, IssueCommand, PublicationCommand};

use crate::error::AppError;
use crate::store::Clock;
use session::{Session, Target};

/// Runs one CLI invocation, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write, clock: Box<dyn Clock>) -> Result<(), AppError> {
    match &cli.command {
        Command::Render { file, pdf } => return export::render(file, pdf, clock.now(), out),
        Command::Fonts { file, font_dir } => return export::list_fonts(file.as_deref(), font_dir, out),
        Command::Check(args) if check::is_file(args) => return check::run_file(args, out),
        Command::CheckBench { paths, list } => return check_bench::run(paths, *list, out),
        Command::Print(args) if args.lists_printers() => return printing::list_printers(out),
        _ => {}
    }
    let target = Target::of(cli.db, cli.server, cli.user)?;
    let Some(command) = local_only::run(cli.command, &target, clock.as_ref(), out)? else {
        return Ok(());
    };
    let font_dir = match &command {
        Command::Export { pdf, .. } => pdf.fonts.font_dir.clone(),
        _ => None,
    };
    let mut session = Session::open(&target, clock.as_ref(), font_dir)?;
    let result = run_in(command, &mut session, clock.as_ref(), out);
    session.close();
    result
}

/// A command on data, wherever the session runs it.
fn run_in(
    command: Command,
    session: &mut Session,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    match command {
        Command::Export { id, pdf } => export::export(session, id, &pdf, out),
        Command::Check(args) => check::run_stored(&args, session, out),
        Command::Rounds(command) => rounds::run(command, session, clock, out),
        Command::Review(command) => review::run(command, session, clock.zone(), out),
        Command::Words(args) => words::run(&args, session, out),
        Command::Search(args) => search::run(args, session, out),
        Command::Replace(args) => replace::run(args, session, out),
        Command::Print(args) => printing::print(&args, session, out),
        Command::Stats(args) => stats::run(&args, session, out),
        Command::Aliases(args) => aliases::run(&args, session, out),
        Command::Publication { command } => issues::run_publication(command, session, out),
        Command::Issue { command } => issues::run_issue(command, session, out),
        Command::Import { files, issue } => import::run_import(session, &files, issue, out),
        Command::ImportIssue { file } => import::run_import_issue(session, &file, out),
        Command::Render { .. }
        | Command::CheckBench { .. }
        | Command::Fonts { .. }
        | Command::Demo
        | Command::Init
        | Command::Backup(_)
        | Command::ImportArchive(_) => unreachable!("commands without a session returned above"),
    }
}

/// The desktop app's identifier (tauri.conf.json): the app keeps its database in the user's
/// data directory under this name, and the CLI opens the same one by default.
const APP_IDENTIFIER: &str = "cn.jianbao.desktop";

/// `--db`, else `JIANBAO_DB` (clap reads both into `db`), else the desktop app's database in
/// the user's data directory, so the CLI and the app of one user see the same issues.
fn database_path(given: Option<PathBuf>) -> Result<PathBuf, AppError> {
    if let Some(path) = given {
        return Ok(path);
    }
    let dirs = directories::BaseDirs::new()
        .ok_or_else(|| AppError::invalid("找不到用户数据目录，请用 --db 指定数据库文件"))?;
    Ok(dirs.data_dir().join(APP_IDENTIFIER).join("jianbao.sqlite3"))
}

pub(crate) fn read_text(path: &std::path::Path) -> Result<String, AppError> {
    let bytes = std::fs::read(path)
        .map_err(|e| AppError::invalid(format!("无法读取文件“{}”：{e}", path.display())))?;
    String::from_utf8(bytes)
        .map_err(|_| AppError::invalid(format!("文件“{}”不是 UTF-8 编码的文本", path.display())))
}

fn output_error(error: std::io::Error) -> AppError {
    AppError::new(crate::ErrorCode::Internal, format!("无法输出结果：{error}"))
}

/// Parses the arguments and runs; returns the process exit code.
pub fn main_with(args: impl IntoIterator<Item = std::ffi::OsString>, clock: Box<dyn Clock>) -> i32 {
    let cli = match usage::parse::<Cli>(args) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let mut out = Stdout { inner: std::io::stdout().lock(), closed: false };
    match run(cli, &mut out, clock) {
        Ok(()) => 0,
        // The reader stopped reading (`| head -1`): it has what it wanted, nothing to report.
        Err(_) if out.closed => 0,
        Err(error) => {
            eprintln!("错误：{}", error.message);
            if error.is_user_error() { 1 } else { 2 }
        }
    }
}

/// Standard output that remembers whether its reader went away.
struct Stdout {
    inner: std::io::StdoutLock<'static>,
    closed: bool,
}

impl Write for Stdout {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.inner.write(bytes);
        self.closed |= matches!(&written, Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe);
        written
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.inner.flush();
        self.closed |= matches!(&flushed, Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe);
        flushed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_database_is_the_desktop_apps() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../../tauri.conf.json")).expect("tauri.conf.json is JSON");
        assert_eq!(config["identifier"], APP_IDENTIFIER, "the app's data folder is named by its identifier");
        let path = database_path(None).expect("a data directory");
        assert!(path.ends_with("cn.jianbao.desktop/jianbao.sqlite3"), "{}", path.display());
    }
}
