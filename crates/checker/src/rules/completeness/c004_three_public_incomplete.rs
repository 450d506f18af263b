use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::narrative::{ReasonKind, Subject, ThreePublic, Topic};

crate::rule! {
    /// Flags a “三公”经费 statement that leaves out what the rules require of it: the total, each
    /// part (因公出国（境）费, 公务用车购置及运行费, 公务接待费), the change against last year, and
    /// the reason for a change.
    ///
    /// 三公 spending is the most-watched line of a disclosure, and 财预〔2016〕143号 requires its
    /// total, its parts and why they rose or fell. It is checked wherever a 三公 section or
    /// statement appears, in a whole disclosure or a fragment.
    ///
    /// Example: `2024年“三公”经费预算数为 4.29万元，其中：公务用车运行费 4.20万元，公务接待费 0.09万元。`
    /// (no 因公出国（境）费, no comparison with last year).
    THREE_PUBLIC_INCOMPLETE: code "C004", name "three-public-incomplete", family Completeness, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let n = &cx.doc.narrative;
    let facts: Vec<(usize, ThreePublic, &yusuan_model::narrative::Fact)> = n
        .facts
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match f.subject {
            Subject::ThreePublic(p) => Some((i, p, f)),
            _ => None,
        })
        .collect();
    // Without a word on 三公 in the narrative, a 三公 table stated empty (…没有财政拨款“三公”经费
    // 支出，故本表无数据) has said all there is.
    let table_says_none = cx
        .doc
        .tables
        .iter()
        .any(|t| matches!(t.kind.as_str(), "three_public" | "final_three_public") && t.is_empty_table());
    if facts.is_empty() && table_says_none {
        return;
    }
    let section = n.sections.iter().find(|s| s.topic == Topic::ThreePublic);
    let Some(at) = facts.first().map(|f| f.2.span).or(section.map(|s| s.span)) else { return };
    let stated = |p: ThreePublic| facts.iter().any(|(_, q, f)| *q == p && (f.amount.is_some() || f.absent));
    // A department without 三公 spending says so once; nothing more is owed.
    if facts.iter().any(|(_, q, f)| *q == ThreePublic::Total && f.absent) {
        return;
    }
    // What is missing, and whether it is an amount (stated even when zero).
    let mut missing: Vec<(&str, &str, bool)> = Vec::new();
    if !stated(ThreePublic::Total) {
        missing.push(("“三公”经费合计数", "the 三公 total", true));
    }
    if !stated(ThreePublic::Overseas) {
        missing.push(("因公出国（境）费", "overseas travel", true));
    }
    let (purchase, operation) = (stated(ThreePublic::VehiclePurchase), stated(ThreePublic::VehicleOperation));
    if !stated(ThreePublic::Vehicle) {
        match (purchase, operation) {
            (true, true) => {}
            (false, true) => missing.push(("公务用车购置费", "vehicle purchase", true)),
            (true, false) => missing.push(("公务用车运行（维护）费", "vehicle operation", true)),
            (false, false) => missing.push(("公务用车购置及运行（维护）费", "vehicle purchase and operation", true)),
        }
    }
    if !stated(ThreePublic::Reception) {
        missing.push(("公务接待费", "official reception", true));
    }
    let changes: Vec<_> = facts.iter().filter(|(_, _, f)| f.change.is_some()).collect();
    if changes.is_empty() {
        missing.push(("与上年预算相比的增减变化", "the change against last year's budget", false));
    } else {
        let moved = changes.iter().any(|(_, _, f)| {
            f.change.as_ref().is_some_and(|c| {
                c.amount.as_ref().is_some_and(|a| !a.value.value.is_zero())
                    || c.rate.as_ref().is_some_and(|r| !r.value.0.is_zero())
            })
        });
        let reasoned = facts.iter().any(|(_, _, f)| f.reason_kind == Some(ReasonKind::Cause));
        if moved && !reasoned {
            missing.push(("增减变化的原因", "the reason for the change", false));
        }
    }
    for (zh, en, amount) in missing {
        let (zh_note, en_note) =
            if amount { ("（为零或未安排也应写明）", " (stated even when zero)") } else { ("", "") };
        sink.report(
            at,
            Message::new(format!("“三公”经费说明缺少{zh}{zh_note}"), format!("the 三公 statement lacks {en}{en_note}")),
        );
    }
}
