//! Shanghai's **unit** budget (单位预算, `fixtures/corpus/shpt-flyy-2024-unit-budget` and the
//! official 2026 form `单位预算公开样张`): every budget unit under a department publishes one.
//! Most of its tables are the department's under a `预算单位…` title (aliases of those kinds); the
//! 财务收支预算总表 differs: it splits spending into 合计 | 人员经费 | 公用经费 | 项目支出.

use super::{col, sum, EXPENDITURE_TOTAL_ROW, SUMMARY_INCOME_ROWS, SUMMARY_INCOME_SUMS};
use crate::money::AmountUnit;
use crate::table::{DocumentKind, Panel, RowKeyKind, TableSchema};

/// 预算单位财务收支预算总表: income by source (the department table's lines), spending by
/// functional class with its basic (personnel, operating) and project split.
pub const UNIT_INCOME_EXPENSE_SUMMARY: TableSchema = TableSchema {
    kind: "unit_income_expense_summary",
    document: DocumentKind::Budget,
    title: "预算单位财务收支预算总表",
    aliases: &["单位财务收支预算总表"],
    unit: AmountUnit::Yuan,
    panels: &[
        Panel {
            key: "income",
            row_key: RowKeyKind::Fixed,
            columns: &[col("amount", &["预算数"])],
            column_sums: &[],
            fixed_rows: SUMMARY_INCOME_ROWS,
            row_sums: SUMMARY_INCOME_SUMS,
        },
        Panel {
            key: "expenditure",
            row_key: RowKeyKind::FunctionClass,
            columns: &[
                col("total", &["预算数", "合计"]),
                col("personnel", &["预算数", "基本支出", "人员经费"]),
                col("operating", &["预算数", "基本支出", "公用经费"]),
                col("project", &["预算数", "项目支出"]),
            ],
            column_sums: &[sum("total", &["personnel", "operating", "project"])],
            fixed_rows: EXPENDITURE_TOTAL_ROW,
            row_sums: &[],
        },
    ],
};
