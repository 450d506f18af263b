use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::Context;

crate::rule! {
    /// Flags 实有人数 that is not the sum of the parts listed after it (其中：在职、退休、离休 …).
    ///
    /// Staff numbers drive personnel spending; a count that does not add up misstates whom the
    /// 人员经费 pays for.
    ///
    /// Example: `实有人数 29人，其中：在职 24人；退休 6人；离休 0人` — 24 + 6 + 0 = 30.
    STAFFING_PARTS: code "A004", name "staffing-parts", family Arithmetic, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let s = &cx.doc.overview.staffing;
    let Some(actual) = &s.actual else { return };
    if s.parts.is_empty() {
        return;
    }
    sink.verified(std::iter::once(actual.span).chain(s.parts.iter().map(|p| p.count.span)));
    let sum: u64 = s.parts.iter().map(|p| u64::from(p.count.value)).sum();
    if sum == u64::from(actual.value) {
        return;
    }
    let zh_parts: Vec<String> = s.parts.iter().map(|p| format!("{} {}人", p.label.value, p.count.value)).collect();
    let mut f = sink.finding(
        actual.span,
        Message::new(
            format!("实有人数为 {}人，但其中 {} 合计 {}人", actual.value, zh_parts.join(" + "), sum),
            format!("actual staff is {}, but its parts {} add up to {}", actual.value, zh_parts.join(" + "), sum),
        ),
    );
    f.related = s
        .parts
        .iter()
        .map(|p| Related { span: p.count.span, label: Message::new(p.label.value.clone(), p.label.value.clone()) })
        .collect();
    f.expected = Some(sum.to_string());
    f.actual = Some(actual.value.to_string());
    sink.push(f);
}
