//! Where the lines of a rebuilt text came from. The PDF and workbook readers lay a document out as
//! text lines (a table row as `|` cells) and read that text with the text reader; this map takes
//! a span of that text back to the page and box, or the sheet and cell, it was rebuilt from, so a
//! finding on a PDF or a workbook points where a person looks.

use crate::span::Span;

/// The origin of every rebuilt line: line `n` is `lines[n - 1]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    pub lines: Vec<LineOrigin>,
}

/// Where one rebuilt line stood, and where each run of its characters did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineOrigin {
    pub place: Place,
    /// Runs of characters, in column order; columns not covered (padding, `|`) map to no box.
    pub pieces: Vec<Piece>,
}

/// A page of a PDF, or a row of a workbook's sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// 1-based page number.
    Page(u32),
    /// Sheet name and 1-based row.
    Sheet { sheet: String, row: u32 },
}

/// Characters `col..end_col` (1-based, end exclusive, as in [`Span`]) of a rebuilt line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub col: u32,
    pub end_col: u32,
    pub at: At,
}

/// Where a run of characters stood.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// A box on a PDF page, in points from the page's top-left corner (y grows downwards).
    Box(PageBox),
    /// A workbook cell's 1-based column.
    Cell { column: u32 },
}

/// A rectangle on a page in hundredths of a point, top-left origin (integers keep the model `Eq`
/// and are finer than any glyph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageBox {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl PageBox {
    /// The smallest box covering both.
    pub fn cover(self, o: PageBox) -> PageBox {
        PageBox { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }
}

/// Where a span of the rebuilt text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub place: Place,
    /// The box or cell of the span's characters on its first line, when they came from one.
    pub at: Option<At>,
}

impl SourceMap {
    /// The origin of a span: its first line's place, and the cover of the boxes (or the first
    /// cell) of the characters it spans on that line.
    pub fn locate(&self, span: Span) -> Option<Location> {
        let line = self.lines.get((span.line as usize).checked_sub(1)?)?;
        let end = if span.end_line == span.line { span.end_col } else { u32::MAX };
        let mut at: Option<At> = None;
        for p in line.pieces.iter().filter(|p| p.col < end && p.end_col > span.col) {
            at = Some(match (at, p.at) {
                (Some(At::Box(a)), At::Box(b)) => At::Box(a.cover(b)),
                (Some(a), _) => a,
                (None, b) => b,
            });
        }
        Some(Location { place: line.place.clone(), at })
    }
}

/// Spreadsheet column letters of a 1-based column (`1` → `A`, `28` → `AB`).
pub fn column_letters(column: u32) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Hundredths of a point as points with one decimal (`12050` → `120.5`).
fn pt(v: i32) -> String {
    let tenths = (v as i64 * 10 + if v < 0 { -50 } else { 50 }) / 100;
    format!("{}{}.{}", if tenths < 0 { "-" } else { "" }, tenths.abs() / 10, tenths.abs() % 10)
}

impl Location {
    /// `第 3 页 (x 120.5, y 340.2)` / `page 3 at (120.5, 340.2)`; `工作表「表3」C12` / `sheet 表3, cell C12`.
    pub fn describe(&self, chinese: bool) -> String {
        match (&self.place, self.at) {
            (Place::Page(p), Some(At::Box(b))) if chinese => format!("第 {p} 页 (x {}, y {})", pt(b.x0), pt(b.y0)),
            (Place::Page(p), Some(At::Box(b))) => format!("page {p} at ({}, {})", pt(b.x0), pt(b.y0)),
            (Place::Page(p), _) if chinese => format!("第 {p} 页"),
            (Place::Page(p), _) => format!("page {p}"),
            (Place::Sheet { sheet, row }, Some(At::Cell { column })) if chinese => {
                format!("工作表「{sheet}」{}{row}", column_letters(column))
            }
            (Place::Sheet { sheet, row }, Some(At::Cell { column })) => {
                format!("sheet {sheet}, cell {}{row}", column_letters(column))
            }
            (Place::Sheet { sheet, row }, _) if chinese => format!("工作表「{sheet}」第 {row} 行"),
            (Place::Sheet { sheet, row }, _) => format!("sheet {sheet}, row {row}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bx(x0: i32, x1: i32) -> At {
        At::Box(PageBox { x0, y0: 1000, x1, y1: 2000 })
    }

    #[test]
    fn a_span_maps_to_the_cover_of_its_boxes() {
        let map = SourceMap {
            lines: vec![LineOrigin {
                place: Place::Page(3),
                pieces: vec![
                    Piece { col: 1, end_col: 4, at: bx(5000, 8000) },
                    Piece { col: 7, end_col: 13, at: bx(30000, 34000) },
                    Piece { col: 16, end_col: 20, at: bx(40000, 43000) },
                ],
            }],
        };
        let loc = map.locate(Span::on_line(1, 7, 20)).unwrap();
        assert_eq!(loc.place, Place::Page(3));
        assert_eq!(loc.at, Some(At::Box(PageBox { x0: 30000, y0: 1000, x1: 43000, y1: 2000 })));
        assert_eq!(loc.describe(true), "第 3 页 (x 300.0, y 10.0)");
        assert_eq!(loc.describe(false), "page 3 at (300.0, 10.0)");
        // Padding between runs maps to the page only.
        assert_eq!(map.locate(Span::on_line(1, 5, 6)).unwrap().at, None);
        assert!(map.locate(Span::on_line(2, 1, 2)).is_none());
        assert!(map.locate(Span::on_line(0, 1, 2)).is_none());
        assert_eq!(pt(12049), "120.5");
        assert_eq!(pt(-1), "0.0");
        assert_eq!(pt(-260), "-2.6");
    }

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(28), "AB");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
        let loc = Location { place: Place::Sheet { sheet: "表3".into(), row: 12 }, at: Some(At::Cell { column: 3 }) };
        assert_eq!(loc.describe(true), "工作表「表3」C12");
        assert_eq!(loc.describe(false), "sheet 表3, cell C12");
    }
}
