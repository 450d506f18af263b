//! The table declarations as Rust consts, before they became form files: kept only to prove the
//! form files declare exactly the same (`registry::tests`), then deleted.
#![allow(dead_code)]

pub mod final_accounts;
pub(super) mod identities;
pub mod shanghai;

pub use final_accounts::*;
pub use shanghai::*;

use crate::money::AmountUnit;
use crate::table::{ColumnDef, DocumentKind, FixedRow, Panel, RowKeyKind, SumRule, TableSchema};

const fn col(key: &'static str, header: &'static [&'static str]) -> ColumnDef {
    ColumnDef { key, header }
}

const fn sum(total: &'static str, parts: &'static [&'static str]) -> SumRule {
    SumRule { total, parts }
}

const fn row(key: &'static str, labels: &'static [&'static str], parent: Option<&'static str>) -> FixedRow {
    FixedRow { key, labels, parent }
}

const TOTAL_ROW: &[FixedRow] = &[row("total", &["总计", "合计"], None)];

const AMOUNT: &[ColumnDef] = &[col("amount", &["预算数"])];

/// Income lines of 部门收支总体情况表 (table 1), in print order.
const SUMMARY_INCOME_ROWS: &[FixedRow] = &[
    row("current_income", &["一、本年收入", "本年收入", "一、收入", "本年收入合计"], None),
    // Shanghai prints the three fiscal budgets under one line.
    row("fiscal", &["财政拨款收入"], Some("current_income")),
    row(
        "general_budget",
        &["1、一般公共预算拨款", "一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算", "一般公共预算资金"],
        Some("current_income"),
    ),
    row("general_budget_own", &["其中：一般财力", "一般财力"], Some("general_budget")),
    row(
        "general_transfer",
        &["上级一般公共预算安排转移支付", "上级一般公共预算安排的转移支付"],
        Some("general_budget"),
    ),
    row(
        "government_fund",
        &[
            "2、基金预算拨款",
            "基金预算拨款",
            "政府性基金预算拨款",
            "政府性基金预算拨款收入",
            "政府性基金预算",
            "政府性基金",
        ],
        Some("current_income"),
    ),
    row("government_fund_own", &["其中：政府性基金收入", "政府性基金收入"], Some("government_fund")),
    row(
        "government_fund_transfer",
        &["上级政府性基金安排转移支付", "上级政府性基金安排的转移支付"],
        Some("government_fund"),
    ),
    row(
        "state_capital",
        &["3、国有资本经营预算拨款", "国有资本经营预算拨款", "国有资本经营预算拨款收入", "国有资本经营预算"],
        Some("current_income"),
    ),
    row("state_capital_own", &["其中：国有资本经营收入", "国有资本经营收入"], Some("state_capital")),
    row(
        "state_capital_transfer",
        &["上级国有资本经营预算安排转移支付", "上级国有资本经营预算安排的转移支付"],
        Some("state_capital"),
    ),
    row(
        "special_account",
        &["4.财政专户核拨", "财政专户核拨", "财政专户管理资金", "财政专户管理资金收入"],
        Some("current_income"),
    ),
    row("unit_funds", &["5.单位资金", "单位资金", "单位资金收入"], Some("current_income")),
    row("business_income", &["其中：事业收入", "事业收入"], Some("unit_funds")),
    row("upper_subsidy", &["上级补助收入"], Some("unit_funds")),
    row("affiliate_remittance", &["附属单位上缴收入"], Some("unit_funds")),
    row("operating_income", &["事业单位经营收入"], Some("unit_funds")),
    row("other_income", &["其他收入"], Some("unit_funds")),
    row("carry_over", &["二、上年结转结余", "上年结转结余", "二、上年结转", "上年结转"], None),
    row("carry_over_fiscal", &["1、财政拨款结转", "财政拨款结转", "财政拨款结转结余"], Some("carry_over")),
    row("carry_over_general", &["其中：一般公共预算拨款", "一般公共预算拨款"], Some("carry_over_fiscal")),
    row("carry_over_fund", &["基金预算拨款", "政府性基金预算拨款"], Some("carry_over_fiscal")),
    row("carry_over_capital", &["国有资本经营预算拨款"], Some("carry_over_fiscal")),
    row(
        "carry_over_non_fiscal",
        &["2、非财政拨款结转结余", "非财政拨款结转结余", "非财政拨款结转"],
        Some("carry_over"),
    ),
    row("carry_over_special", &["其中：财政专户核拨", "财政专户核拨"], Some("carry_over_non_fiscal")),
    row("carry_over_unit", &["单位资金"], Some("carry_over_non_fiscal")),
    row("income_total", &["收入总计", "收 入 总 计", "收入合计"], None),
];

const SUMMARY_INCOME_SUMS: &[SumRule] = &[
    sum("income_total", &["current_income", "carry_over"]),
    sum("current_income", &["general_budget", "government_fund", "state_capital", "special_account", "unit_funds"]),
    sum("general_budget", &["general_budget_own", "general_transfer"]),
    sum("government_fund", &["government_fund_own", "government_fund_transfer"]),
    sum("state_capital", &["state_capital_own", "state_capital_transfer"]),
    sum(
        "unit_funds",
        &["business_income", "upper_subsidy", "affiliate_remittance", "operating_income", "other_income"],
    ),
    sum("carry_over", &["carry_over_fiscal", "carry_over_non_fiscal"]),
    sum("carry_over_fiscal", &["carry_over_general", "carry_over_fund", "carry_over_capital"]),
    sum("carry_over_non_fiscal", &["carry_over_special", "carry_over_unit"]),
];

const EXPENDITURE_TOTAL_ROW: &[FixedRow] = &[row("expenditure_total", &["支出总计", "支 出 总 计", "支出合计"], None)];

/// 部门收支总体情况表.
pub const INCOME_EXPENSE_SUMMARY: TableSchema = TableSchema {
    kind: "income_expense_summary",
    document: DocumentKind::Budget,
    title: "部门收支总体情况表",
    aliases: &["收支预算总表", "部门收支预算总表", "部门收支总表", "部门财务收支预算总表"],
    unit: AmountUnit::Wan,
    panels: &[
        Panel {
            key: "income",
            row_key: RowKeyKind::Fixed,
            columns: AMOUNT,
            column_sums: &[],
            fixed_rows: SUMMARY_INCOME_ROWS,
            row_sums: SUMMARY_INCOME_SUMS,
        },
        Panel {
            key: "expenditure",
            row_key: RowKeyKind::FunctionClass,
            columns: AMOUNT,
            column_sums: &[],
            fixed_rows: EXPENDITURE_TOTAL_ROW,
            row_sums: &[],
        },
    ],
};

const INCOME_COLUMNS: &[ColumnDef] = &[
    col("total", &["总计"]),
    col("fiscal", &["财政拨款（补助）", "小计"]),
    col("general_budget", &["财政拨款（补助）", "一般公共预算"]),
    col("general_transfer", &["财政拨款（补助）", "上级一般公共预算安排的转移支付"]),
    col("government_fund", &["财政拨款（补助）", "政府性基金预算"]),
    col("government_fund_transfer", &["财政拨款（补助）", "上级政府性基金安排的转移支付"]),
    col("state_capital", &["财政拨款（补助）", "国有资本经营预算"]),
    col("state_capital_transfer", &["财政拨款（补助）", "上级国有资本经营预算安排的转移支付"]),
    col("special_account", &["财政专户（教育收费）"]),
    col("unit_funds", &["单位资金"]),
    col("carry_over_fiscal", &["财政拨款结转"]),
    col("carry_over_non_fiscal", &["非财政拨款结转结余"]),
];

/// 部门收入总体情况表.
pub const INCOME_SUMMARY: TableSchema = TableSchema {
    kind: "income_summary",
    document: DocumentKind::Budget,
    title: "部门收入总体情况表",
    aliases: &["收入预算总表", "部门收入预算总表", "部门收入总表"],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: INCOME_COLUMNS,
        column_sums: &[
            sum("total", &["fiscal", "special_account", "unit_funds", "carry_over_fiscal", "carry_over_non_fiscal"]),
            sum(
                "fiscal",
                &[
                    "general_budget",
                    "general_transfer",
                    "government_fund",
                    "government_fund_transfer",
                    "state_capital",
                    "state_capital_transfer",
                ],
            ),
        ],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

const BASIC_PROJECT: &[ColumnDef] =
    &[col("total", &["合计"]), col("basic", &["基本支出"]), col("project", &["项目支出"])];

const BASIC_PROJECT_SUMS: &[SumRule] = &[sum("total", &["basic", "project"])];

pub(crate) const fn basic_project_panel() -> Panel {
    Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: BASIC_PROJECT,
        column_sums: BASIC_PROJECT_SUMS,
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }
}

/// 部门支出总体情况表.
pub const EXPENDITURE_SUMMARY: TableSchema = TableSchema {
    kind: "expenditure_summary",
    document: DocumentKind::Budget,
    title: "部门支出总体情况表",
    aliases: &["支出预算总表", "部门支出预算总表", "部门支出总表"],
    unit: AmountUnit::Wan,
    panels: &[basic_project_panel()],
};

const FISCAL_INCOME_ROWS: &[FixedRow] = &[
    row("fiscal", &["一、财政拨款（补助）", "财政拨款（补助）", "一、本年收入", "本年收入"], None),
    row("general_budget", &["一般公共预算", "一般公共预算拨款", "一般公共预算资金"], Some("fiscal")),
    row("government_fund", &["政府性基金预算", "政府性基金预算拨款", "政府性基金"], Some("fiscal")),
    row("state_capital", &["国有资本经营预算", "国有资本经营预算拨款"], Some("fiscal")),
    row("carry_over", &["二、上年结转", "上年结转", "二、上年结转结余"], None),
    row("carry_over_general", &["一般公共预算"], Some("carry_over")),
    row("carry_over_fund", &["政府性基金预算"], Some("carry_over")),
    row("carry_over_capital", &["国有资本经营预算"], Some("carry_over")),
    row("income_total", &["收入总计", "收 入 总 计"], None),
];

const FISCAL_SOURCES: &[ColumnDef] = &[
    col("total", &["合计"]),
    col("general_budget", &["一般公共预算"]),
    col("government_fund", &["政府性基金预算"]),
    col("state_capital", &["国有资本经营预算"]),
];

/// 财政拨款收支预算总体情况表.
pub const FISCAL_SUMMARY: TableSchema = TableSchema {
    kind: "fiscal_summary",
    document: DocumentKind::Budget,
    title: "财政拨款收支预算总体情况表",
    aliases: &["财政拨款收支总体情况表", "财政拨款收支总表", "财政拨款收支预算总表"],
    unit: AmountUnit::Wan,
    panels: &[
        Panel {
            key: "income",
            row_key: RowKeyKind::Fixed,
            columns: &[col("amount", &["合计"])],
            column_sums: &[],
            fixed_rows: FISCAL_INCOME_ROWS,
            row_sums: &[
                sum("income_total", &["fiscal", "carry_over"]),
                sum("fiscal", &["general_budget", "government_fund", "state_capital"]),
                sum("carry_over", &["carry_over_general", "carry_over_fund", "carry_over_capital"]),
            ],
        },
        Panel {
            key: "expenditure",
            row_key: RowKeyKind::FunctionClass,
            columns: FISCAL_SOURCES,
            column_sums: &[sum("total", &["general_budget", "government_fund", "state_capital"])],
            fixed_rows: EXPENDITURE_TOTAL_ROW,
            row_sums: &[],
        },
    ],
};

/// 一般公共预算支出情况表.
pub const GENERAL_BUDGET_EXPENDITURE: TableSchema = TableSchema {
    kind: "general_budget_expenditure",
    document: DocumentKind::Budget,
    title: "一般公共预算支出情况表",
    aliases: &["一般公共预算支出预算表", "一般公共预算支出表", "部门一般公共预算支出功能分类预算表"],
    unit: AmountUnit::Wan,
    panels: &[basic_project_panel()],
};

/// 一般公共预算基本支出情况表.
pub const GENERAL_BUDGET_BASIC: TableSchema = TableSchema {
    kind: "general_budget_basic",
    document: DocumentKind::Budget,
    title: "一般公共预算基本支出情况表",
    aliases: &[
        "一般公共预算基本支出预算表",
        "一般公共预算基本支出表",
        "部门一般公共预算基本支出部门预算经济分类预算表",
    ],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::EconCode,
        columns: &[col("total", &["合计"]), col("personnel", &["人员经费"]), col("operating", &["公用经费"])],
        column_sums: &[sum("total", &["personnel", "operating"])],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

/// 一般公共预算项目支出情况表: project spending by the economic classes of the government
/// scheme, one row per project.
pub const GENERAL_BUDGET_PROJECT: TableSchema = TableSchema {
    kind: "general_budget_project",
    document: DocumentKind::Budget,
    title: "一般公共预算项目支出情况表",
    aliases: &["一般公共预算项目支出预算表", "项目支出预算表", "一般公共预算项目支出表"],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCodeProject,
        columns: &[
            col("total", &["项目支出", "合计"]),
            col("wages", &["项目支出", "工资福利支出"]),
            col("goods_services", &["项目支出", "商品服务支出"]),
            col("household_subsidies", &["项目支出", "对个人和家庭的补助"]),
            col("debt_interest", &["项目支出", "债务利息及费用支出"]),
            col("capital_construction", &["项目支出", "资本性支出（基本建设）"]),
            col("capital", &["项目支出", "资本性支出"]),
            col("enterprise_construction", &["项目支出", "对企业补助（基本建设）"]),
            col("enterprise", &["项目支出", "对企业补助"]),
            col("social_security_fund", &["项目支出", "对社会保障基金补助"]),
            col("other", &["项目支出", "其他支出"]),
        ],
        column_sums: &[sum(
            "total",
            &[
                "wages",
                "goods_services",
                "household_subsidies",
                "debt_interest",
                "capital_construction",
                "capital",
                "enterprise_construction",
                "enterprise",
                "social_security_fund",
                "other",
            ],
        )],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

const BASIC_SPLIT: &[ColumnDef] = &[
    col("total", &["合计"]),
    col("personnel", &["基本支出", "人员经费"]),
    col("operating", &["基本支出", "公用经费"]),
    col("project", &["项目支出"]),
];

const BASIC_SPLIT_SUMS: &[SumRule] = &[sum("total", &["personnel", "operating", "project"])];

const fn basic_split_panel() -> Panel {
    Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: BASIC_SPLIT,
        column_sums: BASIC_SPLIT_SUMS,
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }
}

/// 政府性基金预算支出情况表.
pub const GOVERNMENT_FUND_EXPENDITURE: TableSchema = TableSchema {
    kind: "government_fund_expenditure",
    document: DocumentKind::Budget,
    title: "政府性基金预算支出情况表",
    aliases: &["政府性基金预算支出预算表", "政府性基金预算支出表"],
    unit: AmountUnit::Wan,
    panels: &[basic_split_panel()],
};

/// 国有资本经营预算支出情况表.
pub const STATE_CAPITAL_EXPENDITURE: TableSchema = TableSchema {
    kind: "state_capital_expenditure",
    document: DocumentKind::Budget,
    title: "国有资本经营预算支出情况表",
    aliases: &["国有资本经营预算支出预算表", "国有资本经营预算支出表"],
    unit: AmountUnit::Wan,
    panels: &[basic_split_panel()],
};

/// 财政拨款"三公"经费支出情况表.
pub const THREE_PUBLIC: TableSchema = TableSchema {
    kind: "three_public",
    document: DocumentKind::Budget,
    title: "财政拨款“三公”经费支出情况表",
    aliases: &[
        "一般公共预算“三公”经费支出情况表",
        "财政拨款“三公”经费支出预算表",
        "一般公共预算“三公”经费支出预算表",
        "“三公”经费支出情况表",
        "“三公”经费支出预算表",
    ],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::Fixed,
        columns: FISCAL_SOURCES,
        column_sums: &[sum("total", &["general_budget", "government_fund", "state_capital"])],
        fixed_rows: &[
            row("total", &["合计", "总计"], None),
            row("overseas", &["因公出国（境）费", "因公出国（境）费用", "因公出国(境)费"], Some("total")),
            row("reception", &["公务接待费"], Some("total")),
            row(
                "vehicle",
                &["公务用车购置及运行费（小计）", "公务用车购置及运行费", "公务用车购置及运行维护费"],
                Some("total"),
            ),
            row("vehicle_purchase", &["其中：公务用车购置费", "公务用车购置费"], Some("vehicle")),
            row("vehicle_operation", &["公务用车运行费", "公务用车运行维护费"], Some("vehicle")),
        ],
        row_sums: &[
            sum("total", &["overseas", "reception", "vehicle"]),
            sum("vehicle", &["vehicle_purchase", "vehicle_operation"]),
        ],
    }],
};

/// 上年结转结余情况明细表.
pub const CARRY_OVER: TableSchema = TableSchema {
    kind: "carry_over",
    document: DocumentKind::Budget,
    title: "上年结转结余情况明细表",
    aliases: &["上年结转结余情况表", "上年结转结余明细表"],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::Named,
        columns: &[
            col("total", &["总计"]),
            col("fiscal", &["财政拨款", "合计"]),
            col("fiscal_personnel", &["财政拨款", "基本支出", "人员经费"]),
            col("fiscal_operating", &["财政拨款", "基本支出", "公用经费"]),
            col("fiscal_project", &["财政拨款", "项目支出"]),
            col("non_fiscal", &["非财政拨款", "合计"]),
            col("non_fiscal_personnel", &["非财政拨款", "基本支出", "人员经费"]),
            col("non_fiscal_operating", &["非财政拨款", "基本支出", "公用经费"]),
            col("non_fiscal_project", &["非财政拨款", "项目支出"]),
        ],
        column_sums: &[
            sum("total", &["fiscal", "non_fiscal"]),
            sum("fiscal", &["fiscal_personnel", "fiscal_operating", "fiscal_project"]),
            sum("non_fiscal", &["non_fiscal_personnel", "non_fiscal_operating", "non_fiscal_project"]),
        ],
        fixed_rows: TOTAL_ROW,
        row_sums: &[],
    }],
};

