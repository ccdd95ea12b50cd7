//! The distribution footer (报尾) of an old issue, read so that it can be compared with the
//! publication's settings. An old footer never overwrites the settings.

use super::punctuation::{QuoteState, inline_edits};
use crate::domain::{FooterSettings, RecipientsLabel};

/// What an old issue's footer said, field by field, as far as it could be read; kept on the
/// issue as its imprint (see `crate::domain::IssueImprint`).
pub use crate::domain::PrintedFooter as FooterFound;

/// Labels that start a footer entry; a footer line without one goes on from the line above.
const ENTRY_LABELS: [&str; 16] = [
    "送：",
    "送:",
    "报：",
    "报:",
    "发：",
    "发:",
    "抄送",
    "责任编辑",
    "编辑：",
    "联系",
    "电话",
    "邮箱",
    "地址",
    "批准文号",
    "印数",
    "共印",
];

/// Whether a line starts the footer: `送：`, `报：`, `发：`, `抄送：` or `责任编辑`.
pub fn starts_footer(line: &str) -> bool {
    let line = line.trim_start_matches('*');
    ["送：", "送:", "报：", "报:", "发：", "发:", "抄送", "责任编辑"]
        .iter()
        .any(|label| line.starts_with(label))
}

/// The footer's entries: printed lines joined where an entry was wrapped (a line that starts
/// with no label goes on from the one above, as the recipients of a printed footer do).
pub fn footer_entries(lines: &[String]) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        let labelled = ENTRY_LABELS.iter().any(|label| line.trim_start_matches('*').starts_with(label));
        match entries.last_mut() {
            Some(last) if !labelled => last.push_str(line),
            _ => entries.push(line.to_owned()),
        }
    }
    entries
}

pub fn parse_footer(lines: &[String]) -> FooterFound {
    let mut found = FooterFound::default();
    for line in &footer_entries(lines) {
        let line = normalise(line);
        let (label, rest) = split_label(&line);
        match label {
            Some(label @ ("送" | "报" | "发" | "抄送")) => {
                found.recipients_label = Some(match label {
                    "报" => RecipientsLabel::Bao,
                    "发" => RecipientsLabel::Fa,
                    _ => RecipientsLabel::Song,
                });
                found.recipients = split_recipients(rest);
            }
            _ => read_contacts(&line, &mut found),
        }
    }
    found
}

/// The differences between an old footer and the settings, as messages for the editor.
pub fn footer_differences(found: &FooterFound, settings: &FooterSettings) -> Vec<String> {
    let mut differences = Vec::new();
    let mut compare = |what: &str, old: Option<&str>, current: &str| {
        if let Some(old) = old.filter(|old| *old != current) {
            differences.push(format!("{what}：旧刊为“{old}”，刊物设置为“{current}”（设置未改动）"));
        }
    };
    compare("责任编辑", found.responsible_editor.as_deref(), &settings.responsible_editor);
    compare("联系电话", found.phone.as_deref(), &settings.phone);
    compare("电子邮箱", found.email.as_deref(), &settings.email);
    compare("批准文号", found.approval_number.as_deref(), &settings.approval_number);
    if let Some(label) = found.recipients_label.filter(|label| *label != settings.recipients_label) {
        compare("报送标签", Some(label.as_chinese()), settings.recipients_label.as_chinese());
    }
    if !found.recipients.is_empty() && found.recipients != settings.recipients {
        compare("报送单位", Some(&found.recipients.join("，")), &settings.recipients.join("，"));
    }
    differences
}

/// The footer text with the cleanup's safe punctuation changes and without `**`.
fn normalise(line: &str) -> String {
    let line = line.replace("**", "");
    let mut chars: Vec<char> = line.chars().collect();
    let edits = inline_edits(&line, &mut QuoteState::default());
    for edit in edits.iter().rev().filter(|e| e.safe) {
        chars.splice(edit.start..edit.end, edit.after.chars());
    }
    chars.into_iter().collect::<String>().replace(['[', '［'], "〔").replace([']', '］'], "〕")
}

