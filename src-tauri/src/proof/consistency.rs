//! Consistency across an article and the issue: the place in the attribution against the
//! title and lead, heading numbers in sequence, the masthead date against the issue's year,
//! the footer fields in their proper form.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::finding::{Finding, Hit, Part, RuleId};
use crate::domain::{Article, Block, Issue, Publication};
use crate::numbering::{format_masthead_date, parse_chinese_numeral, to_chinese_numeral};

/// Suffixes of administrative places: 省, 市, 县, 区, 州 (GB/T 2260 names).
const PLACE_SUFFIXES: &str = "省市县区州";

/// A place name found in a text: the name without its suffix, the suffix, and its range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    stem: String,
    suffix: char,
    start: usize,
    end: usize,
}

/// Places in a unit name: `株洲市炎陵县人大常委会` → 株洲市, 炎陵县. A stem is at least two
/// characters, so `郴州市` is 郴州 + 市, not 郴 + 州.
fn places(name: &str) -> Vec<Place> {
    let mut found = Vec::new();
    let mut stem = String::new();
    let mut start = 0;
    for (i, c) in name.chars().enumerate() {
        if PLACE_SUFFIXES.contains(c) && stem.chars().count() >= 2 {
            found.push(Place { stem: std::mem::take(&mut stem), suffix: c, start, end: i + 1 });
            start = i + 1;
        } else {
            stem.push(c);
        }
    }
    found
}

/// Findings that need the whole article.
pub fn check_article(article: &Article, index: u32) -> Vec<Finding> {
    let mut findings = attribution_places(article, index);
    findings.extend(heading_sequence(article, index));
    findings
}

/// House style: the unit in the attribution is the place the article is about. A place
/// whose name appears in the title or lead with another suffix (`会同县` against
/// `会同市人大常委会`) is a typing slip in one of them. The units' line is the last
/// attribution line, after a `（摘编自…）` line if the article has both.
fn attribution_places(article: &Article, index: u32) -> Vec<Finding> {
    if article.contributors.is_empty() {
        return vec![];
    }
    let lines = article.attribution_lines();
    let (block, line) = (lines.len() - 1, &lines[lines.len() - 1]);
    let lead = article.body.iter().find(|b| matches!(b, Block::Paragraph { .. })).map(Block::plain_text);
    let about = format!("{}\n{}", article.title_text(), lead.unwrap_or_default());
    let mut findings = Vec::new();
    // The attribution line is `（` + contributors joined by `、` + ` 供稿）`.
    let mut offset = 1;
    for contributor in &article.contributors {
        for place in places(contributor) {
            let suffixes_in_text: Vec<char> = about
                .match_indices(place.stem.as_str())
                .filter_map(|(at, stem)| about[at + stem.len()..].chars().next())
                .filter(|&c| PLACE_SUFFIXES.contains(c))
                .collect();
            let Some(&other) = suffixes_in_text.iter().find(|&&c| c != place.suffix) else { continue };
            if suffixes_in_text.contains(&place.suffix) {
                continue;
            }
            let written = format!("{}{}", place.stem, place.suffix);
            let meant = format!("{}{other}", place.stem);
            let message = format!(
                "供稿单位中的“{written}”与标题、导语中的“{meant}”不一致，请核对是哪一级（本刊体例：供稿单位与文章所写地方一致）"
            );
            let hit = Hit::new(
                RuleId::AttributionPlace,
                offset + place.start..offset + place.end,
                message,
                Some(meant),
            );
            findings.push(hit.at(Some(index), Part::Attribution, block as u32, line));
        }
        offset += contributor.chars().count() + 1;
    }
    findings
}

static HEADING_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d{1,2})[.．])")
        .expect("the pattern is valid")
});

/// The level and number of a numbered heading: `一、` 1, `（一）` 2, `1.` 3.
fn heading_number(text: &str) -> Option<(usize, u32, usize)> {
    let caps = HEADING_NUMBER.captures(text)?;
    let length = caps.get(0)?.as_str().chars().count();
    if let Some(n) = caps.get(1) {
        return Some((1, parse_chinese_numeral(n.as_str())?, length));
    }
    if let Some(n) = caps.get(2) {
        return Some((2, parse_chinese_numeral(n.as_str())?, length));
    }
    Some((3, caps.get(3)?.as_str().parse().ok()?, length))
}

fn numbered(level: usize, n: u32) -> String {
    match level {
        1 => format!("{}、", to_chinese_numeral(n)),
        2 => format!("（{}）", to_chinese_numeral(n)),
        _ => format!("{n}."),
    }
}

