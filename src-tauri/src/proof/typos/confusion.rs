//! Which characters are taken for one another: the same sound (what a pinyin input method
//! offers in one list), a near sound (the fuzzy pairs input methods offer for dialect
//! speakers, zh/z, n/l, f/h, an/ang…), or a similar shape (misread copy, handwriting).
//!
//! Same sound: the lists of assets/proof/same-sounds.txt (the common readings of 3,500
//! common characters, 还 as hai and huan), else the same main reading from the `pinyin`
//! crate. Its other readings are not used: they include archaic ones (台 yí, 位 lì, 示 qí)
//! that no input method offers and that made 台生 look like 医生. Near sound: the main
//! readings with the fuzzy pairs merged. Shapes: the groups of
//! assets/proof/similar-shapes.txt.

use std::sync::OnceLock;

use pinyin::ToPinyin;
use rustc_hash::FxHashMap;

const SIMILAR_SHAPES: &str = include_str!("../../../../assets/proof/similar-shapes.txt");
const SAME_SOUNDS: &str = include_str!("../../../../assets/proof/same-sounds.txt");

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
    let listed = same_sounds();
    let lists = |x: char, y: char| listed.get(&x).is_some_and(|l| l.binary_search(&y).is_ok());
    if lists(a, b) || lists(b, a) {
        return Some(Likeness::SameSound);
    }
    if let (Some(a), Some(b)) = (sounds(a), sounds(b))
        && !a.main.is_empty()
    {
        if a.main == b.main {
            return Some(Likeness::SameSound);
        }
        if a.fuzzy == b.fuzzy {
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

/// The main reading of a character without tone, as it is and with the fuzzy pairs merged.
#[derive(Debug, Default)]
struct Sounds {
    main: &'static str,
    fuzzy: String,
}

/// The Han characters whose readings are kept: CJK Extension A and the Unified Ideographs.
const HAN: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// The reading of `c`, worked out once for every Han character: a check asks for the same
/// characters thousands of times a page.
fn sounds(c: char) -> Option<&'static Sounds> {
    static TABLE: OnceLock<Vec<Sounds>> = OnceLock::new();
    let table = TABLE
        .get_or_init(|| HAN.map(|code| char::from_u32(code).map(sounds_now).unwrap_or_default()).collect());
    let code = u32::from(c);
    HAN.contains(&code).then(|| &table[(code - HAN.start()) as usize])
}

fn sounds_now(c: char) -> Sounds {
    let main = c.to_pinyin().map(|p| p.plain()).unwrap_or_default();
    Sounds { main, fuzzy: fuzzy(main) }
}

/// Each listed character and the characters of the same sound listed with it, sorted: a
/// check asks this for every candidate word, thousands of times a page.
fn same_sounds() -> &'static FxHashMap<char, Box<[char]>> {
    static LISTS: OnceLock<FxHashMap<char, Box<[char]>>> = OnceLock::new();
    LISTS.get_or_init(|| {
        let lines = SAME_SOUNDS.lines().filter(|l| !l.starts_with('#'));
        let mut lists: FxHashMap<char, Vec<char>> = FxHashMap::default();
        for line in lines {
            let mut fields = line.split('\t');
            let Some(c) = fields.next().and_then(|f| f.chars().next()) else { continue };
            lists.entry(c).or_default().extend(fields.flat_map(str::chars));
        }
        lists
            .into_iter()
            .map(|(c, mut alike)| {
                alike.sort_unstable();
                alike.dedup();
                (c, alike.into_boxed_slice())
            })
            .collect()
    })
}

/// A reading with the fuzzy pairs of input methods merged: retroflex and flat initials,
/// n/l and f/h (common in Hunan speech), front and back nasal finals.
fn fuzzy(reading: &str) -> String {
    let retroflex = ["zh", "ch", "sh"].iter().any(|i| reading.starts_with(i));
    // Split after the initial's characters (a reading may be `ê`, two bytes).
    let split = reading.char_indices().nth(if retroflex { 2 } else { 1 }).map_or(reading.len(), |(at, _)| at);
    let (initial, fin) = reading.split_at(split);
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
fn shape_groups() -> &'static FxHashMap<char, Vec<u16>> {
    static GROUPS: OnceLock<FxHashMap<char, Vec<u16>>> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut groups: FxHashMap<char, Vec<u16>> = FxHashMap::default();
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
        assert_eq!(likeness('长', '常'), Some(Likeness::SameSound), "长 also reads chang");
        assert_eq!(likeness('台', '医'), None, "台 read yí is archaic");
        assert_eq!(likeness('位', '理'), None, "位 read lì is archaic");
        assert_eq!(likeness('南', '蓝'), Some(Likeness::NearSound), "n/l");
        assert_eq!(likeness('堂', '赏'), Some(Likeness::SimilarShape));
        assert_eq!(likeness('人', '大'), None);
        assert_eq!(likeness('机', '机'), None);
    }

    #[test]
    fn fuzzy_merges_the_input_method_pairs() {
        assert_eq!(fuzzy("zhang"), "zan");
        assert_eq!(fuzzy("lin"), "nin");
        assert_eq!(fuzzy("feng"), "hen");
        assert_eq!(fuzzy("shen"), fuzzy("sheng"), "en/eng");
        assert_eq!(fuzzy("a"), "a");
        assert_eq!(fuzzy("ê"), "ê", "a reading of 欸 is not ASCII");
    }
}
