//! The lines of a text document, and paragraphs joined back from lines a PDF extractor wrapped.

use yusuan_model::span::Span;

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

    /// A page number alone on its line (`9`, `- 9 -`, `第 9 页`), which extractors leave between
    /// pages.
    pub fn is_page_number(&self) -> bool {
        let t: String = self.text.chars().filter(|c| !c.is_whitespace()).collect();
        let core = t.trim_matches(|c| c == '-' || c == '—' || c == '第' || c == '页');
        !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
    }
}

/// Splits decoded text into numbered lines (`\n`, `\r\n`, `\r`; form feeds as line breaks).
pub fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split(['\r', '\u{c}']))
        .enumerate()
        .map(|(i, l)| Line { no: i as u32 + 1, text: l.to_string() })
        .collect()
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
        let (t, col0) = line.trimmed();
        if t.is_empty() {
            return;
        }
        let needs_space = matches!(
            (self.text.chars().last(), t.chars().next()),
            (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric()
                && !(a.is_ascii_digit() && b.is_ascii_digit())
        );
        if needs_space {
            let (l, c) = self.starts.last().map(|&(_, l, c)| (l, c + 1)).unwrap_or((line.no, 1));
            self.starts.push((self.text.len(), l, c));
            self.text.push(' ');
        }
        for (k, ch) in t.chars().enumerate() {
            self.starts.push((self.text.len(), line.no, col0 + k as u32));
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
        let last = self.text[..end].char_indices().next_back().map(|(i, _)| i).unwrap_or(start);
        let (end_line, end_col) = self.pos(last);
        Span { line, col, end_line, end_col: end_col + 1 }
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
    fn page_numbers() {
        let l = |s: &str| Line { no: 1, text: s.to_string() };
        assert!(l("9").is_page_number());
        assert!(l(" 25 ").is_page_number());
        assert!(l("- 3 -").is_page_number());
        assert!(!l("1,050.52").is_page_number());
        assert!(!l("表 1").is_page_number());
    }
}
