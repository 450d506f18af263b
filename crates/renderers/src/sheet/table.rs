//! A table of Part 2 as printed: its number, title, `编制部门 … 单位` line, the label columns
//! (code split into 类/款/项, names, project names), the official merged header built from the
//! registry's header paths, the `※ 1 2 3…` numbering row, then the lines with every value in its
//! column. Tables 1 and 4 print their panels side by side on shared lines, as the templates do.
//! The HTML and PDF renderers only write this out.

use super::header::{head_rows, HeadCell};
use super::layout::Label;
use super::place::{place, Slot};
use super::text::amount;
use crate::layout::{code_part, is_total, PanelCols};
use yusuan_model::table::{Row, Table};

/// Marks a value whose column more than one placement fits (as in the text summary).
pub const AMBIGUOUS: &str = "?";
/// Marks a value placed although the row's figures do not add up.
pub const INCONSISTENT: &str = "!";
/// What [`AMBIGUOUS`] means, printed under a table that uses it.
pub const AMBIGUOUS_NOTE: &str =
    "栏目未定：原文无法确定这些数值所在的栏目（多种放法都满足表内勾稽关系），按原文顺序列在其可能所在的栏目范围内。";
/// What [`INCONSISTENT`] means.
pub const INCONSISTENT_NOTE: &str = "数字不平：本行数字不满足表内勾稽关系，按本行数字放置。";

/// Tables with this many amount columns or more print on a landscape page in the small type.
pub const WIDE: usize = 9;

/// Deeper rows than this share the last indent.
pub const MAX_INDENT: usize = 5;

/// What a column holds, for its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Code,
    Name,
    Project,
    Amount,
}

/// One cell of a body line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyCell {
    /// A label cell of a side that has no row on this line.
    Empty,
    /// A code or one level of it, centred.
    Code(String),
    /// A name, indented `depth` levels (at most [`MAX_INDENT`]).
    Name {
        text: String,
        depth: usize,
    },
    Project(String),
    /// An amount column with nothing in it.
    Blank,
    /// An amount as printed; `inconsistent` rows carry [`INCONSISTENT`].
    Amount {
        text: String,
        inconsistent: bool,
    },
    /// Values whose column is not settled, in printed order, over `span` columns.
    Unplaced {
        span: usize,
        values: Vec<String>,
    },
}

/// One printed line: its cells cover the columns (an `Unplaced` cell covers `span`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// A 合计/总计 line, printed bold.
    pub total: bool,
    pub cells: Vec<BodyCell>,
}

/// A table as printed.
#[derive(Debug)]
pub struct TableSheet<'a> {
    pub number: Option<u32>,
    pub title: &'a str,
    pub department: &'a str,
    pub unit: &'static str,
    /// 9 or more amount columns: a landscape page, small type.
    pub wide: bool,
    /// More than one panel side by side (tables 1 and 4).
    pub sides: bool,
    pub columns: Vec<ColumnKind>,
    /// The merged header rows.
    pub head: Vec<Vec<HeadCell>>,
    /// The `※ 1 2 3…` row under the header (single-panel tables).
    pub numbering: Option<Vec<String>>,
    /// An empty table's statement, printed across the table instead of lines.
    pub empty_statement: Option<&'a str>,
    pub lines: Vec<Line>,
    /// Whether any cell is [`BodyCell::Unplaced`] (explained by [`AMBIGUOUS_NOTE`]).
    pub ambiguous: bool,
    /// Whether any amount is inconsistent (explained by [`INCONSISTENT_NOTE`]).
    pub inconsistent: bool,
}

/// The printed form of a table; `department` stands where the table names none.
pub fn table_sheet<'a>(t: &'a Table, department: Option<&'a str>) -> TableSheet<'a> {
    // The columns and their header paths: one grid for every writer (HTML, PDF, workbook).
    let crate::layout::TableGrid { paths, panels } = crate::layout::table_grid(t);
    let panel_count = panels.len();
    let amount_columns: usize = panels.iter().map(|p| p.amounts).sum();
    let mut columns = Vec::new();
    for p in &panels {
        columns.extend(p.labels.iter().map(|l| match l {
            Label::CodePart(_) | Label::Code => ColumnKind::Code,
            Label::Name => ColumnKind::Name,
            Label::Project => ColumnKind::Project,
        }));
        columns.extend((0..p.amounts).map(|_| ColumnKind::Amount));
    }
    let numbering = (panel_count == 1).then(|| {
        let mut n = 0;
        let mut row = Vec::new();
        for p in &panels {
            row.extend(p.labels.iter().map(|_| "※".to_string()));
            for _ in 0..p.amounts {
                n += 1;
                row.push(n.to_string());
            }
        }
        row
    });
    let mut sheet = TableSheet {
        number: t.number,
        title: &t.title.value,
        department: t.department.as_ref().map(|d| d.value.as_str()).or(department).unwrap_or(""),
        unit: t.unit.label(),
        wide: amount_columns >= WIDE,
        sides: panel_count > 1,
        columns,
        head: head_rows(&paths),
        numbering,
        empty_statement: t.empty_statement.as_ref().map(|s| s.value.as_str()),
        lines: Vec::new(),
        ambiguous: false,
        inconsistent: false,
    };
    if sheet.empty_statement.is_none() {
        // Rows by index from the one line plan the workbook writer uses.
        for line in crate::layout::lines(t, panel_count) {
            let line: Vec<Option<&Row>> = line.into_iter().map(|i| i.and_then(|i| t.rows.get(i))).collect();
            let printed = print_line(t, &panels, &line);
            for c in &printed.cells {
                match c {
                    BodyCell::Unplaced { .. } => sheet.ambiguous = true,
                    BodyCell::Amount { inconsistent: true, .. } => sheet.inconsistent = true,
                    _ => {}
                }
            }
            sheet.lines.push(printed);
        }
    }
    sheet
}

fn print_line(t: &Table, panels: &[PanelCols<'_>], line: &[Option<&Row>]) -> Line {
    let mut cells = Vec::new();
    for (p, cols) in panels.iter().enumerate() {
        let row = line.get(p).copied().flatten();
        for label in &cols.labels {
            cells.push(label_cell(t, row, *label));
        }
        let slots = match row {
            Some(r) => place(r, cols.amounts, cols.panel.is_some()),
            None => (0..cols.amounts).map(|_| Slot::Blank).collect(),
        };
        for slot in slots {
            match slot {
                Slot::Blank => cells.push(BodyCell::Blank),
                Slot::Value { cell, inconsistent } => {
                    cells.push(BodyCell::Amount { text: amount(&cell.value, t.unit), inconsistent })
                }
                Slot::Unplaced { span, cells: values } => cells.push(BodyCell::Unplaced {
                    span,
                    values: values.iter().map(|c| amount(&c.value, t.unit)).collect(),
                }),
                Slot::Covered => {}
            }
        }
    }
    Line { total: line.iter().flatten().any(|r| is_total(r)), cells }
}

fn label_cell(t: &Table, row: Option<&Row>, label: Label) -> BodyCell {
    let Some(row) = row else {
        return BodyCell::Empty;
    };
    let code = row.code.as_ref().map(|c| c.as_str()).unwrap_or("");
    match label {
        Label::CodePart(i) => BodyCell::Code(code_part(code, i).to_string()),
        Label::Code => BodyCell::Code(code.to_string()),
        Label::Name => BodyCell::Name { text: row.name.value.clone(), depth: t.depth(row).min(MAX_INDENT) },
        Label::Project => BodyCell::Project(row.project.as_ref().map_or("", |p| p.value.as_str()).to_string()),
    }
}
