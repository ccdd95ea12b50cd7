use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The measurements of a publication's fixed layout. Defaults follow GB/T 9704-2012 and the
/// printed issues of 《联络动态》 (see the project's DESIGN.md §2); every value is editable in
/// settings and stored with the publication.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LayoutProfile {
    pub page_width_mm: f32,
    pub page_height_mm: f32,
    pub margin_top_mm: f32,
    /// The binding side.
    pub margin_left_mm: f32,
    pub margin_right_mm: f32,
    pub margin_bottom_mm: f32,
    /// Body size in points; 三号 = 16 pt.
    pub body_size_pt: f32,
    /// Characters per line of the body grid (GB/T 9704 §5.2.2: 28).
    pub chars_per_line: u32,
    /// Lines per page of the body grid (GB/T 9704 §5.2.2: 22).
    pub lines_per_page: u32,
    /// 报名 size in points; 初号 = 42 pt.
    pub masthead_name_size_pt: f32,
    pub masthead_total_placement: MastheadTotalPlacement,
    /// Extra space between the 报名's characters, in ems of the 报名. Printed 简报 set the name
    /// as one word with light tracking (about ¼ em); wider tracking reads as separate characters.
    #[serde(default = "tracking_before_it_was_a_setting")]
    pub masthead_name_tracking_em: f32,
    /// From the foot of the editing-unit-and-date line (its em box) down to the red rule, in
    /// millimetres. Printed 简报 leave about 4 mm.
    #[serde(default = "rule_gap_before_it_was_a_setting")]
    pub masthead_rule_gap_mm: f32,
    /// Article title size in points; 二号 = 22 pt.
    pub title_size_pt: f32,
    pub compression: CompressionStyle,
    /// Red of the masthead and rules, CMYK in percent (GB/T 9704 §6.2: C0 M80 Y80 K0 style red).
    pub red_cmyk: [f32; 4],
    /// Black text printed as K100 only, as print shops prefer.
    pub black_as_k100: bool,
    /// Whether page 1 (the masthead page) carries a page number.
    pub number_first_page: bool,
    /// Pad an odd page count with a blank page for double-sided printing.
    pub pad_to_even_pages: bool,
    /// Start every article on a new page instead of after one blank line.
    pub article_starts_new_page: bool,
    /// 撑满版心: the first line's em box starts on the text block's top edge and the last line's
    /// ends on its bottom edge (GB/T 9704-2012 §5.2.1 版心 225 mm), the leading falling only
    /// between lines; off, each line is centred in a cell of text block height / lines.
    /// Publications stored before this setting keep their centred cells.
    #[serde(default)]
    pub fill_text_block: bool,
    /// Exports for the press as PDF/X-1a:2001 (CMYK only, FOGRA39 output intent, trim and
    /// bleed boxes), which print shops' preflight checks expect.
    #[serde(default)]
    pub pdf_x1a: bool,
    /// What joins a title's lines in the 要目 (none, or a full-width space).
    #[serde(default)]
    pub contents_line_separator: String,
    pub fonts: FontRoles,
}

/// The 报名 tracking of publications stored before it became a setting (1.5 em per character).
fn tracking_before_it_was_a_setting() -> f32 {
    0.5
}

/// Where the red rule sat before its gap became a setting: at the foot of the date line's
/// cell, which is 2.3 mm under its em box on the default grid.
fn rule_gap_before_it_was_a_setting() -> f32 {
    2.3
}

impl Default for LayoutProfile {
    fn default() -> Self {
        LayoutProfile {
            page_width_mm: 210.0,
            page_height_mm: 297.0,
            margin_top_mm: 37.0,
            margin_left_mm: 28.0,
            margin_right_mm: 26.0,
            margin_bottom_mm: 35.0,
            body_size_pt: 16.0,
            chars_per_line: 28,
            lines_per_page: 22,
            masthead_name_size_pt: 48.0,
            masthead_total_placement: MastheadTotalPlacement::NextLine,
            masthead_name_tracking_em: 0.25,
            masthead_rule_gap_mm: 4.0,
            title_size_pt: 22.0,
            compression: CompressionStyle::FullWidth,
            red_cmyk: [0.0, 80.0, 80.0, 0.0],
            black_as_k100: true,
            number_first_page: true,
            pad_to_even_pages: false,
            article_starts_new_page: false,
            fill_text_block: true,
            pdf_x1a: false,
            contents_line_separator: String::new(),
            fonts: FontRoles::default(),
        }
    }
}

/// Where `（总第X期）` goes relative to `第N期`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum MastheadTotalPlacement {
    SameLine,
    NextLine,
}

/// Punctuation compression styles of W3C clreq §3.1.6: 全角式, 开明式, 半角式.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CompressionStyle {
    /// 全角式: every mark takes a full em except at line end and between adjacent marks.
    FullWidth,
    /// 开明式: pause marks inside the sentence are half width, sentence-end marks full.
    Kaiming,
    /// 半角式: every mark half width.
    HalfWidth,
}

/// The typographic roles a bulletin uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FontRole {
    /// 小标宋: 报名 and article titles.
    Display,
    /// 仿宋: body text.
    Body,
    /// 黑体: level-1 headings, the 要目 heading.
    Hei,
    /// 楷体: level-2 headings, attributions, 编者按, captions.
    Kai,
    /// Used for characters no role font has.
    Fallback,
}

impl FontRole {
    pub const ALL: [FontRole; 5] =
        [FontRole::Display, FontRole::Body, FontRole::Hei, FontRole::Kai, FontRole::Fallback];

    pub fn as_chinese(self) -> &'static str {
        match self {
            FontRole::Display => "标题宋体（报名、标题）",
            FontRole::Body => "仿宋（正文）",
            FontRole::Hei => "黑体（一级标题、要目）",
            FontRole::Kai => "楷体（二级标题、署名、按语）",
            FontRole::Fallback => "后备字体（缺字补字）",
        }
    }
}

/// Which font each role uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FontRoles {
    pub display: FontChoice,
    pub body: FontChoice,
    pub hei: FontChoice,
    pub kai: FontChoice,
    pub fallback: FontChoice,
}

impl FontRoles {
    pub fn get(&self, role: FontRole) -> &FontChoice {
        match role {
            FontRole::Display => &self.display,
            FontRole::Body => &self.body,
            FontRole::Hei => &self.hei,
            FontRole::Kai => &self.kai,
            FontRole::Fallback => &self.fallback,
        }
    }
}

impl Default for FontRoles {
    fn default() -> Self {
        FontRoles {
            display: FontChoice::Bundled { role: FontRole::Display },
            body: FontChoice::Bundled { role: FontRole::Body },
            hei: FontChoice::Bundled { role: FontRole::Hei },
            kai: FontChoice::Bundled { role: FontRole::Kai },
            fallback: FontChoice::Bundled { role: FontRole::Fallback },
        }
    }
}

/// A font for a role: the free font shipped for that role, or one installed on the machine,
/// found by family name in any language (仿宋_GB2312, FangSong_GB2312, 方正小标宋简体…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "source", rename_all = "camelCase", deny_unknown_fields)]
pub enum FontChoice {
    Bundled { role: FontRole },
    Installed { family: String },
}
