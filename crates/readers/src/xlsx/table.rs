//! A table sheet rebuilt as the text reader reads a table: `表 N`, the title, the 编制部门 and
//! unit line, the header, a `※` line where the header ends, then one line per row: `| code |
//! name | v1 | … | vn |` with exactly the schema's value columns (blank cells kept, so every
//! figure stays in its column), or for the two-sided tables (收支总表) the row's cells in order.

use super::columns::{by_labels, by_numbering, header_paths, is_body_row, is_numbering_row};
use super::grid::Grid;
use super::rebuilt::{LineOut, Rebuilt};
use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_model::catalog::Code;
use yusuan_model::note::NoteKind;
use yusuan_model::origin::column_letters;
use yusuan_model::table::TableSchema;

/// Where a table sheet's parts are: its title row, and the rows of its header.
pub struct Layout {
    pub title_row: Option<u32>,
    /// First row after the title and the 编制部门 / unit lines.
    pub header_start: u32,
    /// The numbering row, when there is one.
    pub numbering: Option<u32>,
    /// First row of the body.
    pub body_start: u32,
}

fn is_meta(text: &str) -> bool {
    ["编制部门", "编制单位", "单位：", "单位:"].iter().any(|w| text.contains(w))
}

/// Most rows a header takes.
const HEADER_ROWS: u32 = 8;

/// The parts of a table sheet whose title (if any) is on `title_row`.
pub fn layout(grid: &Grid, title_row: Option<u32>) -> Layout {
    let rows = grid.rows() as u32;
    let mut r = title_row.map_or(0, |t| t + 1);
    while r < rows && (grid.is_blank_row(r) || grid.row_cells(r).iter().any(|(_, t)| is_meta(t))) {
        r += 1;
    }
    let header_start = r;
    // A numbering row ends the header; without one, the first row with a figure starts the body.
    let numbering = (r..rows.min(r + HEADER_ROWS)).find(|&n| is_numbering_row(grid, n));
    if let Some(n) = numbering {
        return Layout { title_row, header_start, numbering, body_start: n + 1 };
    }
    while r < rows && !is_body_row(grid, r) {
        r += 1;
    }
    Layout { title_row, header_start, numbering, body_start: r }
}

/// `表3` as a sheet name: 3.
pub fn sheet_number(name: &str) -> Option<u32> {
    let n = name.trim().strip_prefix('表')?.trim();
    (!n.is_empty() && n.len() <= 3).then(|| n.parse().ok()).flatten()
}

