//! `search TEXT [--year Y] [--unit U] [--json]`: every article of every issue holding the
//! text, newest issue first, each with the piece of text around the first match.

use std::io::Write;

use clap::Args;

use super::session::Session;
use super::{output_error, print};
use crate::api::SearchArticles;
use crate::error::AppError;
use crate::service::{SearchHit, SearchRequest, SearchResults};

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// 要查找的文字（按原样查找，不必分词；一两个字如“人大”也可以）
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// 只查这一年的期刊
    #[arg(long)]
    pub year: Option<i32>,
    /// 只查这个供稿单位的文章（名称的一部分即可；别名表中算作同一单位的名称一并查）
    #[arg(long)]
    pub unit: Option<String>,
    /// 最多列出多少篇（默认 100，最多 500）
    #[arg(long)]
    pub limit: Option<u32>,
    /// 以 JSON 输出
    #[arg(long)]
    pub json: bool,
}

/// Marks a match in the printed snippet; brackets rarely used in bulletins themselves.
const MARK: (char, char) = ('〖', '〗');

pub fn run(args: SearchArgs, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    let request = SearchRequest { text: args.text, year: args.year, unit: args.unit, limit: args.limit };
    let results = session.call::<SearchArticles>(request)?;
    if args.json {
        return print::json(out, &results);
    }
    out.write_all(results_text(&results).as_bytes()).map_err(output_error)
}

fn results_text(results: &SearchResults) -> String {
    let mut text = match (results.total, results.hits.len() as u32) {
        (0, _) => format!("没有找到含有“{}”的文章。\n", results.query),
        (total, shown) if shown < total => {
            format!(
                "找到 {total} 篇文章含有“{}”，列出最新的 {shown} 篇（可用 --limit 调整）：\n",
                results.query
            )
        }
        (total, _) => format!("找到 {total} 篇文章含有“{}”：\n", results.query),
    };
    if !results.units.is_empty() {
        text.push_str(&format!("供稿单位：{}\n", results.units.join("、")));
    }
    for hit in &results.hits {
        text.push_str(&hit_text(hit));
    }
    text
}

fn hit_text(hit: &SearchHit) -> String {
    let place = match hit.part {
        crate::proof::Part::Body => format!("正文第 {} 段", hit.block + 1),
        _ => hit.part_label.clone(),
    };
    let more = if hit.matching_texts > 1 {
        format!("（全文 {} 段含有）", hit.matching_texts)
    } else {
        String::new()
    };
    format!(
        "\n{}{} {}  期刊 {} 文章 {}\n  {}\n  {place}{more}：{}\n",
        hit.issue_label,
        hit.total_label,
        hit.date_label,
        hit.issue_id,
        hit.article_id,
        hit.article_title,
        hit.snippet.marked(MARK.0, MARK.1)
    )
}
