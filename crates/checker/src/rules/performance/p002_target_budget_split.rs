use crate::context::Fig;
use crate::finding::Message;
use crate::rule::Sink;
use crate::rules::performance::lookup::fig;
use crate::Context;
use yusuan_model::money::Interval;

crate::rule! {
    /// Flags a performance-target table whose 年度预算总额 is not 其中：财政拨款 plus 其他资金, and
    /// one whose 其中 parts (当年财政拨款, 上年结转, 其他资金) add up to more than the total
    /// (年度资金申请总额) whatever parts are printed: parts of a whole cannot exceed it.
    ///
    /// The header states the money the targets are set for; a total that is not its sources
    /// means one of them was not updated.
    ///
    /// Example: `年度预算总额 30.00 其中：财政拨款 0.00 其他资金 35.00`; `年度资金申请总额 100.00
    /// 其中：当年财政拨款 120.00 上年结转 0.00`.
    TARGET_BUDGET_SPLIT: code "P002", name "target-budget-split", family Performance, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for p in &cx.doc.performance {
        let (Some(total), Some(fiscal)) = (&p.budget_total, &p.budget_fiscal) else { continue };
        let name = p.project.as_ref().map(|n| n.value.as_str()).unwrap_or("部门整体");
        let what = Message::new(
            format!("绩效目标表“{name}”年度预算总额与财政拨款、其他资金之和不符"),
            format!("target table '{name}': annual budget against fiscal and other funds"),
        );
        let total = fig(total, Message::new("年度预算总额", "annual budget"));
        let mut parts = vec![fig(fiscal, Message::new("财政拨款", "fiscal"))];
        parts.extend(p.budget_carry_over.as_ref().map(|c| fig(c, Message::new("上年结转", "carry-over"))));
        parts.extend(p.budget_other.as_ref().map(|o| fig(o, Message::new("其他资金", "other funds"))));
        // 财政拨款 and 其他资金 make the whole of the national form's total.
        if p.budget_carry_over.is_none() && p.budget_other.is_some() {
            sink.sum(&total, &parts, &what);
            continue;
        }
        // Otherwise the printed parts may not be all of them: they only bound the total.
        let sum = parts.iter().fold(Interval::ZERO, |acc, f: &Fig| acc + f.interval);
        if sum.lo > total.interval.hi {
            let what = Message::new(
                format!("绩效目标表“{name}”的其中各项之和超过年度资金总额"),
                format!("target table '{name}': its parts exceed the annual total"),
            );
            sink.sum(&total, &parts, &what);
        } else {
            sink.verified(std::iter::once(&total).chain(&parts).filter_map(|f| f.span));
        }
    }
}
