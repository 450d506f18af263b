use super::budgets::{kind_name, name, named};
use super::common::{bounds, money, percent, printed_ratio};
use crate::blame::{Identity, Shape, Term};
use crate::compare::{rate_interval, ratio_percent};
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_model::narrative::{BudgetFigure, Completion, Fact};
use yusuan_model::span::Spanned;

crate::rule! {
    /// Flags a completion rate of final accounts (`完成年初预算的 X%`, `完成全年预算数的 X%`,
    /// `完成预算的 X%`) that is not the actual (支出决算) over the budget it names. Rounding of
    /// the amounts and of the rate is info; a rate cut off instead of rounded is a warning; a
    /// rate of a zero budget is a convention, info (a warning when it is in fact the rate of
    /// another budget the text states). Without a budget, a zero actual can only be 0%.
    ///
    /// Completion rates are computed by hand, often against the other budget than the one the
    /// sentence names; a wrong rate misreports how the budget was carried out.
    ///
    /// Example: `年初预算为 1,000.00万元，支出决算为 900.00万元，完成年初预算的 95.00%` — 90.00%.
    NARRATIVE_COMPLETION: code "N007", name "narrative-completion-rate", family Narrative, severity Error, check check
}

/// The rate a budget gives, as printed at the stated rate's precision (none for a zero budget).
fn rate_of(actual: &Spanned<yusuan_model::money::Money>, b: &BudgetFigure, c: &Completion) -> Option<String> {
    printed_ratio(actual.value.yuan(), b.amount.value.yuan()).map(|p| percent(p, &c.rate.value))
}

fn check(cx: &Context, sink: &mut Sink) {
    for f in &cx.doc.narrative.facts {
        let (Some(c), Some(actual)) = (&f.completion, &f.amount) else { continue };
        let stated = format!("{}%", c.rate.value.0);
        let candidates = named(f, c.of);
        if candidates.is_empty() {
            // No budget stated: only a zero actual says what the rate must be.
            if actual.value.is_zero() {
                sink.verified([c.rate.span, actual.span]);
                if !c.rate.value.0.is_zero() {
                    let name = name(f);
                    let mut finding = sink.finding(
                        c.rate.span,
                        Message::new(
                            format!("完成率与决算数不符：{}决算为 0，完成率只能为 0%，文中为 {stated}", name.zh),
                            format!("completion rate: {} spent nothing, so it completed 0%, not {stated}", name.en),
                        ),
                    );
                    finding.expected = Some("0%".into());
                    finding.actual = Some(stated);
                    sink.push(finding);
                }
            }
            continue;
        }
        sink.verified([c.rate.span, actual.span].into_iter().chain(candidates.iter().map(|b| b.amount.span)));
        // The rate is actual / budget when the text names one budget: evidence for suggestions.
        let id = match candidates.as_slice() {
            // Of a zero budget the rate is a convention, no relation between the figures.
            [b] if bounds(&b.amount.value).lo > Decimal::ZERO => Some(sink.identity(Identity {
                shape: Shape::Share,
                terms: vec![
                    Term::rate(&c.rate.value, c.rate.span),
                    Term::money(&actual.value, bounds(&actual.value), actual.span),
                    Term::money(&b.amount.value, bounds(&b.amount.value), b.amount.span),
                ],
            })),
            _ => None,
        };
        if candidates.iter().any(|b| rate_of(actual, b, c).as_deref() == Some(stated.as_str())) {
            continue;
        }
        report(sink, f, c, actual, &candidates, &stated);
        if let Some(id) = id {
            sink.blame_last(id);
        }
    }
}

