//! The TypeScript side of the IPC contract, generated from the Rust types.
//!
//! `ui/src/generated/bindings.ts` is committed; the test below fails when it is stale and
//! rewrites it when run with `UPDATE=1`. The UI's `invoke` takes its command names, request
//! and response types from the `Commands` map written here, so a command is declared once.

use ts_rs::{Config, TS};

use crate::api::{
    AccountView, ArticleLease, Bytes, Done, ExportedDocxFile, ExportedPdfFile, Me, StatsWorkbook,
    UploadedFile,
};
use crate::archive::{ContributionTable, Period, Snippet, TextRange, UnitAlias, UnitCount};
use crate::backup::{BackupEntry, BackupOverview, BackupTaken};
use crate::client::{Connection, ServerSignal};
use crate::domain::{
    AnchorPart, Article, Block, BlockChange, BlockKind, BlockSuggestion, CommentAnchor, CompressionStyle,
    EditingUnit, FieldChange, FieldSuggestion, FontChoice, FontRole, FontRoles, FooterSettings, Inline,
    Issue, IssueFile, IssueImprint, IssueKind, IssueStatus, LayoutProfile, MastheadTotalPlacement,
    Publication, RecipientsLabel, Role, Suggestion, SuggestionKind,
};
use crate::error::{AppError, ErrorCode};
use crate::find::{Change, FindOptions, Place};
use crate::import::{
    BlockRole, CleanupRule, Draft, DraftBlock, FooterFound, ImportedArticle, ImportedIssue, Masthead,
    MastheadFill, MastheadFound, MissingField, Proposal, RecognisedIssue, TextLocation,
};
use crate::proof::{Finding, Part, RuleId};
use crate::service::{
    ArchiveArticle, ArchiveChoice, ArchiveCommit, ArchiveEntry, ArchiveFailure, ArchiveProgress,
    ArchiveReview, ArchiveStatus, DuplicateOf, ImportedArchiveIssue,
};
use crate::service::{
    ArchiveStats, SearchHit, SearchRequest, SearchResults, StatsRequest, UnitAliasSaved, UnitAliasView,
    YearTotals,
};
use crate::service::{
    ArticleChange, ArticleComparison, ArticleForReview, ArticleOverride, ArticleSummary, ArticleView,
    BundledFamily, CommentThreadView, EditKind, ExportReport, FieldProblem, FontFamilies, ImportReport,
    ImportedArticleReport, InlineEdit, IssueImportReport, IssuePreview, IssueReview, IssueRounds, IssueView,
    LineChange, MastheadUpdate, NewIssueRequest, PendingSuggestion, Piece, PreviewImage, PreviewInk,
    PreviewPage, PreviewRule, PreviewRun, PreviewSource, PublicationView, ReturnedProofReport,
    ReviewedArticle, RevisionView, RoundComparison, SavedArticle, SettingsSaved,
};
use crate::service::{ArticleChanges, ReplaceReport};
use crate::service::{
    FindingView, IgnoredNote, IssueCheck, RowProblem, WordListSaved, WordListView, WordRow,
};
use crate::store::{
    ChangeEvent, ChangeKind, CommentMessage, CommentThread, IssueSummary, Lease, RevisionSummary,
    StatusChange,
};

/// Path of the generated file, relative to the `src-tauri` crate.
pub const BINDINGS_PATH: &str = "../ui/src/generated/bindings.ts";

