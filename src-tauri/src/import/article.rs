//! Recognising one article in its source lines: title, subtitle, byline, 编者按, numbered
//! headings, paragraphs, pictures and the attribution line.

use std::collections::HashSet;

use super::chars::{ends_sentence, is_han, is_space};
use super::cleanup::squeeze;
use super::draft::{BlockRole, Draft, DraftBlock, parse_attribution};
use super::heading::{numbering_level, unmarked_heading_level};
use super::lines::{LineMark, SourceLine};
use super::paragraphs::EDITOR_NOTE_LABELS;
use super::section_head::{is_single_head, is_two_line_head, joined, kicker_and_head};
use crate::domain::Inline;

/// Longest line taken as a title line or byline when the source does not mark it.
const MAX_TITLE_CHARS: usize = 40;
const MAX_BYLINE_CHARS: usize = 24;

/// Whether a line starts a new article in Markdown-ish text: a `#` line that is not a
/// numbered heading.
pub fn is_title_mark(line: &SourceLine) -> bool {
    match line.mark {
        LineMark::Title => true,
        LineMark::Marked { style_level } => {
            style_level.is_none() && numbering_level(&line.plain_text()).is_none()
        }
        _ => false,
    }
}

/// The draft of one article. `lines` start at the title if there is one, perhaps after
/// running heads (which stay as paragraphs for the cleanup to drop).
pub fn draft_from_lines(lines: &[SourceLine], running_heads: &HashSet<String>) -> Draft {
    let mut blocks = Vec::new();
    let heads = lines
        .iter()
        .take_while(|line| {
            line.mark == LineMark::Plain && running_heads.contains(&squeeze(&line.plain_text()))
        })
        .count();
    for line in &lines[..heads] {
        blocks.push(DraftBlock::new(BlockRole::Paragraph, line.content.clone()));
    }
    let title_at = blocks.len();
    let mut rest = title_blocks(&lines[heads..], &mut blocks);
    if let Some(line) = rest.first().filter(|line| is_subtitle(line)) {
        blocks.push(DraftBlock::new(BlockRole::Subtitle, plain(&line.plain_text())));
        rest = &rest[1..];
    }
    if let Some(line) = rest.first().filter(|line| blocks.len() > title_at && is_byline(line)) {
        blocks.push(DraftBlock::new(BlockRole::Byline, plain(&line.plain_text())));
        rest = &rest[1..];
    }
    let mut index = 0;
    while index < rest.len() {
        if let Some((block, used)) = section_head(rest, index) {
            blocks.push(block);
            index += used;
            continue;
        }
        if let Some(block) = body_block(&rest[index], &mut blocks) {
            blocks.push(block);
        }
        index += 1;
    }
    Draft { blocks }
}

/// Title lines at the start; returns the lines after them.
fn title_blocks<'a>(lines: &'a [SourceLine], blocks: &mut Vec<DraftBlock>) -> &'a [SourceLine] {
    let Some(first) = lines.first() else { return lines };
    let marked = is_title_mark(first)
        || matches!(first.mark, LineMark::Marked { .. } if numbering_level(&first.plain_text()).is_none());
    let count = if marked {
        1 + lines[1..].iter().take_while(|line| line.mark == LineMark::Title).count()
    } else if looks_like_title(first) {
        let continues = |line: &&SourceLine| {
            !line.blank_before
                && looks_like_title(line)
                && !line.plain_text().contains([',', '，', '；', ';'])
                && !is_byline(line)
                && !is_subtitle(line)
        };
        1 + lines[1..].iter().take(2).take_while(continues).count()
    } else {
        0
    };
    for line in &lines[..count] {
        for title_line in split_title(&line.plain_text()) {
            blocks.push(DraftBlock::new(BlockRole::Title, plain(&title_line)));
        }
    }
    &lines[count..]
}

fn looks_like_title(line: &SourceLine) -> bool {
    let text = line.plain_text();
    line.mark == LineMark::Plain
        && text.chars().count() <= MAX_TITLE_CHARS
        && !ends_sentence(&text)
        && numbering_level(&text).is_none()
        && parse_attribution(&text).is_none()
        && !text.starts_with(['—', '-'])
}

