//! The operations a user performs, shared by the CLI and the desktop commands so that both
//! behave the same. Each takes the store and plain inputs and returns types the UI can show.

mod archive_choices;
mod archive_import;
mod archive_search;
mod archive_stats;
mod articles;
mod export;
mod export_docx;
mod export_file;
mod font_families;
mod import;
mod import_review;
mod issue_trash;
mod issues;
mod masthead;
mod page_counts;
mod preview;
mod print_issue;
mod proof;
mod proof_return;
mod publication;
mod replace;
mod review;
mod round_compare;
mod rounds;
mod settings;
mod stats_workbook;
mod unit_aliases;
mod word_list;

pub use archive_choices::{ArchiveChoice, import_chosen};
pub use archive_import::{
    ArchiveArticle, ArchiveCommit, ArchiveEntry, ArchiveFailure, ArchiveProgress, ArchiveReview,
    ArchiveStatus, DuplicateOf, ImportedArchiveIssue, analyse_archive, archive_files, commit_archive,
};
pub use archive_search::{
    DEFAULT_HITS, MAX_HITS, SearchHit, SearchRequest, SearchResults, search_articles, units_named,
};
pub use archive_stats::{ArchiveStats, StatsRequest, YearTotals, archive_stats};
pub use articles::{
    ArticleView, RevisionView, SavedArticle, add_blank_article, article_view, list_revisions, remove_article,
    reorder_articles, restore_revision, revision_view, save_article,
};
pub use export::{ExportRequest, ExportedPdf, export, export_issue, export_issue_file, lay_out, pdf_options};
pub use export_docx::{DocxRequest, export_issue_docx, export_issue_file_docx};
pub use export_file::{ExportReport, export_issue_to_file, write_atomically};
pub use font_families::{
    BundledFamily, FontFamilies, font_families, font_families_in, installed_font_families,
};
pub use import::{
    ImportReport, ImportSource, ImportedArticleReport, IssueImportReport, PASTED_TEXT, import_articles,
    import_issue, import_pasted,
};
pub use import_review::{ArticleForReview, ReviewedArticle, analyse_file, analyse_pasted, commit_reviewed};
pub use issue_trash::{duplicate_issue, restore_issue, trash_issue, trashed_issues};
pub use issues::{
    ArticleSummary, IssueView, NewIssueRequest, create_issue, dump_issue, issue_view, load_issue,
    propose_numbers,
};
pub use masthead::{MastheadUpdate, update_masthead};
pub use preview::{
    ArticleOverride, IssuePreview, PreviewImage, PreviewInk, PreviewPage, PreviewRule, PreviewRun,
    PreviewSource, display_list, issue_font_roles, preview_issue,
};
pub use print_issue::{IssuePrintRequest, PrintedIssue, print_issue, printed_round};
pub use proof::{
    FindingView, IgnoredNote, IssueCheck, apply_finding, check_issue_file, check_stored_issue,
    ignore_finding, load_word_list, place_of, unignore_finding,
};
pub use proof_return::{ReturnedProofReport, apply_returned_proof};
pub use publication::{PublicationView, ensure_publication, publication_view, update_publication};
pub use replace::{ArticleChanges, ReplaceReport, ReplaceRequest, Replacer, replace_in_issue, undo_replace};
pub use review::{
    CommentThreadView, IssueReview, PendingSuggestion, add_comment, ensure_nothing_waits,
    ensure_only_own_suggestions, issue_review, reply_to_comment, set_comment_resolved,
};
pub use round_compare::{
    ArticleChange, ArticleComparison, EditKind, InlineEdit, LineChange, Piece, RoundComparison, RoundRef,
    compare_rounds, marked_text,
};
pub use rounds::{
    IssueRounds, SignOff, advance, change_line, current_assignee, issue_rounds, local_time_label,
    next_status, proof_round_of, revoke_sign_off, send_back, sign_off, sign_off_moving_masthead,
};
pub use settings::{FieldProblem, SettingsSaved, publication_problems, save_settings};
pub use stats_workbook::{stats_workbook, write_stats_workbook};
pub use unit_aliases::{
    UnitAliasSaved, UnitAliasView, alias_file_text, parse_alias_file, save_unit_aliases, unit_alias_view,
};
pub use word_list::{
    RowProblem, WordListSaved, WordListView, WordRow, export_word_list, import_word_list, office_word_list,
    reset_word_list, row_problems, save_word_list, word_list_view,
};

/// Who is recorded on revisions when no user name is known yet.
pub const DEFAULT_AUTHOR: &str = "编辑";
