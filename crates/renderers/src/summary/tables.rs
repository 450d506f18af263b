//! Part 2, the tables: each as an aligned grid under its declared column headers. Extracted text
//! loses blank cells, so where a value stands comes from the row's assignment; a value whose
//! column the reader could not settle is shown apart, in an "unplaced" column, marked `?`.

use super::grid::{Align, Grid};
use super::{heading, lines, none};
use crate::Lang;
use yusuan_model::registry;
use yusuan_model::table::{Assignment, Panel, Row, Table};

/// Marks a value whose column more than one placement fits.
const AMBIGUOUS: &str = "?";
/// Marks a value placed although the row's figures do not add up.
const INCONSISTENT: &str = "!";

pub(super) fn render(out: &mut String, tables: &[Table], department: Option<&str>, lang: Lang) {
    heading(out, lang.pick("预算表", "Tables"));
    if tables.is_empty() {
        none(out, lang);
    }
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        table(out, t, department, lang);
    }
}

fn table(out: &mut String, t: &Table, department: Option<&str>, lang: Lang) {
    let number = t.number.map_or_else(
        || lang.pick("表 ?", "Table ?").to_string(),
        |n| match lang {
            Lang::Zh => format!("表 {n}"),
            Lang::En => format!("Table {n}"),
        },
    );
    out.push_str(&format!(
        "{number}  {}  [{}]  {}{}  {}\n",
        t.title.value,
        t.kind,
        lang.pick("单位：", "unit: "),
        t.unit.label(),
        lines(t.span, lang)
    ));
    // 编制部门 repeats the document's department on every table; shown only when it differs.
    if let Some(dep) = t.department.as_ref().filter(|d| Some(d.value.as_str()) != department) {
        out.push_str(&format!("  {}{}\n", lang.pick("编制部门：", "prepared by: "), dep.value));
    }
    if let Some(statement) = &t.empty_statement {
        out.push_str(&format!("  {}{}\n", lang.pick("空表：", "empty table: "), statement.value));
        return;
    }
    let schema = registry::schema(&t.kind);
    let panel_count =
        schema.map_or(1, |s| s.panels.len()).max(t.rows.iter().map(|r| r.panel as usize + 1).max().unwrap_or(0));
    let mut marks = Marks::default();
    for p in 0..panel_count {
        let panel = schema.and_then(|s| s.panels.get(p));
        let rows: Vec<&Row> = t.rows.iter().filter(|r| r.panel as usize == p).collect();
        if panel_count > 1 {
            let key = panel.map_or("?", |p| p.key);
            out.push_str(&format!("  [{}]\n", panel_label(key, lang)));
        }
        if rows.is_empty() {
            out.push_str("  ");
            none(out, lang);
            continue;
        }
        grid(t, panel, &rows, lang, &mut marks).render(out, "  ");
    }
    if marks.ambiguous {
        out.push_str(&format!(
            "  {AMBIGUOUS} {}\n",
            lang.pick(
                "栏目未定：多种放法都满足勾稽关系，见读取提示",
                "column undecided: more than one placement fits every identity; see the notes"
            )
        ));
    }
    if marks.inconsistent {
        out.push_str(&format!(
            "  {INCONSISTENT} {}\n",
            lang.pick(
                "数字不平：没有放法满足勾稽关系，按本行放置",
                "figures do not add up: no placement fits the identities; placed by the row alone"
            )
        ));
    }
}

fn panel_label(key: &str, lang: Lang) -> &str {
    match key {
        "income" => lang.pick("收入", "income"),
        "expenditure" => lang.pick("支出", "expenditure"),
        _ => key,
    }
}

/// Which markers a table used, to explain them once under it.
#[derive(Default)]
struct Marks {
    ambiguous: bool,
    inconsistent: bool,
}

