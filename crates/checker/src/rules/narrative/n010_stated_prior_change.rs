use super::common::{bounds, magnitude, money, money_like, percent, printed_ratio, subject_name};
use crate::blame::{Identity, Shape, Term};
use crate::compare::{compare, rate_interval, ratio_percent, Verdict};
use crate::context::Context;
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use rust_decimal::Decimal;
use yusuan_model::money::{Interval, Money};
use yusuan_model::narrative::{Direction, Fact, PriorFigure, YoyChange};
use yusuan_model::span::Spanned;

crate::rule! {
    /// Flags a change measured from a prior-year figure the text states outright, when the
    /// three disagree: the direction word against the two amounts (增加 where this year is less,
    /// 持平 where they differ), the change amount against their difference, and the rate against
    /// difference / prior. Each figure is the interval its rounding allows.
    ///
    /// Shanghai's items state last year, this year and the rate side by side; a rate or a
    /// direction word copied from the item above reads right and is wrong. Each relation is
    /// evidence for suggestions: the figure the others single out is named with its value.
    ///
    /// Example: `2023年当年预算执行数为 54.60万元，2024年预算安排 53.84万元，比2023年预算执行数
    /// 增加 1.39%`: 53.84 is less than 54.60, so the change is a decrease (−1.39%).
    NARRATIVE_STATED_PRIOR: code "N010", name "narrative-stated-prior-change", family Narrative, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for f in &cx.doc.narrative.facts {
        let (Some(prior), Some(_), Some(ch)) = (&f.prior, &f.amount, &f.change) else { continue };
        check_fact(sink, f, prior, ch);
    }
}

/// The sure direction of an interval of differences: `None` when it can be either.
fn sure_direction(diff: &Interval) -> Option<Direction> {
    if diff.lo > Decimal::ZERO {
        Some(Direction::Increase)
    } else if diff.hi < Decimal::ZERO {
        Some(Direction::Decrease)
    } else {
        None
    }
}

fn word_for(d: Direction) -> (&'static str, &'static str) {
    match d {
        Direction::Increase => ("增加", "an increase"),
        Direction::Decrease => ("减少", "a decrease"),
        Direction::Flat => ("持平", "flat"),
    }
}

fn check_fact(sink: &mut Sink, f: &Fact, prior: &PriorFigure, ch: &YoyChange) {
    let Some(amount) = &f.amount else { return };
    let name = subject_name(f);
    let p = bounds(&prior.amount.value);
    let c = bounds(&amount.value);
    let diff = c - p;
    sink.verified(
        [prior.amount.span, amount.span]
            .into_iter()
            .chain(ch.amount.as_ref().map(|a| a.span))
            .chain(ch.rate.as_ref().map(|r| r.span)),
    );
    let related = vec![
        Related { span: prior.amount.span, label: Message::new(prior.word.clone(), prior.word.clone()) },
        Related { span: amount.span, label: name.clone() },
    ];
    let (pz, cz) = (money(&prior.amount.value), money(&amount.value));
    let sure = sure_direction(&diff);
    let contradicts = matches!(
        (ch.direction, sure),
        (Direction::Flat, Some(_))
            | (Direction::Increase, Some(Direction::Decrease))
            | (Direction::Decrease, Some(Direction::Increase))
    );
    if contradicts {
        let right = sure.map(word_for).unwrap_or(("持平", "flat"));
        let mut finding = sink.finding(
            ch.span,
            Message::new(
                format!(
                    "增减方向与金额不符：{}{} {}，本年 {}，应为“{}”，文中为“{}”",
                    name.zh, prior.word, pz, cz, right.0, ch.direction_word
                ),
                format!(
                    "{}: {} last year ({}), {} this year is {}, but the text says '{}'",
                    name.en, pz, prior.word, cz, right.1, ch.direction_word
                ),
            ),
        );
        finding.related = related;
        finding.expected = Some(right.0.to_string());
        finding.actual = Some(ch.direction_word.clone());
        sink.push(finding);
        return;
    }
    let (sum_id, rate_id) = record(sink, f, prior, ch, sure.is_some());
    // The change's size, whatever its sign.
    let size = Interval { lo: diff.lo.max(-diff.hi).max(Decimal::ZERO), hi: diff.hi.max(-diff.lo) };
    let printed_size = (amount.value.yuan() - prior.amount.value.yuan()).abs();
    if let Some(d) = &ch.amount {
        if let Verdict::Mismatch { .. } = compare(&magnitude(&d.value), &size) {
            let expected = money_like(printed_size, &d.value);
            let mut finding = sink.finding(
                d.span,
                Message::new(
                    format!(
                        "变化额与金额不符：{}{} {}，本年 {}，相差 {}，文中为 {}",
                        name.zh,
                        prior.word,
                        pz,
                        cz,
                        expected,
                        money(&d.value)
                    ),
                    format!(
                        "{}: {} last year, {} this year differ by {}, not {}",
                        name.en,
                        pz,
                        cz,
                        expected,
                        money(&d.value)
                    ),
                ),
            );
            finding.related = related.clone();
            finding.expected = Some(expected);
            finding.actual = Some(money(&d.value));
            sink.push(finding);
            if let Some(id) = sum_id {
                sink.blame_last(id);
            }
        }
    }
    let Some(rate) = &ch.rate else { return };
    // A rate from nothing is a convention (100%), not arithmetic.
    let Some(computed) = ratio_percent(&size, &p) else { return };
    let stated = rate_interval(&rate.value);
    let Some(point) = printed_ratio(printed_size, prior.amount.value.yuan()) else { return };
    let expected = percent(point, &rate.value);
    let actual = format!("{}%", rate.value.0);
    if expected == actual {
        return;
    }
    let rounding = stated.intersects(&computed);
    let mut finding = sink.finding(
        rate.span,
        Message::new(
            format!(
                "增减率与金额不符：{}{} {}，本年 {}，{}率应为 {}，文中为 {}{}",
                name.zh,
                prior.word,
                pz,
                cz,
                ch.rate_word.as_deref().unwrap_or(""),
                expected,
                actual,
                if rounding { "，相差属四舍五入误差" } else { "" }
            ),
            format!(
                "{}: {} last year, {} this year: the rate is {}, printed {}{}",
                name.en,
                pz,
                cz,
                expected,
                actual,
                if rounding { " (a rounding difference)" } else { "" }
            ),
        ),
    );
    if rounding {
        finding.severity = Severity::Info;
    }
    finding.related = related;
    finding.expected = Some(expected);
    finding.actual = Some(actual);
    sink.push(finding);
    if let Some(id) = rate_id {
        sink.blame_last(id);
    }
}

