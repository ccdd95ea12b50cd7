//! Paragraphs rebuilt from printed lines. Hard-wrapped text (pdftotext, Word's "insert line
//! breaks") ends every printed line with a return; a paragraph goes on across a return when
//! the line below starts nothing of its own and either is not indented (where the text marks
//! paragraph starts by indenting them) or the line above reached the right margin (where it
//! does not). A photo caption dropped between two lines of a paragraph is taken out and put
//! after the paragraph, marked as a caption.

use super::caption::{ends_with_credit, is_caption, opens_caption};
use super::chars::ends_sentence;
use super::draft::parse_attribution;
use super::footer::starts_footer;
use super::heading::numbering_level;
use super::lines::{LineMark, SourceLine};
use super::text_shape::TextShape;

/// Labels that open an editor's note (编者按).
pub const EDITOR_NOTE_LABELS: [&str; 5] = ["【编者按】", "［编者按］", "编者按：", "编者按:", "编者按"];

/// Whether a line begins something of its own, whatever the line above: a numbered heading
/// or item, an attribution, an editor's note, a 要目 entry, a caption or the footer.
/// Run-in items `一是……` are not: they go on inside their paragraph.
pub fn starts_a_block(text: &str) -> bool {
    numbering_level(text).is_some()
        || parse_attribution(text).is_some()
        || EDITOR_NOTE_LABELS.iter().any(|label| text.starts_with(label))
        || text.starts_with('●')
        || is_caption(text)
        || starts_footer(text)
}

/// The body's lines with hard-wrapped paragraphs joined and interrupting captions moved after
/// their paragraph. Text whose lines are paragraphs already only has its captions moved.
pub fn rebuild_paragraphs(lines: Vec<SourceLine>, shape: &TextShape) -> Vec<SourceLine> {
    let mut built = Built::default();
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        if is_caption(&line.plain_text()) {
            let (caption, after) = caption_at(&lines, index);
            let interrupts = built.open.as_ref().is_some_and(|(_, last)| {
                lines.get(after).is_some_and(|next| continues_across_caption(shape, last, next))
            });
            if interrupts {
                built.held.push(caption);
                built.bridged = true;
            } else {
                built.close();
                built.out.push(caption);
            }
            index = after;
            continue;
        }
        let bridged = std::mem::take(&mut built.bridged);
        let joins = built.open.as_ref().is_some_and(|(_, last)| bridged || continues(shape, last, line));
        if joins {
            built.append(line);
        } else {
            built.close();
            built.open = Some((line.clone(), line.clone()));
        }
        index += 1;
    }
    built.close();
    built.out
}

/// Lines built so far, the paragraph still open (with its last printed line) and the
/// captions waiting for that paragraph to end.
#[derive(Default)]
struct Built {
    out: Vec<SourceLine>,
    open: Option<(SourceLine, SourceLine)>,
    held: Vec<SourceLine>,
    /// The next line is the rest of the paragraph a caption interrupted.
    bridged: bool,
}

impl Built {
    fn append(&mut self, line: &SourceLine) {
        if let Some((unit, last)) = self.open.as_mut() {
            join_into(unit, line);
            *last = line.clone();
        }
    }

    /// Ends the open paragraph; the captions it held follow it.
    fn close(&mut self) {
        if let Some((unit, _)) = self.open.take() {
            self.out.push(unit);
        }
        self.out.append(&mut self.held);
    }
}

/// The caption starting at `index` (with its credit line, if it left it for the next
/// printed line) marked as a caption, and the index after it.
fn caption_at(lines: &[SourceLine], index: usize) -> (SourceLine, usize) {
    let mut caption = lines[index].clone();
    let mut after = index + 1;
    let credit_below = lines.get(after).is_some_and(|next| ends_with_credit(&next.plain_text()));
    if opens_caption(&caption.plain_text()) && credit_below {
        join_into(&mut caption, &lines[after]);
        after += 1;
    }
    caption.mark = LineMark::Caption;
    (caption, after)
}

/// Whether `line` goes on with the paragraph whose last printed line is `last`.
fn continues(shape: &TextShape, last: &SourceLine, line: &SourceLine) -> bool {
    let text = line.plain_text();
    let last_text = last.plain_text();
    // A page break is not a paragraph break: pdftotext leaves blank lines around it.
    let separated = line.blank_before && !line.page_start;
    let free = shape.hard_wrapped
        && last.mark == LineMark::Plain
        && line.mark == LineMark::Plain
        && !separated
        && !starts_a_block(&text)
        && !ends_a_block(&last_text)
        && !shape.is_set_off(last)
        && !shape.is_set_off(line);
    free && match shape.paragraph_indent {
        Some(_) => !shape.is_indented(line) && (shape.is_full(last) || !ends_sentence(&last_text)),
        None => shape.is_full(last),
    }
}

/// Whether the line after a caption is the rest of the paragraph the caption interrupted.
/// In text whose lines are paragraphs, the paragraph was split where it had not ended.
fn continues_across_caption(shape: &TextShape, last: &SourceLine, next: &SourceLine) -> bool {
    if shape.hard_wrapped {
        return continues(shape, last, next);
    }
    let last_text = last.plain_text();
    last.mark == LineMark::Plain
        && next.mark == LineMark::Plain
        && !ends_sentence(&last_text)
        && !ends_a_block(&last_text)
        && !starts_a_block(&next.plain_text())
}

/// An attribution closes its article: nothing continues it.
fn ends_a_block(text: &str) -> bool {
    parse_attribution(text).is_some()
}

