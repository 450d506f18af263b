//! The budget data a finance officer keeps: one source of truth from which every figure of the
//! disclosure is computed. Read from TOML (see `examples/changji-hrss-2024/budget.toml`, annotated)
//! or from the Excel workbook `yusuan template` writes, into the same structure.
//!
//! Amounts are written as strings with their unit (`"114.33万元"`, `"1,143,300.00元"`, `"3500"` in
//! 元) so no amount ever passes through a floating-point number.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// Where the money of a line item comes from (资金来源).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// 一般公共预算拨款 (本级财力).
    GeneralBudget,
    /// 上级一般公共预算安排的转移支付.
    GeneralTransfer,
    /// 政府性基金预算拨款.
    GovernmentFund,
    /// 上级政府性基金安排的转移支付.
    GovernmentFundTransfer,
    /// 国有资本经营预算拨款.
    StateCapital,
    /// 上级国有资本经营预算安排的转移支付.
    StateCapitalTransfer,
    /// 财政专户核拨.
    SpecialAccount,
    /// 单位资金: 事业收入.
    BusinessIncome,
    /// 单位资金: 上级补助收入.
    UpperSubsidy,
    /// 单位资金: 附属单位上缴收入.
    AffiliateRemittance,
    /// 单位资金: 事业单位经营收入.
    OperatingIncome,
    /// 单位资金: 其他收入.
    OtherIncome,
    /// 上年结转: 一般公共预算拨款.
    CarryOverGeneral,
    /// 上年结转: 政府性基金预算拨款.
    CarryOverFund,
    /// 上年结转: 国有资本经营预算拨款.
    CarryOverCapital,
    /// 非财政拨款结转结余: 财政专户核拨.
    CarryOverSpecial,
    /// 非财政拨款结转结余: 单位资金.
    CarryOverUnit,
}

impl Source {
    /// 一般公共预算 money of the year (tables 5, 6, 7).
    pub fn is_general(self) -> bool {
        matches!(self, Source::GeneralBudget | Source::GeneralTransfer)
    }

    /// 财政拨款 of the year (table 4's income, the 三公 table).
    pub fn is_fiscal(self) -> bool {
        matches!(
            self,
            Source::GeneralBudget
                | Source::GeneralTransfer
                | Source::GovernmentFund
                | Source::GovernmentFundTransfer
                | Source::StateCapital
                | Source::StateCapitalTransfer
        )
    }

    pub fn is_unit_funds(self) -> bool {
        matches!(
            self,
            Source::BusinessIncome
                | Source::UpperSubsidy
                | Source::AffiliateRemittance
                | Source::OperatingIncome
                | Source::OtherIncome
        )
    }

    /// 政府性基金预算拨款 of the year (table 8).
    pub fn is_government_fund(self) -> bool {
        matches!(self, Source::GovernmentFund | Source::GovernmentFundTransfer)
    }

    /// 国有资本经营预算拨款 of the year (table 9).
    pub fn is_state_capital(self) -> bool {
        matches!(self, Source::StateCapital | Source::StateCapitalTransfer)
    }

    pub fn is_carry_over_fiscal(self) -> bool {
        matches!(self, Source::CarryOverGeneral | Source::CarryOverFund | Source::CarryOverCapital)
    }

    pub fn is_carry_over_non_fiscal(self) -> bool {
        matches!(self, Source::CarryOverSpecial | Source::CarryOverUnit)
    }

    /// The budget a fiscal source belongs to (table 4's columns): 0 general, 1 fund, 2 capital.
    pub fn fiscal_budget(self) -> Option<usize> {
        match self {
            Source::GeneralBudget | Source::GeneralTransfer | Source::CarryOverGeneral => Some(0),
            Source::GovernmentFund | Source::GovernmentFundTransfer | Source::CarryOverFund => Some(1),
            Source::StateCapital | Source::StateCapitalTransfer | Source::CarryOverCapital => Some(2),
            _ => None,
        }
    }
}

/// Basic spending (人员经费 / 公用经费) or a project (项目支出).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Personnel,
    Operating,
    Project,
}

/// One line item at the finest grain: functional item × economic item × source × basic or project.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineItem {
    /// 支出功能分类 项 (7 digits; spaces allowed: `208 01 01`).
    pub function: Spanned<String>,
    /// 部门预算支出经济分类 款 (5 digits: `30101`).
    pub econ: Spanned<String>,
    pub source: Spanned<Source>,
    pub kind: Spanned<Kind>,
    /// The project's name, for `kind = "project"`.
    #[serde(default)]
    pub project: Option<Spanned<String>>,
    /// The amount, with its unit: `"114.33万元"`, `"1,143,300.00元"`; a bare number is in 元.
    pub amount: Spanned<String>,
}

/// Staff counts and their change on last year.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffingData {
    /// 编制数.
    pub authorised: Option<u32>,
    /// 在职.
    pub in_service: Option<u32>,
    #[serde(default)]
    pub in_service_change: i64,
    /// 退休.
    pub retired: Option<u32>,
    #[serde(default)]
    pub retired_change: i64,
    /// 离休.
    pub separated: Option<u32>,
    #[serde(default)]
    pub separated_change: i64,
}

