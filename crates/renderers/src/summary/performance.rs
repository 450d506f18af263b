//! 绩效目标表: each table's header fields, then one line per indicator.

use super::grid::{Align, Grid};
use super::{heading, none};
use crate::Lang;
use yusuan_model::performance::{Indicator, PerformanceKind, PerformanceTargets, TargetValue};
use yusuan_model::Spanned;

pub(super) fn render(out: &mut String, tables: &[PerformanceTargets], lang: Lang) {
    heading(out, lang.pick("绩效目标表", "Performance targets"));
    if tables.is_empty() {
        none(out, lang);
    }
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        table(out, i + 1, t, lang);
    }
}

fn table(out: &mut String, number: usize, t: &PerformanceTargets, lang: Lang) {
    let kind = match t.kind {
        PerformanceKind::Department => lang.pick("部门整体", "department-wide"),
        PerformanceKind::Project => lang.pick("项目", "project"),
    };
    let title = text(&t.title).unwrap_or(kind);
    let year = t.year.as_ref().map(|y| format!("（{}）", y.value)).unwrap_or_default();
    out.push_str(&format!("{number}. {title}{year}  [{kind}]\n"));
    let fields: [(&str, &str, Option<&str>); 6] = [
        ("预算单位：", "unit: ", text(&t.unit)),
        ("项目名称：", "project: ", text(&t.project)),
        ("项目负责人：", "owner: ", text(&t.owner)),
        ("联系人：", "contact: ", text(&t.contact)),
        ("联系电话：", "phone: ", text(&t.phone)),
        ("目标：", "goal: ", text(&t.goal)),
    ];
    let money = [
        ("年度预算总额 ", "budget total ", &t.budget_total),
        ("其中：财政拨款 ", "fiscal ", &t.budget_fiscal),
        ("其他资金 ", "other ", &t.budget_other),
    ];
    for (zh, en, value) in &fields[..5] {
        if let Some(v) = value {
            out.push_str(&format!("   {}{v}\n", lang.pick(zh, en)));
        }
    }
    let budget: Vec<String> = money
        .iter()
        .filter_map(|(zh, en, m)| m.as_ref().map(|m| format!("{}{}", lang.pick(zh, en), m.value)))
        .collect();
    if !budget.is_empty() {
        out.push_str(&format!("   {}{}\n", lang.pick("预算：", "budget: "), budget.join(lang.pick("，", ", "))));
    }
    if !t.funding.is_empty() {
        let funding: Vec<String> = t.funding.iter().map(|f| format!("{} {}", f.source.value, f.amount.value)).collect();
        out.push_str(&format!("   {}{}\n", lang.pick("资金来源：", "funding: "), funding.join(lang.pick("；", "; "))));
    }
    if let Some(goal) = fields[5].2 {
        out.push_str(&format!("   {}{goal}\n", lang.pick(fields[5].0, fields[5].1)));
    }
    if t.indicators.is_empty() {
        out.push_str("   ");
        none(out, lang);
        return;
    }
    indicators(out, &t.indicators, lang);
    out.push_str(&format!("   {}{}\n", lang.pick("权重合计：", "weights sum: "), t.weight_sum()));
}

fn indicators(out: &mut String, list: &[Indicator], lang: Lang) {
    let has_prior = list.iter().any(|i| i.prior.is_some());
    let mut columns = vec![
        (lang.pick("一级指标", "level 1").to_string(), Align::Left),
        (lang.pick("二级指标", "level 2").to_string(), Align::Left),
        (lang.pick("三级指标", "level 3").to_string(), Align::Left),
        (lang.pick("指标值", "target").to_string(), Align::Left),
        (lang.pick("权重", "weight").to_string(), Align::Right),
    ];
    if has_prior {
        columns.push((lang.pick("上年完成值", "last year").to_string(), Align::Left));
    }
    let mut g = Grid::new(columns);
    for i in list {
        let sign = i.comparison.as_ref().map(|c| format!("{} ", c.value.sign())).unwrap_or_default();
        let value = i.value.as_ref().map(|v| format!("{sign}{}", target(&v.value))).unwrap_or_default();
        let mut row = vec![
            text(&i.level1).unwrap_or_default().to_string(),
            text(&i.level2).unwrap_or_default().to_string(),
            text(&i.level3).unwrap_or_default().to_string(),
            value,
            i.weight.as_ref().map(|w| w.value.to_string()).unwrap_or_default(),
        ];
        if has_prior {
            row.push(i.prior.as_ref().map(|p| target(&p.value)).unwrap_or_default());
        }
        g.push(row);
    }
    g.render(out, "   ");
}

fn target(v: &TargetValue) -> String {
    match v {
        TargetValue::Quantity(q) => format!("{}{}", q.value, q.unit),
        TargetValue::Text(s) => s.clone(),
    }
}

fn text(s: &Option<Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.as_str())
}
