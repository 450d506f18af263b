//! The narrative's project descriptions (with their allocation items) and its state assets.

use super::grid::{Align, Grid};
use super::{heading, none};
use crate::Lang;
use yusuan_model::assets::{AssetCategory, StateAssets};
use yusuan_model::project::{Expression, Factor, ProjectDescription};
use yusuan_model::quantity::Quantity;

pub(super) fn render_projects(out: &mut String, projects: &[ProjectDescription], lang: Lang) {
    heading(out, lang.pick("项目", "Projects"));
    if projects.is_empty() {
        none(out, lang);
    }
    for (i, p) in projects.iter().enumerate() {
        let number = p.number.unwrap_or(i as u32 + 1);
        out.push_str(&format!("{number}. {}\n", p.name.value));
        let field = |out: &mut String, zh: &str, en: &str, value: &str| {
            out.push_str(&format!("   {}{value}\n", lang.pick(zh, en)));
        };
        if let Some(b) = &p.budget {
            field(out, "预算安排规模：", "budget: ", &b.value.to_string());
        }
        if let Some(u) = &p.executing_unit {
            field(out, "承担单位：", "executing unit: ", &u.value);
        }
        if let Some(period) = &p.period {
            let end = period.end.as_ref().map(|e| format!(" — {}", e.value)).unwrap_or_default();
            field(out, "执行时间：", "period: ", &format!("{}{end}", period.start.value));
        }
        if let Some(basis) = &p.policy_basis {
            let cited: Vec<String> = basis
                .documents
                .iter()
                .map(|d| {
                    let number = d.number.as_ref().map(|n| format!("（{}）", n.value)).unwrap_or_default();
                    format!("《{}》{number}", d.title.value)
                })
                .collect();
            // Without recognised citations the text itself is the basis.
            let text = if cited.is_empty() { basis.text.value.clone() } else { cited.join("；") };
            field(out, "政策依据：", "policy basis: ", &text);
        }
        if p.allocation.is_empty() {
            field(out, "资金分配：", "allocation: ", lang.pick("（无）", "(none)"));
            continue;
        }
        field(out, "资金分配：", "allocation:", "");
        let mut g = Grid::new(vec![
            (lang.pick("分配项", "item").to_string(), Align::Left),
            (lang.pick("金额", "amount").to_string(), Align::Right),
            (lang.pick("测算", "worked out as").to_string(), Align::Left),
        ]);
        for item in &p.allocation {
            let expression = item.expression.as_ref().map(expression).unwrap_or_default();
            g.push(vec![item.name.value.clone(), item.amount.value.to_string(), expression]);
        }
        g.render(out, "     ");
    }
}

/// `50课时 × 3500元/课时 = 17.5万元`.
fn expression(e: &Expression) -> String {
    let factors: Vec<String> = e
        .factors
        .iter()
        .map(|f| match &f.value {
            Factor::UnitPrice(p) => format!("{}/{}", p.price, p.per.join("/")),
            Factor::Quantity(q) => quantity(q),
            Factor::Money(m) => m.to_string(),
        })
        .collect();
    format!("{} = {}", factors.join(" × "), e.result.value)
}

fn quantity(q: &Quantity) -> String {
    format!("{}{}", q.value, q.unit)
}

pub(super) fn render_assets(out: &mut String, a: &StateAssets, lang: Lang) {
    heading(out, lang.pick("国有资产占用", "State assets"));
    if a.span.is_none() && a.categories.is_empty() && a.large_equipment.is_empty() && a.purchase_plans.is_empty() {
        none(out, lang);
        return;
    }
    if let Some(as_of) = &a.as_of {
        out.push_str(&format!("{}{}\n", lang.pick("截至：", "as of: "), as_of.value));
    }
    if !a.categories.is_empty() {
        let mut g = Grid::new(vec![
            (lang.pick("类别", "category").to_string(), Align::Left),
            (lang.pick("数量", "count").to_string(), Align::Right),
            (lang.pick("面积", "area").to_string(), Align::Right),
            (lang.pick("价值", "value").to_string(), Align::Right),
        ]);
        for c in &a.categories {
            category(&mut g, c, 0);
        }
        g.render(out, "  ");
    }
    for e in &a.large_equipment {
        out.push_str(&match lang {
            Lang::Zh => {
                format!("  单位价值 {}以上{} {}\n", e.unit_value_over.value, e.name.value, quantity(&e.count.value))
            }
            Lang::En => {
                format!("  {} over {} each: {}\n", e.name.value, e.unit_value_over.value, quantity(&e.count.value))
            }
        });
    }
    if !a.purchase_plans.is_empty() {
        out.push_str(lang.pick("购置安排：\n", "purchases:\n"));
    }
    for p in &a.purchase_plans {
        let arranged =
            if p.arranged { lang.pick("安排", "arranged") } else { lang.pick("未安排", "not arranged") };
        out.push_str(&format!("  [{arranged}] {}\n", p.text.value));
    }
}

/// A category and, indented under it, its 其中 parts. Depth is bounded by the data's nesting,
/// which the reader builds one level deep; the indentation only grows with it.
fn category(g: &mut Grid, c: &AssetCategory, depth: usize) {
    g.push(vec![
        format!("{}{}", "  ".repeat(depth), c.name.value),
        c.count.as_ref().map(|q| quantity(&q.value)).unwrap_or_default(),
        c.area.as_ref().map(|q| quantity(&q.value)).unwrap_or_default(),
        c.value.as_ref().map(|v| v.value.to_string()).unwrap_or_default(),
    ]);
    for part in &c.parts {
        category(g, part, depth + 1);
    }
}
