//! Which figure to blame for a failing identity, and what it should be: the single change that
//! restores the most identities, like a compiler's fix.
//!
//! Rules record every identity they evaluate over printed figures, holding or not, in a
//! [`Ledger`]. Once every rule has run, an error's identity is solved for each of its figures in
//! turn: the values that figure could take for the identity to hold, and for each other identity
//! it takes part in, the values that keep or make that one hold. The best single value for the
//! figure restores some failing identities and may break some holding ones; its score is the
//! difference. The figure with the highest score is blamed, and only when no other figure of the
//! identity scores as high: where the evidence does not single one figure out (a row total and
//! two parts, nothing else known of any), there is no suggestion rather than a guess.

use crate::compare::{percent_like, printed_like, ratio_percent};
use crate::context::Fig;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::cell::OnceCell;
use std::collections::HashMap;
use yusuan_model::money::{Interval, Money};
use yusuan_model::rate::Rate;
use yusuan_model::span::Span;

/// The figure most likely wrong and the value the other figures imply, as printed at the
/// figure's own precision and unit (`12.50%`, `1,050.52`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub span: Span,
    pub value: String,
}

/// What a term of an identity is, for solving and printing.
#[derive(Clone, Copy, Debug)]
pub enum Printed {
    Money(Money),
    Rate(Rate),
    /// A figure that cannot be blamed: an empty cell, a sum of cells, a fixed 100%.
    Fixed,
}

/// One figure of an identity: where it is, the values its printing allows (元, or percent for a
/// rate), and what it is.
#[derive(Clone, Debug)]
pub struct Term {
    pub span: Option<Span>,
    pub interval: Interval,
    pub printed: Printed,
}

impl Term {
    pub fn fig(f: &Fig) -> Term {
        match (f.span, f.printed) {
            (Some(span), Some(m)) => Term { span: Some(span), interval: f.interval, printed: Printed::Money(m) },
            _ => Term::fixed(f.interval),
        }
    }

    pub fn money(m: &Money, interval: Interval, span: Span) -> Term {
        Term { span: Some(span), interval, printed: Printed::Money(*m) }
    }

    pub fn rate(r: &Rate, span: Span) -> Term {
        Term { span: Some(span), interval: crate::compare::rate_interval(r), printed: Printed::Rate(*r) }
    }

    pub fn fixed(interval: Interval) -> Term {
        Term { span: None, interval, printed: Printed::Fixed }
    }

    fn blamable(&self) -> Option<Span> {
        match self.printed {
            Printed::Fixed => None,
            _ => self.span,
        }
    }

    /// A value (元 or percent) printed at this term's precision, and the values that printing
    /// allows.
    fn print(&self, value: Decimal) -> Option<(String, Interval)> {
        match self.printed {
            Printed::Money(m) => {
                let text = printed_like(value, &m);
                let shown = Money::new(text.parse().ok()?, m.unit);
                Some((group_thousands(&text), shown.bounds()))
            }
            Printed::Rate(r) => {
                let text = percent_like(value, &r);
                let rate = Rate::parse(&text)?;
                Some((text, crate::compare::rate_interval(&rate)))
            }
            Printed::Fixed => None,
        }
    }
}

/// `1050.52` → `1,050.52`, as budget tables print amounts.
fn group_thousands(text: &str) -> String {
    let (sign, rest) = text.strip_prefix('-').map(|r| ("-", r)).unwrap_or(("", text));
    let (int, frac) = rest.split_once('.').map(|(i, f)| (i, Some(f))).unwrap_or((rest, None));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// How an identity's terms relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `terms[0] = Σ terms[1..=plus] − Σ terms[plus + 1..]`.
    Sum { plus: usize },
    /// `[rate, part, base]`: rate = part / base × 100.
    Share,
    /// `[rate, current, change]`: rate = change / prior × 100, the prior year being current −
    /// change for an increase, current + change for a decrease.
    Growth { decrease: bool },
    /// `[rate, current, prior]`: rate = (current − prior) / prior × 100 for an increase,
    /// (prior − current) / prior × 100 for a decrease, last year's amount being stated.
    Relative { decrease: bool },
}

