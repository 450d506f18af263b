//! Part 3 情况说明: every figure the narrative states, as a typed fact.
//!
//! A [`Fact`] is one statement: *subject* (what the figure is of), *amount*, optional *count*,
//! *share* (占 X%), *change* against last year (比上年预算增加 X 万元，增长 Y%) and *reason*
//! (主要原因是… / 主要用于…), or an *absent* statement (…未安排, 无…). Facts point back at the
//! [`Section`] they were read in, and at the fact they are a part of (其中 / 包括).

use crate::assets::StateAssets;
use crate::catalog::Code;
use crate::money::Money;
use crate::project::ProjectDescription;
use crate::quantity::Quantity;
use crate::rate::Rate;
use crate::span::{Span, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where the money comes from (收入来源).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundSource {
    /// 一般公共预算（拨款）.
    GeneralBudget,
    /// 上级一般公共预算安排的转移支付资金.
    GeneralTransfer,
    /// 政府性基金预算（拨款）.
    GovernmentFund,
    /// 上级政府性基金安排的转移支付资金.
    GovernmentFundTransfer,
    /// 国有资本经营预算（拨款）.
    StateCapital,
    /// 上级国有资本经营预算安排的转移支付资金.
    StateCapitalTransfer,
    /// 财政专户管理资金.
    SpecialAccount,
    /// 单位资金.
    UnitFunds,
    /// 财政拨款 (all three fiscal budgets together).
    FiscalAppropriation,
}

/// Which carry-over (结转结余).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CarryOver {
    /// 上年结转结余, all of it.
    All,
    /// 财政拨款结转（结余）.
    Fiscal,
    /// 非财政拨款结转结余.
    NonFiscal,
}

/// 基本支出 and its two parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basic {
    /// 基本支出 itself.
    Total,
    /// 人员经费.
    Personnel,
    /// 公用经费.
    Operating,
}

/// “三公”经费 and its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThreePublic {
    /// “三公”经费 as a whole.
    Total,
    /// 因公出国（境）费.
    Overseas,
    /// 公务用车购置及运行（维护）费, both together.
    Vehicle,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行（维护）费.
    VehicleOperation,
    /// 公务接待费.
    Reception,
}

/// 政府采购 and its parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Procurement {
    /// 政府采购 as a whole.
    Total,
    /// 货物.
    Goods,
    /// 工程.
    Works,
    /// 服务.
    Services,
    /// 面向中小企业预留.
    SmeReserved,
    /// 其中小微企业预留 / 预留给小微企业.
    SmallMicroReserved,
}

/// Which performance targets a count is of (预算绩效目标).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PerformanceScope {
    /// 部门整体绩效目标.
    Department,
    /// 财政拨款项目.
    FiscalProjects,
    /// 非财政拨款项目.
    NonFiscalProjects,
}

/// A functional-classification item as the text names it: class, section and item names as
/// written, and the code when written or resolvable from the names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FunctionItem {
    /// 类 name as written.
    pub class: String,
    /// 款 name as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// 项 name as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The code of the deepest level named, when written (`（208类）`) or found in the catalog.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
}

/// What a fact is a figure of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// 收支总预算.
    TotalBudget,
    /// 收入预算 (all income).
    TotalIncome,
    /// 支出预算 (all expenditure).
    TotalExpenditure,
    /// A source of funds (收入来源).
    Source(FundSource),
    /// 上年结转结余.
    CarryOver(CarryOver),
    /// A carry-over item by name (`考务费`).
    CarryOverItem(String),
    /// 基本支出 or one of its parts.
    Basic(Basic),
    /// 项目支出.
    Project,
    /// A functional-classification item (类/款/项).
    Function(FunctionItem),
    /// “三公”经费 or one of its parts.
    ThreePublic(ThreePublic),
    /// 机关运行经费.
    AgencyRunningCosts,
    /// 政府采购 or one of its parts.
    Procurement(Procurement),
    /// How many performance targets were set, and for how much.
    PerformanceTargets(PerformanceScope),
    /// A figure whose subject the lexicon does not know: the subject phrase as written.
    Other(String),
}

