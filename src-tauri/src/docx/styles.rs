//! The house style as named styles (DESIGN §2 sizes and roles): paragraphs name a style and
//! carry no formatting of their own, so an office editing the document keeps the layout, and
//! restyling a kind of paragraph (every 一级标题) is one change in Word's style pane.
//!
//! Fonts are named by the role names offices have installed (方正小标宋简体, 仿宋_GB2312, 黑体,
//! 楷体_GB2312) rather than the free fonts bundled for the PDF, with the eastAsia slot set
//! so that Word uses them for Chinese text.

use docx_rs::{
    AlignmentType, BorderType, Docx, LineSpacing, LineSpacingType, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, RunFonts, SpecialIndentType, Style, StyleType,
};

use super::units::{Grid, half_points, twips_of_pt};
use crate::domain::{FontChoice, FontRole, LayoutProfile, Publication};

/// 四号: the footer, the page numbers and captions (GB/T 9704-2012 §7.4-7.5).
pub(super) const SMALL_SIZE_PT: f32 = 14.0;
/// The masthead's red rule, as in the PDF (`layout::furniture`): 1.5 pt.
const MASTHEAD_RULE_EIGHTHS: usize = 12;
/// The 要目 bullet against its entry, as in the PDF: the fonts' `●` fills the whole em.
const TOC_BULLET_SCALE: f32 = 0.6;

/// The paragraph styles of a bulletin, each with the Chinese name Word's style pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphStyle {
    MastheadName,
    IssueNumber,
    EditingLine,
    TocHeading,
    TocEntry,
    Title,
    Subtitle,
    Byline,
    EditorNote,
    Heading1,
    Heading2,
    Heading3,
    Body,
    Attribution,
    Picture,
    Caption,
    Imprint,
    PageNumber,
}

impl ParagraphStyle {
    pub const ALL: [ParagraphStyle; 18] = [
        ParagraphStyle::MastheadName,
        ParagraphStyle::IssueNumber,
        ParagraphStyle::EditingLine,
        ParagraphStyle::TocHeading,
        ParagraphStyle::TocEntry,
        ParagraphStyle::Title,
        ParagraphStyle::Subtitle,
        ParagraphStyle::Byline,
        ParagraphStyle::EditorNote,
        ParagraphStyle::Heading1,
        ParagraphStyle::Heading2,
        ParagraphStyle::Heading3,
        ParagraphStyle::Body,
        ParagraphStyle::Attribution,
        ParagraphStyle::Picture,
        ParagraphStyle::Caption,
        ParagraphStyle::Imprint,
        ParagraphStyle::PageNumber,
    ];

    /// The style id in the XML: ASCII, stable, never shown.
    pub fn id(self) -> &'static str {
        match self {
            ParagraphStyle::MastheadName => "JbMastheadName",
            ParagraphStyle::IssueNumber => "JbIssueNumber",
            ParagraphStyle::EditingLine => "JbEditingLine",
            ParagraphStyle::TocHeading => "JbTocHeading",
            ParagraphStyle::TocEntry => "JbTocEntry",
            ParagraphStyle::Title => "JbTitle",
            ParagraphStyle::Subtitle => "JbSubtitle",
            ParagraphStyle::Byline => "JbByline",
            ParagraphStyle::EditorNote => "JbEditorNote",
            ParagraphStyle::Heading1 => "JbHeading1",
            ParagraphStyle::Heading2 => "JbHeading2",
            ParagraphStyle::Heading3 => "JbHeading3",
            ParagraphStyle::Body => "JbBody",
            ParagraphStyle::Attribution => "JbAttribution",
            ParagraphStyle::Picture => "JbPicture",
            ParagraphStyle::Caption => "JbCaption",
            ParagraphStyle::Imprint => "JbImprint",
            ParagraphStyle::PageNumber => "JbPageNumber",
        }
    }

    /// The name the style pane shows, and the name `import` recognises a paragraph by.
    pub fn name(self) -> &'static str {
        match self {
            ParagraphStyle::MastheadName => "报名",
            ParagraphStyle::IssueNumber => "期号",
            ParagraphStyle::EditingLine => "编印单位",
            ParagraphStyle::TocHeading => "要目标题",
            ParagraphStyle::TocEntry => "要目",
            ParagraphStyle::Title => "标题",
            ParagraphStyle::Subtitle => "副标题",
            ParagraphStyle::Byline => "署名",
            ParagraphStyle::EditorNote => "编者按",
            ParagraphStyle::Heading1 => "一级标题",
            ParagraphStyle::Heading2 => "二级标题",
            ParagraphStyle::Heading3 => "三级标题",
            ParagraphStyle::Body => "正文",
            ParagraphStyle::Attribution => "供稿",
            ParagraphStyle::Picture => "图片",
            ParagraphStyle::Caption => "题注",
            ParagraphStyle::Imprint => "报尾",
            ParagraphStyle::PageNumber => "页码",
        }
    }
}

