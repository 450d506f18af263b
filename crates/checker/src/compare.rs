//! Comparing what a document prints with what an identity makes of other printed figures. Every
//! figure stands for the interval of true amounts its rounding allows, so a difference is an
//! error only when no true amounts could make the identity hold.

use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_model::money::{Interval, Money};
use yusuan_model::rate::Rate;

/// How a stated figure compares with the figure an identity computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The printed figures agree exactly.
    Exact,
    /// They differ, but by no more than their rounding allows.
    Rounding { diff: Decimal },
    /// They differ beyond rounding; `by` is the smallest possible gap (in the figures' 元, or in
    /// percentage points for rates).
    Mismatch { diff: Decimal, by: Decimal },
}

impl Verdict {
    pub fn is_mismatch(&self) -> bool {
        matches!(self, Verdict::Mismatch { .. })
    }
}

fn mid(i: &Interval) -> Decimal {
    (i.lo + i.hi) / Decimal::TWO
}

/// Compares a stated interval with a computed one.
pub fn compare(stated: &Interval, computed: &Interval) -> Verdict {
    let diff = mid(stated) - mid(computed);
    if diff.is_zero() {
        Verdict::Exact
    } else if stated.intersects(computed) {
        Verdict::Rounding { diff }
    } else {
        let by = if stated.lo > computed.hi { stated.lo - computed.hi } else { computed.lo - stated.hi };
        Verdict::Mismatch { diff, by }
    }
}

/// Digits kept in quotients, rounded outward so an interval never shrinks.
const QUOTIENT_DP: u32 = 12;

fn div_down(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b).map(|q| q.round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToNegativeInfinity))
}

fn div_up(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b).map(|q| q.round_dp_with_strategy(QUOTIENT_DP, RoundingStrategy::ToPositiveInfinity))
}

/// The percentages `part / base × 100` can be, for non-negative intervals. `None` when the base
/// can be zero (a rate from a zero base is a convention, not arithmetic).
pub fn ratio_percent(part: &Interval, base: &Interval) -> Option<Interval> {
    if base.lo <= Decimal::ZERO {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let lo_part = part.lo.max(Decimal::ZERO);
    Some(Interval { lo: div_down(lo_part * hundred, base.hi)?, hi: div_up(part.hi * hundred, base.lo)? })
}

/// A printed rate's interval.
pub fn rate_interval(rate: &Rate) -> Interval {
    let (lo, hi) = rate.bounds();
    Interval { lo, hi }
}

/// A computed value shown as the document would print it: at `like`'s unit and precision.
pub fn printed_like(yuan: Decimal, like: &Money) -> String {
    let v =
        (yuan / like.unit.in_yuan()).round_dp_with_strategy(like.decimals(), RoundingStrategy::MidpointAwayFromZero);
    let mut v = v;
    v.rescale(like.decimals());
    v.to_string()
}

/// A computed percentage shown at a rate's printed precision.
pub fn percent_like(value: Decimal, like: &Rate) -> String {
    let mut v = value.round_dp_with_strategy(like.decimals(), RoundingStrategy::MidpointAwayFromZero);
    v.rescale(like.decimals());
    format!("{v}%")
}

/// The midpoint of an interval.
pub fn midpoint(i: &Interval) -> Decimal {
    mid(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_model::money::AmountUnit;

    fn m(s: &str) -> Interval {
        Money::parse(s, AmountUnit::Wan).unwrap().bounds()
    }

    #[test]
    fn rounding_is_info_and_beyond_is_error() {
        // 387.95 + 24.21 + 36.35 = 448.51 against a printed 448.52: rounding.
        let sum = m("387.95") + m("24.21") + m("36.35");
        assert!(matches!(compare(&m("448.52"), &sum), Verdict::Rounding { .. }));
        // Against 448.55 it cannot be rounding: three half-cents and one do not reach 0.04.
        let v = compare(&m("448.55"), &sum);
        let Verdict::Mismatch { diff, by } = v else { panic!("{v:?}") };
        assert_eq!(diff, Decimal::new(400, 0)); // 0.04万元 = 400元
        assert_eq!(by, Decimal::new(200, 0)); // 0.02万元 beyond what rounding covers
        assert_eq!(compare(&m("1.00"), &(m("0.50") + m("0.50"))), Verdict::Exact);
    }

    #[test]
    fn shares_have_ranges() {
        // 715.52 / 1,050.52 = 68.1118…%, printed 68.11%.
        let r = ratio_percent(&m("715.52"), &m("1050.52")).unwrap();
        assert!(r.intersects(&rate_interval(&Rate::parse("68.11%").unwrap())));
        assert!(!r.intersects(&rate_interval(&Rate::parse("68.15%").unwrap())));
        assert!(ratio_percent(&m("1"), &m("0.00")).is_none());
    }

    #[test]
    fn printing() {
        let like = Money::parse("448.52", AmountUnit::Wan).unwrap();
        assert_eq!(printed_like(Decimal::new(4_485_100, 0), &like), "448.51");
        assert_eq!(percent_like(Decimal::new(681118, 4), &Rate::parse("68.11%").unwrap()), "68.11%");
    }
}
