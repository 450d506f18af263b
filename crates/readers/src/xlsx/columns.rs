//! Which sheet column holds which of a table's declared columns: by the numbering row
//! (`※ 1 2 3`, `栏次 1 2 3`) when there is one, else by the header's labels (merged cells
//! spread over the columns they cover), compared with the labels the registry declares.

use super::grid::Grid;
use yusuan_model::registry::{fold_title, tables};
use yusuan_model::table::{Panel, TableSchema};

/// The numbering row: numbers 1, 2, 3 … in order, with only ※, 栏次 or dashes beside them.
pub fn is_numbering_row(grid: &Grid, row: u32) -> bool {
    let cells = grid.row_cells(row);
    let mut next = 1;
    let mut numbers = 0;
    for (_, t) in &cells {
        if let Ok(n) = t.parse::<u32>() {
            if n != next {
                return false;
            }
            next += 1;
            numbers += 1;
        } else if !matches!(*t, "※" | "栏次" | "-" | "—" | "行次") {
            return false;
        }
    }
    numbers > 0
}

/// A row that starts the body: a figure, or a long statement (an empty table's). A header has
/// neither (its numbering row is told apart before).
pub fn is_body_row(grid: &Grid, row: u32) -> bool {
    grid.row_cells(row).iter().any(|(c, t)| {
        grid.cell(row, *c).is_some_and(|x| x.number)
            || crate::text::tables::tokens::is_amount(t)
            || t.chars().count() > 25
    })
}

/// The header's label path of each sheet column: the texts shown down the header rows, folded,
/// repeats (a merge reaching down) once.
pub fn header_paths(grid: &Grid, header: std::ops::Range<u32>) -> Vec<Vec<String>> {
    (0..grid.columns() as u32)
        .map(|c| {
            let mut path: Vec<String> = Vec::new();
            for r in header.clone() {
                let t = fold_title(grid.shown(r, c));
                if !t.is_empty() && path.last() != Some(&t) {
                    path.push(t);
                }
            }
            path
        })
        .collect()
}

/// Whether a sheet column's path is the declared column's: the same last label, and every
/// declared label in order along the path.
fn path_matches(path: &[String], declared: &[&str]) -> bool {
    let (Some(last), Some(want)) = (path.last(), declared.last()) else { return false };
    if *last != fold_title(want) {
        return false;
    }
    let mut it = path.iter();
    declared.iter().all(|d| {
        let d = fold_title(d);
        it.any(|p| *p == d)
    })
}

/// The sheet column of each declared column, by header labels.
pub fn by_labels(paths: &[Vec<String>], panel: &Panel) -> Vec<Option<u32>> {
    let mut out: Vec<Option<u32>> = vec![None; panel.columns.len()];
    for (c, path) in paths.iter().enumerate() {
        let best = (0..panel.columns.len())
            .filter(|&j| out[j].is_none() && path_matches(path, panel.columns[j].header))
            .max_by_key(|&j| panel.columns[j].header.len());
        if let Some(j) = best {
            out[j] = Some(c as u32);
        }
    }
    out
}

/// The sheet column of each declared column, by the numbering row, when it numbers exactly
/// the declared columns.
pub fn by_numbering(grid: &Grid, row: u32, panel: &Panel) -> Option<Vec<Option<u32>>> {
    let numbered: Vec<(u32, usize)> =
        grid.row_cells(row).into_iter().filter_map(|(c, t)| Some((c, t.parse::<usize>().ok()?))).collect();
    if numbered.len() != panel.columns.len() {
        return None;
    }
    let mut out = vec![None; panel.columns.len()];
    for (c, n) in numbered {
        *out.get_mut(n.checked_sub(1)?)? = Some(c);
    }
    Some(out)
}

/// A table kind told by its header alone (a sheet named only `表3`): the one-panel kinds whose
/// every column the header labels; among several, the one the sheet's number or the header's
/// words name.
pub fn schema_by_header(
    grid: &Grid,
    header: std::ops::Range<u32>,
    number: Option<u32>,
) -> Option<&'static TableSchema> {
    let paths = header_paths(grid, header.clone());
    let full: Vec<&'static TableSchema> = tables()
        .iter()
        .copied()
        .filter(|s| s.panels.len() == 1)
        .filter(|s| by_labels(&paths, &s.panels[0]).iter().all(Option::is_some))
        .collect();
    let words: Vec<String> = paths.iter().flatten().filter(|w| w.chars().count() >= 4).cloned().collect();
    let named = |s: &TableSchema| {
        std::iter::once(s.title).chain(s.aliases.iter().copied()).any(|t| {
            let t = fold_title(t);
            words.iter().any(|w| t.starts_with(w.as_str()))
        })
    };
    let by_number = number
        .and_then(|n| tables().get((n as usize).checked_sub(1)?).copied())
        .filter(|s| full.iter().any(|f| f.kind == s.kind));
    by_number.or_else(|| full.iter().copied().find(|s| named(s))).or_else(|| {
        let most = full.iter().map(|s| s.panels[0].columns.len()).max()?;
        full.iter().copied().find(|s| s.panels[0].columns.len() == most)
    })
}
