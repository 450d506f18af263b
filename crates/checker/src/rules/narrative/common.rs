//! What the narrative rules share: a fact's figures and name, the prior year a change implies,
//! interval arithmetic on quotients, and comparing a stated figure with a computed one.

use crate::compare::{compare, midpoint, percent_like, printed_like, Verdict};
use crate::context::Fig;
use crate::finding::{Message, Related};
use crate::rule::Sink;
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_model::money::{Interval, Money};
use yusuan_model::narrative::{
    Basic, CarryOver, Direction, Fact, FundSource, Procurement, Scope, Subject, ThreePublic,
};
use yusuan_model::rate::Rate;
use yusuan_model::span::Span;

/// A money figure as the document prints it, with its unit.
pub fn money(m: &Money) -> String {
    format!("{}{}", m.value, m.unit.label())
}

/// A computed amount (元) printed at `like`'s unit and precision.
pub fn money_like(yuan: Decimal, like: &Money) -> String {
    format!("{}{}", printed_like(yuan, like), like.unit.label())
}

/// A figure as printed (an empty cell prints as 0).
pub fn shown(f: &Fig) -> String {
    f.printed.as_ref().map(money).unwrap_or_else(|| "0".into())
}

/// How a scope reads in front of a subject (`一般公共预算` 基本支出).
fn scope_prefix(scope: Scope) -> (&'static str, &'static str) {
    match scope {
        Scope::AllFunds | Scope::Unspecified => ("", ""),
        Scope::FiscalAppropriation => ("财政拨款", "fiscal "),
        Scope::GeneralBudget => ("一般公共预算", "general-budget "),
        Scope::GeneralBudgetCurrentYear => ("一般公共预算当年拨款", "current-year general-budget "),
        Scope::GovernmentFund => ("政府性基金预算", "government-fund "),
        Scope::StateCapital => ("国有资本经营预算", "state-capital "),
    }
}

/// What a fact is a figure of, named for a message.
pub fn subject_name(f: &Fact) -> Message {
    let (zh, en): (String, String) = match &f.subject {
        Subject::TotalBudget => ("收支总预算".into(), "total budget".into()),
        Subject::TotalIncome => ("收入预算".into(), "total income".into()),
        Subject::TotalExpenditure => ("支出预算".into(), "total expenditure".into()),
        Subject::Source(s) => {
            let (zh, en) = match s {
                FundSource::GeneralBudget => ("一般公共预算拨款", "general budget"),
                FundSource::GeneralTransfer => ("上级一般公共预算转移支付", "general-budget transfers"),
                FundSource::GovernmentFund => ("政府性基金预算拨款", "government fund"),
                FundSource::GovernmentFundTransfer => ("上级政府性基金转移支付", "government-fund transfers"),
                FundSource::StateCapital => ("国有资本经营预算拨款", "state capital"),
                FundSource::StateCapitalTransfer => ("上级国有资本经营预算转移支付", "state-capital transfers"),
                FundSource::SpecialAccount => ("财政专户管理资金", "special account"),
                FundSource::UnitFunds => ("单位资金", "unit funds"),
                FundSource::FiscalAppropriation => ("财政拨款", "fiscal appropriation"),
            };
            return Message::new(zh, en);
        }
        Subject::CarryOver(c) => {
            let (zh, en) = match c {
                CarryOver::All => ("上年结转结余", "carry-over"),
                CarryOver::Fiscal => ("财政拨款结转结余", "fiscal carry-over"),
                CarryOver::NonFiscal => ("非财政拨款结转结余", "non-fiscal carry-over"),
            };
            return Message::new(zh, en);
        }
        Subject::CarryOverItem(name) => {
            return Message::new(format!("{name}（结转结余）"), format!("carry-over {name}"))
        }
        Subject::Basic(b) => match b {
            Basic::Total => ("基本支出".into(), "basic spending".into()),
            Basic::Personnel => ("人员经费".into(), "personnel costs".into()),
            Basic::Operating => ("公用经费".into(), "operating costs".into()),
        },
        Subject::Project => ("项目支出".into(), "project spending".into()),
        Subject::Function(fi) => {
            let (name, level) = match (&fi.item, &fi.section) {
                (Some(i), _) => (i, "项"),
                (None, Some(s)) => (s, "款"),
                (None, None) => (&fi.class, "类"),
            };
            (format!("{name}（{level}）"), format!("'{name}' ({level})"))
        }
        Subject::ThreePublic(t) => {
            let (zh, en) = match t {
                ThreePublic::Total => ("“三公”经费", "三公 costs"),
                ThreePublic::Overseas => ("因公出国（境）费", "overseas travel"),
                ThreePublic::Vehicle => ("公务用车购置及运行费", "official vehicles"),
                ThreePublic::VehiclePurchase => ("公务用车购置费", "vehicle purchase"),
                ThreePublic::VehicleOperation => ("公务用车运行费", "vehicle operation"),
                ThreePublic::Reception => ("公务接待费", "official reception"),
            };
            return Message::new(zh, en);
        }
        Subject::AgencyRunningCosts => return Message::new("机关运行经费", "agency running costs"),
        Subject::Procurement(p) => {
            let (zh, en) = match p {
                Procurement::Total => ("政府采购预算", "procurement"),
                Procurement::Goods => ("政府采购货物预算", "procurement of goods"),
                Procurement::Works => ("政府采购工程预算", "procurement of works"),
                Procurement::Services => ("政府采购服务预算", "procurement of services"),
                Procurement::SmeReserved => ("面向中小企业预留", "reserved for SMEs"),
                Procurement::SmallMicroReserved => ("小微企业预留", "reserved for small firms"),
            };
            return Message::new(zh, en);
        }
        Subject::PerformanceTargets(_) => return Message::new("绩效目标涉及金额", "performance-target funds"),
        Subject::Other(s) => return Message::new(s.clone(), s.clone()),
    };
    let (pz, pe) = scope_prefix(f.scope);
    Message::new(format!("{pz}{zh}"), format!("{pe}{en}"))
}

