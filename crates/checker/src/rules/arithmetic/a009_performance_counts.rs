use crate::context::Fig;
use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::rules::performance::lookup::{fig, project_targets, table7_projects};
use crate::Context;
use rust_decimal::Decimal;
use yusuan_model::identities::CellRef;
use yusuan_model::money::Money;
use yusuan_model::narrative::{Fact, PerformanceScope, Subject};
use yusuan_model::performance::{PerformanceKind, PerformanceTargets};

crate::rule! {
    /// Flags the counts and amounts of 预算绩效情况 (`整体预算绩效目标 1个，涉及金额 1,050.52万元；
    /// 财政拨款项目 6个，涉及预算金额 267.00万元；非财政拨款项目 2个，涉及预算金额 335.00万元`) that
    /// disagree with what they count: the projects of 一般公共预算项目支出情况表 and its total, and
    /// the performance-target tables printed (projects with 财政拨款 in their header; projects
    /// funded by other money only; the department table and its 资金来源).
    ///
    /// The sentence summarises the tables below it; a count that differs means a table is missing
    /// or the sentence is last year's.
    ///
    /// Example: `当年财政拨款项目 6个，涉及预算金额 267.00万元` with five projects in table 7.
    PERFORMANCE_COUNTS: code "A009", name "performance-counts", family Arithmetic, severity Error, check check
}

fn money_fig(m: &Option<yusuan_model::span::Spanned<Money>>, label: &str, project: &str) -> Option<Fig> {
    m.as_ref().map(|m| fig(m, Message::new(format!("“{project}”{label}"), format!("'{project}' {label}"))))
}

fn positive(m: &Option<yusuan_model::span::Spanned<Money>>) -> bool {
    m.as_ref().is_some_and(|m| m.value.value > Decimal::ZERO)
}

fn check(cx: &Context, sink: &mut Sink) {
    for f in &cx.doc.narrative.facts {
        let Subject::PerformanceTargets(scope) = f.subject else { continue };
        match scope {
            PerformanceScope::Department => department(cx, sink, f),
            PerformanceScope::FiscalProjects => fiscal(cx, sink, f),
            PerformanceScope::NonFiscalProjects => non_fiscal(cx, sink, f),
        }
    }
}

fn department(cx: &Context, sink: &mut Sink, f: &Fact) {
    let tables: Vec<&PerformanceTargets> =
        cx.doc.performance.iter().filter(|p| p.kind == PerformanceKind::Department).collect();
    if cx.doc.performance.is_empty() {
        return;
    }
    count(sink, f, tables.len(), ("部门整体绩效目标表", "department target tables"));
    let (Some(amount), [t]) = (&f.amount, tables.as_slice()) else { return };
    let stated =
        fig(amount, Message::new("预算绩效情况所称整体绩效目标金额", "the narrative's department target amount"));
    let parts: Vec<Fig> = match &t.budget_total {
        Some(b) => vec![fig(b, Message::new("部门整体绩效目标表年度预算", "department table budget"))],
        None => t
            .funding
            .iter()
            .map(|s| fig(&s.amount, Message::new(s.source.value.clone(), s.source.value.clone())))
            .collect(),
    };
    if !parts.is_empty() {
        sink.sum(
            &stated,
            &parts,
            &Message::new("整体绩效目标金额与部门整体绩效目标表资金不符", "department target amount against its table"),
        );
    }
}

fn fiscal(cx: &Context, sink: &mut Sink, f: &Fact) {
    // Table 7 lists general-budget projects only: it stands for all fiscal projects only when the
    // department spends no fund or state-capital money.
    let other_fiscal = ["government_fund_expenditure", "state_capital_expenditure"]
        .iter()
        .any(|k| cx.doc.table(k).is_some_and(|t| t.rows.iter().any(|r| !r.values.is_empty())));
    if let Some(projects) = table7_projects(cx).filter(|_| !other_fiscal) {
        count(
            sink,
            f,
            // A project whose money prints as 0.00 is counted by no one.
            projects.iter().filter(|p| p.figs.iter().any(|f| f.printed.is_some_and(|m| !m.is_zero()))).count(),
            ("一般公共预算项目支出情况表所列项目", "projects in the general-budget project table"),
        );
        let total = CellRef { table: "general_budget_project", panel: "main", row: "total", column: "total" };
        if let (Some(amount), Some(t)) = (&f.amount, cx.cell_ref(&total)) {
            let stated =
                fig(amount, Message::new("预算绩效情况所称财政拨款项目金额", "the narrative's fiscal project amount"));
            sink.sum(
                &stated,
                &[t],
                &Message::new(
                    "财政拨款项目金额与一般公共预算项目支出情况表不符",
                    "fiscal project amount against table 7",
                ),
            );
        }
    }
    let tables: Vec<_> = project_targets(cx).filter(|(p, _)| positive(&p.budget_fiscal)).collect();
    if cx.doc.performance.is_empty() {
        return;
    }
    count(sink, f, tables.len(), ("含财政拨款的项目支出绩效目标表", "project target tables with fiscal funds"));
    if let Some(amount) = &f.amount {
        let parts: Vec<Fig> =
            tables.iter().filter_map(|(p, n)| money_fig(&p.budget_fiscal, "财政拨款", &n.value)).collect();
        let stated =
            fig(amount, Message::new("预算绩效情况所称财政拨款项目金额", "the narrative's fiscal project amount"));
        sink.sum(
            &stated,
            &parts,
            &Message::new(
                "财政拨款项目金额与各项目绩效目标表不符",
                "fiscal project amount against the project target tables",
            ),
        );
    }
}

fn non_fiscal(cx: &Context, sink: &mut Sink, f: &Fact) {
    if cx.doc.performance.is_empty() {
        return;
    }
    let tables: Vec<_> =
        project_targets(cx).filter(|(p, _)| !positive(&p.budget_fiscal) && positive(&p.budget_other)).collect();
    count(
        sink,
        f,
        tables.len(),
        ("仅含其他资金的项目支出绩效目标表", "project target tables funded by other money only"),
    );
    if let Some(amount) = &f.amount {
        let parts: Vec<Fig> = tables
            .iter()
            .filter_map(|(p, n)| {
                money_fig(
                    if p.budget_total.is_some() { &p.budget_total } else { &p.budget_other },
                    "年度预算总额",
                    &n.value,
                )
            })
            .collect();
        let stated = fig(
            amount,
            Message::new("预算绩效情况所称非财政拨款项目金额", "the narrative's non-fiscal project amount"),
        );
        sink.sum(
            &stated,
            &parts,
            &Message::new(
                "非财政拨款项目金额与各项目绩效目标表不符",
                "non-fiscal project amount against the project target tables",
            ),
        );
    }
}

fn count(sink: &mut Sink, f: &Fact, n: usize, what: (&str, &str)) {
    let Some(c) = &f.count else { return };
    sink.verified([c.span]);
    if c.value.value == Decimal::from(n as u64) {
        return;
    }
    let mut x = sink.finding(
        c.span,
        Message::new(
            format!("预算绩效情况称“{}”{}{}，但{}共 {}个", f.phrase, c.value.value, c.value.unit, what.0, n),
            format!(
                "the narrative counts {} {} for '{}', but there are {} {}",
                c.value.value, c.value.unit, f.phrase, n, what.1
            ),
        ),
    );
    x.related = vec![Related { span: f.span, label: Message::new(f.phrase.clone(), f.phrase.clone()) }];
    x.expected = Some(n.to_string());
    x.actual = Some(c.value.value.to_string());
    sink.push(x);
}
