use crate::compare::{compare, Verdict};
use crate::finding::{Message, Related, Severity};
use crate::rule::Sink;
use crate::rules::performance::lookup::{shown, shown_like};
use crate::Context;
use yusuan_model::money::Interval;
use yusuan_model::project::{Expression, Factor};

crate::rule! {
    /// Flags a calculation written in a project's 资金分配情况 whose product is not the result it
    /// states: `单价 × 数量 = 金额`, evaluated exactly (the result may differ only by its own
    /// printed rounding, which is reported as info).
    ///
    /// The calculation is the published justification of the amount; a wrong product means the
    /// amount or the standard it cites is wrong.
    ///
    /// Example: `召开评审会期间专家食宿经费 200元/人/天*15人/*30天=3万元` — the product is 9万元.
    EXPRESSION_PRODUCT: code "A001", name "expression-product", family Arithmetic, severity Error, check check
}

/// The factors as the document writes them: `200元/人/天 × 15人 × 30天`.
pub(crate) fn written(e: &Expression) -> String {
    let factors: Vec<String> = e
        .factors
        .iter()
        .map(|f| match &f.value {
            Factor::UnitPrice(p) => format!("{}/{}", shown(&p.price), p.per.join("/")),
            Factor::Quantity(q) => format!("{}{}", q.value, q.unit),
            Factor::Money(m) => shown(m),
        })
        .collect();
    factors.join(" × ")
}

fn check(cx: &Context, sink: &mut Sink) {
    for p in &cx.doc.narrative.projects {
        for item in &p.allocation {
            let Some(e) = &item.expression else { continue };
            let Some(product) = e.product_yuan() else { continue };
            let stated = &e.result.value;
            sink.verified(e.factors.iter().map(|f| f.span).chain([e.result.span, item.amount.span]));
            let verdict = compare(&stated.bounds(), &Interval::exact(product));
            if verdict == Verdict::Exact {
                continue;
            }
            let expected = shown_like(product, stated);
            let (zh, en) = (
                format!(
                    "项目“{}”资金分配“{}”的算式 {} = {}，但文中写作 {}",
                    p.name.value,
                    item.name.value,
                    written(e),
                    expected,
                    shown(stated)
                ),
                format!(
                    "project '{}', item '{}': {} = {}, but the text states {}",
                    p.name.value,
                    item.name.value,
                    written(e),
                    expected,
                    shown(stated)
                ),
            );
            let mut f = sink.finding(e.result.span, Message::new(zh, en));
            if !verdict.is_mismatch() {
                f.severity = Severity::Info;
            }
            f.related =
                e.factors.iter().map(|x| Related { span: x.span, label: Message::new("算式因子", "factor") }).collect();
            f.expected = Some(crate::compare::printed_like(product, stated));
            f.actual = Some(stated.value.to_string());
            sink.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_model::money::{AmountUnit, Money};

    fn verdict(result: &str, yuan: i64) -> Verdict {
        let m = Money::parse(result, AmountUnit::Wan).unwrap();
        compare(&m.bounds(), &Interval::exact(rust_decimal::Decimal::from(yuan)))
    }

    #[test]
    fn a_rounded_result_is_not_an_error() {
        // 50 × 3500 = 175,000元: 17.5万元 is exact, 18万元 is a rounding of it, 3万元 is wrong.
        assert_eq!(verdict("17.5万元", 175_000), Verdict::Exact);
        assert!(matches!(verdict("18万元", 175_000), Verdict::Rounding { .. }));
        assert!(verdict("3万元", 90_000).is_mismatch());
        // 17.4万元 prints 174,000 ± 500: 175,000 is beyond it.
        assert!(verdict("17.4万元", 175_000).is_mismatch());
    }
}
