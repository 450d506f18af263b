use super::common::{bounds, change_span, magnitude, money, money_like, prior, subject_name};
use super::mapping::{key, Key};
use super::parts::split;
use crate::blame::{Identity, Term};
use crate::compare::midpoint;
use crate::context::Context;
use crate::finding::{Message, Related};
use crate::rule::Sink;
use yusuan_model::money::{Interval, Money};
use yusuan_model::narrative::{Direction, Fact, Scope, Subject};
use yusuan_model::span::Span;

crate::rule! {
    /// Flags prior-year figures that cannot all be true: every change against last year implies
    /// last year's amount (this year's less the increase, or plus the decrease), and those must
    /// agree — the parts' prior years sum to their total's (三公 parts to the 三公 total, basic +
    /// project to all spending, the sources to total income: a source left out that the tables show
/// to be nothing counts as nothing), the income side's prior total
    /// equals the spending side's, and the same money stated in two sections (one subject, one
    /// scope, one amount) has one prior year.
    /// A part list that may be partial only bounds the total from below.
    ///
    /// Each change is computed separately, often from different versions of last year's budget;
    /// when they disagree, at least one of them is wrong.
    ///
    /// Example: `“三公”经费 4.29万元，比上年增加 1.00万元` (last year 3.29) with its parts
    /// `公务用车运行费 4.20万元，增加 2.00万元` (2.20) and `公务接待费 0.09万元，增加 0.00万元` (0.09):
    /// the parts' prior years sum to 2.29万元.
    NARRATIVE_PRIORS: code "N004", name "narrative-prior-years-agree", family Narrative, severity Error, check check
}

/// Last year's amount of a fact: its own change's, else its parts' summed. `exact` is false
/// when it is only a lower bound (a part left out or without a change).
#[derive(Clone)]
struct Prior {
    value: Interval,
    exact: bool,
    /// What it was computed from, for messages and coverage.
    from: Vec<usize>,
}

fn own(facts: &[Fact], i: usize) -> Option<Prior> {
    facts.get(i).and_then(prior).map(|value| Prior { value, exact: true, from: vec![i] })
}

fn of_parts(cx: &Context, facts: &[Fact], i: usize, depth: u8) -> Option<Prior> {
    if depth == 0 {
        return None;
    }
    let s = split(cx, facts, i)?;
    let mut value = Interval::ZERO;
    // A member the text leaves out and the tables show to be nothing is taken as nothing last
    // year too: a source that went away is stated with its decrease.
    let mut exact = s.complete;
    let mut from = Vec::new();
    for (j, _) in &s.parts {
        match own(facts, *j).or_else(|| of_parts(cx, facts, *j, depth - 1)) {
            Some(p) => {
                value = value + p.value;
                exact &= p.exact;
                from.extend(p.from);
            }
            None => exact = false,
        }
    }
    (!from.is_empty()).then_some(Prior { value, exact, from })
}

fn prior_of(cx: &Context, facts: &[Fact], i: usize) -> Option<Prior> {
    own(facts, i).or_else(|| of_parts(cx, facts, i, 4))
}

/// Whether two priors cannot both be true.
fn disagree(a: &Prior, b: &Prior) -> bool {
    match (a.exact, b.exact) {
        (true, true) => !a.value.intersects(&b.value),
        (true, false) => b.value.lo > a.value.hi,
        (false, true) => a.value.lo > b.value.hi,
        (false, false) => false,
    }
}

fn like(facts: &[Fact], i: usize) -> Option<Money> {
    facts.get(i).and_then(|f| f.amount.as_ref()).map(|a| a.value)
}

fn describe(facts: &[Fact], p: &Prior) -> (String, String) {
    let items: Vec<(String, String)> = p
        .from
        .iter()
        .filter_map(|&j| {
            let f = facts.get(j)?;
            let a = f.amount.as_ref()?;
            let ch = f.change.as_ref()?;
            let n = subject_name(f);
            let by = match (&ch.amount, &ch.rate) {
                (Some(d), _) => money(&d.value),
                (None, Some(r)) => format!("{}%", r.value.0),
                (None, None) => String::new(),
            };
            let now = money(&a.value);
            Some((
                format!("{}{}{}{}", n.zh, now, ch.direction_word, by),
                format!("{} {} {} {}", n.en, now, ch.direction_word, by),
            ))
        })
        .collect();
    let zh = items.iter().map(|(z, _)| z.as_str()).collect::<Vec<_>>().join("＋");
    let en = items.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>().join(" + ");
    (zh, en)
}

