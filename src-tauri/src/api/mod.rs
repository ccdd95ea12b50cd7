//! Every operation a client can ask for, once: the desktop window (through Tauri), the browser
//! and `jianbao-cli --server` (through the office server's HTTP API) and the CLI on its own
//! database all run these same commands, with the same request and response types (generated
//! for the UI, see `crate::bindings`) and the same permission checks.
//!
//! A command is a type implementing `Command` (`command.rs`); `commands!` below lists them.
//! `call` finds one by name, checks the caller's permission, reads the request, runs it and
//! writes the reply.

mod archive;
mod articles;
mod caller;
mod command;
mod imports;
mod issues;
mod leases;
mod output;
mod proof;
mod replace;
mod requests;
mod review;
mod rounds;
mod session;
mod settings;

pub use archive::{
    ExportStatsWorkbook, GetArchiveStats, GetUnitAliases, SaveUnitAliases, SaveUnitAliasesRequest,
    SearchArticles, StatsWorkbook,
};
pub use articles::{
    AddArticle, AddArticleRequest, GetArticle, GetRevision, ListRevisions, RemoveArticle, ReorderArticles,
    ReorderArticlesRequest, RestoreRevision, RestoreRevisionRequest, SaveArticle, SaveArticleRequest,
};
pub use caller::{Caller, Permission};
pub use command::{Body, Bytes, Command, Done, Env, NoArgs, Reply, malformed};
pub use imports::{
    AnalyseFileRequest, AnalyseImportFile, AnalysePastedText, CommitImport, CommitImportRequest,
    FILE_NAME_HEADER, ISSUE_HEADER, ImportBackIssue, ImportBackIssueRequest, ImportManuscripts,
    ImportManuscriptsRequest, PastedTextRequest, UploadedFile,
};
pub use issues::{
    CreateIssue, CreateIssueRequest, DumpIssue, DuplicateIssue, GetIssue, ListIssues, ListTrashedIssues,
    LoadIssue, LoadIssueRequest, ProposeIssueNumbers, ProposeNumbersRequest, RestoreIssue, TrashIssue,
    UpdateMasthead, UpdateMastheadRequest,
};
pub use leases::{ArticleLease, ForceReleaseLease, IssueLeases, ReleaseLease, RenewLease, TakeLease};
pub use output::{
    ExportDocx, ExportDocxRequest, ExportPdf, ExportPdfRequest, ExportedDocxFile, ExportedPdfFile,
    FontKeyRequest, PreviewFont, PreviewIssue, PreviewRequest,
};
pub use proof::{
    ApplyFinding, CheckIssue, CheckIssueRequest, FindingRequest, IgnoreFinding, UnignoreFinding,
};
pub use replace::{ReplaceInIssue, UndoReplace, UndoReplaceRequest};
pub use requests::{ByArticle, ById, ByIssue};
pub use review::{
    AddComment, AddCommentRequest, GetIssueReview, ReplyRequest, ReplyToComment, ResolveComment,
    ResolveRequest,
};
pub use rounds::{
    AdvanceIssue, AdvanceRequest, CompareRequest, CompareRounds, GetIssueRounds, RevokeRequest,
    RevokeSignOffIssue, SendBackIssue, SendBackRequest, SignOffIssue, SignOffRequest,
};
pub use session::{AccountView, ListAccounts, Me, WhoAmI};
pub use settings::{
    ExportWordList, GetPublication, GetWordList, ImportWordList, ListFontFamilies, ResetWordList,
    SaveSettings, SaveSettingsRequest, SaveWordList, SaveWordListRequest, WordListText,
};

use crate::error::{AppError, ErrorCode};

/// Calls `$callback!` with every command type, in the order the generated contract lists them.
macro_rules! commands {
    ($callback:ident) => {
        $callback! {
            ListIssues,
            GetIssue,
            CreateIssue,
            ProposeIssueNumbers,
            UpdateMasthead,
            DuplicateIssue,
            TrashIssue,
            RestoreIssue,
            ListTrashedIssues,
            LoadIssue,
            DumpIssue,
            GetArticle,
            SaveArticle,
            AddArticle,
            RemoveArticle,
            ReorderArticles,
            ListRevisions,
            GetRevision,
            RestoreRevision,
            ReplaceInIssue,
            UndoReplace,
            TakeLease,
            RenewLease,
            ReleaseLease,
            ForceReleaseLease,
            IssueLeases,
            AnalyseImportFile,
            AnalysePastedText,
            CommitImport,
            ImportManuscripts,
            ImportBackIssue,
            PreviewIssue,
            PreviewFont,
            ExportPdf,
            ExportDocx,
            GetIssueRounds,
            AdvanceIssue,
            SendBackIssue,
            SignOffIssue,
            RevokeSignOffIssue,
            CompareRounds,
            GetIssueReview,
            AddComment,
            ReplyToComment,
            ResolveComment,
            CheckIssue,
            ApplyFinding,
            IgnoreFinding,
            UnignoreFinding,
            GetPublication,
            SaveSettings,
            ListFontFamilies,
            GetWordList,
            SaveWordList,
            ResetWordList,
            ImportWordList,
            ExportWordList,
            WhoAmI,
            ListAccounts,
            SearchArticles,
            GetArchiveStats,
            ExportStatsWorkbook,
            GetUnitAliases,
            SaveUnitAliases
        }
    };
}

/// Runs command `C`: the caller's permission first, then the request, so a refused caller
/// learns nothing from how their request was shaped.
pub fn run<C: Command>(env: &mut Env, body: Body) -> Result<Reply, AppError> {
    env.caller.require(C::MAY, C::WHAT)?;
    let request = C::parse(body)?;
    C::run(env, request).map(C::reply)
}

macro_rules! dispatch {
    ($($command:ident),*) => {
        /// Runs the command named `name`.
        pub fn call(env: &mut Env, name: &str, body: Body) -> Result<Reply, AppError> {
            $(if name == <$command as Command>::NAME { return run::<$command>(env, body); })*
            Err(AppError::new(
                ErrorCode::NotFound,
                format!("没有名为“{name}”的操作；客户端与服务器的版本可能不一致，请升级后重试"),
            ))
        }

        /// Every command's name, permission and TypeScript request and response types.
        pub fn declarations(cfg: &ts_rs::Config) -> Vec<Declaration> {
            vec![$(Declaration {
                name: <$command as Command>::NAME,
                may: <$command as Command>::MAY,
                request: <$command as Command>::request_ts(cfg),
                response: <$command as Command>::response_ts(cfg),
            }),*]
        }
    };
}

commands! { dispatch }

/// One command as the generated contract declares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub name: &'static str,
    pub may: Permission,
    pub request: String,
    pub response: String,
}

/// The TypeScript of every type the commands name, for the generated contract.
pub(crate) fn export_types(cfg: &ts_rs::Config, out: &mut Vec<String>) {
    macro_rules! types {
        ($($command:ident),*) => {
            $(
                out.push(<<$command as Command>::Request as ts_rs::TS>::decl(cfg));
            )*
        };
    }
    commands! { types }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_unique() {
        let cfg = ts_rs::Config::new();
        let mut names: Vec<_> = declarations(&cfg).into_iter().map(|d| d.name).collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "two commands share a name, so one could never be called");
    }
}