/// The desktop app's own commands, beside `call` (which runs every `crate::api` command):
/// what only the window on this computer does. Their names, arguments and answers.
pub fn desktop_commands(cfg: &Config) -> Vec<(&'static str, String, String)> {
    vec![
        (
            "export_issue_pdf",
            "{ issueId: number; path: string; proofRound?: number }".into(),
            ExportReport::name(cfg),
        ),
        ("export_issue_docx", "{ issueId: number; path: string; proof: boolean }".into(), "string".into()),
        ("open_exported_pdf", "{ path: string; reveal: boolean }".into(), "null".into()),
        ("save_stats_workbook", "{ path: string; year?: number }".into(), "string".into()),
        (
            "analyse_archive_folder",
            format!("{{ folder: string; onProgress: ProgressChannel<{}> }}", ArchiveProgress::name(cfg)),
            ArchiveReview::name(cfg),
        ),
        (
            "import_archive_files",
            format!(
                "{{ folder: string; choices: Array<{}>; onProgress: ProgressChannel<{}> }}",
                ArchiveChoice::name(cfg),
                ArchiveProgress::name(cfg)
            ),
            ArchiveCommit::name(cfg),
        ),
        ("get_connection", "Record<string, never>".into(), Connection::name(cfg)),
        ("set_connection", format!("{{ connection: {} }}", Connection::name(cfg)), Connection::name(cfg)),
        ("log_in", "{ name: string; password: string }".into(), Me::name(cfg)),
        ("log_out", "Record<string, never>".into(), "null".into()),
        ("list_backups", "Record<string, never>".into(), BackupOverview::name(cfg)),
        ("back_up_now", "Record<string, never>".into(), BackupTaken::name(cfg)),
        ("restore_backup", "{ name: string }".into(), BackupTaken::name(cfg)),
        ("restore_database_file", "{ path: string }".into(), BackupTaken::name(cfg)),
        ("export_database", "{ path: string }".into(), "string".into()),
    ]
}

fn declarations(cfg: &Config) -> Vec<String> {
    let mut declarations = vec![
        Inline::decl(cfg),
        Block::decl(cfg),
        Article::decl(cfg),
        IssueKind::decl(cfg),
        IssueStatus::decl(cfg),
        Issue::decl(cfg),
        EditingUnit::decl(cfg),
        RecipientsLabel::decl(cfg),
        FooterSettings::decl(cfg),
        CompressionStyle::decl(cfg),
        MastheadTotalPlacement::decl(cfg),
        FontRole::decl(cfg),
        FontChoice::decl(cfg),
        FontRoles::decl(cfg),
        LayoutProfile::decl(cfg),
        Publication::decl(cfg),
        IssueFile::decl(cfg),
        ErrorCode::decl(cfg),
        AppError::decl(cfg),
        IssueSummary::decl(cfg),
        ArticleSummary::decl(cfg),
        IssueView::decl(cfg),
        NewIssueRequest::decl(cfg),
        PublicationView::decl(cfg),
        RevisionSummary::decl(cfg),
        CleanupRule::decl(cfg),
        TextLocation::decl(cfg),
        Proposal::decl(cfg),
        BlockRole::decl(cfg),
        DraftBlock::decl(cfg),
        Draft::decl(cfg),
        ImportedArticle::decl(cfg),
        FooterFound::decl(cfg),
        IssueImprint::decl(cfg),
        Masthead::decl(cfg),
        ImportedIssue::decl(cfg),
        MastheadFound::decl(cfg),
        MastheadFill::decl(cfg),
        MissingField::decl(cfg),
        RecognisedIssue::decl(cfg),
        ArchiveStatus::decl(cfg),
        DuplicateOf::decl(cfg),
        ArchiveArticle::decl(cfg),
        ArchiveEntry::decl(cfg),
        ArchiveReview::decl(cfg),
        ArchiveProgress::decl(cfg),
        ArchiveCommit::decl(cfg),
        ImportedArchiveIssue::decl(cfg),
        ArchiveFailure::decl(cfg),
        ArchiveChoice::decl(cfg),
        ImportedArticleReport::decl(cfg),
        ReturnedProofReport::decl(cfg),
        ImportReport::decl(cfg),
        IssueImportReport::decl(cfg),
        ArticleView::decl(cfg),
        RevisionView::decl(cfg),
        ArticleForReview::decl(cfg),
        ReviewedArticle::decl(cfg),
        MastheadUpdate::decl(cfg),
        FieldProblem::decl(cfg),
        SettingsSaved::decl(cfg),
        BundledFamily::decl(cfg),
        FontFamilies::decl(cfg),
        ArticleOverride::decl(cfg),
        PreviewInk::decl(cfg),
        crate::layout::SourcePart::decl(cfg),
        PreviewSource::decl(cfg),
        PreviewRun::decl(cfg),
        PreviewRule::decl(cfg),
        PreviewImage::decl(cfg),
        PreviewPage::decl(cfg),
        IssuePreview::decl(cfg),
        ExportReport::decl(cfg),
        StatusChange::decl(cfg),
        IssueRounds::decl(cfg),
        ArticleChange::decl(cfg),
        Piece::decl(cfg),
        EditKind::decl(cfg),
        InlineEdit::decl(cfg),
        LineChange::decl(cfg),
        ArticleComparison::decl(cfg),
        RoundComparison::decl(cfg),
        RuleId::decl(cfg),
        Part::decl(cfg),
        Finding::decl(cfg),
        SuggestionKind::decl(cfg),
        Suggestion::decl(cfg),
        FieldChange::decl(cfg),
        FieldSuggestion::decl(cfg),
        BlockKind::decl(cfg),
        BlockChange::decl(cfg),
        BlockSuggestion::decl(cfg),
        CommentMessage::decl(cfg),
        CommentThread::decl(cfg),
        CommentThreadView::decl(cfg),
        PendingSuggestion::decl(cfg),
        IssueReview::decl(cfg),
        IgnoredNote::decl(cfg),
        FindingView::decl(cfg),
        IssueCheck::decl(cfg),
        WordRow::decl(cfg),
        WordListView::decl(cfg),
        RowProblem::decl(cfg),
        WordListSaved::decl(cfg),
        Role::decl(cfg),
        AnchorPart::decl(cfg),
        CommentAnchor::decl(cfg),
        SavedArticle::decl(cfg),
        Lease::decl(cfg),
        ArticleLease::decl(cfg),
        Me::decl(cfg),
        AccountView::decl(cfg),
        ExportedPdfFile::decl(cfg),
        ExportedDocxFile::decl(cfg),
        Bytes::decl(cfg),
        Done::decl(cfg),
        ChangeKind::decl(cfg),
        ChangeEvent::decl(cfg),
        Connection::decl(cfg),
        BackupEntry::decl(cfg),
        BackupTaken::decl(cfg),
        BackupOverview::decl(cfg),
        UploadedFile::decl(cfg),
        ServerSignal::decl(cfg),
        SearchRequest::decl(cfg),
        TextRange::decl(cfg),
        Snippet::decl(cfg),
        SearchHit::decl(cfg),
        SearchResults::decl(cfg),
        StatsRequest::decl(cfg),
        Period::decl(cfg),
        UnitCount::decl(cfg),
        ContributionTable::decl(cfg),
        YearTotals::decl(cfg),
        ArchiveStats::decl(cfg),
        StatsWorkbook::decl(cfg),
        UnitAlias::decl(cfg),
        UnitAliasView::decl(cfg),
        UnitAliasSaved::decl(cfg),
        FindOptions::decl(cfg),
        Place::decl(cfg),
        Change::decl(cfg),
        ArticleChanges::decl(cfg),
        ReplaceReport::decl(cfg),
        crate::numbering::ProposedNumbers::decl(cfg),
    ];
    crate::api::export_types(cfg, &mut declarations);
    let mut seen = std::collections::HashSet::new();
    declarations.retain(|declaration| seen.insert(declaration.clone()));
    declarations
}

