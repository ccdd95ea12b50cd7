//! Which characters are taken for one another: the same sound (what a pinyin input method
//! offers in one list), a near sound (the fuzzy pairs input methods offer for dialect
//! speakers, zh/z, n/l, f/h, an/ang…), or a similar shape (misread copy, handwriting).
//! Readings come from the `pinyin` crate (all readings of a heteronym); shapes from the
//! groups in assets/proof/similar-shapes.txt.

use std::collections::HashMap;
use std::sync::OnceLock;

use pinyin::ToPinyinMulti;

const SIMILAR_SHAPES: &str = include_str!("../../../../assets/proof/similar-shapes.txt");

/// How two characters are alike, from the most to the least common cause of a typo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    SameSound,
    NearSound,
    SimilarShape,
}

impl Likeness {
    pub fn as_chinese(self) -> &'static str {
        match self {
            Likeness::SameSound => "同音字",
            Likeness::NearSound => "近音字",
            Likeness::SimilarShape => "形近字",
        }
    }
}

pub fn likeness(a: char, b: char) -> Option<Likeness> {
    if a == b {
        return None;
    }
    if let (Some(a), Some(b)) = (sounds(a), sounds(b)) {
        if a.exact.iter().any(|s| b.exact.contains(s)) {
            return Some(Likeness::SameSound);
        }
        if a.fuzzy.iter().any(|s| b.fuzzy.contains(s)) {
            return Some(Likeness::NearSound);
        }
    }
    let groups = shape_groups();
    let (in_a, in_b) = (groups.get(&a), groups.get(&b));
    if let (Some(in_a), Some(in_b)) = (in_a, in_b)
        && in_a.iter().any(|g| in_b.contains(g))
    {
        return Some(Likeness::SimilarShape);
    }
    None
}

/// The readings of a character without tone (`还` → hai, fu, huan), as they are and with
/// the fuzzy pairs merged.
#[derive(Debug, Default)]
struct Sounds {
    exact: Vec<&'static str>,
    fuzzy: Vec<String>,
}

/// The Han characters whose readings are kept: CJK Extension A and the Unified Ideographs.
const HAN: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// The readings of `c`, worked out once for every Han character: a check asks for the same
/// characters thousands of times a page.
fn sounds(c: char) -> Option<&'static Sounds> {
    static TABLE: OnceLock<Vec<Sounds>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        HAN.map(|code| char::from_u32(code).map(sounds_now).unwrap_or_default()).collect()
    });
    let code = u32::from(c);
    HAN.contains(&code).then(|| &table[(code - HAN.start()) as usize])
}

fn sounds_now(c: char) -> Sounds {
    let exact: Vec<&'static str> =
        c.to_pinyin_multi().map(|all| all.into_iter().map(|p| p.plain()).collect()).unwrap_or_default();
    let mut fuzzy: Vec<String> = exact.iter().map(|s| fuzzy(s)).collect();
    fuzzy.dedup();
    Sounds { exact, fuzzy }
}

/// A reading with the fuzzy pairs of input methods merged: retroflex and flat initials,
/// n/l and f/h (common in Hunan speech), front and back nasal finals.
fn fuzzy(reading: &str) -> String {
    let initial_len = ["zh", "ch", "sh"].iter().find(|i| reading.starts_with(*i)).map_or(1, |_| 2);
    let (initial, fin) = reading.split_at(initial_len.min(reading.len()));
    let initial = match initial {
        "zh" => "z",
        "ch" => "c",
        "sh" => "s",
        "l" => "n",
        "f" => "h",
        other => other,
    };
    let fin = fin.strip_suffix("ng").map_or_else(|| fin.to_owned(), |stem| format!("{stem}n"));
    format!("{initial}{fin}")
}

/// Each character's shape groups (line numbers in the file).
fn shape_groups() -> &'static HashMap<char, Vec<u16>> {
    static GROUPS: OnceLock<HashMap<char, Vec<u16>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: HashMap<char, Vec<u16>> = HashMap::new();
        let lines = SIMILAR_SHAPES.lines().filter(|l| !l.starts_with('#'));
        for (group, line) in lines.enumerate() {
            for c in line.split('\t').filter_map(|f| f.trim().chars().next()) {
                groups.entry(c).or_default().push(group as u16);
            }
        }
        groups
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sounds_and_shapes() {
        assert_eq!(likeness('制', '智'), Some(Likeness::SameSound));
        assert_eq!(likeness('还', '环'), Some(Likeness::SameSound), "还 also reads huan");
        assert_eq!(likeness('南', '蓝'), Some(Likeness::NearSound), "n/l");
        assert_eq!(likeness('身', '生'), Some(Likeness::NearSound), "en/eng");
        assert_eq!(likeness('堂', '赏'), Some(Likeness::SimilarShape));
        assert_eq!(likeness('人', '大'), None);
        assert_eq!(likeness('机', '机'), None);
    }

    #[test]
    fn fuzzy_merges_the_input_method_pairs() {
        assert_eq!(fuzzy("zhang"), "zan");
        assert_eq!(fuzzy("lin"), "nin");
        assert_eq!(fuzzy("feng"), "hen");
        assert_eq!(fuzzy("a"), "a");
    }
}
