//! Word's automatic list numbering (ECMA-376 Part 1 §17.9): the number a paragraph with
//! `w:numPr` shows, rendered as text so that headings numbered by Word (一、 （一） 1.) keep
//! their numbers and the heading recognition sees them as it sees typed numbers.
//!
//! `word/numbering.xml` holds abstract lists (`w:abstractNum`: per level a start value, a
//! number format and a text like `%1、` or `（%2）`) and list instances (`w:num`) pointing
//! at one, optionally restarting levels (`w:lvlOverride/w:startOverride`). Instances of the
//! same abstract list share one count, as in Word; a level's count restarts whenever a
//! higher level advances.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::attribute;
use crate::numbering::to_chinese_numeral;

/// Word allows nine levels (0–8).
const LEVELS: usize = 9;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Clone, Default)]
struct ListInstance {
    abstract_id: String,
    start_overrides: HashMap<usize, u32>,
}

/// The lists of one document and how far each has counted.
#[derive(Debug, Default)]
pub struct ListNumbering {
    abstracts: HashMap<String, Vec<Level>>,
    instances: HashMap<String, ListInstance>,
    counts: HashMap<String, [Option<u32>; LEVELS]>,
    /// Instances already met: a `startOverride` restarts the count only at first use.
    started: HashSet<String>,
}

impl ListNumbering {
    /// Reads `word/numbering.xml`; unreadable parts give no numbering rather than an error,
    /// since the text itself is still there.
    pub fn parse(xml: &[u8]) -> Self {
        let mut parser = NumberingParser::default();
        let mut reader = Reader::from_reader(xml);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => parser.start(&e),
                Ok(Event::Empty(e)) => {
                    parser.start(&e);
                    parser.end(e.name().as_ref());
                }
                Ok(Event::End(e)) => parser.end(e.name().as_ref()),
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
        }
        parser.numbering
    }

    /// The number text of the next paragraph of list `num_id` at `level` (0-based), counting
    /// it. `None` for an unknown list, `numId` 0 (numbering switched off) or a bullet.
    pub fn next_label(&mut self, num_id: &str, level: usize) -> Option<String> {
        let instance = self.instances.get(num_id)?.clone();
        let levels = self.abstracts.get(&instance.abstract_id)?;
        if level >= LEVELS || level >= levels.len() {
            return None;
        }
        let counts = self.counts.entry(instance.abstract_id.clone()).or_insert([None; LEVELS]);
        if self.started.insert(num_id.to_owned()) {
            for &overridden in instance.start_overrides.keys().filter(|&&l| l < LEVELS) {
                // The next paragraph at that level shows the override's start value.
                counts[overridden..].fill(None);
            }
        }
        let start_of = |l: usize| {
            instance.start_overrides.get(&l).copied().unwrap_or_else(|| levels.get(l).map_or(1, |v| v.start))
        };
        counts[level] = Some(counts[level].map_or_else(|| start_of(level), |n| n + 1));
        counts[level + 1..].fill(None);
        let shown: Vec<u32> = (0..=level).map(|l| counts[l].unwrap_or_else(|| start_of(l))).collect();
        let label = render(&levels[level].text, &shown, levels);
        (!label.is_empty() && levels[level].format != "bullet").then_some(label)
    }
}

