//! Page furniture: the masthead (报头), the 要目, the distribution footer (报尾), page numbers
//! and proof line numbers. Every value comes from the issue and the publication's settings.

use super::blocks::{BlockSource, FlowBlock, TextBlock};
use super::collect::Styles;
use super::geometry::{Geometry, PT_PER_MM};
use super::justify::Align;
use super::page::{FontKey, FontMetrics, GlyphRun, Ink, Item, PlacedGlyph, SourcePart};
use super::shape::TextStyle;
use crate::domain::{FontRole, FooterSettings, Issue, MastheadTotalPlacement, Publication};
use crate::numbering::{format_masthead_date, issue_label, total_label};

/// 四号: the footer and the page numbers (GB/T 9704-2012 §7.4.2-7.4.3 版记, §7.5 页码).
const FOOTER_SIZE_PT: f32 = 14.0;
/// The masthead's red rule. GB/T 9704 leaves its weight open; 1.5 pt reads as the solid red
/// separator of printed bulletins without competing with the 报名.
const MASTHEAD_RULE_PT: f32 = 1.5;
/// 版记 first and last rules 0.35 mm, rules between 0.25 mm (GB/T 9704-2012 §7.4.1).
const FOOTER_THICK_RULE_PT: f32 = 0.35 * PT_PER_MM;
const FOOTER_THIN_RULE_PT: f32 = 0.25 * PT_PER_MM;
/// Page numbers: their em dash line 7 mm below the text block (GB/T 9704-2012 §7.5).
const PAGE_NUMBER_DROP_PT: f32 = 7.0 * PT_PER_MM;
/// Proof line numbers: small, in the left margin, clear of the text.
const LINE_NUMBER_SIZE_PT: f32 = 8.0;
const LINE_NUMBER_GAP_PT: f32 = 6.0;

/// The masthead (报头, GB/T 9704-2012 §7.2 and DESIGN §2): the 报名 in red display Song,
/// letter-spaced and centred over two grid lines; `第N期` and `（总第X期）` centred; the editing
/// unit + 编 flush left and the date flush right on one line; a red rule across the text
/// block. Six grid lines in all, so the text below stays on the grid.
pub fn masthead(issue: &Issue, publication: &Publication, styles: &Styles) -> Vec<FlowBlock> {
    let g = styles.geometry;
    let profile = &publication.layout;
    let name_size = profile.masthead_name_size_pt;
    let name_style = TextStyle { ink: Ink::Red, ..styles.style(FontRole::Display, name_size) };
    let name_chars = publication.name.chars().count() as f32;
    // Letter-spaced by the profile's tracking between characters (分散对齐), centred.
    let tracking = profile.masthead_name_tracking_em.max(0.0);
    let spread = ((name_chars + (name_chars - 1.0).max(0.0) * tracking) * name_style.cell_pt).min(g.width);
    let side = (g.width - spread) / 2.0;
    let furniture = |block: TextBlock| block.furniture().sourced(furniture_source(SourcePart::Masthead));
    let mut name = furniture(TextBlock::new(publication.name.as_str(), name_style, 2.0 * g.line));
    name.align = if name_chars > 1.0 { Align::Justify } else { Align::Center };
    name.first_indent = side;
    name.right_indent = side;
    name.force_justify = true;
    let mut blocks = vec![FlowBlock::Text(name)];
    let number = issue_label(issue.kind, issue.number);
    let total = total_label(issue.total_number);
    let body = styles.body(FontRole::Body);
    let centred =
        |text: String| FlowBlock::Text(furniture(TextBlock::new(text, body, g.line).aligned(Align::Center)));
    match profile.masthead_total_placement {
        MastheadTotalPlacement::SameLine => {
            blocks.push(centred(format!("{number}{total}")));
            blocks.push(FlowBlock::Blank { height: g.line, keep_with_next: false });
        }
        MastheadTotalPlacement::NextLine => blocks.extend([centred(number), centred(total)]),
    }
    let unit = issue.editing_unit(publication).map(|name| format!("{name}编")).unwrap_or_default();
    let date = format_masthead_date(issue.date);
    blocks.push(FlowBlock::LeftRight {
        left: furniture(TextBlock::new(unit, body, g.line).aligned(Align::Left)),
        right: furniture(TextBlock::new(date, body, g.line).aligned(Align::Right)),
    });
    let offset = masthead_rule_offset(profile.masthead_rule_gap_mm, body.size_pt, g.line);
    blocks.push(FlowBlock::Rule { thickness: MASTHEAD_RULE_PT, ink: Ink::Red, height: g.line, offset });
    blocks
}