/// An identity over printed figures.
#[derive(Clone, Debug)]
pub struct Identity {
    pub shape: Shape,
    pub terms: Vec<Term>,
}

/// Digits kept in quotients.
const DP: u32 = 12;

fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b <= Decimal::ZERO {
        return None;
    }
    a.checked_div(b).map(|q| q.round_dp_with_strategy(DP, RoundingStrategy::MidpointAwayFromZero))
}

impl Identity {
    pub fn sum(total: Term, plus: Vec<Term>, minus: Vec<Term>) -> Identity {
        let n = plus.len();
        Identity { shape: Shape::Sum { plus: n }, terms: std::iter::once(total).chain(plus).chain(minus).collect() }
    }

    /// [`Identity::solve`] for every term at once. A sum of n terms is added up once and each
    /// term's share taken back out (exact in `Decimal`), not n sums of n − 1 terms: one identity
    /// over every figure of a long narrative would otherwise be solved in quadratic time.
    pub fn solve_all(&self) -> Vec<Option<Interval>> {
        let Shape::Sum { plus } = self.shape else {
            return (0..self.terms.len()).map(|k| self.solve(k)).collect();
        };
        // Each term's contribution to Σ sign(i)·term(i): (lo, hi) of +term or of −term.
        let part = |i: usize, t: &Term| {
            if i >= 1 && i <= plus {
                (t.interval.lo, t.interval.hi)
            } else {
                (-t.interval.hi, -t.interval.lo)
            }
        };
        let (lo, hi) = self.terms.iter().enumerate().fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), (i, t)| {
            let (l, h) = part(i, t);
            (lo + l, hi + h)
        });
        self.terms
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let (l, h) = part(k, t);
                let others = Interval { lo: lo - l, hi: hi - h };
                let neg = Interval::ZERO - others;
                Some(if k >= 1 && k <= plus { neg } else { others })
            })
            .collect()
    }

    /// The values term `k` can take for the identity to hold, the others as printed.
    pub fn solve(&self, k: usize) -> Option<Interval> {
        match self.shape {
            Shape::Sum { plus } => {
                let sign = |i: usize| {
                    if i == 0 {
                        -1
                    } else if i <= plus {
                        1
                    } else {
                        -1
                    }
                };
                // Σ sign(i)·term(i) = 0 over the others, solved for term k.
                let others =
                    self.terms.iter().enumerate().filter(|(i, _)| *i != k).fold(Interval::ZERO, |acc, (i, t)| {
                        if sign(i) > 0 {
                            acc + t.interval
                        } else {
                            acc - t.interval
                        }
                    });
                self.terms.get(k)?;
                // term k · sign(k) = −others
                let neg = Interval::ZERO - others;
                Some(if sign(k) > 0 { neg } else { others })
            }
            Shape::Share | Shape::Growth { .. } | Shape::Relative { .. } => self.solve_monotone(k),
        }
    }

    /// Share, growth and relative change are monotone in each figure over non-negative amounts and rates, so the
    /// values a term can take are bounded by the formula at the others' interval corners.
    fn solve_monotone(&self, k: usize) -> Option<Interval> {
        if self.terms.len() != 3 || k > 2 {
            return None;
        }
        let ivs: Vec<Interval> =
            self.terms.iter().map(|t| Interval { lo: t.interval.lo.max(Decimal::ZERO), hi: t.interval.hi }).collect();
        let (a, b) = match k {
            0 => (1, 2),
            1 => (0, 2),
            _ => (0, 1),
        };
        let (ia, ib) = (ivs.get(a)?, ivs.get(b)?);
        if k == 0 && self.shape == Shape::Share {
            return ratio_percent(ia, ib);
        }
        let mut lo: Option<Decimal> = None;
        let mut hi: Option<Decimal> = None;
        for x in [ia.lo, ia.hi] {
            for y in [ib.lo, ib.hi] {
                let v = self.formula(k, x, y)?;
                lo = Some(lo.map_or(v, |l| l.min(v)));
                hi = Some(hi.map_or(v, |h| h.max(v)));
            }
        }
        Some(Interval { lo: lo?, hi: hi? })
    }

    /// Term `k` from the two others (in term order), as points.
    fn formula(&self, k: usize, x: Decimal, y: Decimal) -> Option<Decimal> {
        let h = Decimal::ONE_HUNDRED;
        match (self.shape, k) {
            // part = rate × base / 100; base = part × 100 / rate
            (Shape::Share, 1) => Some(x * y / h),
            (Shape::Share, 2) => div(y * h, x),
            (Shape::Growth { decrease }, 0) => {
                let prior = if decrease { x + y } else { x - y };
                div(y * h, prior)
            }
            // current from rate and change: the prior is change × 100 / rate
            (Shape::Growth { decrease }, 1) => {
                let prior = div(y * h, x)?;
                Some(if decrease { prior - y } else { prior + y })
            }
            // change from rate and current: d = r·c / (100 ± r)
            (Shape::Growth { decrease }, 2) => div(x * y, if decrease { h - x } else { h + x }),
            // rate from current and prior
            (Shape::Relative { decrease }, 0) => div((if decrease { y - x } else { x - y }) * h, y),
            // current from rate and prior: prior × (100 ± rate) / 100
            (Shape::Relative { decrease }, 1) => Some(y * (if decrease { h - x } else { h + x }) / h),
            // prior from rate and current: current × 100 / (100 ± rate)
            (Shape::Relative { decrease }, 2) => div(y * h, if decrease { h - x } else { h + x }),
            _ => None,
        }
    }

    pub fn holds(&self) -> bool {
        match (self.solve(0), self.terms.first()) {
            (Some(iv), Some(t)) => iv.intersects(&t.interval),
            // An identity that cannot be evaluated (a zero base) is not a failing one.
            _ => true,
        }
    }

    fn key(&self) -> (Shape, Vec<Option<Span>>) {
        (self.shape, self.terms.iter().map(|t| t.span).collect())
    }
}

