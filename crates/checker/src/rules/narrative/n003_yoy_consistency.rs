use super::common::{magnitude, money, money_like, percent, printed_ratio, subject_name};
use crate::blame::{Identity, Shape, Term};
use crate::compare::{midpoint, rate_interval, ratio_percent};
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::Decimal;
use yusuan_model::money::Interval;
use yusuan_model::narrative::{Direction, Fact, YoyChange};

crate::rule! {
    /// Flags a change against last year whose parts disagree: the direction of the amount's word
    /// and of the rate's word (增加… 下降…), 持平 with a change, an increase larger than the
    /// amount itself, and a rate that is not change / prior year, the prior year being the
    /// amount less an increase or plus a decrease. A 100% decrease means nothing is left this
    /// year. A rate from a zero prior year (增长 100%) is a convention: info, not an error.
    ///
    /// Rates are computed by hand, often against the wrong base (this year's amount instead of
    /// last year's) or copied from another line.
    ///
    /// Example: `基本支出 448.52万元，比上年增加 116.84万元，增长 26.05%`: the prior year is
    /// 331.68万元, so the rate is 116.84 / 331.68 = 35.23%.
    NARRATIVE_YOY: code "N003", name "narrative-yoy-consistency", family Narrative, severity Error, check check
}

/// The direction a rate's word says: a direction word of `wording`, or a word beginning with
/// 增 or 减.
fn word_direction(word: &str) -> Option<Direction> {
    use crate::wording::{FALL, FALL_IN_REASONS, RISE, RISE_IN_REASONS};
    let starts = |lists: [&[&str]; 2]| lists.iter().flat_map(|l| l.iter()).any(|w| word.starts_with(w));
    if starts([RISE, RISE_IN_REASONS]) || word.starts_with('增') {
        Some(Direction::Increase)
    } else if starts([FALL, FALL_IN_REASONS]) || word.starts_with('减') {
        Some(Direction::Decrease)
    } else {
        None
    }
}

fn check(cx: &Context, sink: &mut Sink) {
    for f in &cx.doc.narrative.facts {
        let Some(ch) = &f.change else { continue };
        if direction_words(sink, f, ch) {
            continue;
        }
        rate_against_amounts(sink, f, ch);
    }
}

/// The words and the figures' signs; true when it reported (nothing more to say then).
fn direction_words(sink: &mut Sink, f: &Fact, ch: &YoyChange) -> bool {
    let name = subject_name(f);
    let rate_dir = ch.rate_word.as_deref().and_then(word_direction);
    let mut report = |zh: String, en: String| {
        let mut finding = sink.finding(ch.span, Message::new(zh, en));
        finding.related = vec![Related { span: f.span, label: name.clone() }];
        sink.push(finding);
    };
    match (ch.direction, rate_dir) {
        (Direction::Increase, Some(Direction::Decrease)) | (Direction::Decrease, Some(Direction::Increase)) => {
            let rw = ch.rate_word.clone().unwrap_or_default();
            report(
                format!("同比变化方向不一致：{}“{}”而“{}”", name.zh, ch.direction_word, rw),
                format!("{}: the change says '{}' but the rate says '{}'", name.en, ch.direction_word, rw),
            );
            return true;
        }
        _ => {}
    }
    if ch.direction == Direction::Flat {
        let moved = ch.amount.as_ref().is_some_and(|a| magnitude(&a.value).lo > Decimal::ZERO)
            || ch.rate.as_ref().is_some_and(|r| rate_interval(&r.value).lo > Decimal::ZERO);
        if moved {
            let what: Vec<String> = ch
                .amount
                .iter()
                .map(|a| money(&a.value))
                .chain(ch.rate.iter().map(|r| format!("{}%", r.value.0)))
                .collect();
            report(
                format!("同比变化方向不一致：{}称“{}”，却有变化 {}", name.zh, ch.direction_word, what.join("、")),
                format!("{}: '{}' (flat) with a change of {}", name.en, ch.direction_word, what.join(", ")),
            );
            return true;
        }
    }
    for (value, span) in
        ch.amount.iter().map(|a| (a.value.value, a.span)).chain(ch.rate.iter().map(|r| (r.value.0, r.span)))
    {
        if value < Decimal::ZERO && ch.direction != Direction::Flat {
            let mut finding = sink.finding(
                span,
                Message::new(
                    format!("同比变化方向不明：{}“{}”后跟负数 {}", name.zh, ch.direction_word, value),
                    format!("{}: '{}' followed by a negative figure {}", name.en, ch.direction_word, value),
                ),
            );
            finding.severity = Severity::Warning;
            sink.push(finding);
            return true;
        }
    }
    false
}

