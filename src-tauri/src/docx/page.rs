//! The page: A4 and the profile's margins, the 28 × 22 document grid, and the page numbers
//! `— N —` in the footers, odd pages right and even pages left (GB/T 9704-2012 §5.2, §7.5).

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, SpecialIndentType,
};

use super::styles::{ParagraphStyle, SMALL_SIZE_PT};
use super::units::{Grid, twips_of_mm, twips_of_pt};
use crate::domain::LayoutProfile;

/// Page numbers: the number line 7 mm below the text block (GB/T 9704-2012 §7.5). Word
/// measures the footer from the page's bottom edge to the footer's bottom, so the number
/// line's own height (a 四号 line, about 5 mm) is taken off too.
const PAGE_NUMBER_DROP_MM: f32 = 7.0;
const PAGE_NUMBER_LINE_MM: f32 = 5.0;
/// Where Word puts an (empty) header: half-way into the top margin.
const HEADER_MM: f32 = 15.0;

pub(super) fn set_up_pages(docx: Docx, profile: &LayoutProfile) -> Docx {
    let grid = Grid::of(profile);
    let footer_mm = (profile.margin_bottom_mm - PAGE_NUMBER_DROP_MM - PAGE_NUMBER_LINE_MM).max(0.0);
    let margin = PageMargin {
        top: twips_of_mm(profile.margin_top_mm),
        left: twips_of_mm(profile.margin_left_mm),
        bottom: twips_of_mm(profile.margin_bottom_mm),
        right: twips_of_mm(profile.margin_right_mm),
        header: twips_of_mm(HEADER_MM),
        footer: twips_of_mm(footer_mm),
        gutter: 0,
    };
    let mut docx = docx
        .page_size(twips_of_mm(profile.page_width_mm) as u32, twips_of_mm(profile.page_height_mm) as u32)
        .page_margin(margin)
        .footer(page_number_footer(true))
        .even_footer(page_number_footer(false));
    // Word lays every line on the grid: chars per line and lines per page as in the PDF.
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::LinesAndChars)
            .line_pitch(grid.line_pitch as usize)
            .char_space(grid.char_space as isize),
    );
    if !profile.number_first_page {
        docx = docx.first_footer(
            Footer::new().add_paragraph(Paragraph::new().style(ParagraphStyle::PageNumber.id())),
        );
        docx.document = docx.document.title_pg();
    }
    docx
}

/// `— N —`, one character in from the outer edge.
fn page_number_footer(odd: bool) -> Footer {
    let inset = twips_of_pt(SMALL_SIZE_PT);
    let (side, left, right) = if odd {
        (AlignmentType::Right, None, Some(inset))
    } else {
        (AlignmentType::Left, Some(inset), None)
    };
    let paragraph = Paragraph::new()
        .style(ParagraphStyle::PageNumber.id())
        .align(side)
        .indent(left, None::<SpecialIndentType>, right, None)
        .add_run(Run::new().add_text("— "))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(" —"));
    Footer::new().add_paragraph(paragraph)
}
