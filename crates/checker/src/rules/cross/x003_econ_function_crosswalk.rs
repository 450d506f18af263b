use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::identities::ECON_FUNCTION_CROSSWALK;
use yusuan_model::table::{Row, Table};

crate::rule! {
    /// Flags basic spending on an economic item that differs from the functional items that
    /// budget the same money: 30108 机关事业单位基本养老保险缴费 against 2080505, 30109 职业年金缴费
    /// against 2080506, 30110 职工基本医疗保险缴费 against 2101101 + 2101102, 30111 against 2101103,
    /// 30113 住房公积金 against 2210201 (table 6 against table 5's basic column).
    ///
    /// The two classifications describe the same payroll contributions; when they part, one of
    /// the tables was keyed wrong, or the unit books the money unusually — worth a look.
    ///
    /// Example: table 6 `30113 住房公积金 36.35` against table 5 `2210201 住房公积金 基本支出 38.35`.
    ECON_FUNCTION_CROSSWALK_RULE: code "X003", name "econ-function-crosswalk", family CrossTable, severity Warning, check check
}

fn find<'t>(t: &'t Table, code: &str) -> Option<&'t Row> {
    t.rows.iter().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == code))
}

fn check(cx: &Context, sink: &mut Sink) {
    let (Some(t6), Some(t5)) = (cx.doc.table("general_budget_basic"), cx.doc.table("general_budget_expenditure"))
    else {
        return;
    };
    for (econ, function) in ECON_FUNCTION_CROSSWALK {
        let econ_rows: Vec<_> = econ.iter().filter_map(|c| find(t6, c)).collect();
        let function_rows: Vec<_> = function.iter().filter_map(|c| find(t5, c)).collect();
        // Only where both sides state something: a unit may lack either item entirely.
        if econ_rows.is_empty() || function_rows.is_empty() {
            continue;
        }
        let Some(econ_figs) = econ_rows.iter().map(|r| cx.cell(t6, r, 0)).collect::<Option<Vec<Fig>>>() else {
            continue;
        };
        // Column 1 of table 5 is 基本支出.
        let Some(function_figs) = function_rows.iter().map(|r| cx.cell(t5, r, 1)).collect::<Option<Vec<Fig>>>() else {
            continue;
        };
        let total = econ_figs.iter().fold(yusuan_model::money::Interval::ZERO, |a, f| a + f.interval);
        let stated = Fig { interval: total, ..econ_figs[0].clone() };
        let what = Message::new(
            "经济分类与功能分类对应科目的基本支出不一致",
            "an economic item against its functional counterparts",
        );
        if econ_figs.len() == 1 {
            sink.sum(&stated, &function_figs, &what);
        } else {
            sink.sum(&function_figs[0], &econ_figs, &what);
        }
    }
}
