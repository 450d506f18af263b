//! The narrative's text folded to one form (full-width brackets and clause punctuation, ASCII
//! digits, no spaces) with every character's source span kept, and the figures in it.

use crate::text::source::Joined;
use yusuan_model::money::{parse_decimal, split_number, AmountUnit, Money};
use yusuan_model::quantity::Quantity;
use yusuan_model::rate::Rate;
use yusuan_model::span::Span;

/// Folded text. `text` is what the grammar reads; `spans[k]` is where its `k`-th character was
/// in the source, `starts[k]` that character's byte offset in `text`.
#[derive(Clone, Debug, Default)]
pub struct Norm {
    pub text: String,
    starts: Vec<usize>,
    spans: Vec<Span>,
}

impl Norm {
    /// Folds a joined paragraph stream. Spaces go (PDF extraction scatters them: `增加 54.84万
    /// 元`), except one between two ASCII digits, which would otherwise merge two numbers.
    pub fn from_joined(j: &Joined) -> Norm {
        let mut n = Norm::default();
        let chars: Vec<(usize, char)> = j.text.char_indices().collect();
        for (k, &(at, c)) in chars.iter().enumerate() {
            let prev = n.text.chars().next_back();
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let digit_before = prev.is_some_and(|p| p.is_ascii_digit());
            let digit_after = next.is_some_and(|c| fold_char(c).is_ascii_digit());
            let folded = match c {
                c if c.is_whitespace() => {
                    if digit_before && digit_after {
                        ' '
                    } else {
                        continue;
                    }
                }
                // A comma between digits is a thousands separator, anywhere else a clause break.
                ',' if digit_before && digit_after => ',',
                c => fold_char(c),
            };
            n.starts.push(n.text.len());
            n.spans.push(j.span(at, at + c.len_utf8()));
            n.text.push(folded);
        }
        n
    }

    /// The source span of a byte range of `text`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let first = self.starts.partition_point(|&s| s < start);
        let last = self.starts.partition_point(|&s| s < end).saturating_sub(1);
        match (self.spans.get(first), self.spans.get(last.max(first))) {
            (Some(a), Some(b)) => a.cover(*b),
            (Some(a), None) => *a,
            _ => self.spans.last().copied().unwrap_or_default(),
        }
    }

    /// Byte offsets of characters that begin a source line.
    pub fn line_starts(&self) -> Vec<usize> {
        let mut out = Vec::new();
        let mut last = None;
        for (k, s) in self.spans.iter().enumerate() {
            if last != Some(s.line) {
                if let Some(&at) = self.starts.get(k) {
                    out.push(at);
                }
                last = Some(s.line);
            }
        }
        out
    }
}

fn fold_char(c: char) -> char {
    match c {
        '(' => '（',
        ')' => '）',
        ':' => '：',
        ';' => '；',
        ',' => '，',
        '％' => '%',
        '〔' | '【' | '[' => '〔',
        '〕' | '】' | ']' => '〕',
        '＂' | '"' | '“' | '”' => '"',
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        c => c,
    }
}

/// What a figure is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FigureKind {
    Money(Money),
    Rate(Rate),
    Count(Quantity),
}

/// A figure in folded text: byte range (number and its unit word or `%`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub kind: FigureKind,
    pub start: usize,
    pub end: usize,
}

/// Units a count is stated in (`6个`, `2辆`). Longest first.
const COUNT_UNITS: [&str; 22] = [
    "平方米",
    "人次",
    "课时",
    "学时",
    "个",
    "项",
    "人",
    "辆",
    "台",
    "套",
    "次",
    "家",
    "户",
    "所",
    "名",
    "件",
    "场",
    "期",
    "批",
    "篇",
    "座",
    "处",
];

/// Every figure in `text`: money with its unit word, percentages, counts. Years, dates and
/// bare numbers (`51号`, `第 25号`) are not figures.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        let prev = text[..at].chars().next_back();
        let starts_number = c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.');
        if !starts_number {
            at += c.len_utf8();
            continue;
        }
        let (number, rest) = split_number(&text[at..]);
        let num_end = text.len() - rest.len();
        let Some(value) = parse_decimal(&number) else {
            at = num_end.max(at + 1);
            continue;
        };
        let rest_trim = rest.trim_start_matches(' ');
        let unit_at = text.len() - rest_trim.len();
        let figure = if rest_trim.starts_with('%') {
            Some((FigureKind::Rate(Rate(value)), unit_at + 1))
        } else if let Some((unit, len)) = money_unit(rest_trim) {
            let end = unit_at + rest_trim.chars().take(len).map(char::len_utf8).sum::<usize>();
            Some((FigureKind::Money(Money::new(value, unit)), end))
        } else {
            // `3万人次`: a count with a multiplier word, kept as written.
            let mult = ["万", "亿"].into_iter().find(|m| rest_trim.starts_with(m)).unwrap_or("");
            let after = &rest_trim[mult.len()..];
            COUNT_UNITS.iter().find(|u| after.starts_with(*u)).map(|u| {
                let unit = format!("{mult}{u}");
                let end = unit_at + unit.len();
                (FigureKind::Count(Quantity { value, unit }), end)
            })
        };
        // `（05项）` is a classification marker, not a count of 5 items.
        let figure = figure.filter(|(kind, end)| {
            !(matches!(kind, FigureKind::Count(_)) && prev == Some('（') && text[*end..].starts_with('）'))
        });
        match figure {
            Some((kind, end)) => {
                out.push(Figure { kind, start: at, end });
                at = end;
            }
            None => at = num_end.max(at + 1),
        }
    }
    out
}

/// A money unit word; `万`/`亿` alone only when no count word follows (`3万人次` is a count).
fn money_unit(rest: &str) -> Option<(AmountUnit, usize)> {
    let (unit, len) = AmountUnit::parse_prefix(rest)?;
    if unit == AmountUnit::Fen {
        // 分 after a number is a score (分值) far more often than money in prose.
        return None;
    }
    if len == 1 && unit != AmountUnit::Yuan {
        let after: String = rest.chars().skip(1).collect();
        if COUNT_UNITS.iter().any(|u| after.starts_with(u)) {
            return None;
        }
    }
    Some((unit, len))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::split_lines;

    #[test]
    fn folds_and_keeps_spans() {
        let lines = split_lines("比上年预算增加 54.84万元，增\n长 8.30%（一）(二):");
        let j = Joined::from_lines(&lines);
        let n = Norm::from_joined(&j);
        assert_eq!(n.text, "比上年预算增加54.84万元，增长8.30%（一）（二）：");
        let at = n.text.find("8.30%").unwrap_or(0);
        assert_eq!(n.span(at, at + "8.30%".len()), Span::on_line(2, 3, 8));
        assert_eq!(n.line_starts().len(), 2);
    }

    #[test]
    fn finds_figures() {
        let f = figures("2024年预算数为319.59万元，占68.11%，目标1个，3万人次，51号，0万元");
        let kinds: Vec<String> = f
            .iter()
            .map(|f| match &f.kind {
                FigureKind::Money(m) => m.to_string(),
                FigureKind::Rate(r) => r.to_string(),
                FigureKind::Count(q) => format!("{}{}", q.value, q.unit),
            })
            .collect();
        assert_eq!(kinds, ["319.59万元", "68.11%", "1个", "3万人次", "0万元"]);
    }
}
