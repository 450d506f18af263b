use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::registry::schema;
use yusuan_model::table::{Assignment, Panel, Row, Table};

crate::rule! {
    /// Flags a table row whose total column is not the sum of its part columns, as the table kind
    /// declares them (总计 = 财政拨款 + 财政专户 + 单位资金 + 结转; 合计 = 基本支出 + 项目支出;
    /// 基本支出 = 人员经费 + 公用经费).
    ///
    /// A row that does not add up across is a typing slip in the most-read figure of the table.
    ///
    /// Example: `2080102 一般行政管理事务 合计 56.00 基本支出 26.00 项目支出 25.00` — 26 + 25 = 51 ≠ 56.
    TABLE_ROW_TOTAL: code "T001", name "table-row-total", family Tables, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for table in &cx.doc.tables {
        let Some(s) = schema(&table.kind) else { continue };
        // A misread table's rows say nothing certain (T005 reports it once).
        if cx.misreading(table).is_some() {
            continue;
        }
        for row in &table.rows {
            let Some(panel) = s.panels.get(row.panel as usize) else { continue };
            if row.values.is_empty() {
                continue;
            }
            if !Context::settled(table, row) {
                unplaced(sink, table, row, panel);
                continue;
            }
            for rule in panel.column_sums {
                let Some((t, parts)) = panel.sum_columns(rule) else { continue };
                let (Some(total), Some(parts)) = (
                    cx.cell(table, row, t),
                    parts.iter().map(|&p| cx.cell(table, row, p)).collect::<Option<Vec<Fig>>>(),
                ) else {
                    continue;
                };
                let what = Message::new("行内合计与分项之和不符", "row total against its parts");
                sink.sum(&total, &parts, &what);
            }
        }
    }
}

/// A row whose columns the text leaves open still adds up when, in every placement that fits, the
/// same value is the total and all the others are its parts (table 7's 合计 and its economic
/// classes): then the total is checked against those values whatever their columns.
fn unplaced(sink: &mut Sink, table: &Table, row: &Row, panel: &Panel) {
    let Assignment::Ambiguous { candidates } = &row.assignment else { return };
    for rule in panel.column_sums {
        let Some((t, parts)) = panel.sum_columns(rule) else { continue };
        let total_at = |c: &Vec<u16>| c.iter().position(|&x| x as usize == t);
        let Some(Some(ti)) = candidates.first().map(total_at) else { continue };
        let same_shape = candidates.iter().all(|c| {
            total_at(c) == Some(ti) && c.iter().enumerate().all(|(i, &col)| i == ti || parts.contains(&(col as usize)))
        });
        if !same_shape {
            continue;
        }
        let label = |i: usize| {
            let base = Context::cell_label(table, row, t);
            if i == ti {
                base
            } else {
                Message::new(format!("{}的分项", row.name.value), format!("a part of '{}'", row.name.value))
            }
        };
        let fig = |i: usize| row.values.get(i).map(|v| Fig::printed(&v.value, v.span, label(i)));
        let Some(total) = fig(ti) else { continue };
        let parts: Vec<Fig> = (0..row.values.len()).filter(|&i| i != ti).filter_map(fig).collect();
        let what = Message::new("行内合计与分项之和不符", "row total against its parts");
        sink.sum(&total, &parts, &what);
    }
}
