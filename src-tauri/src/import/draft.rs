//! An imported article before review: its blocks with the role each was recognised as.
//! The cleanup's proposals point into these blocks; `to_article` builds the domain article.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{Article, Block, Inline};

/// What a block of an imported article was recognised as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum BlockRole {
    /// One line of the title.
    Title,
    /// `——…` under the title.
    Subtitle,
    /// Authors under the title.
    Byline,
    /// 编者按 text (the label itself removed).
    EditorNote,
    Heading {
        level: u8,
    },
    /// An unnumbered section head of a feature: kicker and head separated by an ideographic
    /// space, or one short phrase. Stored as a level-1 heading.
    SectionHead,
    Paragraph,
    /// A photo caption whose picture did not come with the text (text extraction dropped it,
    /// often into the middle of a paragraph). Stored as its own paragraph after the one it
    /// interrupted, and reported.
    Caption,
    /// `（…供稿）` or `（摘编自…）`.
    Attribution,
    /// A row of a Word table, its cells separated by an ideographic space; a paragraph in
    /// the article (the bulletin has no tables), never joined to its neighbours.
    TableRow,
    /// A picture; the block's text is its caption.
    Image {
        src: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DraftBlock {
    pub role: BlockRole,
    pub content: Vec<Inline>,
}

impl DraftBlock {
    pub fn new(role: BlockRole, content: Vec<Inline>) -> Self {
        DraftBlock { role, content }
    }

    pub fn plain_text(&self) -> String {
        self.content.iter().map(|run| run.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub blocks: Vec<DraftBlock>,
}

impl Draft {
    /// The article these blocks make. An article without a recognised title gets `无标题`
    /// so that it can be stored and renamed in the editor.
    pub fn to_article(&self) -> Article {
        let mut article = Article::empty();
        for block in &self.blocks {
            let text = block.plain_text();
            match &block.role {
                BlockRole::Title => article.title.push(text),
                BlockRole::Subtitle => article.subtitle = Some(text),
                BlockRole::Byline => article.byline = Some(text),
                BlockRole::EditorNote => {
                    if !article.editor_note.is_empty() {
                        article.editor_note.push(Inline::plain("\n"));
                    }
                    article.editor_note.extend(block.content.iter().cloned());
                }
                BlockRole::Heading { level } => {
                    article.body.push(Block::Heading { level: *level, content: block.content.clone() });
                }
                BlockRole::SectionHead => {
                    article.body.push(Block::Heading { level: 1, content: block.content.clone() });
                }
                BlockRole::Paragraph | BlockRole::TableRow | BlockRole::Caption => {
                    article.body.push(Block::Paragraph { content: block.content.clone() });
                }
                BlockRole::Attribution => match parse_attribution(&text) {
                    Some(Attribution::Source(source)) => article.source = Some(source),
                    Some(Attribution::Contributors(units)) => article.contributors = units,
                    None => article.body.push(Block::paragraph(&text)),
                },
                BlockRole::Image { src } => article
                    .body
                    .push(Block::Image { src: src.clone(), caption: (!text.is_empty()).then_some(text) }),
            }
        }
        if article.title.is_empty() {
            article.title.push("无标题".into());
        }
        article
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// What follows 摘编自, as typed.
    Source(String),
    Contributors(Vec<String>),
}

/// Reads `（湘潭市委办公室、市人大常委会办公室 供稿）` or `（摘编自《湖南日报》）`, with
/// full- or half-width parentheses.
pub fn parse_attribution(line: &str) -> Option<Attribution> {
    let inner = line.trim().strip_prefix(['（', '('])?.strip_suffix(['）', ')'])?.trim();
    for prefix in ["摘编自", "摘自", "来源："] {
        if let Some(source) = inner.strip_prefix(prefix) {
            let source = source.trim();
            return (!source.is_empty()).then(|| Attribution::Source(source.to_owned()));
        }
    }
    let units = inner.strip_suffix("供稿")?.trim();
    let units: Vec<String> =
        units.split(['、', '，']).map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()).collect();
    (!units.is_empty()).then_some(Attribution::Contributors(units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_lines_are_read_in_both_widths() {
        assert_eq!(
            parse_attribution("(湘潭市委办公室、市人大常委会办公室 供稿)"),
            Some(Attribution::Contributors(vec!["湘潭市委办公室".into(), "市人大常委会办公室".into()]))
        );
        assert_eq!(parse_attribution("（摘编自湖南日报）"), Some(Attribution::Source("湖南日报".into())));
        assert_eq!(parse_attribution("（以下简称“三会三文”精神）"), None);
    }
}
