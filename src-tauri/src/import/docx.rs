//! Reading a .docx (Office Open XML, ECMA-376): paragraphs with their styles, bold runs,
//! pictures with captions and tables (flattened to one line per row, with a warning).
//!
//! Word's automatic list numbering is rendered as text before the paragraph (`numbering`).
//!
//! A zip archive read with `zip`, its XML streamed with `quick-xml`: only the few parts a
//! bulletin needs are read, and every part's size is capped before it is inflated.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use base64::Engine;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

mod numbering;
mod returned_proof;

use super::ImportError;
use super::lines::{LineMark, SourceLine};
use crate::domain::Inline;
use numbering::ListNumbering;
pub use returned_proof::{
    ReturnedArticle, ReturnedProof, ReturnedRun, TrackedChange, WordComment, read_returned_proof,
};

/// Largest XML part inflated; a manuscript's document.xml is well under a megabyte.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest picture embedded in an article.
const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;
/// Most picture bytes taken from one file (a picture referenced many times counts each time).
const MAX_TOTAL_IMAGE_BYTES: u64 = 64 * 1024 * 1024;
/// Start of an OLE compound file: how Word stores a password-protected .docx (and old .doc).
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

#[derive(Debug)]
pub struct DocxDocument {
    pub lines: Vec<SourceLine>,
    pub warnings: Vec<String>,
}

pub fn read_docx(name: &str, bytes: &[u8]) -> Result<DocxDocument, ImportError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(ImportError::ProtectedDocx { name: name.into() });
    }
    let corrupt = |detail: String| ImportError::CorruptDocx { name: name.into(), detail };
    let mut archive =
        // The zip library's own words are English and say nothing the editor can act on.
        ZipArchive::new(Cursor::new(bytes)).map_err(|_| corrupt("文件内容不是 Word（.docx）格式".into()))?;
    let document = read_part(&mut archive, "word/document.xml", MAX_PART_BYTES)
        .map_err(corrupt)?
        .ok_or_else(|| corrupt("缺少正文部分 word/document.xml".into()))?;
    let styles = read_part(&mut archive, "word/styles.xml", MAX_PART_BYTES).map_err(corrupt)?;
    let relations =
        read_part(&mut archive, "word/_rels/document.xml.rels", MAX_PART_BYTES).map_err(corrupt)?;
    let numbering = read_part(&mut archive, "word/numbering.xml", MAX_PART_BYTES).map_err(corrupt)?;
    let styles = styles.map(|xml| read_styles(&xml)).unwrap_or_default();
    let relations = relations.map(|xml| relation_targets(&xml)).unwrap_or_default();
    let numbering = numbering.map(|xml| ListNumbering::parse(&xml)).unwrap_or_default();
    let mut reader = BodyReader::new(styles, relations, &mut archive);
    reader.numbering = numbering;
    reader.read(&document).map_err(|e| corrupt(format!("正文 XML 有误：{e}")))?;
    let mut warnings = reader.warnings;
    if reader.tables > 0 {
        warnings.push(format!(
            "文中有 {} 个表格，已按行转为文字（单元格之间用全角空格隔开），请核对",
            reader.tables
        ));
    }
    Ok(DocxDocument { lines: reader.lines, warnings })
}

fn read_part<R: Read + std::io::Seek>(
    archive: &mut ZipArchive<R>,
    path: &str,
    limit: u64,
) -> Result<Option<Vec<u8>>, String> {
    let mut file = match archive.by_name(path) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("无法读取 {path}：{e}")),
    };
    if file.size() > limit {
        return Err(format!("{path} 过大（{} 字节）", file.size()));
    }
    let mut bytes = Vec::new();
    file.by_ref().take(limit + 1).read_to_end(&mut bytes).map_err(|e| format!("无法解压 {path}：{e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("{path} 过大"));
    }
    Ok(Some(bytes))
}

/// What a paragraph style means to the importer, from its name (English or Chinese Word).
fn style_mark(name: &str) -> Option<LineMark> {
    let name = name.to_lowercase().replace(' ', "");
    let level = |rest: &str| rest.parse::<u8>().ok().filter(|l| (1..=9).contains(l));
    if name == "title" || name == "标题" {
        return Some(LineMark::Title);
    }
    if name == "subtitle" || name == "副标题" {
        return Some(LineMark::Subtitle);
    }
    if name == "caption" || name == "题注" {
        return Some(LineMark::Caption);
    }
    let rest = name.strip_prefix("heading").or_else(|| name.strip_prefix("标题"))?;
    level(rest).map(|l| LineMark::Marked { style_level: Some(l.min(3)) })
}

/// A paragraph style: its name and the list numbering it brings (Word's numbered heading
/// styles carry `w:numPr` in the style rather than in each paragraph).
#[derive(Debug, Clone, Default)]
struct ParagraphStyle {
    name: Option<String>,
    list: ListRef,
}

