//! 国有资产占用使用情况: the state assets a department holds.

use crate::money::Money;
use crate::quantity::Quantity;
use crate::span::{Span, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What the narrative states of state assets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StateAssets {
    /// The date the holdings are stated at, as printed (`2023年底`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Spanned<String>>,
    /// Holdings by category (房屋, 车辆, 办公家具, 土地, 通用设备 …), in printed order.
    pub categories: Vec<AssetCategory>,
    /// Large equipment held, by unit-value threshold (`单位价值 50万元以上大型设备 0台`).
    pub large_equipment: Vec<EquipmentCount>,
    /// What this year's budget arranges (or does not) to buy.
    pub purchase_plans: Vec<PurchasePlan>,
    /// The passage read, if one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

impl StateAssets {
    /// The category of a name (`车辆`), if stated.
    pub fn category(&self, name: &str) -> Option<&AssetCategory> {
        self.categories.iter().find(|c| c.name.value == name)
    }
}

/// A category of assets and what is said of it; `parts` are its `其中` breakdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AssetCategory {
    /// The category as printed (`房屋`, `车辆`, `一般公务用车`).
    pub name: Spanned<String>,
    /// How many (`2辆`, `15台`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Spanned<Quantity>>,
    /// How large (`24.66平方米`, `3亩`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<Spanned<Quantity>>,
    /// 价值.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Spanned<Money>>,
    /// Its `其中` breakdown, in printed order.
    pub parts: Vec<AssetCategory>,
}

impl AssetCategory {
    pub fn part(&self, name: &str) -> Option<&AssetCategory> {
        self.parts.iter().find(|c| c.name.value == name)
    }
}

/// Equipment above a unit value: `单位价值 100万元以上大型设备 0台`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct EquipmentCount {
    /// What is counted (`大型设备`).
    pub name: Spanned<String>,
    /// The unit value it is above (`100万元`).
    pub unit_value_over: Spanned<Money>,
    /// How many (`0台`).
    pub count: Spanned<Quantity>,
}

/// A purchase the budget arranges or states it does not: `未安排购置车辆经费`,
/// `安排购置 50万元以上大型设备 0台`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PurchasePlan {
    /// The clause as printed.
    pub text: Spanned<String>,
    /// What is (or is not) bought (`车辆`, `大型设备`).
    pub subject: Spanned<String>,
    /// False when the text says it is not arranged (`未安排`).
    pub arranged: bool,
    /// The unit value it is above (`50万元`), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value_over: Option<Spanned<Money>>,
    /// How many, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Spanned<Quantity>>,
    /// The amount arranged, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Spanned<Money>>,
}
