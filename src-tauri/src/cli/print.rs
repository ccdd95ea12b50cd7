//! What the CLI prints: the masthead as it will be printed, lists and JSON.

use std::io::Write;

use serde::Serialize;

use super::output_error;
use crate::error::AppError;
use crate::service::{IssueView, PublicationView};
use crate::store::IssueSummary;

pub fn issue(out: &mut dyn Write, view: &IssueView) -> Result<(), AppError> {
    let mut text = format!(
        "{}\n{}\n{}\n{}　　{}\n状态：{}\n",
        view.publication_name,
        view.issue_label,
        view.total_label,
        view.editing_unit_line,
        view.date_label,
        view.status_label
    );
    if view.articles.is_empty() {
        text.push_str("（尚无文章）\n");
    }
    for (index, article) in view.articles.iter().enumerate() {
        text.push_str(&format!("{}. {}（{}字）\n", index + 1, article.title, article.han_count));
    }
    for warning in &view.warnings {
        text.push_str(&format!("提示：{warning}\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

pub fn issue_list(out: &mut dyn Write, issues: Vec<IssueSummary>) -> Result<(), AppError> {
    let mut text = String::new();
    if issues.is_empty() {
        text.push_str("（还没有期刊，可用 issue new 新建）\n");
    }
    for issue in issues {
        text.push_str(&format!(
            "{}\t{}年{}\t总第{}期\t{}\t{}\t{}篇\t{}\n",
            issue.id,
            issue.year,
            crate::numbering::issue_label(issue.kind, issue.number),
            issue.total_number,
            crate::numbering::format_masthead_date(issue.date),
            issue.status.as_chinese(),
            issue.article_count,
            issue.first_title.unwrap_or_default(),
        ));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

pub fn publication(out: &mut dyn Write, view: &PublicationView, as_json: bool) -> Result<(), AppError> {
    if as_json {
        return json(out, &view.publication);
    }
    let p = &view.publication;
    let footer = &p.footer;
    let mut text = format!("报名：{}\n", p.name);
    for unit in &p.editing_units {
        text.push_str(&format!(
            "编印单位：{}（自{}起）\n",
            unit.name,
            crate::numbering::format_masthead_date(unit.effective_from)
        ));
    }
    text.push_str(&format!(
        "{}：{}。\n责任编辑：{}\n联系电话：{}\n电子邮箱：{}\n批准文号：{}\n",
        footer.recipients_label.as_chinese(),
        footer.recipients.join("，"),
        footer.responsible_editor,
        footer.phone,
        footer.email,
        footer.approval_number
    ));
    if let Some(run) = footer.print_run {
        text.push_str(&format!("印数：共印{run}份\n"));
    }
    out.write_all(text.as_bytes()).map_err(output_error)
}

pub fn json(out: &mut dyn Write, value: &impl Serialize) -> Result<(), AppError> {
    let text = serde_json::to_string_pretty(value).expect("views serialize without failure");
    writeln!(out, "{text}").map_err(output_error)
}
