//! Pages into text lines the text reader reads, each mapped back to its page and boxes. Text
//! outside ruled tables is laid out as `pdftotext -layout` would (runs at their x position);
//! a ruled table's row becomes one line, and when its last cells fit the table's declared value
//! columns it is written as `|` cells, so each figure is pinned to the column it is drawn in.

use super::glyphs::{Glyph, GlyphSource, PageContent};
use super::grid::{bands, cell_texts, Band, CellText};
use super::lines::{lines, TextLine};
use crate::text::tables::tokens::is_amount;
use unicode_width::UnicodeWidthStr;
use yusuan_model::origin::{At, LineOrigin, PageBox, Piece, Place, SourceMap};
use yusuan_model::registry::schema_by_title;
use yusuan_model::table::{RowKeyKind, TableSchema};

/// The text rebuilt from a PDF.
#[derive(Clone, Debug, Default)]
pub struct Rebuilt {
    pub lines: Vec<String>,
    pub map: SourceMap,
    /// Pages with no text but images (a scan), and pages in all.
    pub image_pages: usize,
    pub pages: usize,
    /// Glyphs read in all.
    pub glyphs: usize,
    /// Pages the library could not read, with why.
    pub failed_pages: Vec<(u32, String)>,
}

/// A piece of an output line: text and the box it came from.
struct Chunk<'a> {
    text: &'a str,
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
}

enum Row {
    Stream(TextLine),
    /// A ruled row: its cells, and its glyphs (laid out as free text when the row belongs to no
    /// declared table: performance tables and lists read best as their lines).
    Ruled(Vec<Option<CellText>>, Vec<Glyph>),
}

/// Lays out every page.
pub fn rebuild(source: &dyn GlyphSource) -> Rebuilt {
    let mut out = Rebuilt { pages: source.page_count(), ..Default::default() };
    let mut schema: Option<&'static TableSchema> = None;
    for index in 0..out.pages {
        let number = index as u32 + 1;
        let page = match source.page(index) {
            Ok(p) => p,
            Err(e) => {
                out.failed_pages.push((number, e));
                continue;
            }
        };
        out.glyphs += page.glyphs.len();
        if page.glyphs.is_empty() && page.images > 0 {
            out.image_pages += 1;
        }
        if index > 0 {
            push(&mut out, number, Vec::new(), 0.0);
        }
        lay_out_page(&mut out, number, &page, &mut schema);
    }
    out
}

