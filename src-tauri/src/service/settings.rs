//! The settings screen: the publication profile, its layout profile and fonts, checked field
//! by field so the screen can put each message next to the field it concerns.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{PublicationView, publication_view};
use crate::domain::{FontChoice, FontRole, LayoutProfile, Publication};
use crate::error::AppError;
use crate::store::Store;

/// One field the user has to change, named by its path in the `Publication` JSON
/// (`footer.email`, `layout.marginTopMm`, `editingUnits.0.name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

/// The answer to saving settings: stored, or refused with every problem found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum SettingsSaved {
    Saved { publication: Box<PublicationView> },
    Refused { problems: Vec<FieldProblem> },
}

/// Stores the settings when every field is acceptable; a refusal is an answer, not an error,
/// because the screen keeps what was typed and shows the messages beside the fields.
pub fn save_settings(store: &mut dyn Store, publication: &Publication) -> Result<SettingsSaved, AppError> {
    let problems = publication_problems(publication);
    if !problems.is_empty() {
        return Ok(SettingsSaved::Refused { problems });
    }
    super::update_publication(store, publication)?;
    Ok(SettingsSaved::Saved { publication: Box::new(publication_view(store)?) })
}

/// Everything wrong with the settings, in screen order; empty when they can be stored.
pub fn publication_problems(publication: &Publication) -> Vec<FieldProblem> {
    let mut problems = Problems::default();
    if publication.name.trim().is_empty() {
        problems.add("name", "报名不能为空，例如“联络动态”");
    }
    if publication.editing_units.is_empty() {
        problems.add("editingUnits", "请至少填写一个编印单位");
    }
    for (index, unit) in publication.editing_units.iter().enumerate() {
        if unit.name.trim().is_empty() {
            problems.add(format!("editingUnits.{index}.name"), "编印单位名称不能为空");
        }
    }
    footer_problems(publication, &mut problems);
    layout_problems(&publication.layout, &mut problems);
    problems.0
}

#[derive(Default)]
struct Problems(Vec<FieldProblem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(FieldProblem { field: field.into(), message: message.into() });
    }
}

fn footer_problems(publication: &Publication, problems: &mut Problems) {
    let footer = &publication.footer;
    for (index, recipient) in footer.recipients.iter().enumerate() {
        if recipient.trim().is_empty() {
            problems.add(
                format!("footer.recipients.{index}"),
                format!("第{}个报送单位是空的，请填写或删除这一行", index + 1),
            );
        }
    }
    if footer.phone.contains(['—', '–', '－', '一']) {
        problems.add(
            "footer.phone",
            format!("联系电话“{}”中的区号分隔符应为半角连字符“-”，不能用长横线", footer.phone),
        );
    } else if !footer.phone.chars().all(|c| c.is_ascii_digit() || "-()（） 、，,/".contains(c)) {
        problems.add("footer.phone", format!("联系电话“{}”只能包含数字和连字符“-”", footer.phone));
    }
    if !footer.email.is_empty() && !looks_like_email(&footer.email) {
        problems
            .add("footer.email", format!("“{}”不是有效的电子邮箱地址，应形如 name@163.com", footer.email));
    }
    if footer.print_run == Some(0) {
        problems.add("footer.printRun", "印数必须是正整数；不印印数请留空");
    }
}

/// Whether `text` has the shape of an address a mail client accepts: ASCII, one `@`, a dotted
/// domain. Deliverability cannot be checked offline.
pub(super) fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && text.is_ascii()
        && !text.contains(char::is_whitespace)
}

fn layout_problems(layout: &LayoutProfile, problems: &mut Problems) {
    let mut in_range = |field: &str, label: &str, value: f32, low: f32, high: f32, unit: &str| {
        if !(low..=high).contains(&value) {
            problems.add(format!("layout.{field}"), format!("{label}应在 {low}～{high} {unit} 之间"));
        }
    };
    in_range("pageWidthMm", "纸张宽度", layout.page_width_mm, 100.0, 500.0, "毫米");
    in_range("pageHeightMm", "纸张高度", layout.page_height_mm, 100.0, 500.0, "毫米");
    in_range("marginTopMm", "天头（上边距）", layout.margin_top_mm, 5.0, 100.0, "毫米");
    in_range("marginBottomMm", "下边距", layout.margin_bottom_mm, 5.0, 100.0, "毫米");
    in_range("marginLeftMm", "订口（左边距）", layout.margin_left_mm, 5.0, 100.0, "毫米");
    in_range("marginRightMm", "右边距", layout.margin_right_mm, 5.0, 100.0, "毫米");
    in_range("bodySizePt", "正文字号", layout.body_size_pt, 6.0, 72.0, "磅");
    in_range("mastheadNameSizePt", "报名字号", layout.masthead_name_size_pt, 12.0, 120.0, "磅");
    in_range("titleSizePt", "标题字号", layout.title_size_pt, 8.0, 72.0, "磅");
    in_range("mastheadNameTrackingEm", "报名字距", layout.masthead_name_tracking_em, 0.0, 1.0, "字");
    in_range("mastheadRuleGapMm", "红线距日期行", layout.masthead_rule_gap_mm, 0.0, 10.0, "毫米");
    in_range("charsPerLine", "每行字数", layout.chars_per_line as f32, 10.0, 60.0, "字");
    in_range("linesPerPage", "每页行数", layout.lines_per_page as f32, 10.0, 60.0, "行");
    for (index, value) in layout.red_cmyk.iter().enumerate() {
        if !(0.0..=100.0).contains(value) {
            problems.add(format!("layout.redCmyk.{index}"), "印刷红色的每个分量应在 0～100 之间");
        }
    }
    grid_problems(layout, problems);
    for role in FontRole::ALL {
        if let FontChoice::Installed { family } = layout.fonts.get(role)
            && family.trim().is_empty()
        {
            problems.add(format!("layout.fonts.{}", role_key(role)), "请选择一种本机字体，或改用内置字体");
        }
    }
}

