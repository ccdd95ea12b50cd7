//! The office's list of unit names that count as one unit in the 供稿 statistics: each row
//! names a variant (an older name, a longer form) and the unit it counts as, so that
//! 会同县人大常委会办公室 is counted with 会同县人大常委会 where the office says so, and nowhere else.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One row of the list: `alias` counts as `unit`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitAlias {
    pub alias: String,
    pub unit: String,
}

/// The list, ready to answer which unit a name counts as.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AliasList {
    unit_of: HashMap<String, String>,
}

impl AliasList {
    /// The list from rows that passed `alias_problems`.
    pub fn new(rows: &[UnitAlias]) -> AliasList {
        AliasList { unit_of: rows.iter().map(|row| (row.alias.clone(), row.unit.clone())).collect() }
    }

    /// The unit `name` counts as: its row's unit, else the name itself.
    pub fn unit_of<'a>(&'a self, name: &'a str) -> &'a str {
        self.unit_of.get(name).map_or(name, String::as_str)
    }

    /// Every name that counts as the same unit as `name` (itself included).
    pub fn names_counted_with<'a>(&'a self, name: &'a str, names: &'a [String]) -> Vec<&'a str> {
        let unit = self.unit_of(name);
        names.iter().map(String::as_str).filter(|other| self.unit_of(other) == unit).collect()
    }
}

/// Each row checked, numbered from 1 as the settings screen shows them. A variant is listed
/// once; a unit is not itself a variant of another (a chain would count it twice over).
pub fn alias_problems(rows: &[UnitAlias]) -> Vec<(u32, String)> {
    let aliases: Vec<&str> = rows.iter().map(|row| row.alias.trim()).collect();
    let mut problems = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let (alias, unit) = (row.alias.trim(), row.unit.trim());
        let message = if alias.is_empty() || unit.is_empty() {
            Some("别名和统一后的单位都不能空，请补全或删去这一行".to_owned())
        } else if alias == unit {
            Some(format!("“{alias}”与统一后的单位相同，这一行不起作用，请删去"))
        } else if aliases[..index].contains(&alias) {
            Some(format!("“{alias}”已在前面列过，一个名称只能统一为一个单位，请删去重复的一行"))
        } else if aliases.contains(&unit) {
            Some(format!("“{unit}”本身也被列为别名；请把这一行直接统一为“{unit}”最终对应的单位"))
        } else {
            None
        };
        if let Some(message) = message {
            problems.push((index as u32, format!("第 {} 行：{message}", index + 1)));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(alias: &str, unit: &str) -> UnitAlias {
        UnitAlias { alias: alias.into(), unit: unit.into() }
    }

    #[test]
    fn a_listed_name_counts_as_its_unit_and_others_as_themselves() {
        let list = AliasList::new(&[row("会同县人大常委会办公室", "会同县人大常委会")]);
        assert_eq!(list.unit_of("会同县人大常委会办公室"), "会同县人大常委会");
        assert_eq!(list.unit_of("会同县人大常委会"), "会同县人大常委会");
        assert_eq!(list.unit_of("会同县人民政府"), "会同县人民政府", "not listed: not merged");
    }

    #[test]
    fn names_counted_together_are_found_from_either_side() {
        let list = AliasList::new(&[row("会同县人大办", "会同县人大常委会")]);
        let names =
            vec!["会同县人大常委会".to_owned(), "会同县人大办".to_owned(), "靖州县人大常委会".to_owned()];
        assert_eq!(list.names_counted_with("会同县人大办", &names), ["会同县人大常委会", "会同县人大办"]);
        assert_eq!(list.names_counted_with("靖州县人大常委会", &names), ["靖州县人大常委会"]);
    }

    #[test]
    fn rows_that_would_count_wrongly_are_refused_with_their_number() {
        let rows = [
            row("甲县人大办", "甲县人大常委会"),
            row("甲县人大办", "乙县人大常委会"),
            row("丙", "丙"),
            row("", "丁"),
            row("戊县人大办", "甲县人大办"),
        ];
        let problems = alias_problems(&rows);
        let numbered: Vec<u32> = problems.iter().map(|(row, _)| *row).collect();
        assert_eq!(numbered, [1, 2, 3, 4]);
        assert!(problems[0].1.starts_with("第 2 行：“甲县人大办”已在前面列过"), "{:?}", problems[0]);
        assert!(problems[3].1.contains("本身也被列为别名"), "{:?}", problems[3]);
        assert!(alias_problems(&rows[..1]).is_empty());
    }
}