/// Every table kind: the Xinjiang budget template's, Shanghai's budget variants, the final
/// accounts'.
pub const TABLES: &[TableSchema] = &[
    INCOME_EXPENSE_SUMMARY,
    INCOME_SUMMARY,
    EXPENDITURE_SUMMARY,
    FISCAL_SUMMARY,
    GENERAL_BUDGET_EXPENDITURE,
    GENERAL_BUDGET_BASIC,
    GENERAL_BUDGET_PROJECT,
    GOVERNMENT_FUND_EXPENDITURE,
    STATE_CAPITAL_EXPENDITURE,
    THREE_PUBLIC,
    CARRY_OVER,
    INCOME_SUMMARY_SHANGHAI,
    GOVERNMENT_FUND_EXPENDITURE_SHANGHAI,
    STATE_CAPITAL_EXPENDITURE_SHANGHAI,
    THREE_PUBLIC_AND_RUNNING_COSTS,
    FINAL_INCOME_EXPENSE_SUMMARY,
    FINAL_INCOME,
    FINAL_EXPENDITURE,
    FINAL_FISCAL_SUMMARY,
    FINAL_GENERAL_BUDGET_EXPENDITURE,
    FINAL_GENERAL_BUDGET_BASIC,
    FINAL_THREE_PUBLIC,
    FINAL_GOVERNMENT_FUND,
    FINAL_STATE_CAPITAL,
];

