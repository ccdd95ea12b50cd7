//! `check-bench DIR|FILE…`: the text checks over labelled sentence sets (see
//! `proof::measure`), printing the typo check's precision and recall per set and the time
//! all the text rules take per 1,000 characters. Needs no database.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::output_error;
use crate::error::AppError;
use crate::proof::{Hit, LabelledSentence, RuleId, Tally, WordList, check_text, parse_labelled};

pub fn run(paths: &[PathBuf], list: bool, out: &mut dyn Write) -> Result<(), AppError> {
    let words = WordList::shipped();
    // The model loads on first use; that one-off cost is not a per-text cost.
    check_text("预热", &words);
    let files = labelled_files(paths)?;
    if files.is_empty() {
        return Err(AppError::invalid("没有找到标注文件（.tsv，每行“原句、正确句”）"));
    }
    for file in files {
        let sentences = parse_labelled(&super::read_text(&file)?)
            .map_err(|e| AppError::invalid(format!("{}：{e}", file.display())))?;
        let (tally, elapsed, mistakes) = measure(&sentences, &words);
        if list {
            out.write_all(mistakes.as_bytes()).map_err(output_error)?;
        }
        let name =
            file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into());
        out.write_all(report(&name, &tally, elapsed).as_bytes()).map_err(output_error)?;
    }
    Ok(())
}

/// The labelled files named, a folder standing for its `.tsv` files (the per-character
/// `*.findings.tsv` lists beside them are not sentence pairs).
fn labelled_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, AppError> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = std::fs::read_dir(path)
            .map_err(|e| AppError::invalid(format!("无法读取文件夹“{}”：{e}", path.display())))?;
        let mut found: Vec<PathBuf> =
            entries.filter_map(|entry| entry.ok().map(|e| e.path())).filter(|p| is_sentence_set(p)).collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

fn is_sentence_set(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    name.ends_with(".tsv") && !name.ends_with(".findings.tsv")
}

/// Runs every text rule on each source sentence, timing only the checks; also lists the
/// false alarms and misses of the typo check, one line each.
fn measure(sentences: &[LabelledSentence], words: &WordList) -> (Tally, Duration, String) {
    let mut tally = Tally::default();
    let mut elapsed = Duration::ZERO;
    let mut mistakes = String::new();
    for sentence in sentences {
        let started = Instant::now();
        let hits = check_text(&sentence.source, words);
        elapsed += started.elapsed();
        tally.add(sentence, &hits);
        mistakes.push_str(&mistakes_in(sentence, &hits));
    }
    (tally, elapsed, mistakes)
}

fn mistakes_in(sentence: &LabelledSentence, hits: &[Hit]) -> String {
    let typos = sentence.typos();
    let chars: Vec<char> = sentence.source.chars().collect();
    let target: Vec<char> = sentence.target.chars().collect();
    let flagged: Vec<&Hit> = hits.iter().filter(|h| h.rule == RuleId::Typo).collect();
    let mut lines = String::new();
    for hit in flagged.iter().filter(|h| !typos.contains(&h.start)) {
        let fix = hit.suggestion.as_deref().unwrap_or_default();
        lines.push_str(&format!("误报：{}（“{}”→“{fix}”）\n", sentence.source, chars[hit.start]));
    }
    for &at in typos.iter().filter(|&&at| !flagged.iter().any(|h| h.start == at)) {
        lines.push_str(&format!("漏报：{}（“{}”应为“{}”）\n", sentence.source, chars[at], target[at]));
    }
    lines
}

fn report(name: &str, t: &Tally, elapsed: Duration) -> String {
    let per_thousand = elapsed.as_secs_f64() * 1000.0 / (t.characters.max(1) as f64 / 1000.0);
    let percent = |x: f64| format!("{:.1}%", x * 100.0);
    format!(
        "{name}：{} 句（错句 {}，正确句 {}），{} 字\n\
         \u{3000}句子级（错字检查）：报出 {} 句，其中全部标在错字上的错句 {} 句；精确率 {}，召回率 {}\n\
         \u{3000}错句中至少一处标在错字上的：{} 句（{}）\n\
         \u{3000}正确句误报：{} 句（{}）\n\
         \u{3000}字级：报出 {} 处，标在错字上 {} 处（精确率 {}）；错字 {} 个，查出 {} 个（召回率 {}），其中建议改对 {} 个\n\
         \u{3000}速度：全部文字检查每千字 {per_thousand:.2} 毫秒\n\n",
        t.sentences,
        t.typo_sentences,
        t.clean_sentences,
        t.characters,
        t.flagged_sentences,
        t.exact_sentences,
        percent(t.sentence_precision()),
        percent(t.sentence_recall()),
        t.hit_sentences,
        percent(t.hit_rate()),
        t.flagged_clean_sentences,
        percent(t.false_alarm_rate()),
        t.findings,
        t.findings_on_typos,
        percent(t.character_precision()),
        t.typos,
        t.typos_found,
        percent(t.character_recall()),
        t.typos_corrected,
    )
}
