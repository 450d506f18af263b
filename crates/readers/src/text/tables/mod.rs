//! The tables of a disclosure: rows read from text, values placed in their columns by the
//! tables' own identities and the identities between tables.

pub mod block;
pub mod final_rows;
pub mod layout;
pub mod solve;
pub mod tokens;
pub mod two_sided;

use crate::text::segment::TableBlock;
use crate::text::source::Line;
use block::{read_block, KnownNames, RawTable};
use rust_decimal::Decimal;
use solve::{solve, Bound, Placement, Problem};
use yusuan_model::catalog::{Catalog, Code};
use yusuan_model::cell_ref::{CellAt, RowKey};
use yusuan_model::identities::{all_identities, CellRef, Relation};
use yusuan_model::money::Interval;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::table::{Assignment, Panel, Row, RowKeyKind, Table};

/// A table being read: its rows and, per row, where its values stand so far.
struct Reading {
    raw: RawTable,
    placements: Vec<Placement>,
    parents: Vec<Option<usize>>,
}

/// Reads every table block.
pub fn read_tables(lines: &[Line], blocks: &[TableBlock], catalog: &Catalog) -> (Vec<Table>, Vec<ReadNote>) {
    let mut known = KnownNames::new();
    let mut readings: Vec<Reading> = Vec::new();
    for b in blocks {
        let (start, end) = b.range;
        let Some(block_lines) = lines.get(start..end) else { continue };
        if block_lines.is_empty() {
            continue;
        }
        let raw = read_block(block_lines, b.schema, b.number, &known, catalog);
        for r in &raw.rows {
            if let (Some(code), None) = (&r.code, &r.project) {
                if !r.name.value.is_empty() {
                    known.entry(code.clone()).or_insert_with(|| r.name.value.clone());
                }
            }
        }
        let parents = parents(&raw);
        readings.push(Reading { raw, placements: Vec::new(), parents });
    }
    // Place values: first each table alone, then again with what the others pin down, until
    // nothing changes.
    // In document order, each table with the bounds the tables before it already give (table 2
    // gets table 1's totals at once); then rounds for what later tables tell earlier ones.
    let inconsistent = |p: &[Placement]| p.iter().filter(|x| matches!(x, Placement::Inconsistent(_))).count();
    for i in 0..readings.len() {
        let bounds = cross_bounds(&readings, i);
        let mut placements = place(&readings[i], &bounds);
        // A slip between tables must not make a table that adds up on its own look broken.
        if !bounds.is_empty() && inconsistent(&placements) > 0 {
            let alone = place(&readings[i], &[]);
            if inconsistent(&alone) < inconsistent(&placements) {
                placements = alone;
            }
        }
        readings[i].placements = placements;
    }
    let mut last_bounds: Vec<Vec<(usize, usize, Bound)>> = vec![Vec::new(); readings.len()];
    for _round in 0..3 {
        let mut changed = false;
        for i in 0..readings.len() {
            // Only a table with something still open can gain from bounds, and only new ones.
            if readings[i].placements.iter().all(|p| matches!(p, Placement::Resolved(_))) {
                continue;
            }
            let bounds = cross_bounds(&readings, i);
            if bounds.is_empty() || bounds == last_bounds[i] {
                continue;
            }
            last_bounds[i] = bounds.clone();
            // Bounds every open row already meets in every placement cannot change anything.
            if !prunes(&readings[i], &bounds) {
                continue;
            }
            let hinted = place(&readings[i], &bounds);
            if inconsistent(&hinted) <= inconsistent(&readings[i].placements) && hinted != readings[i].placements {
                readings[i].placements = hinted;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut notes = Vec::new();
    let tables = readings.into_iter().map(|r| finish(r, &mut notes)).collect();
    (tables, notes)
}

/// Whether some bound rules out a placement some open row still has.
fn prunes(r: &Reading, bounds: &[(usize, usize, Bound)]) -> bool {
    bounds.iter().any(|&(row, col, bound)| {
        let values = match r.raw.rows.get(row) {
            Some(x) => &x.values,
            None => return false,
        };
        let cell = |cand: &[u16]| match cand.iter().position(|&c| c as usize == col) {
            Some(i) => values.get(i).map(|v| v.value.bounds()).unwrap_or(Interval::ZERO),
            None => Interval::ZERO,
        };
        match r.placements.get(row) {
            Some(Placement::Ambiguous(cands)) => cands.iter().any(|c| !bound.admits(cell(c))),
            _ => false,
        }
    })
}

/// The parent of each row: a 款 for a 项, a 类 for a 款, the total (or a unit) row for a 类; the
/// declared parent for declared rows.
fn parents(raw: &RawTable) -> Vec<Option<usize>> {
    let rows = &raw.rows;
    let dept = raw.department.as_ref().map(|d| yusuan_model::catalog::fold_name(&d.value));
    (0..rows.len())
        .map(|i| {
            let row = &rows[i];
            let panel = raw.schema.panels.get(row.panel as usize)?;
            let same_panel = |j: &usize| rows[*j].panel == row.panel;
            // The total row heads the panel, or closes it (支出总计 at the foot of table 1).
            // Final accounts sum their classes in 本年支出合计, above the carry-forward lines.
            let total = (0..rows.len())
                .filter(same_panel)
                .find(|&j| j != i && rows[j].fixed == Some("current_expenditure"))
                .or_else(|| {
                    (0..rows.len())
                        .filter(same_panel)
                        .find(|&j| j != i && rows[j].fixed.is_some_and(|k| k == "total" || k == "expenditure_total"))
                });
            if let Some(key) = row.fixed {
                let parent_key = panel.fixed_rows.iter().find(|f| f.key == key)?.parent?;
                return (0..rows.len()).filter(same_panel).find(|&j| rows[j].fixed == Some(parent_key));
            }
            let is_unit = |j: usize| {
                rows[j].code.is_none()
                    && rows[j].fixed.is_none()
                    && match panel.row_key {
                        RowKeyKind::Named => {
                            dept.as_deref() == Some(&yusuan_model::catalog::fold_name(&rows[j].name.value))
                        }
                        _ => true,
                    }
            };
            match &row.code {
                Some(code) => {
                    let ancestor = (0..i).rev().filter(same_panel).find(|&j| match &rows[j].code {
                        Some(c) => {
                            is_ancestor(c, code) || (c == code && row.project.is_some() && rows[j].project.is_none())
                        }
                        None => false,
                    });
                    ancestor.or_else(|| (0..i).rev().filter(same_panel).find(|&j| is_unit(j))).or(total)
                }
                None if is_unit(i) => total,
                None => (0..i).rev().filter(same_panel).find(|&j| is_unit(j)).or(total),
            }
        })
        .collect()
}

fn is_ancestor(a: &Code, b: &Code) -> bool {
    a.as_str().len() < b.as_str().len() && b.as_str().starts_with(a.as_str())
}

/// The placement problem of each panel, solved, with `bounds` as (row index, column, bound).
fn place(r: &Reading, bounds: &[(usize, usize, Bound)]) -> Vec<Placement> {
    let raw = &r.raw;
    let mut out: Vec<Placement> = vec![Placement::Resolved(Vec::new()); raw.rows.len()];
    for (p, panel) in raw.schema.panels.iter().enumerate() {
        let idx: Vec<usize> = (0..raw.rows.len()).filter(|&i| raw.rows[i].panel as usize == p).collect();
        let local = |i: usize| idx.iter().position(|&x| x == i);
        let problem = Problem {
            columns: panel.columns.len(),
            column_sums: panel.column_sums.iter().filter_map(|s| panel.sum_columns(s)).collect(),
            rows: idx.iter().map(|&i| raw.rows[i].values.iter().map(|c| c.value.bounds()).collect()).collect(),
            pinned: idx.iter().map(|&i| raw.rows[i].pinned.clone()).collect(),
            tree: tree_rules(r, panel, &idx),
            bounds: bounds.iter().filter_map(|&(row, col, b)| Some((local(row)?, col, b))).collect(),
        };
        let middles = raw.column_x.get(p).map(Vec::as_slice).unwrap_or(&[]);
        let first = solve(&problem);
        let placed: Vec<Placement> = first
            .iter()
            .enumerate()
            .map(|(k, pl)| by_position(pl.clone(), &raw.rows[idx[k]].value_x, middles))
            .collect();
        // Rows the header settled pin their columns, and the sums carry that to their parents
        // and children; unless that breaks what held before.
        let mut result = placed.clone();
        if placed != first {
            let mut pinned_problem = problem.clone();
            for (k, (a, b)) in first.iter().zip(&placed).enumerate() {
                if let (Placement::Ambiguous(_), Placement::Resolved(c)) = (a, b) {
                    pinned_problem.pinned[k] = Some(c.clone());
                }
            }
            let second: Vec<Placement> = solve(&pinned_problem)
                .into_iter()
                .enumerate()
                .map(|(k, pl)| by_position(pl, &raw.rows[idx[k]].value_x, middles))
                .collect();
            let broken = |v: &[Placement]| v.iter().filter(|x| matches!(x, Placement::Inconsistent(_))).count();
            if broken(&second) <= broken(&first) {
                result = second;
            }
        }
        for (k, placement) in result.into_iter().enumerate() {
            out[idx[k]] = placement;
        }
    }
    out
}

/// Settles an ambiguous placement by where the figures stand under the header: the placement
/// whose columns' header middles are nearest the figures' middles, when it is clearly nearer
/// than every other (by at least [`POSITION_MARGIN`] display columns in all). Without positions
/// for every figure and every candidate column, or without a clear winner, it stays ambiguous.
fn by_position(placement: Placement, value_x: &[usize], middles: &[Option<usize>]) -> Placement {
    let Placement::Ambiguous(candidates) = placement else { return placement };
    let cost = |cand: &[u16]| -> Option<usize> {
        if cand.len() != value_x.len() {
            return None;
        }
        cand.iter().zip(value_x).map(|(&c, &x)| middles.get(c as usize).copied().flatten().map(|m| m.abs_diff(x))).sum()
    };
    let mut costs: Vec<(usize, &Vec<u16>)> = Vec::new();
    for c in &candidates {
        match cost(c) {
            Some(v) => costs.push((v, c)),
            None => return Placement::Ambiguous(candidates),
        }
    }
    costs.sort_by_key(|(v, _)| *v);
    match costs.as_slice() {
        [(best, c), (second, _), ..] if second - best >= POSITION_MARGIN => Placement::Resolved((*c).clone()),
        _ => Placement::Ambiguous(candidates),
    }
}

/// How much nearer (in display columns, summed over a row's figures) the header must put one
/// placement than any other for the position to decide.
const POSITION_MARGIN: usize = 4;

/// `parent = Σ children` rules of one panel, in local row indices.
fn tree_rules(r: &Reading, panel: &Panel, idx: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let local = |i: usize| idx.iter().position(|&x| x == i);
    let rows = &r.raw.rows;
    if panel.row_key == RowKeyKind::Fixed {
        return panel
            .row_sums
            .iter()
            .filter_map(|s| {
                let find = |k: &str| idx.iter().copied().find(|&i| rows[i].fixed == Some(k)).and_then(local);
                let total = find(s.total)?;
                let parts: Option<Vec<usize>> = s.parts.iter().map(|k| find(k)).collect();
                Some((total, parts?))
            })
            .collect();
    }
    let mut rules: Vec<(usize, Vec<usize>)> = Vec::new();
    // Declared rows that sum other declared rows (总计 = 本年支出合计 + 年末结转和结余).
    for s in panel.row_sums {
        let find = |k: &str| idx.iter().copied().find(|&i| rows[i].fixed == Some(k)).and_then(local);
        let parts: Option<Vec<usize>> = s.parts.iter().map(|k| find(k)).collect();
        if let (Some(total), Some(parts)) = (find(s.total), parts) {
            rules.push((total, parts));
        }
    }
    for &i in idx {
        let Some(parent) = r.parents[i] else { continue };
        let (Some(li), Some(lp)) = (local(i), local(parent)) else { continue };
        match rules.iter_mut().find(|(p, _)| *p == lp) {
            Some((_, children)) => children.push(li),
            None => rules.push((lp, vec![li])),
        }
    }
    rules
}

/// The value of a cell of another table, when it is settled.
fn known_cell(readings: &[Reading], c: &CellRef) -> Option<Interval> {
    let r = readings.iter().find(|r| r.raw.schema.kind == c.table)?;
    let keys = r.raw.rows.iter().map(|row| RowKey {
        panel: row.panel,
        code: row.code.as_ref().map(|x| x.as_str()),
        fixed: row.fixed,
    });
    let all_read = || !r.raw.notes.iter().any(|n| n.kind == NoteKind::UnreadLine);
    let (row, col) = match c.locate(r.raw.schema, keys, r.raw.empty_statement.is_some(), all_read) {
        CellAt::Cell { row, col } => (row, col),
        CellAt::Zero => return Some(Interval::ZERO),
        CellAt::Unknown => return None,
    };
    let values = &r.raw.rows.get(row)?.values;
    let at = |cand: &[u16]| match cand.iter().position(|&x| x as usize == col) {
        Some(i) => values.get(i).map(|v| v.value.bounds()),
        None => Some(Interval::ZERO),
    };
    match r.placements.get(row)? {
        Placement::Resolved(c) => at(c),
        Placement::Ambiguous(cands) => {
            let first = at(cands.first()?)?;
            cands.iter().all(|c| at(c) == Some(first)).then_some(first)
        }
        Placement::Inconsistent(_) => None,
    }
}

/// Bounds on table `i`'s cells from the identities with the other tables.
fn cross_bounds(readings: &[Reading], i: usize) -> Vec<(usize, usize, Bound)> {
    let me = &readings[i].raw;
    let mut out = Vec::new();
    let locate = |c: &CellRef| -> Option<(usize, usize)> {
        if c.table != me.schema.kind {
            return None;
        }
        let p = me.schema.panels.iter().position(|p| p.key == c.panel)?;
        let col = me.schema.panels[p].column_index(c.column)?;
        let row = (0..me.rows.len()).find(|&k| {
            let r = &me.rows[k];
            r.panel as usize == p && (r.fixed == Some(c.row) || r.code.as_ref().is_some_and(|x| x.as_str() == c.row))
        })?;
        Some((row, col))
    };
    let sum = |cells: &mut dyn Iterator<Item = &CellRef>| -> Option<Interval> {
        let mut acc = Interval::ZERO;
        for c in cells {
            // Within one table only another panel helps (table 4's income side pins its spending
            // side); a panel's own identities are the solver's rules.
            if c.table == me.schema.kind && me.schema.panels.len() < 2 {
                return None;
            }
            acc = acc + known_cell(readings, c)?;
        }
        Some(acc)
    };
    for id in all_identities() {
        let all_known = |skip: Option<&CellRef>| -> Option<(Interval, Interval, Interval)> {
            let others = |cells: &'static [CellRef]| {
                let mut it = cells.iter().filter(|c| Some(*c) != skip);
                sum(&mut it)
            };
            let left = if skip == Some(&id.left) { Interval::ZERO } else { sum(&mut std::iter::once(&id.left))? };
            Some((left, others(id.right)?, others(id.minus)?))
        };
        if let Some((row, col)) = locate(&id.left) {
            if let Some((_, right, minus)) = all_known(Some(&id.left)) {
                let v = right - minus;
                out.push((
                    row,
                    col,
                    match id.relation {
                        Relation::Equal => Bound::Equal(v),
                        Relation::AtMost => Bound::AtMost(v.hi),
                    },
                ));
            }
        }
        if id.relation != Relation::Equal {
            continue;
        }
        for (part, sign) in id.right.iter().map(|c| (c, 1)).chain(id.minus.iter().map(|c| (c, -1))) {
            let Some((row, col)) = locate(part) else { continue };
            let Some((left, right, minus)) = all_known(Some(part)) else { continue };
            // left = right − minus, solved for the one part.
            let v = if sign > 0 { left - right + minus } else { right - minus - left };
            out.push((row, col, Bound::Equal(Interval { lo: v.lo.max(Decimal::ZERO).min(v.hi), hi: v.hi })));
        }
    }
    out
}

/// Says, for each value whose column is open, which columns it may stand in.
fn ambiguity_message(panel: &Panel, values: &[yusuan_model::table::Cell], candidates: &[Vec<u16>]) -> (String, String) {
    let mut zh = Vec::new();
    let mut en = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let mut cols: Vec<u16> = candidates.iter().filter_map(|c| c.get(i).copied()).collect();
        cols.sort_unstable();
        cols.dedup();
        if cols.len() < 2 {
            continue;
        }
        let names: Vec<&str> = cols
            .iter()
            .filter_map(|&c| panel.columns.get(c as usize))
            .map(|c| c.header.last().copied().unwrap_or(c.key))
            .collect();
        zh.push(format!("{} 可属于 {}", v.value.value, names.join("、")));
        en.push(format!("{} may stand in {}", v.value.value, names.join(", ")));
    }
    (
        format!("文本无法确定数值所在栏目（{} 种放法都满足勾稽关系）：{}", candidates.len(), zh.join("；")),
        format!(
            "the text cannot decide the columns ({} placements satisfy every identity): {}",
            candidates.len(),
            en.join("; ")
        ),
    )
}

fn finish(r: Reading, notes: &mut Vec<ReadNote>) -> Table {
    let raw = r.raw;
    notes.extend(raw.notes.iter().cloned());
    let title = raw.title.value.clone();
    let rows = raw
        .rows
        .into_iter()
        .zip(r.placements)
        .zip(r.parents)
        .map(|((row, placement), parent)| {
            let panel = raw.schema.panels.get(row.panel as usize);
            let assignment = match placement {
                Placement::Resolved(columns) => Assignment::Resolved { columns },
                Placement::Ambiguous(candidates) => {
                    if let Some(panel) = panel {
                        let (zh, en) = ambiguity_message(panel, &row.values, &candidates);
                        notes.push(ReadNote::new(
                            NoteKind::AmbiguousColumns,
                            Some(row.span),
                            format!("表“{title}”“{}”行：{zh}", row.name.value),
                            format!("table '{title}', row '{}': {en}", row.name.value),
                        ));
                    }
                    Assignment::Ambiguous { candidates }
                }
                Placement::Inconsistent(columns) => {
                    notes.push(ReadNote::new(
                        NoteKind::InconsistentColumns,
                        Some(row.span),
                        format!("表“{title}”“{}”行的数值无法满足表内勾稽关系", row.name.value),
                        format!(
                            "the values of row '{}' in table '{title}' fit none of the table's identities",
                            row.name.value
                        ),
                    ));
                    Assignment::Inconsistent { columns }
                }
            };
            Row {
                panel: row.panel,
                code: row.code,
                fixed: row.fixed.map(str::to_string),
                name: row.name,
                project: row.project,
                values: row.values,
                assignment,
                parent,
                span: row.span,
            }
        })
        .collect();
    Table {
        kind: raw.schema.kind.to_string(),
        number: raw.number,
        title: raw.title,
        department: raw.department,
        unit: raw.unit,
        rows,
        empty_statement: raw.empty_statement,
        span: raw.span,
    }
}
