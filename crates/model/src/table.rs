//! The tables of a disclosure: their declared shape ([`TableSchema`], see [`crate::registry`])
//! and what a document holds in them ([`Table`]).

use crate::catalog::Code;
use crate::money::{AmountUnit, Money};
use crate::span::{Span, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A column as declared: a stable key, and its header as the levels of the official merged
/// header, outermost first (`["财政拨款（补助）", "一般公共预算"]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    pub key: &'static str,
    pub header: &'static [&'static str],
}

/// `total = Σ parts`, by column key (across a row) or by row key (down a column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SumRule {
    pub total: &'static str,
    pub parts: &'static [&'static str],
}

/// A row a table always prints, in its place: the income lines of table 1, the lines of the
/// 三公 table. `labels` are the ways documents write it (compared without spaces and
/// punctuation width), `parent` the row it is a 其中 of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedRow {
    pub key: &'static str,
    pub labels: &'static [&'static str],
    pub parent: Option<&'static str>,
}

/// How the rows of a panel are keyed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RowKeyKind {
    /// Functional codes 类/款/项 under a total row (tables 2, 3, 5, 8, 9).
    FunctionCode,
    /// Functional classes only, one line each (the spending side of tables 1 and 4).
    FunctionClass,
    /// Economic codes 类/款 under a total row (table 6).
    EconCode,
    /// Functional codes with a project name per item row, under unit rows (table 7).
    FunctionCodeProject,
    /// Declared rows only ([`FixedRow`]).
    Fixed,
    /// Free names under a total row: units, then their items (table 11).
    Named,
}

/// A group of columns with its own rows. Most tables have one; tables 1 and 4 print income and
/// spending side by side as two panels on the same lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panel {
    pub key: &'static str,
    pub row_key: RowKeyKind,
    pub columns: &'static [ColumnDef],
    /// Identities across each row.
    pub column_sums: &'static [SumRule],
    /// Declared rows (for `Fixed`, or the total lines of the other kinds).
    pub fixed_rows: &'static [FixedRow],
    /// Identities down the declared rows.
    pub row_sums: &'static [SumRule],
}

impl Panel {
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }

    /// A column sum rule as indices: the total column and its part columns.
    pub fn sum_columns(&self, rule: &SumRule) -> Option<(usize, Vec<usize>)> {
        let total = self.column_index(rule.total)?;
        let parts = rule.parts.iter().map(|k| self.column_index(k)).collect::<Option<Vec<_>>>()?;
        Some((total, parts))
    }
}

/// Whether a table belongs to a budget (预算) or to final accounts (决算).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 部门预算.
    Budget,
    /// 部门决算.
    FinalAccounts,
}

/// One kind of table, declared once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSchema {
    /// Stable key (`income_expense_summary`, …), used in JSON and rule codes.
    pub kind: &'static str,
    pub document: DocumentKind,
    /// The title in the template the kind was first declared from.
    pub title: &'static str,
    /// Other titles of the same table (other templates, years, provinces).
    pub aliases: &'static [&'static str],
    pub unit: AmountUnit,
    pub panels: &'static [Panel],
}

impl TableSchema {
    pub fn panel(&self, key: &str) -> Option<&Panel> {
        self.panels.iter().find(|p| p.key == key)
    }
}

/// One value as printed, where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cell {
    /// The amount, in the table's unit, as printed.
    pub value: Money,
    /// Where it was printed.
    pub span: Span,
}

/// Which columns a row's values stand in. Extracted text keeps the values in order but drops
/// blank cells, so the columns are recovered from the table's identities. A column index is a
/// position in the declared columns of the row's panel (`yusuan_model::registry`), 0-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Assignment {
    /// Settled: one column index per value, in the order of `values`.
    Resolved { columns: Vec<u16> },
    /// More than one placement fits every identity; each candidate is one column index per value.
    Ambiguous { candidates: Vec<Vec<u16>> },
    /// No placement fits the identities (the figures do not add up); `columns` is the first
    /// placement that fits the row alone, or the leftmost one.
    Inconsistent { columns: Vec<u16> },
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Row {
    /// Index of the panel in the table's schema.
    pub panel: u8,
    /// The functional or economic code, if the row has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Code>,
    /// The declared row this is (`general_budget`, `total`, …), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed: Option<String>,
    /// The name as printed (科目名称, 项目, unit name).
    pub name: Spanned<String>,
    /// The project name, for rows of project tables.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<Spanned<String>>,
    /// The values in printed order.
    pub values: Vec<Cell>,
    /// Which declared column each of `values` stands in.
    pub assignment: Assignment,
    /// Index of the parent row in `Table::rows` (a 款 for a 项, the total row for a 类).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<usize>,
    /// The row, wrapped lines included.
    pub span: Span,
}

impl Row {
    /// The value in column `col`, when the assignment is settled.
    pub fn cell(&self, col: usize) -> Option<&Cell> {
        let columns = match &self.assignment {
            Assignment::Resolved { columns } | Assignment::Inconsistent { columns } => columns,
            Assignment::Ambiguous { .. } => return None,
        };
        columns.iter().position(|&c| c as usize == col).and_then(|i| self.values.get(i))
    }

    /// Whether every value's column is settled.
    pub fn is_resolved(&self) -> bool {
        matches!(self.assignment, Assignment::Resolved { .. })
    }
}

/// A table as read from a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Table {
    /// The schema's kind (`income_summary`, …): the key of its declaration in the registry, which
    /// gives the columns that `Assignment` indexes into.
    pub kind: String,
    /// The number printed above it (`表 1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The title as printed.
    pub title: Spanned<String>,
    /// 编制部门 as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Spanned<String>>,
    /// The unit the table states (单位：万元).
    pub unit: AmountUnit,
    /// The rows of every panel, in printed order.
    pub rows: Vec<Row>,
    /// The statement of an empty table (…为空表), when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub empty_statement: Option<Spanned<String>>,
    /// From the title to the last row.
    pub span: Span,
}

impl Table {
    /// How many parents up a row's chain goes (the total row is 0, a 类 under it 1 …), bounded
    /// by the number of rows so a malformed chain cannot loop.
    pub fn depth(&self, row: &Row) -> usize {
        let mut depth = 0;
        let mut parent = row.parent;
        while let Some(p) = parent {
            if depth >= self.rows.len() {
                break;
            }
            depth += 1;
            parent = self.rows.get(p).and_then(|r| r.parent);
        }
        depth
    }

    pub fn is_empty_table(&self) -> bool {
        self.empty_statement.is_some()
    }

    /// The rows of one panel.
    pub fn panel_rows(&self, panel: u8) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| r.panel == panel)
    }

    /// The row with this code in this panel.
    pub fn row_by_code(&self, panel: u8, code: &str) -> Option<&Row> {
        self.panel_rows(panel).find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == code))
    }

    /// The declared row with this key.
    pub fn fixed_row(&self, panel: u8, key: &str) -> Option<&Row> {
        self.panel_rows(panel).find(|r| r.fixed.as_deref() == Some(key))
    }
}
