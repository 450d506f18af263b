//! The budget data as an Excel workbook: the main way in for finance staff, who keep their
//! numbers in Excel. [`template`] writes the workbook (one sheet per kind of data, headers, data
//! validation, instructions; filled with a department's data when given one), [`from_xlsx`]
//! reads it back into the same [`crate::data::BudgetData`] the TOML reader gives and runs the
//! same checks ([`crate::load::validate`]), naming the sheet, row and field of every problem.
//!
//! Layout (row 1 of every sheet is its header; columns are found by their header, so they may be
//! moved; a column headed `备注` is for the preparer's notes and is not read):
//!
//! | sheet | one row per | columns |
//! |---|---|---|
//! | 说明 | — | instructions, and the allowed values of 资金来源 and 支出类型 (not read) |
//! | 部门 | field (list fields repeat) | 项目 · 内容 · 说明 |
//! | 收支明细 | line item | 功能分类科目编码 · 经济分类科目编码 · 资金来源 · 支出类型 · 项目名称 · 金额（元） |
//! | 上年预算 | compared figure | 比较项 · 金额（元） · 说明 |
//! | 增减原因 | reason | 比较项 · 原因 |
//! | 资金用途 | use | 比较项 · 用途 |
//! | 项目 | project | 项目名称 · 政策依据 · 承担单位 · 执行期限 · 项目负责人 · 总体目标 |
//! | 资金分配 | allocation item | 项目名称 · 分配内容 · 金额（元） · 计算因子 |
//! | 绩效指标 | indicator | 项目名称（或“部门整体”）· 一级指标 · 二级指标 · 三级指标 · 指标值 · 指标值设置依据 · 上年完成值 · 分值权重 · 赋分规则 · 佐证资料 |
//! | 政府采购 | part | 项目 · 金额（元） |
//! | 国有资产 | category or part | 类别 · 分项 · 数量 · 面积 · 价值（元） |
//! | 科目名称 | code | 科目编码 · 科目名称 |

mod read;
mod write;

pub use read::from_xlsx;
pub use write::template;

use crate::data::{Kind, Source};

pub(crate) const INFO: &str = "说明";
pub(crate) const DEPARTMENT: &str = "部门";
pub(crate) const ITEMS: &str = "收支明细";
pub(crate) const PRIOR: &str = "上年预算";
pub(crate) const REASONS: &str = "增减原因";
pub(crate) const USES: &str = "资金用途";
pub(crate) const PROJECTS: &str = "项目";
pub(crate) const ALLOCATION: &str = "资金分配";
pub(crate) const INDICATORS: &str = "绩效指标";
pub(crate) const PROCUREMENT: &str = "政府采购";
pub(crate) const ASSETS: &str = "国有资产";
pub(crate) const NAMES: &str = "科目名称";

/// In 绩效指标's project column: the department's own targets (部门整体绩效目标表).
pub(crate) const WHOLE_DEPARTMENT: &str = "部门整体";

/// A column any sheet may have for notes; never read.
pub(crate) const NOTE: &str = "备注";

/// 资金来源: the value, its TOML name, its label in the workbook.
pub(crate) const SOURCES: &[(Source, &str, &str)] = &[
    (Source::GeneralBudget, "general_budget", "一般公共预算拨款"),
    (Source::GeneralTransfer, "general_transfer", "上级一般公共预算转移支付"),
    (Source::GovernmentFund, "government_fund", "政府性基金预算拨款"),
    (Source::GovernmentFundTransfer, "government_fund_transfer", "上级政府性基金转移支付"),
    (Source::StateCapital, "state_capital", "国有资本经营预算拨款"),
    (Source::StateCapitalTransfer, "state_capital_transfer", "上级国有资本经营预算转移支付"),
    (Source::SpecialAccount, "special_account", "财政专户核拨"),
    (Source::BusinessIncome, "business_income", "单位资金-事业收入"),
    (Source::UpperSubsidy, "upper_subsidy", "单位资金-上级补助收入"),
    (Source::AffiliateRemittance, "affiliate_remittance", "单位资金-附属单位上缴收入"),
    (Source::OperatingIncome, "operating_income", "单位资金-事业单位经营收入"),
    (Source::OtherIncome, "other_income", "单位资金-其他收入"),
    (Source::CarryOverGeneral, "carry_over_general", "上年结转-一般公共预算"),
    (Source::CarryOverFund, "carry_over_fund", "上年结转-政府性基金"),
    (Source::CarryOverCapital, "carry_over_capital", "上年结转-国有资本经营"),
    (Source::CarryOverSpecial, "carry_over_special", "结转结余-财政专户"),
    (Source::CarryOverUnit, "carry_over_unit", "结转结余-单位资金"),
];

/// 支出类型: the value, its TOML name, its label in the workbook.
pub(crate) const KINDS: &[(Kind, &str, &str)] = &[
    (Kind::Personnel, "personnel", "人员经费"),
    (Kind::Operating, "operating", "公用经费"),
    (Kind::Project, "project", "项目支出"),
];

