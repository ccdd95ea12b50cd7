//! The issue's 编者按 and its articles in print order: title (the editor's line breaks kept),
//! subtitle, byline, 编者按, headings, paragraphs, pictures with captions, attributions
//! (DESIGN §2, as `layout::collect` sets them for the PDF).

use base64::Engine;
use docx_rs::{BreakType, Paragraph, Pic, Run};

use super::masthead::{styled, text_paragraph};
use super::runs::RunWriter;
use super::styles::{NOTE_LABEL_STYLE, ParagraphStyle};
use super::units::{Grid, emu_of_pt};
use crate::domain::{Article, Block, Inline, LayoutProfile};
use crate::layout::image_size;
use crate::store::CommentThread;

/// Pictures take at most this share of the text block's height, as in the PDF.
const PICTURE_MAX_HEIGHT_SHARE: f32 = 0.6;

#[derive(Debug)]
pub(super) struct ArticleWriter<'a> {
    grid: Grid,
    text_height_pt: f32,
    runs: RunWriter<'a>,
    paragraphs: Vec<Paragraph>,
    pictures: usize,
}

impl<'a> ArticleWriter<'a> {
    pub fn new(profile: &LayoutProfile, threads: &'a [CommentThread]) -> Self {
        let text_height_mm = profile.page_height_mm - profile.margin_top_mm - profile.margin_bottom_mm;
        ArticleWriter {
            grid: Grid::of(profile),
            text_height_pt: text_height_mm * 72.0 / 25.4,
            runs: RunWriter::new(threads),
            paragraphs: Vec::new(),
            pictures: 0,
        }
    }

    pub fn finish(self) -> Vec<Paragraph> {
        self.paragraphs
    }

    /// The issue's own 编者按, after the 要目: one paragraph per `\n`-separated part, the
    /// first led by 【编者按】.
    pub fn issue_note(&mut self, note: &[Inline]) {
        for (index, part) in paragraphs_of(note).iter().enumerate() {
            let paragraph = self.note_paragraph(part, index == 0);
            self.paragraphs.push(paragraph);
        }
    }

    pub fn article(&mut self, article: &Article, starts_new_page: bool) {
        self.runs.begin_article(article);
        self.paragraphs.push(title(article).page_break_before(starts_new_page));
        if let Some(line) = &article.subtitle {
            self.paragraphs.push(text_paragraph(ParagraphStyle::Subtitle, line));
        }
        if let Some(line) = &article.byline {
            self.paragraphs.push(text_paragraph(ParagraphStyle::Byline, line));
        }
        if !article.editor_note.is_empty() {
            let paragraph = self.note_paragraph(&article.editor_note, true);
            self.paragraphs.push(paragraph);
        }
        for block in &article.body {
            self.block(block);
        }
        for line in article.attribution_lines() {
            self.paragraphs.push(text_paragraph(ParagraphStyle::Attribution, &line));
        }
    }

    fn note_paragraph(&mut self, runs: &[Inline], labelled: bool) -> Paragraph {
        let mut paragraph = styled(ParagraphStyle::EditorNote);
        if labelled {
            paragraph = paragraph.add_run(Run::new().style(NOTE_LABEL_STYLE).add_text("【编者按】"));
        }
        self.runs.add_runs(paragraph, runs, None)
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph { content } => {
                let content = without_typed_indent(content);
                let paragraph = self.runs.add_runs(styled(ParagraphStyle::Body), &content, None);
                self.paragraphs.push(paragraph);
            }
            Block::Heading { level, content } => {
                let style = match level {
                    1 => ParagraphStyle::Heading1,
                    2 => ParagraphStyle::Heading2,
                    _ => ParagraphStyle::Heading3,
                };
                let paragraph = self.runs.add_runs(styled(style), content, None);
                self.paragraphs.push(paragraph);
            }
            Block::Image { src, caption } => {
                if let Some(picture) = self.picture(src) {
                    self.paragraphs.push(picture);
                }
                if let Some(caption) = caption {
                    self.paragraphs.push(text_paragraph(ParagraphStyle::Caption, caption));
                }
            }
        }
    }

    /// The picture at the text width at most, centred. One the file cannot carry (not a
    /// base64 `data:` URL) is left out; its caption still prints.
    fn picture(&mut self, src: &str) -> Option<Paragraph> {
        let (_, data) = src.strip_prefix("data:")?.split_once(";base64,")?;
        let bytes = base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?;
        let (width_px, height_px) = image_size::pixel_size(src)?;
        let max_width = self.grid.text_width as f32 / 20.0;
        let (width, height) =
            image_size::fitted(src, max_width, self.text_height_pt * PICTURE_MAX_HEIGHT_SHARE);
        self.pictures += 1;
        let picture = Pic::new_with_dimensions(bytes, width_px, height_px)
            .id(format!("rIdJbImage{}", self.pictures))
            .size(emu_of_pt(width), emu_of_pt(height));
        Some(styled(ParagraphStyle::Picture).add_run(Run::new().add_image(picture)))
    }
}

/// One 标题 paragraph, the stored lines joined by line breaks: the editor's breaks are kept
/// and an office edits the title as one paragraph.
fn title(article: &Article) -> Paragraph {
    let mut run = Run::new();
    for (index, line) in article.title.iter().enumerate() {
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    styled(ParagraphStyle::Title).add_run(run)
}

/// Spaces typed at the start of a paragraph would double the style's 2-character indent.
fn without_typed_indent(content: &[Inline]) -> Vec<Inline> {
    let mut content = content.to_vec();
    for inline in &mut content {
        if inline.suggestion.is_some() {
            break;
        }
        let trimmed = inline.text.trim_start_matches([' ', '\u{3000}', '\t']);
        let done = !trimmed.is_empty();
        inline.text = trimmed.to_owned();
        if done {
            break;
        }
    }
    content
}

/// Runs split at `\n` into paragraphs, the separators dropped.
fn paragraphs_of(runs: &[Inline]) -> Vec<Vec<Inline>> {
    let mut paragraphs = vec![Vec::new()];
    for run in runs {
        for (index, piece) in run.text.split('\n').enumerate() {
            if index > 0 {
                paragraphs.push(Vec::new());
            }
            if !piece.is_empty()
                && let Some(current) = paragraphs.last_mut()
            {
                current.push(Inline { text: piece.to_owned(), ..run.clone() });
            }
        }
    }
    paragraphs.retain(|paragraph| !paragraph.is_empty());
    paragraphs
}