/// What the section a fact sits in talks about, from its heading (and refined by the fact's
/// own words, `机关运行经费财政拨款预算`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// 全口径: every source of funds.
    AllFunds,
    /// 财政拨款.
    FiscalAppropriation,
    /// 一般公共预算.
    GeneralBudget,
    /// 一般公共预算当年拨款.
    GeneralBudgetCurrentYear,
    /// 政府性基金预算.
    GovernmentFund,
    /// 国有资本经营预算.
    StateCapital,
    /// The heading does not say (a pasted fragment, 其他重要事项).
    Unspecified,
}

/// The topic of a section, from its heading: how its words are to be read (财政拨款 in a
/// carry-over section is the fiscal carry-over).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// 收支总体.
    Overall,
    /// 收入.
    Income,
    /// 支出.
    Expenditure,
    /// 财政拨款收支总体.
    FiscalOverall,
    /// 一般公共预算当年拨款.
    CurrentYear,
    /// 基本支出.
    BasicExpenditure,
    /// 项目支出.
    ProjectExpenditure,
    /// 政府性基金预算.
    GovernmentFund,
    /// 国有资本经营预算.
    StateCapital,
    /// “三公”经费.
    ThreePublic,
    /// 上年结转结余.
    CarryOver,
    /// 机关（单位）运行经费.
    AgencyRunningCosts,
    /// 政府采购.
    Procurement,
    /// 国有资产占用.
    StateAssets,
    /// 预算绩效.
    Performance,
    /// Project descriptions (项目名称：…), read by the project reader.
    Projects,
    /// Anything else (其他重要事项, 其他需说明的事项).
    Other,
}

/// A numbered heading of the narrative (`三、 关于…支出预算情况说明`, `（一）…`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// The number as printed, without punctuation: `十一`, or `一` for `（一）`.
    pub number: String,
    /// 1 for `一、`, 2 for `（一）`.
    pub level: u8,
    /// The enclosing section, for a sub-section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The title as printed, wrapped lines joined.
    pub title: String,
    /// Whose money the section talks about.
    pub scope: Scope,
    /// What the section talks about.
    pub topic: Topic,
    /// The heading.
    pub span: Span,
}

/// Whether a year-on-year change goes up or down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加, 增长, 上升.
    Increase,
    /// 减少, 下降.
    Decrease,
    /// 持平, 无增减, 无变化.
    Flat,
}

/// A change against last year: `比上年预算增加 54.84万元，增长 8.30%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct YoyChange {
    /// The change as an amount, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Spanned<Money>>,
    /// Up, down or flat.
    pub direction: Direction,
    /// The word as written before the amount (增加, 减少, 持平), or before the rate when no
    /// amount is given.
    pub direction_word: String,
    /// The change as a percentage, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<Spanned<Rate>>,
    /// The word as written before the rate (增长, 下降, 增幅).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate_word: Option<String>,
    /// What it is compared with, as written (`比上年预算`, `同比`, `与上年相比`); empty when a
    /// part's change inherits its total's comparison (`其中：因公出国（境）费增加…`).
    pub compared_with: String,
    /// The whole comparison.
    pub span: Span,
}

/// `占 68.11%`, `占总支出的 35.5%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Share {
    /// The percentage as printed.
    pub rate: Spanned<Rate>,
    /// The base as written (`总支出`), when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// The fact the share is of: the section's total when no base is written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of_fact: Option<usize>,
}

/// Why a reason was given: 主要原因是… or 主要用于….
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// 主要原因是…: why the figure changed.
    Cause,
    /// 主要用于…: what the money is for.
    Use,
}

/// A list of names the text gives (`收入预算包括：一般公共预算、单位资金…`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Listing {
    /// The word that heads it: 包括, 主要包括, 其中.
    pub word: String,
    /// Whether the text claims the list is whole (包括) or not (其中, 主要包括, 等).
    pub complete: bool,
    /// The names, in printed order.
    pub names: Vec<Spanned<String>>,
}

/// Which budget a final-accounts figure is set against (部门决算: 预算数 against 决算数).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    /// 年初预算: the budget as passed.
    YearStart,
    /// 全年预算 / 调整后预算: the budget after the year's adjustments.
    FullYear,
    /// 预算数 without saying which.
    Unspecified,
}

/// A budgeted amount a final-accounts figure is compared with: `年初预算为 1560.05万元`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BudgetFigure {
    /// Which budget.
    pub kind: BudgetKind,
    /// The words as written (`年初预算`, `全年预算`, `预算数`).
    pub word: String,
    /// The amount.
    pub amount: Spanned<Money>,
}

