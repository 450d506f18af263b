//! Where a token stands on the page. `pdftotext -layout` pads lines with spaces so that text
//! keeps its horizontal place, counting a CJK character as two columns: the display column of a
//! token is comparable between lines, its character column is not.

use super::tokens::Token;
use crate::text::source::Line;

/// Whether a character takes two columns (CJK ideographs, full-width forms and punctuation).
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6)
}

/// The byte offset of a token in its line (tokens are slices of the line's text).
pub fn byte_offset(line: &Line, tok: &Token<'_>) -> Option<usize> {
    let base = line.text.as_ptr() as usize;
    let at = tok.text.as_ptr() as usize;
    (at >= base && at + tok.text.len() <= base + line.text.len()).then(|| at - base)
}

/// The display column a token starts at (0-based), or its character column when it is not a
/// slice of `line`.
pub fn display_x(line: &Line, tok: &Token<'_>) -> usize {
    match byte_offset(line, tok) {
        Some(off) => line.text[..off].chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum(),
        None => tok.span.col.saturating_sub(1) as usize,
    }
}

/// The display width of a text.
pub fn display_width(text: &str) -> usize {
    text.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// The display column of a token's middle.
pub fn middle_x(line: &Line, tok: &Token<'_>) -> usize {
    display_x(line, tok) + display_width(tok.text) / 2
}

/// The display column of each declared column's header middle, from the header's tokens: a
/// token that is the column's last header level, or its first part wrapped (`本年支出合` / `计`).
/// Columns that share a last level (`预算数` / `决算数` under each item) take those tokens in
/// order. `None` where the header does not say.
pub fn column_middles(panel: &yusuan_model::table::Panel, header: &[(&Line, Token<'_>)]) -> Vec<Option<usize>> {
    use yusuan_model::registry::fold_title;
    let label = |c: &yusuan_model::table::ColumnDef| fold_title(c.header.last().copied().unwrap_or(c.key));
    let labels: Vec<String> = panel.columns.iter().map(label).collect();
    let mut out = vec![None; labels.len()];
    for (i, l) in labels.iter().enumerate() {
        let same: Vec<usize> = (0..labels.len()).filter(|&j| labels[j] == *l).collect();
        let rank = same.iter().position(|&j| j == i).unwrap_or(0);
        let exact: Vec<usize> = {
            let mut xs: Vec<usize> =
                header.iter().filter(|(_, t)| fold_title(t.text) == *l).map(|(line, t)| middle_x(line, t)).collect();
            xs.sort_unstable();
            xs
        };
        if same.len() > 1 {
            out[i] = (exact.len() == same.len()).then(|| exact[rank]);
            continue;
        }
        if let Some(x) = exact.first() {
            out[i] = (exact.len() == 1).then_some(*x);
            continue;
        }
        // The longest first part of the label printed as one token.
        let part = header
            .iter()
            .filter(|(_, t)| {
                let f = fold_title(t.text);
                f.chars().count() >= 2 && l.starts_with(&f) && f != *l
            })
            .max_by_key(|(_, t)| t.text.len());
        out[i] = part.map(|(line, t)| middle_x(line, t));
    }
    out
}

/// A token split where a run of ASCII digits ends and text begins (`310资本性支出`): the code and
/// the name, each with its own span. Other tokens are returned whole.
pub fn split_glued_code<'a>(line: &'a Line, tok: Token<'a>) -> Vec<Token<'a>> {
    let digits = tok.text.bytes().take_while(|b| b.is_ascii_digit()).count();
    let glued = matches!(digits, 3 | 5 | 7) && tok.text[digits..].chars().next().is_some_and(is_wide);
    match (glued, byte_offset(line, &tok)) {
        (true, Some(off)) => vec![
            Token { text: &tok.text[..digits], span: line.span_of(off, off + digits) },
            Token { text: &tok.text[digits..], span: line.span_of(off + digits, off + tok.text.len()) },
        ],
        _ => vec![tok],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tables::tokens::tokens;

    #[test]
    fn wide_characters_take_two_columns() {
        let l = Line { no: 1, text: "201   一般公共服务支出  2,106.66".into() };
        let t = tokens(&l);
        assert_eq!(display_x(&l, &t[2]), 6 + 16 + 2);
        let l = Line { no: 1, text: "   310资本性支出   0.00".into() };
        let parts = split_glued_code(&l, tokens(&l)[0].clone());
        assert_eq!(parts.iter().map(|t| t.text).collect::<Vec<_>>(), ["310", "资本性支出"]);
        assert_eq!(parts[1].span.col, 7);
    }
}
