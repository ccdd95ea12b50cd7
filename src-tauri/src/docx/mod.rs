//! An issue as a Word document (.docx, ECMA-376) in the bulletin's layout, for offices that
//! edit or file bulletins in Word or WPS. Written with `docx-rs`; what it cannot express
//! (the East Asian language and line-breaking rules) is added to its XML in `finish`.
//!
//! The document is built in print order, one file per part:
//! `styles` (the house style as named paragraph styles) → `page` (A4, margins, the 28 × 22
//! grid, page numbers) → `masthead` (报头 and 要目) → `articles` (with `runs`: text, tracked
//! changes, comments) → `imprint` (报尾) → `finish` (XML additions, zip).
//!
//! Formatting lives in the styles; paragraphs only name their style, so an office that edits
//! the file keeps the house style.

mod articles;
mod finish;
mod imprint;
mod masthead;
mod page;
mod runs;
mod styles;
mod units;

use chrono::{DateTime, Utc};
use docx_rs::Docx;

use crate::domain::{Issue, Publication};
use crate::error::AppError;
use crate::store::CommentThread;

pub use styles::{ParagraphStyle, office_font_name};

/// What varies between exports of the same issue.
#[derive(Debug, Clone)]
pub struct DocxOptions {
    /// Written as the document's creation and modification date.
    pub timestamp: DateTime<Utc>,
    /// A proof carries the pending suggestions as tracked changes and these comment threads
    /// as Word comments; `None` writes the settled text only.
    pub review: Option<Vec<CommentThread>>,
}

/// The issue as the bytes of a .docx file.
pub fn write_docx(
    issue: &Issue,
    publication: &Publication,
    options: &DocxOptions,
) -> Result<Vec<u8>, AppError> {
    // The final document prints what is agreed; a proof keeps the suggestions to act on.
    let issue = match options.review {
        Some(_) => issue.clone(),
        None => issue.settled(),
    };
    let threads = options.review.as_deref().unwrap_or_default();
    let date = options.timestamp.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut docx = Docx::new().created_at(&date).updated_at(&date);
    docx = styles::add_styles(docx, publication);
    docx = page::set_up_pages(docx, &publication.layout);
    for paragraph in masthead::masthead(&issue, publication) {
        docx = docx.add_paragraph(paragraph);
    }
    for paragraph in masthead::table_of_contents(&issue) {
        docx = docx.add_paragraph(paragraph);
    }
    let mut writer = articles::ArticleWriter::new(&publication.layout, threads);
    writer.issue_note(&issue.editor_note);
    for article in &issue.articles {
        writer.article(article, publication.layout.article_starts_new_page);
    }
    for paragraph in writer.finish() {
        docx = docx.add_paragraph(paragraph);
    }
    for paragraph in imprint::imprint(&issue.footer(publication), &publication.layout) {
        docx = docx.add_paragraph(paragraph);
    }
    finish::finish(docx, &publication.layout)
}
