//! 错别字: a character an input method or a slip of the eye put in place of the right one
//! (机制 typed as 机智, 常务 as 堂务, 总体 as 总休).
//!
//! Method (the noisy-channel detector of pycorrector's n-gram corrector, on a word model):
//! 1. `candidates`: wherever changing one character of the text into an alike one (same or
//!    near pinyin, similar shape: `confusion`) makes a word of the model, that is a candidate.
//! 2. `lattice`: the few characters around it are read as words both ways, as written and
//!    corrected, with the word bigram model (`model`, from sunpinyin's open-gram data).
//! 3. A candidate is reported only where the corrected reading is much more likely:
//!    e^`THRESHOLD` times at least, more where the written character already sits inside a
//!    word or the likeness is not the same sound (the less common causes of a typo).
//!
//! Proper names, places and the office's terms are never corrected: the caller passes them,
//! and a character inside one of them is left alone, as are the characters of a name after a
//! title (主任、秘书长 …), which no word model knows.

mod candidates;
mod confusion;
mod lattice;
mod model;

use candidates::{Candidate, NearWords};
use confusion::Likeness;
use lattice::best_reading;
use model::LanguageModel;

use super::finding::{Hit, RuleId};

/// How much more likely (in nats, −ln of the ratio) the corrected reading must be: e^8 is
/// about 3,000 times. Chosen on clean official text (the fixtures), where it leaves almost
/// no character flagged, not on the labelled test sets.
pub const THRESHOLD: f32 = 8.0;

/// More margin where the written character is part of a word in its best reading: a real
/// word (机智) is more often meant than a broken one (总休).
const IN_WORD_MARGIN: f32 = 2.0;

/// More margin for a near sound or a similar shape than for the same sound, which is what
/// a pinyin input method offers side by side.
const UNLIKE_SOUND_MARGIN: f32 = 2.0;

/// Characters read on each side of a candidate: enough for a word and its neighbours.
const CONTEXT: usize = 4;

/// Titles after which a person's name follows (`秘书长王晓科`): its characters are not checked.
const TITLES: [&str; 16] = [
    "主任",
    "秘书长",
    "书记",
    "主席",
    "委员长",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "镇长",
    "乡长",
    "局长",
    "部长",
    "厅长",
    "院长",
];

/// Characters of a name after a title (a Chinese name has two or three).
const NAME_LENGTH: usize = 3;

/// Loads the model and builds the candidate index, if not done yet.
pub fn prepare() {
    NearWords::shipped();
    confusion::likeness('一', '壹');
}

/// Typo findings in `text`; nothing inside any of the `protected` terms is flagged.
pub fn check<'a>(text: &str, protected: impl IntoIterator<Item = &'a str>) -> Vec<Hit> {
    let chars: Vec<char> = text.chars().collect();
    let guarded = guarded_characters(text, &chars, protected);
    let model = LanguageModel::shipped();
    let index = NearWords::shipped();
    let mut hits = Vec::new();
    for run in han_runs(&chars) {
        let candidates = index.candidates(model, &chars[run.clone()]);
        let mut found: Vec<(f32, Hit)> = Vec::new();
        for (at, alternatives) in by_position(candidates) {
            if guarded[run.start + at] {
                continue;
            }
            if let Some(hit) = judge(model, &chars[run.clone()], at, &alternatives) {
                found.push((hit.0, hit.1.shifted(run.start)));
            }
        }
        hits.extend(strongest_apart(found));
    }
    hits
}

/// The candidates of a run grouped by the character they would change, one per replacement
/// (the likeliest cause of the slip, then the longest word, for the message).
fn by_position(mut candidates: Vec<Candidate>) -> Vec<(usize, Vec<Candidate>)> {
    candidates.sort_by_key(|c| (c.at, c.replacement, c.likeness, std::cmp::Reverse(c.written.len())));
    candidates.dedup_by_key(|c| (c.at, c.replacement));
    let mut grouped: Vec<(usize, Vec<Candidate>)> = Vec::new();
    for candidate in candidates {
        match grouped.last_mut() {
            Some((at, group)) if *at == candidate.at => group.push(candidate),
            _ => grouped.push((candidate.at, vec![candidate])),
        }
    }
    grouped
}

