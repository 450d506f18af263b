use crate::finding::Message;
use crate::rule::Sink;
use crate::rules::performance::lookup::fig;
use crate::Context;

crate::rule! {
    /// Flags a performance-target table whose 年度预算总额 is not 其中：财政拨款 plus 其他资金.
    ///
    /// The header states the money the targets are set for; a total that is not its two sources
    /// means one of the three was not updated.
    ///
    /// Example: `年度预算总额 30.00 其中：财政拨款 0.00 其他资金 35.00`.
    TARGET_BUDGET_SPLIT: code "P002", name "target-budget-split", family Performance, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for p in &cx.doc.performance {
        let (Some(total), Some(fiscal), Some(other)) = (&p.budget_total, &p.budget_fiscal, &p.budget_other) else {
            continue;
        };
        let name = p.project.as_ref().map(|n| n.value.as_str()).unwrap_or("部门整体");
        let what = Message::new(
            format!("绩效目标表“{name}”年度预算总额与财政拨款、其他资金之和不符"),
            format!("target table '{name}': annual budget against fiscal and other funds"),
        );
        sink.sum(
            &fig(total, Message::new("年度预算总额", "annual budget")),
            &[fig(fiscal, Message::new("财政拨款", "fiscal")), fig(other, Message::new("其他资金", "other funds"))],
            &what,
        );
    }
}