/// `完成年初预算的 98.20%`, `完成全年预算数的 98.69%`, `完成预算的 0%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Completion {
    /// The rate as printed.
    pub rate: Spanned<Rate>,
    /// Which budget the text says it is of.
    pub of: BudgetKind,
    /// The words as written (`完成年初预算的`).
    pub word: String,
}

/// How the actual compares with the budget, in the text's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// 大于, 高于, 超过.
    Greater,
    /// 小于, 低于.
    Less,
    /// 持平, 等于, 一致.
    Equal,
}

/// `决算数小于全年预算数的主要原因：…`, `决算数与预算数基本持平`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct VersusBudget {
    /// What the text says.
    pub relation: Relation,
    /// `基本持平`: equal only roughly.
    pub roughly: bool,
    /// Which budget it names.
    pub of: BudgetKind,
    /// The statement as written, up to the budget word (`决算数小于预算数`).
    pub words: String,
    /// The reason given for it, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Spanned<String>>,
    /// The statement.
    pub span: Span,
}

/// What a stated prior-year figure is: Shanghai's items say `2023年当年预算执行数为 54.60万元`,
/// others `上年预算数为…`, `上年决算数为…`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PriorBasis {
    /// 上年预算（数）.
    Budget,
    /// 上年（预算）执行数.
    Executed,
    /// 上年决算（数）.
    FinalAccounts,
}

/// A prior-year figure the text states outright, which a change (`比2023年预算执行数减少
/// 1.39%`) is measured from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PriorFigure {
    /// Which figure of last year.
    pub basis: PriorBasis,
    /// The year it names, when written (`2023年当年预算执行数`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// The words as written (`2023年当年预算执行数`).
    pub word: String,
    /// The amount.
    pub amount: Spanned<Money>,
}

/// One statement of the narrative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Fact {
    /// What the figure is of.
    pub subject: Subject,
    /// Whose money (from the section, refined by the fact's own words).
    pub scope: Scope,
    /// The amount stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Spanned<Money>>,
    /// A count stated with the subject (`绩效目标 1个`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<Spanned<Quantity>>,
    /// `占 X%`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// The change against last year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<YoyChange>,
    /// Last year's figure, when the text states it (`2023年当年预算执行数为 54.60万元`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior: Option<PriorFigure>,
    /// The reason or use given, as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Spanned<String>>,
    /// Whether `reason` is a cause (主要原因是) or a use (主要用于).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_kind: Option<ReasonKind>,
    /// What the money is for (主要用于…), when the text also gives a cause, which is then the
    /// `reason` (`…主要用于人员经费。…增加 3.84%。主要原因是：根据实际支出。`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Spanned<String>>,
    /// The text says there is none (`…未安排`, `无政府性基金预算拨款`).
    pub absent: bool,
    /// The names the text lists with it (`包括：…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listing: Option<Listing>,
    /// Final accounts: the budgets the actual is set against (`年初预算为 X，全年预算为 Y`). The
    /// actual (`支出决算为 Z`) is the fact's `amount`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budgets: Vec<BudgetFigure>,
    /// Final accounts: `完成年初预算的 X%`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<Completion>,
    /// Final accounts: `决算数小于预算数的主要原因：…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versus_budget: Option<VersusBudget>,
    /// The subject phrase as written.
    pub phrase: String,
    /// The fact this one is a part of (其中 / 包括).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The innermost section it was read in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
    /// The statement, from its subject to its last figure.
    pub span: Span,
}

impl Fact {
    /// A fact with only its subject.
    pub fn new(subject: Subject, scope: Scope, phrase: impl Into<String>, span: Span) -> Self {
        Fact {
            subject,
            scope,
            amount: None,
            count: None,
            share: None,
            change: None,
            prior: None,
            reason: None,
            reason_kind: None,
            purpose: None,
            absent: false,
            listing: None,
            budgets: Vec::new(),
            completion: None,
            versus_budget: None,
            phrase: phrase.into(),
            parent: None,
            section: None,
            span,
        }
    }
}

/// 情况说明.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Narrative {
    /// The numbered headings, in printed order; facts point into this list.
    pub sections: Vec<Section>,
    /// Every statement of a figure (or of its absence), in printed order.
    pub facts: Vec<Fact>,
    /// Project descriptions (项目名称, 预算安排规模, 资金分配情况 …).
    pub projects: Vec<ProjectDescription>,
    /// 国有资产占用使用情况.
    pub state_assets: StateAssets,
}
