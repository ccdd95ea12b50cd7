//! Importing manuscripts and back issues: .docx, .txt/.md (UTF-8 or GBK/GB18030) and pasted
//! text become drafts of articles, with the cleanup's proposals for the editor to review.
//!
//! Pure: bytes or text in, drafts and proposals out. Reading files and storing articles is
//! the service's job. Pipeline in file order: decode/docx → lines → article/issue
//! recognition → cleanup (punctuation) → proposal (apply).

mod article;
mod caption;
pub(crate) mod chars;
mod cleanup;
mod contents;
mod decode;
mod docx;
mod draft;
mod error;
mod footer;
mod heading;
mod issue;
mod issue_note;
mod lines;
mod masthead;
mod page_furniture;
mod paragraphs;
mod pdf;
mod proposal;
pub(crate) mod punctuation;
mod section_head;
mod text_shape;
mod titles;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use cleanup::{CleanupContext, propose};
pub use decode::decode_text;
pub use docx::{
    ReturnedArticle, ReturnedProof, ReturnedRun, TrackedChange, WordComment, read_returned_proof,
};
pub use draft::{BlockRole, Draft, DraftBlock};
pub use error::ImportError;
pub use footer::{FooterFound, footer_differences};
pub use issue::{
    ImportedIssue, Masthead, MastheadFill, MissingField, RecognisedIssue, import_issue_text,
    recognise_issue_text,
};
use issue::{import_issue_lines, recognise_issue_lines};
pub use masthead::MastheadFound;
pub use pdf::{PlacedChar, pdf_glyph_pages};
pub use proposal::{CleanupRule, Proposal, TextLocation, apply_proposals};

use crate::domain::Article;
use lines::{LineMark, SourceLine};

/// Largest text file taken: a bulletin's text is tens of kilobytes.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;
/// Largest .docx taken: pictures make Word files larger than their text.
pub const MAX_DOCX_BYTES: u64 = 40 * 1024 * 1024;
/// Largest PDF taken: a printed issue with photos is a few megabytes, a scan tens.
pub const MAX_PDF_BYTES: u64 = 64 * 1024 * 1024;

/// One article found in the input, as recognised, with the proposed cleanup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedArticle {
    pub draft: Draft,
    pub proposals: Vec<Proposal>,
    /// Things the editor should check that no proposal covers (e.g. a flattened table).
    pub warnings: Vec<String>,
}

impl ImportedArticle {
    /// The article with the proposals `accept` picks applied.
    pub fn cleaned(&self, accept: impl Fn(&Proposal) -> bool) -> Article {
        apply_proposals(&self.draft, &self.proposals, accept).to_article()
    }

    /// The article with the changes that alter no wording applied: what the CLI stores.
    pub fn with_safe_changes(&self) -> Article {
        self.cleaned(|proposal| proposal.safe)
    }

    /// The proposals left for the editor after the safe ones are applied.
    pub fn pending(&self) -> impl Iterator<Item = &Proposal> {
        self.proposals.iter().filter(|proposal| !proposal.safe)
    }
}

/// What kind of file a name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Docx,
    Text,
    /// Only for whole back issues: a PDF is a printed issue, not a manuscript.
    Pdf,
}

impl FileKind {
    pub fn of(name: &str) -> Result<Self, ImportError> {
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match extension.as_str() {
            "docx" => Ok(FileKind::Docx),
            "txt" | "md" | "text" | "markdown" => Ok(FileKind::Text),
            "pdf" => Ok(FileKind::Pdf),
            _ => Err(ImportError::UnsupportedType { name: name.into() }),
        }
    }

    pub fn size_limit(self) -> u64 {
        match self {
            FileKind::Docx => MAX_DOCX_BYTES,
            FileKind::Text => MAX_TEXT_BYTES,
            FileKind::Pdf => MAX_PDF_BYTES,
        }
    }

    /// Refuses a file before it is read, from its size alone.
    pub fn check_size(self, name: &str, size: u64) -> Result<(), ImportError> {
        let limit = self.size_limit();
        if size > limit {
            let mb = |bytes: u64| bytes.div_ceil(1024 * 1024);
            return Err(ImportError::TooLarge { name: name.into(), size_mb: mb(size), limit_mb: mb(limit) });
        }
        if size == 0 {
            return Err(ImportError::Empty { name: name.into() });
        }
        Ok(())
    }
}

/// Articles of one file, by its name's extension.
pub fn import_file(name: &str, bytes: &[u8]) -> Result<Vec<ImportedArticle>, ImportError> {
    let kind = FileKind::of(name)?;
    kind.check_size(name, bytes.len() as u64)?;
    let articles = match kind {
        FileKind::Docx => {
            let document = docx::read_docx(name, bytes)?;
            let mut warnings = document.warnings;
            let mut articles = imported_articles([document.lines.as_slice()], &HashSet::new(), &mut warnings);
            if let Some(first) = articles.first_mut() {
                first.warnings.extend(warnings);
            }
            articles
        }
        FileKind::Text => import_text(&decode_text(name, bytes)?),
        FileKind::Pdf => return Err(ImportError::UnsupportedType { name: name.into() }),
    };
    if articles.iter().all(|a| a.draft.blocks.is_empty()) {
        return Err(ImportError::NoArticles { name: name.into() });
    }
    Ok(articles)
}

