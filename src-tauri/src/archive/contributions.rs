//! 供稿 counts: how many articles each contributing unit gave, per year or per quarter of one
//! year. An article with several units (`（甲、乙 供稿）`) counts once for each of them; two
//! names the office merged (`AliasList`) on one article count once for their unit.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::AliasList;
use crate::store::Id;

/// One unit named on one article's attribution line, with the date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub article_id: Id,
    pub date: NaiveDate,
    pub unit: String,
}

/// A column of the table: a year, or a quarter of one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub year: i32,
    /// 1 to 4; `None` for the whole year.
    pub quarter: Option<u8>,
    /// `2025年` or `2025年第三季度`
    pub label: String,
}

/// A row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitCount {
    pub unit: String,
    /// The names printed on the articles counted here, when more than the unit's own.
    pub names: Vec<String>,
    /// Articles per period, in the order of `ContributionTable::periods`.
    pub counts: Vec<u32>,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ContributionTable {
    pub periods: Vec<Period>,
    /// Most articles first; equal counts by name.
    pub units: Vec<UnitCount>,
    /// Articles with at least one contributing unit.
    pub articles: u32,
}

/// Counts `rows` per unit: per quarter of `year` if given (rows of other years left out),
/// else per year found.
pub fn count_contributions(
    rows: &[Contribution],
    aliases: &AliasList,
    year: Option<i32>,
) -> ContributionTable {
    let rows: Vec<&Contribution> =
        rows.iter().filter(|row| year.is_none_or(|y| row.date.year() == y)).collect();
    let periods: Vec<Period> = match year {
        Some(year) => (1..=4).map(|quarter| quarter_period(year, quarter)).collect(),
        None => {
            let years: BTreeSet<i32> = rows.iter().map(|row| row.date.year()).collect();
            years.into_iter().map(year_period).collect()
        }
    };
    let column = |date: NaiveDate| -> usize {
        let wanted = match year {
            Some(_) => (date.year(), Some(quarter_of(date))),
            None => (date.year(), None),
        };
        periods
            .iter()
            .position(|p: &Period| (p.year, p.quarter) == wanted)
            .expect("every row's period is listed")
    };
    // unit → (article → column), so an article counts once per unit.
    let mut articles_of: BTreeMap<&str, BTreeMap<Id, usize>> = BTreeMap::new();
    let mut names_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for row in &rows {
        let unit = aliases.unit_of(&row.unit);
        articles_of.entry(unit).or_default().insert(row.article_id, column(row.date));
        names_of.entry(unit).or_default().insert(&row.unit);
    }
    let mut units: Vec<UnitCount> = articles_of
        .into_iter()
        .map(|(unit, articles)| {
            let mut counts = vec![0; periods.len()];
            for column in articles.values() {
                counts[*column] += 1;
            }
            let names = &names_of[unit];
            let names = if names.len() == 1 && names.contains(unit) {
                vec![]
            } else {
                names.iter().map(|name| (*name).to_owned()).collect()
            };
            UnitCount { unit: unit.to_owned(), names, total: counts.iter().sum(), counts }
        })
        .collect();
    units.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.unit.cmp(&b.unit)));
    let articles = rows.iter().map(|row| row.article_id).collect::<BTreeSet<_>>().len() as u32;
    ContributionTable { periods, units, articles }
}

fn quarter_of(date: NaiveDate) -> u8 {
    (date.month0() / 3 + 1) as u8
}

fn year_period(year: i32) -> Period {
    Period { year, quarter: None, label: format!("{year}年") }
}

fn quarter_period(year: i32, quarter: u8) -> Period {
    let numeral = ["一", "二", "三", "四"][usize::from(quarter - 1)];
    Period { year, quarter: Some(quarter), label: format!("{year}年第{numeral}季度") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::UnitAlias;

    fn row(article_id: Id, date: (i32, u32, u32), unit: &str) -> Contribution {
        let date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("valid date");
        Contribution { article_id, date, unit: unit.into() }
    }

    fn rows() -> Vec<Contribution> {
        vec![
            row(1, (2024, 3, 31), "会同县人大常委会"),
            row(2, (2024, 4, 1), "会同县人大常委会办公室"),
            row(2, (2024, 4, 1), "怀化市人大常委会"),
            row(3, (2024, 12, 30), "会同县人大常委会"),
            row(3, (2024, 12, 30), "会同县人大常委会办公室"),
            row(4, (2025, 1, 6), "怀化市人大常委会"),
        ]
    }

    fn merged() -> AliasList {
        AliasList::new(&[UnitAlias {
            alias: "会同县人大常委会办公室".into(),
            unit: "会同县人大常委会".into(),
        }])
    }

    #[test]
    fn years_are_the_columns_when_no_year_is_asked() {
        let table = count_contributions(&rows(), &merged(), None);
        let labels: Vec<_> = table.periods.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2024年", "2025年"]);
        let counts: Vec<_> =
            table.units.iter().map(|u| (u.unit.as_str(), u.counts.clone(), u.total)).collect();
        assert_eq!(
            counts,
            [("会同县人大常委会", vec![3, 0], 3), ("怀化市人大常委会", vec![1, 1], 2)],
            "article 3 names both forms of 会同县 and counts once"
        );
        assert_eq!(table.units[0].names, ["会同县人大常委会", "会同县人大常委会办公室"]);
        assert!(table.units[1].names.is_empty(), "one name, the unit's own");
        assert_eq!(table.articles, 4);
    }

    #[test]
    fn quarters_of_the_year_asked_are_the_columns() {
        let table = count_contributions(&rows(), &merged(), Some(2024));
        let labels: Vec<_> = table.periods.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels, ["2024年第一季度", "2024年第二季度", "2024年第三季度", "2024年第四季度"]);
        assert_eq!(table.units[0].counts, [1, 1, 0, 1], "31 March is the first quarter, 1 April the second");
        assert_eq!(table.units[1].counts, [0, 1, 0, 0], "the 2025 article is not in 2024");
        assert_eq!(table.articles, 3);
    }

    #[test]
    fn without_the_alias_the_two_names_are_two_units() {
        let table = count_contributions(&rows(), &AliasList::default(), None);
        let totals: Vec<_> = table.units.iter().map(|u| (u.unit.as_str(), u.total)).collect();
        assert_eq!(
            totals,
            [("会同县人大常委会", 2), ("会同县人大常委会办公室", 2), ("怀化市人大常委会", 2)],
            "equal counts are ordered by name"
        );
    }
}
