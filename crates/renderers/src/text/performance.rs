//! 绩效目标表, one indicator a line with its three levels spelled out: the clean layout of a
//! typed or spreadsheet-exported table, which the performance reader takes row by row.

use super::{grouped, projects::quantity, Out};
use yusuan_model::performance::{Indicator, PerformanceKind, PerformanceTargets, TargetValue};

pub(super) fn render(out: &mut Out, tables: &[PerformanceTargets]) {
    for t in tables {
        table(out, t);
        out.blank();
    }
}

fn table(out: &mut Out, t: &PerformanceTargets) {
    let department = t.kind == PerformanceKind::Department;
    let default_title = if department { "部门整体绩效目标表" } else { "项目支出绩效目标表" };
    out.line(t.title.as_ref().map_or(default_title, |s| s.value.as_str()));
    if let Some(y) = &t.year {
        out.line(&format!("（{}年）", y.value));
    }
    let unit = t.unit.as_ref().map_or("", |s| s.value.as_str());
    if department {
        out.line(&format!("部门名称（盖章） {unit}"));
        let mut contact = Vec::new();
        if let Some(c) = &t.contact {
            contact.push(format!("部门联系人 {}", c.value));
        }
        if let Some(p) = &t.phone {
            contact.push(format!("联系电话 {}", p.value));
        }
        if !contact.is_empty() {
            out.line(&contact.join(" "));
        }
    } else {
        out.line(&format!("预算单位 {unit}"));
        let mut head = Vec::new();
        if let Some(p) = &t.project {
            head.push(format!("项目名称 {}", p.value));
        }
        if let Some(o) = &t.owner {
            head.push(format!("项目负责人 {}", o.value));
        }
        if !head.is_empty() {
            out.line(&head.join(" "));
        }
    }
    let mut money = Vec::new();
    if let Some(m) = &t.budget_total {
        money.push(format!("年度预算总额 {}", grouped(&m.value)));
    }
    if let Some(m) = &t.budget_fiscal {
        money.push(format!("其中：财政拨款 {}", grouped(&m.value)));
    }
    if let Some(m) = &t.budget_other {
        money.push(format!("其他资金 {}", grouped(&m.value)));
    }
    if !money.is_empty() {
        out.line(&format!("项目资金(万元) {}", money.join(" ")));
    }
    if let Some(g) = &t.goal {
        out.line(if department { "年度绩效目标" } else { "项目总体目标" });
        out.line(&g.value);
    }
    if !t.funding.is_empty() {
        out.line("资金来源 资金总额（万元）");
        for f in &t.funding {
            out.line(&format!("{} {}", f.source.value, grouped(&f.amount.value)));
        }
    }
    // The columns a table prints are the ones any of its rows fills.
    let any = |f: fn(&Indicator) -> bool| t.indicators.iter().any(f);
    let basis = any(|i| i.basis.is_some());
    let prior = any(|i| i.prior.is_some());
    let rule = any(|i| i.scoring_rule.is_some());
    let evidence = any(|i| i.evidence.is_some());
    let mut head = vec!["一级指标", "二级指标", "三级指标", "指标值"];
    if basis {
        head.push(if department { "指标设定依据" } else { "指标值设置依据" });
    }
    if prior {
        head.push("上年完成值");
    }
    head.push("分值权重");
    if rule {
        head.push("指标赋分规则");
    }
    if evidence {
        head.push("佐证资料");
    }
    out.line(&head.join(" "));
    for i in &t.indicators {
        out.line(&indicator(i));
    }
}

fn target(v: &TargetValue) -> String {
    match v {
        TargetValue::Quantity(q) => quantity(q),
        TargetValue::Text(s) => s.clone(),
    }
}

/// One indicator a line, its 一级 and 二级 labels spelled out on every row (a merged cell
/// printed once would leave the reader to guess which rows it spans).
fn indicator(i: &Indicator) -> String {
    let text = |s: &Option<yusuan_model::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    let mut cells: Vec<String> = Vec::new();
    cells.extend(text(&i.level1));
    cells.extend(text(&i.level2));
    cells.extend(text(&i.level3));
    let sign = i.comparison.as_ref().map_or("", |c| c.value.sign());
    if let Some(v) = &i.value {
        cells.push(format!("{sign}{}", target(&v.value)));
    }
    cells.extend(text(&i.basis));
    cells.extend(i.prior.as_ref().map(|p| target(&p.value)));
    cells.extend(i.weight.as_ref().map(|w| w.value.to_string()));
    cells.extend(text(&i.scoring_rule));
    cells.extend(text(&i.evidence));
    cells.join(" ")
}
