//! A sheet as a grid of cell texts: numbers as their exact decimal text, merged cells known, and
//! formulas whose file holds no result noted (never read as 0).

use calamine::{Data, Dimensions, Range};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Most rows and columns of a sheet read: a disclosure table is far smaller; more is noted.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 200;

/// One cell as read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellText {
    pub text: String,
    /// Stored as a number (not as text).
    pub number: bool,
}

/// A sheet's cells by 0-based (row, column) from A1.
#[derive(Clone, Debug, Default)]
pub struct Grid {
    pub name: String,
    cells: Vec<Vec<CellText>>,
    merges: Vec<Dimensions>,
    /// Cells (0-based row, column) holding a formula without a stored result.
    pub uncached: Vec<(u32, u32)>,
    /// Rows or columns beyond [`MAX_ROWS`] / [`MAX_COLUMNS`] were left out.
    pub truncated: bool,
    /// Cells holding an error value (`#DIV/0!`, `#REF!`): row, column, the error.
    pub errors: Vec<(u32, u32, String)>,
}

impl Grid {
    pub fn new(name: &str, values: &Range<Data>, formulas: Option<&Range<String>>, merges: Vec<Dimensions>) -> Grid {
        let mut g = Grid { name: name.to_string(), merges, ..Grid::default() };
        let (Some(start), Some(end)) = (values.start(), values.end()) else {
            g.note_uncached(formulas);
            return g;
        };
        let rows = (end.0 as usize + 1).min(MAX_ROWS);
        let cols = (end.1 as usize + 1).min(MAX_COLUMNS);
        g.truncated = end.0 as usize + 1 > MAX_ROWS || end.1 as usize + 1 > MAX_COLUMNS;
        g.cells = vec![vec![CellText::default(); cols]; rows];
        for (r, c, v) in values.used_cells() {
            let (row, col) = (start.0 as usize + r, start.1 as usize + c);
            if row >= rows || col >= cols {
                continue;
            }
            match cell_text(v) {
                Ok(cell) => g.cells[row][col] = cell,
                Err(e) => g.errors.push((row as u32, col as u32, e)),
            }
        }
        g.note_uncached(formulas);
        g
    }

    fn note_uncached(&mut self, formulas: Option<&Range<String>>) {
        let Some(f) = formulas else { return };
        let Some(start) = f.start() else { return };
        for (r, c, formula) in f.used_cells() {
            let (row, col) = (start.0 + r as u32, start.1 + c as u32);
            if !formula.trim().is_empty() && self.text(row, col).is_empty() && !self.is_error(row, col) {
                self.uncached.push((row, col));
            }
        }
    }

    fn is_error(&self, row: u32, col: u32) -> bool {
        self.errors.iter().any(|&(r, c, _)| r == row && c == col)
    }

    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn columns(&self) -> usize {
        self.cells.first().map_or(0, Vec::len)
    }

    pub fn cell(&self, row: u32, col: u32) -> Option<&CellText> {
        self.cells.get(row as usize)?.get(col as usize)
    }

    /// The cell's own text ("" for an empty cell or one covered by a merge).
    pub fn text(&self, row: u32, col: u32) -> &str {
        self.cell(row, col).map_or("", |c| c.text.as_str())
    }

    /// The text shown at a cell: a cell a merge covers shows its top-left cell's text.
    pub fn shown(&self, row: u32, col: u32) -> &str {
        match self.merges.iter().find(|m| m.start.0 <= row && row <= m.end.0 && m.start.1 <= col && col <= m.end.1) {
            Some(m) => self.text(m.start.0, m.start.1),
            None => self.text(row, col),
        }
    }

    /// The merge a cell heads or lies in.
    pub fn merge_at(&self, row: u32, col: u32) -> Option<&Dimensions> {
        self.merges.iter().find(|m| m.start.0 <= row && row <= m.end.0 && m.start.1 <= col && col <= m.end.1)
    }

    /// The non-empty cells of a row: column and text.
    pub fn row_cells(&self, row: u32) -> Vec<(u32, &str)> {
        let Some(cells) = self.cells.get(row as usize) else { return Vec::new() };
        cells.iter().enumerate().filter(|(_, c)| !c.text.is_empty()).map(|(i, c)| (i as u32, c.text.as_str())).collect()
    }

    pub fn is_blank_row(&self, row: u32) -> bool {
        self.cells.get(row as usize).is_none_or(|r| r.iter().all(|c| c.text.is_empty()))
    }
}

/// A cell's text. A number stored as a float is written as the shortest decimal that reads back
/// to the same float (what the writer typed: `1050.52`, not `1050.5199999999999`), parsed as a
/// decimal; no arithmetic is done on the float.
fn cell_text(v: &Data) -> Result<CellText, String> {
    let text = |s: String| Ok(CellText { text: s, number: false });
    match v {
        Data::Empty => Ok(CellText::default()),
        Data::String(s) => text(s.trim().replace(['\r', '\n'], " ").trim().to_string()),
        Data::Int(i) => Ok(CellText { text: i.to_string(), number: true }),
        Data::Float(f) => match float_text(*f) {
            Some(s) => Ok(CellText { text: s, number: true }),
            None => Err(format!("{f}")),
        },
        Data::Bool(b) => text(if *b { "TRUE".into() } else { "FALSE".into() }),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            text(format!("{y}年{m}月{day}日"))
        }
        Data::DateTime(d) => text(float_text(d.as_f64()).unwrap_or_default()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => text(s.clone()),
        Data::Error(e) => Err(format!("{e}")),
    }
}

/// The exact decimal text of a float as written (`None` for NaN, infinities and numbers beyond
/// what a decimal holds).
pub fn float_text(f: f64) -> Option<String> {
    if !f.is_finite() {
        return None;
    }
    let shortest = format!("{f}");
    Decimal::from_str(&shortest).ok().map(|d| if d.is_zero() { "0".to_string() } else { d.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_keep_the_decimal_they_were_written_from() {
        assert_eq!(float_text(1050.52).unwrap(), "1050.52");
        assert_eq!(float_text(0.1 + 0.2).unwrap(), "0.30000000000000004");
        assert_eq!(float_text(230.0).unwrap(), "230");
        assert_eq!(float_text(-3.5).unwrap(), "-3.5");
        assert_eq!(float_text(-0.0).unwrap(), "0");
        assert!(float_text(f64::NAN).is_none());
        assert!(float_text(1e300).is_none());
    }
}
