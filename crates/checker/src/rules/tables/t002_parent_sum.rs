use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::registry::schema;
use yusuan_model::table::{RowKeyKind, Table};

crate::rule! {
    /// Flags a row that is not the sum of the rows under it, column by column: a 类 against its
    /// 款, a 款 against its 项 (or projects), the total row against the 类 (or units).
    ///
    /// Tables are typed by hand from spreadsheets; a changed item that was not carried up to its
    /// 款 and 类 leaves every level above it wrong.
    ///
    /// Example: `208 01 人力资源和社会保障管理事务 921.59` with items 319.59 + 56.00 + 15.00 + 521.00 = 911.59.
    TABLE_PARENT_SUM: code "T002", name "table-parent-sum", family Tables, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for table in &cx.doc.tables {
        let Some(s) = schema(&table.kind) else { continue };
        for (p, panel) in s.panels.iter().enumerate() {
            // Declared rows are summed by their own rule (T003).
            if panel.row_key == RowKeyKind::Fixed {
                continue;
            }
            for (i, parent) in table.rows.iter().enumerate() {
                if parent.panel as usize != p {
                    continue;
                }
                let children: Vec<_> = table.rows.iter().filter(|r| r.parent == Some(i)).collect();
                // Columns an ambiguous row leaves open come back as None below.
                if children.is_empty() || !subtree_read(cx, table, i) {
                    continue;
                }
                for col in 0..panel.columns.len() {
                    let Some(total) = cx.cell(table, parent, col) else { continue };
                    let parts: Option<Vec<Fig>> = children.iter().map(|c| cx.cell(table, c, col)).collect();
                    let Some(parts) = parts else { continue };
                    // Nothing printed on either side: nothing to evaluate.
                    if total.printed.is_none() && parts.iter().all(|f| f.printed.is_none()) {
                        continue;
                    }
                    let what = Message::new("上级科目与下级科目之和不符", "a row against the sum of the rows under it");
                    sink.sum(&total, &parts, &what);
                }
            }
        }
    }
}

/// Whether every line among a parent and its rows, up to the next row outside them, was read: a
/// line the reader could not place there (a misprinted code, an unknown class name) may be one
/// of the children, so their sum is not sure.
fn subtree_read(cx: &Context, table: &Table, parent: usize) -> bool {
    let within = |k: usize| {
        let mut at = table.rows.get(k).and_then(|r| r.parent);
        while let Some(p) = at {
            if p == parent {
                return true;
            }
            at = table.rows.get(p).and_then(|r| r.parent);
        }
        false
    };
    let members: Vec<usize> = (0..table.rows.len()).filter(|&k| k == parent || within(k)).collect();
    let (Some(&first), Some(&last)) = (members.first(), members.last()) else { return true };
    let from = table.rows[first].span.line;
    let to = table.rows.get(last + 1).map(|r| r.span.line.saturating_sub(1)).unwrap_or(table.span.end_line);
    !cx.unread_between(from, to.max(table.rows[last].span.line))
}
