use super::budgets::{kind_name, name, named, relation_name};
use super::common::money;
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::Decimal;
use std::cmp::Ordering;
use yusuan_model::narrative::Relation;

crate::rule! {
    /// Flags a comparison of actual with budget in final accounts that the amounts contradict:
    /// `决算数小于预算数` when the actual (支出决算) is not below the budget, `大于` when it is not
    /// above, `持平` / `等于` when they differ. `基本持平` allows a difference up to 1% of the
    /// budget, and beyond that is a warning (the word is a judgement). When the text says
    /// `预算数` and states two budgets, either will do.
    ///
    /// The sentence is copied from item to item; a 小于 left where the actual overspent, or a
    /// 持平 where it fell short, explains a difference that is not there.
    ///
    /// Example: `年初预算为 80.81万元，支出决算为 80.38万元。决算数大于预算数的主要原因：…`.
    NARRATIVE_VERSUS_BUDGET: code "N008", name "narrative-versus-budget", family Narrative, severity Error, check check
}

/// The tolerance of `基本持平`, as a fraction of the budget.
fn roughly_tolerance() -> Decimal {
    Decimal::new(1, 2)
}

fn check(cx: &Context, sink: &mut Sink) {
    for f in &cx.doc.narrative.facts {
        let (Some(v), Some(actual)) = (&f.versus_budget, &f.amount) else { continue };
        let candidates = named(f, v.of);
        let Some(first) = candidates.first() else { continue };
        sink.verified(std::iter::once(actual.span).chain(candidates.iter().map(|b| b.amount.span)));
        let a = actual.value.yuan();
        // The amounts as printed: what a reader compares.
        let holds = |b: Decimal| match v.relation {
            Relation::Greater => a > b,
            Relation::Less => a < b,
            Relation::Equal if v.roughly => (a - b).abs() <= b.abs() * roughly_tolerance(),
            Relation::Equal => a == b,
        };
        if candidates.iter().any(|b| holds(b.amount.value.yuan())) {
            continue;
        }
        let b = first.amount.value.yuan();
        let truth = match a.cmp(&b) {
            Ordering::Greater => Relation::Greater,
            Ordering::Less => Relation::Less,
            Ordering::Equal => Relation::Equal,
        };
        let name = name(f);
        let which = kind_name(first.kind);
        let (act, bud) = (money(&actual.value), money(&first.amount.value));
        let is = relation_name(truth);
        let mut finding = sink.finding(
            v.span,
            Message::new(
                format!(
                    "决算数与预算数的比较不符：{}决算数 {act}{}{} {bud}，文中却称“{}”",
                    name.zh, is.zh, which.zh, v.words
                ),
                format!(
                    "the comparison with the budget is wrong: {} actual {act} is {} {} {bud}, but the text says “{}”",
                    name.en, is.en, which.en, v.words
                ),
            ),
        );
        // `基本持平` beyond its tolerance is a judgement that went too far, not a contradiction.
        if v.relation == Relation::Equal && v.roughly && truth != Relation::Equal {
            finding.severity = Severity::Warning;
        }
        finding.related = vec![
            Related {
                span: actual.span,
                label: Message::new(format!("{}决算数", name.zh), format!("{} actual", name.en)),
            },
            Related { span: first.amount.span, label: which },
        ];
        finding.expected = Some(format!("决算数{}预算数", is.zh));
        finding.actual = Some(v.words.clone());
        sink.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity::*;

    fn run(budget: &str, actual: &str, words: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "五、一般公共预算财政拨款支出决算情况说明\n1、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：缴纳住房公积金。{budget}，支出决算为{actual}万元。{words}。\n"
        );
        super::super::severities(&text, "N008")
    }

    #[test]
    fn words_against_amounts() {
        assert_eq!(run("年初预算为187.75万元", "187.19", "决算数小于预算数的主要原因：人员变动"), vec![]);
        assert_eq!(run("年初预算为187.75万元", "187.19", "决算数大于预算数的主要原因：人员变动"), vec![Error]);
        assert_eq!(run("年初预算为187.75万元", "187.19", "决算数等于预算数"), vec![Error]);
        assert_eq!(run("年初预算为187.75万元", "187.75", "决算数与预算数持平"), vec![]);
        // 基本持平: within 1% of the budget (1.88万元) is fine, beyond a warning.
        assert_eq!(run("年初预算为187.75万元", "187.19", "决算数与预算数基本持平"), vec![]);
        assert_eq!(run("年初预算为187.75万元", "180.00", "决算数与预算数基本持平"), vec![Warning]);
        // 预算数 with two budgets stated: either.
        assert_eq!(run("年初预算为0万元，全年预算为18.12万元", "17.70", "决算数小于预算数"), vec![]);
        assert_eq!(run("全年预算为18.12万元", "17.70", "决算数大于全年预算数"), vec![Error]);
    }
}
