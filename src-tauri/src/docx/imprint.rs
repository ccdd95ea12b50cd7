//! The 报尾 (版记, GB/T 9704-2012 §7.4 and DESIGN §2) after the last article: thick rule,
//! `送：` + recipients with continuation lines after the colon, thin rule, editor and
//! contact, approval number (and print run), thick rule. The rules are paragraph borders,
//! which Word, WPS and LibreOffice all draw; the paragraphs keep together, so the 报尾 is
//! never split across pages.

use docx_rs::{
    BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run,
    SpecialIndentType, Tab, TabValueType,
};

use super::masthead::styled;
use super::styles::{ParagraphStyle, SMALL_SIZE_PT};
use super::units::{Grid, border_eighths_of_mm, twips_of_pt};
use crate::domain::{FooterSettings, LayoutProfile};

/// 版记 first and last rules 0.35 mm, rules between 0.25 mm (GB/T 9704-2012 §7.4.1).
const THICK_RULE_MM: f32 = 0.35;
const THIN_RULE_MM: f32 = 0.25;

pub(super) fn imprint(settings: &FooterSettings, profile: &LayoutProfile) -> Vec<Paragraph> {
    let grid = Grid::of(profile);
    let cell = twips_of_pt(SMALL_SIZE_PT);
    let rule = |position, mm| {
        ParagraphBorder::new(position).val(BorderType::Single).size(border_eighths_of_mm(mm)).space(1)
    };
    let label = format!("{}：", settings.recipients_label.as_chinese());
    let recipients = styled(ParagraphStyle::Imprint)
        .keep_next(true)
        // One character in, continuation lines aligned after the two-character label.
        .indent(Some(3 * cell), Some(SpecialIndentType::Hanging(2 * cell)), Some(cell), None)
        .add_run(Run::new().add_text(format!("{label}{}。", settings.recipients.join("，"))));
    let recipients = with_borders(
        recipients,
        ParagraphBorders::with_empty()
            .set(rule(ParagraphBorderPosition::Top, THICK_RULE_MM))
            .set(rule(ParagraphBorderPosition::Bottom, THIN_RULE_MM)),
    );
    let right_tab = Tab::new().val(TabValueType::Right).pos((grid.text_width - cell) as usize);
    let contact = styled(ParagraphStyle::Imprint)
        .keep_next(true)
        .add_tab(right_tab.clone())
        .add_run(Run::new().add_text(format!("责任编辑：{}", spaced_name(&settings.responsible_editor))))
        .add_run(Run::new().add_tab())
        .add_run(Run::new().add_text(format!("联系方式：{} {}", settings.phone, settings.email)));
    let mut approval = styled(ParagraphStyle::Imprint)
        .add_tab(right_tab)
        .add_run(Run::new().add_text(format!("批准文号：{}", settings.approval_number)));
    if let Some(copies) = settings.print_run {
        approval =
            approval.add_run(Run::new().add_tab()).add_run(Run::new().add_text(format!("共印{copies}份")));
    }
    let approval = with_borders(
        approval,
        ParagraphBorders::with_empty().set(rule(ParagraphBorderPosition::Bottom, THICK_RULE_MM)),
    );
    vec![recipients, contact, approval]
}

fn with_borders(mut paragraph: Paragraph, borders: ParagraphBorders) -> Paragraph {
    paragraph.property = paragraph.property.set_borders(borders);
    paragraph
}

/// A two-character personal name takes three cells (`汤　建`), as in the PDF.
fn spaced_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        [first, second] => format!("{first}\u{3000}{second}"),
        _ => name.to_owned(),
    }
}