/// Character styles: the 【编者按】 label in 黑体 and the small 要目 bullet.
pub(super) const NOTE_LABEL_STYLE: &str = "JbNoteLabel";
pub(super) const TOC_BULLET_STYLE: &str = "JbTocBullet";

/// The font name written for a role: the family the user chose, or for the bundled free
/// fonts the name of the font offices use for that role, which the recipient's Word has.
pub fn office_font_name(choice: &FontChoice, role: FontRole) -> String {
    match choice {
        FontChoice::Installed { family } => family.clone(),
        FontChoice::Bundled { .. } => match role {
            FontRole::Display => "方正小标宋简体",
            FontRole::Body => "仿宋_GB2312",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体_GB2312",
            FontRole::Fallback => "宋体",
        }
        .to_owned(),
    }
}

/// The same family in every slot: the PDF sets digits and Latin letters in the role's font
/// too, and eastAsia is the slot Word uses for Chinese.
fn fonts_of(name: &str) -> RunFonts {
    RunFonts::new().ascii(name).hi_ansi(name).east_asia(name).cs(name)
}

/// The red of the profile (CMYK in percent) as the RGB Word stores, `FF3333` for the
/// default C0 M80 Y80 K0.
pub(super) fn red_rgb(cmyk: [f32; 4]) -> String {
    let [c, m, y, k] = cmyk.map(|v| (v / 100.0).clamp(0.0, 1.0));
    let channel = |v: f32| (255.0 * (1.0 - v) * (1.0 - k)).round() as u8;
    format!("{:02X}{:02X}{:02X}", channel(c), channel(m), channel(y))
}

pub(super) fn exact_lines(grid: &Grid, lines: i32) -> LineSpacing {
    LineSpacing::new().line_rule(LineSpacingType::Exact).line(grid.line_pitch * lines)
}

/// The document defaults (body font and size, exact grid-pitch lines) and every house style.
pub(super) fn add_styles(docx: Docx, publication: &Publication) -> Docx {
    let profile = &publication.layout;
    let name_chars = publication.name.chars().count() as f32;
    let grid = Grid::of(profile);
    let body_font = office_font_name(&profile.fonts.body, FontRole::Body);
    let mut docx = docx
        .default_fonts(fonts_of(&body_font))
        .default_size(half_points(profile.body_size_pt))
        .default_line_spacing(exact_lines(&grid, 1));
    for style in ParagraphStyle::ALL {
        docx = docx.add_style(paragraph_style(style, profile, &grid, name_chars));
    }
    let hei = office_font_name(&profile.fonts.hei, FontRole::Hei);
    docx.add_style(Style::new(NOTE_LABEL_STYLE, StyleType::Character).name("按语标识").fonts(fonts_of(&hei)))
        .add_style(
            Style::new(TOC_BULLET_STYLE, StyleType::Character)
                .name("要目符号")
                .size(half_points(profile.body_size_pt * TOC_BULLET_SCALE)),
        )
}

