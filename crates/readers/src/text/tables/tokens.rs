//! Splitting a table line into whitespace-separated tokens that keep their place in the line.

use crate::text::source::Line;
use yusuan_model::catalog::Code;
use yusuan_model::money::{split_number, AmountUnit, Money};
use yusuan_model::span::Span;
use yusuan_model::table::Cell;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The tokens of a line.
pub fn tokens(line: &Line) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.text.char_indices() {
        match (is_space(c), start) {
            (true, Some(s)) => {
                out.push(Token { text: &line.text[s..i], span: line.span_of(s, i) });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token { text: &line.text[s..], span: line.span_of(s, line.text.len()) });
    }
    out
}

/// The cells of a line that separates them with `|` (or full-width `｜`), empty cells kept: such
/// tables say where every figure stands. `None` for a line with fewer than two bars; an empty list
/// for a separator line (`|---|---|`).
pub fn pipe_cells(line: &Line) -> Option<Vec<Token<'_>>> {
    let is_bar = |c: char| c == '|' || c == '｜';
    if line.text.chars().filter(|&c| is_bar(c)).count() < 2 {
        return None;
    }
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in line.text.char_indices().chain(std::iter::once((line.text.len(), '|'))) {
        if !is_bar(c) {
            continue;
        }
        let raw = &line.text[start..i];
        let lead = raw.len() - raw.trim_start().len();
        let text = raw.trim();
        let at = start + lead;
        cells.push(Token { text, span: line.span_of(at, at + text.len()) });
        start = i + c.len_utf8();
    }
    // The outer bars leave an empty cell before the first and after the last.
    if line.text.trim_start().starts_with(is_bar) && cells.first().is_some_and(|c| c.text.is_empty()) {
        cells.remove(0);
    }
    if line.text.trim_end().ends_with(is_bar) && cells.last().is_some_and(|c| c.text.is_empty()) {
        cells.pop();
    }
    if cells.iter().all(|c| c.text.chars().all(|ch| matches!(ch, '-' | ':' | '—' | ' '))) {
        return Some(Vec::new());
    }
    Some(cells)
}

/// Whether a token is one printed amount and nothing else: `1,050.52`, `0.50`, `-3.00`, `230`.
pub fn is_amount(text: &str) -> bool {
    let (number, rest) = split_number(text);
    !number.is_empty() && rest.is_empty()
}

/// The cell a token holds, in the table's unit.
pub fn amount_cell(token: &Token<'_>, unit: AmountUnit) -> Option<Cell> {
    if !is_amount(token.text) {
        return None;
    }
    Money::parse(token.text, unit).ok().map(|value| Cell { value, span: token.span })
}

/// A code at the start of a row: `208`, `208 01`, `208 01 02` as separate tokens, or one run
/// `2080102`. Returns the code and how many tokens it took. A three-digit number counts as a
/// code only when a name (not another amount) follows, so that a values line such as `200 100`
/// in a table in 元 is not mistaken for one.
pub fn leading_code(tokens: &[Token<'_>]) -> Option<(Code, usize)> {
    let first = tokens.first()?.text;
    let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !all_digits(first) || !matches!(first.as_bytes().first(), Some(b'2' | b'3' | b'5')) {
        return None;
    }
    let followed_by_name = |i: usize| tokens.get(i).is_none_or(|t| !is_amount(t.text));
    match first.len() {
        3 => {
            let mut parts = vec![first.to_string()];
            let mut i = 1;
            while parts.len() < 3 && tokens.get(i).is_some_and(|t| t.text.len() == 2 && all_digits(t.text)) {
                parts.push(tokens[i].text.to_string());
                i += 1;
            }
            // An economic 款 printed without its leading zero (`301 2 津贴补贴`, a spreadsheet's
            // number format), followed by its name.
            let economic = first.starts_with(['3', '5']);
            if economic && parts.len() == 1 {
                if let Some(t) = tokens.get(1).filter(|t| t.text.len() == 1 && all_digits(t.text)) {
                    if tokens.get(2).is_some_and(|n| !is_amount(n.text)) {
                        parts.push(format!("0{}", t.text));
                        i = 2;
                    }
                }
            }
            // `208 01` followed by amounts is still a code (a row whose name wrapped away);
            // a lone `208` needs a name or nothing after it.
            if parts.len() == 1 && !followed_by_name(1) {
                return None;
            }
            Code::parse(&parts.concat()).map(|c| (c, i))
        }
        5 | 7 if followed_by_name(1) => Code::parse(first).map(|c| (c, 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line { no: 7, text: s.to_string() }
    }

    #[test]
    fn tokens_keep_columns() {
        let l = line("208 01 02     一般行政管理事务 56.00");
        let t = tokens(&l);
        assert_eq!(t.len(), 5);
        assert_eq!(t[3].text, "一般行政管理事务");
        assert_eq!(t[3].span, Span::on_line(7, 15, 23));
        assert_eq!(leading_code(&t).unwrap().0.as_str(), "2080102");
        assert_eq!(leading_code(&t).unwrap().1, 3);
    }

    #[test]
    fn pipe_tables_keep_empty_cells() {
        let l = line("| 208 01 02 | 一般行政管理事务 | 56.00 | | 56.00 |");
        let cells = pipe_cells(&l).unwrap();
        let texts: Vec<&str> = cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["208 01 02", "一般行政管理事务", "56.00", "", "56.00"]);
        assert_eq!(cells[2].span, Span::on_line(7, 26, 31));
        assert_eq!(pipe_cells(&line("|---|:---:|")), Some(vec![]));
        assert!(pipe_cells(&line("208 01 02 行政运行 1.00")).is_none());
    }

    #[test]
    fn codes_and_amounts() {
        assert!(is_amount("1,050.52"));
        assert!(is_amount("0.50"));
        assert!(!is_amount("4.财政专户核拨"));
        let l = line("200 100");
        assert!(leading_code(&tokens(&l)).is_none());
        let l = line("208 01 99");
        assert_eq!(leading_code(&tokens(&l)).unwrap().0.as_str(), "2080199");
        let l = line("2080505 机关事业单位基本养老保险缴费支出 45.25");
        assert_eq!(leading_code(&tokens(&l)).unwrap().0.as_str(), "2080505");
        let l = line("301 01   基本工资 114.33 114.33");
        assert_eq!(leading_code(&tokens(&l)).unwrap().0.as_str(), "30101");
    }
}