/// Every identity the rules evaluated, and which error is about which identity.
#[derive(Default)]
pub struct Ledger {
    identities: Vec<(Identity, bool)>,
    /// Each identity solved for each of its terms, once, when a suggestion first asks: a figure
    /// shared by thousands of identities (a narrative's base) is otherwise solved again for
    /// every error that names it.
    solved: Vec<OnceCell<Vec<Option<Interval>>>>,
    seen: HashMap<(Shape, Vec<Option<Span>>), usize>,
    by_span: HashMap<Span, Naming>,
    /// (finding index, identity index)
    pub(crate) blamed: Vec<(usize, usize)>,
}

impl Ledger {
    /// Records an identity (once, however many rules evaluate it) and returns its index.
    pub fn record(&mut self, identity: Identity) -> usize {
        let key = identity.key();
        if let Some(&i) = self.seen.get(&key) {
            return i;
        }
        let i = self.identities.len();
        for (k, t) in identity.terms.iter().enumerate() {
            if let Some(span) = t.blamable() {
                self.by_span.entry(span).or_default().terms.push((i, k));
            }
        }
        let holds = identity.holds();
        self.identities.push((identity, holds));
        self.solved.push(OnceCell::new());
        self.seen.insert(key, i);
        i
    }

    pub fn len(&self) -> usize {
        self.identities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.identities.is_empty()
    }

    /// Identity `j` solved for its term `k` (see [`Ledger::solved`]).
    fn solved(&self, j: usize, k: usize) -> Option<Interval> {
        let (identity, _) = self.identities.get(j)?;
        self.solved.get(j)?.get_or_init(|| identity.solve_all()).get(k).copied().flatten()
    }

    /// The suggestion for a failing identity, when one figure is singled out.
    pub fn suggestion(&self, index: usize) -> Option<Suggestion> {
        let (target, holds) = self.identities.get(index)?;
        if *holds {
            return None;
        }
        let mut scored: Vec<(i64, Suggestion)> = Vec::new();
        for (k, term) in target.terms.iter().enumerate() {
            let Some(span) = term.blamable() else { continue };
            let Some(own) = self.solved(index, k) else { continue };
            if let Some(s) = self.best_change(index, term, span, own) {
                scored.push(s);
            }
        }
        let best = scored.iter().map(|(s, _)| *s).max()?;
        // A change that breaks as many identities as it restores is no better than the figures
        // as printed (and an empty cell or an absent row, which cannot be pointed at, may be
        // the slip): no suggestion.
        if best < 1 {
            return None;
        }
        let mut top = scored.into_iter().filter(|(s, _)| *s == best);
        let (_, first) = top.next()?;
        // Two figures as likely as each other: no guess.
        if top.next().is_some() {
            return None;
        }
        Some(first)
    }