/// The relations the stated direction makes between the figures, in the ledger: this year =
/// last year ± the change amount (= last year when flat), and the rate = the change over last
/// year, when the amounts say which way it went (`sure`). Returns their indices.
fn record(
    sink: &mut Sink,
    f: &Fact,
    prior: &PriorFigure,
    ch: &YoyChange,
    sure: bool,
) -> (Option<usize>, Option<usize>) {
    let Some(amount) = &f.amount else { return (None, None) };
    let term = |m: &Spanned<Money>| Term::money(&m.value, bounds(&m.value), m.span);
    let (current, last) = (term(amount), term(&prior.amount));
    let change = ch.amount.as_ref().map(|d| Term::money(&d.value, magnitude(&d.value), d.span));
    let sum = match (ch.direction, change) {
        (Direction::Flat, _) => Some(Identity::sum(current.clone(), vec![last.clone()], vec![])),
        (Direction::Increase, Some(d)) => Some(Identity::sum(current.clone(), vec![last.clone(), d], vec![])),
        (Direction::Decrease, Some(d)) => Some(Identity::sum(current.clone(), vec![last.clone()], vec![d])),
        _ => None,
    };
    // A rate from nothing is a convention (增长 100%), no relation between the figures; and the
    // rate's sign is the change's only when the amounts say which way it went.
    let from_nothing = bounds(&prior.amount.value).lo <= Decimal::ZERO;
    let rate = match (ch.direction, &ch.rate) {
        (Direction::Flat, _) | (_, None) => None,
        _ if from_nothing || !sure => None,
        (direction, Some(r)) => Some(Identity {
            shape: Shape::Relative { decrease: direction == Direction::Decrease },
            terms: vec![Term::rate(&r.value, r.span), current, last],
        }),
    };
    (sum.map(|i| sink.identity(i)), rate.map(|i| sink.identity(i)))
}

#[cfg(test)]
mod rule_tests {
    use crate::finding::Severity::*;

    fn run(sentence: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "2024年单位预算编制说明\n财政拨款支出主要内容如下：\n1. “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”{sentence}\n"
        );
        super::super::severities(&text, "N010")
    }

    #[test]
    fn rate_and_direction_against_both_years() {
        // 53.84 − 54.60 = −0.76; 0.76 / 54.60 = 1.39%.
        let ok = "53.84万元，主要用于退休人员福利费。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.39%。";
        assert_eq!(run(ok), vec![]);
        assert_eq!(run(&ok.replace("减少1.39%", "增加1.39%")), vec![Error]);
        assert_eq!(run(&ok.replace("减少1.39%", "减少1.93%")), vec![Error]);
        assert_eq!(run(&ok.replace("减少1.39%", "持平")), vec![Error]);
        // 1.40% is what a rounded prior allows (0.765 / 54.595 = 1.401%): rounding, not a slip.
        assert_eq!(run(&ok.replace("减少1.39%", "减少1.40%")), vec![Info]);
    }

    #[test]
    fn flat_and_change_amounts() {
        let flat = "6.40万元。2023年当年预算执行数为6.40万元，2024年预算安排6.40万元，与2023年预算执行数持平。";
        assert_eq!(run(flat), vec![]);
        let amount = "76.76万元。2023年当年预算执行数为70.70万元，比2023年预算执行数增加6.06万元，增长8.57%。";
        assert_eq!(run(amount), vec![]);
        assert_eq!(run(&amount.replace("增加6.06万元", "增加6.60万元")), vec![Error]);
    }

    /// The suggestions of N010's errors on an item.
    fn suggested(sentence: &str) -> Vec<Option<String>> {
        let text = format!(
            "2024年单位预算编制说明\n财政拨款支出主要内容如下：\n1. “社会保障和就业支出（类）行政事业单位养老支出（款）事业单位离退休（项）”{sentence}\n"
        );
        let doc = yusuan_readers::text::read_str(&text);
        let report = crate::check(&doc, &crate::Config::default(), yusuan_model::Catalog::shared_builtin());
        report.of_rule("N010").filter(|f| f.severity == Error).map(|f| f.suggestion.clone().map(|s| s.value)).collect()
    }

    #[test]
    fn the_figure_the_others_imply_is_suggested() {
        let amount = "76.76万元。2023年当年预算执行数为70.70万元，比2023年预算执行数增加6.06万元，增长8.57%。";
        // The change amount ties last year to this year: the rate is the one.
        assert_eq!(suggested(&amount.replace("增长8.57%", "增长9.57%")), vec![Some("8.57%".to_string())]);
        // Last year stated nowhere else: the rate or last year's amount, no guess.
        let rate = "53.84万元。2023年当年预算执行数为54.60万元，2024年预算安排53.84万元，比2023年预算执行数减少1.93%。";
        assert_eq!(suggested(rate), vec![None]);
    }
}
