//! Part 2, one table per page: `表 N`, the title, `编制部门 … 单位`, the official merged
//! header, the `※ 1 2 3…` numbering row, then the rows. Tables 1 and 4 print their panels side
//! by side on shared lines, as the templates do; an empty table prints its header and its
//! statement.

use super::text::{amount, esc};
use crate::layout::header::head_rows;
use crate::layout::labels::Label;
use crate::layout::place::{place, Slot};
use crate::layout::{code_part, depth, is_total, lines, table_grid, PanelCols};
use yusuan_model::table::{Row, Table};

/// Marks a value whose column more than one placement fits (as in the text summary).
const AMBIGUOUS: &str = "?";
/// Marks a value placed although the row's figures do not add up.
const INCONSISTENT: &str = "!";

/// Tables with this many amount columns or more print in the small type.
const WIDE: usize = 9;

pub(super) fn render(out: &mut String, t: &Table, department: Option<&str>) {
    let grid = table_grid(t);
    let (paths, panels) = (&grid.paths, &grid.panels);
    let panel_count = panels.len();
    let amount_columns = grid.amount_columns();

    // Wide tables get a landscape page, as the official templates print them.
    let wide = amount_columns >= WIDE;
    out.push_str(if wide {
        "<section class=\"sheet table-sheet landscape\">\n"
    } else {
        "<section class=\"sheet table-sheet\">\n"
    });
    if let Some(n) = t.number {
        out.push_str(&format!("<p class=\"table-no\">表 {n}</p>\n"));
    }
    out.push_str(&format!("<h2 class=\"table-title\">{}</h2>\n", esc(&t.title.value)));
    let dep = t.department.as_ref().map(|d| d.value.as_str()).or(department).unwrap_or("");
    out.push_str(&format!(
        "<div class=\"table-meta\"><span>编制部门：{}</span><span>单位：{}</span></div>\n",
        esc(dep),
        t.unit.label()
    ));
    let class = match (wide, panel_count > 1) {
        (true, _) => "grid wide",
        (false, true) => "grid sides",
        (false, false) => "grid",
    };
    out.push_str(&format!("<table class=\"{class}\">\n"));
    colgroup(out, panels);
    out.push_str("<thead>\n");
    out.push_str(&head_html(paths));
    if panel_count == 1 {
        numbering(out, panels);
    }
    out.push_str("</thead>\n<tbody>\n");
    let mut marks = Marks::default();
    if let Some(statement) = &t.empty_statement {
        out.push_str(&format!(
            "<tr><td class=\"empty-statement\" colspan=\"{}\">{}</td></tr>\n",
            paths.len().max(1),
            esc(&statement.value)
        ));
    } else {
        for line in lines(t, panel_count) {
            let line: Vec<Option<&Row>> = line.iter().map(|i| i.and_then(|i| t.rows.get(i))).collect();
            line_html(out, t, panels, &line, &mut marks);
        }
    }
    out.push_str("</tbody>\n</table>\n");
    if marks.ambiguous {
        out.push_str(&format!(
            "<p class=\"footnote\"><span class=\"mark\">{AMBIGUOUS}</span> 栏目未定：原文无法确定这些数值所在的栏目（多种放法都满足表内勾稽关系），按原文顺序列在其可能所在的栏目范围内。</p>\n"
        ));
    }
    if marks.inconsistent {
        out.push_str(&format!(
            "<p class=\"footnote\"><span class=\"mark\">{INCONSISTENT}</span> 数字不平：本行数字不满足表内勾稽关系，按本行数字放置。</p>\n"
        ));
    }
    out.push_str("</section>\n");
}