/// What a stated amount can truly be. A zero is nothing, whatever its printed precision: the
/// text writes `0万元` for none, never for an amount under 5,000元.
pub fn bounds(m: &Money) -> Interval {
    if m.is_zero() {
        Interval::ZERO
    } else {
        m.bounds()
    }
}

/// The fact's amount as a figure, labelled with its subject.
pub fn amount_fig(f: &Fact) -> Option<Fig> {
    let a = f.amount.as_ref()?;
    let name = subject_name(f);
    let mut fig = Fig::printed(&a.value, a.span, name);
    fig.interval = bounds(&a.value);
    Some(fig)
}

/// Digits kept in quotients, rounded outward so an interval never shrinks.
const DP: u32 = 12;

fn div(a: Decimal, b: Decimal, up: bool) -> Option<Decimal> {
    let s = if up { RoundingStrategy::ToPositiveInfinity } else { RoundingStrategy::ToNegativeInfinity };
    a.checked_div(b).map(|q| q.round_dp_with_strategy(DP, s))
}

/// `x / (1 + r/100)` for non-negative `x` and `1 + r/100 > 0` over its whole interval.
pub fn div_growth(x: &Interval, factor: &Interval) -> Option<Interval> {
    if factor.lo <= Decimal::ZERO || x.lo < Decimal::ZERO {
        return None;
    }
    Some(Interval { lo: div(x.lo, factor.hi, false)?, hi: div(x.hi, factor.lo, true)? })
}

/// A change's magnitude: a change amount is written without sign, so it is never below zero.
pub fn magnitude(m: &Money) -> Interval {
    let b = m.bounds();
    Interval { lo: b.lo.max(Decimal::ZERO), hi: b.hi }
}

/// The interval of a printed rate as a fraction of one (8.30% → [0.08295, 0.08305]).
pub fn rate_fraction(r: &Rate) -> Interval {
    let (lo, hi) = r.bounds();
    Interval { lo: lo / Decimal::ONE_HUNDRED, hi: hi / Decimal::ONE_HUNDRED }
}

fn intersect(a: &Interval, b: &Interval) -> Option<Interval> {
    let i = Interval { lo: a.lo.max(b.lo), hi: a.hi.min(b.hi) };
    (i.lo <= i.hi).then_some(i)
}

/// The prior year's amount a fact implies, in 元: current − change for an increase, current +
/// change for a decrease, current for 持平; narrowed by the stated rate when it agrees
/// (current / (1 ± rate)). `None` when the fact states no amount or nothing to go on, or when
/// the change exceeds the amount (no prior year could give it: the YoY rule says so).
pub fn prior(f: &Fact) -> Option<Interval> {
    let c = bounds(&f.amount.as_ref()?.value);
    let ch = f.change.as_ref()?;
    let one = Interval::exact(Decimal::ONE);
    let by_amount = match (ch.direction, &ch.amount) {
        (Direction::Flat, _) => Some(c),
        (Direction::Increase, Some(d)) => Some(c - magnitude(&d.value)),
        (Direction::Decrease, Some(d)) => Some(c + magnitude(&d.value)),
        (_, None) => None,
    };
    let by_rate = ch.rate.as_ref().and_then(|r| {
        let r = rate_fraction(&r.value);
        let factor = match ch.direction {
            Direction::Increase => one + r,
            Direction::Decrease => one - r,
            Direction::Flat => return None,
        };
        div_growth(&Interval { lo: c.lo.max(Decimal::ZERO), hi: c.hi }, &factor)
    });
    match (by_amount, by_rate) {
        (Some(a), _) if a.hi < Decimal::ZERO => None,
        (Some(a), Some(r)) => {
            let a = Interval { lo: a.lo.max(Decimal::ZERO), hi: a.hi };
            Some(intersect(&a, &r).unwrap_or(a))
        }
        (Some(a), None) => Some(Interval { lo: a.lo.max(Decimal::ZERO), hi: a.hi }),
        (None, r) => r,
    }
}