/// A column of a table sheet: its header, the data field it holds (the TOML name, also accepted
/// as a header), its width in Excel's character units (a CJK character is two), whether the
/// sheet is unreadable without it, and what goes in it.
pub(crate) struct Column {
    pub header: &'static str,
    pub field: &'static str,
    pub width: f64,
    pub required: bool,
    pub about: &'static str,
}

const fn col(header: &'static str, field: &'static str, width: f64, required: bool, about: &'static str) -> Column {
    Column { header, field, width, required, about }
}

/// A sheet: its name and columns.
pub(crate) struct Sheet {
    pub name: &'static str,
    pub en: &'static str,
    pub about: &'static str,
    pub columns: &'static [Column],
}

pub(crate) const SHEETS: &[Sheet] = &[
    Sheet {
        name: DEPARTMENT,
        en: "the department",
        about: "部门概况：每行一项，“项目”列写项目名，“内容”列写值。下属预算单位、主要职能、内设机构可写多行，每行一条，按顺序。",
        columns: &[
            col("项目", "field", 24.0, true, "字段名（见下方列表）"),
            col("内容", "value", 90.0, true, "值"),
            col("说明", "about", 40.0, false, "字段说明（不读取）"),
        ],
    },
    Sheet {
        name: ITEMS,
        en: "line items",
        about: "预算明细：每一笔钱一行。表1—表11的全部数字由这些明细汇总，不手填合计。",
        columns: &[
            col("功能分类科目编码", "function", 18.0, true, "支出功能分类“项”，7位，如 2080101 或 208 01 01"),
            col("经济分类科目编码", "econ", 18.0, true, "部门预算支出经济分类“款”，5位，如 30101"),
            col("资金来源", "source", 28.0, true, "从下拉列表选择（见本页下方）"),
            col("支出类型", "kind", 12.0, true, "人员经费 / 公用经费 / 项目支出"),
            col("项目名称", "project", 30.0, false, "支出类型为“项目支出”时必填，与“项目”工作表一致"),
            col("金额（元）", "amount", 16.0, true, "以元为单位的数字，精确到分；也可写带单位的文本，如“114.33万元”"),
            col(NOTE, "note", 30.0, false, "备注（不读取）"),
        ],
    },
    Sheet {
        name: PRIOR,
        en: "last year's budget",
        about: "上年预算数：用于算增减额和增长率。比较项写固定键（如 general_budget，或其中文名称）或 function.科目编码。",
        columns: &[
            col("比较项", "key", 34.0, true, "固定键或 function.2080101"),
            col("金额（元）", "amount", 16.0, true, "上年预算数，元"),
            col("说明", "about", 36.0, false, "比较项的中文名称（不读取）"),
        ],
    },
    Sheet {
        name: REASONS,
        en: "reasons for changes",
        about: "增减原因：比较项同“上年预算”；只写原因本身，不写“主要原因是”。",
        columns: &[
            col("比较项", "key", 34.0, true, "同“上年预算”"),
            col("原因", "reason", 100.0, true, "原因本身"),
        ],
    },
    Sheet {
        name: USES,
        en: "what the money is for",
        about: "资金用途：比较项写 function.类编码（如 function.208）或 carry_over.项目名称；只写用途本身，不写“主要用于”。",
        columns: &[
            col("比较项", "key", 34.0, true, "function.208 或 carry_over.项目名称"),
            col("用途", "use", 100.0, true, "用途本身"),
        ],
    },
    Sheet {
        name: PROJECTS,
        en: "projects",
        about: "项目说明：明细里出现的每个项目都要有一行，并在“绩效指标”里有绩效目标。",
        columns: &[
            col("项目名称", "name", 30.0, true, "与明细一致"),
            col("政策依据", "basis", 50.0, false, "设立的政策依据"),
            col("承担单位", "executing_unit", 24.0, false, "不写即本部门"),
            col("执行期限", "period", 30.0, false, "资金执行时间，如 2024年1月1日--2024年12月31日"),
            col("项目负责人", "owner", 12.0, false, "项目负责人"),
            col("总体目标", "goal", 100.0, false, "项目总体目标"),
        ],
    },
    Sheet {
        name: ALLOCATION,
        en: "allocation of project money",
        about: "资金分配情况：每个分配内容一行；计算因子用“×”隔开，按顺序相乘应等于金额（如 50课时 × 3500元/课时）。",
        columns: &[
            col("项目名称", "project", 30.0, true, "与“项目”工作表一致"),
            col("分配内容", "name", 30.0, true, "名称"),
            col("金额（元）", "amount", 16.0, true, "元"),
            col("计算因子", "factors", 40.0, false, "用“×”隔开"),
        ],
    },
    Sheet {
        name: INDICATORS,
        en: "performance indicators",
        about: "绩效指标：每条指标一行；项目名称写“部门整体”的是部门整体绩效目标表的指标。",
        columns: &[
            col("项目名称", "project", 30.0, true, "项目名称，或“部门整体”"),
            col("一级指标", "level1", 12.0, true, "如 产出指标"),
            col("二级指标", "level2", 12.0, true, "如 数量指标"),
            col("三级指标", "name", 30.0, true, "指标名称"),
            col("指标值", "value", 16.0, true, "连同比较符号：≥38000人次、≤2%、=1次，或“提高”等"),
            col("指标值设置依据", "basis", 30.0, false, ""),
            col("上年完成值", "prior", 14.0, false, ""),
            col("分值权重", "weight", 10.0, true, "数字"),
            col("赋分规则", "scoring_rule", 24.0, false, ""),
            col("佐证资料", "evidence", 24.0, false, ""),
        ],
    },
    Sheet {
        name: PROCUREMENT,
        en: "government procurement",
        about: "政府采购预算：货物、工程、服务三项之和为政府采购预算总额（自动算出）。",
        columns: &[
            col("项目", "field", 24.0, true, "见“项目”列的固定名称"),
            col("金额（元）", "amount", 16.0, true, "元；没有则留空"),
        ],
    },
    Sheet {
        name: ASSETS,
        en: "state assets",
        about: "国有资产占用情况：每类一行（“分项”留空）；有分项的，分项各占一行，“类别”写所属类别。截至日期与大型设备台数在“部门”工作表。",
        columns: &[
            col("类别", "name", 16.0, true, "如 房屋、车辆"),
            col("分项", "part", 16.0, false, "如 一般公共用车；类别本身一行则留空"),
            col("数量", "count", 12.0, false, "带单位，如 2辆"),
            col("面积", "area", 14.0, false, "带单位，如 24.66平方米"),
            col("价值（元）", "value", 16.0, false, "元"),
        ],
    },
    Sheet {
        name: NAMES,
        en: "names of codes",
        about: "科目名称：自带科目目录没有的编码，在这里补上名称（表上印出的每个编码都要有名称）。",
        columns: &[
            col("科目编码", "code", 14.0, true, "3、5 或 7 位"),
            col("科目名称", "name", 40.0, true, "按官方目录"),
        ],
    },
];

