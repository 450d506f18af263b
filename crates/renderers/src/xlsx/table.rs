//! One table on one sheet: the title merged across the width, `编制部门：… 单位：万元`, the
//! official merged header, the `※ 1 2 3…` numbering row, then the rows with the code split into
//! 类/款/项, the name indented by level, amounts as numbers and totals as live formulas.

use super::{cell_number, in_unit, lines_needed, text_width, Formats, LINE_HEIGHT};
use crate::layout::header::head_rows;
use crate::layout::labels::Label;
use crate::layout::place::{place, Slot};
use crate::layout::{code_part, is_total, lines, table_grid, TableGrid};
use rust_decimal::Decimal;
use rust_xlsxwriter::utility::row_col_to_cell;
use rust_xlsxwriter::{ColNum, Formula, Note, RowNum, Worksheet, XlsxError};
use std::collections::{BTreeMap, BTreeSet};
use yusuan_model::table::{Panel, Table};

/// Tables with this many amount columns or more are set landscape.
const WIDE: usize = 9;

/// What a cell of the model holds, for the formulas: a settled value, a settled blank, or a
/// value whose column is not settled or whose row does not add up (never summed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Blank,
    Value(Decimal),
    Unknown,
}

/// A model cell: the row's index in `Table::rows` and the amount column in its panel.
type At = (usize, usize);

/// How a value cell is written.
enum Written {
    /// `=SUM(refs)`, cached as the value.
    Formula(Vec<At>, Decimal),
    /// The value; `sums` are the sums of parts that did not match it, for a note.
    Constant(Decimal, Vec<Decimal>),
}

