//! Part 1 部门概况: duties, organisation, staffing.

use crate::span::Spanned;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 部门概况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Overview {
    /// The department named in the part heading (`2024年…部门概况`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Spanned<String>>,
    /// The year named in the part heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Spanned<u16>>,
    /// 主要职能, in order.
    pub duties: Vec<Duty>,
    /// 机构设置.
    pub organisation: Organisation,
    /// 人员情况.
    pub staffing: Staffing,
}

/// One duty (`（三）组织实施…`), its text joined across wrapped lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Duty {
    /// The printed number (`（三）` is 3); `None` when the duties are not numbered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The duty, wrapped lines joined.
    pub text: Spanned<String>,
}

/// 机构设置: subordinate budget units and internal divisions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Organisation {
    /// The statement that there are no subordinate units, as printed (`无下属预算单位`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_subordinate_units: Option<Spanned<String>>,
    /// The declared number of subordinate units (`下属预算单位 3个`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subordinate_unit_count: Option<Spanned<u32>>,
    /// The subordinate units listed, in printed order.
    pub subordinate_units: Vec<Spanned<String>>,
    /// The declared number of internal divisions (`下设 5个处室`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_count: Option<Spanned<u32>>,
    /// What the divisions are called there (`处室`, `科室`, `内设机构`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub division_word: Option<String>,
    /// The divisions listed (`分别是：综合科、…`).
    pub divisions: Vec<Spanned<String>>,
}

/// 人员情况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Staffing {
    /// 编制数.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorised: Option<Spanned<u32>>,
    /// 实有人数.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<Spanned<u32>>,
    /// The parts listed after `其中`: 在职, 退休, 离休 …
    pub parts: Vec<StaffPart>,
}

/// Which group of people a part counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StaffKind {
    /// 在职.
    InService,
    /// 退休.
    Retired,
    /// 离休 (retired cadres of before 1949).
    RetiredCadre,
    /// Any other label.
    Other,
}

impl StaffKind {
    pub fn from_label(label: &str) -> StaffKind {
        if label.contains("离休") {
            StaffKind::RetiredCadre
        } else if label.contains("退休") {
            StaffKind::Retired
        } else if label.contains("在职") {
            StaffKind::InService
        } else {
            StaffKind::Other
        }
    }
}

/// One part of the staff (`在职 24人，增加 6人`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StaffPart {
    /// The group counted.
    pub kind: StaffKind,
    /// The label as printed (`在职`).
    pub label: Spanned<String>,
    /// How many people.
    pub count: Spanned<u32>,
    /// The change on last year, signed (`增加 6人` is +6, `减少 2人` is −2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Spanned<i64>>,
}
