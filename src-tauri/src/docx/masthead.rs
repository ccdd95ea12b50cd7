//! The first page's masthead (报头, GB/T 9704-2012 §7.2) and the 要目 generated from the
//! titles (DESIGN §2), as in `layout::furniture`.

use docx_rs::{Paragraph, Run};

use super::styles::{ParagraphStyle, TOC_BULLET_STYLE};
use crate::domain::{Issue, MastheadTotalPlacement, Publication};
use crate::numbering::{format_masthead_date, issue_label, total_label};

pub(super) fn styled(style: ParagraphStyle) -> Paragraph {
    Paragraph::new().style(style.id())
}

pub(super) fn text_paragraph(style: ParagraphStyle, text: &str) -> Paragraph {
    styled(style).add_run(Run::new().add_text(text))
}

/// 报名 (red, letter-spaced, centred); `第N期` and `（总第X期）` in Chinese numerals as the PDF
/// prints them; the editing unit + 编 flush left and the date flush right on one line, which
/// carries the red rule as its bottom border: a paragraph border shows in Word, WPS and
/// LibreOffice alike, where a drawn shape may float away when the text above changes.
pub(super) fn masthead(issue: &Issue, publication: &Publication) -> Vec<Paragraph> {
    let mut paragraphs = vec![text_paragraph(ParagraphStyle::MastheadName, &publication.name)];
    let number = issue_label(issue.kind, issue.number);
    let total = total_label(issue.total_number);
    match publication.layout.masthead_total_placement {
        MastheadTotalPlacement::SameLine => {
            paragraphs.push(text_paragraph(ParagraphStyle::IssueNumber, &format!("{number}{total}")));
            // The masthead keeps its six grid lines either way.
            paragraphs.push(styled(ParagraphStyle::IssueNumber));
        }
        MastheadTotalPlacement::NextLine => {
            paragraphs.push(text_paragraph(ParagraphStyle::IssueNumber, &number));
            paragraphs.push(text_paragraph(ParagraphStyle::IssueNumber, &total));
        }
    }
    let unit = issue.editing_unit(publication).map(|name| format!("{name}编")).unwrap_or_default();
    let line = styled(ParagraphStyle::EditingLine)
        .add_run(Run::new().add_text(unit))
        .add_run(Run::new().add_tab())
        .add_run(Run::new().add_text(format_masthead_date(issue.date)));
    paragraphs.push(line);
    paragraphs
}

/// `要　目` and one entry per article, its title lines joined, led by a small `●`.
pub(super) fn table_of_contents(issue: &Issue) -> Vec<Paragraph> {
    if issue.articles.is_empty() {
        return Vec::new();
    }
    let mut paragraphs = vec![text_paragraph(ParagraphStyle::TocHeading, "要\u{3000}目")];
    for article in &issue.articles {
        paragraphs.push(
            styled(ParagraphStyle::TocEntry)
                .add_run(Run::new().style(TOC_BULLET_STYLE).add_text("●"))
                .add_run(Run::new().add_text(article.title_text())),
        );
    }
    paragraphs
}
