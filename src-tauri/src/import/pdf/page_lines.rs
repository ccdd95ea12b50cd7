//! Placed characters → lines of text. Characters on one baseline make a line, read left to
//! right; lines are read top to bottom. How far a line starts from the text block's left
//! edge becomes leading ideographic spaces (one per body em), a gap across a line becomes
//! spaces, and a vertical gap of more than a line and a half becomes a blank line.

use super::glyphs::Glyph;

/// Characters whose baselines differ by less than this share of their size sit on one line.
const SAME_LINE_SHARE: f32 = 0.35;
/// A gap between two characters of at least this many ems is printed space.
const WIDE_GAP_EMS: f32 = 0.8;
/// Between Latin letters or digits, a gap this wide is a word space.
const WORD_GAP_EMS: f32 = 0.2;
/// A vertical gap of this many line pitches leaves a blank line.
const BLANK_LINE_PITCHES: f32 = 1.6;

#[derive(Debug, Clone, PartialEq)]
struct Line {
    y: f32,
    glyphs: Vec<Glyph>,
}

/// The text of all pages, pages separated by a form feed.
pub fn pages_text(pages: &[Vec<Glyph>]) -> String {
    let lines: Vec<Vec<Line>> = pages.iter().map(|glyphs| lines_of(glyphs)).collect();
    let all: Vec<&Line> = lines.iter().flatten().collect();
    let em = body_em(&all);
    let left = left_edge(&all);
    let pitch = line_pitch(&lines);
    let mut text = String::new();
    for (index, page) in lines.iter().enumerate() {
        if index > 0 {
            text.push('\u{c}');
        }
        let mut previous_y: Option<f32> = None;
        for line in page {
            if previous_y.is_some_and(|y| y - line.y > BLANK_LINE_PITCHES * pitch) {
                text.push('\n');
            }
            previous_y = Some(line.y);
            text.push_str(&line_text(line, left, em));
            text.push('\n');
        }
    }
    text
}

/// Lines of one page, top first.
fn lines_of(glyphs: &[Glyph]) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<Line> = Vec::new();
    for glyph in sorted {
        match lines.last_mut() {
            Some(line) if (line.y - glyph.y).abs() <= SAME_LINE_SHARE * glyph.size.max(1.0) => {
                line.glyphs.push(glyph.clone());
            }
            _ => lines.push(Line { y: glyph.y, glyphs: vec![glyph.clone()] }),
        }
    }
    for line in &mut lines {
        line.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

fn line_text(line: &Line, left: f32, em: f32) -> String {
    let Some(first) = line.glyphs.first() else { return String::new() };
    let indent = ((first.x - left) / em).round().max(0.0) as usize;
    let mut text: String = "\u{3000}".repeat(indent);
    let mut previous: Option<&Glyph> = None;
    for glyph in &line.glyphs {
        if let Some(before) = previous {
            let gap = glyph.x - (before.x + before.advance);
            text.push_str(&gap_text(gap, em, &before.text, &glyph.text));
        }
        text.push_str(&glyph.text);
        previous = Some(glyph);
    }
    text
}

/// Printed space between two characters: ideographic spaces for a gap of an em or more, a
/// word space between Latin characters; nothing for the narrow space the layout puts between
/// Han and Latin (the text had none).
fn gap_text(gap: f32, em: f32, before: &str, after: &str) -> String {
    let ems = gap / em;
    let latin = |text: &str| text.chars().all(|c| c.is_ascii_graphic());
    if ems >= WIDE_GAP_EMS {
        "\u{3000}".repeat(ems.round().max(1.0) as usize)
    } else if ems >= WORD_GAP_EMS && latin(before) && latin(after) {
        " ".into()
    } else {
        String::new()
    }
}

/// The size most characters have: the body's.
fn body_em(lines: &[&Line]) -> f32 {
    let sizes: Vec<f32> = lines.iter().flat_map(|line| line.glyphs.iter().map(|g| g.size)).collect();
    most_common(&sizes).filter(|size| *size > 0.0).unwrap_or(12.0)
}

/// Where most lines start: the text block's left edge (continuation lines start there).
fn left_edge(lines: &[&Line]) -> f32 {
    let starts: Vec<f32> = lines.iter().filter_map(|line| line.glyphs.first().map(|g| g.x)).collect();
    let common = most_common(&starts).unwrap_or(0.0);
    // Lines set out into the margin (rare) do not move the edge; lines a little left of the
    // usual start (punctuation hanging) count as starting at it.
    starts.iter().copied().filter(|&x| x >= common - 2.0).fold(common, f32::min)
}

/// The usual distance between baselines.
fn line_pitch(pages: &[Vec<Line>]) -> f32 {
    let steps: Vec<f32> = pages
        .iter()
        .flat_map(|page| page.windows(2).map(|pair| pair[0].y - pair[1].y))
        .filter(|step| *step > 0.0)
        .collect();
    most_common(&steps).unwrap_or(f32::MAX)
}

/// The value most of `values` share, to the nearest point.
fn most_common(values: &[f32]) -> Option<f32> {
    let mut counts = std::collections::BTreeMap::<i64, (usize, f32)>::new();
    for &value in values {
        let entry = counts.entry(value.round() as i64).or_insert((0, value));
        entry.0 += 1;
    }
    counts.into_values().max_by_key(|(count, _)| *count).map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(x: f32, y: f32, text: &str) -> Glyph {
        Glyph { x, y, size: 16.0, advance: 16.0, text: text.into() }
    }

    fn row(x: f32, y: f32, text: &str) -> Vec<Glyph> {
        text.chars().enumerate().map(|(i, c)| glyph(x + 16.0 * i as f32, y, &c.to_string())).collect()
    }

    #[test]
    fn lines_keep_their_indent_and_pages_are_separated() {
        let mut page = row(100.0, 700.0, "第一行正文");
        page.extend(row(132.0, 670.0, "段首"));
        page.extend(row(100.0, 640.0, "续行"));
        page.extend(row(100.0, 580.0, "空一行后"));
        let text = pages_text(&[page, row(100.0, 700.0, "次页")]);
        assert_eq!(text, "第一行正文\n　　段首\n续行\n\n空一行后\n\u{c}次页\n");
    }

    #[test]
    fn gaps_become_spaces_only_where_space_was_printed() {
        let mut line = row(100.0, 700.0, "把脉问诊");
        line.extend(row(100.0 + 16.0 * 5.0, 700.0, "精准发力"));
        line.push(Glyph { x: 244.0, y: 700.0, size: 16.0, advance: 8.0, text: "a".into() });
        line.push(Glyph { x: 256.0, y: 700.0, size: 16.0, advance: 8.0, text: "b".into() });
        assert_eq!(pages_text(&[line]), "把脉问诊　精准发力a b\n");
    }
}
