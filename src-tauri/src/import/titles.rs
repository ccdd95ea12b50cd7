//! Article titles in unmarked text with no 要目 to find them by. A title is a short line that
//! does not end a sentence and is not a heading, attribution or caption, and it starts an
//! article where one can start: at the top of the body, after the attribution that closed
//! the article before, as a speech title `单位：标题`, or set off (centred) before the
//! furniture only a title has (subtitle, byline, 编者按) or before a body.

use super::caption::is_caption;
use super::chars::{ends_sentence, is_han, is_space};
use super::draft::parse_attribution;
use super::heading::numbering_level;
use super::lines::{LineMark, SourceLine};
use super::paragraphs::EDITOR_NOTE_LABELS;
use super::section_head::is_section_head;
use super::text_shape::TextShape;

/// Longest title line (titles are set large: about 20 characters a line).
const MAX_TITLE_LINE_CHARS: usize = 40;
/// A title runs over three lines at most.
const MAX_TITLE_LINES: usize = 3;
/// Endings of the unit names that speeches are titled with (`长沙市人大常委会：…`).
const UNIT_ENDINGS: [&str; 20] = [
    "人大常委会",
    "常委会",
    "人大",
    "委员会",
    "工委",
    "政府",
    "法院",
    "检察院",
    "代表团",
    "党组",
    "办公室",
    "县",
    "市",
    "区",
    "州",
    "乡",
    "镇",
    "街道",
    "局",
    "厅",
];
/// Shortest and longest unit name before the colon of a speech title.
const UNIT_CHARS: std::ops::RangeInclusive<usize> = 2..=24;

/// Marks the title lines of every article found in `body`; answers whether it found any.
pub fn mark_titles(body: &mut [SourceLine], shape: &TextShape) -> bool {
    let mut found = false;
    let mut index = 0;
    while index < body.len() {
        if starts_article(body, index, shape) {
            let lines = title_lines(body, index, shape);
            for line in &mut body[index..index + lines] {
                line.mark = LineMark::Title;
            }
            found = true;
            index += lines;
        } else {
            index += 1;
        }
    }
    found
}

/// A line a title may be made of.
pub fn is_title_candidate(line: &SourceLine) -> bool {
    let text = line.plain_text();
    line.mark == LineMark::Plain
        && line.printed_lines == 1
        && text.chars().count() <= MAX_TITLE_LINE_CHARS
        && !ends_sentence(&text)
        && numbering_level(&text).is_none()
        && parse_attribution(&text).is_none()
        && !is_caption(&text)
        && !text.starts_with(['—', '-'])
        && !EDITOR_NOTE_LABELS.iter().any(|label| text.starts_with(label))
}

/// `长沙市人大常委会：坚持“三个聚焦”`: a unit name, a colon, and a title after it.
pub fn is_speech_title(text: &str) -> bool {
    let Some((unit, rest)) = text.split_once(['：', ':']) else { return false };
    let unit: String = unit.chars().filter(|&c| !is_space(c)).collect();
    let unit_like = UNIT_CHARS.contains(&unit.chars().count())
        && unit.chars().all(|c| is_han(c) || "、（）()".contains(c))
        && UNIT_ENDINGS.iter().any(|ending| unit.ends_with(ending));
    unit_like && rest.trim().chars().count() >= 4 && !ends_sentence(rest)
}

fn starts_article(body: &[SourceLine], index: usize, shape: &TextShape) -> bool {
    let line = &body[index];
    if !is_title_candidate(line) {
        return false;
    }
    let text = line.plain_text();
    let Some(before) = index.checked_sub(1).map(|i| &body[i]) else { return true };
    let before_text = before.plain_text();
    if parse_attribution(&before_text).is_some() {
        return true;
    }
    let after_paragraph = ends_sentence(&before_text) || before.mark == LineMark::Caption;
    if is_speech_title(&text) && after_paragraph {
        return true;
    }
    let set_off = shape.is_set_off(line) && !is_section_head(&text);
    set_off && after_paragraph && followed_by_an_article(body, index, shape)
}