/// How far into the grid line after the date line the red rule sits, for a rule `gap_mm` under
/// the date line's em box: the box is centred in its cell, so half the leading is already
/// below it. Kept inside that grid line so the 要目 below stays on the grid.
fn masthead_rule_offset(gap_mm: f32, body_size_pt: f32, line_pt: f32) -> f32 {
    let below_em_box = (line_pt - body_size_pt) / 2.0;
    (gap_mm * PT_PER_MM - below_em_box).clamp(0.0, line_pt - MASTHEAD_RULE_PT)
}

/// The 要目 bullet's size against the entry's: the fonts' `●` fills the whole em, which
/// prints as a blot beside 楷体; set smaller, it keeps its cell and is centred in it.
const TOC_BULLET_SCALE: f32 = 0.6;

/// The 要目 (DESIGN §2): `要　目` centred in 黑体, then one entry per article generated from
/// its title lines joined (never broken inside a word), led by `●`, in 楷体 三号 with a hanging indent so that wrapped
/// lines align after the bullet.
pub fn table_of_contents(issue: &Issue, separator: &str, styles: &Styles) -> Vec<FlowBlock> {
    if issue.articles.is_empty() {
        return Vec::new();
    }
    let g = styles.geometry;
    let heading = TextBlock::new("要　目", styles.body(FontRole::Hei), g.line).aligned(Align::Center);
    let mut blocks = vec![FlowBlock::Text(heading.kept_with_next())];
    let kai = styles.body(FontRole::Kai);
    let bullet = TextStyle { size_pt: kai.size_pt * TOC_BULLET_SCALE, ..kai };
    for (index, article) in issue.articles.iter().enumerate() {
        let article_index = u32::try_from(index).ok();
        let entry = TextBlock {
            runs: vec![("●".to_owned(), bullet), (article.title_for_contents(separator), kai)],
            keep_words: true,
            source: Some(BlockSource {
                article: article_index,
                run_starts: vec![None, None],
                ..furniture_source(SourcePart::Contents)
            }),
            ..TextBlock::new("", kai, g.line)
        };
        blocks.push(FlowBlock::Text(entry.indented(2.0 * g.cell, 3.0 * g.cell)));
    }
    blocks
}

/// The 报尾 (版记, GB/T 9704-2012 §7.4 and DESIGN §2), top to bottom: thick rule;
/// `送：` + recipients joined by `，` ending in `。`, one character in from each side,
/// continuation lines aligned after the colon (§7.4.2: "左右各空一字 … 回行时与冒号后的首字对齐，
/// 最后一个抄送机关名称后标句号"); thin rule; responsible editor and contact;
/// approval number (and print run, flush right); thick rule. All in 仿宋 四号.
pub fn footer(settings: &FooterSettings, styles: &Styles) -> Vec<FlowBlock> {
    let g = styles.geometry;
    let style = styles.style(FontRole::Body, FOOTER_SIZE_PT);
    let inset = style.cell_pt;
    let rule = |thickness| FlowBlock::Rule { thickness, ink: Ink::Black, height: 0.0, offset: 0.0 };
    let line = |text: String, align| {
        let mut block = TextBlock::new(text, style, g.line)
            .aligned(align)
            .furniture()
            .sourced(furniture_source(SourcePart::Footer));
        block.first_indent = inset;
        block.rest_indent = inset;
        block.right_indent = inset;
        block
    };
    let label = format!("{}：", settings.recipients_label.as_chinese());
    let recipients = format!("{label}{}。", settings.recipients.join("，"));
    let mut recipients = line(recipients, Align::Justify);
    recipients.rest_indent = inset + 2.0 * style.cell_pt;
    // Editor flush left, contact flush right, as GB/T 9704-2012 §7.4.3 sets 印发机关 and 印发日期.
    let contact = FlowBlock::LeftRight {
        left: line(format!("责任编辑：{}", spaced_name(&settings.responsible_editor)), Align::Left),
        // A word space, not an ideographic one, between two Latin items: the line has to hold
        // the editor's name too.
        right: line(format!("联系方式：{} {}", settings.phone, settings.email), Align::Right),
    };
    let approval = line(format!("批准文号：{}", settings.approval_number), Align::Left);
    let approval = match settings.print_run {
        Some(copies) => {
            FlowBlock::LeftRight { left: approval, right: line(format!("共印{copies}份"), Align::Right) }
        }
        None => FlowBlock::Text(approval),
    };
    vec![
        rule(FOOTER_THICK_RULE_PT),
        FlowBlock::Text(recipients),
        rule(FOOTER_THIN_RULE_PT),
        contact,
        approval,
        rule(FOOTER_THICK_RULE_PT),
    ]
}

