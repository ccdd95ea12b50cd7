//! `issue …` and `publication …`: the issue list, each issue's masthead and the settings.

use std::io::Write;

use super::args::{IssueCommand, PublicationCommand};
use super::session::Session;
use super::{output_error, print, read_text};
use crate::api::{
    ById, CreateIssue, CreateIssueRequest, DumpIssue, GetIssue, GetPublication, ListIssues, LoadIssue,
    LoadIssueRequest, NoArgs, SaveSettings, SaveSettingsRequest,
};
use crate::error::AppError;
use crate::service::{NewIssueRequest, SettingsSaved};

pub fn run_issue(command: IssueCommand, session: &mut Session, out: &mut dyn Write) -> Result<(), AppError> {
    match command {
        IssueCommand::New { kind, date, number, total } => {
            let request = NewIssueRequest { kind: kind.into(), date, number, total_number: total };
            let view = session.call::<CreateIssue>(CreateIssueRequest { request })?;
            writeln!(out, "{}", view.id).map_err(output_error)?;
            print::issue(out, &view)
        }
        IssueCommand::List => print::issue_list(out, session.call::<ListIssues>(NoArgs {})?),
        IssueCommand::Show { id, json } => {
            let view = session.call::<GetIssue>(ById { id })?;
            if json { print::json(out, &view) } else { print::issue(out, &view) }
        }
        IssueCommand::Load { file } => {
            let json = read_text(&file)?;
            let view = session.call::<LoadIssue>(LoadIssueRequest { json })?;
            writeln!(out, "{}", view.id).map_err(output_error)?;
            print::issue(out, &view)
        }
        IssueCommand::Dump { id } => {
            let file = session.call::<DumpIssue>(ById { id })?;
            writeln!(out, "{}", file.to_json()).map_err(output_error)
        }
    }
}

pub fn run_publication(
    command: PublicationCommand,
    session: &mut Session,
    out: &mut dyn Write,
) -> Result<(), AppError> {
    match command {
        PublicationCommand::Show { json } => {
            print::publication(out, &session.call::<GetPublication>(NoArgs {})?, json)
        }
        PublicationCommand::Set(changes) => {
            let mut publication = session.call::<GetPublication>(NoArgs {})?.publication;
            changes.apply(&mut publication)?;
            match session.call::<SaveSettings>(SaveSettingsRequest { publication })? {
                SettingsSaved::Saved { publication } => print::publication(out, &publication, false),
                // The settings screen shows every problem beside its field; a command line says the first.
                SettingsSaved::Refused { problems } => {
                    Err(AppError::invalid(problems.into_iter().next().map(|p| p.message).unwrap_or_default()))
                }
            }
        }
    }
}