fn report(sink: &mut Sink, facts: &[Fact], at: usize, a: &Prior, b: &Prior, what: &Message) {
    let (Some(fa), Some(unit)) =
        (facts.get(at), like(facts, at).or_else(|| b.from.first().and_then(|&j| like(facts, j))))
    else {
        return;
    };
    let (az, ae) = describe(facts, a);
    let (bz, be) = describe(facts, b);
    let shown = |p: &Prior| {
        let v = money_like(midpoint(&p.value), &unit);
        if p.exact {
            v
        } else {
            format!("至少 {v}")
        }
    };
    let shown_en = |p: &Prior| {
        let v = money_like(midpoint(&p.value), &unit);
        if p.exact {
            v
        } else {
            format!("at least {v}")
        }
    };
    let span: Span = change_span(fa);
    let mut f = sink.finding(
        span,
        Message::new(
            format!("{}：按 {} 推算上年为 {}，按 {} 推算上年为 {}", what.zh, az, shown(a), bz, shown(b)),
            format!("{}: {} make last year {}, {} make it {}", what.en, ae, shown_en(a), be, shown_en(b)),
        ),
    );
    f.related = a
        .from
        .iter()
        .chain(&b.from)
        .filter_map(|&j| facts.get(j).map(|x| Related { span: change_span(x), label: subject_name(x) }))
        .collect();
    f.expected = Some(shown(b));
    f.actual = Some(shown(a));
    sink.push(f);
}

/// The terms of a prior year as the sum `Σ (amount ∓ change amount)` of the facts it comes from,
/// `sign` +1 on one side of an identity and −1 on the other: (plus, minus). `None` when a prior
/// year comes from a rate (no sum) or is only a bound.
fn sum_terms(facts: &[Fact], p: &Prior, sign: i8) -> Option<(Vec<Term>, Vec<Term>)> {
    if !p.exact {
        return None;
    }
    let (mut plus, mut minus) = (Vec::new(), Vec::new());
    for &j in &p.from {
        let f = facts.get(j)?;
        let (a, ch) = (f.amount.as_ref()?, f.change.as_ref()?);
        let (side, other) = if sign > 0 { (&mut plus, &mut minus) } else { (&mut minus, &mut plus) };
        side.push(Term::money(&a.value, bounds(&a.value), a.span));
        match (ch.direction, &ch.amount) {
            (Direction::Flat, _) => {}
            (Direction::Increase, Some(d)) => other.push(Term::money(&d.value, magnitude(&d.value), d.span)),
            (Direction::Decrease, Some(d)) => side.push(Term::money(&d.value, magnitude(&d.value), d.span)),
            (_, None) => return None,
        }
    }
    Some((plus, minus))
}

/// Two prior years that must be one, as a ledger identity (`0 = Σ one side − Σ the other`):
/// evidence for suggestions on the amounts and changes.
fn record(sink: &mut Sink, facts: &[Fact], a: &Prior, b: &Prior) -> Option<usize> {
    let (mut plus, mut minus) = sum_terms(facts, a, 1)?;
    let (p, m) = sum_terms(facts, b, -1)?;
    plus.extend(p);
    minus.extend(m);
    Some(sink.identity(Identity::sum(Term::fixed(Interval::ZERO), plus, minus)))
}

/// Reports two prior years that disagree, with the suggestion their identity singles out.
fn report_with(sink: &mut Sink, facts: &[Fact], at: usize, a: &Prior, b: &Prior, what: &Message) {
    let id = record(sink, facts, a, b);
    if disagree(a, b) {
        report(sink, facts, at, a, b, what);
        if let Some(id) = id {
            sink.blame_last(id);
        }
    }
}