/// GB/T 9704—2012 7.3.3 (结构层次序数 一、（一）1.（1）): at each level the numbers run
/// 1, 2, 3 without gaps or repeats, and restart under each heading of the level above.
/// Each heading is expected to carry its position among its level's headings (the third
/// `（一）`-level heading under a `一、` is `（三）`), so applying every suggestion gives a
/// sequence with nothing left to flag, whatever order the numbers were in.
fn heading_sequence(article: &Article, index: u32) -> Vec<Finding> {
    // Per level: how many headings so far under the current parent, and the last number.
    let mut seen = [0_u32; 4];
    let mut last: [Option<u32>; 4] = [None; 4];
    let mut findings = Vec::new();
    for (block, body) in article.body.iter().enumerate() {
        let Block::Heading { .. } = body else { continue };
        let text = body.plain_text();
        let Some((level, n, length)) = heading_number(&text) else { continue };
        seen[level] += 1;
        let expected = seen[level];
        if n != expected {
            let message = format!(
                "层次序数{}；这里应为“{}”（GB/T 9704—2012 7.3.3，各层序数依次排列）",
                sequence_problem(level, n, last[level], expected),
                numbered(level, expected)
            );
            let hit = Hit::new(RuleId::HeadingSequence, 0..length, message, Some(numbered(level, expected)));
            findings.push(hit.at(Some(index), Part::Body, block as u32, &text));
        }
        last[level] = Some(n);
        seen[level + 1..].fill(0);
        last[level + 1..].fill(None);
    }
    findings
}

/// What is wrong with number `n` after `previous` at `level`, in words: `“二、”之后是“一、”`.
fn sequence_problem(level: usize, n: u32, previous: Option<u32>, expected: u32) -> String {
    let this = numbered(level, n);
    match previous {
        None => format!("从“{this}”开始，本层第一个应为“{}”", numbered(level, 1)),
        Some(p) if p == n => format!("“{this}”重复"),
        Some(p) if n < p => format!("顺序颠倒：“{}”之后是“{this}”", numbered(level, p)),
        Some(p) if n > p + 1 => format!("不连续：“{}”之后跳到了“{this}”", numbered(level, p)),
        Some(_) => format!("与位置不符：这是本层第 {expected} 个"),
    }
}

/// House style: the masthead's date lies in the year of the issue's number (2025年第13期 is
/// dated in 2025).
pub fn check_masthead(issue: &Issue) -> Vec<Finding> {
    if issue.date.year() == issue.year {
        return vec![];
    }
    let printed = format_masthead_date(issue.date);
    let message = format!("报头日期“{printed}”不在期号所属的 {} 年内，请核对出刊日期或年份", issue.year);
    let length = printed.chars().count();
    vec![Hit::new(RuleId::MastheadDate, 0..length, message, None).at(None, Part::Masthead, 0, &printed)]
}

static PHONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^0\d{2,3}-\d{7,8}$").expect("the pattern is valid"));
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$").expect("the pattern is valid"));
static APPROVAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Han}+〔\d{4}〕第?\d+号$").expect("the pattern is valid"));

/// The footer fields in publication settings, in the order `block` counts them.
pub const FOOTER_FIELDS: [&str; 5] = ["联系电话", "电子邮箱", "批准文号", "责任编辑", "报送单位"];

