use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::LayoutProfile;

/// A bulletin title and everything that stays the same from issue to issue: who edits it,
/// how it is laid out, and the distribution footer. Typed once in settings, never per issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Publication {
    /// 报名, e.g. 联络动态.
    pub name: String,
    /// Editing units in the order they took over; the one in force on an issue's date is printed.
    pub editing_units: Vec<EditingUnit>,
    pub layout: LayoutProfile,
    pub footer: FooterSettings,
}

impl Publication {
    /// The editing unit in force on `date`: the latest one that took effect on or before it,
    /// or the earliest one for an issue older than all of them.
    pub fn editing_unit_on(&self, date: NaiveDate) -> Option<&EditingUnit> {
        self.editing_units
            .iter()
            .filter(|unit| unit.effective_from <= date)
            .max_by_key(|unit| unit.effective_from)
            .or_else(|| self.editing_units.iter().min_by_key(|unit| unit.effective_from))
    }

    /// The publication of the demo database and of a fresh `init`: 《联络动态》 as printed in 2025.
    pub fn lianluo_dongtai() -> Self {
        Publication {
            name: "联络动态".into(),
            editing_units: vec![EditingUnit {
                name: "湖南省人大常委会代表工作委员会".into(),
                effective_from: NaiveDate::from_ymd_opt(2018, 1, 1).expect("valid constant date"),
            }],
            layout: LayoutProfile::default(),
            footer: FooterSettings {
                recipients_label: RecipientsLabel::Song,
                recipients: [
                    "全国人大常委会代表工作委员会",
                    "办公厅研究室、新闻局、《中国人大》杂志社",
                    "省人大常委会主任会议（党组）成员",
                    "各省（区、市）人大常委会代表工作机构",
                    "省委组织部、省委宣传部",
                    "省人民政府办公厅",
                    "省监察委员会",
                    "省高级人民法院",
                    "省人民检察院",
                    "省人大常委会副秘书长",
                    "省人大各专门委员会",
                    "省人大常委会各办事机构、工作机构",
                    "省纪委省监委驻省人大机关纪检监察组",
                    "各市州、县市区人大常委会",
                ]
                .map(String::from)
                .to_vec(),
                responsible_editor: "汤建".into(),
                phone: "0731-85309319".into(),
                email: "hnrdlgwxrc@163.com".into(),
                approval_number: "湘党简准字〔2000〕第28号".into(),
                print_run: None,
            },
        }
    }
}

/// 编印单位 with the date it took over the bulletin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EditingUnit {
    pub name: String,
    pub effective_from: NaiveDate,
}

/// The 报尾 values, kept once so that every issue prints the same, correctly spelled footer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FooterSettings {
    pub recipients_label: RecipientsLabel,
    /// Receiving bodies in print order; the layout joins them with `，` and ends with `。`.
    pub recipients: Vec<String>,
    pub responsible_editor: String,
    pub phone: String,
    pub email: String,
    pub approval_number: String,
    /// 共印X份, printed only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub print_run: Option<u32>,
}

/// The label before the recipients: 送 (to peers and below), 报 (to superiors), 发 (to subordinates).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RecipientsLabel {
    Song,
    Bao,
    Fa,
}

impl RecipientsLabel {
    pub fn as_chinese(self) -> &'static str {
        match self {
            RecipientsLabel::Song => "送",
            RecipientsLabel::Bao => "报",
            RecipientsLabel::Fa => "发",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are valid")
    }

    #[test]
    fn editing_unit_on_picks_the_unit_in_force() {
        let mut publication = Publication::lianluo_dongtai();
        publication.editing_units = vec![
            EditingUnit { name: "旧单位".into(), effective_from: date(2010, 1, 1) },
            EditingUnit { name: "新单位".into(), effective_from: date(2020, 6, 1) },
        ];
        let name = |d| publication.editing_unit_on(d).map(|u| u.name.as_str());
        assert_eq!(name(date(2020, 5, 31)), Some("旧单位"));
        assert_eq!(name(date(2020, 6, 1)), Some("新单位"));
        assert_eq!(name(date(2001, 1, 1)), Some("旧单位"), "older issues get the first unit");
    }
}
