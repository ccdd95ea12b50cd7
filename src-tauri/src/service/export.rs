//! Exporting an issue as a print-ready PDF: layout with the publication's fonts, then the PDF
//! writer. The fonts are parsed by the caller once (`FontSet::load`) and reused, so a
//! re-export after an edit costs layout and writing only.

use chrono::{DateTime, Utc};

use crate::domain::{Issue, IssueFile, Publication};
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::layout::{self, LaidOutIssue, LayoutOptions, LayoutWarning};
use crate::numbering;
use crate::pdf::{self, PdfOptions};
use crate::store::{Id, Store};

/// What varies between exports of the same issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    /// `Some(round)` exports a proof (校样) of that round.
    pub proof_round: Option<u8>,
    /// Written into the PDF as its creation date.
    pub timestamp: DateTime<Utc>,
}

/// The PDF and what the editor should hear about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedPdf {
    pub bytes: Vec<u8>,
    pub page_count: u32,
    /// Chinese notes: odd page count, characters drawn from fallback fonts, overlong titles.
    pub warnings: Vec<String>,
}

/// Exports a stored issue with its publication's current settings.
pub fn export_issue(
    store: &dyn Store,
    id: Id,
    fonts: &FontSet,
    request: &ExportRequest,
) -> Result<ExportedPdf, AppError> {
    let record = store.issue(id)?;
    let publication = store.publication(record.publication_id)?;
    export(&record.issue, &publication, fonts, request)
}

/// Exports an issue given in the exchange format, with the settings the file carries.
pub fn export_issue_file(
    file: &IssueFile,
    fonts: &FontSet,
    request: &ExportRequest,
) -> Result<ExportedPdf, AppError> {
    export(&file.issue, &file.publication, fonts, request)
}

pub fn export(
    issue: &Issue,
    publication: &Publication,
    fonts: &FontSet,
    request: &ExportRequest,
) -> Result<ExportedPdf, AppError> {
    let laid_out = lay_out(issue, publication, fonts, request.proof_round);
    let options = pdf_options(issue, publication, request);
    let bytes = pdf::write_pdf(&laid_out, fonts, &options)?;
    let page_count = u32::try_from(laid_out.pages.len()).unwrap_or(u32::MAX);
    let warnings = warning_texts(&laid_out.warnings, issue);
    Ok(ExportedPdf { bytes, page_count, warnings })
}

pub fn lay_out(
    issue: &Issue,
    publication: &Publication,
    fonts: &FontSet,
    proof_round: Option<u8>,
) -> LaidOutIssue {
    layout::layout_issue(issue, publication, fonts, &LayoutOptions { proof_round })
}

/// Title `联络动态 2025年第13期（总第741期）`, the editing unit as author, and an id that
/// names the issue, so that exporting the same issue at the same time gives the same bytes.
pub fn pdf_options(issue: &Issue, publication: &Publication, request: &ExportRequest) -> PdfOptions {
    let issue_label = numbering::issue_label(issue.kind, issue.number);
    let mut title =
        format!("{} {}年{}（总第{}期）", publication.name, issue.year, issue_label, issue.total_number);
    // A proof says so in its title too: the watermark is not text, and a print shop's queue
    // shows titles.
    if let Some(round) = request.proof_round {
        title.push_str(&format!(" 校样（第{round}轮）"));
    }
    let author = issue.editing_unit(publication).map(str::to_owned).unwrap_or_default();
    let subject = issue.articles.iter().map(|a| a.title_text()).collect::<Vec<_>>().join("；");
    let document_id =
        format!("jianbao-{}-{}-{}-{}", publication.name, issue.year, issue.kind.as_str(), issue.number);
    // A proof is read on screen and in the office, never sent to the press.
    let pdf_x1a = publication.layout.pdf_x1a && request.proof_round.is_none();
    PdfOptions {
        title,
        author,
        subject,
        timestamp: request.timestamp,
        document_id: hex_digest(&document_id),
        proof_round: request.proof_round,
        red_cmyk: publication.layout.red_cmyk,
        // PDF/X-1a allows no RGB, so its black is K100 whatever the profile says.
        black_as_k100: publication.layout.black_as_k100 || pdf_x1a,
        pdf_x1a,
    }
}

/// 32 hex digits (two FNV-1a hashes), the form PDF readers expect an /ID in.
fn hex_digest(text: &str) -> String {
    let fnv = |seed: u64| {
        text.bytes().fold(seed, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3))
    };
    format!("{:016x}{:016x}", fnv(0xcbf2_9ce4_8422_2325), fnv(0x8422_2325_cbf2_9ce4))
}

/// The layout's warnings in words an editor acts on; the export and the preview show these.
pub(crate) fn warning_texts(warnings: &[LayoutWarning], issue: &Issue) -> Vec<String> {
    warnings.iter().map(|w| warning_text(w, issue)).collect()
}

fn warning_text(warning: &LayoutWarning, issue: &Issue) -> String {
    let chars = |chars: &[char]| chars.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join("");
    match warning {
        LayoutWarning::OddPageCount { pages } => {
            format!(
                "本期共 {pages} 页，为单数；双面印刷时可在“设置 → 版式”中勾选“页数为单数时补一张空白页（双面印刷）”。"
            )
        }
        LayoutWarning::FallbackGlyphs { chars: list } => {
            format!("以下字符在所选字体中缺字，已用后备字体排出：{}", chars(list))
        }
        LayoutWarning::MissingGlyphs { chars: list } => {
            format!("以下字符所有字体都没有，未能排出，请改用常用字或安装含这些字的字体：{}", chars(list))
        }
        LayoutWarning::OverlongTitleLine { article, line } => {
            let title = issue.articles.get(*article).map(|a| a.title_text()).unwrap_or_default();
            format!("文章“{title}”的标题第 {} 行超出版心宽度，已自动折行，请手动调整断行。", line + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_id_is_32_hex_digits_and_names_the_issue() {
        let a = hex_digest("jianbao-联络动态-2025-regular-13");
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a, hex_digest("jianbao-联络动态-2025-regular-13"));
        assert_ne!(a, hex_digest("jianbao-联络动态-2025-regular-12"));
    }
}
