//! What prints: the live preview, the preview's font files and the PDF. Laid out where the
//! store is (on the office server, with the server's fonts), so every client sees the same.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Bytes, Command, Env, Permission, Reply};
use crate::error::AppError;
use crate::service::{self, ArticleOverride, ExportRequest, IssuePreview};
use crate::store::Id;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PreviewRequest {
    pub issue_id: Id,
    /// The article as typed, unsaved, in place of its stored version.
    #[ts(optional)]
    pub editing: Option<ArticleOverride>,
}

#[derive(Debug)]
pub struct PreviewIssue;
impl Command for PreviewIssue {
    const NAME: &'static str = "preview_issue";
    const WHAT: &'static str = "预览";
    const MAY: Permission = Permission::Read;
    type Request = PreviewRequest;
    type Response = IssuePreview;
    fn run(env: &mut Env, request: PreviewRequest) -> Result<IssuePreview, AppError> {
        let fonts = env.fonts.fonts(&service::issue_font_roles(env.store, request.issue_id)?)?;
        service::preview_issue(env.store, request.issue_id, &fonts, request.editing.as_ref())
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct FontKeyRequest {
    pub key: u16,
}

/// The file of a font the preview uses, as raw bytes (an ArrayBuffer in the UI, not JSON).
#[derive(Debug)]
pub struct PreviewFont;
impl Command for PreviewFont {
    const NAME: &'static str = "preview_font";
    const WHAT: &'static str = "预览";
    const MAY: Permission = Permission::Read;
    type Request = FontKeyRequest;
    type Response = Bytes;

    fn run(env: &mut Env, request: FontKeyRequest) -> Result<Bytes, AppError> {
        env.fonts.font_file(request.key).map(Bytes)
    }

    fn response_ts(_: &ts_rs::Config) -> String {
        "ArrayBuffer".into()
    }

    fn reply(response: Bytes) -> Reply {
        Reply::Raw(response.0)
    }

    fn decode(reply: Reply) -> Result<Bytes, AppError> {
        match reply {
            Reply::Raw(bytes) => Ok(Bytes(bytes)),
            Reply::Json(_) => {
                Err(AppError::new(crate::ErrorCode::Internal, "服务器没有送来字体文件，请重试"))
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportPdfRequest {
    pub issue_id: Id,
    /// A proof (校样) of this round; the final PDF when left out.
    #[ts(optional)]
    pub proof_round: Option<u8>,
    /// The PDF's creation date (the CLI's `--timestamp`, for repeatable files); now when left out.
    #[ts(optional)]
    pub timestamp: Option<DateTime<Utc>>,
}

/// The PDF and what the editor should hear about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedPdfFile {
    pub pdf: Bytes,
    pub page_count: u32,
    pub warnings: Vec<String>,
}

#[derive(Debug)]
pub struct ExportPdf;
impl Command for ExportPdf {
    const NAME: &'static str = "export_pdf";
    const WHAT: &'static str = "导出 PDF";
    const MAY: Permission = Permission::Read;
    type Request = ExportPdfRequest;
    type Response = ExportedPdfFile;
    fn run(env: &mut Env, request: ExportPdfRequest) -> Result<ExportedPdfFile, AppError> {
        let fonts = env.fonts.fonts(&service::issue_font_roles(env.store, request.issue_id)?)?;
        let export = ExportRequest {
            proof_round: request.proof_round,
            timestamp: request.timestamp.unwrap_or_else(|| env.clock.now()),
        };
        let exported = service::export_issue(env.store, request.issue_id, &fonts, &export)?;
        Ok(ExportedPdfFile {
            pdf: Bytes(exported.bytes),
            page_count: exported.page_count,
            warnings: exported.warnings,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportDocxRequest {
    pub issue_id: Id,
    /// A proof: pending suggestions as tracked changes, open comment threads as comments.
    #[serde(default)]
    #[ts(optional, as = "Option<bool>")]
    pub proof: bool,
    /// The document's creation date (the CLI's `--timestamp`); now when left out.
    #[ts(optional)]
    pub timestamp: Option<DateTime<Utc>>,
}

/// The Word document of an issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedDocxFile {
    pub docx: Bytes,
}

#[derive(Debug)]
pub struct ExportDocx;
impl Command for ExportDocx {
    const NAME: &'static str = "export_docx";
    const WHAT: &'static str = "导出 Word";
    const MAY: Permission = Permission::Read;
    type Request = ExportDocxRequest;
    type Response = ExportedDocxFile;
    fn run(env: &mut Env, request: ExportDocxRequest) -> Result<ExportedDocxFile, AppError> {
        let export = service::DocxRequest {
            proof: request.proof,
            timestamp: request.timestamp.unwrap_or_else(|| env.clock.now()),
        };
        let docx = service::export_issue_docx(env.store, request.issue_id, &export)?;
        Ok(ExportedDocxFile { docx: Bytes(docx) })
    }
}
