//! Part 1 部门概况, rebuilt from the model: the duties as numbered paragraphs, then one
//! paragraph each for the organisation and the staff.

use super::cn_number;
use super::text::esc;
use crate::sheet::prose::{organisation, staffing};
use yusuan_model::overview::Overview;

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