/// A space inside a title marks where the editor broke it into lines. Extraction also puts
/// spaces next to quotes, so when some space stands between two Han characters, only those
/// are breaks.
pub fn split_title(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.trim().chars().collect();
    let runs = space_runs(&chars);
    let between_han: Vec<(usize, usize)> = runs
        .iter()
        .copied()
        .filter(|&(start, end)| {
            start > 0 && end < chars.len() && is_han(chars[start - 1]) && is_han(chars[end])
        })
        .collect();
    let breaks = if between_han.is_empty() { runs } else { between_han };
    let mut lines = Vec::new();
    let mut from = 0;
    for (start, end) in breaks {
        lines.push(chars[from..start].iter().filter(|&&c| !is_space(c)).collect::<String>());
        from = end;
    }
    lines.push(chars[from..].iter().filter(|&&c| !is_space(c)).collect());
    lines.retain(|line| !line.is_empty());
    lines
}

fn space_runs(chars: &[char]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_space(chars[i]) {
            let end = (i..chars.len()).find(|&j| !is_space(chars[j])).unwrap_or(chars.len());
            runs.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

fn is_subtitle(line: &SourceLine) -> bool {
    line.mark == LineMark::Subtitle || {
        let text = line.plain_text();
        (text.starts_with("——") || text.starts_with("--")) && text.chars().count() <= MAX_TITLE_CHARS
    }
}

/// Authors under the title: `作者：…`, `文/…`, or short names separated by spaces or `、`.
fn is_byline(line: &SourceLine) -> bool {
    line.mark == LineMark::Plain && is_byline_text(&line.plain_text())
}

/// The text of a byline: a credit (`作者：`, `文/`, `本刊记者`, `通讯员`…) or two or more
/// names of two to four characters separated by spaces or `、`.
pub fn is_byline_text(text: &str) -> bool {
    if text.chars().count() > MAX_BYLINE_CHARS || ends_sentence(text) {
        return false;
    }
    if ["作者", "文/", "文／", "撰稿", "记者", "通讯员", "本刊"].iter().any(|p| text.starts_with(p))
    {
        return true;
    }
    let names: Vec<&str> = text.split(|c: char| is_space(c) || c == '、').filter(|n| !n.is_empty()).collect();
    names.len() >= 2 && names.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_han))
}

/// An unnumbered section head at `index` of the body lines, with how many lines it took:
/// kicker and head on one line, on two lines, or one short phrase standing alone between
/// paragraphs (see `section_head`).
fn section_head(lines: &[SourceLine], index: usize) -> Option<(DraftBlock, usize)> {
    let single =
        |i: usize| lines.get(i).filter(|line| line.mark == LineMark::Plain && line.printed_lines == 1);
    let line = single(index)?;
    let text = line.plain_text();
    if numbering_level(&text).is_some() || parse_attribution(&text).is_some() {
        return None;
    }
    let head = |text: String| DraftBlock::new(BlockRole::SectionHead, plain(&text));
    if let Some((kicker, title)) = kicker_and_head(&text) {
        return Some((head(joined(&kicker, &title)), 1));
    }
    let after_paragraph = index == 0 || {
        let before = &lines[index - 1];
        before.mark == LineMark::Caption || ends_sentence(&before.plain_text())
    };
    let paragraph_at =
        |i: usize| lines.get(i).is_some_and(|l| ends_sentence(&l.plain_text()) || l.printed_lines > 1);
    if let Some(next) = single(index + 1) {
        let next_text = next.plain_text();
        if after_paragraph
            && !next.blank_before
            && is_two_line_head(&text, &next_text)
            && paragraph_at(index + 2)
        {
            return Some((head(joined(&text, &next_text)), 2));
        }
    }
    (after_paragraph && index > 0 && is_single_head(&text) && paragraph_at(index + 1))
        .then(|| (head(text), 1))
}

fn body_block(line: &SourceLine, blocks: &mut [DraftBlock]) -> Option<DraftBlock> {
    let text = line.plain_text();
    match &line.mark {
        LineMark::Rule => return None,
        LineMark::Image { src } => {
            return Some(DraftBlock::new(BlockRole::Image { src: src.clone() }, vec![]));
        }
        LineMark::TableRow => return Some(DraftBlock::new(BlockRole::TableRow, line.content.clone())),
        LineMark::Caption => {
            if let Some(image) = blocks
                .last_mut()
                .filter(|b| matches!(b.role, BlockRole::Image { .. }) && b.content.is_empty())
            {
                image.content = plain(&text);
                return None;
            }
            return Some(DraftBlock::new(BlockRole::Caption, plain(&text)));
        }
        _ => {}
    }
    if let Some(note) = EDITOR_NOTE_LABELS.iter().find_map(|label| text.strip_prefix(label)) {
        return Some(DraftBlock::new(BlockRole::EditorNote, plain(note.trim_start())));
    }
    if parse_attribution(&text).is_some() {
        return Some(DraftBlock::new(BlockRole::Attribution, plain(&text)));
    }
    let level = match line.mark {
        LineMark::Marked { style_level } => Some(numbering_level(&text).or(style_level).unwrap_or(1)),
        _ => unmarked_heading_level(&text),
    };
    Some(match level {
        Some(level) => DraftBlock::new(BlockRole::Heading { level }, plain(&text)),
        None => DraftBlock::new(BlockRole::Paragraph, line.content.clone()),
    })
}

