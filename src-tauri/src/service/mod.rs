//! The operations a user performs, shared by the CLI and the desktop commands so that both
//! behave the same. Each takes the store and plain inputs and returns types the UI can show.

mod export;
mod issues;
mod publication;

pub use export::{ExportRequest, ExportedPdf, export, export_issue, export_issue_file, lay_out, pdf_options};
pub use issues::{
    ArticleSummary, IssueView, NewIssueRequest, create_issue, dump_issue, issue_view, load_issue,
};
pub use publication::{PublicationView, publication_view, update_publication};

/// Who is recorded on revisions when no user name is known yet.
pub const DEFAULT_AUTHOR: &str = "编辑";
