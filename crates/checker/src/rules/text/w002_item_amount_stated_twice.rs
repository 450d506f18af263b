use crate::compare::{compare, Verdict};
use crate::context::Context;
use crate::finding::{Message, Related};
use crate::prose::{money_at, starts_with_marker};
use crate::rule::Sink;

crate::rule! {
    /// Flags a numbered item that states its own amount twice, differently: once after the item's
    /// name and again as `预算数为` / `预算安排` in its sentence, beyond what rounding allows.
    ///
    /// Items of the 具体使用情况 list are typed twice by hand (heading and sentence); when one is
    /// corrected the other is often not, and the reader cannot tell which is the budget.
    ///
    /// Example: `1、社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）88.50万元：
    /// 2025年预算安排86.20万元，比上年预算增加…`.
    ITEM_AMOUNT_STATED_TWICE: code "W002", name "item-amount-stated-twice", family Text, severity Error, check check
}

/// Words that introduce the item's own amount in its sentence.
const STATED: [&str; 6] = ["预算数为", "预算数是", "预算安排规模", "预算安排", "预算为", "预算数"];

fn check(cx: &Context, sink: &mut Sink) {
    for para in cx.paragraphs() {
        let t = &para.text;
        if !starts_with_marker(t) {
            continue;
        }
        // The heading: up to the first colon or comma. It must hold exactly one amount.
        let head_end = t.find(['：', ':', '，', ',', '。']).unwrap_or(t.len());
        let heading: Vec<_> = t[..head_end]
            .char_indices()
            .filter(|(i, c)| c.is_ascii_digit() && !t[..*i].ends_with(|p: char| p.is_ascii_digit() || p == '.'))
            .filter_map(|(i, _)| money_at(t, i).map(|m| (i, m)))
            .collect();
        let [(h_at, (h_money, h_end))] = heading.as_slice() else { continue };
        // `…年初预算为 0 万元，全年预算为 321.02 万元`: an amount the heading introduces with 为 is
        // a statement of its own (one budget of several), not the item's title amount.
        if t[..*h_at].trim_end().ends_with('为') {
            continue;
        }
        // A 其中 starts the item's parts; amounts after it are not the item's own.
        let own_end = t.find("其中").unwrap_or(t.len());
        let mut from = *h_end;
        // The earliest word, the longest at one place (`预算安排规模` before `预算安排`).
        let next = |from: usize| {
            let r = t.get(from..own_end)?;
            STATED
                .iter()
                .filter_map(|w| r.find(w).map(|p| (p, *w)))
                .min_by_key(|(p, w)| (*p, std::cmp::Reverse(w.len())))
        };
        while let Some(k) = next(from) {
            let word_end = from + k.0 + k.1.len();
            let rest = t[word_end..].trim_start_matches([' ', '：', ':', '了', '\u{3000}']);
            let at = t.len() - rest.len();
            from = word_end;
            let Some((money, end)) = money_at(t, at) else { continue };
            sink.verified([para.span(*h_at, *h_end), para.span(at, end)]);
            if !matches!(compare(&money.bounds(), &h_money.bounds()), Verdict::Mismatch { .. }) {
                continue;
            }
            let mut f = sink.finding(
                para.span(at, end),
                Message::new(
                    format!(
                        "同一项目的金额前后不一：标题写 {}{}，句中“{}”写 {}{}",
                        h_money.value,
                        h_money.unit.label(),
                        k.1,
                        money.value,
                        money.unit.label()
                    ),
                    format!(
                        "one item states its amount twice, differently: {} {} in its heading, {} {} after '{}'",
                        h_money.value,
                        h_money.unit.label(),
                        money.value,
                        money.unit.label(),
                        k.1
                    ),
                ),
            );
            f.related = vec![Related {
                span: para.span(*h_at, *h_end),
                label: Message::new("标题中的金额", "the amount in the heading"),
            }];
            f.expected = Some(h_money.value.to_string());
            f.actual = Some(money.value.to_string());
            sink.push(f);
        }
    }
}
