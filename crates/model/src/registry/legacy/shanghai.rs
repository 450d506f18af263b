//! Shanghai's budget template (上海市 2024 部门预算, `fixtures/corpus/shpt-wljd-2024-budget`): the
//! tables whose columns differ from the national ones. Tables with the national columns under a
//! Shanghai title are aliases of the national kinds (`super`).

use super::{basic_project_panel, col, row, sum};
use crate::money::AmountUnit;
use crate::table::{DocumentKind, Panel, RowKeyKind, TableSchema};

/// 部门收入预算总表 as Shanghai prints it: income by function and by four sources. Its title is
/// also the national 部门收入总体情况表's alias; the header decides (`schema_variants`).
pub const INCOME_SUMMARY_SHANGHAI: TableSchema = TableSchema {
    kind: "income_summary_shanghai",
    document: DocumentKind::Budget,
    title: "部门收入预算总表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::FunctionCode,
        columns: &[
            col("total", &["收入预算", "合计"]),
            col("fiscal", &["收入预算", "财政拨款收入"]),
            col("business_income", &["收入预算", "事业收入"]),
            col("operating_income", &["收入预算", "事业单位经营收入"]),
            col("other_income", &["收入预算", "其他收入"]),
        ],
        column_sums: &[sum("total", &["fiscal", "business_income", "operating_income", "other_income"])],
        fixed_rows: &[row("total", &["合计", "总计"], None)],
        row_sums: &[],
    }],
};

/// 部门政府性基金预算支出功能分类预算表: basic and project spending, not split further.
pub const GOVERNMENT_FUND_EXPENDITURE_SHANGHAI: TableSchema = TableSchema {
    kind: "government_fund_expenditure_shanghai",
    document: DocumentKind::Budget,
    title: "部门政府性基金预算支出功能分类预算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[basic_project_panel()],
};

/// 部门国有资本经营预算支出功能分类预算表: basic and project spending, not split further.
pub const STATE_CAPITAL_EXPENDITURE_SHANGHAI: TableSchema = TableSchema {
    kind: "state_capital_expenditure_shanghai",
    document: DocumentKind::Budget,
    title: "部门国有资本经营预算支出功能分类预算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[basic_project_panel()],
};

const THREE_PUBLIC_HEAD: &str = "“三公”经费预算数";

/// 部门"三公"经费和机关运行经费预算表: one line of figures, without a label.
pub const THREE_PUBLIC_AND_RUNNING_COSTS: TableSchema = TableSchema {
    kind: "three_public_and_running_costs",
    document: DocumentKind::Budget,
    title: "部门“三公”经费和机关运行经费预算表",
    aliases: &[],
    unit: AmountUnit::Wan,
    panels: &[Panel {
        key: "main",
        row_key: RowKeyKind::Fixed,
        columns: &[
            col("total", &[THREE_PUBLIC_HEAD, "合计"]),
            col("overseas", &[THREE_PUBLIC_HEAD, "因公出国(境)费"]),
            col("reception", &[THREE_PUBLIC_HEAD, "公务接待费"]),
            col("vehicle", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "小计"]),
            col("vehicle_purchase", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "购置费"]),
            col("vehicle_operation", &[THREE_PUBLIC_HEAD, "公务用车购置及运行费", "运行费"]),
            col("agency_running_costs", &["机关运行经费预算数"]),
        ],
        column_sums: &[
            sum("total", &["overseas", "reception", "vehicle"]),
            sum("vehicle", &["vehicle_purchase", "vehicle_operation"]),
        ],
        fixed_rows: &[row("budget", &[], None)],
        row_sums: &[],
    }],
};