/// Rebuilds one table sheet into `out`.
pub fn rebuild(grid: &Grid, schema: &'static TableSchema, at: &Layout, out: &mut Rebuilt) {
    let sheet = grid.name.as_str();
    let first = at.title_row.unwrap_or(0);
    // `表3 部门支出总体情况表`: the number a sheet named `表3` gives, on the title line (a number
    // alone on a line before the first table would read as the overview's).
    let mut title = LineOut::new(sheet, first);
    if let Some(n) = sheet_number(sheet) {
        title.raw(&format!("表{n} "));
    }
    match at.title_row.and_then(|r| grid.row_cells(r).into_iter().next().map(|c| (r, c))) {
        Some((_, (col, text))) => title.cell(text, col),
        None => title.raw(schema.title),
    };
    out.push(title);
    let cents = !states_yuan(grid, first..at.header_start);
    for r in first..at.header_start {
        if Some(r) != at.title_row && !grid.is_blank_row(r) {
            out.push(meta_line(grid, r));
        }
    }
    for r in at.header_start..at.body_start {
        if !grid.is_blank_row(r) {
            let mut l = LineOut::new(sheet, r);
            l.spaced(grid.row_cells(r));
            out.push(l);
        }
    }
    let mut marker = LineOut::new(sheet, at.body_start.saturating_sub(1));
    marker.raw("※");
    out.push(marker);
    if schema.panels.len() != 1 {
        // The body's columns: when there are enough for a label and the declared values on each
        // side, a row with figures is written as `|` cells, every figure in its column.
        let body = at.body_start..grid.rows() as u32;
        let used: Vec<u32> = body.clone().flat_map(|r| grid.row_cells(r).into_iter().map(|(c, _)| c)).collect();
        let (first, last) = (used.iter().min().copied().unwrap_or(0), used.iter().max().copied().unwrap_or(0));
        let declared = schema.panels.iter().map(|p| p.columns.len() as u32).sum::<u32>() + 2;
        // Only income-beside-spending tables (declared rows on the left) read `|` cells.
        let fixed_left = schema.panels[0].row_key == yusuan_model::table::RowKeyKind::Fixed;
        let piped = fixed_left && !used.is_empty() && last - first + 1 >= declared;
        for r in body {
            if !grid.is_blank_row(r) {
                let mut l = LineOut::new(sheet, r);
                let cells: Vec<(u32, std::borrow::Cow<'_, str>)> =
                    grid.row_cells(r).into_iter().map(|(c, t)| (c, amount_text(grid, r, c, t, cents))).collect();
                let has_figure = cells.iter().any(|(_, t)| is_figure(t));
                if piped && has_figure {
                    l.raw("|");
                    for c in first..=last {
                        l.raw(" ");
                        if let Some((_, t)) = cells.iter().find(|(k, t)| *k == c && !t.is_empty()) {
                            l.cell(t, c);
                        }
                        l.raw(" |");
                    }
                } else {
                    l.spaced(cells.iter().filter(|(_, t)| !t.is_empty()).map(|(c, t)| (*c, t.as_ref())));
                }
                out.push(l);
            }
        }
        return;
    }
    let panel = &schema.panels[0];
    let header = at.header_start..at.numbering.unwrap_or(at.body_start);
    let mut columns = at.numbering.and_then(|n| by_numbering(grid, n, panel)).unwrap_or_default();
    if columns.is_empty() {
        columns = by_labels(&header_paths(grid, header), panel);
    }
    let labels_end = columns.iter().flatten().min().copied().unwrap_or(0);
    unmapped_figures(grid, at, &columns, labels_end, out);
    for r in at.body_start..grid.rows() as u32 {
        if !grid.is_blank_row(r) {
            out.push(body_line(grid, r, &columns, labels_end, cents));
        }
    }
}

/// The 编制部门 / unit line: its cells in order; a unit written `金额单位：万元` from `单位`.
fn meta_line(grid: &Grid, r: u32) -> LineOut {
    let mut l = LineOut::new(&grid.name, r);
    l.spaced(grid.row_cells(r).into_iter().map(|(c, t)| {
        let unit_at = t.find("单位：").or_else(|| t.find("单位:"));
        match unit_at {
            Some(i) if !t.contains("编制") => (c, &t[i..]),
            _ => (c, t),
        }
    }));
    l
}

/// Whether the lines above a table's header state its unit as 元 (`单位：元`, not 万元).
fn states_yuan(grid: &Grid, rows: std::ops::Range<u32>) -> bool {
    rows.flat_map(|r| grid.row_cells(r)).any(|(_, t)| {
        ["单位：", "单位:"].iter().any(|w| t.split(w).skip(1).any(|rest| rest.trim_start().starts_with('元')))
    })
}

/// A figure's text: a number stored as such with at least the two decimals tables of 万元
/// print when `cents` (`230` → `230.00`, only zeros added; a 元 table's whole figures stay whole:
/// nothing says they were rounded to the 分), a dash for nothing as blank.
fn amount_text<'a>(grid: &'a Grid, r: u32, c: u32, text: &'a str, cents: bool) -> std::borrow::Cow<'a, str> {
    if text.chars().all(|ch| matches!(ch, '-' | '—' | '－' | ' ')) {
        return "".into();
    }
    if !grid.cell(r, c).is_some_and(|x| x.number) {
        return text.into();
    }
    match Decimal::from_str(text) {
        Ok(mut d) if cents && d.scale() < 2 => {
            d.rescale(2);
            d.to_string().into()
        }
        // A whole number grouped as printed (`3,689,538`): seven bare digits would read as a
        // functional code.
        Ok(d) if d.scale() == 0 && text.len() > 3 => yusuan_model::money::grouped_decimal(text).into(),
        _ => text.into(),
    }
}

/// One body row: `| code | names | values |`, or its cells spaced when it has no figure (a
/// statement, a row of names only).
fn body_line(grid: &Grid, r: u32, columns: &[Option<u32>], labels_end: u32, cents: bool) -> LineOut {
    let mut l = LineOut::new(&grid.name, r);
    let labels: Vec<(u32, &str)> = grid.row_cells(r).into_iter().filter(|(c, _)| *c < labels_end).collect();
    let values: Vec<Option<(u32, std::borrow::Cow<'_, str>)>> =
        columns.iter().map(|c| c.map(|c| (c, amount_text(grid, r, c, grid.text(r, c), cents)))).collect();
    if values.iter().flatten().all(|(_, t)| t.is_empty()) {
        l.spaced(grid.row_cells(r));
        return l;
    }
    // Leading cells of digits that make a code (`208` `01` `02`, or `2080102`) form one cell.
    let digits = labels.iter().take_while(|(_, t)| t.chars().all(|c| c.is_ascii_digit() || c == ' ')).count();
    let code_cells = (1..=digits.min(3))
        .rev()
        .find(|&n| Code::parse(&labels[..n].iter().map(|(_, t)| *t).collect::<Vec<_>>().join("")).is_some())
        .unwrap_or(0);
    l.raw("|");
    if code_cells > 0 {
        l.raw(" ");
        for (i, (c, t)) in labels[..code_cells].iter().enumerate() {
            if i > 0 {
                l.raw(" ");
            }
            l.cell(t, *c);
        }
        l.raw(" |");
    }
    for (c, t) in &labels[code_cells..] {
        l.raw(" ").cell(t, *c).raw(" |");
    }
    for v in &values {
        match v {
            Some((c, t)) if !t.is_empty() => l.raw(" ").cell(t, *c).raw(" |"),
            _ => l.raw(" |"),
        };
    }
    l
}

/// A note for each column right of the labels that holds figures and no declared column.
fn unmapped_figures(grid: &Grid, at: &Layout, columns: &[Option<u32>], labels_end: u32, out: &mut Rebuilt) {
    let missing = columns.iter().filter(|c| c.is_none()).count();
    for c in labels_end..grid.columns() as u32 {
        if columns.contains(&Some(c)) {
            continue;
        }
        let figures = (at.body_start..grid.rows() as u32).any(|r| grid.cell(r, c).is_some_and(|x| x.number));
        if figures {
            let col = column_letters(c + 1);
            out.note(
                NoteKind::UnreadLine,
                None,
                format!("工作表「{}」第 {col} 列的数字无法对应到表的栏目（表头未识别的栏目 {missing} 个），未读入", grid.name),
                format!("sheet {}: the figures of column {col} match no declared column ({missing} column(s) of the header not recognised); not read", grid.name),
            );
        }
    }
}

/// A cell that is a figure (digits, separators, a sign), as table cells print them.
fn is_figure(t: &str) -> bool {
    crate::text::tables::tokens::is_amount(t)
}
