//! 第二部分: each table as an extractor prints it. `表 N`, the title, `编制部门：… 单位：万元`,
//! one header line (the columns' innermost headers) and the `※` numbering line, then one line
//! per row: code as `208 01 02`, name, project, and the row's values in column order. Blank
//! cells are not printed (the model holds only the printed values); the reader places the
//! values back in their columns from the table's identities.

use super::{grouped, Out};
use yusuan_model::registry::schema;
use yusuan_model::table::{Panel, Row, RowKeyKind, Table, TableSchema};

pub(super) fn render(out: &mut Out, tables: &[Table], department: &str, year: &str) {
    if tables.is_empty() {
        return;
    }
    out.line(&format!(" 第二部分 {year}年部门预算公开表"));
    out.blank();
    for t in tables {
        table(out, t, department);
    }
}

fn table(out: &mut Out, t: &Table, department: &str) {
    if let Some(n) = t.number {
        out.line(&format!("表 {n}"));
        out.blank();
    }
    out.line(&t.title.value);
    out.blank();
    let dept = t.department.as_ref().map_or(department, |d| d.value.as_str());
    out.line(&format!("编制部门：{dept} 单位：{}", t.unit.label()));
    out.blank();
    let Some(s) = schema(&t.kind) else {
        // A kind the registry does not declare cannot be read back; its rows are still printed.
        for r in &t.rows {
            out.line(&row_line(r));
        }
        return;
    };
    if s.panels.len() == 2 {
        two_sided(out, t, s);
    } else {
        one_panel(out, t, s);
    }
    out.blank();
}

/// The labels left of the figures, by how rows are keyed.
fn label_headers(kind: RowKeyKind) -> (&'static str, usize) {
    match kind {
        RowKeyKind::FunctionCode => ("类 款 项 功能分类科目名称", 4),
        RowKeyKind::EconCode => ("类 款 经济分类科目名称", 3),
        RowKeyKind::FunctionCodeProject => ("类 款 项 功能分类科目名称 项目名称", 5),
        RowKeyKind::FunctionClass => ("支出功能分类", 1),
        RowKeyKind::Fixed | RowKeyKind::Named => ("项目", 1),
    }
}

fn column_headers(p: &Panel) -> Vec<&'static str> {
    p.columns.iter().filter_map(|c| c.header.last().copied()).collect()
}

fn one_panel(out: &mut Out, t: &Table, s: &TableSchema) {
    let Some(p) = s.panels.first() else { return };
    let (labels, marks) = label_headers(p.row_key);
    out.line(&format!("{labels} {}", column_headers(p).join(" ")));
    out.blank();
    let numbers: Vec<String> = (1..=p.columns.len()).map(|n| n.to_string()).collect();
    out.line(&format!("{} {}", vec!["※"; marks].join(" "), numbers.join(" ")));
    out.blank();
    if let Some(statement) = &t.empty_statement {
        out.line(&statement.value);
    }
    for r in &t.rows {
        out.line(&row_line(r));
        out.blank();
    }
}

/// Tables 1 and 4: a left (income) row and the right (spending) row printed after it share a
/// line, as the two halves of the printed page do.
fn two_sided(out: &mut Out, t: &Table, s: &TableSchema) {
    let (Some(left), Some(right)) = (s.panels.first(), s.panels.get(1)) else { return };
    let mut head = vec!["项目"];
    head.extend(column_headers(left));
    head.push(label_headers(right.row_key).0);
    head.extend(column_headers(right));
    out.line(&head.join(" "));
    out.blank();
    let mut rows = t.rows.iter().peekable();
    while let Some(r) = rows.next() {
        let mut line = row_line(r);
        if r.panel == 0 {
            if let Some(next) = rows.next_if(|n| n.panel == 1) {
                line.push(' ');
                line.push_str(&row_line(next));
            }
        }
        out.line(&line);
        out.blank();
    }
}

/// One row: code, name, project, values.
fn row_line(r: &Row) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(code) = &r.code {
        // The indent of the printed tables: deeper levels further right.
        let indent = match code.as_str().len() {
            5 => "  ",
            7 => "    ",
            _ => "",
        };
        parts.push(format!("{}{indent}", code.spaced()));
    }
    parts.push(r.name.value.clone());
    if let Some(p) = &r.project {
        parts.push(p.value.clone());
    }
    parts.extend(r.values.iter().map(|c| grouped(&c.value)));
    parts.join(" ")
}
