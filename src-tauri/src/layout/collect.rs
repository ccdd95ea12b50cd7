//! Articles → flow blocks: titles, subtitle, byline, 编者按, paragraphs, headings, images and
//! attribution lines, each with its font role, size, indent and alignment (DESIGN §2,
//! GB/T 9704-2012 §7.3).

use super::blocks::{BlockSource, FlowBlock, TextBlock};
use super::geometry::Geometry;
use super::justify::Align;
use super::page::{Ink, SourcePart};
use super::shape::TextStyle;
use crate::domain::{Article, Block, FontRole, Inline, LayoutProfile};

/// 四号, the size of image captions (DESIGN §2).
const CAPTION_SIZE_PT: f32 = 14.0;

/// The styles of the text flow, derived from the profile and the grid.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    pub geometry: Geometry,
    pub body_size: f32,
    pub title_size: f32,
}

impl Styles {
    pub fn new(profile: &LayoutProfile, geometry: Geometry) -> Self {
        Styles { geometry, body_size: profile.body_size_pt, title_size: profile.title_size_pt }
    }

    pub fn style(&self, role: FontRole, size_pt: f32) -> TextStyle {
        TextStyle { role, size_pt, cell_pt: self.geometry.cell_for(size_pt), ink: Ink::Black, bold: false }
    }

    pub fn body(&self, role: FontRole) -> TextStyle {
        self.style(role, self.body_size)
    }

    /// Body paragraphs: 2-character first-line indent, justified, last line flush left
    /// (GB/T 9704-2012 §7.3.3 "正文 … 每个自然段左空二字").
    pub fn paragraph(&self, runs: Vec<(String, TextStyle)>) -> TextBlock {
        let cell = self.geometry.cell;
        TextBlock { runs, ..TextBlock::new("", self.body(FontRole::Body), self.geometry.line) }
            .indented(2.0 * cell, 0.0)
    }

    pub fn blank_line(&self) -> FlowBlock {
        FlowBlock::Blank { height: self.geometry.line, keep_with_next: false }
    }
}

/// The issue's own 编者按, where a back issue printed it: after the 要目, before the first
/// article, one paragraph per `\n`-separated part, the first led by 【编者按】 in 黑体, the text
/// in 楷体 (as an article's note, DESIGN §2).
pub fn issue_note(note: &[Inline], styles: &Styles) -> Vec<FlowBlock> {
    if note.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![styles.blank_line()];
    for (index, part) in paragraphs_of(note).into_iter().enumerate() {
        let block = if index == 0 {
            editor_note(&part, styles)
        } else {
            styles.paragraph(inline_runs(&part, styles.body(FontRole::Kai)))
        };
        // Edited with the masthead, not in an article: the place is enough.
        let block_index = u32::try_from(index).unwrap_or(u32::MAX);
        let source = BlockSource {
            article: None,
            part: SourcePart::IssueNote,
            block: block_index,
            run_starts: vec![],
        };
        blocks.push(FlowBlock::Text(block.sourced(source)));
    }
    blocks
}

/// Runs split at `\n` into paragraphs, the separators dropped.
fn paragraphs_of(runs: &[Inline]) -> Vec<Vec<Inline>> {
    let mut paragraphs = vec![Vec::new()];
    for run in runs {
        for (index, piece) in run.text.split('\n').enumerate() {
            if index > 0 {
                paragraphs.push(Vec::new());
            }
            if !piece.is_empty() {
                let current = paragraphs.last_mut().expect("starts with one paragraph and only grows");
                current.push(Inline { text: piece.to_owned(), ..run.clone() });
            }
        }
    }
    paragraphs.retain(|paragraph| !paragraph.is_empty());
    paragraphs
}

/// The blocks of every article in print order. Articles follow each other after one blank
/// line, or each on a new page when the profile asks for it (DESIGN §2).
pub fn articles(articles: &[Article], styles: &Styles, new_page_each: bool) -> Vec<FlowBlock> {
    let mut blocks = Vec::new();
    for (index, article) in articles.iter().enumerate() {
        blocks.push(if new_page_each { FlowBlock::PageBreak } else { styles.blank_line() });
        article_blocks(article, u32::try_from(index).unwrap_or(u32::MAX), styles, &mut blocks);
    }
    blocks
}

