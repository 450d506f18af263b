use super::common::subject_name;
use super::n002_share_recomputed::base_amount;
use crate::blame::{Identity, Term};
use crate::compare::{compare, rate_interval, Verdict};
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::Decimal;
use yusuan_model::money::Interval;
use yusuan_model::narrative::Fact;

crate::rule! {
    /// Flags a complete set of shares of one base that does not sum to 100%: when the amounts
    /// given shares of a total add up to it, their printed shares must add up to 100% within
    /// half a unit of the last printed place per share (rounding within that is info).
    ///
    /// The structure of a budget is read from these shares; a set that sums to 98% or 103%
    /// has a share wrong, or a part left out.
    ///
    /// Example: `社会保障和就业支出 占 91.54%`, `卫生健康支出 占 3.38%`, `住房保障支出 占 6.08%`
    /// sum to 101.00%.
    NARRATIVE_SHARES_SUM: code "N005", name "narrative-shares-sum", family Narrative, severity Error, check check
}

fn sharers(facts: &[Fact], base: usize) -> Vec<usize> {
    let of_base: Vec<usize> = facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.amount.is_some() && f.share.as_ref().is_some_and(|s| s.of_fact == Some(base)))
        .map(|(i, _)| i)
        .collect();
    // A share of a part of a part (其中…占…) is not one of the base's parts.
    of_base
        .iter()
        .copied()
        .filter(|&i| facts.get(i).and_then(|f| f.parent).is_none_or(|p| !of_base.contains(&p)))
        .collect()
}

/// The parts of `base` given shares of it, when there are at least two and their amounts make up
/// the base (within rounding): a partition, whose shares must make up 100%.
pub(super) fn partition(cx: &Context, base: usize) -> Option<Vec<usize>> {
    let facts = &cx.doc.narrative.facts;
    let members = sharers(facts, base);
    if members.len() < 2 {
        return None;
    }
    let (base_iv, _) = base_amount(cx, base)?;
    let amounts = members
        .iter()
        .filter_map(|&i| facts.get(i)?.amount.as_ref())
        .fold(Interval::ZERO, |acc, a| acc + super::common::bounds(&a.value));
    (!compare(&base_iv, &amounts).is_mismatch()).then_some(members)
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    let mut bases: Vec<usize> = facts.iter().filter_map(|f| f.share.as_ref().and_then(|s| s.of_fact)).collect();
    bases.sort_unstable();
    bases.dedup();
    for base in bases {
        // Only a set that makes up the whole base must make up 100%.
        let Some(members) = partition(cx, base) else { continue };
        let rates: Vec<_> = members.iter().filter_map(|&i| facts.get(i)?.share.as_ref()).collect();
        sink.verified(rates.iter().map(|s| s.rate.span));
        let printed: Decimal = rates.iter().map(|s| s.rate.value.0).sum();
        let range = rates.iter().fold(Interval::ZERO, |acc, s| acc + rate_interval(&s.rate.value));
        let hundred = Interval::exact(Decimal::ONE_HUNDRED);
        let verdict = compare(&range, &hundred);
        let id = sink.identity(Identity::sum(
            Term::fixed(hundred),
            rates.iter().map(|s| Term::rate(&s.rate.value, s.rate.span)).collect(),
            Vec::new(),
        ));
        if printed == Decimal::ONE_HUNDRED {
            continue;
        }
        let names: Vec<String> = members
            .iter()
            .filter_map(|&i| {
                let f = facts.get(i)?;
                Some(format!("{}{}%", subject_name(f).zh, f.share.as_ref()?.rate.value.0))
            })
            .collect();
        let base_name = facts.get(base).map(subject_name).unwrap_or_else(|| Message::new("", ""));
        let first = rates.first().map(|s| s.rate.span).unwrap_or_default();
        let last = rates.last().map(|s| s.rate.span).unwrap_or(first);
        let mut f = sink.finding(
            first.cover(last),
            match verdict {
                Verdict::Mismatch { .. } => Message::new(
                    format!("占{}的各项比例合计为 {}%，应为 100%：{}", base_name.zh, printed, names.join("＋")),
                    format!("the shares of {} sum to {}%, not 100%", base_name.en, printed),
                ),
                _ => Message::new(
                    format!(
                        "占{}的各项比例合计为 {}%，与 100% 的差属四舍五入误差：{}",
                        base_name.zh,
                        printed,
                        names.join("＋")
                    ),
                    format!("the shares of {} sum to {}%: rounding away from 100%", base_name.en, printed),
                ),
            },
        );
        if !verdict.is_mismatch() {
            f.severity = Severity::Info;
        }
        f.related = members
            .iter()
            .filter_map(|&i| facts.get(i).map(|x| Related { span: x.span, label: subject_name(x) }))
            .collect();
        f.expected = Some("100%".into());
        f.actual = Some(format!("{printed}%"));
        sink.push(f);
        sink.blame_last(id);
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity::*;

    fn run(a: &str, b: &str, c: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "三、关于某某局2025年支出预算情况说明\n某某局2025年支出预算300.00万元，其中：基本支出100.00万元，占{a}；项目支出100.00万元，占{b}；其他支出100.00万元，占{c}。\n"
        );
        super::super::severities(&text, "N005")
    }

    #[test]
    fn three_thirds() {
        let two = |a: &str, b: &str| {
            let text = format!(
                "三、关于某某局2025年支出预算情况说明\n某某局2025年支出预算300.00万元，其中：基本支出100.00万元，占{a}；项目支出200.00万元，占{b}。\n"
            );
            super::super::severities(&text, "N005")
        };
        assert_eq!(two("33.33%", "66.67%"), vec![]);
        // 33.33 + 66.66 = 99.99: within two half-units of the last place.
        assert_eq!(two("33.33%", "66.66%"), vec![Info]);
        assert_eq!(two("33.33%", "66.60%"), vec![Error]);
        // Three thirds printed 33.3% sum to 99.9%: rounding; 33.0% each cannot be.
        assert_eq!(run("33.3%", "33.3%", "33.3%"), vec![Info]);
        assert_eq!(run("33.0%", "33.0%", "33.0%"), vec![Error]);
    }
}
