//! Project descriptions and state assets of Part 3, each as a ruled form: the fields the
//! template asks for, in its order, with only what the model holds.

use super::narrative::item_number;
use super::text::{amount, esc, money_words};
use yusuan_model::assets::{AssetCategory, StateAssets};
use yusuan_model::project::{Factor, ProjectDescription};
use yusuan_model::AmountUnit;

/// Projects no section heading introduces, each under its own numbered heading.
pub(super) fn render_projects(out: &mut String, projects: &[&ProjectDescription]) {
    for (i, p) in projects.iter().enumerate() {
        let number = item_number(p.number.unwrap_or(i as u32 + 1));
        out.push_str(&format!("<h4>{number}{}</h4>\n", esc(&p.name.value)));
        render_project(out, p);
    }
}

/// One project's form.
pub(super) fn render_project(out: &mut String, p: &ProjectDescription) {
    out.push_str("<table class=\"form project\">\n<tbody>\n");
    field(out, "项目名称", &esc(&p.name.value));
    if let Some(basis) = &p.policy_basis {
        field(out, "设立的政策依据", &esc(&basis.text.value));
    }
    if let Some(budget) = &p.budget {
        field(out, "预算安排规模", &esc(&money_words(&budget.value)));
    }
    if let Some(unit) = &p.executing_unit {
        field(out, "项目承担单位", &esc(&unit.value));
    }
    if !p.allocation.is_empty() {
        let items: Vec<String> = p
            .allocation
            .iter()
            .map(|a| {
                let how = a.expression.as_ref().map(|e| {
                    let factors: Vec<String> = e.factors.iter().map(|f| factor(&f.value)).collect();
                    format!("（{}={}）", factors.join("×"), money_words(&e.result.value))
                });
                format!("{} {}{}", a.name.value, money_words(&a.amount.value), how.unwrap_or_default())
            })
            .map(|s| format!("<p>{}</p>", esc(&s)))
            .collect();
        field(out, "资金分配情况", &items.concat());
    }
    if let Some(period) = &p.period {
        let end = period.end.as_ref().map(|e| format!("至{}", e.value)).unwrap_or_default();
        field(out, "资金执行时间", &esc(&format!("{}{end}", period.start.value)));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn factor(f: &Factor) -> String {
    match f {
        Factor::UnitPrice(p) => format!("{}/{}", money_words(&p.price), p.per.join("/")),
        Factor::Quantity(q) => format!("{}{}", q.value, q.unit),
        Factor::Money(m) => money_words(m),
    }
}

/// A label and its (already escaped) value.
fn field(out: &mut String, label: &str, value_html: &str) {
    out.push_str(&format!("<tr><th class=\"label\">{}</th><td>{value_html}</td></tr>\n", esc(label)));
}

pub(super) fn render_assets(out: &mut String, a: &StateAssets) {
    if !a.categories.is_empty() {
        let as_of = a.as_of.as_ref().map(|d| format!("截至{}", d.value)).unwrap_or_default();
        out.push_str(&format!("<p>{}国有资产占用情况如下表（金额单位：万元）。</p>\n", esc(&as_of)));
        out.push_str("<table class=\"grid assets\">\n<colgroup><col class=\"c-name\"><col><col><col></colgroup>\n<thead><tr><th>资产类别</th><th>数量</th><th>面积</th><th>价值</th></tr></thead>\n<tbody>\n");
        for c in &a.categories {
            category(out, c, 0);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let mut sentences: Vec<String> = a
        .large_equipment
        .iter()
        .map(|e| {
            format!(
                "单位价值{}以上{}{}{}",
                money_words(&e.unit_value_over.value),
                e.name.value,
                e.count.value.value,
                e.count.value.unit
            )
        })
        .collect();
    sentences.extend(a.purchase_plans.iter().map(|p| p.text.value.clone()));
    if !sentences.is_empty() {
        out.push_str(&format!("<p>{}。</p>\n", esc(&sentences.join("；"))));
    }
}

/// One category line and its `其中` parts, indented (bounded depth: the model nests at most a
/// few levels, and the CSS indents to five).
fn category(out: &mut String, c: &AssetCategory, depth: usize) {
    let q = |q: &Option<yusuan_model::Spanned<yusuan_model::quantity::Quantity>>| {
        q.as_ref().map(|q| format!("{}{}", q.value.value, q.value.unit)).unwrap_or_default()
    };
    let value = c.value.as_ref().map(|v| amount(&v.value, AmountUnit::Wan)).unwrap_or_default();
    out.push_str(&format!(
        "<tr><td class=\"name d{}\">{}</td><td class=\"qty\">{}</td><td class=\"qty\">{}</td><td class=\"num\">{}</td></tr>\n",
        depth.min(5),
        esc(&c.name.value),
        esc(&q(&c.count)),
        esc(&q(&c.area)),
        esc(&value)
    ));
    if depth < 5 {
        for p in &c.parts {
            category(out, p, depth + 1);
        }
    }
}
