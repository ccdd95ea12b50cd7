//! The archive: search across every issue and the 供稿 statistics, for any logged-in account;
//! the alias list the counts merge names by, changed by administrators (like the word list).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Bytes, Command, Env, NoArgs, Permission};
use crate::archive::UnitAlias;
use crate::error::AppError;
use crate::fonts::FontSet;
use crate::service::{
    self, ArchiveStats, SearchRequest, SearchResults, StatsRequest, UnitAliasSaved, UnitAliasView,
};

#[derive(Debug)]
pub struct SearchArticles;
impl Command for SearchArticles {
    const NAME: &'static str = "search_articles";
    const WHAT: &'static str = "查找文章";
    const MAY: Permission = Permission::Read;
    type Request = SearchRequest;
    type Response = SearchResults;
    fn run(env: &mut Env, request: SearchRequest) -> Result<SearchResults, AppError> {
        service::search_articles(env.store, &request)
    }
}

#[derive(Debug)]
pub struct GetArchiveStats;
impl Command for GetArchiveStats {
    const NAME: &'static str = "get_archive_stats";
    const WHAT: &'static str = "查看统计";
    const MAY: Permission = Permission::Read;
    type Request = StatsRequest;
    type Response = ArchiveStats;
    fn run(env: &mut Env, request: StatsRequest) -> Result<ArchiveStats, AppError> {
        let fonts = publication_fonts(env)?;
        service::archive_stats(env.store, &fonts, request.year)
    }
}

/// The statistics as an .xlsx file, with the name to save it under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatsWorkbook {
    pub file_name: String,
    pub xlsx: Bytes,
}

#[derive(Debug)]
pub struct ExportStatsWorkbook;
impl Command for ExportStatsWorkbook {
    const NAME: &'static str = "export_stats_workbook";
    const WHAT: &'static str = "导出统计表";
    const MAY: Permission = Permission::Read;
    type Request = StatsRequest;
    type Response = StatsWorkbook;
    fn run(env: &mut Env, request: StatsRequest) -> Result<StatsWorkbook, AppError> {
        let fonts = publication_fonts(env)?;
        let stats = service::archive_stats(env.store, &fonts, request.year)?;
        let file_name = match request.year {
            Some(year) => format!("供稿统计-{year}年.xlsx"),
            None => "供稿统计-历年.xlsx".to_owned(),
        };
        Ok(StatsWorkbook { file_name, xlsx: Bytes(service::stats_workbook(&stats)?) })
    }
}

#[derive(Debug)]
pub struct GetUnitAliases;
impl Command for GetUnitAliases {
    const NAME: &'static str = "get_unit_aliases";
    const WHAT: &'static str = "查看供稿单位别名表";
    const MAY: Permission = Permission::Read;
    type Request = NoArgs;
    type Response = UnitAliasView;
    fn run(env: &mut Env, _: NoArgs) -> Result<UnitAliasView, AppError> {
        service::unit_alias_view(env.store)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SaveUnitAliasesRequest {
    pub rows: Vec<UnitAlias>,
}

#[derive(Debug)]
pub struct SaveUnitAliases;
impl Command for SaveUnitAliases {
    const NAME: &'static str = "save_unit_aliases";
    const WHAT: &'static str = "修改供稿单位别名表";
    const MAY: Permission = Permission::Administer;
    type Request = SaveUnitAliasesRequest;
    type Response = UnitAliasSaved;
    fn run(env: &mut Env, request: SaveUnitAliasesRequest) -> Result<UnitAliasSaved, AppError> {
        service::save_unit_aliases(env.store, &request.rows)
    }
}

/// The fonts the publication's issues are set in, for counting their pages.
fn publication_fonts(env: &Env) -> Result<std::sync::Arc<FontSet>, AppError> {
    let publication = env.store.publication(env.store.default_publication_id()?)?;
    env.fonts.fonts(&publication.layout.fonts)
}
