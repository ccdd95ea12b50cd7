//! Place names against the gazetteer of Hunan (assets/proof/hunan-places.tsv: the 14 市州 and
//! their 122 县市区): a 市 or 县 that does not exist (`会同市`, where there is only 会同县), and
//! a county written under a 市州 it does not belong to (`邵阳市会同县`).

use std::sync::OnceLock;

use super::finding::{CharIndex, Hit, RuleId};

const GAZETTEER: &str = include_str!("../../../assets/proof/hunan-places.tsv");

/// Suffixes of administrative places, the last character of every name in the gazetteer.
const SUFFIXES: [char; 4] = ['市', '县', '区', '州'];

/// Characters that, after a suffix, make a common word rather than a place: 市场, 区域, 县域…
/// (`会同市场` is a market in 会同, not a 市).
const NOT_A_PLACE_AFTER: &str = "场民域值容貌井面价间别分位块";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    /// 地级市, 自治州, 县级市, 县, 自治县, 市辖区.
    pub level: String,
    /// The 市州 a county-level place belongs to; `None` for a 市州.
    pub parent: Option<String>,
    /// The short form in use (湘西州, 城步县), if the name is longer.
    pub short: Option<String>,
}

impl Place {
    /// The forms the place is written in: its name and its short form.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.short.as_deref())
    }

    /// The name without its suffix (`会同县` → 会同, `湘西州` → 湘西).
    fn stems(&self) -> impl Iterator<Item = &str> {
        self.forms().map(|form| &form[..form.len() - '市'.len_utf8()])
    }
}

#[derive(Debug)]
pub struct Gazetteer {
    pub places: Vec<Place>,
}

impl Gazetteer {
    pub fn hunan() -> &'static Gazetteer {
        static HUNAN: OnceLock<Gazetteer> = OnceLock::new();
        HUNAN.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    /// Reads the gazetteer's four tab-separated columns; `#` starts a comment.
    fn parse(text: &str) -> Self {
        let places = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
                let field = |i: usize| fields.get(i).filter(|f| !f.is_empty()).map(|f| f.to_string());
                Place {
                    name: fields[0].to_owned(),
                    level: fields.get(1).copied().unwrap_or_default().to_owned(),
                    parent: field(2),
                    short: field(3),
                }
            })
            .collect();
        Gazetteer { places }
    }

    /// Every form of every place, for the typo check to leave alone.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.places.iter().flat_map(Place::forms)
    }

    fn is_known(&self, name: &str) -> bool {
        self.names().any(|form| form == name)
    }

    fn prefectures(&self) -> impl Iterator<Item = &Place> {
        self.places.iter().filter(|p| p.parent.is_none())
    }
}

/// Both place checks on one text.
pub fn check(text: &str) -> Vec<Hit> {
    let gazetteer = Gazetteer::hunan();
    let index = CharIndex::new(text);
    let mut hits = unknown_places(text, &index, gazetteer);
    hits.extend(wrong_prefectures(text, &index, gazetteer));
    hits
}

/// A known stem with a suffix the gazetteer does not have: `会同市`, `湘西市`, `浏阳县` (a 市
/// since 1993). One-character stems (南县, 道县, 澧县, 攸县) are too common in running text
/// to be taken for places, so only stems of two or more characters are looked for.
fn unknown_places(text: &str, index: &CharIndex, gazetteer: &Gazetteer) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut seen = Vec::new();
    for place in &gazetteer.places {
        for stem in place.stems().filter(|s| s.chars().count() >= 2) {
            if seen.contains(&stem) {
                continue;
            }
            seen.push(stem);
            for (at, _) in text.match_indices(stem) {
                let rest = &text[at + stem.len()..];
                let mut after = rest.chars();
                let Some(suffix) = after.next().filter(|c| SUFFIXES.contains(c)) else { continue };
                if after.next().is_some_and(|c| NOT_A_PLACE_AFTER.contains(c)) {
                    continue;
                }
                let written = format!("{stem}{suffix}");
                if gazetteer.is_known(&written) || inside_known_name(text, at, gazetteer) {
                    continue;
                }
                hits.push(unknown_place_hit(index, at, &written, stem, gazetteer));
            }
        }
    }
    hits
}