/// A whole back issue from a .docx, text or PDF file, refused if its masthead is incomplete.
pub fn import_issue_file(name: &str, bytes: &[u8]) -> Result<ImportedIssue, ImportError> {
    let (lines, warnings) = issue_lines(name, bytes)?;
    let mut issue = import_issue_lines(name, &lines)?;
    issue.warnings.extend(warnings);
    Ok(issue)
}

/// A whole back issue from a .docx, text or PDF file as far as it shows it: masthead fields
/// it does not show are left for the user. The content decides the reader, whatever the
/// extension says (a PDF named .txt is read as a PDF, and said so).
pub fn recognise_issue_file(name: &str, bytes: &[u8]) -> Result<RecognisedIssue, ImportError> {
    let (lines, warnings) = issue_lines(name, bytes)?;
    let mut issue = recognise_issue_lines(name, &lines)?;
    issue.warnings.extend(warnings);
    Ok(issue)
}

fn issue_lines(name: &str, bytes: &[u8]) -> Result<(Vec<SourceLine>, Vec<String>), ImportError> {
    let named = FileKind::of(name).map_err(|_| ImportError::UnsupportedIssueType { name: name.into() })?;
    let kind = FileKind::sniff(bytes).unwrap_or(named);
    kind.check_size(name, bytes.len() as u64)?;
    let mut warnings = Vec::new();
    if kind != named {
        warnings.push(format!("“{name}”的扩展名与内容不符，已按{}读取", kind.description()));
    }
    let lines = match kind {
        FileKind::Docx => {
            let document = docx::read_docx(name, bytes)?;
            warnings.extend(document.warnings);
            document.lines
        }
        FileKind::Text => lines::text_lines(&decode_text(name, bytes)?),
        FileKind::Pdf => lines::text_lines(&pdf::pdf_text(name, bytes)?),
    };
    Ok((lines, warnings))
}

impl FileKind {
    /// What the first bytes say the file is: `%PDF-` or a zip (a .docx). Text has no mark.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(FileKind::Docx)
        } else {
            None
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            FileKind::Docx => " Word 文档（.docx）",
            FileKind::Text => "文本文件",
            FileKind::Pdf => " PDF 文件",
        }
    }
}

/// Articles of pasted or decoded text. `#` lines that are not numbered headings start
/// articles, so several manuscripts can come in one paste.
pub fn import_text(text: &str) -> Vec<ImportedArticle> {
    let lines = lines::text_lines(text);
    let mut groups: Vec<&[SourceLine]> = Vec::new();
    let mut start = 0;
    for (index, line) in lines.iter().enumerate() {
        if index > start && article::is_title_mark(line) {
            groups.push(&lines[start..index]);
            start = index;
        }
    }
    groups.push(&lines[start..]);
    let heads = running_heads(&lines);
    let mut warnings = Vec::new();
    let mut articles = imported_articles(groups, &heads, &mut warnings);
    articles.retain(|a| !a.draft.blocks.is_empty());
    articles
}

fn imported_articles<'a>(
    groups: impl IntoIterator<Item = &'a [SourceLine]>,
    running_heads: &HashSet<String>,
    warnings: &mut Vec<String>,
) -> Vec<ImportedArticle> {
    let context = CleanupContext { running_heads: running_heads.clone() };
    groups
        .into_iter()
        .map(|group| {
            let draft = article::draft_from_lines(group, running_heads);
            let proposals = propose(&draft, &context);
            let mut own = std::mem::take(warnings);
            if !draft.blocks.iter().any(|b| b.role == BlockRole::Title) {
                own.push("没有识别出标题，已暂用“无标题”，请补上".into());
            }
            for caption in draft.blocks.iter().filter(|b| b.role == BlockRole::Caption) {
                own.push(format!(
                    "图片说明“{}”没有随图片导入（提取文字时图片已丢失），已单列为一段放在所在段落之后；请补上图片或删去这段说明",
                    caption.plain_text()
                ));
            }
            ImportedArticle { draft, proposals, warnings: own }
        })
        .collect()
}

/// Short lines repeated on several pages, like 报名 or a title at the top of each page.
fn running_heads(lines: &[SourceLine]) -> HashSet<String> {
    const MAX_HEAD_CHARS: usize = 20;
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for line in lines.iter().filter(|line| line.mark == LineMark::Plain) {
        let text = cleanup::squeeze(&line.plain_text());
        let plausible = text.chars().count() <= MAX_HEAD_CHARS
            && !chars::ends_sentence(&text)
            && heading::numbering_level(&text).is_none()
            && draft::parse_attribution(&text).is_none()
            && !cleanup::is_page_number(&text);
        if plausible {
            *counts.entry(text).or_default() += 1;
        }
    }
    counts.into_iter().filter(|(_, n)| *n >= 2).map(|(text, _)| text).collect()
}
