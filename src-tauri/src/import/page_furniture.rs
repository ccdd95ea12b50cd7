//! Page furniture that text extraction leaves between the lines of a back issue: page numbers
//! (`— 3 —`, `-3-`, `3`, `第3页`) and running heads (the 报名 or a title repeated at the top of
//! each page). They are dropped before paragraphs are rebuilt, so that a paragraph running
//! over a page break comes out whole; the line after them starts a page.

use std::collections::HashMap;

use super::chars::ends_sentence;
use super::cleanup::{is_page_number, squeeze};
use super::draft::parse_attribution;
use super::heading::numbering_level;
use super::lines::{LineMark, SourceLine};

/// Longest running head taken: a 报名 with its issue line, or a short title.
const MAX_HEAD_CHARS: usize = 30;
/// How many lines from a page's top or bottom a running head may sit.
const HEAD_ZONE_LINES: usize = 2;

/// The lines without page numbers and running heads. `publication` is the 报名 as read from
/// the masthead (a line that is only the 报名 is a running head wherever it stands).
pub fn without_page_furniture(lines: &[SourceLine], publication: Option<&str>) -> Vec<SourceLine> {
    let heads = running_heads(lines, publication);
    let mut kept: Vec<SourceLine> = Vec::with_capacity(lines.len());
    let mut starts_page = false;
    for line in lines {
        let text = line.plain_text();
        let furniture =
            line.mark == LineMark::Plain && (is_page_number(&text) || heads.contains(&squeeze(&text)));
        if furniture {
            starts_page = true;
            continue;
        }
        let mut line = line.clone();
        line.page_start |= std::mem::take(&mut starts_page);
        kept.push(line);
    }
    kept
}

/// Short lines repeated in the head zone of two or more pages (pages known from form feeds).
/// Without page breaks, only the 报名 itself: any other repeated line may be content.
fn running_heads(lines: &[SourceLine], publication: Option<&str>) -> Vec<String> {
    let mut heads: Vec<String> = publication.map(squeeze).into_iter().collect();
    let page_starts: Vec<usize> =
        lines.iter().enumerate().filter(|(_, line)| line.page_start).map(|(index, _)| index).collect();
    if page_starts.is_empty() {
        return heads;
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (index, line) in lines.iter().enumerate() {
        let near_top = page_starts.iter().any(|&start| index >= start && index < start + HEAD_ZONE_LINES);
        let near_bottom = page_starts.iter().any(|&start| start > index && start - index <= HEAD_ZONE_LINES);
        if (near_top || near_bottom) && could_be_head(line) {
            *counts.entry(squeeze(&line.plain_text())).or_default() += 1;
        }
    }
    heads.extend(counts.into_iter().filter(|(_, count)| *count >= 2).map(|(text, _)| text));
    heads
}

fn could_be_head(line: &SourceLine) -> bool {
    let text = squeeze(&line.plain_text());
    line.mark == LineMark::Plain
        && !text.is_empty()
        && text.chars().count() <= MAX_HEAD_CHARS
        && !ends_sentence(&text)
        && numbering_level(&text).is_none()
        && parse_attribution(&text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    fn kept(text: &str, publication: Option<&str>) -> Vec<String> {
        without_page_furniture(&text_lines(text), publication).iter().map(SourceLine::plain_text).collect()
    }

    #[test]
    fn page_numbers_in_every_style_are_dropped() {
        let text = "第一页的最后一行没有写\n— 3 —\n\u{c}完的句子。\n-4-\n\u{c}下一页\n5\n\u{c}再下一页";
        assert_eq!(kept(text, None), ["第一页的最后一行没有写", "完的句子。", "下一页", "再下一页"]);
        let lines = without_page_furniture(&text_lines("上一页末行\n12\n下一页首行"), None);
        assert!(lines[1].page_start, "the line after a dropped page number starts a page");
    }

    #[test]
    fn heads_repeated_at_page_tops_are_dropped_but_not_repeated_content() {
        let text = "代表工作简报\n正文第一页。\n\u{c}代表工作简报　2021年第3期\n正文第二页。\n\u{c}代表工作简报　2021年第3期\n正文第三页。\n一是加强学习\n正文。\n一是加强学习";
        let found = kept(text, Some("代表工作简报"));
        assert_eq!(
            found,
            ["正文第一页。", "正文第二页。", "正文第三页。", "一是加强学习", "正文。", "一是加强学习"]
        );
    }

    #[test]
    fn without_page_breaks_only_the_publication_name_is_a_head() {
        let text = "长沙市的做法\n正文。\n长沙市的做法\n联络动态\n正文。";
        assert_eq!(kept(text, Some("联络动态")), ["长沙市的做法", "正文。", "长沙市的做法", "正文。"]);
    }
}
