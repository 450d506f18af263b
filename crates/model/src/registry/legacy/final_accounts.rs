//! The tables of a 部门决算 (final accounts), as the national template prints them (Shanghai
//! Putuo 2024 and the blank template in `fixtures/corpus/`): nine tables, every figure an actual
//! (决算数) except the 三公 table, which prints budget and actual side by side.

use super::{col, row, sum};
use crate::money::AmountUnit;
use crate::table::{ColumnDef, DocumentKind, FixedRow, Panel, RowKeyKind, SumRule, TableSchema};

const ACTUAL: &[ColumnDef] = &[col("amount", &["决算数"])];

/// Income lines of 收入支出决算总表, in print order.
const SUMMARY_INCOME_ROWS: &[FixedRow] = &[
    row("general_budget", &["一般公共预算财政拨款收入"], Some("current_income")),
    row("government_fund", &["政府性基金预算财政拨款收入"], Some("current_income")),
    row("state_capital", &["国有资本经营预算财政拨款收入"], Some("current_income")),
    row("upper_subsidy", &["上级补助收入"], Some("current_income")),
    row("business_income", &["事业收入"], Some("current_income")),
    row("operating_income", &["经营收入"], Some("current_income")),
    row("affiliate_remittance", &["附属单位上缴收入"], Some("current_income")),
    row("other_income", &["其他收入"], Some("current_income")),
    row("current_income", &["本年收入合计"], None),
    row("use_non_fiscal_balance", &["使用非财政拨款结余（含专用结余）", "使用非财政拨款结余"], None),
    row("carry_over", &["年初结转和结余"], None),
    row("income_total", &["总计"], None),
];

/// The lines below the classes on the spending side of 收入支出决算总表.
const SUMMARY_EXPENDITURE_ROWS: &[FixedRow] = &[
    row("current_expenditure", &["本年支出合计"], None),
    row("balance_distribution", &["结余分配"], None),
    row("carry_forward", &["年末结转和结余"], None),
    row("expenditure_total", &["总计"], None),
];

/// 收入支出决算总表 (table 1): all income by source, all spending by functional class.
pub const FINAL_INCOME_EXPENSE_SUMMARY: TableSchema = TableSchema {
    kind: "final_income_expense_summary",
    document: DocumentKind::FinalAccounts,
    title: "收入支出决算总表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[
        Panel {
            key: "income",
            row_key: RowKeyKind::Fixed,
            columns: ACTUAL,
            column_sums: &[],
            fixed_rows: SUMMARY_INCOME_ROWS,
            row_sums: &[
                sum(
                    "current_income",
                    &[
                        "general_budget",
                        "government_fund",
                        "state_capital",
                        "upper_subsidy",
                        "business_income",
                        "operating_income",
                        "affiliate_remittance",
                        "other_income",
                    ],
                ),
                sum("income_total", &["current_income", "use_non_fiscal_balance", "carry_over"]),
            ],
        },
        Panel {
            key: "expenditure",
            row_key: RowKeyKind::FunctionClass,
            columns: ACTUAL,
            column_sums: &[],
            fixed_rows: SUMMARY_EXPENDITURE_ROWS,
            row_sums: &[sum("expenditure_total", &["current_expenditure", "balance_distribution", "carry_forward"])],
        },
    ],
};

const TOTAL_ROW: &[FixedRow] = &[row("total", &["合计", "总计"], None)];

const INCOME_COLUMNS: &[ColumnDef] = &[
    col("total", &["本年收入合计"]),
    col("fiscal", &["财政拨款收入"]),
    col("upper_subsidy", &["上级补助收入"]),
    col("business_income", &["事业收入"]),
    col("operating_income", &["经营收入"]),
    col("affiliate_remittance", &["附属单位上缴收入"]),
    col("other_income", &["其他收入"]),
];