/// The whole generated file.
pub fn typescript() -> String {
    // Ids are SQLite rowids, far below 2^53: plain numbers in JSON, not bigint.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by `cargo test -p jianbao bindings` (UPDATE=1 rewrites).\n\
         // Do not edit by hand.\n\n",
    );
    for declaration in declarations(&cfg) {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.push_str("export type Commands = {\n");
    for command in crate::api::declarations(&cfg) {
        let (name, request, response) = (command.name, command.request, command.response);
        out.push_str(&format!("  {name}: {{ request: {request}; response: {response} }};\n"));
    }
    // A progress channel is Tauri's `Channel` (only `ui/src/platform` imports Tauri): what the
    // contract needs of it is that the window can set who hears its messages.
    out.push_str("};\n\nexport type ProgressChannel<T> = { onmessage: (message: T) => void };\n");
    out.push_str("\nexport type DesktopCommands = {\n");
    for (name, request, response) in desktop_commands(&cfg) {
        out.push_str(&format!("  {name}: {{ request: {request}; response: {response} }};\n"));
    }
    out.push_str("};\n");
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn committed_bindings_match_the_rust_types() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(super::BINDINGS_PATH);
        let fresh = super::typescript();
        if std::env::var_os("UPDATE").is_some() {
            std::fs::create_dir_all(path.parent().expect("file has a folder")).expect("can create folder");
            std::fs::write(&path, &fresh).expect("can write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/generated/bindings.ts is stale: the UI would talk to the backend with outdated \
             types. Run `UPDATE=1 cargo test -p jianbao --no-default-features bindings` and commit it."
        );
    }
}
