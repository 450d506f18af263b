//! Part 2, one table per page, written from its [`TableSheet`]: `表 N`, the title,
//! `编制部门 … 单位`, the official merged header, the `※ 1 2 3…` numbering row, then the rows.
//! An empty table prints its header and its statement.

use super::text::esc;
use crate::sheet::header::HeadCell;
use crate::sheet::table::{
    table_sheet, BodyCell, ColumnKind, TableSheet, AMBIGUOUS, AMBIGUOUS_NOTE, INCONSISTENT, INCONSISTENT_NOTE,
};
use yusuan_model::table::Table;

pub(super) fn render(out: &mut String, t: &Table, department: Option<&str>) {
    let s = table_sheet(t, department);
    // Wide tables get a landscape page, as the official templates print them.
    out.push_str(if s.wide {
        "<section class=\"sheet table-sheet landscape\">\n"
    } else {
        "<section class=\"sheet table-sheet\">\n"
    });
    if let Some(n) = s.number {
        out.push_str(&format!("<p class=\"table-no\">表 {n}</p>\n"));
    }
    out.push_str(&format!("<h2 class=\"table-title\">{}</h2>\n", esc(s.title)));
    out.push_str(&format!(
        "<div class=\"table-meta\"><span>编制部门：{}</span><span>单位：{}</span></div>\n",
        esc(s.department),
        s.unit
    ));
    let class = match (s.wide, s.sides) {
        (true, _) => "grid wide",
        (false, true) => "grid sides",
        (false, false) => "grid",
    };
    out.push_str(&format!("<table class=\"{class}\">\n"));
    colgroup(out, &s);
    out.push_str("<thead>\n");
    out.push_str(&head_html(&s.head));
    if let Some(numbering) = &s.numbering {
        out.push_str("<tr class=\"numbering\">");
        for n in numbering {
            out.push_str(&format!("<th>{n}</th>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n<tbody>\n");
    if let Some(statement) = s.empty_statement {
        out.push_str(&format!(
            "<tr><td class=\"empty-statement\" colspan=\"{}\">{}</td></tr>\n",
            s.columns.len().max(1),
            esc(statement)
        ));
    }
    for line in &s.lines {
        out.push_str(if line.total { "<tr class=\"total\">" } else { "<tr>" });
        for cell in &line.cells {
            body_cell(out, cell);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    if s.ambiguous {
        out.push_str(&format!("<p class=\"footnote\"><span class=\"mark\">{AMBIGUOUS}</span> {AMBIGUOUS_NOTE}</p>\n"));
    }
    if s.inconsistent {
        out.push_str(&format!(
            "<p class=\"footnote\"><span class=\"mark\">{INCONSISTENT}</span> {INCONSISTENT_NOTE}</p>\n"
        ));
    }
    out.push_str("</section>\n");
}

/// Column widths for the fixed table layout: codes narrow, names wide, amounts share the rest.
fn colgroup(out: &mut String, s: &TableSheet<'_>) {
    out.push_str("<colgroup>");
    for c in &s.columns {
        out.push_str(match c {
            ColumnKind::Code => "<col class=\"c-code\">",
            ColumnKind::Name => "<col class=\"c-name\">",
            ColumnKind::Project => "<col class=\"c-project\">",
            ColumnKind::Amount => "<col class=\"c-num\">",
        });
    }
    out.push_str("</colgroup>\n");
}

/// The header rows as HTML `<tr>`s of `<th>`s.
fn head_html(rows: &[Vec<HeadCell>]) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str("<th");
            if cell.colspan > 1 {
                out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
            }
            if cell.rowspan > 1 {
                out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
            }
            out.push('>');
            out.push_str(&esc(&cell.text));
            out.push_str("</th>");
        }
        out.push_str("</tr>\n");
    }
    out
}

fn body_cell(out: &mut String, cell: &BodyCell) {
    match cell {
        BodyCell::Empty => out.push_str("<td></td>"),
        BodyCell::Code(code) => out.push_str(&format!("<td class=\"code\">{}</td>", esc(code))),
        BodyCell::Name { text, depth } => out.push_str(&format!("<td class=\"name d{depth}\">{}</td>", esc(text))),
        BodyCell::Project(p) => out.push_str(&format!("<td class=\"project\">{}</td>", esc(p))),
        BodyCell::Blank => out.push_str("<td class=\"num\"></td>"),
        BodyCell::Amount { text, inconsistent } => {
            let mark =
                if *inconsistent { format!("<span class=\"mark\">{INCONSISTENT}</span>") } else { String::new() };
            out.push_str(&format!("<td class=\"num\">{}{mark}</td>", esc(text)));
        }
        BodyCell::Unplaced { span, values } => {
            let values: Vec<String> = values.iter().map(|v| format!("<span class=\"v\">{}</span>", esc(v))).collect();
            out.push_str(&format!(
                "<td class=\"unplaced\" colspan=\"{span}\">{}<span class=\"mark\">{AMBIGUOUS}</span></td>",
                values.concat()
            ));
        }
    }
}
