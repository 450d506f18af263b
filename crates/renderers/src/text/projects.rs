//! Project descriptions (项目名称, 设立的政策依据, 预算安排规模 …) and 国有资产占用使用情况.

use super::{amount, cn_number, Out};
use yusuan_model::assets::{AssetCategory, StateAssets};
use yusuan_model::project::{AllocationItem, Factor, ProjectDescription};
use yusuan_model::quantity::Quantity;

pub(super) fn render_projects(out: &mut Out, projects: &[ProjectDescription]) {
    for (i, p) in projects.iter().enumerate() {
        let n = p.number.map_or(i + 1, |n| n as usize);
        out.line(&format!("（{}）项目名称：{}", cn_number(n), p.name.value));
        if let Some(b) = &p.policy_basis {
            out.line(&format!("设立的政策依据：{}", b.text.value));
        }
        if let Some(b) = &p.budget {
            out.line(&format!("预算安排规模：{}", amount(&b.value)));
        }
        if let Some(u) = &p.executing_unit {
            out.line(&format!("项目承担单位：{}", u.value));
        }
        if !p.allocation.is_empty() {
            let items: Vec<String> = p.allocation.iter().map(item).collect();
            out.line(&format!("资金分配情况：{}。", items.join("，")));
        }
        if let Some(period) = &p.period {
            match &period.end {
                Some(end) => out.line(&format!("资金执行时间：{}--{}", period.start.value, end.value)),
                None => out.line(&format!("资金执行时间：{}", period.start.value)),
            }
        }
        out.blank();
    }
}

/// `课程建设费 50课时*3500元/课时=17.5万元`, or `租车 9万元`.
fn item(i: &AllocationItem) -> String {
    match &i.expression {
        Some(e) => {
            let factors: Vec<String> = e.factors.iter().map(|f| factor(&f.value)).collect();
            format!("{} {}={}", i.name.value, factors.join("*"), amount(&e.result.value))
        }
        None => format!("{} {}", i.name.value, amount(&i.amount.value)),
    }
}

fn factor(f: &Factor) -> String {
    match f {
        Factor::UnitPrice(p) => format!("{}/{}", amount(&p.price), p.per.join("/")),
        Factor::Quantity(q) => quantity(q),
        Factor::Money(m) => amount(m),
    }
}

pub(super) fn quantity(q: &Quantity) -> String {
    format!("{}{}", q.value, q.unit)
}

pub(super) fn render_assets(out: &mut Out, a: &StateAssets, department: &str) {
    if let Some(as_of) = &a.as_of {
        out.line(&format!("截至 {}，{department}占用使用国有资产总体情况为", as_of.value));
        out.blank();
    }
    for (i, c) in a.categories.iter().enumerate() {
        let mut s = format!("{}.{}", i + 1, category(c));
        if !c.parts.is_empty() {
            let parts: Vec<String> = c.parts.iter().map(category).collect();
            s.push_str(&format!("；其中：{}", parts.join("；")));
        }
        s.push('。');
        out.line(&s);
        out.blank();
    }
    if !a.large_equipment.is_empty() {
        let items: Vec<String> = a
            .large_equipment
            .iter()
            .map(|e| {
                format!(
                    "单位价值 {}以上{} {}",
                    amount(&e.unit_value_over.value),
                    e.name.value,
                    quantity(&e.count.value)
                )
            })
            .collect();
        out.line(&format!("{}。", items.join("，")));
        out.blank();
    }
    if !a.purchase_plans.is_empty() {
        let items: Vec<&str> = a.purchase_plans.iter().map(|p| p.text.value.as_str()).collect();
        out.line(&format!("{}。", items.join("，")));
        out.blank();
    }
}

/// `车辆 2辆，价值 41.02万元`, `办公家具价值 28.53万元`.
fn category(c: &AssetCategory) -> String {
    let mut s = c.name.value.clone();
    let measures: Vec<String> = [&c.count, &c.area].into_iter().flatten().map(|q| quantity(&q.value)).collect();
    if !measures.is_empty() {
        s.push_str(&format!(" {}", measures.join("，")));
    }
    if let Some(v) = &c.value {
        let sep = if measures.is_empty() { "" } else { "，" };
        s.push_str(&format!("{sep}价值 {}", amount(&v.value)));
    }
    s
}
