//! Where an identity's cell reference points in a table as read: the one resolution the reader
//! (bounds between tables while placing figures) and the checker (the identities' figures) share.

use crate::identities::CellRef;
use crate::table::TableSchema;

/// A row of a table as read, as a cell reference sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowKey<'a> {
    pub panel: u8,
    /// The classification code, digits only (`2080101`).
    pub code: Option<&'a str>,
    /// The declared row's key (`total`, `fiscal`).
    pub fixed: Option<&'a str>,
}

/// What a cell reference names in a table as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellAt {
    /// The row at this index of the rows given, and the column of its panel.
    Cell { row: usize, col: usize },
    /// No printed row holds it and none could: an exact zero.
    Zero,
    /// What was read does not say.
    Unknown,
}

impl CellRef {
    /// Resolves the reference in a table of its kind (`schema`), given its rows in order,
    /// whether it states it is empty (…为空表), and whether every line of it was read.
    /// An empty table holds zeros; a table with no rows and no such statement is unknown. A
    /// code the table does not list has nothing in it. A declared row it does not print is
    /// zero when every line was read (the template lacks the line), unknown when some line
    /// could not be placed (it may be that row, mislabelled), and unknown when it is a subtotal
    /// whose parts are printed (Shanghai's 财政拨款收支预算总表 prints no 财政拨款 line above
    /// 一般公共预算资金: the subtotal is what its parts make, not zero).
    pub fn locate<'a>(
        &self,
        schema: &TableSchema,
        rows: impl Iterator<Item = RowKey<'a>> + Clone,
        says_empty: bool,
        all_read: impl FnOnce() -> bool,
    ) -> CellAt {
        if says_empty {
            return CellAt::Zero;
        }
        if rows.clone().next().is_none() {
            return CellAt::Unknown;
        }
        let Some(p) = schema.panels.iter().position(|p| p.key == self.panel) else { return CellAt::Unknown };
        let Some(col) = schema.panels[p].column_index(self.column) else { return CellAt::Unknown };
        let by_code = self.row.chars().all(|ch| ch.is_ascii_digit());
        let in_panel = |r: &RowKey| r.panel as usize == p;
        let found = rows
            .clone()
            .position(|r| in_panel(&r) && if by_code { r.code == Some(self.row) } else { r.fixed == Some(self.row) });
        if let Some(row) = found {
            return CellAt::Cell { row, col };
        }
        if by_code {
            return CellAt::Zero;
        }
        let parts_printed = schema.panels[p]
            .row_sums
            .iter()
            .filter(|s| s.total == self.row)
            .any(|s| s.parts.iter().any(|part| rows.clone().any(|r| in_panel(&r) && r.fixed == Some(*part))));
        if !parts_printed && all_read() {
            CellAt::Zero
        } else {
            CellAt::Unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::schema;

    fn cell(table: &'static str, panel: &'static str, row: &'static str, column: &'static str) -> CellRef {
        CellRef { table, panel, row, column }
    }

    #[test]
    fn a_reference_finds_its_row_or_says_why_not() {
        let s = schema("expenditure_summary").unwrap();
        let panel = s.panels[0].key;
        let total_col = s.panels[0].columns[0].key;
        let total = s.panels[0].fixed_rows.first().map(|f| f.key).unwrap();
        let rows =
            [RowKey { panel: 0, code: None, fixed: Some(total) }, RowKey { panel: 0, code: Some("201"), fixed: None }];
        let at = |c: CellRef, all_read: bool| c.locate(s, rows.iter().copied(), false, || all_read);
        assert_eq!(at(cell(s.kind, panel, "201", total_col), true), CellAt::Cell { row: 1, col: 0 });
        assert_eq!(at(cell(s.kind, panel, total, total_col), true), CellAt::Cell { row: 0, col: 0 });
        // A code not listed holds nothing, whatever was left unread.
        assert_eq!(at(cell(s.kind, panel, "205", total_col), false), CellAt::Zero);
        assert_eq!(at(cell(s.kind, panel, "201", "no_such_column"), true), CellAt::Unknown);
        // An empty table is zeros; a table of no rows that does not say so is unknown.
        let none = std::iter::empty();
        assert_eq!(cell(s.kind, panel, "201", total_col).locate(s, none.clone(), true, || true), CellAt::Zero);
        assert_eq!(cell(s.kind, panel, "201", total_col).locate(s, none, false, || true), CellAt::Unknown);
    }

    #[test]
    fn a_declared_row_not_printed_is_zero_only_when_nothing_else_could_be_it() {
        let s = schema("fiscal_summary").unwrap();
        let fiscal = cell(s.kind, "income", "fiscal", "amount");
        let carry = cell(s.kind, "income", "carry_over", "amount");
        let rows = [
            RowKey { panel: 0, code: None, fixed: Some("income_total") },
            RowKey { panel: 0, code: None, fixed: Some("general_budget") },
        ];
        let at = |c: CellRef, all_read: bool| c.locate(s, rows.iter().copied(), false, || all_read);
        // 结转 is not printed and none of its parts is: zero when every line was read.
        assert_eq!(at(carry, true), CellAt::Zero);
        assert_eq!(at(carry, false), CellAt::Unknown);
        // 财政拨款 is not printed but its part 一般公共预算 is: the subtotal is not zero.
        assert_eq!(at(fiscal, true), CellAt::Unknown);
    }
}
