use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use std::collections::BTreeSet;
use yusuan_model::catalog::Code;
use yusuan_model::identities::code_column_links;
use yusuan_model::registry::schema;
use yusuan_model::table::Table;

crate::rule! {
    /// Flags a functional code whose money differs between two tables that state it: table 2's
    /// total against table 3's, table 5 against table 2's general-budget columns (its own and the
    /// upper level's transfers), table 1's and
    /// table 4's spending by class against tables 3, 5, 8 and 9. A code one table lists and the
    /// other does not counts as zero in the other.
    ///
    /// Income and spending by function are typed in separate tables; an item moved in one and
    /// not the other shows up only here.
    ///
    /// Example: table 2 `2080102 一般行政管理事务 总计 56.00` against table 3 `2080102 … 合计 65.00`.
    CODE_ROWS_ACROSS_TABLES: code "X002", name "code-rows-across-tables", family CrossTable, severity Error, check check
}

/// The figure of `code` in a column of a table: the row's cell, or zero when the table lists no
/// such code (anchored at the title) and every line of it was read.
fn figure(cx: &Context, table: &Table, panel: &str, column: &str, code: &Code) -> Option<Fig> {
    // A misread table states no figure, not even the zero of a code it does not list.
    cx.misreading(table).is_none().then_some(())?;
    let s = schema(&table.kind)?;
    let p = s.panels.iter().position(|x| x.key == panel)?;
    let col = s.panels[p].column_index(column)?;
    // Project tables repeat an item code per project; only rows without a project are the item.
    match table.panel_rows(p as u8).find(|r| r.code.as_ref() == Some(code) && r.project.is_none()) {
        Some(row) => cx.cell(table, row, col),
        // A line of the table could not be read: the code may be on it.
        None if !cx.fully_read(table) => None,
        None => Some(Fig::zero(
            table.title.span,
            Message::new(
                format!("{}（未列 {}）", table.title.value, code.spaced()),
                format!("{} (no {})", table.kind, code),
            ),
        )),
    }
}

fn codes(table: &Table, panel: &str, max_digits: usize) -> BTreeSet<Code> {
    let p = schema(&table.kind).and_then(|s| s.panels.iter().position(|x| x.key == panel));
    table
        .rows
        .iter()
        .filter(|r| Some(r.panel as usize) == p && r.project.is_none())
        .filter_map(|r| r.code.clone())
        .filter(|c| c.as_str().len() <= max_digits)
        .collect()
}

fn check(cx: &Context, sink: &mut Sink) {
    for link in code_column_links() {
        let (Some(a), Some(b)) = (cx.doc.table(link.left.0), cx.doc.table(link.right.0)) else { continue };
        let mut all = codes(a, link.left.1, link.max_digits);
        all.extend(codes(b, link.right.1, link.max_digits));
        for code in &all {
            let left = figure(cx, a, link.left.1, link.left.2, code);
            let right: Option<Vec<Fig>> =
                link.right.2.iter().map(|col| figure(cx, b, link.right.1, col, code)).collect();
            let (Some(left), Some(right)) = (left, right) else { continue };
            if left.printed.is_none() && right.iter().all(|f| f.printed.is_none()) {
                continue;
            }
            let what = Message::new(
                format!("科目 {} 在两张表中的金额不一致", code.spaced()),
                format!("code {} differs between two tables", code),
            );
            sink.sum(&left, &right, &what);
        }
    }
}
