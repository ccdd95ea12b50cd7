//! The exchange format: an issue with its publication as one JSON document.
//!
//! Documented in src-tauri/EXCHANGE-FORMAT.md. `version` is bumped whenever a change would
//! make an older reader misread a file; readers upgrade older versions on load, so files
//! written by any earlier release stay readable.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Issue, Publication};

pub const EXCHANGE_FORMAT: &str = "jianbao-issue";
pub const EXCHANGE_VERSION: u32 = 3;
/// Version 2 added the issue's own `editorNote` and `imprint`; a file without them is still
/// written as version 1, which every earlier reader reads.
const FIRST_VERSION_WITH_IMPRINT: u32 = 2;
/// Version 3 added the articles' `fieldSuggestions` and `blockSuggestions`; a reader that did
/// not know them would refuse them as unknown fields instead of asking for an upgrade.
const FIRST_VERSION_WITH_STRUCTURE_SUGGESTIONS: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssueFile {
    pub format: String,
    pub version: u32,
    pub publication: Publication,
    pub issue: Issue,
}

#[derive(Debug, thiserror::Error)]
pub enum IssueFileError {
    #[error("不是有效的 JSON：{0}")]
    Syntax(serde_json::Error),
    #[error("这不是简报台的期刊文件（format 应为 \"{EXCHANGE_FORMAT}\"）")]
    WrongFormat,
    #[error("文件版本 {found} 比本程序支持的版本 {EXCHANGE_VERSION} 新，请升级简报台后再打开")]
    TooNew { found: u32 },
    #[error("期刊文件内容不完整或有误：{0}")]
    Content(serde_json::Error),
}

/// Just the envelope, read first so that a newer file is refused with the right message
/// instead of a confusing field error.
#[derive(Deserialize)]
struct Envelope {
    format: String,
    version: u32,
}

impl IssueFile {
    pub fn new(publication: Publication, issue: Issue) -> Self {
        let plain = issue.editor_note.is_empty() && issue.imprint.is_none();
        let structure =
            issue.articles.iter().any(|a| !a.field_suggestions.is_empty() || !a.block_suggestions.is_empty());
        let version = match (structure, plain) {
            (true, _) => FIRST_VERSION_WITH_STRUCTURE_SUGGESTIONS,
            (false, true) => 1,
            (false, false) => FIRST_VERSION_WITH_IMPRINT,
        };
        IssueFile { format: EXCHANGE_FORMAT.into(), version, publication, issue }
    }

    pub fn from_json(text: &str) -> Result<Self, IssueFileError> {
        let envelope: Envelope = serde_json::from_str(text).map_err(IssueFileError::Syntax)?;
        if envelope.format != EXCHANGE_FORMAT {
            return Err(IssueFileError::WrongFormat);
        }
        if envelope.version > EXCHANGE_VERSION {
            return Err(IssueFileError::TooNew { found: envelope.version });
        }
        // Versions 2 and 3 only added optional fields, so older files read as they are; upgrades of
        // older versions go here as they appear.
        serde_json::from_str(text).map_err(IssueFileError::Content)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("domain types serialize without failure")
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::{Article, Block};

    fn sample() -> IssueFile {
        let issue = Issue::sample(vec![Article {
            title: vec!["标题".into()],
            subtitle: None,
            byline: None,
            editor_note: vec![],
            body: vec![Block::paragraph("正文。")],
            contributors: vec![],
            source: None,
            field_suggestions: vec![],
            block_suggestions: vec![],
        }]);
        IssueFile::new(Publication::lianluo_dongtai(), issue)
    }

    #[test]
    fn round_trips_through_json() {
        let file = sample();
        assert_eq!(IssueFile::from_json(&file.to_json()).expect("own output reads back"), file);
    }

    #[test]
    fn a_file_is_version_1_unless_it_holds_an_issue_note_or_imprint() {
        let mut file = sample();
        assert_eq!(file.version, 1, "older readers can read it");
        file.issue.editor_note = vec![crate::domain::Inline::plain("本期按语。")];
        let file = IssueFile::new(file.publication, file.issue);
        assert_eq!(file.version, 2, "an older reader refuses it with the upgrade message");
        assert_eq!(IssueFile::from_json(&file.to_json()).expect("reads back"), file);
    }

    #[test]
    fn a_file_with_field_or_block_suggestions_is_version_3() {
        let mut issue = sample().issue;
        issue.articles[0].field_suggestions = vec![crate::domain::FieldSuggestion {
            change: crate::domain::FieldChange::Byline { text: "新署名".into() },
            id: 1,
            author: "汪校对".into(),
            at: "2026-12-02T08:00:00Z".into(),
        }];
        let file = IssueFile::new(sample().publication, issue);
        assert_eq!(file.version, 3, "a version 2 reader asks for an upgrade instead of failing on a field");
        assert_eq!(IssueFile::from_json(&file.to_json()).expect("reads back"), file);
    }

    #[test]
    fn refuses_a_newer_version_before_reading_fields() {
        let json = r#"{"format":"jianbao-issue","version":99,"whatever":1}"#;
        assert!(matches!(IssueFile::from_json(json), Err(IssueFileError::TooNew { found: 99 })));
    }

    #[test]
    fn refuses_other_json_documents() {
        let json = r#"{"format":"something-else","version":1}"#;
        assert!(matches!(IssueFile::from_json(json), Err(IssueFileError::WrongFormat)));
    }

    #[test]
    fn unknown_fields_are_errors_not_silently_dropped() {
        let text = sample().to_json().replace("\"subtitle\"", "\"subtitel\"");
        let with_typo = text.replacen("\"body\"", "\"bodie\"", 1);
        assert!(matches!(IssueFile::from_json(&with_typo), Err(IssueFileError::Content(_))));
    }
}
