use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::registry::schema;

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
        for row in &table.rows {
            let Some(panel) = s.panels.get(row.panel as usize) else { continue };
            if !Context::settled(table, row) || row.values.is_empty() {
                continue;
            }
            for rule in panel.column_sums {
                let (Some(t), Some(parts)) = (
                    panel.column_index(rule.total),
                    rule.parts.iter().map(|k| panel.column_index(k)).collect::<Option<Vec<_>>>(),
                ) else {
                    continue;
                };
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