pub(super) fn sheet(ws: &mut Worksheet, t: &Table, department: Option<&str>, f: &Formats) -> Result<(), XlsxError> {
    let grid = table_grid(t);
    let width = grid.width().max(2);
    let last = (width - 1) as ColNum;
    let widths = column_widths(t, &grid);
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as ColNum, *w)?;
    }
    if grid.amount_columns() >= WIDE {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);

    ws.merge_range(0, 0, 0, last, &t.title.value, &f.title)?;
    ws.set_row_height(0, 30)?;
    let dep = t.department.as_ref().map(|d| d.value.as_str()).or(department).unwrap_or("");
    ws.merge_range(1, 0, 1, last - 1, &format!("编制部门：{dep}"), &f.meta)?;
    ws.write_string_with_format(1, last, format!("单位：{}", t.unit.label()), &f.meta_right)?;

    let mut row: RowNum = 2;
    row = header(ws, &grid, &widths, row, f)?;
    if grid.panels.len() == 1 {
        numbering(ws, &grid, row, f)?;
        row += 1;
    }
    ws.set_repeat_rows(2, row - 1)?;
    ws.set_freeze_panes(row, 0)?;

    if let Some(statement) = &t.empty_statement {
        ws.merge_range(row, 0, row, last, &statement.value, &f.statement)?;
        let lines = lines_needed(&statement.value, widths.iter().sum());
        ws.set_row_height(row, LINE_HEIGHT * lines as f64 + 6.0)?;
        return Ok(());
    }

    let body = body(t, &grid, row);
    let mut marks = Marks::default();
    for (k, line) in body.lines.iter().enumerate() {
        let r = row + k as RowNum;
        for (p, cols) in grid.panels.iter().enumerate() {
            let start = grid.panel_start(p) as ColNum;
            let Some(i) = line.get(p).copied().flatten() else {
                for c in 0..cols.width() {
                    ws.write_blank(r, start + c as ColNum, &f.text)?;
                }
                continue;
            };
            let Some(model_row) = t.rows.get(i) else { continue };
            let total = is_total(model_row);
            for (c, label) in cols.labels.iter().enumerate() {
                let col = start + c as ColNum;
                let code = model_row.code.as_ref().map(|c| c.as_str()).unwrap_or("");
                match label {
                    Label::CodePart(level) => ws.write_string_with_format(r, col, code_part(code, *level), &f.code)?,
                    Label::Code => ws.write_string_with_format(r, col, code, &f.code)?,
                    Label::Name => {
                        let format = f.name(t.depth(model_row), total);
                        ws.write_string_with_format(r, col, &model_row.name.value, &format)?
                    }
                    Label::Project => ws.write_string_with_format(
                        r,
                        col,
                        model_row.project.as_ref().map_or("", |p| p.value.as_str()),
                        &f.text,
                    )?,
                };
            }
            let amount_start = grid.amount_start(p);
            for (c, slot) in body.slots[i].iter().enumerate() {
                let col = (amount_start + c) as ColNum;
                let number = if total { &f.number_total } else { &f.number };
                match slot {
                    Slot::Blank => {
                        ws.write_blank(r, col, number)?;
                    }
                    Slot::Value { inconsistent: true, cell } => {
                        marks.inconsistent = true;
                        let v = in_unit(&cell.value, t.unit);
                        ws.write_number_with_format(r, col, cell_number(v), &f.number_marked)?;
                    }
                    Slot::Value { .. } => match body.written.get(&(i, c)) {
                        Some(Written::Formula(refs, v)) => {
                            let cells: Vec<(RowNum, ColNum)> = refs.iter().filter_map(|&at| body.cell(at)).collect();
                            let formula = sum_formula(&cells);
                            ws.write_formula_with_format(
                                r,
                                col,
                                Formula::new(formula).set_result(v.to_string()),
                                number,
                            )?;
                        }
                        Some(Written::Constant(v, sums)) => {
                            ws.write_number_with_format(r, col, cell_number(*v), number)?;
                            if let Some(note) = mismatch_note(*v, sums) {
                                ws.insert_note(r, col, &Note::new(note).add_author_prefix(false))?;
                            }
                        }
                        None => {}
                    },
                    Slot::Unplaced { span, cells } => {
                        marks.ambiguous = true;
                        let values: Vec<String> = cells.iter().map(|c| in_unit(&c.value, t.unit).to_string()).collect();
                        let text = format!("{} ?", values.join(" "));
                        if *span > 1 {
                            ws.merge_range(r, col, r, col + *span as ColNum - 1, &text, &f.unplaced)?;
                        } else {
                            ws.write_string_with_format(r, col, &text, &f.unplaced)?;
                        }
                    }
                    Slot::Covered => {}
                }
            }
        }
        let height = line
            .iter()
            .enumerate()
            .filter_map(|(p, i)| {
                let model_row = t.rows.get((*i)?)?;
                let start = grid.panel_start(p);
                let cols = grid.panels.get(p)?;
                let name_col = cols.labels.iter().position(|l| *l == Label::Name)?;
                let w = widths.get(start + name_col).copied().unwrap_or(20.0);
                let indent = 2 * t.depth(model_row).min(super::MAX_INDENT);
                Some(lines_needed(&format!("{}{}", " ".repeat(indent), model_row.name.value), w))
            })
            .max()
            .unwrap_or(1);
        if height > 1 {
            ws.set_row_height(r, LINE_HEIGHT * height as f64 + 3.0)?;
        }
    }

    let mut r = row + body.lines.len() as RowNum;
    for (on, text) in [
        (marks.ambiguous, "? 栏目未定：原文无法确定这些数值所在的栏目（多种放法都满足表内勾稽关系），按原文顺序列在其可能所在的栏目范围内。"),
        (marks.inconsistent, "! 数字不平：本行数字不满足表内勾稽关系，按本行数字放置。"),
    ] {
        if on {
            ws.merge_range(r, 0, r, last, text, &f.note)?;
            ws.set_row_height(r, LINE_HEIGHT * lines_needed(text, widths.iter().sum()) as f64)?;
            r += 1;
        }
    }
    Ok(())
}

/// Which markers a table used, to explain each once under it.
#[derive(Default)]
struct Marks {
    ambiguous: bool,
    inconsistent: bool,
}