fn verify(sink: &mut Sink, facts: &[Fact], p: &Prior) {
    for &j in &p.from {
        if let Some(ch) = facts.get(j).and_then(|f| f.change.as_ref()) {
            sink.verified(ch.amount.iter().map(|a| a.span).chain(ch.rate.iter().map(|r| r.span)));
        }
    }
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    // A total's prior year against its parts'.
    let parts_what = Message::new("上年数与其构成的上年数不符", "last year's total against its parts' last year");
    for i in 0..facts.len() {
        let (Some(total), Some(parts)) = (own(facts, i), of_parts(cx, facts, i, 4)) else { continue };
        verify(sink, facts, &total);
        verify(sink, facts, &parts);
        report_with(sink, facts, i, &total, &parts, &parts_what);
    }
    // The income side's prior total against the spending side's, scope by scope.
    let sides_what = Message::new("收入与支出推算的上年总数不一致", "last year's income and spending totals disagree");
    for scope in [Scope::AllFunds, Scope::FiscalAppropriation] {
        // The first statement of each side that implies a prior year.
        let find = |k: Key| {
            facts
                .iter()
                .enumerate()
                .filter(|(_, f)| f.scope == scope && key(&f.subject) == Some(k))
                .find_map(|(i, _)| prior_of(cx, facts, i).map(|p| (i, p)))
        };
        let income = find(Key::TotalIncome).or_else(|| find(Key::TotalBudget));
        let (Some((_, b)), Some((exp, a))) = (income, find(Key::TotalExpenditure)) else { continue };
        verify(sink, facts, &a);
        verify(sink, facts, &b);
        report_with(sink, facts, exp, &a, &b, &sides_what);
    }
    // The same money stated twice: a source in any section, anything else in the same scope.
    let same_what =
        Message::new("同一金额在不同段落推算的上年数不一致", "the same money has two different prior years");
    for j in 0..facts.len() {
        for i in 0..j {
            let (Some(a), Some(b)) = (facts.get(i), facts.get(j)) else { continue };
            let same = a.subject == b.subject
                && names_something(&a.subject)
                && (matches!(a.subject, Subject::Source(_)) || a.scope == b.scope)
                && a.parent != Some(j)
                && b.parent != Some(i)
                && same_amount(a, b);
            if !same {
                continue;
            }
            let (Some(pa), Some(pb)) = (prior_of(cx, facts, i), prior_of(cx, facts, j)) else { continue };
            report_with(sink, facts, j, &pb, &pa, &same_what);
        }
    }
}

/// Whether two statements of one subject are tied as one money by their amounts. The same words
/// (`一般公共预算支出预算…同比减少…`) are said of different things (one per economic class, the
/// class named in a heading the sentence does not carry): two amounts that cannot be equal are two
/// moneys, and so is a statement without an amount, which nothing ties to the other.
fn same_amount(a: &Fact, b: &Fact) -> bool {
    match (&a.amount, &b.amount) {
        (Some(x), Some(y)) => super::common::bounds(&x.value).intersects(&super::common::bounds(&y.value)),
        _ => false,
    }
}

/// Whether a subject names some money, not only the act of budgeting: `预算安排` or `当年预算执行数`
/// with no item before it (the item was named in the paragraph's heading, which the reader does
/// not carry into the sentence) is every item at once, not one money stated twice.
fn names_something(s: &Subject) -> bool {
    const BARE: [&str; 8] = ["预算安排", "预算数", "预算", "安排", "当年预算执行数", "预算执行数", "执行数", "支出"];
    match s {
        Subject::Other(label) => !BARE.contains(&label.trim()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity::*;

    fn run(second: &str) -> Vec<crate::finding::Severity> {
        let text = format!(
            "三、关于某某局2025年一般公共预算支出情况说明\n（一）工资福利支出\n一般公共预算支出预算500.00万元，同比减少50.00万元。\n（二）商品和服务支出\n{second}\n"
        );
        super::super::severities(&text, "N004")
    }

    #[test]
    fn the_same_words_of_two_amounts_are_two_moneys() {
        // Said of two economic classes: 550 and 120 last year are both true.
        assert_eq!(run("一般公共预算支出预算100.00万元，同比减少20.00万元。"), vec![]);
        // The same amount stated twice with two changes: one of them is wrong.
        assert_eq!(run("一般公共预算支出预算500.00万元，同比减少40.00万元。"), vec![Error]);
    }
}