/// The department: who, when, what it does, how it is organised.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentData {
    pub name: String,
    pub year: u16,
    /// The date signed at the end, as printed (`2024年2月23日`).
    #[serde(default)]
    pub signed: Option<String>,
    /// 下属预算单位; empty: 无下属预算单位.
    #[serde(default)]
    pub units: Vec<String>,
    /// 主要职能, one per entry.
    #[serde(default)]
    pub duties: Vec<String>,
    /// 内设机构 (处室/科室), by name.
    #[serde(default)]
    pub divisions: Vec<String>,
    /// What the divisions are called (处室, 科室…).
    #[serde(default = "default_division_word")]
    pub division_word: String,
    #[serde(default)]
    pub staffing: StaffingData,
    /// 部门联系人 and 联系电话 for the department's performance table.
    #[serde(default)]
    pub contact: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

fn default_division_word() -> String {
    "处室".to_string()
}

/// One allocation item of a project (资金分配情况): a name and an amount, and when given, the
/// quantity and unit price it comes from (`50课时 × 3500元/课时`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllocationData {
    pub name: String,
    pub amount: Spanned<String>,
    /// Factors, in order, whose product is the amount: `["50课时", "3500元/课时"]`.
    #[serde(default)]
    pub factors: Vec<String>,
}

/// A project's description (the narrative's 项目情况).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectData {
    pub name: Spanned<String>,
    /// 设立的政策依据.
    #[serde(default)]
    pub basis: String,
    /// 项目承担单位 (the department when absent).
    #[serde(default)]
    pub executing_unit: Option<String>,
    /// 资金执行时间, as printed (`2024年1月1日--2024年12月31日`).
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub allocation: Vec<AllocationData>,
    /// 项目负责人 for its performance table.
    #[serde(default)]
    pub owner: Option<String>,
    /// 项目总体目标.
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub indicators: Vec<IndicatorData>,
}

/// One performance indicator (绩效指标).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorData {
    pub level1: String,
    pub level2: String,
    pub name: String,
    /// The target as printed with its comparison: `≥38000人次`, `≤13.5万元`, `提高`.
    pub value: String,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub prior: Option<String>,
    /// 分值权重, as a decimal string (`"15"`).
    pub weight: String,
    #[serde(default)]
    pub scoring_rule: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
}

/// The department's own performance targets (部门整体绩效目标表).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentTargets {
    #[serde(default)]
    pub goal: Option<String>,
    #[serde(default)]
    pub indicators: Vec<IndicatorData>,
}

/// 政府采购预算.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcurementData {
    #[serde(default)]
    pub goods: Option<Spanned<String>>,
    #[serde(default)]
    pub works: Option<Spanned<String>>,
    #[serde(default)]
    pub services: Option<Spanned<String>>,
    /// 面向中小企业预留.
    #[serde(default)]
    pub sme_reserved: Option<Spanned<String>>,
    /// 其中小微企业预留.
    #[serde(default)]
    pub small_micro_reserved: Option<Spanned<String>>,
}

/// One category of state assets held.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetData {
    pub name: String,
    #[serde(default)]
    pub count: Option<String>,
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub value: Option<Spanned<String>>,
    #[serde(default)]
    pub parts: Vec<AssetData>,
}

/// 国有资产占用使用情况.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetsData {
    /// `截至 2023年底`.
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub categories: Vec<AssetData>,
    /// Counts of large equipment: 单位价值50万元以上, 100万元以上.
    #[serde(default)]
    pub equipment_over_50: u32,
    #[serde(default)]
    pub equipment_over_100: u32,
}

/// The top-level sections and keys of [`BudgetData`], as its TOML spells them (a test keeps
/// them in step with the struct).
pub const SECTIONS: &[&str] =
    &["department", "items", "prior", "reasons", "uses", "names", "projects", "targets", "procurement", "assets"];

/// The whole input.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetData {
    pub department: DepartmentData,
    #[serde(default)]
    pub items: Vec<LineItem>,
    /// Last year's budget, keyed by what the narrative compares (see [`crate::keys`]):
    /// `general_budget`, `unit_funds`, `basic`, `project`, `function.2080101`,
    /// `three_public.reception`, `agency_running_costs`, … Amounts with their unit.
    #[serde(default)]
    pub prior: BTreeMap<String, Spanned<String>>,
    /// Why a figure changed, keyed like `prior` (主要原因是…).
    #[serde(default)]
    pub reasons: BTreeMap<String, Spanned<String>>,
    /// What a function class's money is mainly for (主要用于…), keyed `function.208`.
    #[serde(default)]
    pub uses: BTreeMap<String, Spanned<String>>,
    /// Names of codes the catalog in use lacks (`"2080101" = "行政运行"`): every code printed
    /// needs a name, and the shipped catalogs are partial.
    #[serde(default)]
    pub names: BTreeMap<String, String>,
    #[serde(default)]
    pub projects: Vec<ProjectData>,
    #[serde(default)]
    pub targets: DepartmentTargets,
    #[serde(default)]
    pub procurement: ProcurementData,
    #[serde(default)]
    pub assets: AssetsData,
}