fn grid(t: &Table, panel: Option<&Panel>, rows: &[&Row], lang: Lang, marks: &mut Marks) -> Grid {
    // Without a declaration the columns are unknown: values are shown in printed order.
    let labels = match panel {
        Some(p) => column_labels(p),
        None => (1..=rows.iter().map(|r| r.values.len()).max().unwrap_or(0)).map(|i| format!("#{i}")).collect(),
    };
    let placed: Vec<(Vec<String>, Vec<String>)> =
        rows.iter().map(|r| place(t, r, labels.len(), panel.is_some(), marks)).collect();
    let has_code = rows.iter().any(|r| r.code.is_some());
    let has_project = rows.iter().any(|r| r.project.is_some());
    let has_unplaced = placed.iter().any(|(_, u)| !u.is_empty());

    let mut columns = vec![(lang.pick("行", "line").to_string(), Align::Right)];
    if has_code {
        columns.push((lang.pick("编码", "code").to_string(), Align::Left));
    }
    columns.push((lang.pick("名称", "name").to_string(), Align::Left));
    if has_project {
        columns.push((lang.pick("项目", "project").to_string(), Align::Left));
    }
    columns.extend(labels.into_iter().map(|l| (l, Align::Right)));
    if has_unplaced {
        columns.push((lang.pick("未定栏目", "unplaced").to_string(), Align::Left));
    }
    let mut g = Grid::new(columns);
    for (row, (cells, unplaced)) in rows.iter().zip(placed) {
        let mut line = vec![row.span.line.to_string()];
        if has_code {
            line.push(row.code.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default());
        }
        line.push(format!("{}{}", "  ".repeat(t.depth(row)), row.name.value));
        if has_project {
            line.push(row.project.as_ref().map(|p| p.value.clone()).unwrap_or_default());
        }
        line.extend(cells);
        if has_unplaced {
            line.push(unplaced.join(" "));
        }
        g.push(line);
    }
    g
}

/// A column's label: the last level of its declared header, qualified by the outermost level
/// when the last level alone names more than one column (`财政拨款·合计`, `非财政拨款·合计`), and
/// by every level when even that is not enough.
fn column_labels(p: &Panel) -> Vec<String> {
    let last = |h: &[&str]| h.last().copied().unwrap_or_default().to_string();
    let outer_last = |h: &[&str]| match h {
        [first, .., last] => format!("{first}·{last}"),
        _ => last(h),
    };
    let full = |h: &[&str]| h.join("·");
    let unique = |f: &dyn Fn(&[&str]) -> String, h: &[&str]| {
        let mine = f(h);
        p.columns.iter().filter(|c| f(c.header) == mine).count() == 1
    };
    p.columns
        .iter()
        .map(|c| {
            if unique(&last, c.header) {
                last(c.header)
            } else if unique(&outer_last, c.header) {
                outer_last(c.header)
            } else {
                full(c.header)
            }
        })
        .collect()
}

/// The row's values in their columns, and those whose column is not settled (marked).
fn place(t: &Table, row: &Row, ncols: usize, declared: bool, marks: &mut Marks) -> (Vec<String>, Vec<String>) {
    let mut cells = vec![String::new(); ncols];
    let mut unplaced = Vec::new();
    let text = |i: usize| {
        let v = &row.values[i].value;
        // A cell in another unit than its table's is unexpected: say which unit it is in.
        if v.unit == t.unit {
            v.value.to_string()
        } else {
            v.to_string()
        }
    };
    for i in 0..row.values.len() {
        let (column, mark) = if !declared {
            (Some(i), "")
        } else {
            match &row.assignment {
                Assignment::Resolved { columns } => (columns.get(i).map(|&c| c as usize), ""),
                Assignment::Inconsistent { columns } => (columns.get(i).map(|&c| c as usize), INCONSISTENT),
                Assignment::Ambiguous { candidates } => (agreed(candidates, i, row.values.len()), ""),
            }
        };
        match column {
            Some(c) if c < ncols && cells[c].is_empty() => {
                marks.inconsistent |= !mark.is_empty();
                cells[c] = format!("{}{mark}", text(i));
            }
            _ => {
                marks.ambiguous = true;
                unplaced.push(format!("{}{AMBIGUOUS}", text(i)));
            }
        }
    }
    (cells, unplaced)
}

/// The column of value `i` when every candidate placement puts it in the same one.
fn agreed(candidates: &[Vec<u16>], i: usize, nvalues: usize) -> Option<usize> {
    let mut columns = candidates.iter().map(|c| if c.len() == nvalues { c.get(i).copied() } else { None });
    let first = columns.next().flatten()?;
    columns.all(|c| c == Some(first)).then_some(first as usize)
}
