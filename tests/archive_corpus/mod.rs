//! A generated archive of back issues for the search tests and the benchmark: 500 issues
//! (25 a year from 2006 to 2025), five articles each, about 5,000 characters an issue like a
//! printed eight-page bulletin, composed from phrase lists written for these tests. Words
//! the tests look for are planted at known places (`PLANTED`), so that every expected count is
//! known before anything is searched; the generator is seeded, so every run builds the same.
#![allow(dead_code, reason = "the test and the benchmark use different parts")]

use chrono::NaiveDate;
use jianbao::domain::{Article, Block, Issue, IssueKind, IssueStatus, Publication};
use jianbao::store::{Id, Store};

pub const ISSUES: u32 = 500;
pub const PER_YEAR: u32 = 25;
pub const FIRST_YEAR: i32 = 2006;
const ARTICLES_PER_ISSUE: usize = 5;
const PARAGRAPHS: usize = 7;

const PLACES: [&str; 12] = [
    "洪江市",
    "溆浦县",
    "辰溪县",
    "麻阳县",
    "芷江县",
    "新晃县",
    "中方县",
    "沅陵县",
    "通道县",
    "靖州县",
    "鹤城区",
    "会同县",
];
const ACTIVITIES: [&str; 8] = [
    "开展代表小组集中活动",
    "组织代表视察农村公路建设",
    "召开代表建议督办座谈会",
    "推进代表联络站规范化建设",
    "开展民生实事项目票决",
    "组织代表走访困难群众",
    "听取政府专项工作报告",
    "开展执法检查回头看",
];
const OPENINGS: [&str; 6] = [
    "今年以来，",
    "近日，",
    "为进一步密切代表同人民群众的联系，",
    "按照年度工作要点安排，",
    "五月中旬，",
    "围绕全年中心工作，",
];
const SUBJECTS: [&str; 6] =
    ["县人大常委会", "市人大常委会", "乡镇人大主席团", "代表小组", "常委会主任会议", "相关专门委员会"];
const ACTIONS: [&str; 8] = [
    "深入田间地头察看水稻长势，",
    "逐项听取有关部门的情况汇报，",
    "实地查看了安置小区和产业园区，",
    "认真梳理群众反映的急难愁盼问题，",
    "对照清单逐条核实办理进度，",
    "分组讨论并形成书面审议意见，",
    "邀请部分基层群众列席会议，",
    "采取明察暗访的方式了解实情，",
];
const RESULTS: [&str; 8] = [
    "共收集意见建议四十余条。",
    "推动解决了一批群众身边的实际问题。",
    "督促相关单位限期整改到位。",
    "形成的调研报告已送政府研究处理。",
    "参加活动的代表纷纷表示收获很大。",
    "为下一步工作打下了坚实基础。",
    "得到了当地群众的一致好评。",
    "有关意见已交办责任单位跟踪落实。",
];
const HEADINGS: [&str; 4] =
    ["一、提高站位抓部署", "二、聚焦重点抓落实", "三、创新方式抓实效", "四、健全机制抓长效"];

/// The contributing unit of the county an article is about; 会同县 sends under two names
/// (the office's alias list merges them), and every fifth article also names the city.
pub fn unit_of(place: &str, seed: u64) -> String {
    if place == "会同县" && seed.is_multiple_of(2) {
        "会同县人大常委会办公室".to_owned()
    } else {
        format!("{place}人大常委会")
    }
}

/// A word planted at known places: (word, which issues hold it, article index, paragraph).
pub type Planted = (&'static str, fn(u32) -> bool, usize, usize);

/// The planted words; none of them occurs in the phrase lists above.
pub const PLANTED: [Planted; 4] = [
    // Three characters and more: through the trigram index.
    ("青山湖湿地保护", |issue| issue % 50 == 7, 2, 3),
    // Two characters: the scan.
    ("骊珠", |issue| issue % 97 == 3, 4, 6),
    // One character.
    ("甑", |issue| issue % 125 == 11, 0, 1),
    // Latin letters, planted in upper case and searched in lower case.
    ("GDP", |issue| issue % 100 == 42, 1, 0),
];

/// A small deterministic generator (64-bit LCG, Knuth's constants).
struct Seeded(u64);

impl Seeded {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }
}

/// Issue `index` (0-based, oldest first) of the archive.
pub fn issue(index: u32) -> Issue {
    let year = FIRST_YEAR + (index / PER_YEAR) as i32;
    let number = index % PER_YEAR + 1;
    // Two weeks apart from mid-January: every issue of a year falls in that year.
    let date = NaiveDate::from_ymd_opt(year, 1, 10).expect("valid date")
        + chrono::Duration::days(i64::from(number - 1) * 14);
    let mut random = Seeded(u64::from(index) * 7919 + 17);
    let articles = (0..ARTICLES_PER_ISSUE).map(|position| article(index, position, &mut random)).collect();
    Issue {
        kind: IssueKind::Regular,
        year,
        number,
        total_number: 300 + index,
        date,
        status: IssueStatus::Draft,
        editor_note: vec![],
        imprint: None,
        articles,
    }
}

fn article(issue: u32, position: usize, random: &mut Seeded) -> Article {
    let place = random.pick(&PLACES);
    let mut body = vec![];
    for paragraph in 0..PARAGRAPHS {
        if paragraph % 3 == 0 {
            body.push(Block::heading(1, HEADINGS[(paragraph / 3) % HEADINGS.len()]));
        }
        let mut text = String::new();
        for _ in 0..3 {
            text.push_str(random.pick(&OPENINGS));
            text.push_str(place);
            text.push_str(random.pick(&SUBJECTS));
            text.push_str(random.pick(&ACTIONS));
            text.push_str(random.pick(&RESULTS));
        }
        for (word, holds, at_article, at_paragraph) in PLANTED {
            if holds(issue) && position == at_article && paragraph == at_paragraph {
                text.push_str(&format!("会上还专题研究了{word}相关事项。"));
            }
        }
        body.push(Block::paragraph(&text));
    }
    let mut contributors = vec![unit_of(place, random.next())];
    if random.next().is_multiple_of(5) {
        contributors.push("怀化市人大常委会".into());
    }
    Article {
        title: vec![format!("{place}{}", random.pick(&ACTIVITIES))],
        body,
        contributors,
        ..Article::empty()
    }
}

/// Stores the whole archive in `store`; answers the publication and the issue ids, oldest first.
pub fn fill(store: &mut dyn Store) -> (Id, Vec<Id>) {
    let publication = store.create_publication(&Publication::lianluo_dongtai()).expect("publication");
    let ids = (0..ISSUES)
        .map(|index| store.create_issue(publication, &issue(index), "测试").expect("issue"))
        .collect();
    (publication, ids)
}
