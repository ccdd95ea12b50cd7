//! Measuring the typo check on labelled sentences: a wrong sentence beside its correction
//! (same length, the differing characters are the typos), or a sentence beside itself (a
//! clean control, where any finding is a false alarm).

use super::finding::{Hit, RuleId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledSentence {
    pub source: String,
    pub target: String,
}

impl LabelledSentence {
    /// Character offsets where source and target differ.
    pub fn typos(&self) -> Vec<usize> {
        self.source
            .chars()
            .zip(self.target.chars())
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| i)
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("标注文件第 {line} 行有误：{problem}")]
pub struct LabelledError {
    pub line: usize,
    pub problem: &'static str,
}

/// Reads `source<TAB>target` lines, or `n_errors<TAB>source<TAB>target` (the ECSpell form).
pub fn parse_labelled(text: &str) -> Result<Vec<LabelledSentence>, LabelledError> {
    let mut sentences = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let error = |problem| LabelledError { line: index + 1, problem };
        let fields: Vec<&str> = line.split('\t').collect();
        let (source, target) = match fields[..] {
            [source, target] => (source, target),
            [count, source, target] if count.parse::<u32>().is_ok() => (source, target),
            _ => return Err(error("应为“原句、正确句”两栏或“错字数、原句、正确句”三栏，用制表符分隔")),
        };
        if source.chars().count() != target.chars().count() {
            return Err(error("原句与正确句字数不同"));
        }
        sentences.push(LabelledSentence { source: source.into(), target: target.into() });
    }
    Ok(sentences)
}

/// The counts behind the figures, added up sentence by sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub sentences: usize,
    pub characters: usize,
    pub typo_sentences: usize,
    /// Typo sentences with at least one finding on a wrong character.
    pub hit_sentences: usize,
    /// Typo sentences whose findings are all on wrong characters, and at least one.
    pub exact_sentences: usize,
    /// Sentences with any typo finding.
    pub flagged_sentences: usize,
    pub clean_sentences: usize,
    pub flagged_clean_sentences: usize,
    pub findings: usize,
    pub findings_on_typos: usize,
    pub typos: usize,
    pub typos_found: usize,
    /// Typos found whose suggestion is the correction.
    pub typos_corrected: usize,
}

impl Tally {
    /// Adds one sentence and the typo findings on its source.
    pub fn add(&mut self, sentence: &LabelledSentence, hits: &[Hit]) {
        let typos = sentence.typos();
        let flagged: Vec<&Hit> = hits.iter().filter(|h| h.rule == RuleId::Typo).collect();
        let on_typo = |h: &&Hit| (h.start..h.end).any(|i| typos.contains(&i));
        self.sentences += 1;
        self.characters += sentence.source.chars().count();
        self.findings += flagged.len();
        self.findings_on_typos += flagged.iter().filter(|h| on_typo(h)).count();
        self.flagged_sentences += usize::from(!flagged.is_empty());
        if typos.is_empty() {
            self.clean_sentences += 1;
            self.flagged_clean_sentences += usize::from(!flagged.is_empty());
            return;
        }
        self.typo_sentences += 1;
        self.hit_sentences += usize::from(flagged.iter().any(on_typo));
        self.exact_sentences += usize::from(!flagged.is_empty() && flagged.iter().all(on_typo));
        let target: Vec<char> = sentence.target.chars().collect();
        self.typos += typos.len();
        for &at in &typos {
            let Some(hit) = flagged.iter().find(|h| (h.start..h.end).contains(&at)) else { continue };
            self.typos_found += 1;
            let corrected = hit.end - hit.start == 1
                && hit.suggestion.as_deref() == Some(target[at].to_string().as_str());
            self.typos_corrected += usize::from(corrected);
        }
    }

    /// Sentence-level precision: flagged sentences whose findings are all right.
    pub fn sentence_precision(&self) -> f64 {
        ratio(self.exact_sentences, self.flagged_sentences)
    }

    /// Sentence-level recall: typo sentences flagged, all on wrong characters.
    pub fn sentence_recall(&self) -> f64 {
        ratio(self.exact_sentences, self.typo_sentences)
    }

    /// The goal's figure: typo sentences flagged on a wrong character.
    pub fn hit_rate(&self) -> f64 {
        ratio(self.hit_sentences, self.typo_sentences)
    }

    pub fn false_alarm_rate(&self) -> f64 {
        ratio(self.flagged_clean_sentences, self.clean_sentences)
    }

    pub fn character_precision(&self) -> f64 {
        ratio(self.findings_on_typos, self.findings)
    }

    pub fn character_recall(&self) -> f64 {
        ratio(self.typos_found, self.typos)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 / whole as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(source: &str, target: &str) -> LabelledSentence {
        LabelledSentence { source: source.into(), target: target.into() }
    }

    fn typo_at(at: usize, fix: &str) -> Hit {
        Hit::new(RuleId::Typo, at..at + 1, String::new(), Some(fix.into()))
    }

    #[test]
    fn both_forms_of_labelled_lines_are_read() {
        let sentences = parse_labelled("1\t总休要求\t总体要求\n会议召开\t会议召开\n").expect("two forms");
        assert_eq!(sentences[0].typos(), [1]);
        assert!(sentences[1].typos().is_empty());
        assert_eq!(parse_labelled("甲\t乙丙").expect_err("lengths differ").line, 1);
        assert!(parse_labelled("只有一栏").is_err());
    }

    #[test]
    fn the_tally_counts_sentences_and_characters() {
        let mut tally = Tally::default();
        tally.add(&sentence("总休要求", "总体要求"), &[typo_at(1, "体")]);
        tally.add(&sentence("机智健全", "机制健全"), &[typo_at(1, "制"), typo_at(3, "权")]);
        tally.add(&sentence("会议召开", "会议召开"), &[typo_at(0, "汇")]);
        tally.add(&sentence("会议结束", "会议结束"), &[]);
        tally.add(&sentence("总休要球", "总体要求"), &[]);
        assert_eq!((tally.typo_sentences, tally.hit_sentences, tally.exact_sentences), (3, 2, 1));
        assert_eq!(
            (tally.flagged_sentences, tally.flagged_clean_sentences, tally.clean_sentences),
            (3, 1, 2)
        );
        assert_eq!((tally.findings, tally.findings_on_typos), (4, 2));
        assert_eq!((tally.typos, tally.typos_found, tally.typos_corrected), (4, 2, 2));
        assert!((tally.false_alarm_rate() - 0.5).abs() < 1e-9);
        assert!((tally.sentence_precision() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn other_rules_are_not_counted() {
        let mut tally = Tally::default();
        let comma = Hit::new(RuleId::HalfWidthPunctuation, 0..1, String::new(), None);
        tally.add(&sentence(",会议", ",会议"), &[comma]);
        assert_eq!(tally.flagged_clean_sentences, 0);
    }
}