fn report(
    sink: &mut Sink,
    f: &Fact,
    c: &Completion,
    actual: &Spanned<yusuan_model::money::Money>,
    candidates: &[&BudgetFigure],
    stated: &str,
) {
    let name = name(f);
    let a = bounds(&actual.value);
    let stated_iv = rate_interval(&c.rate.value);
    let Some(b) = candidates.first() else { return };
    let which = kind_name(b.kind);
    let (act, bud) = (money(&actual.value), money(&b.amount.value));
    // Another budget the text states (of another kind) whose rate this is.
    let other = f
        .budgets
        .iter()
        .filter(|o| o.kind != c.of && !candidates.iter().any(|k| std::ptr::eq(*k, *o)))
        .find(|o| ratio_percent(&a, &bounds(&o.amount.value)).is_some_and(|iv| iv.intersects(&stated_iv)));
    let hint = other
        .map(|o| {
            let k = kind_name(o.kind);
            (
                format!("；{stated} 是决算数与{}{}之比", k.zh, money(&o.amount.value)),
                format!("; {stated} is the actual over {} {}", k.en, money(&o.amount.value)),
            )
        })
        .unwrap_or_default();
    let related = vec![
        Related {
            span: actual.span, label: Message::new(format!("{}决算数", name.zh), format!("{} actual", name.en))
        },
        Related { span: b.amount.span, label: which.clone() },
    ];
    let (severity, zh, en, expected) = if candidates.iter().all(|b| b.amount.value.is_zero()) {
        // A rate of nothing is a convention, not arithmetic.
        (
            if other.is_some() { Severity::Warning } else { Severity::Info },
            format!("完成率：{}{}为 0，完成{}的比例无从计算（文中为 {stated}）{}", name.zh, which.zh, which.zh, hint.0),
            format!(
                "completion rate: {} {} is 0, so no rate of it can be computed (the text says {stated}){}",
                name.en, which.en, hint.1
            ),
            None,
        )
    } else {
        let computed = candidates.iter().find_map(|b| ratio_percent(&a, &bounds(&b.amount.value)));
        let point = printed_ratio(actual.value.yuan(), b.amount.value.yuan()).unwrap_or_default();
        let expected = percent(point, &c.rate.value);
        let cut = point.round_dp_with_strategy(c.rate.value.decimals(), RoundingStrategy::ToZero);
        let (severity, zh_kind, en_kind) = if computed.is_some_and(|iv| iv.intersects(&stated_iv)) {
            (Severity::Info, "相差属四舍五入误差", "a rounding difference")
        } else if cut == c.rate.value.0 && cut != Decimal::ZERO {
            (Severity::Warning, "文中数字是截尾而非四舍五入", "the text cut the digits off instead of rounding")
        } else {
            (Severity::Error, "超出四舍五入范围", "beyond rounding")
        };
        (
            severity,
            format!(
                "完成率与金额不符：{}{}{}，决算数{}，完成{}的比例应为 {expected}，文中为 {stated}（{zh_kind}）{}",
                name.zh, which.zh, bud, act, which.zh, hint.0
            ),
            format!(
                "completion rate: {} actual {} of {} {} is {expected}, the text says {stated} ({en_kind}){}",
                name.en, act, which.en, bud, hint.1
            ),
            Some(expected),
        )
    };
    let mut finding = sink.finding(c.rate.span, Message::new(zh, en));
    finding.severity = severity;
    finding.related = related;
    finding.expected = expected;
    finding.actual = Some(stated.to_string());
    sink.push(finding);
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity::*;

    fn run(budget: &str, actual: &str, rate: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "五、一般公共预算财政拨款支出决算情况说明\n一般公共预算财政拨款支出{budget}，支出决算为{actual}万元，完成{rate}。\n"
        );
        super::super::severities(&text, "N007")
    }

    #[test]
    fn rounding_truncation_and_errors() {
        // 9,746.50 / 10,210.34 = 95.457…%.
        assert_eq!(run("年初预算为10210.34万元", "9746.50", "年初预算的95.46%"), vec![]);
        assert_eq!(run("年初预算为10210.34万元", "9746.50", "年初预算的95.5%"), vec![]);
        assert_eq!(run("年初预算为10210.34万元", "9746.50", "年初预算的95.45%"), vec![Warning]);
        assert_eq!(run("年初预算为10210.34万元", "9746.50", "年初预算的96.45%"), vec![Error]);
        // 0.01 / 3.00 = 0.333…%: 0.33% exact; the amounts' rounding allows 0.1667%…0.5008%.
        assert_eq!(run("年初预算为3.00万元", "0.01", "年初预算的0.5%"), vec![Info]);
    }

    #[test]
    fn zero_budgets_and_the_other_budget() {
        // 307.82 / 321.02 = 95.89%: the rate of the full-year budget, called the year-start one.
        assert_eq!(run("年初预算为0万元，全年预算为321.02万元", "307.82", "年初预算的95.89%"), vec![Warning]);
        assert_eq!(run("年初预算为0万元", "307.82", "年初预算的100%"), vec![Info]);
        assert_eq!(run("年初预算为0万元，全年预算为321.02万元", "307.82", "全年预算数的95.89%"), vec![]);
        // 预算数 without saying which: either budget will do.
        assert_eq!(run("年初预算为300.00万元，全年预算为321.02万元", "307.82", "预算的95.89%"), vec![]);
    }
}
