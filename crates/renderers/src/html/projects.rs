//! Project descriptions and state assets of Part 3, each as a ruled form: the fields the
//! template asks for, in its order, with only what the model holds.

use super::text::esc;
use crate::sheet::prose::{asset_lines, assets_intro, assets_outro, project_fields};
use yusuan_model::assets::StateAssets;
use yusuan_model::project::ProjectDescription;

/// One project's form.
pub(super) fn render_project(out: &mut String, p: &ProjectDescription) {
    out.push_str("<table class=\"form project\">\n<tbody>\n");
    for (label, values) in project_fields(p) {
        let value = if label == "资金分配情况" {
            values.iter().map(|v| format!("<p>{}</p>", esc(v))).collect::<String>()
        } else {
            esc(&values.concat())
        };
        out.push_str(&format!("<tr><th class=\"label\">{}</th><td>{value}</td></tr>\n", esc(label)));
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) fn render_assets(out: &mut String, a: &StateAssets) {
    if let Some(intro) = assets_intro(a) {
        out.push_str(&format!("<p>{}</p>\n", esc(&intro)));
        out.push_str("<table class=\"grid assets\">\n<colgroup><col class=\"c-name\"><col><col><col></colgroup>\n<thead><tr><th>资产类别</th><th>数量</th><th>面积</th><th>价值</th></tr></thead>\n<tbody>\n");
        for (depth, name, count, area, value) in asset_lines(a) {
            out.push_str(&format!(
                "<tr><td class=\"name d{depth}\">{}</td><td class=\"qty\">{}</td><td class=\"qty\">{}</td><td class=\"num\">{}</td></tr>\n",
                esc(&name),
                esc(&count),
                esc(&area),
                esc(&value)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if let Some(outro) = assets_outro(a) {
        out.push_str(&format!("<p>{}</p>\n", esc(&outro)));
    }
}
