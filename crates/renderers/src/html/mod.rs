//! `disclosure.html`: the whole disclosure as one self-contained, print-ready A4 file (inline
//! CSS, no scripts, no external resources). Parts and tables each start a new page; tables carry
//! the official merged headers built from the registry's header paths; amounts are printed from
//! the exact decimals, right-aligned with two decimals.

mod narrative;
mod overview;
mod performance;
mod projects;
mod style;
mod table;
mod text;

use text::esc;
use yusuan_model::Disclosure;

/// The disclosure as one HTML5 document.
pub fn render_html(d: &Disclosure) -> String {
    let titles = crate::sheet::titles(d);
    let department = titles.department;
    let title = &titles.title;
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", esc(title), style::CSS));

    out.push_str(&format!(
        "<section class=\"cover\">\n<h1>{}</h1>\n<p>{}</p>\n</section>\n",
        esc(title),
        esc(d.signed.as_ref().map_or("", |s| s.value.as_str()))
    ));

    part(&mut out, &titles.overview());
    overview::render(&mut out, &d.overview, department);
    out.push_str("</section>\n");

    part(&mut out, &titles.tables());
    contents(&mut out, d);
    out.push_str("</section>\n");
    for t in &d.tables {
        table::render(&mut out, t, department);
    }

    part(&mut out, &titles.narrative());
    narrative::render(&mut out, &d.narrative);
    out.push_str("</section>\n");
    for (i, p) in d.performance.iter().enumerate() {
        performance::render(&mut out, p, i);
    }

    part(&mut out, titles.glossary());
    for (i, e) in d.glossary.iter().enumerate() {
        out.push_str(&format!(
            "<p class=\"term\">{}、<b>{}</b>：{}</p>\n",
            cn_number(i + 1),
            esc(&e.term.value),
            esc(&e.definition.value)
        ));
    }
    out.push_str("<div class=\"signature\">\n");
    if let Some(dep) = department {
        out.push_str(&format!("<p>{}</p>\n", esc(dep)));
    }
    if let Some(signed) = &d.signed {
        out.push_str(&format!("<p>{}</p>\n", esc(&signed.value)));
    }
    out.push_str("</div>\n</section>\n</body>\n</html>\n");
    out
}

/// Opens a part's page with its title; the caller closes the section.
fn part(out: &mut String, title: &str) {
    out.push_str(&format!("<section class=\"sheet part\">\n<h2 class=\"part-title\">{}</h2>\n", esc(title)));
}

/// The list of the tables that follow, on part 2's title page.
fn contents(out: &mut String, d: &Disclosure) {
    if d.tables.is_empty() {
        out.push_str("<p>（无）</p>\n");
        return;
    }
    out.push_str("<table class=\"form contents\">\n<tbody>\n");
    for t in &d.tables {
        let number = t.number.map(|n| format!("表 {n}")).unwrap_or_default();
        out.push_str(&format!("<tr><td class=\"code\">{number}</td><td>{}</td></tr>\n", esc(&t.title.value)));
    }
    out.push_str("</tbody>\n</table>\n");
}

pub(super) use crate::sheet::text::cn_number;