fn lay_out_page(out: &mut Rebuilt, number: u32, page: &PageContent, schema: &mut Option<&'static TableSchema>) {
    let grid = bands(&page.rules);
    // Each glyph into the band that holds it (bands do not overlap), once; the rest is free text.
    let mut inside: Vec<Vec<Glyph>> = vec![Vec::new(); grid.len()];
    let mut free: Vec<Glyph> = Vec::new();
    for g in &page.glyphs {
        match grid.iter().position(|b| b.holds(g)) {
            Some(b) => inside[b].push(*g),
            None => free.push(*g),
        }
    }
    let mut rows: Vec<(f32, Row)> = lines(&free).into_iter().map(|l| (l.top, Row::Stream(l))).collect();
    for (band, glyphs) in grid.iter().zip(inside) {
        if !glyphs.is_empty() {
            rows.push((band_top(band, &glyphs), Row::Ruled(cell_texts(band, &glyphs), glyphs)));
        }
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    let half_em = half_em(&page.glyphs);
    // A gap wider than a line of text between two lines ends a paragraph: a blank line, as
    // pdftotext writes it, which the narrative reader takes as a paragraph break.
    let mut last_bottom: Option<f32> = None;
    for (top, row) in rows {
        let (bottom, size) = match &row {
            Row::Stream(l) => (l.bottom, l.bottom - l.top),
            Row::Ruled(_, g) => (g.iter().map(|g| g.bottom).fold(top, f32::max), 0.0),
        };
        if let Some(prev) = last_bottom {
            if size > 0.0 && top - prev > size {
                push(out, number, Vec::new(), half_em);
            }
        }
        last_bottom = Some(bottom);
        match row {
            Row::Stream(l) => push_stream(out, number, &l, half_em, schema),
            Row::Ruled(cells, glyphs) => {
                if let Some(s) = cells.iter().flatten().find_map(|c| schema_by_title(&c.text)) {
                    *schema = Some(s);
                }
                if fits_columns(&cells, *schema) {
                    push_piped(out, number, &cells);
                } else if schema.is_some() || cells.len() <= 99 {
                    // A row of a declared table, or a label and its value (项目名称 | name): the
                    // cells whole, wrapped text joined.
                    let chunks = cells
                        .iter()
                        .flatten()
                        .map(|c| Chunk { text: &c.text, x0: c.x0, x1: c.x1, top: c.top, bottom: c.bottom })
                        .collect();
                    push(out, number, chunks, half_em);
                } else {
                    // A row of many cells outside declared tables (an indicator table, whose
                    // merged labels span rows): its lines as printed.
                    for l in lines(&glyphs) {
                        push_stream(out, number, &l, half_em, schema);
                    }
                }
            }
        }
    }
}

/// Appends a free line; a table's title sets the table being read, another heading ends it.
fn push_stream(out: &mut Rebuilt, number: u32, l: &TextLine, half_em: f32, schema: &mut Option<&'static TableSchema>) {
    let chunks =
        l.runs.iter().map(|r| Chunk { text: &r.text, x0: r.x0, x1: r.x1, top: r.top, bottom: r.bottom }).collect();
    let line = push(out, number, chunks, half_em);
    let t = line.trim();
    if let Some(s) = schema_by_title(t) {
        *schema = Some(s);
    } else if t.ends_with('表') || t.starts_with("第") && t.contains("部分") {
        *schema = None;
    }
}

/// Where a ruled row sorts among free lines: its first glyph's top.
fn band_top(band: &Band, glyphs: &[Glyph]) -> f32 {
    glyphs.iter().map(|g| g.top).fold(band.bottom, f32::min).max(band.top)
}

/// The width of one text column: half the size of the page's small print (its 10th percentile),
/// so a full-width character of the smallest common size takes two columns and text set in it
/// never runs past the column where the next cell starts.
fn half_em(glyphs: &[Glyph]) -> f32 {
    let mut sizes: Vec<i32> = glyphs.iter().map(|g| (g.size * 2.0).round() as i32).collect();
    sizes.sort_unstable();
    let small = sizes.get(sizes.len() / 10).copied().unwrap_or(22) as f32 / 2.0;
    (small / 2.0).max(1.0)
}

/// A row whose cells hold one per declared value column, figures or empty, with a figure: the
/// last cells of a one-panel table; a two-sided table's label, its left values, the right label
/// and the right values.
fn fits_columns(cells: &[Option<CellText>], schema: Option<&TableSchema>) -> bool {
    let Some(schema) = schema else { return false };
    let figure_or_empty = |c: &Option<CellText>| c.as_ref().is_none_or(|c| is_amount(&c.text));
    let values: Vec<&Option<CellText>> = match schema.panels {
        [panel] => {
            let n = panel.columns.len();
            if cells.len() <= n {
                return false;
            }
            cells[cells.len() - n..].iter().collect()
        }
        // Income (declared rows) beside spending; not two coded panels side by side (基本支出决算表).
        [left, right] if left.row_key == RowKeyKind::Fixed => {
            let (lc, rc) = (left.columns.len(), right.columns.len());
            if cells.len() < lc + rc + 2 || cells[0].as_ref().is_some_and(|c| is_amount(&c.text)) {
                return false;
            }
            cells[1..=lc].iter().chain(&cells[cells.len() - rc..]).collect()
        }
        _ => return false,
    };
    values.iter().all(|c| figure_or_empty(c)) && values.iter().any(|c| c.is_some()) && !is_column_numbering(cells)
}

/// The row under a header that numbers the columns (`※ | ※ | 1 | 2 | 3`, `栏次 | 1 | 2`).
fn is_column_numbering(cells: &[Option<CellText>]) -> bool {
    let texts: Vec<&str> = cells.iter().flatten().map(|c| c.text.as_str()).collect();
    if texts.iter().any(|t| matches!(*t, "※" | "栏次" | "行次")) {
        return true;
    }
    let numbers: Vec<&str> = texts.iter().copied().skip_while(|t| !t.chars().all(|c| c.is_ascii_digit())).collect();
    numbers.len() >= 2 && numbers.iter().enumerate().all(|(i, t)| t.parse::<usize>().ok() == Some(i + 1))
}

fn to_box(x0: f32, top: f32, x1: f32, bottom: f32) -> PageBox {
    let c = |v: f32| (v * 100.0).round().clamp(i32::MIN as f32, i32::MAX as f32) as i32;
    PageBox { x0: c(x0), y0: c(top), x1: c(x1), y1: c(bottom) }
}

/// Appends a line of chunks at their x positions (at least two spaces apart) and maps it.
fn push(out: &mut Rebuilt, page: u32, chunks: Vec<Chunk>, half_em: f32) -> String {
    let mut text = String::new();
    let mut pieces = Vec::new();
    let mut chars = 0u32;
    for c in chunks {
        let width = UnicodeWidthStr::width(text.as_str());
        let target = if half_em > 0.0 { (c.x0 / half_em).round().max(0.0) as usize } else { 0 };
        let pad = if text.is_empty() { target.min(200) } else { target.saturating_sub(width).clamp(2, 200) };
        text.extend(std::iter::repeat_n(' ', pad));
        chars += pad as u32;
        let n = c.text.chars().count() as u32;
        pieces.push(Piece { col: chars + 1, end_col: chars + 1 + n, at: At::Box(to_box(c.x0, c.top, c.x1, c.bottom)) });
        text.push_str(c.text);
        chars += n;
    }
    out.map.lines.push(LineOrigin { place: Place::Page(page), pieces });
    out.lines.push(text.clone());
    text
}

/// Appends a ruled row as `| cell | cell |`, empty cells kept. The code columns' own headings
/// (`类 | 款 | 项`), which some templates print in the total row, are not the row's text.
fn push_piped(out: &mut Rebuilt, page: u32, cells: &[Option<CellText>]) {
    let mut text = String::from("|");
    let mut pieces = Vec::new();
    let mut chars = 1u32;
    for c in cells {
        let c = c.as_ref().filter(|c| !matches!(c.text.as_str(), "类" | "款" | "项"));
        text.push(' ');
        chars += 1;
        if let Some(c) = c {
            let n = c.text.chars().count() as u32;
            pieces.push(Piece {
                col: chars + 1,
                end_col: chars + 1 + n,
                at: At::Box(to_box(c.x0, c.top, c.x1, c.bottom)),
            });
            text.push_str(&c.text);
            chars += n;
        }
        text.push_str(" |");
        chars += 2;
    }
    out.map.lines.push(LineOrigin { place: Place::Page(page), pieces });
    out.lines.push(text);
}
