use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::registry::schema;

crate::rule! {
    /// Flags a declared summary line that is not the sum of its declared parts: 收入总计 = 本年收入
    /// + 上年结转结余, 本年收入 = its five sources, 一般公共预算拨款 = 一般财力 + 上级转移支付, the
    /// 三公 合计 = 因公出国 + 公务接待 + 公务用车, 公务用车 = 购置 + 运行.
    ///
    /// These lines are what readers quote; a source left out of 本年收入 or a 三公 part left out of
    /// its total misstates the department's money.
    ///
    /// Example: `一、本年收入 945.52` with `一般公共预算拨款 715.52` and `单位资金 240.00`.
    TABLE_DECLARED_ROW_SUM: code "T003", name "table-declared-row-sum", family Tables, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for table in &cx.doc.tables {
        let Some(s) = schema(&table.kind) else { continue };
        for (p, panel) in s.panels.iter().enumerate() {
            let find = |key: &str| table.panel_rows(p as u8).find(|r| r.fixed.as_deref() == Some(key));
            for rule in panel.row_sums {
                let Some(total_row) = find(rule.total) else { continue };
                let Some(part_rows) = rule.parts.iter().map(|k| find(k)).collect::<Option<Vec<_>>>() else {
                    continue;
                };
                for col in 0..panel.columns.len() {
                    let Some(total) = cx.cell(table, total_row, col) else { continue };
                    let Some(parts) = part_rows.iter().map(|r| cx.cell(table, r, col)).collect::<Option<Vec<Fig>>>()
                    else {
                        continue;
                    };
                    if total.printed.is_none() && parts.iter().all(|f| f.printed.is_none()) {
                        continue;
                    }
                    let what = Message::new("合计行与其构成之和不符", "a summary line against its parts");
                    sink.sum(&total, &parts, &what);
                }
            }
        }
    }
}