/// The header rows from `row` on, merged as the official template prints them; returns the row
/// after them.
fn header(
    ws: &mut Worksheet,
    grid: &TableGrid<'_>,
    widths: &[f64],
    row: RowNum,
    f: &Formats,
) -> Result<RowNum, XlsxError> {
    let rows = head_rows(&grid.paths);
    // The level down to which each column is taken by a cell above that reaches down.
    let mut taken = vec![0usize; grid.width()];
    let mut heights = vec![1usize; rows.len()];
    for (level, cells) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in cells {
            while taken.get(col).is_some_and(|&t| t > level) {
                col += 1;
            }
            let (r0, c0) = (row + level as RowNum, col as ColNum);
            let (r1, c1) = (r0 + cell.rowspan as RowNum - 1, c0 + cell.colspan as ColNum - 1);
            if r1 > r0 || c1 > c0 {
                ws.merge_range(r0, c0, r1, c1, &cell.text, &f.head)?;
            } else {
                ws.write_string_with_format(r0, c0, &cell.text, &f.head)?;
            }
            for t in taken.iter_mut().skip(col).take(cell.colspan) {
                *t = level + cell.rowspan;
            }
            if cell.rowspan == 1 {
                let w: f64 = widths.iter().skip(col).take(cell.colspan).sum();
                if let Some(h) = heights.get_mut(level) {
                    *h = (*h).max(lines_needed(&cell.text, w));
                }
            }
            col += cell.colspan;
        }
    }
    for (level, h) in heights.iter().enumerate() {
        ws.set_row_height(row + level as RowNum, LINE_HEIGHT * *h as f64 + 6.0)?;
    }
    Ok(row + rows.len() as RowNum)
}

/// `※` over every label column, then the amount columns numbered from 1.
fn numbering(ws: &mut Worksheet, grid: &TableGrid<'_>, row: RowNum, f: &Formats) -> Result<(), XlsxError> {
    let mut col: ColNum = 0;
    let mut n = 0;
    for p in &grid.panels {
        for _ in &p.labels {
            ws.write_string_with_format(row, col, "※", &f.numbering)?;
            col += 1;
        }
        for _ in 0..p.amounts {
            n += 1;
            ws.write_number_with_format(row, col, n as f64, &f.numbering)?;
            col += 1;
        }
    }
    Ok(())
}

/// Column widths in Excel's units (a CJK character is two): codes narrow, names as wide as the
/// longest (within bounds), amounts as wide as their figures and a share of their header.
fn column_widths(t: &Table, grid: &TableGrid<'_>) -> Vec<f64> {
    let mut widths = Vec::with_capacity(grid.width());
    for (p, cols) in grid.panels.iter().enumerate() {
        let rows = || t.rows.iter().filter(move |r| r.panel as usize == p);
        for label in &cols.labels {
            let w = match label {
                Label::CodePart(0) => 6,
                Label::CodePart(_) => 5,
                Label::Code => 9,
                Label::Name => {
                    rows().map(|r| text_width(&r.name.value) + 2 * t.depth(r).min(super::MAX_INDENT)).max().unwrap_or(0)
                        + 2
                }
                Label::Project => {
                    rows().filter_map(|r| r.project.as_ref()).map(|s| text_width(&s.value)).max().unwrap_or(0) + 2
                }
            };
            let (lo, hi) = match label {
                Label::Name => (20, 48),
                Label::Project => (20, 40),
                _ => (0, usize::MAX),
            };
            widths.push(w.clamp(lo, hi) as f64);
        }
        let start = grid.amount_start(p);
        for c in 0..cols.amounts {
            let leaf = grid.paths.get(start + c).and_then(|p| p.last()).map_or(0, |s| text_width(s));
            let figures = rows()
                .flat_map(|r| r.values.iter())
                .map(|v| in_unit(&v.value, t.unit).to_string().len() + 4)
                .max()
                .unwrap_or(0);
            widths.push((leaf / 2 + 3).clamp(12, 18).max(figures) as f64);
        }
    }
    while widths.len() < 2 {
        widths.push(12.0);
    }
    widths
}

