//! 第一部分 部门概况: the heading, numbered duties, the organisation and staffing sentences.

use super::{cn_number, Out};
use yusuan_model::overview::{Overview, StaffPart};
use yusuan_model::Disclosure;

pub(super) fn render(out: &mut Out, d: &Disclosure, department: &str, year: &str) {
    let ov = &d.overview;
    let name = ov.department.as_ref().map_or(department, |s| s.value.as_str());
    let year = ov.year.as_ref().map_or(year.to_string(), |y| y.value.to_string());
    out.line(&format!(" 第一部分  {year}年{name}部门概况"));
    out.blank();
    out.line("一、 主要职能");
    out.blank();
    for duty in &ov.duties {
        // Unnumbered duties stay unnumbered: the reader keeps `number: None` for them.
        match duty.number {
            Some(n) => out.line(&format!("（{}）{}", cn_number(n as usize), duty.text.value)),
            None => out.line(&duty.text.value),
        }
        out.blank();
    }
    out.line("二、 机构设置及人员情况");
    out.blank();
    if let Some(s) = organisation(ov, name) {
        out.line(&s);
        out.blank();
    }
    if let Some(s) = staffing(ov, name) {
        out.line(&s);
        out.blank();
    }
}

fn organisation(ov: &Overview, name: &str) -> Option<String> {
    let org = &ov.organisation;
    let mut clauses: Vec<String> = Vec::new();
    if let Some(none) = &org.no_subordinate_units {
        clauses.push(none.value.clone());
    } else if org.subordinate_unit_count.is_some() || !org.subordinate_units.is_empty() {
        let n = org.subordinate_unit_count.as_ref().map_or(org.subordinate_units.len() as u32, |c| c.value);
        let mut s = format!("下属预算单位 {n}个");
        if !org.subordinate_units.is_empty() {
            let names: Vec<&str> = org.subordinate_units.iter().map(|u| u.value.as_str()).collect();
            s.push_str(&format!("，分别是：{}", names.join("、")));
        }
        clauses.push(s);
    }
    if org.division_count.is_some() || !org.divisions.is_empty() {
        let word = org.division_word.as_deref().unwrap_or("处室");
        let n = org.division_count.as_ref().map_or(org.divisions.len() as u32, |c| c.value);
        let mut s = format!("下设 {n}个{word}");
        if !org.divisions.is_empty() {
            let names: Vec<&str> = org.divisions.iter().map(|u| u.value.as_str()).collect();
            s.push_str(&format!("，分别是：{}", names.join("、")));
        }
        clauses.push(s);
    }
    (!clauses.is_empty()).then(|| format!("{name}{}。", clauses.join("，")))
}

fn staffing(ov: &Overview, name: &str) -> Option<String> {
    let st = &ov.staffing;
    let mut s = String::new();
    if let Some(a) = &st.authorised {
        s.push_str(&format!("编制数 {}", a.value));
    }
    if let Some(a) = &st.actual {
        if !s.is_empty() {
            s.push('，');
        }
        s.push_str(&format!("实有人数 {}人", a.value));
    }
    if !st.parts.is_empty() {
        let parts: Vec<String> = st.parts.iter().map(part).collect();
        s.push_str(&format!("，其中：{}", parts.join("；")));
    }
    (!s.is_empty()).then(|| format!("{name}{s}。"))
}

fn part(p: &StaffPart) -> String {
    let mut s = format!("{} {}人", p.label.value, p.count.value);
    if let Some(c) = &p.change {
        let word = if c.value < 0 { "减少" } else { "增加" };
        s.push_str(&format!("，{word} {}人", c.value.unsigned_abs()));
    }
    s
}
