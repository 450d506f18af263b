use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use rust_decimal::Decimal;
use yusuan_model::narrative::{Direction, Fact, ReasonKind};

crate::rule! {
    /// Flags a notable change against last year (at least `notable_change_percent`, 10% by
    /// default) that the text gives no reason for: no `主要原因是…` on the statement, on its
    /// parts (其中…) or on the whole it is a part of.
    ///
    /// The rules ask the narrative to explain notable changes; the tables already give the
    /// figures, and the reason is what the text adds. A `主要用于…` says what money is for, not why
    /// it changed, so it does not count.
    ///
    /// Example: `项目支出 602.00万元，比上年预算减少 155.67万元，下降 20.55%。` and nothing after.
    CHANGE_WITHOUT_REASON: code "C005", name "change-without-reason", family Completeness, severity Warning, check check
}

/// The size of a change in percent: as stated, else from the amounts (change over last year's
/// amount, which is this year's less the change).
fn percent(f: &Fact) -> Option<Decimal> {
    let c = f.change.as_ref()?;
    if let Some(r) = &c.rate {
        return Some(r.value.0.abs());
    }
    let delta = c.amount.as_ref()?.value.yuan();
    let now = f.amount.as_ref()?.value.yuan();
    let signed = if c.direction == Direction::Decrease { -delta.abs() } else { delta.abs() };
    let before = now - signed;
    if before <= Decimal::ZERO {
        return None;
    }
    (delta.abs() * Decimal::ONE_HUNDRED).checked_div(before)
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    let cause = |f: &Fact| f.reason_kind == Some(ReasonKind::Cause);
    for (i, f) in facts.iter().enumerate() {
        let Some(change) = &f.change else { continue };
        if change.direction == Direction::Flat {
            continue;
        }
        let Some(p) = percent(f) else { continue };
        if p < cx.config.notable_change_percent {
            continue;
        }
        let explained = cause(f)
            || facts.iter().any(|c| c.parent == Some(i) && cause(c))
            || f.parent.and_then(|k| facts.get(k)).is_some_and(cause);
        if explained {
            continue;
        }
        let phrase = f.phrase.trim();
        let p = p.round_dp(2);
        sink.report(
            change.span,
            Message::new(
                format!(
                    "“{phrase}”比上年变动 {p}%（说明原因的门槛为 {}%），但未说明原因",
                    cx.config.notable_change_percent
                ),
                format!(
                    "'{phrase}' changed {p}% against last year (at least {}%) and no reason is given",
                    cx.config.notable_change_percent
                ),
            ),
        );
    }
}
