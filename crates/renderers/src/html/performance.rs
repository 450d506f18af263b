//! 绩效目标表, one per page: the header form (unit, project, people, funds, goal), then the
//! indicator grid with 一级/二级指标 merged down their runs, as the templates print them.

use super::text::{amount, esc};
use crate::sheet::prose::{indicator_columns, indicator_runs, target};
use yusuan_model::performance::{Indicator, PerformanceKind, PerformanceTargets};
use yusuan_model::{AmountUnit, Spanned};

pub(super) fn render(out: &mut String, t: &PerformanceTargets, _index: usize) {
    let default_title = match t.kind {
        PerformanceKind::Department => "部门整体绩效目标表",
        PerformanceKind::Project => "项目支出绩效目标表",
    };
    let title = t.title.as_ref().map_or(default_title, |s| s.value.as_str());
    out.push_str("<section class=\"sheet performance\">\n");
    out.push_str(&format!("<h2 class=\"table-title\">{}</h2>\n", esc(title)));
    if let Some(y) = &t.year {
        out.push_str(&format!("<p class=\"flush centered\">（{}年）</p>\n", y.value));
    }
    out.push_str("<table class=\"form\">\n<colgroup><col class=\"c-label\"><col><col class=\"c-label\"><col></colgroup>\n<tbody>\n");
    let unit_label = match t.kind {
        PerformanceKind::Department => "部门名称",
        PerformanceKind::Project => "预算单位",
    };
    if let Some(unit) = text(&t.unit) {
        out.push_str(&format!("<tr><th>{unit_label}</th><td colspan=\"3\">{}</td></tr>\n", esc(unit)));
    }
    pair(out, ("项目名称", text(&t.project)), ("项目负责人", text(&t.owner)));
    pair(out, ("部门联系人", text(&t.contact)), ("联系电话", text(&t.phone)));
    let budget: Vec<(&str, &Spanned<yusuan_model::Money>)> =
        [("年度预算总额", &t.budget_total), ("其中：财政拨款", &t.budget_fiscal), ("其他资金", &t.budget_other)]
            .into_iter()
            .filter_map(|(l, m)| m.as_ref().map(|m| (l, m)))
            .collect();
    block(out, "项目资金（万元）", &budget);
    let funding: Vec<(&str, &Spanned<yusuan_model::Money>)> =
        t.funding.iter().map(|f| (f.source.value.as_str(), &f.amount)).collect();
    block(out, "资金来源（万元）", &funding);
    if let Some(goal) = text(&t.goal) {
        let label = match t.kind {
            PerformanceKind::Department => "年度绩效目标",
            PerformanceKind::Project => "年度绩效目标",
        };
        out.push_str(&format!("<tr><th>{label}</th><td colspan=\"3\" class=\"goal\">{}</td></tr>\n", esc(goal)));
    }
    out.push_str("</tbody>\n</table>\n");
    indicators(out, &t.indicators);
    out.push_str("</section>\n");
}

fn text(s: &Option<Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.as_str())
}

/// Two label–value pairs on one line; a line with neither is left out, a missing one is blank.
fn pair(out: &mut String, a: (&str, Option<&str>), b: (&str, Option<&str>)) {
    if a.1.is_none() && b.1.is_none() {
        return;
    }
    out.push_str(&format!(
        "<tr><th>{}</th><td>{}</td><th>{}</th><td>{}</td></tr>\n",
        a.0,
        esc(a.1.unwrap_or("")),
        b.0,
        esc(b.1.unwrap_or(""))
    ));
}

/// A labelled block of amounts, the label spanning its lines.
fn block(out: &mut String, label: &str, lines: &[(&str, &Spanned<yusuan_model::Money>)]) {
    for (i, (name, m)) in lines.iter().enumerate() {
        out.push_str("<tr>");
        if i == 0 {
            out.push_str(&format!("<th rowspan=\"{}\">{label}</th>", lines.len()));
        }
        out.push_str(&format!(
            "<td colspan=\"2\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(name),
            esc(&amount(&m.value, AmountUnit::Wan))
        ));
    }
}

fn indicators(out: &mut String, list: &[Indicator]) {
    if list.is_empty() {
        return;
    }
    let shown = indicator_columns(list);
    out.push_str("<table class=\"form indicators\">\n<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th>");
    for (label, _) in &shown {
        out.push_str(&format!("<th>{label}</th>"));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (ind, runs) in list.iter().zip(indicator_runs(list)) {
        out.push_str("<tr>");
        // A run of equal levels prints once, spanning its rows.
        for (run, value) in runs.into_iter().zip([&ind.level1, &ind.level2]) {
            if run > 0 {
                let span = if run > 1 { format!(" rowspan=\"{run}\"") } else { String::new() };
                out.push_str(&format!("<td class=\"level\"{span}>{}</td>", esc(text(value).unwrap_or(""))));
            }
        }
        let value = ind.value.as_ref().map(|v| target(&v.value)).unwrap_or_default();
        let sign = ind.comparison.as_ref().map(|c| c.value.sign()).unwrap_or("");
        out.push_str(&format!(
            "<td>{}</td><td class=\"target\">{}{}</td>",
            esc(text(&ind.level3).unwrap_or("")),
            sign,
            esc(&value)
        ));
        for (_, f) in &shown {
            out.push_str(&format!("<td>{}</td>", esc(&f(ind).unwrap_or_default())));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
