//! Where a row's values go. A model read from a document may not know every value's column
//! (`Assignment::Ambiguous`), or may know them from figures that do not add up
//! (`Assignment::Inconsistent`). Settled values go in their columns; values whose column is not
//! settled are printed in their printed order across the columns they could stand in, marked,
//! rather than guessed into one.

use yusuan_model::table::{Assignment, Cell, Row};

/// What one amount column of a row holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Slot<'a> {
    Blank,
    /// A value in its column; `inconsistent` when the row's figures do not add up.
    Value {
        cell: &'a Cell,
        inconsistent: bool,
    },
    /// Values whose column is not settled, in printed order, over `span` columns from here.
    Unplaced {
        span: usize,
        cells: Vec<&'a Cell>,
    },
    /// Inside an `Unplaced` span.
    Covered,
}

/// The slots of `ncols` amount columns. `declared` is false when the table's kind is unknown:
/// the values then stand in printed order.
pub(crate) fn place(row: &Row, ncols: usize, declared: bool) -> Vec<Slot<'_>> {
    let mut slots: Vec<Slot<'_>> = (0..ncols).map(|_| Slot::Blank).collect();
    let n = row.values.len();
    let printed: Vec<Option<usize>> = (0..n).map(Some).collect();
    let (columns, inconsistent): (Vec<Option<usize>>, bool) = if !declared {
        (printed, false)
    } else {
        match &row.assignment {
            Assignment::Resolved { columns } => (as_columns(columns, n), false),
            Assignment::Inconsistent { columns } => (as_columns(columns, n), true),
            Assignment::Ambiguous { candidates } => ((0..n).map(|i| agreed(candidates, i, n)).collect(), false),
        }
    };
    let mut unsettled = Vec::new();
    for (cell, column) in row.values.iter().zip(&columns) {
        match column.and_then(|c| slots.get_mut(c)) {
            Some(slot @ Slot::Blank) => *slot = Slot::Value { cell, inconsistent },
            _ => unsettled.push(cell),
        }
    }
    if unsettled.is_empty() {
        return slots;
    }
    // The columns the unsettled values could stand in: any candidate's, else all still blank.
    let possible: Vec<usize> = match &row.assignment {
        Assignment::Ambiguous { candidates } if declared => (0..n)
            .filter(|&i| columns.get(i).is_some_and(Option::is_none))
            .flat_map(|i| candidates.iter().filter_map(move |c| c.get(i).map(|&c| c as usize)))
            .collect(),
        _ => (0..ncols).filter(|&c| matches!(slots.get(c), Some(Slot::Blank))).collect(),
    };
    let (Some(&lo), Some(&hi)) = (possible.iter().min(), possible.iter().max()) else {
        return whole_row(row, ncols);
    };
    match slots.get(lo..=hi) {
        Some(run) if run.iter().all(|s| matches!(s, Slot::Blank)) => {}
        _ => return whole_row(row, ncols),
    }
    let mut unsettled = Some(unsettled);
    for (c, s) in slots.iter_mut().enumerate().take(hi + 1).skip(lo) {
        *s = match unsettled.take() {
            Some(cells) => Slot::Unplaced { span: hi - c + 1, cells },
            None => Slot::Covered,
        };
    }
    slots
}

fn as_columns(columns: &[u16], n: usize) -> Vec<Option<usize>> {
    (0..n).map(|i| columns.get(i).map(|&c| c as usize)).collect()
}

/// Every value of the row, unplaced, across all the columns: the fallback when the settled
/// values leave no clean run of columns for the others.
fn whole_row(row: &Row, ncols: usize) -> Vec<Slot<'_>> {
    if ncols == 0 {
        return Vec::new();
    }
    let mut slots = vec![Slot::Unplaced { span: ncols, cells: row.values.iter().collect() }];
    slots.extend((1..ncols).map(|_| Slot::Covered));
    slots
}

/// The column of value `i` when every candidate placement puts it in the same one.
fn agreed(candidates: &[Vec<u16>], i: usize, n: usize) -> Option<usize> {
    let mut columns = candidates.iter().map(|c| if c.len() == n { c.get(i).copied() } else { None });
    let first = columns.next().flatten()?;
    columns.all(|c| c == Some(first)).then_some(first as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_model::{AmountUnit, Money, Span, Spanned};

    fn row(values: &[&str], assignment: Assignment) -> Row {
        let cell = |v: &str| Cell { value: Money::parse(v, AmountUnit::Wan).expect("amount"), span: Span::default() };
        Row {
            panel: 0,
            code: None,
            fixed: None,
            name: Spanned::new("x".to_string(), Span::default()),
            project: None,
            values: values.iter().map(|v| cell(v)).collect(),
            assignment,
            parent: None,
            span: Span::default(),
        }
    }

    fn shape(slots: &[Slot<'_>]) -> String {
        slots
            .iter()
            .map(|s| match s {
                Slot::Blank => "_".to_string(),
                Slot::Value { cell, inconsistent } => {
                    format!("{}{}", cell.value.value, if *inconsistent { "!" } else { "" })
                }
                Slot::Unplaced { span, cells } => {
                    let v: Vec<String> = cells.iter().map(|c| c.value.value.to_string()).collect();
                    format!("[{}/{span}]", v.join(" "))
                }
                Slot::Covered => "-".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn resolved_values_stand_in_their_columns() {
        let r = row(&["56.00", "26.00"], Assignment::Resolved { columns: vec![0, 2] });
        assert_eq!(shape(&place(&r, 4, true)), "56.00 _ 26.00 _");
        let r = row(&["5", "3"], Assignment::Inconsistent { columns: vec![0, 1] });
        assert_eq!(shape(&place(&r, 3, true)), "5! 3! _");
    }

    #[test]
    fn unsettled_values_span_the_columns_they_could_stand_in() {
        let candidates = vec![vec![0, 1, 2], vec![0, 1, 3], vec![0, 2, 3]];
        let r = row(&["267.00", "262.08", "4.92"], Assignment::Ambiguous { candidates });
        assert_eq!(shape(&place(&r, 5, true)), "267.00 [262.08 4.92/3] - - _");
    }

    #[test]
    fn no_clean_run_means_the_whole_row_unplaced() {
        let r = row(&["1", "2"], Assignment::Ambiguous { candidates: vec![] });
        assert_eq!(shape(&place(&r, 3, true)), "[1 2/3] - -");
        let r = row(&["1", "2"], Assignment::Resolved { columns: vec![0, 7] });
        assert_eq!(shape(&place(&r, 3, true)), "1 [2/2] -");
    }
}
