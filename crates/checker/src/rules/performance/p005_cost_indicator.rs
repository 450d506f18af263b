use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::rules::performance::lookup::{likeness, money_of, project_targets, same_name, shown};
use crate::Context;
use yusuan_model::performance::{Comparison, Indicator};

crate::rule! {
    /// Warns about a cost indicator (成本指标 with an amount, `≤13.50万元`) that caps the cost
    /// below what the project's 资金分配情况 allocates to the item of the same name, or above the
    /// project's whole 年度预算总额.
    ///
    /// A cap below the allocation means the item is budgeted to fail its own target; a cap above
    /// the whole budget constrains nothing. Either way the indicator was not set from the budget.
    ///
    /// Example: allocation `劳动能力鉴定医疗专家劳务费 13.5万元` and cost indicator
    /// `劳动能力鉴定医疗专家劳务费 ≤10万元`.
    COST_INDICATOR: code "P005", name "cost-indicator", family Performance, severity Warning, check check
}

/// How alike an indicator's name must be to an allocation item's to be the same item.
const SAME_ITEM: f64 = 0.75;

fn is_cost(i: &Indicator) -> bool {
    [&i.level1, &i.level2].into_iter().flatten().any(|l| l.value.contains("成本"))
}

fn check(cx: &Context, sink: &mut Sink) {
    for (p, name) in project_targets(cx) {
        let description = cx.doc.narrative.projects.iter().find(|d| same_name(&d.name.value, &name.value));
        for i in p.indicators.iter().filter(|i| is_cost(i)) {
            // A floor (≥) on a cost is not a cap.
            if i.comparison.as_ref().is_some_and(|c| matches!(c.value, Comparison::Ge | Comparison::Gt)) {
                continue;
            }
            let (Some(v), Some(label)) = (&i.value, &i.level3) else { continue };
            let Some(cap) = v.value.quantity().and_then(money_of) else { continue };
            if let Some(total) = &p.budget_total {
                sink.verified([total.span]);
                if cap.bounds().lo > total.value.bounds().hi {
                    let mut f = sink.finding(
                        v.span,
                        Message::new(
                            format!(
                                "项目“{}”成本指标“{}”{}，超过项目年度预算总额 {}",
                                name.value,
                                label.value,
                                shown(&cap),
                                shown(&total.value)
                            ),
                            format!(
                                "project '{}': cost indicator '{}' {} exceeds the annual budget {}",
                                name.value,
                                label.value,
                                shown(&cap),
                                shown(&total.value)
                            ),
                        ),
                    );
                    f.related =
                        vec![Related { span: total.span, label: Message::new("年度预算总额", "annual budget") }];
                    sink.push(f);
                }
            }
            let Some(d) = description else { continue };
            let best = d
                .allocation
                .iter()
                .map(|a| (likeness(&a.name.value, &label.value), a))
                .filter(|(l, _)| *l >= SAME_ITEM)
                .max_by(|x, y| x.0.total_cmp(&y.0));
            let Some((_, item)) = best else { continue };
            sink.verified([item.amount.span]);
            if cap.bounds().hi < item.amount.value.bounds().lo {
                let mut f = sink.finding(
                    v.span,
                    Message::new(
                        format!(
                            "项目“{}”成本指标“{}”上限 {}，低于资金分配中“{}”安排的 {}",
                            name.value,
                            label.value,
                            shown(&cap),
                            item.name.value,
                            shown(&item.amount.value)
                        ),
                        format!(
                            "project '{}': cost indicator '{}' caps at {}, below the {} allocated to '{}'",
                            name.value,
                            label.value,
                            shown(&cap),
                            shown(&item.amount.value),
                            item.name.value
                        ),
                    ),
                );
                f.related = vec![Related {
                    span: item.amount.span,
                    label: Message::new(item.name.value.clone(), item.name.value.clone()),
                }];
                f.expected = Some(format!("≥{}", shown(&item.amount.value)));
                f.actual = Some(shown(&cap));
                sink.push(f);
            }
        }
    }
}