/// What follows a set-off line makes it a title: a subtitle, a byline, a 编者按, or a body
/// paragraph after the title's own lines.
fn followed_by_an_article(body: &[SourceLine], index: usize, shape: &TextShape) -> bool {
    let after = index + title_lines(body, index, shape);
    body.get(after).is_some_and(|next| {
        let text = next.plain_text();
        text.starts_with("——")
            || EDITOR_NOTE_LABELS.iter().any(|label| text.starts_with(label))
            || !is_title_candidate(next)
            || shape.is_set_off(next)
    })
}

/// How many lines from `index` make the title: the first, and up to two more that continue
/// it (title-like, not separated by a blank line, set off like the first where it was).
fn title_lines(body: &[SourceLine], index: usize, shape: &TextShape) -> usize {
    let first_set_off = shape.is_set_off(&body[index]);
    let continues = |line: &SourceLine| {
        let text = line.plain_text();
        is_title_candidate(line)
            && !line.blank_before
            && !text.contains(['，', ',', '；', ';'])
            && !super::article::is_byline_text(&text)
            && (!first_set_off || shape.is_set_off(line))
            && !is_speech_title(&text)
    };
    1 + body[index + 1..].iter().take(MAX_TITLE_LINES - 1).take_while(|line| continues(line)).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    fn titles(text: &str) -> Vec<String> {
        let mut lines = text_lines(text);
        let shape = TextShape::of(&lines);
        mark_titles(&mut lines, &shape);
        lines.iter().filter(|l| l.mark == LineMark::Title).map(SourceLine::plain_text).collect()
    }

    #[test]
    fn speech_titles_are_unit_colon_title() {
        assert!(is_speech_title("长沙市人大常委会：坚持“三个聚焦”推动代表工作提质增效"));
        assert!(is_speech_title("浏阳市:小切口监督解决大民生"));
        assert!(!is_speech_title("会议要求：各级人大要依法履职。"), "a sentence, not a title");
        assert!(!is_speech_title("主要做法：三个方面"), "not a unit");
    }

    #[test]
    fn titles_start_at_the_top_and_after_attributions() {
        let text = "小切口监督解决大民生\n县人大常委会聚焦群众反映强烈的问题开展监督。\n（县人大常委会办公室 供稿）\n代表联络站成为连心桥\n各联络站坚持每月接待选民。";
        assert_eq!(titles(text), ["小切口监督解决大民生", "代表联络站成为连心桥"]);
    }

    #[test]
    fn speech_titles_start_articles_without_attributions() {
        let text = "长沙市人大常委会：坚持“三个聚焦”\n推动代表工作提质增效\n今年以来，市人大常委会坚持问题导向。\n株洲市人大常委会：以制度建设\n推动代表履职规范化\n市人大常委会出台了三项制度。";
        assert_eq!(
            titles(text),
            [
                "长沙市人大常委会：坚持“三个聚焦”",
                "推动代表工作提质增效",
                "株洲市人大常委会：以制度建设",
                "推动代表履职规范化"
            ]
        );
    }

    #[test]
    fn a_short_line_inside_an_article_is_not_a_title() {
        let text = "小切口监督解决大民生\n县人大常委会聚焦群众反映强烈的问题开展监督。\n把脉问诊 精准发力\n监督组深入一线了解情况。";
        assert_eq!(titles(text), ["小切口监督解决大民生"]);
    }

    #[test]
    fn a_centred_line_before_a_byline_is_a_title() {
        let text = "　　县人大常委会聚焦群众反映强烈的问题开展监督。\n　　监督组深入一线了解情况。\n　　　　　　　　让代表联络站真正“活”起来\n　　　　　　　　　　　张明远　刘小芳\n　　联络站坚持每月接待选民。";
        assert_eq!(titles(text), ["让代表联络站真正“活”起来"]);
    }
}