/// 收入决算表 (table 2): the year's income by function and source.
pub const FINAL_INCOME: TableSchema = TableSchema {
    kind: "final_income",
    document: DocumentKind::FinalAccounts,
    title: "收入决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: INCOME_COLUMNS,
        column_sums: &[sum(
            "total",
            &["fiscal", "upper_subsidy", "business_income", "operating_income", "affiliate_remittance", "other_income"],
        )],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

const EXPENDITURE_COLUMNS: &[ColumnDef] = &[
    col("total", &["本年支出合计"]),
    col("basic", &["基本支出"]),
    col("project", &["项目支出"]),
    col("remit_upper", &["上缴上级支出"]),
    col("operating", &["经营支出"]),
    col("affiliate_subsidy", &["对附属单位补助支出"]),
];

/// 支出决算表 (table 3): the year's spending by function and kind.
pub const FINAL_EXPENDITURE: TableSchema = TableSchema {
    kind: "final_expenditure",
    document: DocumentKind::FinalAccounts,
    title: "支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: EXPENDITURE_COLUMNS,
        column_sums: &[sum("total", &["basic", "project", "remit_upper", "operating", "affiliate_subsidy"])],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

const FISCAL_INCOME_ROWS: &[FixedRow] = &[
    row("general_budget", &["一般公共预算财政拨款"], Some("current_income")),
    row("government_fund", &["政府性基金预算财政拨款"], Some("current_income")),
    row("state_capital", &["国有资本经营预算财政拨款"], Some("current_income")),
    row("current_income", &["本年收入合计"], None),
    row("carry_over", &["年初财政拨款结转和结余"], None),
    row("carry_over_general", &["一般公共预算财政拨款"], Some("carry_over")),
    row("carry_over_fund", &["政府性基金预算财政拨款"], Some("carry_over")),
    row("carry_over_capital", &["国有资本经营预算财政拨款"], Some("carry_over")),
    row("income_total", &["总计"], None),
];

const FISCAL_SOURCES: &[ColumnDef] = &[
    col("total", &["合计"]),
    col("general_budget", &["一般公共预算财政拨款"]),
    col("government_fund", &["政府性基金预算财政拨款"]),
    col("state_capital", &["国有资本经营预算财政拨款"]),
];

const FISCAL_SOURCE_SUMS: &[SumRule] = &[sum("total", &["general_budget", "government_fund", "state_capital"])];

/// 财政拨款收入支出决算总表 (table 4): fiscal income by budget, fiscal spending by class and budget.
pub const FINAL_FISCAL_SUMMARY: TableSchema = TableSchema {
    kind: "final_fiscal_summary",
    document: DocumentKind::FinalAccounts,
    title: "财政拨款收入支出决算总表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[
        Panel {
            key: "income",
            row_key: RowKeyKind::Fixed,
            columns: ACTUAL,
            column_sums: &[],
            fixed_rows: FISCAL_INCOME_ROWS,
            row_sums: &[
                sum("current_income", &["general_budget", "government_fund", "state_capital"]),
                sum("carry_over", &["carry_over_general", "carry_over_fund", "carry_over_capital"]),
                sum("income_total", &["current_income", "carry_over"]),
            ],
        },
        Panel {
            key: "expenditure",
            row_key: RowKeyKind::FunctionClass,
            columns: FISCAL_SOURCES,
            column_sums: FISCAL_SOURCE_SUMS,
            fixed_rows: &[
                row("current_expenditure", &["本年支出合计"], None),
                row("carry_forward", &["年末财政拨款结转和结余"], None),
                row("expenditure_total", &["总计"], None),
            ],
            row_sums: &[sum("expenditure_total", &["current_expenditure", "carry_forward"])],
        },
    ],
};

/// 一般公共预算财政拨款支出决算表 (table 5).
pub const FINAL_GENERAL_BUDGET_EXPENDITURE: TableSchema = TableSchema {
    kind: "final_general_budget_expenditure",
    document: DocumentKind::FinalAccounts,
    title: "一般公共预算财政拨款支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: &[col("total", &["合计"]), col("basic", &["基本支出"]), col("project", &["项目支出"])],
        column_sums: &[sum("total", &["basic", "project"])],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

/// 一般公共预算财政拨款基本支出决算表 (table 6): personnel items (301, 303) on the left, operating
/// items (302, 310, …) on the right, each side with its own total line.
pub const FINAL_GENERAL_BUDGET_BASIC: TableSchema = TableSchema {
    kind: "final_general_budget_basic",
    document: DocumentKind::FinalAccounts,
    title: "一般公共预算财政拨款基本支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[
        Panel {
            key: "personnel",
            row_key: RowKeyKind::EconCode,
            columns: ACTUAL,
            column_sums: &[],
            fixed_rows: &[row("total", &["人员经费合计"], None)],
            row_sums: &[],
        },
        Panel {
            key: "operating",
            row_key: RowKeyKind::EconCode,
            columns: ACTUAL,
            column_sums: &[],
            fixed_rows: &[row("total", &["公用经费合计"], None)],
            row_sums: &[],
        },
    ],
};

/// Economic classes the personnel side of table 6 lists; every other class is operating.
pub const PERSONNEL_CLASSES: &[&str] = &["301", "303"];

const THREE_PUBLIC_HEAD: &str = "财政拨款“三公”经费";

/// 财政拨款"三公"经费支出决算表 (table 7): one line, budget and actual of each item.
pub const FINAL_THREE_PUBLIC: TableSchema = TableSchema {
    kind: "final_three_public",
    document: DocumentKind::FinalAccounts,
    title: "财政拨款“三公”经费支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::Fixed,
        columns: &[
            col("total_budget", &[THREE_PUBLIC_HEAD, "合计", "预算数"]),
            col("total_actual", &[THREE_PUBLIC_HEAD, "合计", "决算数"]),
            col("overseas_budget", &[THREE_PUBLIC_HEAD, "因公出国（境）费", "预算数"]),
            col("overseas_actual", &[THREE_PUBLIC_HEAD, "因公出国（境）费", "决算数"]),
            col("vehicle_budget", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "小计", "预算数"]),
            col("vehicle_actual", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "小计", "决算数"]),
            col("vehicle_purchase_budget", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "公务用车购置费", "预算数"]),
            col("vehicle_purchase_actual", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "公务用车购置费", "决算数"]),
            col("vehicle_operation_budget", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "公务用车运行费", "预算数"]),
            col("vehicle_operation_actual", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "公务用车运行费", "决算数"]),
            col("reception_budget", &[THREE_PUBLIC_HEAD, "公务接待费", "预算数"]),
            col("reception_actual", &[THREE_PUBLIC_HEAD, "公务接待费", "决算数"]),
        ],
        column_sums: &[
            sum("total_budget", &["overseas_budget", "vehicle_budget", "reception_budget"]),
            sum("total_actual", &["overseas_actual", "vehicle_actual", "reception_actual"]),
            sum("vehicle_budget", &["vehicle_purchase_budget", "vehicle_operation_budget"]),
            sum("vehicle_actual", &["vehicle_purchase_actual", "vehicle_operation_actual"]),
        ],
        // The table prints its one line of figures without a label.
        fixed_rows: &[row("fiscal", &[], None)],
        row_sums: &[],
    }],
};

const FUND_COLUMNS: &[ColumnDef] = &[
    col("carry_over", &["年初结转和结余"]),
    col("income", &["本年收入"]),
    col("expenditure", &["本年支出", "合计"]),
    col("basic", &["本年支出", "基本支出"]),
    col("project", &["本年支出", "项目支出"]),
    col("carry_forward", &["年末结转和结余"]),
];

const FUND_SUMS: &[SumRule] = &[sum("expenditure", &["basic", "project"])];

const fn fund_panel() -> Panel {
    Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: FUND_COLUMNS,
        column_sums: FUND_SUMS,
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }
}

/// 政府性基金预算财政拨款收入支出决算表 (table 8).
pub const FINAL_GOVERNMENT_FUND: TableSchema = TableSchema {
    kind: "final_government_fund",
    document: DocumentKind::FinalAccounts,
    title: "政府性基金预算财政拨款收入支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[fund_panel()],
};

/// 国有资本经营预算财政拨款收入支出决算表 (table 9).
pub const FINAL_STATE_CAPITAL: TableSchema = TableSchema {
    kind: "final_state_capital",
    document: DocumentKind::FinalAccounts,
    title: "国有资本经营预算财政拨款收入支出决算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[fund_panel()],
};
