use super::common::{percent, subject_name};
use super::mapping::target;
use crate::blame::{Identity, Shape, Term};
use crate::compare::{midpoint, rate_interval, ratio_percent};
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::Decimal;
use yusuan_model::money::Interval;

crate::rule! {
    /// Flags a share (占 X%) that is not the amount over its base: the total the share is of
    /// (the named base, or the section's total), as stated in the text or, when the text states
    /// no amount for it, as the tables hold it. Rounding of the amounts and of the rate is
    /// allowed for: what rounding explains is info.
    ///
    /// Shares are computed by hand and copied from last year's text; a share left from an
    /// earlier draft misstates the structure of the budget.
    ///
    /// Example: `单位资金 230.00万元，占 12.89%` of a 收入预算 1,050.52万元: 230.00 / 1,050.52 = 21.89%.
    NARRATIVE_SHARE: code "N002", name "narrative-share-recomputed", family Narrative, severity Error, check check
}

/// The base as a figure of an identity: the stated amount, else its one table cell; a base
/// several cells make is no one figure to blame.
fn base_term(cx: &Context, base: usize, interval: Interval) -> Term {
    let Some(b) = cx.doc.narrative.facts.get(base) else { return Term::fixed(interval) };
    if let Some(a) = &b.amount {
        return Term::money(&a.value, interval, a.span);
    }
    match target(cx, b) {
        Some(t) if t.cells.len() == 1 && t.minus.is_empty() => t.cells.first().map(Term::fig),
        _ => None,
    }
    .unwrap_or_else(|| Term::fixed(interval))
}

/// The base's amount: as stated, else the table cell for it.
pub(super) fn base_amount(cx: &Context, base: usize) -> Option<(Interval, Vec<yusuan_model::span::Span>)> {
    let b = cx.doc.narrative.facts.get(base)?;
    if let Some(a) = &b.amount {
        return Some((super::common::bounds(&a.value), vec![a.span]));
    }
    let t = target(cx, b)?;
    Some((t.figure, t.cells.iter().chain(&t.minus).filter_map(|c| c.span).collect()))
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    for (i, f) in facts.iter().enumerate() {
        let (Some(share), Some(amount)) = (&f.share, &f.amount) else { continue };
        let Some(base) = share.of_fact else { continue };
        let Some((base_iv, base_spans)) = base_amount(cx, base) else { continue };
        let rate = &share.rate.value;
        sink.verified([share.rate.span, amount.span].into_iter().chain(base_spans.iter().copied()));
        let stated = rate_interval(rate);
        let computed = match ratio_percent(&super::common::bounds(&amount.value), &base_iv) {
            Some(c) => c,
            // A share of nothing: only 0% can be right, and only of nothing.
            None => continue,
        };
        let id = sink.identity(Identity {
            shape: Shape::Share,
            terms: vec![
                Term::rate(rate, share.rate.span),
                Term::money(&amount.value, super::common::bounds(&amount.value), amount.span),
                base_term(cx, base, base_iv),
            ],
        });
        let point = super::common::printed_ratio(amount.value.yuan(), midpoint(&base_iv));
        let expected = percent(point.unwrap_or_else(|| midpoint(&computed)), rate);
        let actual = format!("{}%", rate.0);
        if expected == actual {
            continue;
        }
        let name = subject_name(f);
        let base_name = facts.get(base).map(subject_name).unwrap_or_else(|| Message::new("", ""));
        let base_shown = facts
            .get(base)
            .and_then(|b| b.amount.as_ref())
            .map(|a| super::common::money(&a.value))
            .unwrap_or_else(|| super::common::money_like(midpoint(&base_iv), &amount.value));
        let amount_shown = super::common::money(&amount.value);
        // Shares of one partition are often rounded by largest remainder so that they sum to
        // exactly 100%: each printed share is then its exact share rounded down or up, so within
        // one unit of the last place of it, not half a unit. A share that some such rounding
        // explains, in a partition whose printed shares sum to exactly 100%, is not a slip.
        let unit = Decimal::new(1, rate.decimals());
        let floor_or_ceiling = computed.hi > rate.0 - unit && computed.lo < rate.0 + unit;
        let adjusted = !stated.intersects(&computed) && floor_or_ceiling && partition_sums_to_hundred(cx, i, base);
        let intersects = stated.intersects(&computed) || adjusted;
        let mut finding = sink.finding(
            share.rate.span,
            if intersects {
                Message::new(
                    format!(
                        "占比：{}{}占{}{}的比例印为 {}，按金额计算为 {}，相差属四舍五入误差",
                        name.zh, amount_shown, base_name.zh, base_shown, actual, expected
                    ),
                    format!(
                        "share: {} {} of {} {} is printed {}, the amounts give {}: a rounding difference",
                        name.en, amount_shown, base_name.en, base_shown, actual, expected
                    ),
                )
            } else {
                Message::new(
                    format!(
                        "占比与金额不符：{}{}占{}{}应为 {}，文中为 {}",
                        name.zh, amount_shown, base_name.zh, base_shown, expected, actual
                    ),
                    format!(
                        "share disagrees with the amounts: {} {} of {} {} is {}, the text says {}",
                        name.en, amount_shown, base_name.en, base_shown, expected, actual
                    ),
                )
            },
        );
        if intersects {
            finding.severity = Severity::Info;
        }
        finding.related = std::iter::once(Related { span: amount.span, label: name })
            .chain(base_spans.first().map(|s| Related { span: *s, label: base_name }))
            .collect();
        finding.expected = Some(expected);
        finding.actual = Some(actual);
        sink.push(finding);
        sink.blame_last(id);
    }
}

