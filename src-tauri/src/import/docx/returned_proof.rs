//! A proof exported as .docx (`crate::docx`) and returned from Word or WPS: its articles'
//! paragraphs with the tracked changes (`w:ins`/`w:del`, with the author and date Word
//! recorded) and the comment ranges on their runs, and the comments with their replies
//! (`word/comments.xml`, threaded through `word/commentsExtended.xml`).
//!
//! Recognised by the house styles the export writes, by id or by name (LibreOffice renames
//! the ids when it saves): a manuscript from elsewhere has no 标题 paragraph of ours.

use std::collections::HashMap;
use std::io::Cursor;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::{MAX_PART_BYTES, attribute, predefined_entity, read_part, read_styles};
use crate::docx::ParagraphStyle;
use crate::domain::SuggestionKind;
use crate::import::ImportError;

/// A tracked change on a run, as Word recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedChange {
    pub kind: SuggestionKind,
    pub author: String,
    pub date: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnedRun {
    pub text: String,
    pub bold: bool,
    pub change: Option<TrackedChange>,
    /// Word ids of the comments whose range covers this run.
    pub comments: Vec<String>,
}

/// One article of the returned file: its title, its 编者按 and its text paragraphs
/// (paragraphs and headings, in order), each as runs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReturnedArticle {
    pub title: String,
    pub editor_note: Option<Vec<ReturnedRun>>,
    pub blocks: Vec<Vec<ReturnedRun>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordComment {
    pub id: String,
    pub author: String,
    pub date: String,
    pub text: String,
    /// The comment this one answers.
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReturnedProof {
    pub articles: Vec<ReturnedArticle>,
    pub comments: Vec<WordComment>,
}

/// The label the export puts before an article's 编者按; not part of the note's text.
const NOTE_LABEL: &str = "【编者按】";

/// `None` when the file is not a Jianbao export (a manuscript to import as new articles).
pub fn read_returned_proof(name: &str, bytes: &[u8]) -> Result<Option<ReturnedProof>, ImportError> {
    let corrupt = |detail: String| ImportError::CorruptDocx { name: name.into(), detail };
    let Ok(mut archive) = ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(None);
    };
    let Some(document) = read_part(&mut archive, "word/document.xml", MAX_PART_BYTES).map_err(corrupt)?
    else {
        return Ok(None);
    };
    let document = String::from_utf8_lossy(&document).into_owned();
    let styles = read_part(&mut archive, "word/styles.xml", MAX_PART_BYTES).map_err(corrupt)?;
    let names: HashMap<String, String> = styles
        .map(|xml| read_styles(&xml))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(id, style)| Some((id, style.name?)))
        .collect();
    let house_style = |id: &str| {
        let name = names.get(id).map(String::as_str);
        ParagraphStyle::ALL.into_iter().find(|s| s.id() == id || name == Some(s.name()))
    };
    let paragraphs = read_paragraphs(&document).map_err(|e| corrupt(format!("正文 XML 有误：{e}")))?;
    if !paragraphs.iter().any(|(style, _)| house_style(style) == Some(ParagraphStyle::Title)) {
        return Ok(None);
    }
    let articles = articles_of(paragraphs, house_style);
    let comments = read_part(&mut archive, "word/comments.xml", MAX_PART_BYTES).map_err(corrupt)?;
    let threads = read_part(&mut archive, "word/commentsExtended.xml", MAX_PART_BYTES).map_err(corrupt)?;
    let comments = match comments {
        Some(xml) => read_comments(&String::from_utf8_lossy(&xml), threads.as_deref())
            .map_err(|e| corrupt(format!("批注 XML 有误：{e}")))?,
        None => Vec::new(),
    };
    Ok(Some(ReturnedProof { articles, comments }))
}

/// What kind of paragraph a style id makes, for splitting the body into articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Title,
    Note,
    Text,
    Other,
}

fn part_of(style: Option<ParagraphStyle>) -> Part {
    use ParagraphStyle::*;
    match style {
        Some(Title) => Part::Title,
        Some(EditorNote) => Part::Note,
        Some(Body | Heading1 | Heading2 | Heading3) => Part::Text,
        _ => Part::Other,
    }
}

fn articles_of(
    paragraphs: Vec<(String, Vec<ReturnedRun>)>,
    house_style: impl Fn(&str) -> Option<ParagraphStyle>,
) -> Vec<ReturnedArticle> {
    let mut articles: Vec<ReturnedArticle> = Vec::new();
    for (style, runs) in paragraphs {
        match (part_of(house_style(&style)), articles.last_mut()) {
            (Part::Title, _) => {
                let title = runs
                    .iter()
                    .filter(|r| r.change.as_ref().is_none_or(|c| c.kind != SuggestionKind::Insertion));
                let title: String = title.map(|r| r.text.as_str()).collect::<String>().replace('\n', "");
                articles.push(ReturnedArticle { title, ..ReturnedArticle::default() });
            }
            (Part::Note, Some(article)) if article.blocks.is_empty() && article.editor_note.is_none() => {
                article.editor_note = Some(without_label(runs));
            }
            (Part::Text, Some(article)) => article.blocks.push(runs),
            _ => {}
        }
    }
    articles
}

fn without_label(mut runs: Vec<ReturnedRun>) -> Vec<ReturnedRun> {
    if let Some(first) = runs.first_mut()
        && first.change.is_none()
        && let Some(rest) = first.text.strip_prefix(NOTE_LABEL)
    {
        first.text = rest.to_owned();
    }
    runs.retain(|run| !run.text.is_empty());
    runs
}