/// The lines of a table, each row's slots, and how each settled value is written.
struct Body<'a> {
    lines: Vec<Vec<Option<usize>>>,
    /// Per row of `Table::rows`, its amount slots.
    slots: Vec<Vec<Slot<'a>>>,
    written: BTreeMap<At, Written>,
    /// Each model cell's place on the sheet.
    place: Vec<Option<(RowNum, ColNum)>>,
}

impl Body<'_> {
    fn cell(&self, (i, c): At) -> Option<(RowNum, ColNum)> {
        self.place.get(i).copied().flatten().map(|(r, start)| (r, start + c as ColNum))
    }
}

fn body<'a>(t: &'a Table, grid: &TableGrid<'_>, first: RowNum) -> Body<'a> {
    let lines = lines(t, grid.panels.len());
    let mut place_of = vec![None; t.rows.len()];
    for (k, line) in lines.iter().enumerate() {
        for (p, i) in line.iter().enumerate() {
            if let Some(slot) = i.and_then(|i| place_of.get_mut(i)) {
                *slot = Some((first + k as RowNum, grid.amount_start(p) as ColNum));
            }
        }
    }
    let slots: Vec<Vec<Slot<'a>>> = t
        .rows
        .iter()
        .map(|r| match grid.panels.get(r.panel as usize) {
            Some(cols) => place(r, cols.amounts, cols.panel.is_some()),
            None => Vec::new(),
        })
        .collect();
    let known = |(i, c): At| -> Known {
        match slots.get(i).and_then(|s| s.get(c)) {
            Some(Slot::Blank) => Known::Blank,
            Some(Slot::Value { cell, inconsistent: false }) => Known::Value(in_unit(&cell.value, t.unit)),
            _ => Known::Unknown,
        }
    };
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); t.rows.len()];
    for (i, r) in t.rows.iter().enumerate() {
        if let Some(list) = r.parent.filter(|&p| p != i).and_then(|p| children.get_mut(p)) {
            list.push(i);
        }
    }

    let mut written = BTreeMap::new();
    for (i, row) in t.rows.iter().enumerate() {
        let panel: Option<&Panel> = grid.panels.get(row.panel as usize).and_then(|p| p.panel);
        let row_parts = row_parts(t, i, panel).filter(|p| !p.is_empty()).or_else(|| Some(children[i].clone()));
        for c in 0..slots[i].len() {
            let Known::Value(v) = known((i, c)) else { continue };
            // The row's own part columns first (合计 = 基本支出 + 项目支出), then its part rows.
            let mut candidates: Vec<Vec<At>> = Vec::new();
            for rule in panel.map_or(&[][..], |p| p.column_sums) {
                if let Some((total, parts)) = panel.and_then(|p| p.sum_columns(rule)) {
                    if total == c {
                        candidates.push(parts.iter().map(|&p| (i, p)).collect());
                    }
                }
            }
            if let Some(rows) = row_parts.as_ref().filter(|r| !r.is_empty()) {
                candidates.push(rows.iter().map(|&r| (r, c)).collect());
            }
            let mut sums = Vec::new();
            let mut chosen = None;
            for parts in candidates {
                let values: Vec<Known> = parts.iter().map(|&at| known(at)).collect();
                if values.contains(&Known::Unknown) {
                    continue;
                }
                let sum: Decimal =
                    values.iter().filter_map(|k| if let Known::Value(v) = k { Some(*v) } else { None }).sum();
                if sum == v {
                    chosen = Some(parts);
                    break;
                }
                if values.iter().any(|k| matches!(k, Known::Value(_))) && !sums.contains(&sum) {
                    sums.push(sum);
                }
            }
            let w = match chosen {
                Some(parts) => Written::Formula(parts, v),
                None => Written::Constant(v, sums),
            };
            written.insert((i, c), w);
        }
    }
    settle_order(&mut written);
    Body { lines, slots, written, place: place_of }
}