/// The footer fields of the publication settings in their proper form: telephone
/// `0731-85309319` (GB/T 15834—2011 4.13.3), an e-mail address, the approval number with
/// 六角括号 `〔2000〕` (GB/T 9704—2012 7.2.4), an editor's name, and at least one receiving
/// body (an empty 送： line would be printed as it is).
pub fn check_footer(publication: &Publication) -> Vec<Finding> {
    let footer = &publication.footer;
    let recipients = footer.recipients.join("，");
    let fields =
        [&footer.phone, &footer.email, &footer.approval_number, &footer.responsible_editor, &recipients];
    let problems = [
        (!PHONE.is_match(&footer.phone))
            .then_some("应写成“区号-号码”，如 0731-85309319（GB/T 15834—2011 4.13.3）"),
        (!EMAIL.is_match(&footer.email)).then_some("不是有效的电子邮箱地址"),
        (!APPROVAL.is_match(&footer.approval_number))
            .then_some("应写成“湘党简准字〔2000〕第28号”的形式，年份用六角括号（GB/T 9704—2012 7.2.4）"),
        footer.responsible_editor.trim().is_empty().then_some("未填写"),
        footer.recipients.iter().all(|r| r.trim().is_empty()).then_some("未填写"),
    ];
    let mut findings = Vec::new();
    for (block, (value, problem)) in fields.iter().zip(problems).enumerate() {
        let Some(problem) = problem else { continue };
        let message = format!("报尾的{}“{value}”{problem}；请在刊物设置中改正", FOOTER_FIELDS[block]);
        let hit = Hit::new(RuleId::FooterField, 0..value.chars().count(), message, None);
        findings.push(hit.at(None, Part::Footer, block as u32, value));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: &str, lead: &str, contributor: &str) -> Article {
        Article {
            title: vec![title.into()],
            body: vec![Block::paragraph(lead)],
            contributors: vec![contributor.into()],
            ..Article::empty()
        }
    }

    #[test]
    fn places_split_a_unit_name() {
        let names: Vec<String> =
            places("郴州市桂阳县人大常委会").into_iter().map(|p| format!("{}{}", p.stem, p.suffix)).collect();
        assert_eq!(names, ["郴州市", "桂阳县"]);
        assert!(places("市人大常委会办公室").is_empty());
    }

    #[test]
    fn attribution_place_against_title() {
        let wrong = article("会同县：“五纳入五保障”", "怀化市会同县以……", "会同市人大常委会");
        let findings = attribution_places(&wrong, 1);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(
            (f.start, f.end, f.text.as_str(), f.suggestion.as_deref()),
            (1, 4, "会同市", Some("会同县"))
        );
        assert_eq!(wrong.attribution_lines()[0].chars().skip(1).take(3).collect::<String>(), "会同市");
        let right = article("会同县：“五纳入五保障”", "怀化市会同县以……", "会同县人大常委会");
        assert!(attribution_places(&right, 1).is_empty());
        let mut also_reprinted = wrong;
        also_reprinted.source = Some("《湖南日报》".into());
        let findings = attribution_places(&also_reprinted, 1);
        assert_eq!(findings.len(), 1, "the units' line is checked after a 摘编自 line too");
        assert_eq!((findings[0].block, findings[0].text.as_str()), (1, "会同市"));
        let other = article("株洲市炎陵县：畅通", "今年以来，株洲市炎陵县……", "株洲市炎陵县人大常委会");
        assert!(attribution_places(&other, 0).is_empty());
    }

    fn headed(headings: &[(u8, &str)]) -> Article {
        let body = headings.iter().map(|&(level, text)| Block::heading(level, text)).collect();
        Article { title: vec!["标题".into()], body, ..Article::empty() }
    }

    #[test]
    fn heading_numbers_run_without_gaps_or_repeats() {
        let gap = headed(&[(1, "一、甲"), (2, "（一）子"), (1, "二、乙"), (2, "（一）丑"), (1, "四、丁")]);
        let findings = heading_sequence(&gap, 0);
        assert_eq!(findings.len(), 1);
        assert_eq!((findings[0].block, findings[0].suggestion.as_deref()), (4, Some("三、")));
        let repeat = headed(&[(1, "一、甲"), (1, "一、乙")]);
        assert!(heading_sequence(&repeat, 0)[0].message.contains("“一、”重复"));
        let fine = headed(&[(1, "一、甲"), (2, "（一）子"), (2, "（二）丑"), (1, "二、乙"), (3, "1.寅")]);
        assert!(heading_sequence(&fine, 0).is_empty());
    }

    #[test]
    fn swapped_headings_say_so_and_their_fixes_settle() {
        let swapped = headed(&[(1, "二、乙"), (2, "（二）丑"), (2, "（一）子"), (1, "一、甲")]);
        let findings = heading_sequence(&swapped, 0);
        let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
        assert!(messages[0].contains("从“二、”开始，本层第一个应为“一、”"), "{messages:?}");
        assert!(messages[2].contains("顺序颠倒：“（二）”之后是“（一）”"), "{messages:?}");
        assert!(messages[3].contains("顺序颠倒：“二、”之后是“一、”"), "{messages:?}");
        let mut fixed = swapped;
        for finding in &findings {
            let Block::Heading { content, .. } = &mut fixed.body[finding.block as usize] else {
                unreachable!()
            };
            let text = content[0].text.clone();
            let rest: String = text.chars().skip(finding.end as usize).collect();
            content[0].text =
                format!("{}{rest}", finding.suggestion.as_deref().expect("every sequence finding suggests"));
        }
        assert!(
            heading_sequence(&fixed, 0).is_empty(),
            "applying every fix leaves nothing to flag: {:?}",
            fixed.body
        );
    }

    #[test]
    fn masthead_date_in_the_issue_year() {
        let mut issue = Issue::sample(vec![]);
        assert!(check_masthead(&issue).is_empty());
        issue.year = 2024;
        let findings = check_masthead(&issue);
        assert_eq!(findings[0].text, "2025年9月2日");
    }

    #[test]
    fn footer_fields_in_their_form() {
        let mut publication = Publication::lianluo_dongtai();
        assert!(check_footer(&publication).is_empty());
        publication.footer.phone = "0731—85309319".into();
        publication.footer.approval_number = "湘党简准字[2000]第28号".into();
        let blocks: Vec<u32> = check_footer(&publication).iter().map(|f| f.block).collect();
        assert_eq!(blocks, [0, 2]);
        publication.footer.recipients.clear();
        let last = check_footer(&publication).pop().expect("no recipients is flagged");
        assert_eq!((last.block, last.message.contains("报送单位")), (4, true));
    }
}
