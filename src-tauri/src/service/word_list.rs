//! The office's word list for the proof checks: stored per publication as the text of the
//! list file, edited row by row in the settings screen, exported and imported by the CLI.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::proof::{DEFAULT_WORDS, WordEntry, WordList};
use crate::store::{Id, Store};

/// One entry as the settings screen edits it; `condition` is empty when there is none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WordRow {
    pub wrong: String,
    pub right: String,
    pub condition: String,
    pub explanation: String,
}

/// The list in use and whether the office changed it from the shipped one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WordListView {
    pub rows: Vec<WordRow>,
    pub customised: bool,
}

/// A row the office has to change before the list is stored (`row` counts from 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub row: u32,
    pub message: String,
}

/// Saving the list: stored, or refused with every row's problem (the screen keeps the rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "camelCase")]
pub enum WordListSaved {
    Saved { list: WordListView },
    Refused { problems: Vec<RowProblem> },
}

/// The list the checks of the publication's issues use: the office's, else the shipped one.
pub fn office_word_list(store: &dyn Store, publication_id: Id) -> Result<WordList, AppError> {
    let Some(text) = store.word_list_text(publication_id)? else { return Ok(WordList::shipped()) };
    // The stored text was checked when saved; a failure now is a damaged row, said as such.
    WordList::parse(&text).map_err(|e| AppError::new(crate::ErrorCode::CorruptData, format!("保存的{e}")))
}

pub fn word_list_view(store: &dyn Store) -> Result<WordListView, AppError> {
    let publication = store.default_publication_id()?;
    let customised = store.word_list_text(publication)?.is_some();
    let rows = office_word_list(store, publication)?.entries.iter().map(row_of).collect();
    Ok(WordListView { rows, customised })
}

/// Stores the rows as the office's list when every row is acceptable.
pub fn save_word_list(store: &mut dyn Store, rows: &[WordRow]) -> Result<WordListSaved, AppError> {
    let problems = row_problems(rows);
    if !problems.is_empty() {
        return Ok(WordListSaved::Refused { problems });
    }
    let text = list_text(rows);
    store.save_word_list_text(store.default_publication_id()?, &text)?;
    Ok(WordListSaved::Saved { list: word_list_view(store)? })
}

/// Stores a list file as the office's list; refused whole if a line is malformed.
pub fn import_word_list(store: &mut dyn Store, text: &str) -> Result<WordListView, AppError> {
    WordList::parse(text).map_err(|e| AppError::invalid(e.to_string()))?;
    store.save_word_list_text(store.default_publication_id()?, text)?;
    word_list_view(store)
}

/// The office's list as a file, comments included; the shipped file when it has none.
pub fn export_word_list(store: &dyn Store) -> Result<String, AppError> {
    let publication = store.default_publication_id()?;
    Ok(store.word_list_text(publication)?.unwrap_or_else(|| DEFAULT_WORDS.to_owned()))
}

/// Back to the list shipped with the program.
pub fn reset_word_list(store: &mut dyn Store) -> Result<WordListView, AppError> {
    store.reset_word_list(store.default_publication_id()?)?;
    word_list_view(store)
}

/// Each row checked by the list file's own rules, so the screen and a file agree.
pub fn row_problems(rows: &[WordRow]) -> Vec<RowProblem> {
    let mut problems = Vec::new();
    for (index, row) in rows.iter().enumerate() {
        let fields = [&row.wrong, &row.right, &row.condition, &row.explanation];
        let message = if fields.iter().any(|field| field.contains(['\t', '\n', '\r'])) {
            Some("各栏中不能有制表符或换行，请删去".to_owned())
        } else if row.wrong.trim_start().starts_with('#') {
            Some("错误写法不能以 # 开头（# 表示注释行）".to_owned())
        } else {
            WordList::parse(&line_of(row)).err().map(|e| format!("{}，请补全或改正", e.problem))
        };
        if let Some(message) = message {
            problems
                .push(RowProblem {
                    row: index as u32, message: format!("第 {} 条：{message}", index + 1)
                });
        }
    }
    problems
}

fn row_of(entry: &WordEntry) -> WordRow {
    WordRow {
        wrong: entry.wrong.clone(),
        right: entry.right.clone(),
        condition: entry.condition.clone().unwrap_or_default(),
        explanation: entry.explanation.clone(),
    }
}

fn line_of(row: &WordRow) -> String {
    [&row.wrong, &row.right, &row.condition, &row.explanation].map(|f| f.trim()).join("\t")
}

fn list_text(rows: &[WordRow]) -> String {
    let mut text = String::from("# 简报台校对用词表（办公室修改过）：错误写法\t正确写法\t条件\t说明\n");
    for row in rows {
        text.push_str(&line_of(row));
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(wrong: &str, right: &str, explanation: &str) -> WordRow {
        WordRow {
            wrong: wrong.into(),
            right: right.into(),
            condition: String::new(),
            explanation: explanation.into(),
        }
    }

    #[test]
    fn rows_are_checked_one_by_one_with_their_number() {
        let rows = [
            row("其它", "其他", "说明"),
            row("甲", "甲", "说明"),
            row("乙", "", "说明"),
            row("丙\t", "丁", "说明"),
        ];
        let problems = row_problems(&rows);
        let rows_named: Vec<_> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows_named, [1, 2, 3]);
        assert!(problems[0].message.starts_with("第 2 条：错误写法与正确写法相同"), "{:?}", problems[0]);
        assert!(problems[1].message.contains("不能空"));
    }

    #[test]
    fn saved_rows_read_back_as_the_same_list() {
        let rows = vec![
            row("其它", "其他", "说明"),
            WordRow {
                condition: "代表".into(), ..row("行使权利", "行使职权", "代表行使职权")
            },
        ];
        let list = WordList::parse(&list_text(&rows)).expect("the written text parses");
        assert_eq!(list.entries.iter().map(row_of).collect::<Vec<_>>(), rows);
    }
}
