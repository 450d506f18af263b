use crate::context::Context;
use crate::finding::Message;
use crate::prose::is_whole;
use crate::rule::Sink;
use yusuan_model::narrative::{Subject, Topic};
use yusuan_model::span::Span;
use yusuan_model::table::DocumentKind;

crate::rule! {
    /// Flags a section 情况说明 must contain and does not: “三公”经费, 机关运行经费, 政府采购,
    /// 国有资产占用使用情况, 预算绩效 (绩效目标).
    ///
    /// 财预〔2016〕143号 requires each of them in a department budget disclosure, and a stated
    /// "none" where there is none; a silent omission hides whether the money exists. A section
    /// counts as present when a heading, a statement of its figures, or (for assets and
    /// performance) its read contents are found. Only a whole disclosure is checked (see C001).
    ///
    /// Example: a 情况说明 whose 其他重要事项 covers 机关运行经费 and 政府采购 but says nothing of
    /// 国有资产.
    REQUIRED_SECTION_MISSING: code "C003", name "required-section-missing", family Completeness, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let d = cx.doc;
    if d.document != DocumentKind::Budget || !is_whole(d) {
        return;
    }
    let n = &d.narrative;
    let topic = |t: Topic| n.sections.iter().any(|s| s.topic == t);
    let fact = |p: fn(&Subject) -> bool| n.facts.iter().any(|f| p(&f.subject));
    let required: [(bool, &str, &str); 5] = [
        (
            topic(Topic::ThreePublic) || fact(|s| matches!(s, Subject::ThreePublic(_))),
            "“三公”经费预算情况说明",
            "the 三公 spending section",
        ),
        (
            topic(Topic::AgencyRunningCosts) || fact(|s| matches!(s, Subject::AgencyRunningCosts)),
            "机关运行经费情况说明",
            "the agency running costs section",
        ),
        (
            topic(Topic::Procurement) || fact(|s| matches!(s, Subject::Procurement(_))),
            "政府采购情况说明",
            "the government procurement section",
        ),
        (
            topic(Topic::StateAssets) || n.state_assets.span.is_some() || !n.state_assets.categories.is_empty(),
            "国有资产占用使用情况说明",
            "the state assets section",
        ),
        (
            topic(Topic::Performance)
                || !d.performance.is_empty()
                || fact(|s| matches!(s, Subject::PerformanceTargets(_))),
            "预算绩效（绩效目标）情况说明",
            "the performance targets section",
        ),
    ];
    // Where such sections go: 其他重要事项, else the narrative's last heading.
    let at = n
        .sections
        .iter()
        .find(|s| s.level == 1 && s.topic == Topic::Other)
        .or_else(|| n.sections.iter().rfind(|s| s.level == 1))
        .map(|s| s.span)
        .unwrap_or(Span::on_line(1, 1, 1));
    for (present, zh, en) in required {
        if !present {
            sink.report(
                at,
                Message::new(
                    format!("情况说明缺少{zh}（无此项也应说明）"),
                    format!("the narrative lacks {en} (a department without it says so)"),
                ),
            );
        }
    }
}
