//! Tables the reader did not read as their declared form. When most of a table's rows fail the
//! identities of the columns it was read under, the fault is in the reading (the wrong form, a
//! header misdeclared), not in most of its figures: errors from its cells would all be false.
//!
//! A row *does not fit* when its figures fit no placement in the declared columns (T004's
//! ground), when its settled total is not the sum of its parts beyond rounding (T001's), or when
//! it is the lowest row of a chain whose children do not sum to it (T002's: a 款 typed wrong also
//! leaves its 类 unbalanced, and that is one slip, so only the lowest failing parent counts).
//!
//! The threshold: a table is misread when, in one of its panels (a group of columns with its own
//! rows: the income and spending sides of a 收支总表), at least [`MIN_MISFITS`] rows do not fit
//! and they are more than half of the panel's rows that print values. One genuinely wrong figure
//! makes at most two rows fail (its own row across and its parent down), so a real slip never
//! reaches it; a panel read under the wrong columns fails on nearly every row.

use crate::compare::compare;
use crate::context::{Context, Fig};
use yusuan_model::money::Interval;
use yusuan_model::registry::schema;
use yusuan_model::table::{Assignment, RowKeyKind, Table};

/// The fewest rows that must not fit before a table counts as misread.
pub const MIN_MISFITS: usize = 3;

/// What made a table count as misread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Misreading {
    /// The panel whose rows do not fit.
    pub panel: u8,
    /// Rows of that panel that print at least one value.
    pub rows_with_values: usize,
    /// Of them, rows that do not fit the declared columns' identities.
    pub misfits: usize,
}

/// The misreading of each table of the document, by index in `doc.tables`.
pub fn misreadings(cx: &Context) -> Vec<Option<Misreading>> {
    cx.doc.tables.iter().map(|t| misreading(cx, t)).collect()
}

fn misreading(cx: &Context, table: &Table) -> Option<Misreading> {
    let s = schema(&table.kind)?;
    let mut misfit = vec![false; table.rows.len()];
    for (i, row) in table.rows.iter().enumerate() {
        if row.values.is_empty() {
            continue;
        }
        let Some(panel) = s.panels.get(row.panel as usize) else { continue };
        let fits_not = match &row.assignment {
            Assignment::Inconsistent { .. } => true,
            Assignment::Ambiguous { .. } => false,
            Assignment::Resolved { .. } => panel.column_sums.iter().any(|rule| {
                let Some((t, parts)) = panel.sum_columns(rule) else { return false };
                let (Some(total), Some(parts)) = (
                    cx.raw_cell(table, row, t),
                    parts.iter().map(|&p| cx.raw_cell(table, row, p)).collect::<Option<Vec<Fig>>>(),
                ) else {
                    return false;
                };
                compare(&total.interval, &sum(&parts)).is_mismatch()
            }),
        };
        if let Some(m) = misfit.get_mut(i) {
            *m = fits_not;
        }
    }
    let unbalanced: Vec<bool> = (0..table.rows.len()).map(|i| parent_unbalanced(cx, table, i)).collect();
    for (i, &bad) in unbalanced.iter().enumerate() {
        let lowest =
            !table.rows.iter().enumerate().any(|(j, r)| r.parent == Some(i) && unbalanced.get(j) == Some(&true));
        if bad && lowest {
            if let Some(m) = misfit.get_mut(i) {
                *m = true;
            }
        }
    }
    (0..s.panels.len()).find_map(|p| {
        let of_panel = |i: &usize| table.rows.get(*i).is_some_and(|r| r.panel as usize == p && !r.values.is_empty());
        let rows: Vec<usize> = (0..table.rows.len()).filter(of_panel).collect();
        let misfits = rows.iter().filter(|&&i| misfit.get(i).copied().unwrap_or(false)).count();
        (misfits >= MIN_MISFITS && misfits * 2 > rows.len()).then_some(Misreading {
            panel: p as u8,
            rows_with_values: rows.len(),
            misfits,
        })
    })
}

fn sum(parts: &[Fig]) -> Interval {
    parts.iter().fold(Interval::ZERO, |acc, p| acc + p.interval)
}

/// Whether row `i` is not the sum of the rows under it in some column (T002's identity).
fn parent_unbalanced(cx: &Context, table: &Table, i: usize) -> bool {
    let Some(parent) = table.rows.get(i) else { return false };
    let Some(panel) = schema(&table.kind).and_then(|s| s.panels.get(parent.panel as usize)) else { return false };
    if panel.row_key == RowKeyKind::Fixed {
        return false;
    }
    let children: Vec<_> = table.rows.iter().filter(|r| r.parent == Some(i)).collect();
    if children.is_empty() {
        return false;
    }
    (0..panel.columns.len()).any(|col| {
        let Some(total) = cx.raw_cell(table, parent, col) else { return false };
        let Some(parts) = children.iter().map(|c| cx.raw_cell(table, c, col)).collect::<Option<Vec<Fig>>>() else {
            return false;
        };
        compare(&total.interval, &sum(&parts)).is_mismatch()
    })
}