/// Whether fact `member` is one of the parts of `base` whose amounts make up the base (N005's
/// partition, parts of parts left out) and whose printed shares sum to exactly 100.
fn partition_sums_to_hundred(cx: &Context, member: usize, base: usize) -> bool {
    let facts = &cx.doc.narrative.facts;
    let Some(parts) = super::n005_structure_shares::partition(cx, base) else { return false };
    let rates: Vec<Decimal> =
        parts.iter().filter_map(|&k| facts.get(k)?.share.as_ref().map(|s| s.rate.value.0)).collect();
    parts.contains(&member) && rates.iter().copied().sum::<Decimal>() == Decimal::ONE_HUNDRED
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity::*;

    fn run(share: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "三、关于某某局2025年支出预算情况说明\n某某局2025年支出预算1,050.52万元，其中：基本支出448.52万元，占{share}。\n"
        );
        super::super::severities(&text, "N002")
    }

    #[test]
    fn rounding_on_both_sides_of_the_line() {
        // 448.52 / 1,050.52 = 42.6950…%: 42.70 exact, 42.69 within the amounts' rounding.
        assert_eq!(run("42.70%"), vec![]);
        assert_eq!(run("42.69%"), vec![Info]);
        // 42.68% is beyond what rounding allows (the amounts allow 42.6946…42.6955).
        assert_eq!(run("42.68%"), vec![Error]);
        assert_eq!(run("42.7%"), vec![]);
        assert_eq!(run("43%"), vec![]);
        assert_eq!(run("44%"), vec![Error]);
    }

    fn thirds(a: &str, b: &str, c: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "三、关于某某局2025年支出预算情况说明\n某某局2025年支出预算300.00万元，其中：基本支出100.00万元，占{a}；项目支出100.00万元，占{b}；其他支出100.00万元，占{c}。\n"
        );
        super::super::severities(&text, "N002")
    }

    #[test]
    fn a_share_nudged_so_the_partition_sums_to_a_hundred() {
        // Each third is 33.333…%: 33.34 is its ceiling, and the three printed sum to 100.00.
        assert_eq!(thirds("33.33%", "33.33%", "33.34%"), vec![Info]);
        // 33.32 is neither floor (33.33) nor ceiling (33.34) of a third: no rounding gives it,
        // though the set sums to 100.00.
        assert_eq!(thirds("33.32%", "33.33%", "33.35%"), vec![Error, Error]);
        // Nudged, but the set does not sum to 100.00: a slip.
        assert_eq!(thirds("33.33%", "33.33%", "33.35%"), vec![Error]);
    }
}