/// Appends `line`'s runs to `unit`. Chinese lines join without a space; two Latin words
/// broken across lines get one back.
fn join_into(unit: &mut SourceLine, line: &SourceLine) {
    let before = unit.plain_text().chars().last();
    let after = line.plain_text().chars().next();
    let latin_words =
        before.is_some_and(|c| c.is_ascii_alphanumeric()) && after.is_some_and(|c| c.is_ascii_alphabetic());
    if latin_words && let Some(last) = unit.content.last_mut() {
        last.text.push(' ');
    }
    for run in &line.content {
        match unit.content.last_mut() {
            // One run per stretch of equal formatting, whatever the printed lines were.
            Some(last) if last.bold == run.bold && last.suggestion.is_none() && last.comments.is_empty() => {
                last.text.push_str(&run.text);
            }
            _ => unit.content.push(run.clone()),
        }
    }
    unit.printed_lines = unit.printed_lines.saturating_add(1);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::text_lines;

    fn rebuilt(text: &str) -> Vec<(LineMark, String)> {
        let lines = text_lines(text);
        let shape = TextShape::of(&lines);
        rebuild_paragraphs(lines, &shape).into_iter().map(|l| (l.mark.clone(), l.plain_text())).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        rebuilt(text).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn indented_paragraph_starts_end_the_paragraph_above() {
        let text = "　　市人大常委会把代表联络站建设列入年度工作要点，先后\n召开三次推进会，逐站明确建设标准和活动要求。\n　　各县市区人大常委会对照标准查漏补缺，一批联络站完成\n了提质改造，群众反映的问题有了固定的去处。\n　　今年以来，全市联络站共接待群众四千余人次，收集意见\n建议一千二百余条，办结率达到百分之九十以上。";
        assert_eq!(
            texts(text),
            [
                "市人大常委会把代表联络站建设列入年度工作要点，先后召开三次推进会，逐站明确建设标准和活动要求。",
                "各县市区人大常委会对照标准查漏补缺，一批联络站完成了提质改造，群众反映的问题有了固定的去处。",
                "今年以来，全市联络站共接待群众四千余人次，收集意见建议一千二百余条，办结率达到百分之九十以上。",
            ]
        );
    }

    #[test]
    fn without_indents_a_short_line_ends_its_paragraph() {
        let text = "市人大常委会把代表联络站建设列入年度工作要点，先后召开\n三次推进会。\n各县市区人大常委会对照标准查漏补缺，一批联络站完成提质\n改造，群众反映的问题有了固定的去处，办结率不断提高。\n二、健全机制\n今年以来，全市联络站共接待群众四千余人次，收集意见建\n议一千二百余条，交办后都有回音。";
        assert_eq!(
            texts(text),
            [
                "市人大常委会把代表联络站建设列入年度工作要点，先后召开三次推进会。",
                "各县市区人大常委会对照标准查漏补缺，一批联络站完成提质改造，群众反映的问题有了固定的去处，办结率不断提高。",
                "二、健全机制",
                "今年以来，全市联络站共接待群众四千余人次，收集意见建议一千二百余条，交办后都有回音。",
            ]
        );
    }

    #[test]
    fn a_caption_inside_a_paragraph_is_moved_after_it() {
        let text = "　　视察组一行先后来到社区卫生服务中心和老年食堂，详细\n▲视察组在社区老年食堂察看菜品。（周敏 摄）\n了解服务开展情况，听取社区居民的意见和建议，并现场交\n办了三件具体事项。\n　　视察组指出，养老服务是群众最关心的民生实事之一，要\n坚持问题导向，持续补齐短板，让老年人生活得更加舒心。";
        let found = rebuilt(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(
            found[0].1,
            "视察组一行先后来到社区卫生服务中心和老年食堂，详细了解服务开展情况，听取社区居民的意见和建议，并现场交办了三件具体事项。"
        );
        assert_eq!(found[1], (LineMark::Caption, "▲视察组在社区老年食堂察看菜品。（周敏 摄）".into()));
    }

    #[test]
    fn a_caption_between_paragraphs_stays_where_it_is() {
        let text = "　　视察组一行先后来到社区卫生服务中心，听取居民意见。\n图为视察组在社区卫生服务中心座谈\n　　视察组指出，养老服务是群众最关心的民生实事之一。\n　　会议要求，各级要持续用力，久久为功，办好民生实事。";
        let found = rebuilt(text);
        assert_eq!(found[1].0, LineMark::Caption);
        assert_eq!(found.len(), 4);
    }

    #[test]
    fn a_caption_splitting_a_one_line_paragraph_is_taken_out_too() {
        let text = "视察组一行先后来到社区卫生服务中心和老年食堂，详细\n执法检查组召开座谈会（摄影：王平）\n了解服务开展情况。\n视察组指出，要坚持问题导向。";
        let found = rebuilt(text);
        assert_eq!(found[0].1, "视察组一行先后来到社区卫生服务中心和老年食堂，详细了解服务开展情况。");
        assert_eq!(found[1].0, LineMark::Caption);
    }

    #[test]
    fn block_starts_are_never_continuations() {
        assert!(starts_a_block("一、健全机制"));
        assert!(starts_a_block("（县人大常委会 供稿）"));
        assert!(starts_a_block("【编者按】今年以来"));
        assert!(starts_a_block("送：省人大常委会各委员"));
        assert!(!starts_a_block("二是加强督办。"), "run-in items stay in their paragraph");
        assert!(!starts_a_block("了解服务开展情况"));
    }
}