/// Column widths for the fixed table layout: codes narrow, names wide, amounts share the rest.
fn colgroup(out: &mut String, panels: &[PanelCols<'static>]) {
    out.push_str("<colgroup>");
    for p in panels {
        for l in &p.labels {
            out.push_str(match l {
                Label::CodePart(_) | Label::Code => "<col class=\"c-code\">",
                Label::Name => "<col class=\"c-name\">",
                Label::Project => "<col class=\"c-project\">",
            });
        }
        out.push_str(&"<col class=\"c-num\">".repeat(p.amounts));
    }
    out.push_str("</colgroup>\n");
}

/// `※` over every label column, then the amount columns numbered from 1.
fn numbering(out: &mut String, panels: &[PanelCols<'static>]) {
    out.push_str("<tr class=\"numbering\">");
    let mut n = 0;
    for p in panels {
        out.push_str(&"<th>※</th>".repeat(p.labels.len()));
        for _ in 0..p.amounts {
            n += 1;
            out.push_str(&format!("<th>{n}</th>"));
        }
    }
    out.push_str("</tr>\n");
}

/// Which markers a table used, to explain each once under it.
#[derive(Default)]
struct Marks {
    ambiguous: bool,
    inconsistent: bool,
}

fn line_html(out: &mut String, t: &Table, panels: &[PanelCols<'static>], line: &[Option<&Row>], marks: &mut Marks) {
    let total = line.iter().flatten().any(|r| is_total(r));
    out.push_str(if total { "<tr class=\"total\">" } else { "<tr>" });
    for (p, cols) in panels.iter().enumerate() {
        let row = line.get(p).copied().flatten();
        for label in &cols.labels {
            label_cell(out, t, row, *label);
        }
        let slots = match row {
            Some(r) => place(r, cols.amounts, cols.panel.is_some()),
            None => (0..cols.amounts).map(|_| Slot::Blank).collect(),
        };
        for slot in slots {
            slot_cell(out, t, slot, marks);
        }
    }
    out.push_str("</tr>\n");
}

fn label_cell(out: &mut String, t: &Table, row: Option<&Row>, label: Label) {
    let Some(row) = row else {
        out.push_str("<td></td>");
        return;
    };
    let code = row.code.as_ref().map(|c| c.as_str()).unwrap_or("");
    match label {
        Label::CodePart(i) => out.push_str(&format!("<td class=\"code\">{}</td>", esc(code_part(code, i)))),
        Label::Code => out.push_str(&format!("<td class=\"code\">{}</td>", esc(code))),
        Label::Name => out.push_str(&format!(
            "<td class=\"name d{}\">{}</td>",
            depth(t, row).min(MAX_INDENT),
            esc(&row.name.value)
        )),
        Label::Project => out.push_str(&format!(
            "<td class=\"project\">{}</td>",
            esc(row.project.as_ref().map_or("", |p| p.value.as_str()))
        )),
    }
}

/// Deeper rows than this share the last indent (the CSS declares `.d0` to `.d5`).
const MAX_INDENT: usize = 5;

fn slot_cell(out: &mut String, t: &Table, slot: Slot<'_>, marks: &mut Marks) {
    match slot {
        Slot::Blank => out.push_str("<td class=\"num\"></td>"),
        Slot::Value { cell, inconsistent } => {
            let mark = if inconsistent {
                marks.inconsistent = true;
                format!("<span class=\"mark\">{INCONSISTENT}</span>")
            } else {
                String::new()
            };
            out.push_str(&format!("<td class=\"num\">{}{mark}</td>", esc(&amount(&cell.value, t.unit))));
        }
        Slot::Unplaced { span, cells } => {
            marks.ambiguous = true;
            let values: Vec<String> =
                cells.iter().map(|c| format!("<span class=\"v\">{}</span>", esc(&amount(&c.value, t.unit)))).collect();
            out.push_str(&format!(
                "<td class=\"unplaced\" colspan=\"{span}\">{}<span class=\"mark\">{AMBIGUOUS}</span></td>",
                values.join("")
            ));
        }
        Slot::Covered => {}
    }
}

/// The header rows as HTML `<tr>`s of `<th>`s.
fn head_html(paths: &[Vec<String>]) -> String {
    let mut out = String::new();
    for row in head_rows(paths) {
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
