//! 绩效目标表: the performance-target tables of the whole department and of each project.
//!
//! Every field read from the text keeps the span it came from. Optional fields are absent when
//! the table does not print them (a 部门整体 table has no 项目名称, many tables have no 上年完成值).

use crate::money::Money;
use crate::quantity::Quantity;
use crate::span::Spanned;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whose targets a table states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PerformanceKind {
    /// 部门整体绩效目标表.
    Department,
    /// 项目支出绩效目标表.
    #[default]
    Project,
}

/// How an indicator's value bounds the outcome: `＞=`, `≥`, `大于等于`, `不低于` are all `Ge`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// ≥
    Ge,
    /// ≤
    Le,
    /// =
    Eq,
    /// ＞
    Gt,
    /// ＜
    Lt,
}

impl Comparison {
    /// The sign as printed in a normalised form.
    pub fn sign(self) -> &'static str {
        match self {
            Comparison::Ge => "≥",
            Comparison::Le => "≤",
            Comparison::Eq => "=",
            Comparison::Gt => ">",
            Comparison::Lt => "<",
        }
    }
}

/// A target or an actual: a number with its unit (`38000人次`, `95%`, `13.50万元`) or, for
/// qualitative indicators, the words printed (`提高`, `解决`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetValue {
    /// A number and its unit word (`38000人次`, `95%`).
    Quantity(Quantity),
    /// Words (`提高`).
    Text(String),
}

impl TargetValue {
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            TargetValue::Quantity(q) => Some(q),
            TargetValue::Text(_) => None,
        }
    }
}

/// One row of the indicator grid (一级指标 / 二级指标 / 三级指标 …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Indicator {
    /// 一级指标: 产出指标, 成本指标, 效益指标, 满意度指标, 履职效能 …
    pub level1: Option<Spanned<String>>,
    /// 二级指标: 数量指标, 质量指标, 时效指标, 经济成本指标, 社会效益指标 …
    pub level2: Option<Spanned<String>>,
    /// 三级指标: the indicator's own name.
    pub level3: Option<Spanned<String>>,
    /// None for a qualitative value (`提高`) or a value printed without a sign.
    pub comparison: Option<Spanned<Comparison>>,
    /// 指标值.
    pub value: Option<Spanned<TargetValue>>,
    /// 指标值设置依据 / 指标设定依据.
    pub basis: Option<Spanned<String>>,
    /// 上年完成值.
    pub prior: Option<Spanned<TargetValue>>,
    /// 分值权重, exactly as printed.
    pub weight: Option<Spanned<Decimal>>,
    /// 指标赋分规则.
    pub scoring_rule: Option<Spanned<String>>,
    /// 佐证资料.
    pub evidence: Option<Spanned<String>>,
}

/// One line of a 部门整体 table's 资金来源 block (上级安排 / 本级安排 / 其他).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FundingSource {
    /// The source as printed (`本级安排`).
    pub source: Spanned<String>,
    /// Its amount.
    pub amount: Spanned<Money>,
}

/// One 绩效目标表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PerformanceTargets {
    /// 部门整体 or 项目.
    pub kind: PerformanceKind,
    /// The title line as printed (`项目支出绩效目标表`).
    pub title: Option<Spanned<String>>,
    /// From `（2024年）`.
    pub year: Option<Spanned<u16>>,
    /// 预算单位 / 部门名称.
    pub unit: Option<Spanned<String>>,
    /// 项目名称 (project tables).
    pub project: Option<Spanned<String>>,
    /// 项目负责人.
    pub owner: Option<Spanned<String>>,
    /// 部门联系人.
    pub contact: Option<Spanned<String>>,
    /// 联系电话.
    pub phone: Option<Spanned<String>>,
    /// 年度预算总额.
    pub budget_total: Option<Spanned<Money>>,
    /// 其中：财政拨款.
    pub budget_fiscal: Option<Spanned<Money>>,
    /// 其他资金.
    pub budget_other: Option<Spanned<Money>>,
    /// 上年结转: the carry-over part of the total (Shanghai's 年度资金申请总额 = 当年财政拨款 +
    /// 上年结转 + 其他资金).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_carry_over: Option<Spanned<Money>>,
    /// 资金来源 (部门整体 tables), in printed order.
    pub funding: Vec<FundingSource>,
    /// 项目总体目标 / 年度绩效目标.
    pub goal: Option<Spanned<String>>,
    /// The indicator grid, one entry per row, in printed order.
    pub indicators: Vec<Indicator>,
}

impl PerformanceTargets {
    /// The sum of the weights read (rows without a weight count nothing).
    pub fn weight_sum(&self) -> Decimal {
        self.indicators.iter().filter_map(|i| i.weight.as_ref()).map(|w| w.value).sum()
    }
}