/// The kinds 财预〔2016〕143号 requires of a department budget, in the template's order.
pub const REQUIRED: [&str; 8] = [
    "income_expense_summary",
    "income_summary",
    "expenditure_summary",
    "fiscal_summary",
    "general_budget_expenditure",
    "general_budget_basic",
    "three_public",
    "government_fund_expenditure",
];

/// The nine tables of a department's final accounts (部门决算), which the template keeps even
/// when empty (无…收入支出的，仍保留该表格式).
pub const REQUIRED_FINAL: [&str; 9] = [
    "final_income_expense_summary",
    "final_income",
    "final_expenditure",
    "final_fiscal_summary",
    "final_general_budget_expenditure",
    "final_general_budget_basic",
    "final_three_public",
    "final_government_fund",
    "final_state_capital",
];

/// One-off: writes the declarations above as form files (`cargo test -p yusuan-model
/// write_form_files -- --ignored`). Kept only until the consts are gone.
#[cfg(test)]
mod generator {
    use super::*;
    use super::identities::*;
    use crate::identities::{CellRef, CodeColumnLink, CrossIdentity, Relation};
    use std::fmt::Write;

    fn q(s: &str) -> String {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    }

    fn list(v: &[&str]) -> String {
        format!("[{}]", v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
    }

    fn unit(u: AmountUnit) -> &'static str {
        match u {
            AmountUnit::Yuan => "yuan",
            AmountUnit::Wan => "wan",
            AmountUnit::Yi => "yi",
            AmountUnit::Fen => "fen",
        }
    }

