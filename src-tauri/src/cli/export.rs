//! `export`, `render` and `fonts`: the PDF side of the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Args;

use super::output_error;
use super::session::Session;
use crate::api::{ById, ExportPdf, ExportPdfRequest, GetIssue};
use crate::domain::{FontRoles, IssueFile, IssueStatus};
use crate::error::AppError;
use crate::fonts::{self, FontSet};
use crate::service::{self, ExportRequest};
use crate::store::Id;

/// Options shared by `export` and `render`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// 输出的 PDF 文件
    #[arg(short, long, value_name = "PDF")]
    pub output: PathBuf,
    /// 导出校样（加“校样”水印和行号），可给出校次；不给出时用本期当前的校次（草稿为第 1 轮）
    #[arg(long, value_name = "ROUND", num_args = 0..=1)]
    pub proof: Option<Option<u8>>,
    /// 写入 PDF 的生成时间（RFC 3339，如 2025-09-02T08:00:00Z；默认当前时间）。同一期、同一时间导出的文件逐字节相同
    #[arg(long, value_parser = parse_timestamp)]
    pub timestamp: Option<DateTime<Utc>>,
    #[command(flatten)]
    pub fonts: FontDirArg,
}

#[derive(Debug, Args)]
pub struct FontDirArg {
    /// 字体目录（默认读取环境变量 JIANBAO_FONT_DIR，否则使用随程序安装的字体）
    #[arg(long, value_name = "DIR")]
    pub font_dir: Option<PathBuf>,
}

/// `export ID -o FILE`: a stored issue, laid out where it is stored (the fonts are those of
/// `--font-dir` locally, the server's in an office).
pub fn export(session: &mut Session, id: Id, args: &PdfArgs, out: &mut dyn Write) -> Result<(), AppError> {
    let proof_round = match args.proof {
        None => None,
        Some(round) => proof_round_of_issue(Some(round), session.call::<GetIssue>(ById { id })?.status)?,
    };
    let request = ExportPdfRequest { issue_id: id, proof_round, timestamp: args.timestamp };
    let exported = session.call::<ExportPdf>(request)?;
    write_pdf(&exported.pdf.0, exported.page_count, &exported.warnings, &args.output, out)
}

/// `--proof` alone means the round the issue is in; a signed-off issue exports only as final.
fn proof_round_of_issue(proof: Option<Option<u8>>, status: IssueStatus) -> Result<Option<u8>, AppError> {
    match proof {
        None => Ok(None),
        Some(_) if status == IssueStatus::SignedOff => {
            Err(AppError::invalid("本期已签发，只能导出正式版（去掉 --proof）；如需再出校样，请先撤销签发"))
        }
        Some(Some(round)) => Ok(Some(round)),
        Some(None) => Ok(Some(service::proof_round_of(status).unwrap_or(1))),
    }
}

/// `render FILE.json -o FILE.pdf`: an issue in the exchange format, no database needed.
pub fn render(file: &Path, args: &PdfArgs, now: DateTime<Utc>, out: &mut dyn Write) -> Result<(), AppError> {
    let issue_file = IssueFile::from_json(&super::read_text(file)?)?;
    let fonts = load_fonts(&issue_file.publication.layout.fonts, &args.fonts)?;
    let exported = service::export_issue_file(&issue_file, &fonts, &request(args, now))?;
    write_pdf(&exported.bytes, exported.page_count, &exported.warnings, &args.output, out)
}

/// `fonts [FILE.json]`: the font of each role and how much of GBK it covers.
pub fn list_fonts(file: Option<&Path>, font_dir: &FontDirArg, out: &mut dyn Write) -> Result<(), AppError> {
    let roles = match file {
        Some(file) => IssueFile::from_json(&super::read_text(file)?)?.publication.layout.fonts,
        None => FontRoles::default(),
    };
    let fonts = load_fonts(&roles, font_dir)?;
    let chars = fonts::gbk_chars();
    let mut text = format!("覆盖率按 GBK 字符集（{} 字符）计算：\n", chars.len());
    for coverage in fonts::role_coverage(&fonts, &chars) {
        let font = fonts.font(fonts.role_font(coverage.role));
        text.push_str(&format!(
            "{}：{}\n    文件：{}\n    本字体 {} 字（{:.2}%），连同后备字体 {} 字（{:.2}%）\n",
            coverage.role.as_chinese(),
            coverage.family,
            font.path.display(),
            coverage.own,
            percent(coverage.own, coverage.total),
            coverage.with_fallback,
            percent(coverage.with_fallback, coverage.total),
        ));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn percent(part: usize, total: usize) -> f64 {
    // Counts of a few tens of thousands convert to f64 exactly.
    100.0 * part as f64 / total.max(1) as f64
}

fn load_fonts(roles: &FontRoles, args: &FontDirArg) -> Result<FontSet, AppError> {
    let dir = fonts::find_font_dir(args.font_dir.as_deref())?;
    FontSet::load(roles, &dir)
}

/// The request of `render`, where no round is known: `--proof` alone is round 1.
fn request(args: &PdfArgs, now: DateTime<Utc>) -> ExportRequest {
    let proof_round = args.proof.map(|round| round.unwrap_or(1));
    ExportRequest { proof_round, timestamp: args.timestamp.unwrap_or(now) }
}

fn write_pdf(
    bytes: &[u8],
    page_count: u32,
    warnings: &[String],
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    std::fs::write(path, bytes)
        .map_err(|e| AppError::invalid(format!("无法写入文件“{}”：{e}", path.display())))?;
    let mut text = format!("已导出 {}（{page_count} 页）\n", path.display());
    for warning in warnings {
        text.push_str(&format!("提示：{warning}\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| format!("“{text}”不是有效时间，请按 RFC 3339 填写，如 2025-09-02T08:00:00Z"))
}
