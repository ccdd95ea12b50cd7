//! The office's alias list for the 供稿 counts, edited in the settings screen as rows (like
//! the word list) and by the CLI as a file of `别名<Tab>统一为` lines.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::RowProblem;
use crate::archive::{UnitAlias, alias_problems};
use crate::error::AppError;
use crate::store::Store;

/// The list and, to pick from, every unit name found on the articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UnitAliasView {
    pub rows: Vec<UnitAlias>,
    pub units: Vec<String>,
}

/// Saving the list: stored, or refused with every row's problem (the screen keeps the rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum UnitAliasSaved {
    Saved { list: UnitAliasView },
    Refused { problems: Vec<RowProblem> },
}

pub fn unit_alias_view(store: &dyn Store) -> Result<UnitAliasView, AppError> {
    let publication = store.default_publication_id()?;
    Ok(UnitAliasView {
        rows: store.unit_aliases(publication)?,
        units: store.contributing_units(publication)?,
    })
}

/// Stores the rows, trimmed, when every one of them is acceptable.
pub fn save_unit_aliases(store: &mut dyn Store, rows: &[UnitAlias]) -> Result<UnitAliasSaved, AppError> {
    let rows: Vec<UnitAlias> = rows
        .iter()
        .map(|row| UnitAlias { alias: row.alias.trim().to_owned(), unit: row.unit.trim().to_owned() })
        .collect();
    let problems = alias_problems(&rows);
    if !problems.is_empty() {
        let problems = problems.into_iter().map(|(row, message)| RowProblem { row, message }).collect();
        return Ok(UnitAliasSaved::Refused { problems });
    }
    store.save_unit_aliases(store.default_publication_id()?, &rows)?;
    Ok(UnitAliasSaved::Saved { list: unit_alias_view(store)? })
}

/// The list as a file: one `别名<Tab>统一为` line per row, after a comment line.
pub fn alias_file_text(rows: &[UnitAlias]) -> String {
    let mut text = String::from("# 简报台供稿单位别名表：别名\t统一为\n");
    for row in rows {
        text.push_str(&format!("{}\t{}\n", row.alias, row.unit));
    }
    text
}

/// Reads a list file; blank lines and `#` comments are skipped. A line without a tab is
/// refused whole, naming its number.
pub fn parse_alias_file(text: &str) -> Result<Vec<UnitAlias>, AppError> {
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((alias, unit)) = line.split_once('\t') else {
            return Err(AppError::invalid(format!(
                "别名表第 {} 行没有制表符：每行写“别名<Tab>统一为”，例如“会同县人大办\t会同县人大常委会”",
                index + 1
            )));
        };
        rows.push(UnitAlias { alias: alias.trim().to_owned(), unit: unit.trim().to_owned() });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_reads_back_as_the_rows_it_was_written_from() {
        let rows = vec![
            UnitAlias { alias: "会同县人大办".into(), unit: "会同县人大常委会".into() },
            UnitAlias {
                alias: "靖州人大".into(), unit: "靖州苗族侗族自治县人大常委会".into()
            },
        ];
        assert_eq!(parse_alias_file(&alias_file_text(&rows)).expect("parses"), rows);
    }

    #[test]
    fn a_line_without_a_tab_is_refused_by_its_number() {
        let error = parse_alias_file("# 注释\n\n甲\t乙\n丙 丁\n").expect_err("no tab on line 4");
        assert!(error.message.contains("第 4 行"), "{}", error.message);
    }
}