/// The source of furniture: a part of the issue, no article, no offsets (the 要目 entry
/// names its article).
fn furniture_source(part: SourcePart) -> BlockSource {
    BlockSource { article: None, part, block: 0, run_starts: vec![None] }
}

/// A two-character personal name takes three cells, its characters spaced by an
/// ideographic space (`汤　建`), as names are set in Chinese lists and signatures.
fn spaced_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    match chars.as_slice() {
        [first, second] => format!("{first}\u{3000}{second}"),
        _ => name.to_owned(),
    }
}

/// `— N —` in 宋体 四号 with half-width digits, 7 mm below the text block, odd pages flush
/// right and even pages flush left, one character in (GB/T 9704-2012 §7.5). 宋体 is the
/// fallback role's Song face.
pub fn page_number(number: u32, geometry: &Geometry, metrics: &dyn FontMetrics) -> Item {
    let size = FOOTER_SIZE_PT;
    let role = FontRole::Fallback;
    let gap = size / 4.0;
    let text: Vec<char> = format!("—{number}—").chars().collect();
    let last = text.len() - 1;
    let mut x = 0.0;
    let mut glyphs = Vec::with_capacity(text.len());
    for (i, ch) in text.into_iter().enumerate() {
        let font = metrics.resolve(role, ch).or_else(|| metrics.resolve(role, '0')).unwrap_or(FontKey(0));
        if i == last {
            x += gap;
        }
        glyphs.push(PlacedGlyph { ch, font, x_pt: x });
        x += metrics.advance_em(font, ch) * size + if i == 0 { gap } else { 0.0 };
    }
    let start = if number % 2 == 1 { geometry.right() - size - x } else { geometry.left + size };
    for glyph in &mut glyphs {
        glyph.x_pt += start;
    }
    Item::Text(GlyphRun {
        baseline_y_pt: geometry.bottom() + PAGE_NUMBER_DROP_PT + 0.88 * size,
        size_pt: size,
        ink: Ink::Black,
        synthetic_bold: false,
        glyphs,
        source: None,
    })
}

/// Proof line numbers (校样): each flow line numbered from 1 on every page, right-aligned in
/// the left margin, so proofreaders can cite `第3页第12行`.
pub fn line_numbers(baselines: &[f32], geometry: &Geometry, metrics: &dyn FontMetrics) -> Vec<Item> {
    let size = LINE_NUMBER_SIZE_PT;
    baselines
        .iter()
        .enumerate()
        .map(|(i, &baseline)| {
            let digits = (i + 1).to_string();
            let mut x = geometry.left - LINE_NUMBER_GAP_PT;
            let mut glyphs: Vec<PlacedGlyph> = digits
                .chars()
                .rev()
                .map(|ch| {
                    let font = metrics.resolve(FontRole::Fallback, ch).unwrap_or(FontKey(0));
                    x -= metrics.advance_em(font, ch) * size;
                    PlacedGlyph { ch, font, x_pt: x }
                })
                .collect();
            glyphs.reverse();
            Item::Text(GlyphRun {
                baseline_y_pt: baseline,
                size_pt: size,
                ink: Ink::Black,
                synthetic_bold: false,
                glyphs,
                source: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_character_names_are_spaced_to_three_cells() {
        assert_eq!(spaced_name("汤建"), "汤　建");
        assert_eq!(spaced_name("欧阳明"), "欧阳明");
    }

    #[test]
    fn masthead_rule_sits_the_profile_gap_under_the_date_line() {
        let line = 225.0 / 22.0 * PT_PER_MM;
        let offset = masthead_rule_offset(4.0, 16.0, line);
        let em_box_foot = (line - 16.0) / 2.0 + 16.0;
        let rule_below_date_line = (line + offset) - em_box_foot;
        assert!((rule_below_date_line / PT_PER_MM - 4.0).abs() < 1e-3);
        assert_eq!(masthead_rule_offset(30.0, 16.0, line), line - MASTHEAD_RULE_PT, "kept in its grid line");
    }
}
