//! Printing a PDF through the system's print service (CUPS on Debian and UOS).
//!
//! CUPS is driven through its own command-line client (`lpstat`, `lpoptions`, `lp` from
//! Debian's `cups-client`) rather than speaking IPP ourselves: the client applies the user's
//! `lpoptions` defaults, the server's authentication and its destinations exactly as every other
//! program on the desktop does, and it is present wherever printing is set up. The tools run
//! with `LC_ALL=C` so that what they answer can be read; what the user sees is our Chinese.

mod destinations;
mod submit;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Output};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{AppError, ErrorCode};

pub use destinations::list_printers;
pub use submit::print_pdf;

/// A printer the print service offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Printer {
    /// The CUPS destination name, passed to `lp -d`.
    pub name: String,
    /// Whether the printer can print on both sides (its `Duplex` or `sides` option).
    pub duplex: bool,
    /// Stopped (paused) printers are listed so that the user sees why nothing prints.
    pub stopped: bool,
}

/// The printers and the one the user's settings make the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Printers {
    pub printers: Vec<Printer>,
    pub default: Option<String>,
}

/// How to print: the printer (`None` is the default one), copies and sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintOptions {
    pub printer: Option<String>,
    pub copies: u32,
    /// Both sides, bound on the long edge, as a bulletin is read.
    pub duplex: bool,
    /// The job's name in the printer's queue.
    pub title: String,
}

/// A job the print service accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintJob {
    /// CUPS's request id, such as `办公室-17`: what `lpstat -o` and `cancel` name.
    pub job_id: String,
    pub printer: String,
    pub copies: u32,
}

/// The most copies one job may ask for; a typo such as 1000 should not empty the paper tray.
pub const MAX_COPIES: u32 = 200;

/// Where the CUPS client tools are: on `PATH`, or in a folder given (tests put stand-ins there).
#[derive(Debug, Clone, Default)]
pub struct PrintService {
    tools_dir: Option<PathBuf>,
}

impl PrintService {
    /// The tools found on `PATH`, as every program on the desktop finds them.
    pub fn system() -> Self {
        PrintService { tools_dir: None }
    }

    pub fn with_tools_in(dir: impl Into<PathBuf>) -> Self {
        PrintService { tools_dir: Some(dir.into()) }
    }

    /// Runs a CUPS tool; a tool that is not installed means there is no print service.
    fn run(&self, tool: &str, args: &[OsString]) -> Result<Output, AppError> {
        let program = match &self.tools_dir {
            Some(dir) => dir.join(tool).into_os_string(),
            None => OsString::from(tool),
        };
        Command::new(&program).args(args).env("LC_ALL", "C").output().map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => no_print_service(),
            _ => AppError::new(
                ErrorCode::Unavailable,
                format!("无法运行打印程序 {tool}：{e}。请检查系统的打印服务（CUPS）是否安装完整。"),
            ),
        })
    }
}

fn no_print_service() -> AppError {
    AppError::new(
        ErrorCode::Unavailable,
        "本机没有打印服务（CUPS）。请安装 cups 与 cups-client 并添加打印机，或导出 PDF 后在其他电脑上打印。",
    )
}

fn scheduler_not_running() -> AppError {
    AppError::new(
        ErrorCode::Unavailable,
        "打印服务（CUPS）没有运行。请在“系统设置 → 打印机”中启用打印服务，或请管理员运行 systemctl start cups，然后重试。",
    )
}

/// What the tools say on standard error, for the cases we recognise.
fn stderr_text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).trim().to_owned()
}

/// `lpstat` and `lp` say this when cupsd cannot be reached.
fn says_scheduler_down(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    text.contains("scheduler is not running") || text.contains("unable to connect to server")
}
