//! The text a workbook is rebuilt into, line by line, each line knowing its sheet and row and
//! each run of characters the cell it came from.

use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::origin::{At, LineOrigin, Piece, Place, SourceMap};
use yusuan_model::span::Span;

/// Lines of text with their origins, and notes on what was not rebuilt.
#[derive(Clone, Debug, Default)]
pub struct Rebuilt {
    pub lines: Vec<String>,
    pub map: SourceMap,
    pub notes: Vec<ReadNote>,
}

/// One line being written: its text and the cells its characters came from.
pub struct LineOut {
    sheet: String,
    row: u32,
    text: String,
    chars: u32,
    pieces: Vec<Piece>,
}

impl LineOut {
    /// A line of `sheet`'s 0-based `row`.
    pub fn new(sheet: &str, row: u32) -> LineOut {
        LineOut { sheet: sheet.to_string(), row: row + 1, text: String::new(), chars: 0, pieces: Vec::new() }
    }

    /// Text of no cell (separators, words the reader needs).
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self.chars += s.chars().count() as u32;
        self
    }

    /// A cell's text, from 0-based column `col`.
    pub fn cell(&mut self, text: &str, col: u32) -> &mut Self {
        let n = text.chars().count() as u32;
        if n > 0 {
            self.pieces.push(Piece {
                col: self.chars + 1,
                end_col: self.chars + 1 + n,
                at: At::Cell { column: col + 1 },
            });
        }
        self.raw(text)
    }

    /// Cells separated by one space.
    pub fn spaced<'a>(&mut self, cells: impl IntoIterator<Item = (u32, &'a str)>) -> &mut Self {
        for (col, text) in cells {
            if !self.text.is_empty() {
                self.raw(" ");
            }
            self.cell(text, col);
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

impl Rebuilt {
    /// Appends a line; returns its 1-based number.
    pub fn push(&mut self, line: LineOut) -> u32 {
        // A line break inside a cell would split the line the map describes.
        let text = line.text.replace(['\n', '\r', '\u{c}'], " ");
        self.lines.push(text);
        self.map
            .lines
            .push(LineOrigin { place: Place::Sheet { sheet: line.sheet, row: line.row }, pieces: line.pieces });
        self.lines.len() as u32
    }

    /// An empty line, placed at `sheet`'s 0-based `row`.
    pub fn blank(&mut self, sheet: &str, row: u32) {
        self.push(LineOut::new(sheet, row));
    }

    /// A note on a sheet (and a line of the rebuilt text, when there is one).
    pub fn note(&mut self, kind: NoteKind, line: Option<u32>, zh: String, en: String) {
        let span = line
            .map(|l| Span::on_line(l, 1, self.lines.get(l as usize - 1).map_or(1, |t| t.chars().count() as u32 + 1)));
        self.notes.push(ReadNote::new(kind, span, zh, en));
    }
}