fn split_label(line: &str) -> (Option<&str>, &str) {
    match line.split_once('：') {
        Some((label, rest)) if ["送", "报", "发", "抄送"].contains(&label) => (Some(label), rest),
        _ => (None, line),
    }
}

/// Recipients are separated by `，` outside parentheses (`各省（区、市）` is one body).
fn split_recipients(text: &str) -> Vec<String> {
    let text = text.trim().trim_end_matches('。');
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '（' => depth += 1,
            '）' => depth -= 1,
            _ => {}
        }
        if c == '，' && depth <= 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts.into_iter().map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect()
}

fn read_contacts(line: &str, found: &mut FooterFound) {
    if let Some(editor) = field_after(line, "责任编辑：") {
        let editor = editor.split("联系").next().unwrap_or_default().replace(char::is_whitespace, "");
        found.responsible_editor = (!editor.is_empty()).then_some(editor);
    }
    if let Some(contact) = field_after(line, "联系方式：").or_else(|| field_after(line, "联系电话："))
    {
        let phone: String = contact
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '－'))
            .map(|c| if c.is_ascii_digit() { c } else { '-' })
            .collect();
        found.phone = (!phone.is_empty()).then_some(phone);
    }
    if let Some(at) = line.find('@') {
        let email_char = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
        let start = line[..at]
            .rfind(|c: char| !email_char(c))
            .map_or(0, |i| i + line[i..].chars().next().map_or(1, char::len_utf8));
        let end = line[at + 1..].find(|c: char| !email_char(c)).map_or(line.len(), |i| at + 1 + i);
        found.email = Some(line[start..end].to_owned());
    }
    if let Some(number) = field_after(line, "批准文号：") {
        found.approval_number = Some(number.replace(char::is_whitespace, ""));
    }
}

fn field_after<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    line.find(label).map(|at| line[at + label.len()..].trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Publication;

    #[test]
    fn wrapped_footer_lines_are_joined_to_their_entry() {
        let lines = [
            "送：省人大常委会各委员，各市州人大常委会，省直有关",
            "单位。",
            "责任编辑：李文　　联系电话：0731-8888888",
        ]
        .map(String::from);
        let found = parse_footer(&lines);
        assert_eq!(found.recipients, ["省人大常委会各委员", "各市州人大常委会", "省直有关单位"]);
        assert_eq!(found.responsible_editor.as_deref(), Some("李文"));
        assert_eq!(
            footer_entries(&["报：省委".into(), "发：各县".into()]).len(),
            2,
            "labelled lines stay apart"
        );
    }

    #[test]
    fn reads_a_half_width_footer_and_reports_the_misspelt_email() {
        let lines = [
            "送:全国人大常委会代表工作委员会,省人大常委会主任会议(党组)成员,各省(区、市)人大常委会代表工作机构。",
            "责任编辑:汤 建 联系方式:0731—85309319 hnrldgwxrc@163.com 批准文号:湘党简准字[2000]第 28 号",
        ]
        .map(String::from);
        let found = parse_footer(&lines);
        assert_eq!(found.recipients_label, Some(RecipientsLabel::Song));
        assert_eq!(
            found.recipients,
            [
                "全国人大常委会代表工作委员会",
                "省人大常委会主任会议（党组）成员",
                "各省（区、市）人大常委会代表工作机构"
            ]
        );
        assert_eq!(found.responsible_editor.as_deref(), Some("汤建"));
        assert_eq!(found.phone.as_deref(), Some("0731-85309319"));
        assert_eq!(found.email.as_deref(), Some("hnrldgwxrc@163.com"));
        assert_eq!(found.approval_number.as_deref(), Some("湘党简准字〔2000〕第28号"));
        let settings = Publication::lianluo_dongtai().footer;
        let differences = footer_differences(&found, &settings);
        assert!(
            differences.iter().any(|d| d.starts_with("电子邮箱") && d.contains("hnrldgwxrc")),
            "{differences:?}"
        );
        assert!(
            !differences.iter().any(|d| d.starts_with("联系电话") || d.starts_with("批准文号")),
            "{differences:?}"
        );
    }
}