/// The blocks of the article at `index` in print order, each with its place in the article
/// (the same part, block and offsets the proof findings use), so the preview leads back there.
fn article_blocks(article: &Article, index: u32, styles: &Styles, blocks: &mut Vec<FlowBlock>) {
    let at = |part, block, start| BlockSource::at(Some(index), part, block, start);
    title(article, index, styles, blocks);
    let lines = [(SourcePart::Subtitle, &article.subtitle), (SourcePart::Byline, &article.byline)];
    for (part, line) in lines.into_iter().filter_map(|(part, line)| Some((part, line.as_deref()?))) {
        let block =
            TextBlock::new(line, styles.body(FontRole::Kai), styles.geometry.line).sourced(at(part, 0, 0));
        blocks.push(FlowBlock::Text(block.aligned(Align::Center).kept_with_next()));
    }
    if !article.editor_note.is_empty() {
        let mut run_starts = vec![None];
        run_starts.extend(run_starts_of(&article.editor_note));
        let source = BlockSource { run_starts, ..at(SourcePart::EditorNote, 0, 0) };
        blocks.push(FlowBlock::Text(editor_note(&article.editor_note, styles).sourced(source)));
    }
    for (block_index, block) in article.body.iter().enumerate() {
        let source = at(SourcePart::Body, u32::try_from(block_index).unwrap_or(u32::MAX), 0);
        body_block(block, source, styles, blocks);
    }
    for (line_index, attribution) in article.attribution_lines().into_iter().enumerate() {
        let source = at(SourcePart::Attribution, u32::try_from(line_index).unwrap_or(u32::MAX), 0);
        let block = TextBlock::new(attribution, styles.body(FontRole::Kai), styles.geometry.line);
        blocks.push(FlowBlock::Text(block.aligned(Align::Right).sourced(source)));
    }
}

/// The title: 小标宋 二号, centred, one block per stored line so the editor's breaks are
/// kept; a blank line between title and body (GB/T 9704-2012 §7.3.1 "标题 … 居中排布").
/// Kept with what follows, so a title never ends a page.
fn title(article: &Article, index: u32, styles: &Styles, blocks: &mut Vec<FlowBlock>) {
    let style = styles.style(FontRole::Display, styles.title_size);
    // The title's text is its lines joined: each line starts where the ones before end.
    let mut start = 0;
    for (i, line) in article.title.iter().enumerate() {
        let source = BlockSource::at(Some(index), SourcePart::Title, 0, start);
        start += char_count(line);
        let mut block =
            TextBlock::new(line.as_str(), style, styles.geometry.line).aligned(Align::Center).sourced(source);
        if i == 0 {
            block.outline = Some(article.title_text());
        }
        block.balanced = true;
        blocks.push(FlowBlock::Text(block.kept_with_next()));
    }
    blocks.push(FlowBlock::Blank { height: styles.geometry.line, keep_with_next: true });
}

/// 【编者按】 in 黑体, the note in 楷体, indented like a paragraph (DESIGN §2).
fn editor_note(note: &[Inline], styles: &Styles) -> TextBlock {
    let mut runs = vec![("【编者按】".to_owned(), styles.body(FontRole::Hei))];
    runs.extend(inline_runs(note, styles.body(FontRole::Kai)));
    styles.paragraph(runs)
}