    fn row_key(k: RowKeyKind) -> &'static str {
        match k {
            RowKeyKind::FunctionCode => "function_code",
            RowKeyKind::FunctionClass => "function_class",
            RowKeyKind::EconCode => "econ_code",
            RowKeyKind::FunctionCodeProject => "function_code_project",
            RowKeyKind::Fixed => "fixed",
            RowKeyKind::Named => "named",
        }
    }

    fn sums(out: &mut String, name: &str, v: &[SumRule]) {
        if v.is_empty() {
            return;
        }
        writeln!(out, "{name} = [").unwrap();
        for s in v {
            writeln!(out, "  {{ total = {}, parts = {} }},", q(s.total), list(s.parts)).unwrap();
        }
        writeln!(out, "]").unwrap();
    }

    fn table(out: &mut String, s: &TableSchema, required: bool, stands: Option<&str>) {
        writeln!(out, "\n[[tables]]\nkind = {}", q(s.kind)).unwrap();
        writeln!(out, "required = {required}").unwrap();
        if let Some(k) = stands {
            writeln!(out, "stands_for = {}", q(k)).unwrap();
        }
        writeln!(out, "title = {}", q(s.title)).unwrap();
        if !s.aliases.is_empty() {
            writeln!(out, "aliases = {}", list(s.aliases)).unwrap();
        }
        writeln!(out, "unit = {}", q(unit(s.unit))).unwrap();
        for p in s.panels {
            writeln!(out, "\n[[tables.panels]]\nkey = {}\nrows = {}", q(p.key), q(row_key(p.row_key))).unwrap();
            writeln!(out, "columns = [").unwrap();
            for c in p.columns {
                writeln!(out, "  {{ key = {}, header = {} }},", q(c.key), list(c.header)).unwrap();
            }
            writeln!(out, "]").unwrap();
            sums(out, "column_sums", p.column_sums);
            if !p.fixed_rows.is_empty() {
                writeln!(out, "fixed_rows = [").unwrap();
                for r in p.fixed_rows {
                    let parent = r.parent.map(|p| format!(", parent = {}", q(p))).unwrap_or_default();
                    writeln!(out, "  {{ key = {}, labels = {}{parent} }},", q(r.key), list(r.labels)).unwrap();
                }
                writeln!(out, "]").unwrap();
            }
            sums(out, "row_sums", p.row_sums);
        }
    }

    fn reference(out: &mut String, kind: &str, required: bool) {
        writeln!(out, "\n[[tables]]\nkind = {}\nrequired = {required}", q(kind)).unwrap();
    }

    fn cell(c: &CellRef) -> String {
        q(&format!("{}.{}.{}.{}", c.table, c.panel, c.row, c.column))
    }

    fn identities(out: &mut String, v: &[CrossIdentity], links: &[CodeColumnLink]) {
        writeln!(out, "\n[identities]\ncells = [").unwrap();
        for i in v {
            let rel = if i.relation == Relation::AtMost { ", relation = \"at_most\"" } else { "" };
            let right: Vec<String> = i.right.iter().map(cell).collect();
            let minus: Vec<String> = i.minus.iter().map(cell).collect();
            let minus = if minus.is_empty() { String::new() } else { format!(", minus = [{}]", minus.join(", ")) };
            writeln!(out, "  {{ left = {}{rel}, right = [{}]{minus} }},", cell(&i.left), right.join(", ")).unwrap();
        }
        writeln!(out, "]").unwrap();
        if links.is_empty() {
            return;
        }
        writeln!(out, "code_rows = [").unwrap();
        for l in links {
            writeln!(
                out,
                "  {{ left = {}, right = {}, columns = {}, max_digits = {} }},",
                q(&format!("{}.{}.{}", l.left.0, l.left.1, l.left.2)),
                q(&format!("{}.{}", l.right.0, l.right.1)),
                list(l.right.2),
                l.max_digits
            )
            .unwrap();
        }
        writeln!(out, "]").unwrap();
    }

    fn head(out: &mut String, id: &str, zh: &str, en: &str, doc: &str, scope: &str, words: &[&str]) {
        writeln!(out, "id = {}\nname = {{ zh = {}, en = {} }}", q(id), q(zh), q(en)).unwrap();
        writeln!(out, "document = {}\nscope = {}\ndetection = {}", q(doc), q(scope), list(words)).unwrap();
    }

    #[test]
    #[ignore]
    fn write_form_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/forms");
        let mut n = String::new();
        head(&mut n, "national-budget", "部门预算（财政部模板）", "Department budget (national template)", "budget", "department", &["部门预算"]);
        for s in &TABLES[..11] {
            table(&mut n, s, REQUIRED.contains(&s.kind), None);
        }
        identities(&mut n, BUDGET_IDENTITIES, &CODE_COLUMN_LINKS[..3]);
        std::fs::write(format!("{dir}/national-budget.toml"), n).unwrap();

        let mut s = String::new();
        head(&mut s, "shanghai-department-budget", "上海市部门预算", "Shanghai department budget", "budget", "department", &["部门预算"]);
        reference(&mut s, "income_expense_summary", true);
        table(&mut s, &INCOME_SUMMARY_SHANGHAI, true, Some("income_summary"));
        reference(&mut s, "expenditure_summary", true);
        reference(&mut s, "fiscal_summary", true);
        reference(&mut s, "general_budget_expenditure", true);
        table(&mut s, &GOVERNMENT_FUND_EXPENDITURE_SHANGHAI, true, Some("government_fund_expenditure"));
        table(&mut s, &STATE_CAPITAL_EXPENDITURE_SHANGHAI, false, Some("state_capital_expenditure"));
        reference(&mut s, "general_budget_basic", true);
        table(&mut s, &THREE_PUBLIC_AND_RUNNING_COSTS, true, Some("three_public"));
        identities(&mut s, SHANGHAI_BUDGET_IDENTITIES, &CODE_COLUMN_LINKS[3..4]);
        std::fs::write(format!("{dir}/shanghai-department-budget.toml"), s).unwrap();

        let mut f = String::new();
        head(&mut f, "final-accounts", "部门决算（财政部模板）", "Department final accounts (national template)", "final_accounts", "department", &["决算"]);
        for s in &TABLES[15..] {
            table(&mut f, s, REQUIRED_FINAL.contains(&s.kind), None);
        }
        identities(&mut f, FINAL_ACCOUNTS_IDENTITIES, &CODE_COLUMN_LINKS[4..]);
        std::fs::write(format!("{dir}/final-accounts.toml"), f).unwrap();
    }
}

/// Shanghai's tables that stand for a national one (other columns, same place in the package).
pub fn variant_of(kind: &str) -> Option<&'static str> {
    match kind {
        "income_summary" => Some("income_summary_shanghai"),
        "government_fund_expenditure" => Some("government_fund_expenditure_shanghai"),
        "three_public" => Some("three_public_and_running_costs"),
        _ => None,
    }
}
