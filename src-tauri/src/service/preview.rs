//! The live preview: the same layout result the PDF writer draws, as a compact display list
//! the UI paints with the same font files. Unsaved editor content can stand in for one stored
//! article, so the preview follows the typing without waiting for autosave.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::export::{lay_out, warning_texts};
use crate::domain::{Article, FontRoles, Issue};
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::layout::{GlyphRun, Ink, Item, LaidOutIssue, Page, SourcePart, TextSource};
use crate::store::{Id, Store};

/// An article as the editor holds it now, shown instead of its stored version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleOverride {
    pub article_id: Id,
    pub article: Article,
}

/// Every page of an issue, laid out as it prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuePreview {
    pub page_width_pt: f32,
    pub page_height_pt: f32,
    pub pages: Vec<PreviewPage>,
    /// The screen colour of the publication's CMYK red, as CSS `rgb(…)`.
    pub red_css: String,
    /// Chinese notes, the same the export reports: odd page count, fallback glyphs, long titles.
    pub warnings: Vec<String>,
    /// Outline stroke of synthetic bold (仿宋/楷体), as a fraction of the type size.
    pub bold_stroke_em: f32,
    /// The issue's articles in print order, as laid out: `PreviewSource::article` indexes
    /// this list.
    pub article_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewPage {
    /// The printed page number.
    pub number: u32,
    pub runs: Vec<PreviewRun>,
    pub rules: Vec<PreviewRule>,
    pub images: Vec<PreviewImage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PreviewInk {
    Black,
    Red,
}

/// Text on one baseline in one font, size and ink; `x_pt[i]` is the left edge of the i-th
/// character of `text`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRun {
    /// The font's key: `preview_font` answers its file.
    pub font: u16,
    pub size_pt: f32,
    pub baseline_y_pt: f32,
    pub ink: PreviewInk,
    /// Emboldened by stroking, as the PDF does for fonts without a bold weight.
    pub bold: bool,
    pub text: String,
    pub x_pt: Vec<f32>,
    /// Where the text came from; `None` for text the layout makes itself (page numbers,
    /// labels, bullets).
    pub source: Option<PreviewSource>,
}

