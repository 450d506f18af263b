use crate::finding::Message;
use crate::rule::Sink;
use crate::Context;
use rust_decimal::Decimal;

crate::rule! {
    /// Flags a performance-target table whose indicator weights (分值权重) do not add up to the
    /// scheme's share for indicators (`Config::indicator_weight`, 90 by default: 预算执行率 carries
    /// the other 10), nor to the whole scheme (`Config::scheme_weight`, 100, when the table lists
    /// the execution-rate row itself).
    ///
    /// The weights are how the project is scored at year end; weights that do not add up give a
    /// score out of the wrong total.
    ///
    /// Example: ten indicators weighted 10 + 8 + 5 + 7 + 5 + 5 + 10 + 10 + 20 + 15 = 95.
    WEIGHT_SUM: code "P004", name "weight-sum", family Performance, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let (part, whole) = (cx.config.indicator_weight, cx.config.scheme_weight);
    for p in &cx.doc.performance {
        let weights: Vec<_> = p.indicators.iter().filter_map(|i| i.weight.as_ref()).collect();
        let Some(first) = weights.first() else { continue };
        sink.verified(weights.iter().map(|w| w.span));
        let sum: Decimal = weights.iter().map(|w| w.value).sum();
        if sum == part || sum == whole {
            continue;
        }
        let name = p.project.as_ref().map(|n| n.value.as_str()).unwrap_or("部门整体");
        let at = p.title.as_ref().map(|t| t.span).unwrap_or(first.span);
        let listed: Vec<String> = weights.iter().map(|w| w.value.to_string()).collect();
        let mut f = sink.finding(
            at,
            Message::new(
                format!(
                    "绩效目标表“{name}”各指标分值权重 {} 合计 {sum}，应为 {part}（预算执行率另占 {}）",
                    listed.join(" + "),
                    whole - part
                ),
                format!(
                    "target table '{name}': indicator weights {} add up to {sum}, not {part} (预算执行率 takes the other {})",
                    listed.join(" + "),
                    whole - part
                ),
            ),
        );
        f.expected = Some(part.to_string());
        f.actual = Some(sum.to_string());
        sink.push(f);
    }
}