    /// The best value for a term of identity `index`: the one that makes the most of the term's
    /// identities hold, within the values `own` that restore `index` itself. Returns its score
    /// (identities restored less identities broken) and the value as printed.
    fn best_change(&self, index: usize, term: &Term, span: Span, own: Interval) -> Option<(i64, Suggestion)> {
        // (values that make the identity hold, whether it holds now)
        let unnamed = Naming::default();
        let naming = self.by_span.get(&span).unwrap_or(&unnamed);
        let mut others: Vec<(Interval, bool)> = Vec::new();
        // This identity's own solutions for the figure, which `naming.cover` counts and `others` leaves out.
        let mut own_solved: Vec<Interval> = Vec::new();
        let mut as_printed = 0;
        for &(j, kj) in &naming.terms {
            let Some((_, holds)) = self.identities.get(j) else { continue };
            match self.solved(j, kj) {
                Some(iv) if j == index => own_solved.push(iv),
                _ if j == index => {}
                Some(iv) => others.push((iv, *holds)),
                // Cannot be solved for this figure: it holds only as printed.
                None if *holds => {
                    as_printed += 1;
                    others.push((term.interval, true));
                }
                None => {}
            }
        }
        let cover =
            naming.cover.get_or_init(|| Cover::new(naming.terms.iter().filter_map(|&(j, kj)| self.solved(j, kj))));
        let covering = |p: Decimal| {
            let printed = if term.interval.contains(p) { as_printed } else { 0 };
            cover.count(p) + printed - own_solved.iter().filter(|iv| iv.contains(p)).count()
        };
        let candidates = std::iter::once(own.lo).chain(others.iter().map(|(iv, _)| iv.lo).filter(|p| own.contains(*p)));
        let point = candidates.max_by_key(|p| (covering(*p), std::cmp::Reverse(*p)))?;
        let kept: Vec<&(Interval, bool)> = others.iter().filter(|(iv, _)| iv.contains(point)).collect();
        let region = kept.iter().fold(own, |acc, (iv, _)| Interval { lo: acc.lo.max(iv.lo), hi: acc.hi.min(iv.hi) });
        let restored = 1 + kept.iter().filter(|(_, h)| !h).count() as i64;
        let broken = others.iter().filter(|(iv, h)| *h && !iv.contains(point)).count() as i64;
        // The value is what the most precise evidence implies (the midpoint of the narrowest
        // interval, own or kept, that falls in the region: the printed sum, the other table's
        // cell), not the region's midpoint, which two loose identities can set between values.
        let mid = |iv: &Interval| (iv.lo + iv.hi) / Decimal::TWO;
        let value = std::iter::once(own)
            .chain(kept.iter().map(|(iv, _)| *iv))
            .filter(|iv| region.contains(mid(iv)))
            .min_by_key(|iv| iv.hi - iv.lo)
            .map_or_else(|| mid(&region), |iv| mid(&iv));
        let (value, shown) = term.print(value)?;
        // The printed value must itself restore what the point restores, and differ from what is printed.
        if !shown.intersects(&own) || kept.iter().any(|(iv, _)| !shown.intersects(iv)) || shown == term.interval {
            return None;
        }
        Some((restored - broken, Suggestion { span, value }))
    }
}

/// The terms of the identities that name one figure, and how many of their solutions for it
/// contain a point (counted once per figure, not once per error that names it).
#[derive(Default)]
struct Naming {
    /// (identity, term), in the order recorded.
    terms: Vec<(usize, usize)>,
    cover: OnceCell<Cover>,
}

/// How many of a set of intervals contain a point, in logarithmic time: the count of those
/// starting at or before it less those ending before it. Counting by scanning made the search for
/// the best value quadratic in the identities a figure takes part in, and the ledger cubic.
struct Cover {
    los: Vec<Decimal>,
    his: Vec<Decimal>,
}

