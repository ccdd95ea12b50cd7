//! Manuscripts and back issues into the store: analyse for review (nothing stored), commit
//! what the editor reviewed, or import with the safe cleanup applied (the CLI's way).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::command::malformed;
use super::{Body, Bytes, Command, Env, Permission};
use crate::error::AppError;
use crate::service::{
    self, ArticleForReview, ImportReport, ImportSource, IssueImportReport, IssueView, ReviewedArticle,
};
use crate::store::Id;

/// Header naming the issue a raw file body is imported into.
pub const ISSUE_HEADER: &str = "x-jianbao-issue";
/// Header with the raw file's name, percent-encoded UTF-8 (header values are ASCII).
pub const FILE_NAME_HEADER: &str = "x-jianbao-file-name";

/// A file as it travels: its name (for its type and for messages) and its content.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct UploadedFile {
    pub name: String,
    pub bytes: Bytes,
}

impl UploadedFile {
    fn source(self) -> Result<ImportSource, AppError> {
        crate::import::FileKind::of(&self.name)?.check_size(&self.name, self.bytes.0.len() as u64)?;
        Ok(ImportSource { name: self.name, bytes: self.bytes.0 })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AnalyseFileRequest {
    pub issue_id: Id,
    pub file: UploadedFile,
}

/// Reads one file for review; stores nothing. The file is the raw body, the issue and the
/// file's name are headers.
#[derive(Debug)]
pub struct AnalyseImportFile;
impl Command for AnalyseImportFile {
    const NAME: &'static str = "analyse_import_file";
    const WHAT: &'static str = "导入稿件";
    const MAY: Permission = Permission::Edit;
    type Request = AnalyseFileRequest;
    type Response = Vec<ArticleForReview>;

    fn run(env: &mut Env, request: AnalyseFileRequest) -> Result<Self::Response, AppError> {
        service::analyse_file(env.store, request.issue_id, &request.file.source()?)
    }

    fn request_ts(_: &ts_rs::Config) -> String {
        "Uint8Array".into()
    }

    fn parse(body: Body) -> Result<AnalyseFileRequest, AppError> {
        let issue_id = body
            .header(ISSUE_HEADER)
            .and_then(|id| id.parse().ok())
            .ok_or_else(|| AppError::invalid("导入时没有指明期刊；请关闭后重新打开这一期再导入"))?;
        let name = body
            .header(FILE_NAME_HEADER)
            .map(|name| percent_encoding::percent_decode_str(name).decode_utf8_lossy().into_owned())
            .ok_or_else(|| AppError::invalid("导入时没有文件名；请重新选择文件"))?;
        match body {
            Body::Raw { bytes, .. } => {
                Ok(AnalyseFileRequest { issue_id, file: UploadedFile { name, bytes: Bytes(bytes) } })
            }
            Body::Json(_) => Err(malformed(Self::NAME, &"应为文件内容")),
        }
    }

    fn encode(request: &AnalyseFileRequest) -> Body {
        let name =
            percent_encoding::utf8_percent_encode(&request.file.name, percent_encoding::NON_ALPHANUMERIC);
        Body::Raw {
            bytes: request.file.bytes.0.clone(),
            headers: vec![
                (ISSUE_HEADER.into(), request.issue_id.to_string()),
                (FILE_NAME_HEADER.into(), name.to_string()),
            ],
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PastedTextRequest {
    pub issue_id: Id,
    pub text: String,
}

#[derive(Debug)]
pub struct AnalysePastedText;
impl Command for AnalysePastedText {
    const NAME: &'static str = "analyse_pasted_text";
    const WHAT: &'static str = "导入稿件";
    const MAY: Permission = Permission::Edit;
    type Request = PastedTextRequest;
    type Response = Vec<ArticleForReview>;
    fn run(env: &mut Env, request: PastedTextRequest) -> Result<Self::Response, AppError> {
        service::analyse_pasted(env.store, request.issue_id, &request.text)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CommitImportRequest {
    pub issue_id: Id,
    pub articles: Vec<ReviewedArticle>,
}

/// Stores the reviewed articles at the end of the issue and answers with the issue.
#[derive(Debug)]
pub struct CommitImport;
impl Command for CommitImport {
    const NAME: &'static str = "commit_import";
    const WHAT: &'static str = "导入稿件";
    const MAY: Permission = Permission::Edit;
    type Request = CommitImportRequest;
    type Response = IssueView;
    fn run(env: &mut Env, request: CommitImportRequest) -> Result<IssueView, AppError> {
        let author = env.caller.actor_or(None, service::DEFAULT_AUTHOR)?;
        service::commit_reviewed(env.store, request.issue_id, &request.articles, &author)?;
        service::issue_view(env.store, request.issue_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ImportManuscriptsRequest {
    pub issue_id: Id,
    pub files: Vec<UploadedFile>,
    /// Pasted text instead of files.
    #[ts(optional)]
    pub pasted: Option<String>,
}

/// The CLI's import: every file read first, the safe cleanup applied, all stored in one
/// transaction; what changes wording is reported, not applied.
#[derive(Debug)]
pub struct ImportManuscripts;
impl Command for ImportManuscripts {
    const NAME: &'static str = "import_manuscripts";
    const WHAT: &'static str = "导入稿件";
    const MAY: Permission = Permission::Edit;
    type Request = ImportManuscriptsRequest;
    type Response = ImportReport;
    fn run(env: &mut Env, request: ImportManuscriptsRequest) -> Result<ImportReport, AppError> {
        let author = env.caller.actor_or(None, service::DEFAULT_AUTHOR)?;
        if let Some(text) = request.pasted {
            return service::import_pasted(env.store, request.issue_id, &text, &author);
        }
        let sources = request.files.into_iter().map(UploadedFile::source).collect::<Result<Vec<_>, _>>()?;
        service::import_articles(env.store, request.issue_id, &sources, &author)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ImportBackIssueRequest {
    pub file: UploadedFile,
}

/// A whole old issue from its text or Word file, as a new issue.
#[derive(Debug)]
pub struct ImportBackIssue;
impl Command for ImportBackIssue {
    const NAME: &'static str = "import_back_issue";
    const WHAT: &'static str = "导入往期";
    const MAY: Permission = Permission::Edit;
    type Request = ImportBackIssueRequest;
    type Response = IssueImportReport;
    fn run(env: &mut Env, request: ImportBackIssueRequest) -> Result<IssueImportReport, AppError> {
        let author = env.caller.actor_or(None, service::DEFAULT_AUTHOR)?;
        service::import_issue(env.store, &request.file.source()?, &author)
    }
}
