//! Candidate corrections: a word of the model that differs from the text in one character,
//! the two characters being alike (same or near sound, similar shape). Found through an
//! index of the model's words of two to four characters with one character masked, so a
//! paragraph costs a few hash look-ups per character, not one per character and candidate.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::confusion::{Likeness, likeness};
use super::model::{LanguageModel, WordId};

/// Longest word, in characters, proposed as a correction.
const LONGEST: usize = 4;

/// Rare words are left out of the index (−ln p above this, p below about 1e-7): the rarer a
/// word, the likelier that the text's own reading is the intended one.
const RAREST_COST: f32 = 16.0;

/// A word with one of its characters masked.
type Key = [char; LONGEST];
const MASK: char = '\u{0}';
const UNUSED: char = '\u{1}';

#[derive(Debug)]
pub struct NearWords {
    by_key: FxHashMap<Key, Vec<WordId>>,
}

/// One proposed correction: the character at `at` (in the run) read as `replacement`,
/// which makes `word` where the run has `written` (a range of the run). Kept as ids and
/// ranges: a paragraph has thousands of candidates and only a few become findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub at: usize,
    pub replacement: char,
    pub likeness: Likeness,
    pub word: WordId,
    pub written: std::ops::Range<usize>,
}

impl NearWords {
    pub fn shipped() -> &'static NearWords {
        static INDEX: OnceLock<NearWords> = OnceLock::new();
        INDEX.get_or_init(|| NearWords::of(LanguageModel::shipped()))
    }

    pub fn of(model: &LanguageModel) -> Self {
        let mut by_key: FxHashMap<Key, Vec<WordId>> = FxHashMap::default();
        for id in 0..model.word_count() as WordId {
            let chars: Vec<char> = model.word(id).chars().collect();
            if !(2..=LONGEST).contains(&chars.len()) || model.unigram_cost(id) > RAREST_COST {
                continue;
            }
            for masked in 0..chars.len() {
                by_key.entry(key(&chars, masked)).or_default().push(id);
            }
        }
        NearWords { by_key }
    }

    /// Every candidate correction in a run of Han characters.
    pub fn candidates(&self, model: &LanguageModel, run: &[char]) -> Vec<Candidate> {
        let mut found = Vec::new();
        for start in 0..run.len() {
            for length in 2..=LONGEST.min(run.len() - start) {
                let span = &run[start..start + length];
                for masked in 0..length {
                    let Some(words) = self.by_key.get(&key(span, masked)) else { continue };
                    for &id in words {
                        let word = model.word(id);
                        let Some(replacement) = word.chars().nth(masked) else { continue };
                        let Some(likeness) = likeness(span[masked], replacement) else { continue };
                        found.push(Candidate {
                            at: start + masked,
                            replacement,
                            likeness,
                            word: id,
                            written: start..start + length,
                        });
                    }
                }
            }
        }
        found
    }
}

fn key(chars: &[char], masked: usize) -> Key {
    let mut key = [UNUSED; LONGEST];
    key[..chars.len()].copy_from_slice(chars);
    key[masked] = MASK;
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_one_alike_character_away_is_proposed() {
        let model = LanguageModel::shipped();
        let run: Vec<char> = "建立工作机智".chars().collect();
        let candidates = NearWords::shipped().candidates(model, &run);
        let mechanism =
            candidates.iter().find(|c| model.word(c.word) == "机制").expect("机制 is proposed for 机智");
        assert_eq!((mechanism.at, mechanism.replacement), (5, '制'));
        assert_eq!(mechanism.likeness, Likeness::SameSound);
        assert!(
            candidates.iter().all(|c| model.word(c.word) != "工作"),
            "a word already written is no candidate"
        );
        assert_eq!(mechanism.written, 4..6);
    }
}
