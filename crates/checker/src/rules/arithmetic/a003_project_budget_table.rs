use crate::compare::{compare, midpoint, printed_like, Verdict};
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use crate::rules::performance::lookup::{same_name, shown, shown_like, table7_projects};
use crate::Context;

crate::rule! {
    /// Flags a project description whose 预算安排规模 differs from what 一般公共预算项目支出情况表
    /// (table 7) states for the project of the same name (summed over its rows), and a described
    /// project that table 7 does not list.
    ///
    /// The descriptions explain table 7's projects one by one; an amount that differs means one of
    /// the two was not updated when the budget changed.
    ///
    /// Example: `（二）项目名称：事业单位公开招聘工作经费 … 预算安排规模：126.00万元` against table 7
    /// `事业单位公开招聘工作经费 116.00`.
    PROJECT_BUDGET_TABLE: code "A003", name "project-budget-table", family Arithmetic, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let Some(projects) = table7_projects(cx) else { return };
    for p in &cx.doc.narrative.projects {
        let Some(budget) = &p.budget else { continue };
        let Some(row) = projects.iter().find(|t| same_name(&t.name.value, &p.name.value)) else {
            // Only when table 7 lists projects at all: descriptions may cover non-fiscal projects
            // when there is no table 7 to compare with.
            if !projects.is_empty() {
                let mut f = sink.finding(
                    p.name.span,
                    Message::new(
                        format!(
                            "项目“{}”（预算 {}）在一般公共预算项目支出情况表中没有同名项目",
                            p.name.value,
                            shown(&budget.value)
                        ),
                        format!(
                            "project '{}' ({}) is not listed in the general-budget project table",
                            p.name.value,
                            shown(&budget.value)
                        ),
                    ),
                );
                f.severity = Severity::Warning;
                sink.push(f);
            }
            continue;
        };
        let computed = row.interval();
        let verdict = compare(&budget.value.bounds(), &computed);
        sink.verified(row.spans().chain([budget.span]));
        let table_shown = shown_like(midpoint(&computed), &budget.value);
        let b = shown(&budget.value);
        let (zh, en) = match verdict {
            Verdict::Exact => continue,
            Verdict::Rounding { .. } => (
                format!("项目“{}”预算安排规模 {b} 与表7 {table_shown} 相差，属四舍五入误差", p.name.value),
                format!("project '{}': budget {b} differs from table 7's {table_shown} by rounding only", p.name.value),
            ),
            Verdict::Mismatch { .. } => (
                format!("项目“{}”预算安排规模为 {b}，但一般公共预算项目支出情况表列 {table_shown}", p.name.value),
                format!("project '{}': the description states {b}, table 7 lists {table_shown}", p.name.value),
            ),
        };
        let mut f = sink.finding(budget.span, Message::new(zh, en));
        if !verdict.is_mismatch() {
            f.severity = Severity::Info;
        }
        f.related = row
            .spans()
            .map(|s| Related { span: s, label: Message::new("表7项目合计", "table 7 project total") })
            .collect();
        f.expected = Some(printed_like(midpoint(&computed), &budget.value));
        f.actual = Some(budget.value.value.to_string());
        sink.push(f);
    }
}
