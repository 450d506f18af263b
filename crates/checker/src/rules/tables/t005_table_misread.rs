use crate::context::Context;
use crate::finding::Message;
use crate::misread::MIN_MISFITS;
use crate::rule::Sink;
use yusuan_model::registry::schema;

crate::rule! {
    /// Notes a table most of whose rows do not fit the columns it was read under: at least three
    /// rows, and more than half of those printing values, fit no placement (T004), do not add up
    /// across (T001) or are the lowest row whose children do not sum to it (T002).
    ///
    /// That is a misreading (a form the reader does not know, columns declared wrong), not a
    /// table of slips: one wrong figure unbalances at most two rows. So the table is reported
    /// once, and no rule reports an error from its cells.
    ///
    /// Example: a 单位 支出总表 printing 合计 | 人员经费 | 公用经费 | 项目支出 read as the
    /// department's 合计 | 基本支出 | 项目支出.
    TABLE_MISREAD: code "T005", name "table-misread", family Tables, severity Info, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for table in &cx.doc.tables {
        let Some(m) = cx.misreading(table) else { continue };
        let declared = schema(&table.kind).map(|s| s.title).unwrap_or(table.kind.as_str());
        let title = table.number.map(|n| format!("表{n}")).unwrap_or_else(|| table.title.value.clone());
        sink.report(
            table.title.span,
            Message::new(
                format!(
                    "{title}未能按“{declared}”读取：{} 行不符合（共 {} 行有数值；至少 {MIN_MISFITS} 行且过半即视为读取有误），其数字不作检查",
                    m.misfits, m.rows_with_values
                ),
                format!(
                    "table {title} could not be read as '{declared}': {} rows do not fit (of {} with values; at least {MIN_MISFITS} and more than half count as a misreading), its figures are not checked",
                    m.misfits, m.rows_with_values
                ),
            ),
        );
    }
}
