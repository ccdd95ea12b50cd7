//! 打印: an issue's PDF sent to a printer on this computer. The PDF is the same one export
//! makes, made wherever the issue is (this computer's database or the office server); the
//! job goes to this computer's print service, as printing is the client's business.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::proof_round_of;
use crate::api::{ById, ExportPdf, ExportPdfRequest, GetIssue};
use crate::client::Backend;
use crate::domain::IssueStatus;
use crate::error::AppError;
use crate::printing::{self, PrintJob, PrintOptions, PrintService};
use crate::store::Id;

/// What the 打印 dialog (or `jianbao-cli print`) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IssuePrintRequest {
    pub issue_id: Id,
    /// `None` prints on the default printer.
    pub printer: Option<String>,
    pub copies: u32,
    pub duplex: bool,
    /// A proof of this round; `None` prints what the issue's state calls for (see `printed_round`).
    pub proof_round: Option<u8>,
}

/// The job and what was printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PrintedIssue {
    pub job: PrintJob,
    /// `Some(round)`: a proof of that round was printed; `None`: the final.
    pub proof_round: Option<u8>,
    pub page_count: u32,
}

/// Before sign-off the proof of the round the issue is in (a draft prints as round 1), after
/// it the final: what is printed is what the issue is at.
pub fn printed_round(status: IssueStatus, asked: Option<u8>) -> Result<Option<u8>, AppError> {
    match (status, asked) {
        (IssueStatus::SignedOff, Some(_)) => {
            Err(AppError::invalid("本期已签发，只能打印正式版（去掉 --proof）；如需再出校样，请先撤销签发。"))
        }
        (IssueStatus::SignedOff, None) => Ok(None),
        (_, Some(round)) => Ok(Some(round)),
        (status, None) => Ok(Some(proof_round_of(status).unwrap_or(1))),
    }
}

/// Exports the issue's PDF through `backend` and prints it with `service`.
pub fn print_issue(
    backend: &mut dyn Backend,
    service: &PrintService,
    request: &IssuePrintRequest,
) -> Result<PrintedIssue, AppError> {
    let issue = backend.call::<GetIssue>(ById { id: request.issue_id })?;
    let proof_round = printed_round(issue.status, request.proof_round)?;
    let export = ExportPdfRequest { issue_id: request.issue_id, proof_round, timestamp: None };
    let exported = backend.call::<ExportPdf>(export)?;
    let mut title = format!("{} {}年{}", issue.publication_name, issue.year, issue.issue_label);
    if let Some(round) = proof_round {
        title.push_str(&format!(" 校样（第{round}轮）"));
    }
    let options = PrintOptions {
        printer: request.printer.clone(),
        copies: request.copies,
        duplex: request.duplex,
        title,
    };
    let job = printing::print_pdf(service, &exported.pdf.0, &options)?;
    Ok(PrintedIssue { job, proof_round, page_count: exported.page_count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_sign_off_the_proof_of_the_current_round_is_printed() {
        assert_eq!(printed_round(IssueStatus::Draft, None).ok(), Some(Some(1)));
        assert_eq!(printed_round(IssueStatus::SecondProof, None).ok(), Some(Some(2)));
        assert_eq!(printed_round(IssueStatus::AwaitingSignOff, None).ok(), Some(Some(3)));
        assert_eq!(printed_round(IssueStatus::FirstProof, Some(2)).ok(), Some(Some(2)));
    }

    #[test]
    fn after_sign_off_the_final_is_printed_and_a_proof_is_refused() {
        assert_eq!(printed_round(IssueStatus::SignedOff, None).ok(), Some(None));
        let refused =
            printed_round(IssueStatus::SignedOff, Some(1)).expect_err("a signed-off issue has no proof");
        assert!(refused.message.contains("撤销签发"));
    }
}