/// `w:numPr`: which list instance and level a paragraph is numbered in.
#[derive(Debug, Clone, Default)]
struct ListRef {
    num_id: Option<String>,
    level: Option<usize>,
}

impl ListRef {
    /// Reads `w:numId` and `w:ilvl`, inside `w:numPr`.
    fn read(&mut self, e: &BytesStart) {
        match e.name().as_ref() {
            "w:numId" => self.num_id = attribute(e, "w:val"),
            "w:ilvl" => self.level = attribute(e, "w:val").and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    /// The paragraph's own settings over its style's.
    fn over(&self, style: &ListRef) -> ListRef {
        ListRef {
            num_id: self.num_id.clone().or_else(|| style.num_id.clone()),
            level: self.level.or(style.level),
        }
    }
}

fn read_styles(xml: &[u8]) -> HashMap<String, ParagraphStyle> {
    let mut reader = Reader::from_reader(xml);
    let mut styles: HashMap<String, ParagraphStyle> = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let style = current.as_ref().map(|id| styles.entry(id.clone()).or_default());
                match (e.name().as_ref(), style) {
                    ("w:style", _) => current = attribute(&e, "w:styleId"),
                    ("w:name", Some(style)) => style.name = attribute(&e, "w:val"),
                    (_, Some(style)) => style.list.read(&e),
                    _ => {}
                }
            }
            Ok(Event::End(e)) if e.name().as_ref() == "w:style" => current = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles
}

fn relation_targets(xml: &[u8]) -> HashMap<String, String> {
    let mut reader = Reader::from_reader(xml);
    let mut targets = HashMap::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == "Relationship" => {
                if let (Some(id), Some(target)) = (attribute(&e, "Id"), attribute(&e, "Target")) {
                    targets.insert(id, target);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    targets
}

fn attribute(element: &BytesStart, key: &str) -> Option<String> {
    element.attributes().flatten().find(|a| a.key.as_ref() == key).map(|a| a.value.to_string())
}

/// Walks document.xml, collecting lines.
struct BodyReader<'a, R: Read + std::io::Seek> {
    styles: HashMap<String, ParagraphStyle>,
    numbering: ListNumbering,
    /// The list of the current paragraph: its own `w:numPr`, and its style's.
    paragraph_list: ListRef,
    style_list: ListRef,
    relations: HashMap<String, String>,
    archive: &'a mut ZipArchive<R>,
    lines: Vec<SourceLine>,
    warnings: Vec<String>,
    tables: usize,
    table_depth: usize,
    row_cells: Vec<String>,
    paragraph: Vec<Inline>,
    paragraph_mark: LineMark,
    in_run_properties: bool,
    in_text: bool,
    bold: bool,
    images: Vec<String>,
    image_bytes: u64,
}

impl<'a, R: Read + std::io::Seek> BodyReader<'a, R> {
    fn new(
        styles: HashMap<String, ParagraphStyle>,
        relations: HashMap<String, String>,
        archive: &'a mut ZipArchive<R>,
    ) -> Self {
        BodyReader {
            styles,
            numbering: ListNumbering::default(),
            paragraph_list: ListRef::default(),
            style_list: ListRef::default(),
            relations,
            archive,
            lines: Vec::new(),
            warnings: Vec::new(),
            tables: 0,
            table_depth: 0,
            row_cells: Vec::new(),
            paragraph: Vec::new(),
            paragraph_mark: LineMark::Plain,
            in_run_properties: false,
            in_text: false,
            bold: false,
            images: Vec::new(),
            image_bytes: 0,
        }
    }

    fn read(&mut self, xml: &[u8]) -> Result<(), quick_xml::Error> {
        let mut reader = Reader::from_reader(xml);
        loop {
            match reader.read_event()? {
                Event::Start(e) => self.start(&e),
                Event::Empty(e) => {
                    self.start(&e);
                    self.end(e.name().as_ref());
                }
                Event::End(e) => self.end(e.name().as_ref()),
                Event::Text(t) if self.in_text => self.push_text(&t.xml10_content()),
                Event::GeneralRef(r) if self.in_text => {
                    let text = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => predefined_entity(&r.xml10_content()).to_string(),
                    };
                    self.push_text(&text);
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    fn start(&mut self, e: &BytesStart) {
        match e.name().as_ref() {
            "w:p" => {
                self.paragraph.clear();
                self.paragraph_mark = LineMark::Plain;
                self.paragraph_list = ListRef::default();
                self.style_list = ListRef::default();
            }
            "w:pStyle" => {
                let id = attribute(e, "w:val").unwrap_or_default();
                let style = self.styles.get(&id).cloned().unwrap_or_default();
                let name = style.name.unwrap_or(id);
                self.paragraph_mark = style_mark(&name).unwrap_or(LineMark::Plain);
                self.style_list = style.list;
            }
            "w:numId" | "w:ilvl" => self.paragraph_list.read(e),
            "w:r" => self.bold = false,
            "w:rPr" => self.in_run_properties = true,
            "w:b" if self.in_run_properties => {
                self.bold = !matches!(attribute(e, "w:val").as_deref(), Some("0" | "false" | "off"));
            }
            "w:t" => self.in_text = true,
            "w:tab" if !self.in_run_properties => self.push_text("\t"),
            "w:br" | "w:cr" if self.table_depth == 0 => self.break_line(),
            "w:tbl" => {
                self.table_depth += 1;
                self.tables += 1;
            }
            "w:tr" => self.row_cells.clear(),
            "w:tc" => self.row_cells.push(String::new()),
            "a:blip" => {
                if let Some(id) = attribute(e, "r:embed") {
                    self.embed_image(&id);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:t" => self.in_text = false,
            "w:rPr" => self.in_run_properties = false,
            "w:pPr" => self.start_with_list_number(),
            "w:p" => self.finish_paragraph(),
            "w:tr" if self.table_depth > 0 => {
                let row: Vec<String> = self.row_cells.drain(..).filter(|c| !c.is_empty()).collect();
                if !row.is_empty() {
                    let content = vec![Inline::plain(&row.join("　"))];
                    self.lines.push(SourceLine::new(content, LineMark::TableRow, false));
                }
            }
            "w:tbl" => self.table_depth = self.table_depth.saturating_sub(1),
            _ => {}
        }
    }

    /// Puts the number Word shows before the paragraph's text, as a typed number would be.
    /// No space follows it: Chinese documents write `一、标题` and `1.标题`.
    fn start_with_list_number(&mut self) {
        let list = self.paragraph_list.over(&self.style_list);
        let Some(num_id) = list.num_id else { return };
        if let Some(label) = self.numbering.next_label(&num_id, list.level.unwrap_or(0)) {
            self.paragraph.push(Inline::plain(&label));
        }
    }

    fn push_text(&mut self, text: &str) {
        match self.paragraph.last_mut() {
            Some(run) if run.bold == self.bold => run.text.push_str(text),
            _ => self.paragraph.push(Inline::styled(text, self.bold)),
        }
    }

    /// A manual line break splits the paragraph into lines, as hard returns do in text.
    fn break_line(&mut self) {
        let mark = self.paragraph_mark.clone();
        self.emit(mark);
    }

    fn finish_paragraph(&mut self) {
        if self.table_depth > 0 {
            let text: String = self.paragraph.drain(..).map(|run| run.text).collect();
            if let Some(cell) = self.row_cells.last_mut() {
                cell.push_str(text.trim());
            }
            return;
        }
        for src in std::mem::take(&mut self.images) {
            self.lines.push(SourceLine::new(vec![], LineMark::Image { src }, false));
        }
        let mark = std::mem::replace(&mut self.paragraph_mark, LineMark::Plain);
        self.emit(mark);
    }

    fn emit(&mut self, mark: LineMark) {
        let mut content = std::mem::take(&mut self.paragraph);
        trim_runs(&mut content);
        if !content.is_empty() {
            self.lines.push(SourceLine::new(content, mark, false));
        }
    }

    fn embed_image(&mut self, relation: &str) {
        let Some(target) = self.relations.get(relation) else { return };
        let path = format!(
            "word/{}",
            target.trim_start_matches("./").trim_start_matches('/').trim_start_matches("word/")
        );
        match read_part(self.archive, &path, MAX_IMAGE_BYTES) {
            Ok(Some(bytes)) if self.image_bytes + bytes.len() as u64 > MAX_TOTAL_IMAGE_BYTES => {
                self.warnings.push(format!("图片 {target} 超出单个文件的图片总量上限，已略去"));
            }
            Ok(Some(bytes)) => {
                self.image_bytes += bytes.len() as u64;
                let mime = match path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).as_deref() {
                    Some("png") => "image/png",
                    Some("jpg" | "jpeg") => "image/jpeg",
                    Some("gif") => "image/gif",
                    Some("bmp") => "image/bmp",
                    _ => "application/octet-stream",
                };
                let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                self.images.push(format!("data:{mime};base64,{data}"));
            }
            Ok(None) | Err(_) => self.warnings.push(format!("图片 {target} 无法读取，已略去")),
        }
    }
}

fn predefined_entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
}

/// Drops leading and trailing whitespace of a paragraph and empty runs.
fn trim_runs(content: &mut Vec<Inline>) {
    if let Some(first) = content.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = content.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    content.retain(|run| !run.text.is_empty());
}
