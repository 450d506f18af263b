//! The grid a table prints on, shared by the HTML and XLSX renderers: which columns it has (the
//! label columns, then each panel's declared amount columns), their header paths with the bands
//! of the official templates, the printed lines (side-by-side panels share lines), where each
//! row's values go, and how deep a row sits. Each renderer only decides how to draw it.

// The header grid, the label columns and value placement are the printed form's (`sheet`); the
// workbook writer uses the same ones.
pub(crate) use crate::sheet::header;
pub(crate) use crate::sheet::layout as labels;
pub(crate) use crate::sheet::place;

use labels::{band, banded, label_columns, undeclared_labels, Label};
use yusuan_model::registry;
use yusuan_model::table::{Panel, Row, Table};

/// A panel's share of the grid: its label columns, then `amounts` amount columns.
pub(crate) struct PanelCols<'a> {
    /// The declaration, when the registry knows the table's kind.
    pub panel: Option<&'a Panel>,
    pub labels: Vec<Label>,
    pub amounts: usize,
}

impl PanelCols<'_> {
    pub(crate) fn width(&self) -> usize {
        self.labels.len() + self.amounts
    }
}

/// Every column of a table: the header path of each, and the panels they belong to, left to
/// right.
pub(crate) struct TableGrid<'a> {
    pub paths: Vec<Vec<String>>,
    pub panels: Vec<PanelCols<'a>>,
}

impl TableGrid<'_> {
    /// How many columns the grid has.
    pub(crate) fn width(&self) -> usize {
        self.paths.len()
    }

    /// The grid column of panel `p`'s first label column.
    pub(crate) fn panel_start(&self, p: usize) -> usize {
        self.panels.iter().take(p).map(PanelCols::width).sum()
    }

    /// The grid column of panel `p`'s first amount column.
    pub(crate) fn amount_start(&self, p: usize) -> usize {
        self.panel_start(p) + self.panels.get(p).map_or(0, |c| c.labels.len())
    }

    pub(crate) fn amount_columns(&self) -> usize {
        self.panels.iter().map(|p| p.amounts).sum()
    }
}

/// The columns of a table: from the registry when it declares the kind, else from the rows
/// (a code column if any row has a code, a project column if any has a project, one amount
/// column per printed value).
pub(crate) fn table_grid(t: &Table) -> TableGrid<'static> {
    let schema = registry::schema(&t.kind);
    let mut paths: Vec<Vec<String>> = Vec::new();
    let mut panels: Vec<PanelCols<'static>> = Vec::new();
    for p in 0..panel_count(t) {
        let panel = schema.and_then(|s| s.panels.get(p));
        let rows = || t.rows.iter().filter(move |r| r.panel as usize == p);
        let band = band(&t.kind, p);
        let labels = match panel {
            Some(panel) => label_columns(&t.kind, panel),
            None => undeclared_labels(rows().any(|r| r.code.is_some()), rows().any(|r| r.project.is_some())),
        };
        for l in &labels {
            paths.push(banded(&l.path, &[band.panel, band.labels]));
        }
        let amounts = match panel {
            Some(panel) => {
                for (i, c) in panel.columns.iter().enumerate() {
                    let over = band.amounts.filter(|(_, from)| i >= *from).map(|(b, _)| b);
                    paths.push(banded(c.header, &[band.panel, over]));
                }
                panel.columns.len()
            }
            None => {
                let n = rows().map(|r| r.values.len()).max().unwrap_or(0);
                for i in 1..=n {
                    let mut path: Vec<String> = band.panel.map(String::from).into_iter().collect();
                    path.push(i.to_string());
                    paths.push(path);
                }
                n
            }
        };
        panels.push(PanelCols { panel, labels: labels.iter().map(|l| l.label).collect(), amounts });
    }
    TableGrid { paths, panels }
}

/// How many panels a table prints: its declaration's, or more if rows say so.
pub(crate) fn panel_count(t: &Table) -> usize {
    registry::schema(&t.kind)
        .map_or(1, |s| s.panels.len())
        .max(t.rows.iter().map(|r| r.panel as usize + 1).max().unwrap_or(0))
}

/// The printed lines, as indices into `t.rows`, one entry per panel: one row per line for a
/// single panel; for side-by-side panels, each panel's rows line up from the top and their
/// closing totals share the last line.
pub(crate) fn lines(t: &Table, panel_count: usize) -> Vec<Vec<Option<usize>>> {
    if panel_count == 1 {
        return (0..t.rows.len()).map(|i| vec![Some(i)]).collect();
    }
    let side = |p: usize, closing: bool| -> Vec<usize> {
        t.rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.panel as usize == p && is_closing(r) == closing)
            .map(|(i, _)| i)
            .collect()
    };
    let mut out = Vec::new();
    for closing in [false, true] {
        let sides: Vec<Vec<usize>> = (0..panel_count).map(|p| side(p, closing)).collect();
        let height = sides.iter().map(Vec::len).max().unwrap_or(0);
        out.extend((0..height).map(|i| sides.iter().map(|s| s.get(i).copied()).collect::<Vec<_>>()));
    }
    out
}

/// The 收入总计 / 支出总计 lines that close a side-by-side table.
fn is_closing(r: &Row) -> bool {
    r.fixed.as_deref().is_some_and(|k| k.ends_with("_total"))
}

/// A total line (总计, 收入总计, 支出总计), printed in bold.
pub(crate) fn is_total(r: &Row) -> bool {
    r.fixed.as_deref().is_some_and(|k| k == "total" || k.ends_with("_total"))
}

/// The digits of one level of a code: level 0 is the 类 (3 digits), then 2 digits a level.
pub(crate) fn code_part(code: &str, level: usize) -> &str {
    let (from, to) = if level == 0 { (0, 3) } else { (1 + 2 * level, 3 + 2 * level) };
    code.get(from..to).unwrap_or("")
}
