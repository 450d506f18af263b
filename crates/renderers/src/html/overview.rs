//! Part 1 部门概况, rebuilt from the model: the duties as numbered paragraphs, then one
//! paragraph each for the organisation and the staff.

use super::cn_number;
use super::text::esc;
use yusuan_model::overview::{Organisation, Overview, Staffing};

pub(super) fn render(out: &mut String, o: &Overview, department: Option<&str>) {
    let dep = department.unwrap_or("本部门");
    out.push_str("<h3>一、主要职能</h3>\n");
    if o.duties.is_empty() {
        out.push_str("<p>（无）</p>\n");
    }
    for duty in &o.duties {
        let number = duty.number.map(|n| format!("（{}）", cn_number(n as usize))).unwrap_or_default();
        out.push_str(&format!("<p>{number}{}</p>\n", esc(&duty.text.value)));
    }
    out.push_str("<h3>二、机构设置及人员情况</h3>\n");
    if let Some(text) = organisation(&o.organisation, dep) {
        out.push_str(&format!("<p>{}</p>\n", esc(&text)));
    }
    if let Some(text) = staffing(&o.staffing, dep) {
        out.push_str(&format!("<p>{}</p>\n", esc(&text)));
    }
}

fn organisation(o: &Organisation, dep: &str) -> Option<String> {
    let mut clauses = Vec::new();
    if let Some(none) = &o.no_subordinate_units {
        clauses.push(none.value.clone());
    } else if o.subordinate_unit_count.is_some() || !o.subordinate_units.is_empty() {
        let count = o.subordinate_unit_count.as_ref().map_or(o.subordinate_units.len() as u32, |c| c.value);
        let mut s = format!("下属预算单位 {count}个");
        if !o.subordinate_units.is_empty() {
            s.push_str(&format!("，分别是：{}", join(&o.subordinate_units)));
        }
        clauses.push(s);
    }
    if o.division_count.is_some() || !o.divisions.is_empty() {
        let count = o.division_count.as_ref().map_or(o.divisions.len() as u32, |c| c.value);
        let word = o.division_word.as_deref().unwrap_or("内设机构");
        let mut s = format!("下设 {count}个{word}");
        if !o.divisions.is_empty() {
            s.push_str(&format!("，分别是：{}", join(&o.divisions)));
        }
        clauses.push(s);
    }
    if clauses.is_empty() {
        return None;
    }
    Some(format!("{dep}{}。", clauses.join("，")))
}

fn staffing(s: &Staffing, dep: &str) -> Option<String> {
    let mut clauses = Vec::new();
    if let Some(a) = &s.authorised {
        clauses.push(format!("编制数 {}", a.value));
    }
    if let Some(a) = &s.actual {
        clauses.push(format!("实有人数 {}人", a.value));
    }
    if clauses.is_empty() && s.parts.is_empty() {
        return None;
    }
    let mut text = format!("{dep}{}", clauses.join("，"));
    if !s.parts.is_empty() {
        let parts: Vec<String> = s
            .parts
            .iter()
            .map(|p| {
                let change = match p.change.as_ref().map(|c| c.value) {
                    Some(c) if c < 0 => format!("，减少 {}人", c.unsigned_abs()),
                    Some(c) => format!("，增加 {c}人"),
                    None => String::new(),
                };
                format!("{} {}人{change}", p.label.value, p.count.value)
            })
            .collect();
        text.push_str(&format!("，其中：{}", parts.join("；")));
    }
    text.push('。');
    Some(text)
}

fn join(names: &[yusuan_model::Spanned<String>]) -> String {
    names.iter().map(|n| n.value.as_str()).collect::<Vec<_>>().join("、")
}
