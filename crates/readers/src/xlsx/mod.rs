//! Disclosures published as workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods), one table per sheet.
//! Each sheet is rebuilt as the text the text reader reads — a table as its title, unit line,
//! header and one `|` line per row with exactly the schema's value columns; prose sheets as
//! paragraphs — with a [`SourceMap`](yusuan_model::origin::SourceMap) from every line and
//! character back to its sheet and cell, so a finding points at `工作表「表3」C12`.

mod columns;
mod grid;
mod rebuilt;
mod table;
mod text;

pub use grid::float_text;
pub use rebuilt::Rebuilt;

use crate::open::{read_rebuilt, Format, OpenError, Opened};
use crate::text::segment::is_performance_title;
use calamine::{open_workbook_auto_from_rs, Data, Dimensions, Range, Reader, Sheets};
use grid::Grid;
use rebuilt::LineOut;
use std::io::Cursor;
use yusuan_model::note::NoteKind;
use yusuan_model::origin::column_letters;
use yusuan_model::registry::{fold_title, schema_by_title};
use yusuan_model::table::TableSchema;
use yusuan_model::Catalog;

/// Reads a disclosure from a workbook's bytes.
pub fn read_workbook(bytes: &[u8], catalog: &Catalog) -> Result<Opened, OpenError> {
    let rebuilt = rebuild(bytes)?;
    let notes = rebuilt.notes;
    let mut opened = read_rebuilt(Format::Workbook, rebuilt.lines, rebuilt.map, catalog)?;
    opened.disclosure.notes.extend(notes);
    Ok(opened)
}

fn damaged(detail: impl Into<String>) -> OpenError {
    OpenError::Damaged { format: Format::Workbook, detail: detail.into() }
}

/// The grids of every sheet, in order. The parser runs behind `catch_unwind`: a workbook that
/// makes it fail in any way is a damaged file, never a crash.
fn grids(bytes: &[u8]) -> Result<Vec<Grid>, OpenError> {
    let owned = bytes.to_vec();
    std::panic::catch_unwind(move || -> Result<Vec<Grid>, OpenError> {
        let mut book = open_workbook_auto_from_rs(Cursor::new(owned.as_slice())).map_err(|e| damaged(e.to_string()))?;
        let names = book.sheet_names();
        let mut out = Vec::new();
        for name in names {
            let values: Range<Data> = match book.worksheet_range(&name) {
                Ok(r) => r,
                // A chart sheet or a sheet the parser cannot read: an empty grid, noted below.
                Err(_) => Range::empty(),
            };
            let formulas = book.worksheet_formula(&name).ok();
            let merges = merges(&mut book, &name);
            out.push(Grid::new(&name, &values, formulas.as_ref(), merges));
        }
        Ok(out)
    })
    .unwrap_or_else(|_| Err(damaged("the workbook's structure is broken")))
}