/// Replaces `%1`…`%9` in a level's text by the counts of those levels in their formats.
fn render(text: &str, counts: &[u32], levels: &[Level]) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let placeholder = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
        match (c, placeholder) {
            ('%', Some(n)) => {
                chars.next();
                let index = n as usize - 1;
                if let (Some(&count), Some(level)) = (counts.get(index), levels.get(index)) {
                    out.push_str(&format_number(count, &level.format));
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// A count in one of Word's number formats (ST_NumberFormat); unknown formats as decimals.
fn format_number(n: u32, format: &str) -> String {
    const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
    const EARTHLY_BRANCHES: [char; 12] =
        ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥'];
    let cycle = |items: &[char]| items[(n.max(1) as usize - 1) % items.len()].to_string();
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographLegalTraditional"
            if n < 100_000_000 =>
        {
            to_chinese_numeral(n)
        }
        "ideographDigital" => n
            .to_string()
            .chars()
            .map(|d| ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][d as usize - '0' as usize])
            .collect(),
        "ideographTraditional" => cycle(&HEAVENLY_STEMS),
        "ideographZodiac" => cycle(&EARTHLY_BRANCHES),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10).unwrap_or(d))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_else(|| n.to_string())
        }
        "lowerLetter" | "upperLetter" => {
            let base = if format == "lowerLetter" { b'a' } else { b'A' };
            // Word repeats the letter after z: aa, bb…
            let letter = (base + ((n.max(1) - 1) % 26) as u8) as char;
            letter.to_string().repeat(((n.max(1) - 1) / 26 + 1) as usize)
        }
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const VALUES: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in VALUES {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Collects abstract lists and instances while walking numbering.xml.
#[derive(Default)]
struct NumberingParser {
    numbering: ListNumbering,
    abstract_id: Option<String>,
    levels: Vec<Level>,
    level: Option<usize>,
    num_id: Option<String>,
    instance: ListInstance,
    override_level: Option<usize>,
}

impl NumberingParser {
    fn start(&mut self, e: &BytesStart) {
        let value = || attribute(e, "w:val");
        match e.name().as_ref() {
            "w:abstractNum" => {
                self.abstract_id = attribute(e, "w:abstractNumId");
                self.levels = Vec::new();
            }
            "w:lvl" if self.num_id.is_none() => {
                let index = attribute(e, "w:ilvl").and_then(|v| v.parse().ok()).filter(|&l| l < LEVELS);
                if let Some(index) = index.filter(|&i| self.levels.len() <= i) {
                    self.levels.resize(index + 1, Level { start: 1, ..Level::default() });
                }
                self.level = index;
            }
            "w:start" => {
                if let (Some(level), Some(start)) = (self.level, value().and_then(|v| v.parse().ok())) {
                    self.levels[level].start = start;
                }
            }
            "w:numFmt" => {
                if let (Some(level), Some(format)) = (self.level, value()) {
                    self.levels[level].format = format;
                }
            }
            "w:lvlText" => {
                if let (Some(level), Some(text)) = (self.level, value()) {
                    self.levels[level].text = text;
                }
            }
            "w:num" => {
                self.num_id = attribute(e, "w:numId");
                self.instance = ListInstance::default();
            }
            "w:abstractNumId" if self.num_id.is_some() => {
                self.instance.abstract_id = value().unwrap_or_default();
            }
            "w:lvlOverride" => {
                self.override_level = attribute(e, "w:ilvl").and_then(|v| v.parse().ok());
            }
            "w:startOverride" => {
                if let (Some(level), Some(start)) =
                    (self.override_level, value().and_then(|v| v.parse().ok()))
                {
                    self.instance.start_overrides.insert(level, start);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:lvl" => self.level = None,
            "w:lvlOverride" => self.override_level = None,
            "w:abstractNum" => {
                if let Some(id) = self.abstract_id.take() {
                    self.numbering.abstracts.insert(id, std::mem::take(&mut self.levels));
                }
            }
            "w:num" => {
                if let Some(id) = self.num_id.take() {
                    self.numbering.instances.insert(id, std::mem::take(&mut self.instance));
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn labels(steps: &[(&str, usize)]) -> Vec<Option<String>> {
        let mut numbering = ListNumbering::parse(NUMBERING.as_bytes());
        steps.iter().map(|&(num, level)| numbering.next_label(num, level)).collect()
    }

    #[test]
    fn levels_count_and_lower_levels_restart() {
        let got = labels(&[("1", 0), ("1", 1), ("1", 1), ("1", 2), ("1", 0), ("1", 1)]);
        let want = ["一、", "（一）", "（二）", "1.", "二、", "（一）"];
        assert_eq!(got, want.map(|s| Some(s.to_owned())), "（一） restarts under 二、");
    }

    #[test]
    fn start_values_formats_and_multi_level_text() {
        let got = labels(&[("2", 0), ("2", 1), ("2", 1), ("2", 0)]);
        let want = ["丙、", "丙.1", "丙.2", "丁、"];
        assert_eq!(got, want.map(|s| Some(s.to_owned())), "%1 keeps level one's format, as in Word");
    }

    #[test]
    fn a_start_override_restarts_a_shared_list() {
        let got = labels(&[("1", 0), ("1", 0), ("3", 0), ("3", 0), ("1", 0)]);
        let want = ["一、", "二、", "一、", "二、", "三、"];
        assert_eq!(got, want.map(|s| Some(s.to_owned())), "instances of one list share its count");
    }

    #[test]
    fn unknown_lists_give_no_label() {
        assert_eq!(labels(&[("0", 0), ("9", 0), ("1", 7)]), [None, None, None]);
    }

    #[test]
    fn number_formats() {
        assert_eq!(format_number(12, "chineseCounting"), "十二");
        assert_eq!(format_number(105, "ideographDigital"), "一〇五");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(7, "decimalFullWidth"), "７");
    }
}