/// Whether the stem at byte `at` is the tail of a longer known name (岳阳 in 岳阳楼区 is not,
/// but 江华 in 江华瑶族自治县 starts one, and 津市 in 津市市 is one).
fn inside_known_name(text: &str, at: usize, gazetteer: &Gazetteer) -> bool {
    gazetteer
        .names()
        .any(|name| text.match_indices(name).any(|(start, found)| start <= at && at < start + found.len()))
}

fn unknown_place_hit(index: &CharIndex, at: usize, written: &str, stem: &str, gazetteer: &Gazetteer) -> Hit {
    let real: Vec<&str> = gazetteer
        .places
        .iter()
        .flat_map(Place::forms)
        .filter(|f| f.strip_suffix(SUFFIXES) == Some(stem))
        .collect();
    let message = format!("湖南省没有“{written}”，只有“{}”，请核对（湖南省行政区划）", real.join("”“"));
    let suggestion = (real.len() == 1).then(|| real[0].to_owned());
    Hit::new(RuleId::UnknownPlace, index.range(at..at + written.len()), message, suggestion)
}

/// A county-level place right after a 市州 it does not belong to: `邵阳市会同县`.
fn wrong_prefectures(text: &str, index: &CharIndex, gazetteer: &Gazetteer) -> Vec<Hit> {
    let mut hits = Vec::new();
    for county in gazetteer.places.iter().filter(|p| p.parent.is_some()) {
        let parent = county.parent.as_deref().unwrap_or_default();
        for form in county.forms() {
            for (at, _) in text.match_indices(form) {
                let before = &text[..at];
                let Some(written) =
                    gazetteer.prefectures().flat_map(Place::forms).find(|name| before.ends_with(name))
                else {
                    continue;
                };
                let belongs =
                    gazetteer.prefectures().any(|p| p.name == parent && p.forms().any(|f| f == written));
                if belongs {
                    continue;
                }
                let start = at - written.len();
                let message = format!("“{form}”属于{parent}，不属于“{written}”，请核对（湖南省行政区划）");
                let range = index.range(start..at);
                hits.push(Hit::new(RuleId::WrongPrefecture, range, message, Some(parent.to_owned())));
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(RuleId, String, Option<String>)> {
        let chars: Vec<char> = text.chars().collect();
        check(text)
            .into_iter()
            .map(|h| (h.rule, chars[h.start..h.end].iter().collect(), h.suggestion))
            .collect()
    }

    #[test]
    fn the_gazetteer_has_the_fourteen_prefectures_and_their_counties() {
        let hunan = Gazetteer::hunan();
        assert_eq!(hunan.prefectures().count(), 14);
        assert_eq!(hunan.places.iter().filter(|p| p.parent.is_some()).count(), 122);
        for place in &hunan.places {
            assert!(place.name.ends_with(SUFFIXES), "{} ends with a suffix", place.name);
            if let Some(parent) = &place.parent {
                assert!(hunan.prefectures().any(|p| &p.name == parent), "{parent} is a 市州");
            }
        }
    }

    #[test]
    fn a_place_that_does_not_exist_is_flagged() {
        assert_eq!(
            found("会同市人大常委会"),
            [(RuleId::UnknownPlace, "会同市".into(), Some("会同县".into()))]
        );
        assert_eq!(found("湘西市人大"), [(RuleId::UnknownPlace, "湘西市".into(), Some("湘西州".into()))]);
        let both = found("湘潭区");
        assert_eq!(both[0].2, None, "湘潭 has a 市 and a 县: only a person can choose");
        assert!(both[0].0 == RuleId::UnknownPlace);
    }

    #[test]
    fn real_places_and_common_words_are_not_flagged() {
        for text in [
            "怀化市会同县、湘潭市湘潭县、湘西州吉首市、岳阳市岳阳楼区、常德市津市市",
            "会同县域经济、长沙市场、湘潭区域发展、湖南县级人大、城步县",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn a_county_under_the_wrong_prefecture_is_flagged() {
        assert_eq!(
            found("邵阳市会同县人大常委会"),
            [(RuleId::WrongPrefecture, "邵阳市".into(), Some("怀化市".into()))]
        );
        assert!(found("怀化市会同县").is_empty());
    }
}