/// The rate against the change and the prior year the amounts imply.
fn rate_against_amounts(sink: &mut Sink, f: &Fact, ch: &YoyChange) {
    let name = subject_name(f);
    if let (Some(amount), None, Some(rate)) = (&f.amount, &ch.amount, &ch.rate) {
        // No change amount: a 100% decrease still says nothing is left.
        if ch.direction == Direction::Decrease
            && rate.value.0 == Decimal::ONE_HUNDRED
            && super::common::bounds(&amount.value).lo > Decimal::ZERO
        {
            sink.verified([amount.span, rate.span]);
            let mut finding = sink.finding(
                rate.span,
                Message::new(
                    format!("下降 100% 意味着本年为零，但{}本年为 {}", name.zh, money(&amount.value)),
                    format!("a 100% decrease leaves nothing, but {} is {}", name.en, money(&amount.value)),
                ),
            );
            finding.related = vec![Related { span: amount.span, label: name.clone() }];
            sink.push(finding);
        }
        return;
    }
    let (Some(amount), Some(change)) = (&f.amount, &ch.amount) else { return };
    let c = super::common::bounds(&amount.value);
    let d = magnitude(&change.value);
    let prior = match ch.direction {
        Direction::Increase => c - d,
        Direction::Decrease => c + d,
        Direction::Flat => return,
    };
    sink.verified([amount.span, change.span].into_iter().chain(ch.rate.as_ref().map(|r| r.span)));
    let related = vec![
        Related { span: amount.span, label: name.clone() },
        Related { span: change.span, label: Message::new("变化额", "change") },
    ];
    if prior.hi < Decimal::ZERO {
        let mut finding = sink.finding(
            change.span,
            Message::new(
                format!(
                    "同比变化不可能：{}本年为 {}，却比上年“{}” {}，上年将为负数",
                    name.zh,
                    money(&amount.value),
                    ch.direction_word,
                    money(&change.value)
                ),
                format!(
                    "{}: {} this year cannot have grown by {}: last year would be negative",
                    name.en,
                    money(&amount.value),
                    money(&change.value)
                ),
            ),
        );
        finding.related = related;
        sink.push(finding);
        return;
    }
    let Some(rate) = &ch.rate else { return };
    let r = &rate.value;
    let stated = rate_interval(r);
    let actual = format!("{}%", r.0);
    let prior_shown = money_like(midpoint(&prior).max(Decimal::ZERO), &amount.value);
    if prior.lo <= Decimal::ZERO {
        // The prior year can be nothing: any rate at least change / (largest prior) fits, and
        // a rate from nothing is written by convention (100% or 0%).
        let fits = prior.hi > Decimal::ZERO
            && ratio_percent(&d, &Interval { lo: prior.hi, hi: prior.hi }).is_some_and(|least| stated.hi >= least.lo);
        if fits {
            return;
        }
        let convention = r.0 == Decimal::ONE_HUNDRED || r.0.is_zero();
        let mut finding = sink.finding(
            rate.span,
            if convention {
                Message::new(
                    format!(
                        "上年数为零：{}比上年{} {}，上年为 0，“{}{}”为约定写法",
                        name.zh,
                        ch.direction_word,
                        money(&change.value),
                        ch.rate_word.as_deref().unwrap_or(""),
                        actual
                    ),
                    format!("{}: last year was nothing, so '{}' is a convention, not a computed rate", name.en, actual),
                )
            } else {
                Message::new(
                    format!(
                        "增减率无从计算：{}上年为 0（{} − {}），却称“{}{}”",
                        name.zh,
                        money(&amount.value),
                        money(&change.value),
                        ch.rate_word.as_deref().unwrap_or(""),
                        actual
                    ),
                    format!(
                        "{}: last year was nothing ({} − {}), yet the rate is {}",
                        name.en,
                        money(&amount.value),
                        money(&change.value),
                        actual
                    ),
                )
            },
        );
        if convention {
            finding.severity = Severity::Info;
        }
        finding.related = related;
        sink.push(finding);
        return;
    }
    let id = sink.identity(Identity {
        shape: Shape::Growth { decrease: ch.direction == Direction::Decrease },
        terms: vec![
            Term::rate(r, rate.span),
            Term::money(&amount.value, c, amount.span),
            Term::money(&change.value, d, change.span),
        ],
    });
    let Some(computed) = ratio_percent(&d, &prior) else { return };
    let point = printed_ratio(change.value.yuan(), midpoint(&prior)).unwrap_or_else(|| midpoint(&computed));
    let expected = percent(point, r);
    if expected == actual {
        return;
    }
    let rounding = stated.intersects(&computed);
    let total_decrease = ch.direction == Direction::Decrease && r.0 == Decimal::ONE_HUNDRED;
    let msg = if rounding {
        Message::new(
            format!(
                "增减率：{}上年为 {}，{} {} 合 {}，文中为 {}，相差属四舍五入误差",
                name.zh,
                prior_shown,
                ch.direction_word,
                money(&change.value),
                expected,
                actual
            ),
            format!(
                "{}: last year {}, a change of {} is {}, printed {}: a rounding difference",
                name.en,
                prior_shown,
                money(&change.value),
                expected,
                actual
            ),
        )
    } else if total_decrease {
        Message::new(
            format!(
                "下降 100% 意味着本年为零，但{}本年为 {}（上年 {}，减少 {} 合下降 {}）",
                name.zh,
                money(&amount.value),
                prior_shown,
                money(&change.value),
                expected
            ),
            format!(
                "a 100% decrease leaves nothing, but {} is {} (last year {}, down {} is {})",
                name.en,
                money(&amount.value),
                prior_shown,
                money(&change.value),
                expected
            ),
        )
    } else {
        Message::new(
            format!(
                "增减率与金额不符：{}本年 {}，比上年{} {}，上年应为 {}，{}率应为 {}，文中为 {}",
                name.zh,
                money(&amount.value),
                ch.direction_word,
                money(&change.value),
                prior_shown,
                ch.rate_word.as_deref().unwrap_or(""),
                expected,
                actual
            ),
            format!(
                "rate disagrees with the amounts: {} is {}, changed by {} from {}, so the rate is {}, not {}",
                name.en,
                money(&amount.value),
                money(&change.value),
                prior_shown,
                expected,
                actual
            ),
        )
    };
    let mut finding = sink.finding(rate.span, msg);
    if rounding {
        finding.severity = Severity::Info;
    }
    finding.related = related;
    finding.expected = Some(expected);
    finding.actual = Some(actual);
    sink.push(finding);
    sink.blame_last(id);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_words() {
        assert_eq!(word_direction("增长"), Some(Direction::Increase));
        assert_eq!(word_direction("下降"), Some(Direction::Decrease));
        assert_eq!(word_direction("持平"), None);
    }
}

