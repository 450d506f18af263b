use crate::compare::{compare, midpoint, printed_like, Verdict};
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use crate::rules::performance::lookup::{shown, shown_like};
use crate::Context;
use rust_decimal::Decimal;
use yusuan_model::assets::AssetCategory;
use yusuan_model::money::Interval;

crate::rule! {
    /// Flags a state-asset category (国有资产占用: 车辆, 房屋 …) whose `其中` parts add up to more
    /// than the category, in number or in value: an error, since no part of a whole can exceed
    /// it. Parts adding up to less are a warning: a `其中` list may name only some parts.
    ///
    /// The asset statement is what the vehicle and equipment budgets are checked against; a count
    /// that does not add up hides a vehicle or counts one twice.
    ///
    /// Example: `车辆 2辆，价值 41.02万元；其中：一般公务用车 2辆 …；执法执勤用车 0辆 …；其他车辆 1辆`
    /// — 2 + 0 + 1 = 3辆.
    ASSET_PARTS: code "A006", name "asset-parts", family Arithmetic, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for c in &cx.doc.narrative.state_assets.categories {
        if c.parts.is_empty() {
            continue;
        }
        counts(c, sink);
        values(c, sink);
    }
}

fn names(c: &AssetCategory, each: impl Fn(&AssetCategory) -> Option<String>) -> String {
    c.parts.iter().filter_map(|p| Some(format!("{} {}", p.name.value, each(p)?))).collect::<Vec<_>>().join(" + ")
}

fn counts(c: &AssetCategory, sink: &mut Sink) {
    let Some(total) = &c.count else { return };
    let parts: Vec<_> = c.parts.iter().filter_map(|p| p.count.as_ref()).collect();
    // Counts in another unit (台 under 辆) are not parts of this count.
    if parts.is_empty() || parts.iter().any(|p| p.value.unit != total.value.unit) {
        return;
    }
    sink.verified(std::iter::once(total.span).chain(parts.iter().map(|p| p.span)));
    let sum: Decimal = parts.iter().map(|p| p.value.value).sum();
    if sum == total.value.value {
        return;
    }
    let unit = &total.value.unit;
    let listed = names(c, |p| p.count.as_ref().map(|q| format!("{}{}", q.value.value, q.value.unit)));
    let mut f = sink.finding(
        total.span,
        Message::new(
            format!("{} {}{}，但其中 {} 合计 {}{}", c.name.value, total.value.value, unit, listed, sum, unit),
            format!(
                "{}: {}{}, but its parts {} add up to {}{}",
                c.name.value, total.value.value, unit, listed, sum, unit
            ),
        ),
    );
    if sum < total.value.value {
        f.severity = Severity::Warning;
    }
    f.related = c
        .parts
        .iter()
        .filter_map(|p| {
            Some(Related {
                span: p.count.as_ref()?.span,
                label: Message::new(p.name.value.clone(), p.name.value.clone()),
            })
        })
        .collect();
    f.expected = Some(sum.to_string());
    f.actual = Some(total.value.value.to_string());
    sink.push(f);
}

fn values(c: &AssetCategory, sink: &mut Sink) {
    let Some(total) = &c.value else { return };
    let parts: Vec<_> = c.parts.iter().filter_map(|p| p.value.as_ref()).collect();
    if parts.is_empty() {
        return;
    }
    sink.verified(std::iter::once(total.span).chain(parts.iter().map(|p| p.span)));
    let computed = parts.iter().fold(Interval::ZERO, |a, p| a + p.value.bounds());
    let verdict = compare(&total.value.bounds(), &computed);
    let severity = match verdict {
        Verdict::Exact => return,
        Verdict::Rounding { .. } => Severity::Info,
        Verdict::Mismatch { diff, .. } if diff > Decimal::ZERO => Severity::Warning,
        Verdict::Mismatch { .. } => Severity::Error,
    };
    let listed = names(c, |p| p.value.as_ref().map(|m| shown(&m.value)));
    let sum = shown_like(midpoint(&computed), &total.value);
    let mut f = sink.finding(
        total.span,
        Message::new(
            format!("{}价值 {}，但其中 {} 合计 {}", c.name.value, shown(&total.value), listed, sum),
            format!("{}: value {}, but its parts {} add up to {}", c.name.value, shown(&total.value), listed, sum),
        ),
    );
    f.severity = severity;
    f.related = c
        .parts
        .iter()
        .filter_map(|p| {
            Some(Related {
                span: p.value.as_ref()?.span,
                label: Message::new(p.name.value.clone(), p.name.value.clone()),
            })
        })
        .collect();
    f.expected = Some(printed_like(midpoint(&computed), &total.value));
    f.actual = Some(total.value.value.to_string());
    sink.push(f);
}