/// Titles, headings and attributions take their weight from the layout, not from the source.
fn plain(text: &str) -> Vec<Inline> {
    vec![Inline::plain(text)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    fn roles(text: &str) -> Vec<(BlockRole, String)> {
        draft_from_lines(&text_lines(text), &HashSet::new())
            .blocks
            .into_iter()
            .map(|b| (b.role.clone(), b.plain_text()))
            .collect()
    }

    #[test]
    fn title_spaces_become_line_breaks() {
        assert_eq!(
            split_title("湘潭市委书记胡贺波在全省基层人大 工作推进会上的发言"),
            ["湘潭市委书记胡贺波在全省基层人大", "工作推进会上的发言"]
        );
        assert_eq!(
            split_title("株洲市炎陵县:畅通\"全链条\" 履职路径 推动代表履职效能提升"),
            ["株洲市炎陵县:畅通\"全链条\"履职路径", "推动代表履职效能提升"]
        );
        assert_eq!(
            split_title("郴州市桂阳县:通过\"三力\" 推动县乡人大工作整体提质增效"),
            ["郴州市桂阳县:通过\"三力\"", "推动县乡人大工作整体提质增效"]
        );
    }

    #[test]
    fn manuscript_furniture_is_recognised() {
        let text = "畅通履职路径\n推动代表履职效能提升\n——炎陵县的做法\n张三 李四\n\n【编者按】今年以来，各地积极探索。\n\n一、健全机制\n\n正文第一段。\n\n（炎陵县人大常委会 供稿）";
        let found = roles(text);
        let expected = [
            (BlockRole::Title, "畅通履职路径"),
            (BlockRole::Title, "推动代表履职效能提升"),
            (BlockRole::Subtitle, "——炎陵县的做法"),
            (BlockRole::Byline, "张三 李四"),
            (BlockRole::EditorNote, "今年以来，各地积极探索。"),
            (BlockRole::Heading { level: 1 }, "一、健全机制"),
            (BlockRole::Paragraph, "正文第一段。"),
            (BlockRole::Attribution, "（炎陵县人大常委会 供稿）"),
        ];
        let expected: Vec<(BlockRole, String)> =
            expected.into_iter().map(|(r, t)| (r, t.to_owned())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn bylines_are_credits_or_names_separated_by_spaces() {
        assert!(is_byline_text("张明远　刘小芳"));
        assert!(is_byline_text("本刊记者 王芳"));
        assert!(is_byline_text("文/李建国"));
        assert!(!is_byline_text("推动代表履职效能提升"), "one phrase is a title line");
        assert!(!is_byline_text("代表们说 这件事办得好。"), "a sentence");
    }

    #[test]
    fn a_byline_under_a_two_line_title_is_not_a_third_title_line() {
        let found = roles("让代表联络站\n真正“活”起来\n张明远　刘小芳\n联络站坚持每月接待选民。");
        assert_eq!(found[2], (BlockRole::Byline, "张明远　刘小芳".to_owned()));
        assert_eq!(found.iter().filter(|(role, _)| *role == BlockRole::Title).count(), 2);
    }

    #[test]
    fn section_heads_between_paragraphs() {
        let found =
            roles("标题\n正文第一段。\n把脉问诊 精准发力\n正文第二段。\n服务下沉\n履职走深\n正文第三段。");
        let heads: Vec<&String> =
            found.iter().filter(|(role, _)| *role == BlockRole::SectionHead).map(|(_, text)| text).collect();
        assert_eq!(heads, ["把脉问诊　精准发力", "服务下沉　履职走深"]);
        let plain = roles("标题\n正文第一段，没有说完\n接着说完了。");
        assert!(plain.iter().all(|(role, _)| *role != BlockRole::SectionHead), "{plain:?}");
    }

    #[test]
    fn text_without_a_title_line_starts_with_the_body() {
        let found = roles("这是一段正文，没有标题。\n第二段。");
        assert!(found.iter().all(|(role, _)| *role == BlockRole::Paragraph));
    }
}