fn merges<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x.worksheet_merge_cells(name).and_then(Result::ok).unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// What a sheet holds.
enum Kind {
    Table(&'static TableSchema, table::Layout),
    Performance,
    Glossary,
    Prose,
    Contents(text::Contents),
    Other,
}

/// The workbook rebuilt as text lines with their origins.
pub fn rebuild(bytes: &[u8]) -> Result<Rebuilt, OpenError> {
    let grids = grids(bytes)?;
    let mut out = Rebuilt::default();
    let mut closing: Vec<(usize, (u32, u32))> = Vec::new();
    for (i, g) in grids.iter().enumerate() {
        for &(r, c, ref e) in &g.errors {
            let cell = format!("{}{}", column_letters(c + 1), r + 1);
            out.note(
                NoteKind::UnreadLine,
                None,
                format!("工作表「{}」{cell} 为错误值 {e}，未读入", g.name),
                format!("sheet {}, cell {cell} holds the error {e}; not read", g.name),
            );
        }
        if g.truncated {
            out.note(
                NoteKind::UnreadLine,
                None,
                format!("工作表「{}」超过 {} 行或 {} 列，其余部分未读入", g.name, grid::MAX_ROWS, grid::MAX_COLUMNS),
                format!(
                    "sheet {} exceeds {} rows or {} columns; the rest is not read",
                    g.name,
                    grid::MAX_ROWS,
                    grid::MAX_COLUMNS
                ),
            );
        }
        let first_line = out.lines.len() as u32 + 1;
        match classify(g) {
            Kind::Table(schema, layout) => table::rebuild(g, schema, &layout, &mut out),
            Kind::Performance => text::performance(g, &mut out),
            Kind::Glossary => text::glossary(g, &mut out),
            Kind::Prose => text::prose(g, &mut out),
            Kind::Contents(c) => {
                if let Some(t) = c.title {
                    text::cell_line(g, t, &mut out);
                    out.blank(&g.name, t.0);
                }
                if let Some(h) = c.heading {
                    text::cell_line(g, h, &mut out);
                    out.blank(&g.name, h.0);
                }
                closing.extend(c.department.into_iter().chain(c.date).map(|at| (i, at)));
            }
            Kind::Other => {
                if g.rows() > 0 {
                    out.note(
                        NoteKind::UnreadLine,
                        None,
                        format!("工作表「{}」既不是公开表格也不是说明文字，已跳过", g.name),
                        format!("sheet {} is neither a disclosure table nor its text; skipped", g.name),
                    );
                }
            }
        }
        uncached(g, first_line, &mut out);
        out.blank(&g.name, g.rows() as u32);
    }
    // The department and the date close the text, as they close a printed disclosure.
    for (i, at) in closing {
        text::cell_line(&grids[i], at, &mut out);
    }
    Ok(out)
}

/// A note for each formula whose file holds no result: its figure is unknown, not 0.
fn uncached(g: &Grid, first_line: u32, out: &mut Rebuilt) {
    for &(r, c) in &g.uncached {
        let cell = format!("{}{}", column_letters(c + 1), r + 1);
        let line = (first_line..=out.lines.len() as u32).find(|&l| {
            matches!(&out.map.lines[l as usize - 1].place, yusuan_model::origin::Place::Sheet { row, .. } if *row == r + 1)
        });
        out.note(
            NoteKind::MissingField,
            line,
            format!("工作表「{}」{cell} 的公式没有保存计算结果，其数值未读入（请在 Excel 中重新计算并保存）", g.name),
            format!("sheet {}, cell {cell}: the formula has no saved result, so its figure is not read (recalculate and save in Excel)", g.name),
        );
    }
}

/// Rows searched for a title.
const TITLE_ROWS: u32 = 6;

fn classify(g: &Grid) -> Kind {
    if let Some(c) = text::contents(g) {
        return Kind::Contents(c);
    }
    let firsts: Vec<(u32, &str)> = (0..TITLE_ROWS.min(g.rows() as u32))
        .flat_map(|r| g.row_cells(r).into_iter().map(move |(_, t)| (r, t)))
        .collect();
    if firsts.iter().any(|(_, t)| is_performance_title(t)) {
        return Kind::Performance;
    }
    if text::is_glossary_grid(g) {
        return Kind::Glossary;
    }
    let part_heading = firsts.first().is_some_and(|(_, t)| t.starts_with('第') && t.contains("部分"));
    if !part_heading {
        let titled = firsts.iter().find_map(|&(r, t)| {
            let f = fold_title(t);
            (f.chars().count() <= 40 && !f.ends_with('。')).then(|| schema_by_title(&f)).flatten().map(|s| (r, s))
        });
        if let Some((r, s)) = titled {
            return Kind::Table(s, table::layout(g, Some(r)));
        }
        if let Some(s) = schema_by_title(&fold_title(&g.name)) {
            return Kind::Table(s, table::layout(g, None));
        }
        let layout = table::layout(g, None);
        let header = layout.header_start..layout.numbering.unwrap_or(layout.body_start);
        if let Some(s) = columns::schema_by_header(g, header, table::sheet_number(&g.name)) {
            return Kind::Table(s, layout);
        }
    }
    let prose = (0..g.rows() as u32).any(|r| g.row_cells(r).iter().any(|(_, t)| t.chars().count() >= 12));
    if prose || part_heading {
        Kind::Prose
    } else {
        Kind::Other
    }
}

/// A line of text for a sheet's row, for tests and tools that rebuild by hand.
pub fn line(sheet: &str, row: u32) -> LineOut {
    LineOut::new(sheet, row)
}