/// A run's place: `article` indexes `IssuePreview::article_ids` (`None` for the masthead,
/// footer and the issue's note); `block` is the body block or attribution line (0 for other
/// parts); `offsets[i]` is the character offset (Unicode scalar values) in that part's text
/// of the run's i-th character; empty for furniture and the 要目.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewSource {
    pub article: Option<u32>,
    pub part: SourcePart,
    pub block: u32,
    pub offsets: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRule {
    pub x1_pt: f32,
    pub y1_pt: f32,
    pub x2_pt: f32,
    pub y2_pt: f32,
    pub width_pt: f32,
    pub ink: PreviewInk,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PreviewImage {
    /// The picture's `data:` URL, as stored in the article.
    pub src: String,
    pub x_pt: f32,
    pub y_pt: f32,
    pub width_pt: f32,
    pub height_pt: f32,
}

/// Lays out a stored issue, with `replacement` (if any) in place of its stored article.
pub fn preview_issue(
    store: &dyn Store,
    issue_id: Id,
    fonts: &FontSet,
    replacement: Option<&ArticleOverride>,
) -> Result<IssuePreview, AppError> {
    let record = store.issue(issue_id)?;
    let publication = store.publication(record.publication_id)?;
    let mut issue = record.issue;
    if let Some(replacement) = replacement {
        replace_article(&mut issue, &record.article_ids, replacement)?;
    }
    let laid_out = lay_out(&issue, &publication, fonts, None);
    Ok(display_list(&laid_out, &issue, publication.layout.red_cmyk, record.article_ids))
}

/// The fonts an issue is set in: its publication's choice.
pub fn issue_font_roles(store: &dyn Store, issue_id: Id) -> Result<FontRoles, AppError> {
    let publication_id = store.issue(issue_id)?.publication_id;
    Ok(store.publication(publication_id)?.layout.fonts)
}

fn replace_article(
    issue: &mut Issue,
    article_ids: &[Id],
    replacement: &ArticleOverride,
) -> Result<(), AppError> {
    let index = article_ids.iter().position(|&id| id == replacement.article_id).ok_or_else(|| {
        AppError::new(
            crate::error::ErrorCode::NotFound,
            "正在编辑的文章已不在本期中（可能刚被移除），预览未能刷新。请在左侧文章列表中重新选择一篇文章。",
        )
    })?;
    issue.articles[index] = replacement.article.clone();
    Ok(())
}

/// The display list of a laid-out issue; `issue` names the articles in warnings, `red_cmyk`
/// (percentages) is the profile's red, `article_ids` the stored ids of its articles.
pub fn display_list(
    laid_out: &LaidOutIssue,
    issue: &Issue,
    red_cmyk: [f32; 4],
    article_ids: Vec<Id>,
) -> IssuePreview {
    IssuePreview {
        page_width_pt: laid_out.page_width_pt,
        page_height_pt: laid_out.page_height_pt,
        pages: laid_out.pages.iter().map(preview_page).collect(),
        red_css: screen_colour(red_cmyk),
        warnings: warning_texts(&laid_out.warnings, issue),
        bold_stroke_em: crate::layout::SYNTHETIC_BOLD_STROKE_EM,
        article_ids,
    }
}

fn preview_page(page: &Page) -> PreviewPage {
    let mut preview = PreviewPage { number: page.number, runs: vec![], rules: vec![], images: vec![] };
    for item in &page.items {
        match item {
            Item::Text(run) => preview.runs.extend(runs_by_font(run)),
            &Item::Rule { x1_pt, y1_pt, x2_pt, y2_pt, width_pt, ink } => {
                preview.rules.push(PreviewRule { x1_pt, y1_pt, x2_pt, y2_pt, width_pt, ink: ink.into() });
            }
            Item::Image { src, x_pt, y_pt, width_pt, height_pt } => preview.images.push(PreviewImage {
                src: src.clone(),
                x_pt: *x_pt,
                y_pt: *y_pt,
                width_pt: *width_pt,
                height_pt: *height_pt,
            }),
        }
    }
    preview
}

/// A layout run may switch fonts (fallback glyphs); the UI draws one font per run. Each
/// piece keeps the source offsets of its own characters.
fn runs_by_font(run: &GlyphRun) -> Vec<PreviewRun> {
    let mut runs: Vec<PreviewRun> = Vec::new();
    for (index, glyph) in run.glyphs.iter().enumerate() {
        let offset = run.source.as_ref().and_then(|source| source.offsets.get(index).copied());
        match runs.last_mut() {
            Some(last) if last.font == glyph.font.0 => {
                last.text.push(glyph.ch);
                last.x_pt.push(glyph.x_pt);
                if let (Some(source), Some(offset)) = (last.source.as_mut(), offset) {
                    source.offsets.push(offset);
                }
            }
            _ => runs.push(PreviewRun {
                font: glyph.font.0,
                size_pt: run.size_pt,
                baseline_y_pt: run.baseline_y_pt,
                ink: run.ink.into(),
                bold: run.synthetic_bold,
                text: glyph.ch.to_string(),
                x_pt: vec![glyph.x_pt],
                source: run.source.as_ref().map(|source| preview_source(source, offset)),
            }),
        }
    }
    runs
}

fn preview_source(source: &TextSource, first_offset: Option<u32>) -> PreviewSource {
    PreviewSource {
        article: source.article,
        part: source.part,
        block: source.block,
        offsets: first_offset.into_iter().collect(),
    }
}

/// The naive CMYK → RGB conversion (no colour profile): close enough for a screen preview of
/// a red that prints from CMYK plates.
fn screen_colour(cmyk_percent: [f32; 4]) -> String {
    let [c, m, y, k] = cmyk_percent.map(|percent| (percent / 100.0).clamp(0.0, 1.0));
    let channel = |ink: f32| ((1.0 - ink) * (1.0 - k) * 255.0).round();
    format!("rgb({}, {}, {})", channel(c), channel(m), channel(y))
}

impl From<Ink> for PreviewInk {
    fn from(ink: Ink) -> Self {
        match ink {
            Ink::Black => PreviewInk::Black,
            Ink::Red => PreviewInk::Red,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{FontKey, PlacedGlyph};

    fn glyph(ch: char, font: u16, x_pt: f32) -> PlacedGlyph {
        PlacedGlyph { ch, font: FontKey(font), x_pt }
    }

    #[test]
    fn the_profile_red_shows_as_a_red_on_screen() {
        assert_eq!(screen_colour([0.0, 100.0, 100.0, 0.0]), "rgb(255, 0, 0)");
        assert_eq!(screen_colour([0.0, 80.0, 80.0, 0.0]), "rgb(255, 51, 51)", "the default profile red");
    }

    #[test]
    fn a_run_splits_where_the_font_changes() {
        let run = GlyphRun {
            baseline_y_pt: 100.0,
            size_pt: 16.0,
            ink: Ink::Red,
            synthetic_bold: true,
            glyphs: vec![
                glyph('联', 0, 10.0),
                glyph('络', 0, 26.0),
                glyph('㐀', 4, 42.0),
                glyph('动', 0, 58.0),
            ],
            source: Some(TextSource {
                article: Some(1),
                part: SourcePart::Body,
                block: 2,
                offsets: vec![5, 6, 8, 9],
            }),
        };
        let runs = runs_by_font(&run);
        let parts: Vec<(u16, &str, &[f32])> =
            runs.iter().map(|r| (r.font, r.text.as_str(), r.x_pt.as_slice())).collect();
        assert_eq!(
            parts,
            vec![(0, "联络", &[10.0, 26.0][..]), (4, "㐀", &[42.0][..]), (0, "动", &[58.0][..])],
            "each font change starts a run, so the UI can draw each run in one font face"
        );
        assert!(runs.iter().all(|r| r.ink == PreviewInk::Red && r.bold && r.size_pt == 16.0));
        let offsets: Vec<&[u32]> =
            runs.iter().map(|r| r.source.as_ref().expect("from a body block").offsets.as_slice()).collect();
        assert_eq!(
            offsets,
            vec![&[5, 6][..], &[8][..], &[9][..]],
            "each piece keeps its own characters' offsets"
        );
    }
}