/// The body grid divides the text block into `chars_per_line` cells (GB/T 9704 §5.2.3: 28
/// characters of 三号 in 156 mm, a cell slightly under the 16 pt em). Cells much narrower than
/// the em, or lines lower than it, would print characters over each other.
fn grid_problems(layout: &LayoutProfile, problems: &mut Problems) {
    let em_mm = layout.body_size_pt * MM_PER_PT;
    let text_width_mm = layout.page_width_mm - layout.margin_left_mm - layout.margin_right_mm;
    let text_height_mm = layout.page_height_mm - layout.margin_top_mm - layout.margin_bottom_mm;
    if em_mm <= 0.0 || text_width_mm <= 0.0 || text_height_mm <= 0.0 {
        problems.add("layout.pageWidthMm", "边距超出了纸张：请核对纸张尺寸和四边边距");
        return;
    }
    let cell_mm = text_width_mm / layout.chars_per_line.max(1) as f32;
    if cell_mm < em_mm * MIN_CELL_TO_EM {
        problems.add(
            "layout.charsPerLine",
            format!(
                "版心宽 {text_width_mm:.0} 毫米，排不下每行 {} 个 {} 磅的字：请减少每行字数、缩小字号或边距",
                layout.chars_per_line, layout.body_size_pt
            ),
        );
    }
    let line_mm = text_height_mm / layout.lines_per_page.max(1) as f32;
    if line_mm < em_mm {
        problems.add(
            "layout.linesPerPage",
            format!(
                "版心高 {text_height_mm:.0} 毫米，排不下每页 {} 行 {} 磅的字：请减少每页行数、缩小字号或边距",
                layout.lines_per_page, layout.body_size_pt
            ),
        );
    }
}

/// The narrowest cell accepted, as a share of the em: GB/T 9704's own grid is at 0.987.
const MIN_CELL_TO_EM: f32 = 0.9;
const MM_PER_PT: f32 = 25.4 / 72.0;

fn role_key(role: FontRole) -> &'static str {
    match role {
        FontRole::Display => "display",
        FontRole::Body => "body",
        FontRole::Hei => "hei",
        FontRole::Kai => "kai",
        FontRole::Fallback => "fallback",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(publication: &Publication) -> Vec<String> {
        publication_problems(publication).into_iter().map(|problem| problem.field).collect()
    }

    #[test]
    fn the_shipped_settings_have_no_problem() {
        assert_eq!(publication_problems(&Publication::lianluo_dongtai()), vec![]);
    }

    #[test]
    fn each_problem_names_its_field() {
        let mut publication = Publication::lianluo_dongtai();
        publication.name = " ".into();
        publication.footer.email = "hnrdlgwxrc163.com".into();
        publication.footer.phone = "0731—85309319".into();
        publication.footer.recipients.push(String::new());
        publication.layout.margin_top_mm = 0.0;
        let last = publication.footer.recipients.len() - 1;
        assert_eq!(
            fields(&publication),
            [
                "name".to_owned(),
                format!("footer.recipients.{last}"),
                "footer.phone".into(),
                "footer.email".into(),
                "layout.marginTopMm".into()
            ]
        );
    }

    #[test]
    fn a_body_grid_wider_than_the_margins_is_refused() {
        let mut publication = Publication::lianluo_dongtai();
        publication.layout.chars_per_line = 40;
        let problems = publication_problems(&publication);
        assert_eq!(problems.len(), 1, "only the grid is wrong: {problems:?}");
        assert_eq!(problems[0].field, "layout.charsPerLine");
        assert!(
            problems[0].message.contains("版心宽 156 毫米"),
            "the message says why: {}",
            problems[0].message
        );
    }

    #[test]
    fn an_installed_font_needs_a_family_name() {
        let mut publication = Publication::lianluo_dongtai();
        publication.layout.fonts.kai = FontChoice::Installed { family: String::new() };
        assert_eq!(fields(&publication), ["layout.fonts.kai"]);
    }
}