/// The sheet named `name`.
pub(crate) fn sheet(name: &str) -> &'static Sheet {
    SHEETS.iter().find(|s| s.name == name).expect("a defined sheet")
}

/// A field of the key/value sheets (部门, 政府采购): its label, its TOML path, whether it may
/// repeat, whether it is a number, what it is.
pub(crate) struct Field {
    pub label: &'static str,
    pub key: &'static str,
    pub repeats: bool,
    pub number: bool,
    pub about: &'static str,
}

const fn field(label: &'static str, key: &'static str, repeats: bool, number: bool, about: &'static str) -> Field {
    Field { label, key, repeats, number, about }
}

pub(crate) const DEPARTMENT_FIELDS: &[Field] = &[
    field("部门名称", "name", false, false, "部门全称，必填 / full name"),
    field("预算年度", "year", false, true, "如 2024，必填 / budget year"),
    field("落款日期", "signed", false, false, "文末落款，如 2024年2月23日 / date signed"),
    field("下属预算单位", "units", true, false, "每行一个；没有则留空 / subordinate units"),
    field("内设机构称谓", "division_word", false, false, "处室、科室…；不写即“处室”"),
    field("主要职能", "duties", true, false, "每行一条，按顺序 / duties"),
    field("内设机构", "divisions", true, false, "每行一个，按顺序 / divisions"),
    field("编制数", "staffing.authorised", false, true, "人 / authorised posts"),
    field("在职人数", "staffing.in_service", false, true, "人 / in service"),
    field("在职人数比上年增减", "staffing.in_service_change", false, true, "人，减少写负数"),
    field("退休人数", "staffing.retired", false, true, "人 / retired"),
    field("退休人数比上年增减", "staffing.retired_change", false, true, "人"),
    field("离休人数", "staffing.separated", false, true, "人 / 离休"),
    field("离休人数比上年增减", "staffing.separated_change", false, true, "人"),
    field("联系人", "contact", false, false, "部门整体绩效目标表的联系人"),
    field("联系电话", "phone", false, false, "联系电话"),
    field("部门整体绩效目标", "targets.goal", false, false, "部门整体绩效目标表的总体目标"),
    field("资产统计截至", "assets.as_of", false, false, "如 2023年底"),
    field("50万元以上大型设备（台）", "assets.equipment_over_50", false, true, "单位价值50万元以上"),
    field("100万元以上大型设备（台）", "assets.equipment_over_100", false, true, "单位价值100万元以上"),
];

pub(crate) const PROCUREMENT_FIELDS: &[Field] = &[
    field("政府采购货物预算", "goods", false, false, "goods"),
    field("政府采购工程预算", "works", false, false, "works"),
    field("政府采购服务预算", "services", false, false, "services"),
    field("面向中小企业预留", "sme_reserved", false, false, "reserved for SMEs"),
    field("其中小微企业预留", "small_micro_reserved", false, false, "of which small and micro"),
];

/// What a header cell says, without spaces and the unit in brackets: `金额（元）` → `金额`.
pub(crate) fn bare_header(text: &str) -> String {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match t.find(['（', '(']) {
        Some(i) if i > 0 => t[..i].to_string(),
        _ => t,
    }
}
