use super::budgets::{kind_name, name, named};
use super::common::{amount_fig, bounds, money, money_like, related};
use super::parts::children;
use crate::compare::midpoint;
use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::finding::Severity;
use crate::rule::Sink;
use yusuan_model::money::Interval;
use yusuan_model::narrative::{BudgetFigure, BudgetKind, Fact, Subject};

crate::rule! {
    /// Flags, in final accounts, a total whose budget is not the sum of its items' budgets (the
    /// 项 of `一般公共预算财政拨款支出决算具体情况`, each with `年初预算为 X`), budget by budget
    /// (年初, 全年). When every item states its budget and its actual, the actuals must sum to
    /// the total's actual as well. Rounding is info; items that fall short of the total are a
    /// warning (a 其中 list may leave items out), items that exceed it an error.
    ///
    /// The items are typed one by one under a total copied from the tables; an item changed or
    /// left out makes the breakdown disagree with its total.
    ///
    /// Example: `年初预算为 2,993.92万元，…其中：1、…年初预算为 1,560.05万元 … 11、…年初预算为
    /// 258.50万元` — the items' budgets sum to 2,993.93万元 (rounding).
    NARRATIVE_ITEM_BUDGETS_SUM: code "N009", name "narrative-item-budgets-sum", family Narrative, severity Error, check check
}

fn budget_fig(f: &Fact, b: &BudgetFigure) -> Fig {
    let k = kind_name(b.kind);
    let name = name(f);
    let mut fig = Fig::printed(
        &b.amount.value,
        b.amount.span,
        Message::new(format!("{}{}", name.zh, k.zh), format!("{} {}", name.en, k.en)),
    );
    fig.interval = bounds(&b.amount.value);
    fig
}

/// `total = Σ parts`, except that parts short of the total are only a warning.
fn sum(sink: &mut Sink, total: &Fig, parts: &[Fig], what: &Message) {
    let computed = parts.iter().fold(Interval::ZERO, |acc, p| acc + p.interval);
    if computed.hi >= total.interval.lo {
        sink.sum(total, parts, what);
        return;
    }
    sink.verified(total.span.into_iter().chain(parts.iter().filter_map(|p| p.span)));
    let Some(m) = total.printed else { return };
    let shown = money_like(midpoint(&computed), &m);
    let mut f = sink.finding(
        total.span.unwrap_or(total.anchor),
        Message::new(
            format!(
                "{}：所列{}项合计 {shown}，少于{} {}，或有未列出的项",
                what.zh,
                parts.len(),
                total.label.zh,
                money(&m)
            ),
            format!(
                "{}: the {} items listed sum to {shown}, less than {} {}; some may be left out",
                what.en,
                parts.len(),
                total.label.en,
                money(&m)
            ),
        ),
    );
    f.severity = Severity::Warning;
    f.related = parts.iter().map(related).collect();
    f.expected = Some(shown);
    f.actual = Some(money(&m));
    sink.push(f);
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    for (i, whole) in facts.iter().enumerate() {
        if whole.budgets.is_empty() {
            continue;
        }
        let items: Vec<&Fact> = children(facts, i)
            .into_iter()
            .map(|(_, f)| f)
            .filter(|f| matches!(f.subject, Subject::Function(_)) || !f.budgets.is_empty() || f.amount.is_some())
            .collect();
        // Only a breakdown whose every item was read with a budget: an item the layout garbled
        // would otherwise show as a gap.
        if items.len() < 2 || items.iter().any(|f| f.budgets.is_empty()) {
            continue;
        }
        let mut kinds: Vec<BudgetKind> = whole.budgets.iter().map(|b| b.kind).collect();
        kinds.dedup();
        for kind in kinds {
            let Some(total) = whole.budgets.iter().find(|b| b.kind == kind) else { continue };
            let parts: Vec<Fig> =
                items.iter().filter_map(|f| named(f, kind).first().map(|b| budget_fig(f, b))).collect();
            if parts.len() != items.len() {
                continue;
            }
            let k = kind_name(kind);
            let what = Message::new(
                format!("各项{}之和与总{}不符", k.zh, k.zh),
                format!("the items' {} against the total's", k.en),
            );
            sum(sink, &budget_fig(whole, total), &parts, &what);
        }
        // The same items' actuals against the total's actual.
        let actual = |f: &Fact| {
            amount_fig(f).map(|mut fig| {
                fig.label = name(f);
                fig
            })
        };
        let actuals: Vec<Fig> = items.iter().filter_map(|f| actual(f)).collect();
        if let (Some(total), true) = (actual(whole), actuals.len() == items.len()) {
            let what = Message::new("各项决算数之和与总决算数不符", "the items' actuals against the total's");
            sum(sink, &total, &actuals, &what);
        }
    }
}