/// A body block; `source` names its place, with its runs' starts filled in here.
fn body_block(block: &Block, source: BlockSource, styles: &Styles, blocks: &mut Vec<FlowBlock>) {
    match block {
        Block::Paragraph { content } => {
            let mut runs = inline_runs(content, styles.body(FontRole::Body));
            let mut run_starts = run_starts_of(content);
            strip_typed_indent(&mut runs, &mut run_starts);
            let source = BlockSource { run_starts, ..source };
            blocks.push(FlowBlock::Text(styles.paragraph(runs).sourced(source)));
        }
        Block::Heading { level, content } => {
            let runs = inline_runs(content, heading_style(*level, styles));
            let source = BlockSource { run_starts: run_starts_of(content), ..source };
            blocks.push(FlowBlock::Text(styles.paragraph(runs).kept_with_next().sourced(source)));
        }
        Block::Image { src, caption } => image(src, caption.as_deref(), source, styles, blocks),
    }
}

/// Headings: level 1 `一、` 黑体, level 2 `（一）` 楷体, level 3 `1.` 仿宋 bold, all 三号 and
/// indented two characters like the body (GB/T 9704-2012 §7.3.3 "结构层次序数").
fn heading_style(level: u8, styles: &Styles) -> TextStyle {
    match level {
        1 => styles.body(FontRole::Hei),
        2 => styles.body(FontRole::Kai),
        _ => TextStyle { bold: true, ..styles.body(FontRole::Body) },
    }
}

/// Spaces typed at the start of a paragraph (`　　` from word processors) would double the
/// paragraph's own 2-character indent: the layout sets the indent, so they are dropped; the
/// runs' starts move past them, so the offsets still count the stored text.
fn strip_typed_indent(runs: &mut [(String, TextStyle)], run_starts: &mut [Option<u32>]) {
    for ((text, _), start) in runs.iter_mut().zip(run_starts.iter_mut()) {
        let trimmed = text.trim_start_matches([' ', '\u{3000}', '\t']);
        let done = !trimmed.is_empty();
        let dropped = char_count(text) - char_count(trimmed);
        *start = start.map(|s| s + dropped);
        *text = trimmed.to_owned();
        if done {
            break;
        }
    }
}

/// Where each run starts in the text of its runs joined.
fn run_starts_of(content: &[Inline]) -> Vec<Option<u32>> {
    let mut start = 0;
    content
        .iter()
        .map(|inline| {
            let this = start;
            start += char_count(&inline.text);
            Some(this)
        })
        .collect()
}

fn char_count(text: &str) -> u32 {
    u32::try_from(text.chars().count()).unwrap_or(u32::MAX)
}

fn inline_runs(content: &[Inline], style: TextStyle) -> Vec<(String, TextStyle)> {
    content
        .iter()
        .map(|inline| (inline.text.clone(), TextStyle { bold: style.bold || inline.bold, ..style }))
        .collect()
}

