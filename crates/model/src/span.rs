//! Where a figure or a piece of text came from in its source document.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A range in a text source: 1-based line and 1-based character column (Unicode scalar values,
/// not bytes), end exclusive. A span may cross lines when the text it covers was wrapped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Span {
    /// First line, 1-based.
    pub line: u32,
    /// First character of `line`, 1-based, in Unicode scalar values.
    pub col: u32,
    /// Last line, 1-based.
    pub end_line: u32,
    /// Column just after the last character on `end_line` (exclusive end).
    pub end_col: u32,
}

impl Span {
    /// A span inside one line.
    pub fn on_line(line: u32, col: u32, end_col: u32) -> Self {
        Span { line, col, end_line: line, end_col }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        let (start, _) = if (self.line, self.col) <= (other.line, other.col) { (self, other) } else { (other, self) };
        let end = if (self.end_line, self.end_col) >= (other.end_line, other.end_col) { self } else { other };
        Span { line: start.line, col: start.col, end_line: end.end_line, end_col: end.end_col }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == self.end_line {
            write!(f, "{}:{}-{}", self.line, self.col, self.end_col)
        } else {
            write!(f, "{}:{}-{}:{}", self.line, self.col, self.end_line, self.end_col)
        }
    }
}

/// A value together with the span it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
// One schema definition per value type, named after it (`Spanned_Money`), not numbered.
#[schemars(rename = "Spanned_{T}")]
pub struct Spanned<T> {
    /// The value read.
    pub value: T,
    /// Where it was read.
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_spans_lines() {
        let a = Span::on_line(3, 5, 9);
        let b = Span::on_line(5, 1, 4);
        assert_eq!(a.cover(b), Span { line: 3, col: 5, end_line: 5, end_col: 4 });
        assert_eq!(b.cover(a), a.cover(b));
        assert_eq!(a.to_string(), "3:5-9");
    }
}
