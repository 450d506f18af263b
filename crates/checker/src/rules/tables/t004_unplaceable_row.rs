use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;

crate::rule! {
    /// Flags a table row whose figures fit no placement in the table's columns that satisfies the
    /// table's identities: whichever columns they stand in, the row does not add up.
    ///
    /// Text taken from a PDF loses blank cells, so a row is read by finding the columns that make
    /// it add up; when none do, the row itself is wrong (or has a figure too many).
    ///
    /// Example: `2080102 一般行政管理事务 56.00 26.00 26.00 25.00 6.00` in 部门收入总体情况表.
    TABLE_UNPLACEABLE_ROW: code "T004", name "table-unplaceable-row", family Tables, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for table in &cx.doc.tables {
        // Most rows not fitting is a misreading of the table, reported once by T005.
        if cx.misreading(table).is_some() {
            continue;
        }
        for row in &table.rows {
            // A row with a value in every column has its placement forced: T001 says what is wrong.
            if let yusuan_model::table::Assignment::Inconsistent { .. } = row.assignment {
                if Context::settled(table, row) {
                    continue;
                }
                let values: Vec<String> = row.values.iter().map(|v| v.value.value.to_string()).collect();
                sink.report(
                    row.span,
                    Message::new(
                        format!(
                            "表“{}”“{}”行的数值 {} 无论放在哪些栏目都不满足表内勾稽关系",
                            table.title.value,
                            row.name.value,
                            values.join(" ")
                        ),
                        format!(
                            "the figures {} of row '{}' in '{}' add up in no placement of the table's columns",
                            values.join(" "),
                            row.name.value,
                            table.title.value
                        ),
                    ),
                );
            }
        }
    }
}