/// An image at the text width at most, centred, its caption below in 楷体 四号 (DESIGN §2).
/// Its height fills whole grid lines so that the body below stays on the grid.
fn image(
    src: &str,
    caption: Option<&str>,
    source: BlockSource,
    styles: &Styles,
    blocks: &mut Vec<FlowBlock>,
) {
    let geometry = styles.geometry;
    let (width, height) = super::image_size::fitted(src, geometry.width, geometry.height * 0.6);
    let lines = (height / geometry.line).ceil().max(1.0);
    let keep = caption.is_some();
    let slot_height = lines * geometry.line;
    blocks.push(FlowBlock::Image { src: src.to_owned(), width, height, slot_height, keep_with_next: keep });
    if let Some(caption) = caption {
        let style = styles.style(FontRole::Kai, CAPTION_SIZE_PT);
        let caption = TextBlock::new(caption, style, geometry.line).aligned(Align::Center).sourced(source);
        blocks.push(FlowBlock::Text(caption));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles() -> Styles {
        let profile = LayoutProfile::default();
        Styles::new(&profile, Geometry::of(&profile))
    }

    fn text_blocks(article: &Article) -> Vec<TextBlock> {
        let mut blocks = Vec::new();
        article_blocks(article, 0, &styles(), &mut blocks);
        blocks
            .into_iter()
            .filter_map(|b| match b {
                FlowBlock::Text(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn article(body: Vec<Block>) -> Article {
        Article {
            title: vec!["第一行".into(), "第二行".into()],
            subtitle: None,
            byline: None,
            editor_note: vec![],
            body,
            contributors: vec!["某县人大常委会".into()],
            source: None,
            field_suggestions: vec![],
            block_suggestions: vec![],
        }
    }

    #[test]
    fn title_keeps_the_editors_lines_centred_in_display_song() {
        let blocks = text_blocks(&article(vec![]));
        assert_eq!(blocks[0].runs[0].0, "第一行");
        assert_eq!(blocks[1].runs[0].0, "第二行");
        for title in &blocks[..2] {
            assert_eq!(title.runs[0].1.role, FontRole::Display);
            assert_eq!(title.runs[0].1.size_pt, 22.0, "二号");
            assert_eq!(title.align, Align::Center);
            assert!(title.keep_with_next, "a title never ends a page");
        }
    }

    #[test]
    fn heading_levels_use_hei_kai_and_bold_fangsong() {
        let body =
            vec![Block::heading(1, "一、甲"), Block::heading(2, "（一）乙"), Block::heading(3, "1.丙")];
        let blocks = text_blocks(&article(body));
        let roles: Vec<(FontRole, bool)> =
            blocks[2..5].iter().map(|b| (b.runs[0].1.role, b.runs[0].1.bold)).collect();
        assert_eq!(roles, [(FontRole::Hei, false), (FontRole::Kai, false), (FontRole::Body, true)]);
        assert!(blocks[2..5].iter().all(|b| b.keep_with_next && b.first_indent > 0.0));
    }

    #[test]
    fn attribution_is_its_own_right_aligned_kai_line() {
        let blocks = text_blocks(&article(vec![Block::paragraph("正文。")]));
        let last = blocks.last().expect("attribution");
        assert_eq!(last.runs[0].0, "（某县人大常委会 供稿）");
        assert_eq!((last.align, last.runs[0].1.role), (Align::Right, FontRole::Kai));
    }

    #[test]
    fn paragraph_indent_is_two_characters_and_typed_indent_is_dropped() {
        let blocks = text_blocks(&article(vec![Block::paragraph("　　正文。")]));
        let paragraph = &blocks[2];
        assert_eq!(paragraph.runs[0].0, "正文。");
        assert!((paragraph.first_indent - 2.0 * styles().geometry.cell).abs() < 1e-3);
        assert_eq!(paragraph.align, Align::Justify);
    }

    #[test]
    fn issue_note_prints_its_label_once_and_one_paragraph_per_part() {
        let note = vec![Inline::plain("第一段按语。\n第二段按语。")];
        let texts: Vec<TextBlock> = issue_note(&note, &styles())
            .into_iter()
            .filter_map(|b| match b {
                FlowBlock::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        assert_eq!(texts.len(), 2, "two paragraphs");
        assert_eq!((texts[0].runs[0].0.as_str(), texts[0].runs[0].1.role), ("【编者按】", FontRole::Hei));
        assert_eq!((texts[0].runs[1].0.as_str(), texts[0].runs[1].1.role), ("第一段按语。", FontRole::Kai));
        assert_eq!((texts[1].runs[0].0.as_str(), texts[1].runs[0].1.role), ("第二段按语。", FontRole::Kai));
        assert!(issue_note(&[], &styles()).is_empty(), "no note, nothing printed");
    }

    #[test]
    fn editor_note_has_a_hei_label_and_kai_text() {
        let mut a = article(vec![]);
        a.editor_note = vec![Inline::plain("按语。")];
        a.subtitle = Some("——副题".into());
        a.byline = Some("张三".into());
        let blocks = text_blocks(&a);
        assert_eq!(blocks[2].runs[0].0, "——副题");
        assert_eq!(blocks[3].runs[0].0, "张三");
        let note = &blocks[4];
        assert_eq!((note.runs[0].0.as_str(), note.runs[0].1.role), ("【编者按】", FontRole::Hei));
        assert_eq!((note.runs[1].0.as_str(), note.runs[1].1.role), ("按语。", FontRole::Kai));
    }
}
