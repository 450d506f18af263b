use crate::compare::{compare, midpoint, printed_like, Verdict};
use crate::context::Fig;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use crate::rules::performance::lookup::fig;
use crate::Context;
use yusuan_model::identities::CellRef;
use yusuan_model::money::Interval;
use yusuan_model::performance::PerformanceKind;

crate::rule! {
    /// Flags a 部门整体绩效目标表 whose money disagrees with the budget tables: its 资金来源 lines
    /// (上级安排 + 本级安排 + 其他) against 部门收支总体情况表's 收入总计 (table 1), the fiscal lines
    /// (all but 其他) against 财政拨款收支预算总体情况表's 财政拨款 (table 4; its 收入总计 when there
    /// is a fiscal carry-over), and its 年度预算总额 against its 资金来源.
    ///
    /// The department's targets are set for its whole budget; a funding block that is not that
    /// budget sets them for some other amount.
    ///
    /// Example: `上级安排 0.00 本级安排 715.52 其他 305.00` against table 1 `收入总计 1,050.52`.
    DEPARTMENT_FUNDING: code "P006", name "department-funding", family Performance, severity Error, check check
}

fn cell(cx: &Context, table: &'static str, row: &'static str, column: &'static str) -> Option<Fig> {
    cx.cell_ref(&CellRef { table, panel: "income", row, column })
}

fn check(cx: &Context, sink: &mut Sink) {
    for p in cx.doc.performance.iter().filter(|p| p.kind == PerformanceKind::Department) {
        let lines: Vec<Fig> = p
            .funding
            .iter()
            .map(|s| fig(&s.amount, Message::new(s.source.value.clone(), s.source.value.clone())))
            .collect();
        if lines.is_empty() {
            continue;
        }
        if let Some(total) = &p.budget_total {
            let what = Message::new(
                "部门整体绩效目标表年度预算与资金来源之和不符",
                "department table budget against its funding lines",
            );
            sink.sum(&fig(total, Message::new("年度预算总额", "annual budget")), &lines, &what);
        }
        if let Some(t1) = cell(cx, "income_expense_summary", "income_total", "amount") {
            against(sink, &lines, &t1, ("资金来源合计", "funding lines"));
        }
        let fiscal: Vec<Fig> = p
            .funding
            .iter()
            .filter(|s| !s.source.value.contains("其他"))
            .map(|s| fig(&s.amount, Message::new(s.source.value.clone(), s.source.value.clone())))
            .collect();
        if fiscal.is_empty() {
            continue;
        }
        let (Some(t4), total4) =
            (cell(cx, "fiscal_summary", "fiscal", "amount"), cell(cx, "fiscal_summary", "income_total", "amount"))
        else {
            continue;
        };
        // With a fiscal carry-over the table may count it as 本级安排 too: either total will do.
        let sum = fiscal.iter().fold(Interval::ZERO, |a, f| a + f.interval);
        if let Some(t) = total4.filter(|t| compare(&t.interval, &sum) == Verdict::Exact) {
            sink.verified(fiscal.iter().chain([&t]).filter_map(|f| f.span));
            continue;
        }
        against(sink, &fiscal, &t4, ("财政资金合计", "fiscal funding lines"));
    }
}

/// The department table's lines against a budget table's figure, reported at the lines: they
/// are what the target table states.
fn against(sink: &mut Sink, lines: &[Fig], table: &Fig, what: (&str, &str)) {
    sink.verified(lines.iter().chain([table]).filter_map(|f| f.span));
    let sum = lines.iter().fold(Interval::ZERO, |a, f| a + f.interval);
    let verdict = compare(&sum, &table.interval);
    let (Some(first), Some(tm)) = (lines.iter().find_map(|f| f.printed), table.printed) else { return };
    if verdict == Verdict::Exact {
        return;
    }
    let at = lines.iter().find_map(|f| f.span).unwrap_or(table.anchor);
    let listed: Vec<String> = lines
        .iter()
        .map(|f| format!("{} {}", f.label.zh, f.printed.map(|m| m.value.to_string()).unwrap_or_default()))
        .collect();
    let total = printed_like(midpoint(&sum), &first);
    let zh =
        format!("部门整体绩效目标表{} {} = {}，但{}为 {}", what.0, listed.join(" + "), total, table.label.zh, tm.value);
    let en = format!(
        "department target table: {} {} = {}, but {} is {}",
        what.1,
        listed.join(" + "),
        total,
        table.label.en,
        tm.value
    );
    let mut f = sink.finding(at, Message::new(zh, en));
    if !verdict.is_mismatch() {
        f.severity = Severity::Info;
    }
    f.related = std::iter::once(table)
        .chain(lines)
        .filter_map(|x| Some(Related { span: x.span?, label: x.label.clone() }))
        .collect();
    f.expected = Some(printed_like(midpoint(&table.interval), &first));
    f.actual = Some(total);
    sink.push(f);
}