/// The declared parts of a summary line (table 1's 本年收入 = 一般公共预算拨款 + …), as row
/// indices in its panel; `None` when the row is no declared total. A declared part the table
/// does not print is zero and is left out.
fn row_parts(t: &Table, i: usize, panel: Option<&Panel>) -> Option<Vec<usize>> {
    let row = t.rows.get(i)?;
    let key = row.fixed.as_deref()?;
    let rule = panel?.row_sums.iter().find(|r| r.total == key)?;
    Some(
        rule.parts
            .iter()
            .filter_map(|k| t.rows.iter().position(|r| r.panel == row.panel && r.fixed.as_deref() == Some(k)))
            .collect(),
    )
}

/// Formulas that would reach themselves (a malformed parent chain) become constants: a formula
/// stays only when every formula it refers to does.
fn settle_order(written: &mut BTreeMap<At, Written>) {
    let mut pending: BTreeSet<At> =
        written.iter().filter(|(_, w)| matches!(w, Written::Formula(..))).map(|(at, _)| *at).collect();
    loop {
        let ready: Vec<At> = pending
            .iter()
            .filter(|at| match written.get(at) {
                Some(Written::Formula(refs, _)) => refs.iter().all(|r| !pending.contains(r)),
                _ => true,
            })
            .copied()
            .collect();
        if ready.is_empty() {
            break;
        }
        for at in ready {
            pending.remove(&at);
        }
    }
    for at in pending {
        if let Some(w) = written.get_mut(&at) {
            if let Written::Formula(_, v) = w {
                *w = Written::Constant(*v, Vec::new());
            }
        }
    }
}

/// `SUM(D5,D7:D9)`: the cells, runs of neighbours in one column (or, when they all stand in one
/// row, in that row) as ranges.
fn sum_formula(cells: &[(RowNum, ColNum)]) -> String {
    let one_row = cells.windows(2).all(|w| w[0].0 == w[1].0);
    let mut sorted = cells.to_vec();
    if one_row {
        sorted.sort_by_key(|&(r, c)| (r, c));
    } else {
        sorted.sort_by_key(|&(r, c)| (c, r));
    }
    sorted.dedup();
    let mut runs: Vec<((RowNum, ColNum), (RowNum, ColNum))> = Vec::new();
    for cell in sorted {
        match runs.last_mut() {
            Some((_, end)) if one_row && end.0 == cell.0 && end.1 + 1 == cell.1 => *end = cell,
            Some((_, end)) if !one_row && end.1 == cell.1 && end.0 + 1 == cell.0 => *end = cell,
            _ => runs.push((cell, cell)),
        }
    }
    let refs: Vec<String> = runs
        .iter()
        .map(|(a, b)| {
            if a == b {
                row_col_to_cell(a.0, a.1)
            } else {
                format!("{}:{}", row_col_to_cell(a.0, a.1), row_col_to_cell(b.0, b.1))
            }
        })
        .collect();
    format!("=SUM({})", refs.join(","))
}

/// The note on a figure its parts do not add up to.
fn mismatch_note(v: Decimal, sums: &[Decimal]) -> Option<String> {
    if sums.is_empty() {
        return None;
    }
    let said: Vec<String> = sums.iter().map(|s| format!("各项之和为 {s}，相差 {}", v - s)).collect();
    Some(format!("{}。按原数列示。", said.join("；")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_take_runs_as_ranges() {
        assert_eq!(sum_formula(&[(4, 3), (6, 3), (7, 3), (8, 3)]), "=SUM(D5,D7:D9)");
        assert_eq!(sum_formula(&[(4, 5), (4, 6), (4, 9)]), "=SUM(F5:G5,J5)");
        assert_eq!(sum_formula(&[(4, 1)]), "=SUM(B5)");
    }

    #[test]
    fn notes_say_the_sum() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            mismatch_note(d("1050.52"), &[d("1050.51")]).as_deref(),
            Some("各项之和为 1050.51，相差 0.01。按原数列示。")
        );
        assert_eq!(mismatch_note(d("1"), &[]), None);
    }
}
