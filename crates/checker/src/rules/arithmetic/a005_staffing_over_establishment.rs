use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::Context;
use yusuan_model::overview::StaffKind;

crate::rule! {
    /// Warns when the staff in service exceed the 编制数: the 在职 part when the text lists one,
    /// otherwise 实有人数 when no retired part is listed (retirees hold no post).
    ///
    /// People beyond the establishment are paid outside it (超编); it may be allowed for a time,
    /// but a reader should see it explained.
    ///
    /// Example: `编制数 25，实有人数 29人，其中：在职 27人，退休 2人` — 27 in service for 25 posts.
    STAFFING_OVER_ESTABLISHMENT: code "A005", name "staffing-over-establishment", family Arithmetic, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let s = &cx.doc.overview.staffing;
    let Some(authorised) = &s.authorised else { return };
    let in_service = s.parts.iter().find(|p| p.kind == StaffKind::InService);
    let retired = s.parts.iter().any(|p| matches!(p.kind, StaffKind::Retired | StaffKind::RetiredCadre));
    let (count, span, what) = match (in_service, &s.actual) {
        (Some(p), _) => (p.count.value, p.count.span, ("在职人数", "staff in service")),
        (None, Some(a)) if !retired => (a.value, a.span, ("实有人数", "actual staff")),
        _ => return,
    };
    sink.verified([authorised.span, span]);
    if count <= authorised.value {
        return;
    }
    let mut f = sink.finding(
        span,
        Message::new(
            format!("{} {}人 超过编制数 {}，超编 {}人", what.0, count, authorised.value, count - authorised.value),
            format!(
                "{} ({}) exceed the establishment of {} by {}",
                what.1,
                count,
                authorised.value,
                count - authorised.value
            ),
        ),
    );
    f.related = vec![Related { span: authorised.span, label: Message::new("编制数", "establishment") }];
    f.expected = Some(format!("≤{}", authorised.value));
    f.actual = Some(count.to_string());
    sink.push(f);
}