#[cfg(test)]
mod rule_tests {
    use crate::finding::Severity::*;

    fn run(sentence: &str) -> Vec<crate::finding::Severity> {
        let text =
            format!("三、关于某某局2025年支出预算情况说明\n某某局2025年支出预算1,000.00万元，其中：{sentence}\n");
        super::super::severities(&text, "N003")
    }

    #[test]
    fn rate_on_both_sides_of_the_line() {
        // 公务员医疗补助 1.41, +0.38: 0.38 / 1.03 = 36.89%, but rounding allows 36.06%…37.75%.
        assert_eq!(run("基本支出1.41万元，比上年增加0.38万元，增长36.89%。"), vec![]);
        assert_eq!(run("基本支出1.41万元，比上年增加0.38万元，增长36.50%。"), vec![Info]);
        assert_eq!(run("基本支出1.41万元，比上年增加0.38万元，增长35.00%。"), vec![Error]);
        // Against this year's amount instead of last year's: 116.84 / 448.52 = 26.05%.
        assert_eq!(run("基本支出448.52万元，比上年增加116.84万元，增长26.05%。"), vec![Error]);
        assert_eq!(run("基本支出448.52万元，比上年增加116.84万元，增长35.23%。"), vec![]);
    }

    #[test]
    fn zero_prior_and_total_decrease() {
        assert_eq!(run("项目支出26.00万元，比上年增加26.00万元，增长100%。"), vec![Info]);
        assert_eq!(run("项目支出26.00万元，比上年增加26.00万元，增长35%。"), vec![Error]);
        assert_eq!(run("项目支出0.00万元，比上年减少48.67万元，下降100.00%。"), vec![]);
        assert_eq!(run("项目支出1.00万元，比上年减少47.67万元，下降100.00%。"), vec![Error]);
        assert_eq!(run("项目支出1.00万元，比上年增加2.00万元。"), vec![Error]);
    }
}