/// Where a fact's change is written, or the fact itself.
pub fn change_span(f: &Fact) -> Span {
    f.change.as_ref().map(|c| c.span).unwrap_or(f.span)
}

/// `part / base × 100` of the figures as printed: what a reader computes, for messages (the
/// verdict is over intervals). `None` for a zero base.
pub fn printed_ratio(part: Decimal, base: Decimal) -> Option<Decimal> {
    if base <= Decimal::ZERO {
        return None;
    }
    (part * Decimal::ONE_HUNDRED).checked_div(base)
}

/// A percentage shown at a printed rate's precision.
pub fn percent(value: Decimal, like: &Rate) -> String {
    percent_like(value, like)
}

/// Compares a stated figure with a computed interval: nothing when they print alike, info when
/// rounding explains the difference, an error (at the rule's severity) saying by how much
/// otherwise. `computed_zh`/`computed_en` say where the computed figure comes from.
pub fn check_equal(
    sink: &mut Sink,
    stated: &Fig,
    computed: &Interval,
    what: &Message,
    from: &Message,
    related: Vec<Related>,
) -> Verdict {
    let verdict = compare(&stated.interval, computed);
    let Some(m) = stated.printed else { return verdict };
    let at = stated.span.unwrap_or(stated.anchor);
    let expected = money_like(midpoint(computed), &m);
    let actual = money(&m);
    let mut f = match verdict {
        Verdict::Exact => return verdict,
        Verdict::Rounding { .. } if expected == actual => return verdict,
        Verdict::Rounding { .. } => {
            let mut f = sink.finding(
                at,
                Message::new(
                    format!(
                        "{}：{}为 {}，{}为 {}，相差属四舍五入误差",
                        what.zh, stated.label.zh, actual, from.zh, expected
                    ),
                    format!(
                        "{}: {} is {}, {} is {}: a rounding difference",
                        what.en, stated.label.en, actual, from.en, expected
                    ),
                ),
            );
            f.severity = crate::finding::Severity::Info;
            f
        }
        Verdict::Mismatch { .. } => sink.finding(
            at,
            Message::new(
                format!("{}{}为 {}，但{}为 {}", what.zh, stated.label.zh, actual, from.zh, expected),
                format!("{}{} is {}, but {} is {}", what.en, stated.label.en, actual, from.en, expected),
            ),
        ),
    };
    f.related = related;
    f.expected = Some(expected);
    f.actual = Some(actual);
    sink.push(f);
    verdict
}

/// A related figure for a finding.
pub fn related(f: &Fig) -> Related {
    Related { span: f.span.unwrap_or(f.anchor), label: f.label.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use yusuan_model::money::AmountUnit;
    use yusuan_model::narrative::YoyChange;
    use yusuan_model::span::Spanned;

    fn fact(amount: &str, dir: Direction, change: Option<&str>, rate: Option<&str>) -> Fact {
        let sp = Span::on_line(1, 1, 2);
        let mut f = Fact::new(Subject::Project, Scope::AllFunds, "项目支出", sp);
        f.amount = Some(Spanned::new(Money::parse(amount, AmountUnit::Wan).unwrap(), sp));
        f.change = Some(YoyChange {
            amount: change.map(|c| Spanned::new(Money::parse(c, AmountUnit::Wan).unwrap(), sp)),
            direction: dir,
            direction_word: String::new(),
            rate: rate.map(|r| Spanned::new(Rate::parse(r).unwrap(), sp)),
            rate_word: None,
            compared_with: "比上年".into(),
            span: sp,
        });
        f
    }

    fn wan(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap() * Decimal::from(10_000)
    }

    #[test]
    fn prior_of_an_increase_and_a_decrease() {
        let p = prior(&fact("715.52", Direction::Increase, Some("54.84"), None)).unwrap();
        assert!(p.contains(wan("660.68")) && p.lo == wan("660.67"));
        let p = prior(&fact("230.00", Direction::Decrease, Some("150.00"), None)).unwrap();
        assert!(p.contains(wan("380.00")));
        // The rate narrows it: 4.20 / 1.9091 lies in [2.1973, 2.2027].
        let p = prior(&fact("4.20", Direction::Increase, Some("2.00"), Some("90.91%"))).unwrap();
        assert!(p.lo > wan("2.197") && p.hi < wan("2.203"));
        // An increase larger than the amount has no prior.
        assert!(prior(&fact("1.00", Direction::Increase, Some("2.00"), None)).is_none());
    }
}
