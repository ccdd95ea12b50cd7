//! `jianbao-cli`: the same operations as the desktop app, for tests, benchmarks and batch work.
//!
//! Exit codes: 0 done, 1 the user's input cannot be used (Chinese message on stderr), 2 the
//! program failed.

mod archive;
mod args;
mod check;
mod export;
mod import;
mod print;
mod review;
mod rounds;
mod words;

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;

pub use args::{Cli, Command, IssueCommand, PublicationCommand};

use crate::error::AppError;
use crate::service::{self, NewIssueRequest};
use crate::store::{Clock, SqliteStore, Store};

/// Runs one CLI invocation, writing its output to `out`.
pub fn run(cli: Cli, out: &mut dyn Write, clock: Box<dyn Clock>) -> Result<(), AppError> {
    let today = clock.today();
    let zone = clock.zone();
    let now = clock.now();
    match &cli.command {
        Command::Render { file, pdf } => return export::render(file, pdf, now, out),
        Command::Fonts { file, font_dir } => return export::list_fonts(file.as_deref(), font_dir, out),
        Command::Check(args) => return check::run(args, cli.db.clone(), clock, out),
        _ => {}
    }
    let path = database_path(cli.db)?;
    let mut store = SqliteStore::open(&path, clock)?;
    match cli.command {
        Command::Render { .. } | Command::Fonts { .. } | Command::Check(_) => {
            unreachable!("commands without a database returned above")
        }
        Command::Demo => {
            crate::demo::fill_demo(&mut store)?;
            print::issue_list(out, &store)
        }
        Command::Export { id, pdf } => export::export(&store, id, &pdf, now, out),
        Command::Rounds(command) => rounds::run(command, &mut store, today, zone, out),
        Command::Review(command) => review::run(command, &mut store, zone, out),
        Command::Words(args) => {
            service::ensure_publication(&mut store)?;
            words::run(&args, &mut store, out)
        }
        Command::Init => {
            let created = service::ensure_publication(&mut store)?;
            let what = if created { "已初始化数据库" } else { "数据库已初始化，未作改动" };
            writeln!(out, "{what}：{}", path.display()).map_err(output_error)
        }
        Command::Publication { command } => match command {
            PublicationCommand::Show { json } => print::publication(out, &store, json),
            PublicationCommand::Set(changes) => {
                let mut view = service::publication_view(&store)?;
                changes.apply(&mut view.publication)?;
                service::update_publication(&mut store, &view.publication)?;
                print::publication(out, &store, false)
            }
        },
        Command::Issue { command } => run_issue(command, &mut store, out, today),
        Command::Import { files, issue } => import::run_import(&mut store, &files, issue, out),
        Command::ImportIssue { file } => import::run_import_issue(&mut store, &file, out),
        Command::ImportArchive(args) => archive::run(&args, &mut store, out),
    }
}

fn run_issue(
    command: IssueCommand,
    store: &mut dyn Store,
    out: &mut dyn Write,
    today: chrono::NaiveDate,
) -> Result<(), AppError> {
    match command {
        IssueCommand::New { kind, date, number, total } => {
            let request = NewIssueRequest { kind: kind.into(), date, number, total_number: total };
            let id = service::create_issue(store, &request, today)?;
            writeln!(out, "{id}").map_err(output_error)?;
            print::issue(out, store, id)
        }
        IssueCommand::List => print::issue_list(out, store),
        IssueCommand::Show { id, json } => {
            if json {
                let view = service::issue_view(store, id)?;
                print::json(out, &view)
            } else {
                print::issue(out, store, id)
            }
        }
        IssueCommand::Load { file } => {
            let text = read_text(&file)?;
            let id = service::load_issue(store, &text, service::DEFAULT_AUTHOR)?;
            writeln!(out, "{id}").map_err(output_error)?;
            print::issue(out, store, id)
        }
        IssueCommand::Dump { id } => {
            let file = service::dump_issue(store, id)?;
            writeln!(out, "{}", file.to_json()).map_err(output_error)
        }
    }
}

/// `--db`, else `JIANBAO_DB` (clap reads both into `db`), else the platform's data directory.
fn database_path(given: Option<PathBuf>) -> Result<PathBuf, AppError> {
    if let Some(path) = given {
        return Ok(path);
    }
    let dirs = directories::ProjectDirs::from("cn", "jianbao", "jianbao")
        .ok_or_else(|| AppError::invalid("找不到用户数据目录，请用 --db 指定数据库文件"))?;
    Ok(dirs.data_dir().join("jianbao.sqlite3"))
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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            // --help and --version
            print!("{error}");
            return 0;
        }
        Err(error) => {
            eprintln!("命令参数有误，请查看 jianbao-cli --help。\n{error}");
            return 1;
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out, clock) {
        Ok(()) => 0,
        Err(error) => {
            eprintln!("错误：{}", error.message);
            if error.is_user_error() { 1 } else { 2 }
        }
    }
}
