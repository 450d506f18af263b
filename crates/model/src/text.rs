//! Text primitives the readers and the checker share: numbered source lines, the pages they
//! fall on, and paragraphs joined back from lines a PDF extractor wrapped.

use crate::page::is_page_number;
use crate::span::Span;

/// One line of the source, as read (1-based number).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub no: u32,
    pub text: String,
}

impl Line {
    /// The line without its leading and trailing whitespace, and the 1-based column of its
    /// first kept character.
    pub fn trimmed(&self) -> (&str, u32) {
        let t = self.text.trim_start();
        let skipped = self.text[..self.text.len() - t.len()].chars().count() as u32;
        (t.trim_end(), skipped + 1)
    }

    /// The span of a byte range of `self.text`.
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        let col = self.text[..start].chars().count() as u32 + 1;
        let end_col = col + self.text[start..end].chars().count() as u32;
        Span::on_line(self.no, col, end_col)
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// A page number alone on its line (see [`is_page_number`]).
    pub fn is_page_number(&self) -> bool {
        is_page_number(&self.text)
    }
}

/// Splits decoded text into numbered lines (`\n`, `\r\n`, `\r`; form feeds as line breaks).
pub fn split_lines(text: &str) -> Vec<Line> {
    split_pages(text).0
}

/// [`split_lines`], and the index of each line that opens a page: the line after a form feed,
/// which `pdftotext` writes between pages.
pub fn split_pages(text: &str) -> (Vec<Line>, Vec<usize>) {
    let mut lines = Vec::new();
    let mut page_starts = Vec::new();
    for l in text.split('\n') {
        let l = l.strip_suffix('\r').unwrap_or(l);
        for (k, piece) in l.split('\u{c}').enumerate() {
            if k > 0 {
                page_starts.push(lines.len());
            }
            for part in piece.split('\r') {
                lines.push(Line { no: lines.len() as u32 + 1, text: part.to_string() });
            }
        }
    }
    (lines, page_starts)
}

/// Text joined from several lines into one paragraph stream, remembering where each character
/// came from, so that a figure wrapped over a line break (`1,050.52万` / `元`) is read whole and
/// still points at its source.
#[derive(Clone, Debug, Default)]
pub struct Joined {
    pub text: String,
    /// For each byte offset where a character starts in `text`, its line and column.
    starts: Vec<(usize, u32, u32)>,
}

impl Joined {
    /// Joins the non-blank, non-page-number lines, trimmed, with nothing between them (Chinese
    /// wraps anywhere) except a space between two ASCII alphanumerics, which a wrap did separate.
    pub fn from_lines<'a>(lines: impl IntoIterator<Item = &'a Line>) -> Joined {
        let mut j = Joined::default();
        for line in lines {
            if line.is_blank() || line.is_page_number() {
                continue;
            }
            j.push_line(line);
        }
        j
    }

    /// Appends one line (trimmed).
    pub fn push_line(&mut self, line: &Line) {
        self.push_text(line.no, &line.text);
    }

    /// Appends the text of line `no` (trimmed). Two digits either side of a wrap are one
    /// number (`1,0` / `50.52`); two other ASCII alphanumerics are two words, a space between.
    pub fn push_text(&mut self, no: u32, text: &str) {
        let t = text.trim_start();
        let col0 = text[..text.len() - t.len()].chars().count() as u32 + 1;
        let t = t.trim_end();
        if t.is_empty() {
            return;
        }
        let needs_space = matches!(
            (self.text.chars().last(), t.chars().next()),
            (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
                && !(a.is_ascii_digit() && b.is_ascii_digit())
        );
        if needs_space {
            let (l, c) = self.starts.last().map(|&(_, l, c)| (l, c + 1)).unwrap_or((no, 1));
            self.starts.push((self.text.len(), l, c));
            self.text.push(' ');
        }
        for (k, ch) in t.chars().enumerate() {
            self.starts.push((self.text.len(), no, col0 + k as u32));
            // Any space inside a line (U+3000, a tab) reads as one: the stream is compared and
            // searched as text.
            self.text.push(if ch.is_whitespace() { ' ' } else { ch });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The source position of the character at byte offset `at` (or of the end).
    fn pos(&self, at: usize) -> (u32, u32) {
        match self.starts.binary_search_by_key(&at, |&(b, _, _)| b) {
            Ok(i) => (self.starts[i].1, self.starts[i].2),
            Err(i) if i > 0 => {
                let (_, l, c) = self.starts[i - 1];
                (l, c)
            }
            _ => (0, 0),
        }
    }

    /// The source span of a byte range of `text`: from its first character to just after its
    /// last one, across lines if it was wrapped.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, col) = self.pos(start);
        if end <= start {
            return Span::on_line(line, col, col);
        }
        // The last character of the range.
        let last = self.text.get(..end).and_then(|t| t.char_indices().next_back()).map(|(i, _)| i).unwrap_or(start);
        let (end_line, end_col) = self.pos(last);
        Span { line, col, end_line, end_col: end_col + 1 }
    }

    /// The sentences, as byte ranges: cut after 。；; ！？ (the mark stays with its sentence).
    pub fn sentences(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            if matches!(c, '。' | '；' | ';' | '！' | '？') {
                let end = i + c.len_utf8();
                out.push((start, end));
                start = end;
            }
        }
        if start < self.text.len() {
            out.push((start, self.text.len()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_keeps_positions_across_wraps() {
        let lines = split_lines("收入预算 1,050.52万\n\n  元，其中：\n9\nabc\ndef");
        let j = Joined::from_lines(&lines);
        assert_eq!(j.text, "收入预算 1,050.52万元，其中：abc def");
        let start = j.text.find("1,050.52").unwrap();
        let end = j.text.find('，').unwrap();
        assert_eq!(j.span(start, end), Span { line: 1, col: 6, end_line: 3, end_col: 4 });
    }

    #[test]
    fn a_figure_wrapped_between_its_digits_is_one_number() {
        let lines = split_lines("支出 1,0\n50.52万元，共 3 个\nA 类");
        let j = Joined::from_lines(&lines);
        assert_eq!(j.text, "支出 1,050.52万元，共 3 个A 类");
        let at = j.text.find("1,050.52").unwrap();
        assert_eq!(j.span(at, at + "1,050.52".len()), Span { line: 1, col: 4, end_line: 2, end_col: 6 });
        assert_eq!(j.sentences(), vec![(0, j.text.len())]);
    }

    #[test]
    fn sentences_keep_their_mark() {
        let mut j = Joined::default();
        j.push_text(1, "  甲。乙；丙");
        let s: Vec<&str> = j.sentences().into_iter().map(|(a, b)| &j.text[a..b]).collect();
        assert_eq!(s, ["甲。", "乙；", "丙"]);
        assert_eq!(j.span(0, 3), Span::on_line(1, 3, 4));
    }

    #[test]
    fn form_feeds_open_pages_and_count_as_line_breaks() {
        let (lines, starts) = split_pages("a\n\u{c}b\nc\u{c}d\r\ne");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["a", "", "b", "c", "d", "e"]);
        assert_eq!(starts, [2, 4]);
        assert_eq!(lines[4].no, 5);
    }
}
