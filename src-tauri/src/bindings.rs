//! The TypeScript side of the IPC contract, generated from the Rust types.
//!
//! `ui/src/generated/bindings.ts` is committed; the test below fails when it is stale and
//! rewrites it when run with `UPDATE=1`. The UI's `invoke` takes its command names, request
//! and response types from the `Commands` map written here, so a command is declared once.

use ts_rs::{Config, TS};

use crate::domain::{
    Article, Block, CompressionStyle, EditingUnit, FontChoice, FontRole, FontRoles, FooterSettings, Inline,
    Issue, IssueFile, IssueImprint, IssueKind, IssueStatus, LayoutProfile, MastheadTotalPlacement,
    Publication, RecipientsLabel, Suggestion, SuggestionKind,
};
use crate::error::{AppError, ErrorCode};
use crate::import::{
    BlockRole, CleanupRule, Draft, DraftBlock, FooterFound, ImportedArticle, ImportedIssue, Masthead,
    MastheadFill, MastheadFound, MissingField, Proposal, RecognisedIssue, TextLocation,
};
use crate::proof::{Finding, Part, RuleId};
use crate::service::{
    ArchiveArticle, ArchiveCommit, ArchiveEntry, ArchiveFailure, ArchiveProgress, ArchiveReview,
    ArchiveStatus, DuplicateOf, ImportedArchiveIssue,
};
use crate::service::{
    ArticleChange, ArticleComparison, ArticleForReview, ArticleOverride, ArticleSummary, ArticleView,
    BundledFamily, CommentThreadView, EditKind, ExportReport, FieldProblem, FontFamilies, ImportReport,
    ImportedArticleReport, InlineEdit, IssueImportReport, IssuePreview, IssueReview, IssueRounds, IssueView,
    LineChange, MastheadUpdate, NewIssueRequest, PendingSuggestion, Piece, PreviewImage, PreviewInk,
    PreviewPage, PreviewRule, PreviewRun, PublicationView, ReviewedArticle, RevisionView, RoundComparison,
    SettingsSaved,
};
use crate::service::{
    FindingView, IgnoredNote, IssueCheck, RowProblem, WordListSaved, WordListView, WordRow,
};
use crate::store::{CommentMessage, CommentThread, IssueSummary, RevisionSummary, StatusChange};

/// Path of the generated file, relative to the `src-tauri` crate.
pub const BINDINGS_PATH: &str = "../ui/src/generated/bindings.ts";

