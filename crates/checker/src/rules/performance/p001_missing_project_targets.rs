use crate::finding::Message;
use crate::rule::Sink;
use crate::rules::performance::lookup::{carry_over_projects, project_targets, same_name, table7_projects};
use crate::Context;
use yusuan_model::span::Spanned;

crate::rule! {
    /// Flags a project with no 项目支出绩效目标表 of the same name (compared without spaces, line
    /// wraps and punctuation): every project of 一般公共预算项目支出情况表 (table 7), every project
    /// item carried over in 上年结转结余情况明细表 (table 11), and every project the narrative
    /// describes.
    ///
    /// Every project's spending must come with performance targets (全面实施预算绩效管理); a
    /// missing table is a project spent without a stated purpose to check it against.
    ///
    /// Example: table 7 lists `劳动能力鉴定工作经费 26.00` and no target table names it.
    MISSING_PROJECT_TARGETS: code "P001", name "missing-project-targets", family Performance, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    // Without any target table the document has no targets part at all: completeness, not this.
    if cx.doc.performance.is_empty() {
        return;
    }
    let mut named: Vec<(Spanned<String>, &str)> = Vec::new();
    let mut add = |name: &Spanned<String>, place: &'static str| {
        if !named.iter().any(|(n, _)| same_name(&n.value, &name.value)) {
            named.push((name.clone(), place));
        }
    };
    for p in table7_projects(cx).unwrap_or_default() {
        add(&p.name, "一般公共预算项目支出情况表");
    }
    for p in carry_over_projects(cx) {
        add(&p.name, "上年结转结余情况明细表");
    }
    for p in &cx.doc.narrative.projects {
        add(&p.name, "项目支出情况说明");
    }
    for (name, place) in named {
        if project_targets(cx).any(|(_, n)| same_name(&n.value, &name.value)) {
            continue;
        }
        sink.report(
            name.span,
            Message::new(
                format!("{place}所列项目“{}”没有对应的项目支出绩效目标表", name.value),
                format!("project '{}' ({place}) has no project performance-target table", name.value),
            ),
        );
    }
}