/// The best correction at `at` of `run` and how much more likely it is, if it clears the
/// threshold.
fn judge(model: &LanguageModel, run: &[char], at: usize, alternatives: &[Candidate]) -> Option<(f32, Hit)> {
    let window = at.saturating_sub(CONTEXT)..(at + CONTEXT + 1).min(run.len());
    let local = at - window.start;
    let mut text: Vec<char> = run[window].to_vec();
    let written = best_reading(model, &text);
    let mut best: Option<(f32, &Candidate)> = None;
    for candidate in alternatives {
        text[local] = candidate.replacement;
        let gain = written.cost - best_reading(model, &text).cost;
        let mut needed = THRESHOLD;
        if written.word_length[local] > 1 {
            needed += IN_WORD_MARGIN;
        }
        if candidate.likeness != Likeness::SameSound {
            needed += UNLIKE_SOUND_MARGIN;
        }
        if gain > needed && best.is_none_or(|(g, _)| gain - needed > g) {
            best = Some((gain - needed, candidate));
        }
    }
    let (margin, candidate) = best?;
    let message = format!(
        "“{}”可能是错别字：“{}”疑为“{}”之误（{}），请核对原稿",
        run[at],
        run[candidate.written.clone()].iter().collect::<String>(),
        model.word(candidate.word),
        candidate.likeness.as_chinese()
    );
    let hit = Hit::new(RuleId::Typo, at..at + 1, message, Some(candidate.replacement.to_string()));
    Some((margin, hit))
}

/// Of hits on neighbouring characters (one slip seen from two words) the clearest one.
fn strongest_apart(mut found: Vec<(f32, Hit)>) -> Vec<Hit> {
    found.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut kept: Vec<Hit> = Vec::new();
    for (_, hit) in found {
        if kept.iter().all(|k| k.start.abs_diff(hit.start) > 1) {
            kept.push(hit);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept
}

/// Ranges of Han characters: the model reads words, and digits, Latin letters and
/// punctuation end them.
fn han_runs(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        match (is_han(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push(s..chars.len());
    }
    runs
}

fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

/// For each character: whether it lies in a protected term or in a name after a title.
fn guarded_characters<'a>(
    text: &str,
    chars: &[char],
    protected: impl IntoIterator<Item = &'a str>,
) -> Vec<bool> {
    let index = super::finding::CharIndex::new(text);
    let mut guarded = vec![false; chars.len()];
    for term in protected.into_iter().filter(|t| !t.is_empty()) {
        for (at, found) in text.match_indices(term) {
            guarded[index.range(at..at + found.len())].fill(true);
        }
    }
    for title in TITLES {
        for (at, found) in text.match_indices(title) {
            let end = index.chars(at + found.len());
            let name_end = (end + NAME_LENGTH).min(chars.len());
            let name = (end..name_end).take_while(|&i| is_han(chars[i]));
            for i in name {
                guarded[i] = true;
            }
        }
    }
    guarded
}

impl Hit {
    fn shifted(mut self, by: usize) -> Hit {
        self.start += by;
        self.end += by;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        check(text, []).into_iter().map(|h| (chars[h.start..h.end].iter().collect(), h.suggestion)).collect()
    }

    #[test]
    fn input_method_slips_are_found_with_their_fix() {
        assert_eq!(flagged("省人大堂务委员会第十次会议审议了报告。"), [("堂".into(), Some("常".into()))]);
        assert_eq!(flagged("全面贯彻落实党的二十大经神。"), [("经".into(), Some("精".into()))]);
        assert_eq!(flagged("持续优化营商环竟。"), [("竟".into(), Some("境".into()))]);
    }

    #[test]
    fn clean_official_text_is_left_alone() {
        let clean = "省人大常委会召开党组会议，传达学习习近平总书记重要讲话精神，研究部署下一阶段工作。\
                     会议强调，要坚持好、完善好、运行好人民代表大会制度，健全代表联系人民群众机制。";
        assert_eq!(flagged(clean), []);
    }

    #[test]
    fn protected_terms_and_names_after_titles_are_not_corrected() {
        let text = "全面贯彻落实党的二十大经神。";
        assert!(!check(text, []).is_empty());
        assert!(check(text, ["大经神"]).is_empty(), "a protected term is never corrected");
        let chars: Vec<char> = "秘书长王晓科出席".chars().collect();
        let guarded = guarded_characters("秘书长王晓科出席", &chars, []);
        assert_eq!(guarded, [false, false, false, true, true, true, false, false]);
    }

    #[test]
    fn runs_stop_at_digits_and_punctuation() {
        let chars: Vec<char> = "共9次，学习".chars().collect();
        assert_eq!(han_runs(&chars), [0..1, 2..3, 4..6]);
    }
}