/// Every body paragraph's style id and runs.
fn read_paragraphs(xml: &str) -> Result<Vec<(String, Vec<ReturnedRun>)>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut paragraphs = Vec::new();
    let mut state = RunState::default();
    loop {
        match reader.read_event()? {
            Event::Start(e) => state.start(&e),
            Event::Empty(e) => {
                state.start(&e);
                state.end(e.name().as_ref(), &mut paragraphs);
            }
            Event::End(e) => state.end(e.name().as_ref(), &mut paragraphs),
            Event::Text(t) if state.in_text => state.text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if state.in_text => match r.resolve_char_ref() {
                Ok(Some(c)) => state.text.push(c),
                _ => state.text.push_str(predefined_entity(&r.xml10_content())),
            },
            Event::Eof => return Ok(paragraphs),
            _ => {}
        }
    }
}

#[derive(Debug, Default)]
struct RunState {
    style: String,
    runs: Vec<ReturnedRun>,
    change: Option<TrackedChange>,
    open_comments: Vec<String>,
    in_run_properties: bool,
    bold: bool,
    in_text: bool,
    text: String,
}

impl RunState {
    fn start(&mut self, e: &BytesStart) {
        match e.name().as_ref() {
            "w:p" => {
                self.style.clear();
                self.runs.clear();
            }
            "w:pStyle" => self.style = attribute(e, "w:val").unwrap_or_default(),
            "w:ins" | "w:del" => {
                let kind = if e.name().as_ref() == "w:ins" {
                    SuggestionKind::Insertion
                } else {
                    SuggestionKind::Deletion
                };
                self.change = Some(TrackedChange {
                    kind,
                    author: attribute(e, "w:author").unwrap_or_default(),
                    date: attribute(e, "w:date").unwrap_or_default(),
                });
            }
            "w:commentRangeStart" => self.open_comments.extend(attribute(e, "w:id")),
            "w:commentRangeEnd" => {
                let id = attribute(e, "w:id").unwrap_or_default();
                self.open_comments.retain(|open| *open != id);
            }
            "w:r" => {
                self.bold = false;
                self.text.clear();
            }
            "w:rPr" => self.in_run_properties = true,
            "w:b" if self.in_run_properties => {
                self.bold = !matches!(attribute(e, "w:val").as_deref(), Some("0" | "false"));
            }
            "w:t" | "w:delText" => self.in_text = true,
            "w:br" | "w:cr" => self.text.push('\n'),
            "w:tab" => self.text.push('\t'),
            _ => {}
        }
    }

    fn end(&mut self, name: &str, paragraphs: &mut Vec<(String, Vec<ReturnedRun>)>) {
        match name {
            "w:rPr" => self.in_run_properties = false,
            "w:t" | "w:delText" => self.in_text = false,
            "w:ins" | "w:del" => self.change = None,
            // A paragraph-mark change sits in w:rPr of w:pPr: nothing of the text.
            "w:r" if !self.text.is_empty() => {
                self.runs.push(ReturnedRun {
                    text: std::mem::take(&mut self.text),
                    bold: self.bold,
                    change: self.change.clone(),
                    comments: self.open_comments.clone(),
                });
            }
            "w:p" => paragraphs.push((std::mem::take(&mut self.style), std::mem::take(&mut self.runs))),
            _ => {}
        }
    }
}

/// Comments with their replies: `w15:paraIdParent` names the parent's last paragraph.
fn read_comments(xml: &str, extended: Option<&[u8]>) -> Result<Vec<WordComment>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut comments = Vec::new();
    let mut paragraph_owner: HashMap<String, String> = HashMap::new();
    let mut current: Option<WordComment> = None;
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.name().as_ref() == "w:comment" => {
                current = Some(WordComment {
                    id: attribute(&e, "w:id").unwrap_or_default(),
                    author: attribute(&e, "w:author").unwrap_or_default(),
                    date: attribute(&e, "w:date").unwrap_or_default(),
                    text: String::new(),
                    parent: None,
                });
            }
            Event::Start(e) if e.name().as_ref() == "w:p" => {
                if let (Some(comment), Some(para)) = (&mut current, attribute(&e, "w14:paraId")) {
                    if !comment.text.is_empty() {
                        comment.text.push('\n');
                    }
                    paragraph_owner.insert(para, comment.id.clone());
                }
            }
            Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some(comment) = &mut current {
                    comment.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(comment) = &mut current {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => comment.text.push(c),
                        _ => comment.text.push_str(predefined_entity(&r.xml10_content())),
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == "w:comment" => comments.extend(current.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some(extended) = extended {
        for (para, parent_para) in comment_parents(&String::from_utf8_lossy(extended))? {
            let (Some(child), Some(parent)) = (paragraph_owner.get(&para), paragraph_owner.get(&parent_para))
            else {
                continue;
            };
            if let Some(comment) = comments.iter_mut().find(|c| &c.id == child) {
                comment.parent = Some(parent.clone());
            }
        }
    }
    for comment in &mut comments {
        comment.text = comment.text.trim().to_owned();
    }
    Ok(comments)
}

/// `(paraId, paraIdParent)` of every reply in commentsExtended.xml.
fn comment_parents(xml: &str) -> Result<Vec<(String, String)>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut parents = Vec::new();
    loop {
        match reader.read_event()? {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == "w15:commentEx" => {
                if let (Some(para), Some(parent)) =
                    (attribute(&e, "w15:paraId"), attribute(&e, "w15:paraIdParent"))
                {
                    parents.push((para, parent));
                }
            }
            Event::Eof => return Ok(parents),
            _ => {}
        }
    }
}