fn paragraph_style(style: ParagraphStyle, profile: &LayoutProfile, grid: &Grid, name_chars: f32) -> Style {
    let font = |role: FontRole| fonts_of(&office_font_name(profile.fonts.get(role), role));
    let cell = grid.cell;
    let indented = |s: Style| {
        s.indent(None, Some(SpecialIndentType::FirstLine(2 * cell)), None, None).first_line_chars(200)
    };
    let plain =
        Style::new(style.id(), StyleType::Paragraph).name(style.name()).based_on("Normal").q_format(true);
    match style {
        ParagraphStyle::MastheadName => {
            let size = profile.masthead_name_size_pt;
            // Spread over 1.5 em per character and centred (分散对齐), as the PDF sets it.
            let spread = (name_chars * 1.5 * size * 20.0).min(grid.text_width as f32) as i32;
            let side = (grid.text_width - spread) / 2;
            plain
                .fonts(font(FontRole::Display))
                .size(half_points(size))
                .color(red_rgb(profile.red_cmyk))
                .align(AlignmentType::Distribute)
                .indent(Some(side), None, Some(side), None)
                .line_spacing(exact_lines(grid, 2))
        }
        ParagraphStyle::IssueNumber => plain.align(AlignmentType::Center),
        ParagraphStyle::EditingLine => {
            let mut s = plain.line_spacing(exact_lines(grid, 1).after(grid.line_pitch as u32));
            let rule = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(MASTHEAD_RULE_EIGHTHS)
                .space(4)
                .color(red_rgb(profile.red_cmyk));
            s.paragraph_property = s
                .paragraph_property
                .set_borders(ParagraphBorders::with_empty().set(rule))
                .add_tab(docx_rs::Tab::new().val(docx_rs::TabValueType::Right).pos(grid.text_width as usize));
            s
        }
        ParagraphStyle::TocHeading => {
            keep_next(plain.fonts(font(FontRole::Hei)).align(AlignmentType::Center))
        }
        ParagraphStyle::TocEntry => plain.fonts(font(FontRole::Kai)).align(AlignmentType::Both).indent(
            Some(3 * cell),
            Some(SpecialIndentType::Hanging(cell)),
            None,
            None,
        ),
        ParagraphStyle::Title => {
            let spacing = exact_lines(grid, 1).before(grid.line_pitch as u32).after(grid.line_pitch as u32);
            keep_next(
                plain
                    .fonts(font(FontRole::Display))
                    .size(half_points(profile.title_size_pt))
                    .align(AlignmentType::Center)
                    .line_spacing(spacing)
                    .outline_lvl(0),
            )
        }
        ParagraphStyle::Subtitle | ParagraphStyle::Byline => {
            keep_next(plain.fonts(font(FontRole::Kai)).align(AlignmentType::Center))
        }
        ParagraphStyle::EditorNote => indented(plain.fonts(font(FontRole::Kai)).align(AlignmentType::Both)),
        ParagraphStyle::Heading1 => {
            keep_next(indented(plain.fonts(font(FontRole::Hei)).align(AlignmentType::Both).outline_lvl(1)))
        }
        ParagraphStyle::Heading2 => {
            keep_next(indented(plain.fonts(font(FontRole::Kai)).align(AlignmentType::Both).outline_lvl(2)))
        }
        // 仿宋 has no bold face: Word, like the PDF, makes it bold synthetically.
        ParagraphStyle::Heading3 => {
            keep_next(indented(plain.bold().align(AlignmentType::Both).outline_lvl(3)))
        }
        ParagraphStyle::Body => indented(plain.align(AlignmentType::Both)),
        ParagraphStyle::Attribution => plain.fonts(font(FontRole::Kai)).align(AlignmentType::Right),
        // Exact line spacing would clip an inline picture to one line: the picture's line
        // takes the picture's height.
        ParagraphStyle::Picture => keep_next(
            plain
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().line_rule(LineSpacingType::Auto).line(240)),
        ),
        ParagraphStyle::Caption => {
            plain.fonts(font(FontRole::Kai)).size(half_points(SMALL_SIZE_PT)).align(AlignmentType::Center)
        }
        ParagraphStyle::Imprint => {
            let inset = twips_of_pt(SMALL_SIZE_PT);
            plain.size(half_points(SMALL_SIZE_PT)).align(AlignmentType::Both).indent(
                Some(inset),
                None,
                Some(inset),
                None,
            )
        }
        // 宋体 四号 with half-width digits (GB/T 9704-2012 §7.5).
        ParagraphStyle::PageNumber => plain
            .fonts(fonts_of(&office_font_name(
                &FontChoice::Bundled { role: FontRole::Fallback },
                FontRole::Fallback,
            )))
            .size(half_points(SMALL_SIZE_PT)),
    }
}

fn keep_next(mut style: Style) -> Style {
    style.paragraph_property = style.paragraph_property.keep_next(true);
    style
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_red_is_the_rgb_of_c0_m80_y80_k0() {
        assert_eq!(red_rgb([0.0, 80.0, 80.0, 0.0]), "FF3333");
        assert_eq!(red_rgb([0.0, 100.0, 100.0, 0.0]), "FF0000");
    }

    #[test]
    fn bundled_fonts_are_written_under_the_names_offices_have() {
        let bundled = |role| office_font_name(&FontChoice::Bundled { role }, role);
        assert_eq!(bundled(FontRole::Body), "仿宋_GB2312");
        assert_eq!(bundled(FontRole::Display), "方正小标宋简体");
        let chosen = FontChoice::Installed { family: "华文仿宋".into() };
        assert_eq!(office_font_name(&chosen, FontRole::Body), "华文仿宋");
    }

    #[test]
    fn every_style_has_its_own_id_and_name() {
        let mut ids: Vec<_> = ParagraphStyle::ALL.iter().map(|s| s.id()).collect();
        let mut names: Vec<_> = ParagraphStyle::ALL.iter().map(|s| s.name()).collect();
        ids.sort_unstable();
        ids.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!((ids.len(), names.len()), (ParagraphStyle::ALL.len(), ParagraphStyle::ALL.len()));
    }
}
