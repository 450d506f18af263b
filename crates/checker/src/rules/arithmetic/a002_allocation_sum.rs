use crate::finding::Message;
use crate::rule::Sink;
use crate::rules::performance::lookup::fig;
use crate::Context;

crate::rule! {
    /// Flags a project whose 资金分配情况 items do not add up to its 预算安排规模.
    ///
    /// The allocation is how the budget of the project is to be spent; items that add up to more
    /// or less than the budget leave money unexplained or spent twice.
    ///
    /// Example: `预算安排规模：15.00万元` with `资金分配情况：系统服务费 1万元，专家评审费 11万元，
    /// 专家食宿经费 4万元` — 1 + 11 + 4 = 16万元.
    ALLOCATION_SUM: code "A002", name "allocation-sum", family Arithmetic, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    for p in &cx.doc.narrative.projects {
        let Some(budget) = &p.budget else { continue };
        if p.allocation.is_empty() {
            continue;
        }
        let stated = fig(budget, Message::new("预算安排规模", "budget"));
        let parts: Vec<_> = p
            .allocation
            .iter()
            .map(|i| fig(&i.amount, Message::new(i.name.value.clone(), i.name.value.clone())))
            .collect();
        let what = Message::new(
            format!("项目“{}”资金分配之和与预算安排规模不符", p.name.value),
            format!("project '{}': allocation items against its budget", p.name.value),
        );
        sink.sum(&stated, &parts, &what);
    }
}
