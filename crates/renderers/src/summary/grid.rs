//! Aligned plain-text grids. Widths are display widths (a CJK character takes two columns), so
//! columns line up in a terminal.

use unicode_width::UnicodeWidthStr;

/// How a column's cells sit in its width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Align {
    Left,
    Right,
}

/// Headers longer than this wrap onto several lines, so that a table with a dozen long official
/// column names stays readable; a column is never narrower than its widest cell.
const HEADER_WRAP: usize = 12;

/// Space between columns.
const GAP: usize = 2;

/// Markers a right-aligned value may carry (`4.00!`). They hang into the gap after the column, so
/// the figures themselves stay aligned on their last digit.
const HANGING: [char; 2] = ['?', '!'];

pub(crate) struct Grid {
    headers: Vec<String>,
    aligns: Vec<Align>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    pub(crate) fn new(columns: Vec<(String, Align)>) -> Self {
        let (headers, aligns) = columns.into_iter().unzip();
        Grid { headers, aligns, rows: Vec::new() }
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    pub(crate) fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.headers.len(), String::new());
        self.rows.push(row);
    }

    /// Writes the header, a rule and the rows, each line starting with `indent`.
    pub(crate) fn render(&self, out: &mut String, indent: &str) {
        let n = self.headers.len();
        let mut widths: Vec<usize> =
            (0..n).map(|c| self.rows.iter().map(|r| body_width(&r[c], self.aligns[c])).max().unwrap_or(0)).collect();
        let wrapped: Vec<Vec<String>> =
            self.headers.iter().zip(&widths).map(|(h, &w)| wrap(h, w.max(HEADER_WRAP))).collect();
        for (w, lines) in widths.iter_mut().zip(&wrapped) {
            *w = (*w).max(lines.iter().map(|l| l.width()).max().unwrap_or(0));
        }
        let depth = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for level in 0..depth {
            // Headers sit on the rule: a short header takes the bottom lines.
            let cells: Vec<&str> = wrapped
                .iter()
                .map(|lines| {
                    let skip = depth - lines.len();
                    if level < skip {
                        ""
                    } else {
                        lines[level - skip].as_str()
                    }
                })
                .collect();
            self.line(out, indent, &widths, &cells);
        }
        let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
        let rule: Vec<&str> = rule.iter().map(String::as_str).collect();
        line(out, indent, &widths, &vec![Align::Left; n], &rule);
        for row in &self.rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            self.line(out, indent, &widths, &cells);
        }
    }

    fn line(&self, out: &mut String, indent: &str, widths: &[usize], cells: &[&str]) {
        line(out, indent, widths, &self.aligns, cells);
    }
}

fn line(out: &mut String, indent: &str, widths: &[usize], aligns: &[Align], cells: &[&str]) {
    let mut text = String::from(indent);
    let mut overhang = 0;
    for (i, ((cell, &w), &align)) in cells.iter().zip(widths).zip(aligns).enumerate() {
        if i > 0 {
            text.push_str(&" ".repeat(GAP - overhang));
        }
        let padded = pad(cell, w, align);
        overhang = padded.width().saturating_sub(w).min(GAP - 1);
        text.push_str(&padded);
    }
    out.push_str(text.trim_end());
    out.push('\n');
}

/// The width a cell takes inside its column: a right-aligned value's hanging marker is outside.
fn body_width(text: &str, align: Align) -> usize {
    let hangs = align == Align::Right && text.ends_with(HANGING);
    text.width() - usize::from(hangs)
}

/// `text` padded with spaces to `width` display columns (plus a hanging marker).
fn pad(text: &str, width: usize, align: Align) -> String {
    let fill = " ".repeat(width.saturating_sub(body_width(text, align)));
    match align {
        Align::Left => format!("{text}{fill}"),
        Align::Right => format!("{fill}{text}"),
    }
}

/// Breaks `text` into lines of at most `width` display columns, preferring to break after a `·`
/// (between the levels of a qualified header); a part wider than the width breaks anywhere.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for part in text.split_inclusive('·') {
        let w = part.width();
        if used > 0 && used + w > width && w <= width {
            lines.push(String::new());
            used = 0;
        }
        for c in part.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width && used > 0 {
                lines.push(String::new());
                used = 0;
            }
            if let Some(last) = lines.last_mut() {
                last.push(c);
            }
            used += w;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let mut g = Grid::new(vec![("名称".into(), Align::Left), ("总计".into(), Align::Right)]);
        g.push(vec!["社会保障".into(), "56.00".into()]);
        g.push(vec!["ab".into(), "1050.52".into()]);
        let mut out = String::new();
        g.render(&mut out, "");
        assert_eq!(out, "名称         总计\n--------  -------\n社会保障    56.00\nab        1050.52\n");
    }

    #[test]
    fn markers_hang_outside_the_column() {
        let mut g = Grid::new(vec![("a".into(), Align::Right), ("b".into(), Align::Right)]);
        g.push(vec!["10.00".into(), "1.00".into()]);
        g.push(vec!["9.00!".into(), "2.00?".into()]);
        let mut out = String::new();
        g.render(&mut out, "");
        assert_eq!(out, "    a     b\n-----  ----\n10.00  1.00\n 9.00! 2.00?\n");
    }

    #[test]
    fn wraps_long_headers() {
        assert_eq!(wrap("上级一般公共预算安排的转移支付", 12), vec!["上级一般公共", "预算安排的转", "移支付"]);
        assert_eq!(wrap("财政拨款·合计", 12), vec!["财政拨款·", "合计"]);
        assert_eq!(wrap("", 12), vec![""]);
    }
}
