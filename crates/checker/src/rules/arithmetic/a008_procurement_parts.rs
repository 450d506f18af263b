use crate::compare::{midpoint, printed_like};
use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::rules::performance::lookup::{fig, shown, shown_like};
use crate::Context;
use yusuan_model::narrative::{Fact, Procurement, Subject};

crate::rule! {
    /// Flags a 政府采购 budget that is not the sum of its 货物, 工程 and 服务 parts (when at least
    /// two parts are stated), a part larger than the whole, and a set-aside larger than what it is
    /// set aside from (面向中小企业预留 within the total, 小微企业预留 within the SME set-aside).
    ///
    /// Procurement figures are reported to the procurement authority as stated here; a set-aside
    /// larger than the procurement budget cannot be honoured.
    ///
    /// Example: `政府采购预算 157.49万元，其中：货物 26.09万元，工程 5.00万元，服务 126.40万元`
    /// adds up; with `服务 136.40万元` it is 167.49万元.
    PROCUREMENT_PARTS: code "A008", name "procurement-parts", family Arithmetic, severity Error, check check
}

fn kind(f: &Fact) -> Option<Procurement> {
    match f.subject {
        Subject::Procurement(p) if f.amount.is_some() && !f.absent => Some(p),
        _ => None,
    }
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    let totals: Vec<usize> =
        (0..facts.len()).filter(|&i| facts.get(i).and_then(kind) == Some(Procurement::Total)).collect();
    for &t in &totals {
        let Some(total) = facts.get(t) else { continue };
        // A part belongs to this total when read under it, or when the document has one total.
        let single = totals.len() == 1;
        let of = |p: Procurement| facts.iter().filter(move |f| kind(f) == Some(p) && (f.parent == Some(t) || single));
        let Some(total_amount) = &total.amount else { continue };
        let total_fig = fig(total_amount, Message::new("政府采购预算", "procurement budget"));
        let parts: Vec<_> = [Procurement::Goods, Procurement::Works, Procurement::Services]
            .into_iter()
            .flat_map(of)
            .filter_map(|f| Some(fig(f.amount.as_ref()?, Message::new(f.phrase.clone(), f.phrase.clone()))))
            .collect();
        if parts.len() >= 2 {
            let what = Message::new(
                "政府采购预算与货物、工程、服务之和不符",
                "procurement budget against goods, works and services",
            );
            sink.sum(&total_fig, &parts, &what);
        } else {
            for p in &parts {
                within(sink, p, &total_fig);
            }
        }
        let sme = of(Procurement::SmeReserved)
            .find_map(|f| Some(fig(f.amount.as_ref()?, Message::new(f.phrase.clone(), f.phrase.clone()))));
        let small = of(Procurement::SmallMicroReserved)
            .find_map(|f| Some(fig(f.amount.as_ref()?, Message::new(f.phrase.clone(), f.phrase.clone()))));
        if let Some(sme) = &sme {
            within(sink, sme, &total_fig);
        }
        if let Some(small) = &small {
            within(sink, small, sme.as_ref().unwrap_or(&total_fig));
        }
    }
}

/// `part ≤ whole`, beyond rounding.
fn within(sink: &mut Sink, part: &crate::context::Fig, whole: &crate::context::Fig) {
    sink.verified([part.span, whole.span].into_iter().flatten());
    let (Some(pm), Some(wm)) = (part.printed, whole.printed) else { return };
    if part.interval.lo <= whole.interval.hi {
        return;
    }
    let at = part.span.unwrap_or(part.anchor);
    let mut f = sink.finding(
        at,
        Message::new(
            format!("{} {} 超过了{} {}", part.label.zh, shown(&pm), whole.label.zh, shown(&wm)),
            format!(
                "{} {} exceeds {} {}",
                part.label.en,
                shown(&pm),
                whole.label.en,
                shown_like(midpoint(&whole.interval), &wm)
            ),
        ),
    );
    f.related = vec![Related { span: whole.span.unwrap_or(whole.anchor), label: whole.label.clone() }];
    f.expected = Some(format!("≤{}", printed_like(midpoint(&whole.interval), &pm)));
    f.actual = Some(pm.value.to_string());
    sink.push(f);
}
