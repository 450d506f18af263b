use crate::compare::{compare, midpoint, printed_like, Verdict};
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use crate::rules::performance::lookup::{
    carry_over_projects, fig, project_targets, same_name, shown, shown_like, table7_projects,
};
use crate::Context;
use yusuan_model::money::{Interval, Money};
use yusuan_model::span::{Span, Spanned};

crate::rule! {
    /// Flags a project target table whose budget disagrees with the project elsewhere: its
    /// 财政拨款 against the project's amount in 一般公共预算项目支出情况表 (table 7); its 年度预算总额
    /// against the 预算安排规模 of the project description (which may state the fiscal part
    /// instead); and an amount carried over for the project in table 11 that is more than its
    /// 年度预算总额.
    ///
    /// The target table is the budget the project's results are judged against; a budget that
    /// differs from the tables makes the targets judge another amount.
    ///
    /// Example: target table `事业单位公开招聘工作经费 年度预算总额 126.00 财政拨款 126.00` against
    /// table 7 `事业单位公开招聘工作经费 116.00`.
    TARGET_BUDGET_PROJECT: code "P003", name "target-budget-project", family Performance, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let table7 = table7_projects(cx).unwrap_or_default();
    let carried = carry_over_projects(cx);
    // Table 7 holds only general-budget money; when the department also spends fund or state
    // capital money, a project's 财政拨款 may include some, so table 7 no longer pins it.
    let other_fiscal = ["government_fund_expenditure", "state_capital_expenditure"]
        .iter()
        .any(|k| cx.doc.table(k).is_some_and(|t| t.rows.iter().any(|r| !r.values.is_empty())));
    for (p, name) in project_targets(cx) {
        if let Some(row) = table7.iter().find(|t| same_name(&t.name.value, &name.value)).filter(|_| !other_fiscal) {
            if let Some(fiscal) =
                p.budget_fiscal.as_ref().or(p.budget_total.as_ref().filter(|_| p.budget_other.is_none()))
            {
                let spans: Vec<Span> = row.spans().collect();
                let label = if p.budget_fiscal.is_some() {
                    ("绩效目标表财政拨款", "the target table's fiscal funds")
                } else {
                    ("绩效目标表年度预算总额", "the target table's budget")
                };
                equal(sink, name, fiscal, label, &[row.interval()], &spans, ("一般公共预算项目支出情况表", "table 7"));
            }
        }
        if let (Some(d), Some(total)) =
            (cx.doc.narrative.projects.iter().find(|d| same_name(&d.name.value, &name.value)), &p.budget_total)
        {
            if let Some(b) = &d.budget {
                let fiscal = p.budget_fiscal.as_ref().map(|f| f.value.bounds());
                let accepted: Vec<Interval> = std::iter::once(total.value.bounds()).chain(fiscal).collect();
                equal(
                    sink,
                    name,
                    b,
                    ("预算安排规模", "the described budget"),
                    &accepted,
                    &[total.span],
                    ("项目绩效目标表年度预算总额", "the target table's budget"),
                );
            }
        }
        if let (Some(c), Some(total)) =
            (carried.iter().find(|c| same_name(&c.name.value, &name.value)), &p.budget_total)
        {
            let co = c.interval();
            sink.verified(c.spans().chain([total.span]));
            if co.lo > total.value.bounds().hi {
                let t = fig(total, Message::new("年度预算总额", "annual budget"));
                let mut f = sink.finding(
                    total.span,
                    Message::new(
                        format!(
                            "项目“{}”年度预算总额 {}，少于上年结转结余情况明细表中该项目结转的 {}",
                            name.value,
                            shown(&total.value),
                            shown_like(midpoint(&co), &total.value)
                        ),
                        format!(
                            "project '{}': the annual budget {} is less than the {} carried over for it in table 11",
                            name.value,
                            shown(&total.value),
                            shown_like(midpoint(&co), &total.value)
                        ),
                    ),
                );
                f.related =
                    c.spans().map(|s| Related { span: s, label: Message::new("上年结转", "carried over") }).collect();
                f.expected = Some(format!("≥{}", printed_like(midpoint(&co), &total.value)));
                f.actual = t.printed.map(|m| m.value.to_string());
                sink.push(f);
            }
        }
    }
}

/// `stated` against the first of `accepted` (or any of them): exact or rounding is fine.
fn equal(
    sink: &mut Sink,
    name: &Spanned<String>,
    stated: &Spanned<Money>,
    label: (&str, &str),
    accepted: &[Interval],
    spans: &[Span],
    other: (&str, &str),
) {
    sink.verified(spans.iter().copied().chain([stated.span]));
    let verdicts: Vec<Verdict> = accepted.iter().map(|a| compare(&stated.value.bounds(), a)).collect();
    if verdicts.contains(&Verdict::Exact) {
        return;
    }
    let Some(first) = accepted.first() else { return };
    let expected = shown_like(midpoint(first), &stated.value);
    let rounding = verdicts.iter().any(|v| !v.is_mismatch());
    let (zh, en) = if rounding {
        (
            format!(
                "项目“{}”{} {} 与{} {} 相差，属四舍五入误差",
                name.value,
                label.0,
                shown(&stated.value),
                other.0,
                expected
            ),
            format!(
                "project '{}': {} differs from {} {} by rounding only",
                name.value,
                shown(&stated.value),
                other.1,
                expected
            ),
        )
    } else {
        (
            format!("项目“{}”{}为 {}，但{}为 {}", name.value, label.0, shown(&stated.value), other.0, expected),
            format!(
                "project '{}': the budget is {}, but {} states {}",
                name.value,
                shown(&stated.value),
                other.1,
                expected
            ),
        )
    };
    let mut f = sink.finding(stated.span, Message::new(zh, en));
    if rounding {
        f.severity = Severity::Info;
    }
    f.related = spans.iter().map(|s| Related { span: *s, label: Message::new(other.0, other.1) }).collect();
    f.expected = Some(printed_like(midpoint(first), &stated.value));
    f.actual = Some(stated.value.value.to_string());
    sink.push(f);
}
