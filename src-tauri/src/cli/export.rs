//! `export`, `render` and `fonts`: the PDF and Word side of the command line.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, ValueEnum};

use super::output_error;
use super::session::Session;
use crate::api::{ById, ExportDocx, ExportDocxRequest, ExportPdf, ExportPdfRequest, GetIssue};
use crate::domain::{FontRoles, IssueFile, IssueStatus};
use crate::error::AppError;
use crate::fonts::{self, FontSet};
use crate::service::{self, DocxRequest, ExportRequest};
use crate::store::Id;

/// Options shared by `export` and `render`.
#[derive(Debug, Args)]
pub struct PdfArgs {
    /// 输出文件：.pdf 或 .docx（Word/WPS 文档），格式按扩展名定，也可用 --format 指定
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// 输出格式：pdf 或 docx（默认按输出文件的扩展名，.docx 为 Word，其余为 PDF）
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// 导出校样：PDF 加“校样”水印和行号，可给出校次（不给出时用本期当前的校次，草稿为第 1 轮）；Word 文档带上待处理的修改建议（修订）和未解决的批注
    #[arg(long, value_name = "ROUND", num_args = 0..=1)]
    pub proof: Option<Option<u8>>,
    /// 写入 PDF 的生成时间（RFC 3339，如 2025-09-02T08:00:00Z；默认当前时间）。同一期、同一时间导出的文件逐字节相同
    #[arg(long, value_parser = parse_timestamp)]
    pub timestamp: Option<DateTime<Utc>>,
    #[command(flatten)]
    pub fonts: FontDirArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Pdf,
    Docx,
}

impl PdfArgs {
    /// `--format`, else the output's extension: `.docx` is Word, anything else PDF.
    fn format(&self) -> ExportFormat {
        let docx_named = self.output.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        self.format.unwrap_or(if docx_named { ExportFormat::Docx } else { ExportFormat::Pdf })
    }
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
    if args.format() == ExportFormat::Docx {
        let request =
            ExportDocxRequest { issue_id: id, proof: args.proof.is_some(), timestamp: args.timestamp };
        let exported = session.call::<ExportDocx>(request)?;
        return write_docx(&exported.docx.0, &args.output, out);
    }
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
    if args.format() == ExportFormat::Docx {
        let request = DocxRequest { proof: args.proof.is_some(), timestamp: args.timestamp.unwrap_or(now) };
        return write_docx(&service::export_issue_file_docx(&issue_file, &request)?, &args.output, out);
    }
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
    service::write_atomically(path, bytes)?;
    let mut text = format!("已导出 {}（{page_count} 页）\n", path.display());
    for warning in warnings {
        text.push_str(&format!("提示：{warning}\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn write_docx(bytes: &[u8], path: &Path, out: &mut dyn Write) -> Result<(), AppError> {
    service::write_atomically(path, bytes)?;
    let text = format!("已导出 {}（Word 文档）\n", path.display());
    out.write_all(text.as_bytes()).map_err(output_error)
}

fn parse_timestamp(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|_| format!("“{text}”不是有效时间，请按 RFC 3339 填写，如 2025-09-02T08:00:00Z"))
}