impl Cover {
    fn new(intervals: impl Iterator<Item = Interval>) -> Cover {
        // An empty interval (lo > hi) contains no point; leaving it out keeps the difference exact.
        let (mut los, mut his): (Vec<Decimal>, Vec<Decimal>) =
            intervals.filter(|iv| iv.lo <= iv.hi).map(|iv| (iv.lo, iv.hi)).unzip();
        los.sort_unstable();
        his.sort_unstable();
        Cover { los, his }
    }

    fn count(&self, p: Decimal) -> usize {
        self.los.partition_point(|lo| *lo <= p) - self.his.partition_point(|hi| *hi < p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_model::money::AmountUnit;

    fn wan(s: &str, line: u32) -> Term {
        let m = Money::parse(s, AmountUnit::Wan).unwrap();
        Term::money(&m, m.bounds(), Span::on_line(line, 1, 5))
    }

    #[test]
    fn grouping() {
        assert_eq!(group_thousands("1050.52"), "1,050.52");
        assert_eq!(group_thousands("-1234567"), "-1,234,567");
        assert_eq!(group_thousands("999.00"), "999.00");
    }

    #[test]
    fn a_total_wrong_against_its_parts_and_another_table() {
        let mut l = Ledger::default();
        // Row: total 56.00 = 26.00 + 25.00; the same total elsewhere is 51.00.
        let row = l.record(Identity::sum(wan("56.00", 1), vec![wan("26.00", 2), wan("25.00", 3)], vec![]));
        l.record(Identity::sum(wan("51.00", 4), vec![wan("56.00", 1)], vec![]));
        let s = l.suggestion(row).unwrap();
        assert_eq!((s.span.line, s.value.as_str()), (1, "51.00"));
    }

    #[test]
    fn a_change_that_breaks_as_much_as_it_restores_is_no_suggestion() {
        let mut l = Ledger::default();
        // Two tables disagree (100.00 against 90.00); each figure adds up in its own table.
        let cross = l.record(Identity::sum(wan("100.00", 1), vec![wan("90.00", 2)], vec![]));
        l.record(Identity::sum(wan("100.00", 1), vec![wan("80.00", 3), wan("20.00", 4)], vec![]));
        l.record(Identity::sum(wan("90.00", 2), vec![wan("60.00", 5), wan("30.00", 6)], vec![]));
        assert_eq!(l.suggestion(cross), None);
        // Against an absent row (a fixed zero) the one figure that can be named breaks its table.
        let absent = l.record(Identity::sum(Term::fixed(Interval::ZERO), vec![wan("30.00", 6)], vec![]));
        assert_eq!(l.suggestion(absent), None);
    }

    #[test]
    fn a_lone_row_that_does_not_add_up_names_no_figure() {
        let mut l = Ledger::default();
        let row = l.record(Identity::sum(wan("56.00", 1), vec![wan("26.00", 2), wan("25.00", 3)], vec![]));
        assert_eq!(l.suggestion(row), None);
    }

    #[test]
    fn a_part_whose_column_also_fails_is_the_one() {
        let mut l = Ledger::default();
        let row = l.record(Identity::sum(wan("56.00", 1), vec![wan("26.00", 2), wan("25.00", 3)], vec![]));
        // 26.00's column: parent 41.00 = 26.00 + 10.00 fails too; 31.00 restores both.
        l.record(Identity::sum(wan("41.00", 5), vec![wan("26.00", 2), wan("10.00", 6)], vec![]));
        let s = l.suggestion(row).unwrap();
        assert_eq!((s.span.line, s.value.as_str()), (2, "31.00"));
    }

    #[test]
    fn a_share_is_solved_for_its_rate() {
        let mut l = Ledger::default();
        let rate = Term::rate(&Rate::parse("12.89%").unwrap(), Span::on_line(9, 1, 5));
        let share = l.record(Identity { shape: Shape::Share, terms: vec![rate, wan("230.00", 2), wan("1050.52", 3)] });
        // Nothing else states the amount or the base: the rate, the amount or the base.
        assert_eq!(l.suggestion(share), None);
        // The amount and the base agree with a table, so the rate is the one.
        l.record(Identity::sum(wan("230.00", 7), vec![wan("230.00", 2)], vec![]));
        l.record(Identity::sum(wan("1050.52", 8), vec![wan("1050.52", 3)], vec![]));
        let s = l.suggestion(share).unwrap();
        assert_eq!((s.span.line, s.value.as_str()), (9, "21.89%"));
    }

    #[test]
    fn growth_solved_each_way() {
        let rate = Term::rate(&Rate::parse("26.05%").unwrap(), Span::on_line(1, 1, 2));
        let g = Identity {
            shape: Shape::Growth { decrease: false },
            terms: vec![rate, wan("448.52", 2), wan("116.84", 3)],
        };
        assert!(!g.holds());
        let r = g.solve(0).unwrap();
        // 116.84 / 331.68 = 35.2267%
        assert!(r.contains(Decimal::new(352267, 4)), "{r:?}");
        // 116.84 at 26.05% of the prior: current = 116.84 × 126.05 / 26.05 = 565.35万元.
        let c = g.solve(1).unwrap();
        assert!(c.contains(Decimal::new(5_653_500, 0)), "{c:?}");
    }

    #[test]
    fn relative_change_solved_each_way() {
        // 54.60 last year, 53.84 this year: down 1.39%; a rate copied as 1.93% fails.
        let rel = |r: &str| Identity {
            shape: Shape::Relative { decrease: true },
            terms: vec![Term::rate(&Rate::parse(r).unwrap(), Span::on_line(1, 1, 2)), wan("53.84", 2), wan("54.60", 3)],
        };
        assert!(rel("1.39%").holds());
        let g = rel("1.93%");
        assert!(!g.holds());
        // 0.76 / 54.60 = 1.3919…%
        assert!(g.solve(0).unwrap().contains(Decimal::new(13919, 4)));
        // At 1.93% down from 54.60 this year would be 53.546万元; from 53.84 last year 54.899万元.
        assert!(g.solve(1).unwrap().contains(Decimal::new(535_462, 0)), "{:?}", g.solve(1));
        assert!(g.solve(2).unwrap().contains(Decimal::new(548_995, 0)), "{:?}", g.solve(2));
    }

    #[test]
    fn a_rate_whose_amounts_are_pinned_is_the_one() {
        let mut l = Ledger::default();
        let rate = Term::rate(&Rate::parse("1.93%").unwrap(), Span::on_line(1, 1, 2));
        let rel = l.record(Identity {
            shape: Shape::Relative { decrease: true },
            terms: vec![rate, wan("53.84", 2), wan("54.60", 3)],
        });
        // Last year's amount is stated nowhere else: the rate or last year, no guess.
        assert_eq!(l.suggestion(rel), None);
        // The change amount ties last year to this year: the rate is the one.
        l.record(Identity::sum(wan("53.84", 2), vec![wan("54.60", 3)], vec![wan("0.76", 4)]));
        let s = l.suggestion(rel).unwrap();
        assert_eq!((s.span.line, s.value.as_str()), (1, "1.39%"));
    }

    #[test]
    fn solving_every_term_at_once_is_solving_each() {
        let sum = Identity::sum(
            wan("1,050.52", 1),
            vec![wan("715.52", 2), wan("230.00", 3), Term::fixed(Interval::ZERO)],
            vec![wan("0.37", 4), wan("105.00", 5)],
        );
        let share = Identity {
            shape: Shape::Share,
            terms: vec![
                Term::rate(&Rate::parse("21.89%").unwrap(), Span::on_line(6, 1, 2)),
                wan("230.00", 2),
                wan("1050.52", 1),
            ],
        };
        for identity in [sum, share] {
            let each: Vec<_> = (0..identity.terms.len()).map(|k| identity.solve(k)).collect();
            assert_eq!(identity.solve_all(), each);
        }
    }

    #[test]
    fn cover_counts_the_intervals_holding_a_point() {
        let iv = |lo: i64, hi: i64| Interval { lo: Decimal::from(lo), hi: Decimal::from(hi) };
        let ivs = [iv(1, 5), iv(3, 3), iv(4, 9), iv(6, 2), iv(5, 5)];
        let cover = Cover::new(ivs.iter().copied());
        for p in 0..11 {
            let p = Decimal::from(p);
            assert_eq!(cover.count(p), ivs.iter().filter(|iv| iv.contains(p)).count(), "at {p}");
        }
    }
}