/// Each desktop command: its name, the TS type of its arguments and of its answer.
/// `desktop::commands` registers exactly these (a test there checks the names).
pub fn commands(cfg: &Config) -> Vec<(&'static str, String, String)> {
    vec![
        ("list_issues", "Record<string, never>".into(), format!("{}[]", IssueSummary::name(cfg))),
        ("get_issue", "{ id: number }".into(), IssueView::name(cfg)),
        ("create_issue", format!("{{ request: {} }}", NewIssueRequest::name(cfg)), IssueView::name(cfg)),
        ("get_publication", "Record<string, never>".into(), PublicationView::name(cfg)),
        ("get_article", "{ id: number }".into(), ArticleView::name(cfg)),
        (
            "save_article",
            format!("{{ id: number; article: {}; author?: string }}", Article::name(cfg)),
            ArticleSummary::name(cfg),
        ),
        ("add_article", "{ issueId: number; author?: string }".into(), IssueView::name(cfg)),
        ("remove_article", "{ id: number }".into(), IssueView::name(cfg)),
        ("reorder_articles", "{ issueId: number; order: number[] }".into(), IssueView::name(cfg)),
        ("list_revisions", "{ articleId: number }".into(), format!("{}[]", RevisionSummary::name(cfg))),
        ("get_revision", "{ id: number }".into(), RevisionView::name(cfg)),
        ("restore_revision", "{ id: number; author?: string }".into(), ArticleView::name(cfg)),
        // The file's bytes are the body; issue and file name travel in headers (see
        // `desktop::import_commands`).
        ("analyse_import_file", "Uint8Array".into(), format!("{}[]", ArticleForReview::name(cfg))),
        (
            "analyse_pasted_text",
            "{ issueId: number; text: string }".into(),
            format!("{}[]", ArticleForReview::name(cfg)),
        ),
        (
            "commit_import",
            format!("{{ issueId: number; articles: {}[] }}", ReviewedArticle::name(cfg)),
            IssueView::name(cfg),
        ),
        (
            "update_masthead",
            format!("{{ id: number; update: {} }}", MastheadUpdate::name(cfg)),
            IssueView::name(cfg),
        ),
        ("duplicate_issue", "{ id: number }".into(), IssueView::name(cfg)),
        ("trash_issue", "{ id: number }".into(), format!("{}[]", IssueSummary::name(cfg))),
        ("restore_issue", "{ id: number }".into(), format!("{}[]", IssueSummary::name(cfg))),
        ("list_trashed_issues", "Record<string, never>".into(), format!("{}[]", IssueSummary::name(cfg))),
        ("save_settings", format!("{{ publication: {} }}", Publication::name(cfg)), SettingsSaved::name(cfg)),
        ("list_font_families", "Record<string, never>".into(), FontFamilies::name(cfg)),
        (
            "preview_issue",
            format!("{{ issueId: number; editing?: {} }}", ArticleOverride::name(cfg)),
            IssuePreview::name(cfg),
        ),
        // Raw font file bytes (`tauri::ipc::Response`), not JSON.
        ("preview_font", "{ key: number }".into(), "ArrayBuffer".into()),
        (
            "export_issue_pdf",
            "{ issueId: number; path: string; proofRound?: number }".into(),
            ExportReport::name(cfg),
        ),
        ("open_exported_pdf", "{ path: string; reveal: boolean }".into(), "null".into()),
        ("issue_rounds", "{ id: number }".into(), IssueRounds::name(cfg)),
        ("advance_issue", "{ id: number; by: string; note: string }".into(), IssueRounds::name(cfg)),
        (
            "send_back_issue",
            format!("{{ id: number; by: string; reasons: string; to?: {} }}", IssueStatus::name(cfg)),
            IssueRounds::name(cfg),
        ),
        // `date` as YYYY-MM-DD; today when left out.
        ("sign_off_issue", "{ id: number; by: string; date?: string }".into(), IssueRounds::name(cfg)),
        (
            "revoke_sign_off_issue",
            "{ id: number; by: string; reason: string }".into(),
            IssueRounds::name(cfg),
        ),
        ("issue_review", "{ issueId: number }".into(), IssueReview::name(cfg)),
        (
            "add_comment",
            "{ issueId: number; articleId: number; threadId: string; quote: string; author: string; body: string }"
                .into(),
            IssueReview::name(cfg),
        ),
        (
            "reply_to_comment",
            "{ issueId: number; threadId: string; author: string; body: string }".into(),
            IssueReview::name(cfg),
        ),
        (
            "resolve_comment",
            "{ issueId: number; threadId: string; by: string; resolved: boolean }".into(),
            IssueReview::name(cfg),
        ),
        // Rounds as `一校`…`三校`, `待签发`, `已签发` or `当前`.
        (
            "compare_rounds",
            "{ issueId: number; from: string; to: string }".into(),
            RoundComparison::name(cfg),
        ),
        ("check_issue", "{ issueId: number }".into(), IssueCheck::name(cfg)),
        (
            "apply_finding",
            format!("{{ issueId: number; finding: {}; author?: string }}", FindingView::name(cfg)),
            IssueCheck::name(cfg),
        ),
        (
            "ignore_finding",
            format!("{{ issueId: number; finding: {}; by: string }}", FindingView::name(cfg)),
            IssueCheck::name(cfg),
        ),
        (
            "unignore_finding",
            format!("{{ issueId: number; finding: {} }}", FindingView::name(cfg)),
            IssueCheck::name(cfg),
        ),
        ("get_word_list", "Record<string, never>".into(), WordListView::name(cfg)),
        ("save_word_list", format!("{{ rows: {}[] }}", WordRow::name(cfg)), WordListSaved::name(cfg)),
        ("reset_word_list", "Record<string, never>".into(), WordListView::name(cfg)),
    ]
}

fn declarations(cfg: &Config) -> Vec<String> {
    vec![
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
        ImportedArticleReport::decl(cfg),
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
    ]
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
    for (name, request, response) in commands(&cfg) {
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
