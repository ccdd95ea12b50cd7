//! The publication's settings and the office's word list: everyone reads them, administrators
//! change them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Command, Env, NoArgs, Permission};
use crate::domain::Publication;
use crate::error::AppError;
use crate::service::{
    self, FontFamilies, PublicationView, SettingsSaved, WordListSaved, WordListView, WordRow,
};

#[derive(Debug)]
pub struct GetPublication;
impl Command for GetPublication {
    const NAME: &'static str = "get_publication";
    const WHAT: &'static str = "查看刊物设置";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = PublicationView;
    fn run(env: &mut Env, _: NoArgs) -> Result<PublicationView, AppError> {
        service::publication_view(env.store)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveSettingsRequest {
    pub publication: Publication,
}

#[derive(Debug)]
pub struct SaveSettings;
impl Command for SaveSettings {
    const NAME: &'static str = "save_settings";
    const WHAT: &'static str = "修改刊物设置";
    const MAY: Permission = Permission::Administer;
    type Request = SaveSettingsRequest;
    type Response = SettingsSaved;
    fn run(env: &mut Env, request: SaveSettingsRequest) -> Result<SettingsSaved, AppError> {
        service::save_settings(env.store, &request.publication)
    }
}

/// The fonts of the machine that lays the issue out (the server's, in an office).
#[derive(Debug)]
pub struct ListFontFamilies;
impl Command for ListFontFamilies {
    const NAME: &'static str = "list_font_families";
    const WHAT: &'static str = "查看字体";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = FontFamilies;
    fn run(_: &mut Env, _: NoArgs) -> Result<FontFamilies, AppError> {
        Ok(service::font_families())
    }
}

#[derive(Debug)]
pub struct GetWordList;
impl Command for GetWordList {
    const NAME: &'static str = "get_word_list";
    const WHAT: &'static str = "查看用词表";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = WordListView;
    fn run(env: &mut Env, _: NoArgs) -> Result<WordListView, AppError> {
        service::word_list_view(env.store)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveWordListRequest {
    pub rows: Vec<WordRow>,
}

#[derive(Debug)]
pub struct SaveWordList;
impl Command for SaveWordList {
    const NAME: &'static str = "save_word_list";
    const WHAT: &'static str = "修改用词表";
    const MAY: Permission = Permission::Administer;
    type Request = SaveWordListRequest;
    type Response = WordListSaved;
    fn run(env: &mut Env, request: SaveWordListRequest) -> Result<WordListSaved, AppError> {
        service::save_word_list(env.store, &request.rows)
    }
}

#[derive(Debug)]
pub struct ResetWordList;
impl Command for ResetWordList {
    const NAME: &'static str = "reset_word_list";
    const WHAT: &'static str = "恢复默认用词表";
    const MAY: Permission = Permission::Administer;
    type Request = NoArgs;
    type Response = WordListView;
    fn run(env: &mut Env, _: NoArgs) -> Result<WordListView, AppError> {
        service::reset_word_list(env.store)
    }
}

/// `{ text }`: a word list file's content.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct WordListText {
    pub text: String,
}

#[derive(Debug)]
pub struct ImportWordList;
impl Command for ImportWordList {
    const NAME: &'static str = "import_word_list";
    const WHAT: &'static str = "导入用词表";
    const MAY: Permission = Permission::Administer;
    type Request = WordListText;
    type Response = WordListView;
    fn run(env: &mut Env, request: WordListText) -> Result<WordListView, AppError> {
        service::import_word_list(env.store, &request.text)
    }
}

#[derive(Debug)]
pub struct ExportWordList;
impl Command for ExportWordList {
    const NAME: &'static str = "export_word_list";
    const WHAT: &'static str = "导出用词表";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = WordListText;
    fn run(env: &mut Env, _: NoArgs) -> Result<WordListText, AppError> {
        Ok(WordListText { text: service::export_word_list(env.store)? })
    }
}
