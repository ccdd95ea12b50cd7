//! The word bigram language model the 错别字 check scores sentences with: costs are −ln p.
//!
//! Built from Debian's sunpinyin-data (open-gram, CC BY-SA 3.0) by
//! assets/proof/make_language_model.py, whose doc comment gives the file layout. It is
//! decompressed and indexed once, on the first check, by whichever thread runs it (a worker,
//! never the UI thread: the desktop commands run on a blocking pool).

use std::io::Read;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// The compressed model shipped with the program (about 5.7 MB).
const SHIPPED: &[u8] = include_bytes!("../../../../assets/proof/language-model.bin.z");

const MAGIC: &[u8] = b"JBLM1\n";

/// Costs are stored in steps of 0.1 nat, as bytes.
const COST_STEP: f32 = 0.1;

/// The cost of a character the model does not know: the model's own floor (its rarest
/// words cost about 20 nats), so an unknown character is never cheaper than a known one.
pub const UNKNOWN_COST: f32 = 20.0;

/// A word id: the word's line in the model's word list.
pub type WordId = u32;

#[derive(Debug)]
pub struct LanguageModel {
    ids: FxHashMap<Box<[char]>, WordId>,
    /// Every proper beginning of a word of two or more characters: the lattice stops
    /// reading a longer word where no word goes on.
    beginnings: FxHashSet<Box<[char]>>,
    words: Vec<Box<str>>,
    unigram: Vec<u8>,
    backoff: Vec<u8>,
    /// The bigrams of word `w` are `next[start[w]..start[w + 1]]`, sorted by id.
    start: Vec<u32>,
    next: Vec<WordId>,
    cost: Vec<u8>,
    longest_word: usize,
}

#[derive(Debug, thiserror::Error)]
#[error("错别字检查的语言模型文件已损坏（{0}），请重新安装程序")]
pub struct ModelError(&'static str);

impl LanguageModel {
    /// The shipped model, read on first use.
    pub fn shipped() -> &'static LanguageModel {
        static MODEL: OnceLock<LanguageModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            LanguageModel::from_compressed(SHIPPED).expect("the shipped model is parsed by a unit test")
        })
    }

    pub fn from_compressed(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(bytes).read_to_end(&mut raw).map_err(|_| ModelError("无法解压"))?;
        Self::parse(&raw)
    }

    fn parse(raw: &[u8]) -> Result<Self, ModelError> {
        let mut reader = Reader { bytes: raw.strip_prefix(MAGIC).ok_or(ModelError("文件头不对"))? };
        let count = reader.u32()? as usize;
        let text_length = reader.u32()? as usize;
        let text =
            std::str::from_utf8(reader.take(text_length)?).map_err(|_| ModelError("词表不是 UTF-8"))?;
        let words: Vec<Box<str>> = text.split('\n').map(Box::from).collect();
        if words.len() != count {
            return Err(ModelError("词数不符"));
        }
        let mut unigram = Vec::with_capacity(count);
        let mut backoff = Vec::with_capacity(count);
        for _ in 0..count {
            unigram.push(reader.byte()?);
            backoff.push(reader.byte()?);
        }
        let (mut start, mut next, mut cost) = (Vec::with_capacity(count + 1), Vec::new(), Vec::new());
        for _ in 0..count {
            start.push(next.len() as u32);
            let mut previous = 0;
            for _ in 0..reader.varint()? {
                previous += reader.varint()?;
                if previous as usize >= count {
                    return Err(ModelError("二元组的词号越界"));
                }
                next.push(previous);
                cost.push(reader.byte()?);
            }
        }
        start.push(next.len() as u32);
        let longest_word = words.iter().map(|w| w.chars().count()).max().unwrap_or(1);
        let mut ids = FxHashMap::default();
        let mut beginnings = FxHashSet::default();
        for (id, word) in words.iter().enumerate() {
            let chars: Box<[char]> = word.chars().collect();
            for end in 1..chars.len() {
                beginnings.insert(chars[..end].into());
            }
            ids.insert(chars, id as WordId);
        }
        Ok(LanguageModel { ids, beginnings, words, unigram, backoff, start, next, cost, longest_word })
    }

    /// The id of a word given as text (the checks look words up by characters).
    #[cfg(test)]
    pub fn id(&self, word: &str) -> Option<WordId> {
        self.id_of(&word.chars().collect::<Vec<char>>())
    }

    pub fn id_of(&self, chars: &[char]) -> Option<WordId> {
        self.ids.get(chars).copied()
    }

    /// Whether some longer word begins with `chars`.
    pub fn begins_a_word(&self, chars: &[char]) -> bool {
        self.beginnings.contains(chars)
    }

    pub fn word(&self, id: WordId) -> &str {
        &self.words[id as usize]
    }

    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Characters in the longest word of the model.
    pub fn longest_word(&self) -> usize {
        self.longest_word
    }

    /// −ln p(word) on its own.
    pub fn unigram_cost(&self, word: WordId) -> f32 {
        f32::from(self.unigram[word as usize]) * COST_STEP
    }

    /// −ln p(word | previous): the bigram where the model has one, else Katz back-off to the
    /// unigram (the pruned bigrams are exactly those this estimate reproduces).
    pub fn cost(&self, previous: Option<WordId>, word: WordId) -> f32 {
        let Some(previous) = previous else { return self.unigram_cost(word) };
        let range = self.start[previous as usize] as usize..self.start[previous as usize + 1] as usize;
        match self.next[range.clone()].binary_search(&word) {
            Ok(at) => f32::from(self.cost[range.start + at]) * COST_STEP,
            Err(_) => f32::from(self.backoff[previous as usize]) * COST_STEP + self.unigram_cost(word),
        }
    }
}

/// Reads the model's little-endian fields, failing on a truncated file.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.bytes.len() < n {
            return Err(ModelError("文件不完整"));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut value = 0_u32;
        for shift in (0..35).step_by(7) {
            let byte = self.byte()?;
            value |= u32::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError("变长整数过长"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses_and_knows_common_words() {
        let model = LanguageModel::from_compressed(SHIPPED).expect("the shipped model is well formed");
        assert!(model.word_count() > 50_000, "the model has its full lexicon");
        for word in ["机制", "委员会", "常务", "总体", "的"] {
            assert!(model.id(word).is_some(), "{word} is in the lexicon");
        }
    }

    #[test]
    fn context_prefers_the_usual_word() {
        let model = LanguageModel::shipped();
        let id = |w| model.id(w).expect("in the lexicon");
        let (build, mechanism, wit) = (id("建立"), id("机制"), id("机智"));
        assert!(
            model.cost(Some(build), mechanism) + 1.0 < model.cost(Some(build), wit),
            "建立机制 is far more usual than 建立机智"
        );
        assert!(model.unigram_cost(id("的")) < model.unigram_cost(mechanism));
    }

    #[test]
    fn a_damaged_file_is_refused() {
        assert!(LanguageModel::from_compressed(b"not zlib").is_err());
        assert!(LanguageModel::parse(b"JBLM1\n\x05\x00").is_err());
    }
}
