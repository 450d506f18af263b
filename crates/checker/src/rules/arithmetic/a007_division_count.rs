use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::Context;
use yusuan_model::span::Spanned;

crate::rule! {
    /// Flags a declared number of internal divisions (`下设 5个处室`) or of subordinate units
    /// (`下属预算单位 3个`) that differs from the names the text then lists.
    ///
    /// The organisation paragraph is copied from year to year; a division added or merged in the
    /// list but not in the count (or the reverse) is a sign the paragraph was not updated.
    ///
    /// Example: `下设 5个科室，分别是：综合科、财务科、考试科、信息科` — four names for five.
    DIVISION_COUNT: code "A007", name "division-count", family Arithmetic, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let o = &cx.doc.overview.organisation;
    let word = o.division_word.as_deref().unwrap_or("处室");
    compare(sink, o.division_count.as_ref(), &o.divisions, (word, "internal divisions"));
    compare(sink, o.subordinate_unit_count.as_ref(), &o.subordinate_units, ("下属预算单位", "subordinate units"));
}

fn compare(sink: &mut Sink, count: Option<&Spanned<u32>>, names: &[Spanned<String>], what: (&str, &str)) {
    let Some(count) = count else { return };
    if names.is_empty() {
        return;
    }
    sink.verified([count.span]);
    if names.len() == count.value as usize {
        return;
    }
    let listed: Vec<&str> = names.iter().map(|n| n.value.as_str()).collect();
    let mut f = sink.finding(
        count.span,
        Message::new(
            format!("称有 {}个{}，但列出 {}个：{}", count.value, what.0, names.len(), listed.join("、")),
            format!("{} {} declared, but {} named: {}", count.value, what.1, names.len(), listed.join(", ")),
        ),
    );
    f.related =
        names.iter().map(|n| Related { span: n.span, label: Message::new(n.value.clone(), n.value.clone()) }).collect();
    f.expected = Some(names.len().to_string());
    f.actual = Some(count.value.to_string());
    sink.push(f);
}
