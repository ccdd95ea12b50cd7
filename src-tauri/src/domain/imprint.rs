//! What a back issue printed itself, where it differs from today's settings: its editing unit
//! and its distribution footer. An issue imported from the archive keeps these, so that it
//! prints (and is counted) as it was published, not with today's masthead and footer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{FooterSettings, RecipientsLabel};

/// The editing unit and footer as printed on one issue. Every field is what was found;
/// a field left out was not printed or not read, and the publication's setting stands in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssueImprint {
    /// `湖南省人大常委会代表联络工作委员会` of `…编` on the masthead, without the `编`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub editing_unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub footer: Option<PrintedFooter>,
}

/// A distribution footer (报尾) field by field, as far as it could be read from the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PrintedFooter {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recipients_label: Option<RecipientsLabel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<_>")]
    pub recipients: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub responsible_editor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub approval_number: Option<String>,
}

impl PrintedFooter {
    /// The footer to print: what this issue printed, and `settings` for what it did not.
    pub fn over(&self, settings: &FooterSettings) -> FooterSettings {
        let or = |found: &Option<String>, setting: &String| found.clone().unwrap_or_else(|| setting.clone());
        FooterSettings {
            recipients_label: self.recipients_label.unwrap_or(settings.recipients_label),
            recipients: if self.recipients.is_empty() {
                settings.recipients.clone()
            } else {
                self.recipients.clone()
            },
            responsible_editor: or(&self.responsible_editor, &settings.responsible_editor),
            phone: or(&self.phone, &settings.phone),
            email: or(&self.email, &settings.email),
            approval_number: or(&self.approval_number, &settings.approval_number),
            print_run: settings.print_run,
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == PrintedFooter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Publication;

    #[test]
    fn a_printed_footer_wins_field_by_field_over_the_settings() {
        let settings = Publication::lianluo_dongtai().footer;
        let printed = PrintedFooter {
            recipients: vec!["省人大常委会各委员".into()],
            responsible_editor: Some("李文".into()),
            ..PrintedFooter::default()
        };
        let footer = printed.over(&settings);
        assert_eq!(footer.recipients, ["省人大常委会各委员"]);
        assert_eq!(footer.responsible_editor, "李文");
        assert_eq!(footer.phone, settings.phone, "not printed on the old issue: the setting stands in");
        assert_eq!(footer.approval_number, settings.approval_number);
    }
}
