//! Pieces of a performance table: the whitespace-separated chunks of its lines, and what kind of
//! cell text each one looks like. PDF extraction scatters a cell over several lines and glues
//! neighbouring cells together, so the grid is rebuilt from these pieces, not from lines.

use crate::text::source::Line;
use yusuan_model::performance::Comparison;
use yusuan_model::span::Span;

/// One chunk of a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub text: String,
    pub span: Span,
    /// Index of the line in the block.
    pub line: usize,
    /// Byte range in that line's text.
    pub start: usize,
    pub end: usize,
}

/// Splits a line at whitespace into pieces.
pub(crate) fn pieces_of(block: &[Line], line: usize) -> Vec<Piece> {
    let Some(l) = block.get(line) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in l.text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(piece(l, line, s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(piece(l, line, s, l.text.len()));
    }
    out
}

pub(crate) fn piece(l: &Line, line: usize, start: usize, end: usize) -> Piece {
    Piece {
        text: l.text.get(start..end).unwrap_or_default().to_string(),
        span: l.span_of(start, end),
        line,
        start,
        end,
    }
}

/// Joins pieces into one text: pieces on the same line keep the spacing printed between them,
/// pieces on different lines (a wrapped cell) are joined directly, as Chinese wraps anywhere.
pub(crate) fn join(block: &[Line], pieces: &[&Piece]) -> Option<(String, Span)> {
    let first = pieces.first()?;
    let mut text = String::new();
    let mut span = first.span;
    let mut prev: Option<&Piece> = None;
    for p in pieces {
        if let Some(q) = prev {
            let gap = if q.line == p.line && q.end <= p.start {
                block.get(p.line).and_then(|l| l.text.get(q.end..p.start)).unwrap_or("")
            } else if ends_alnum(&text) && starts_alnum(&p.text) {
                // A wrap between two ASCII words did separate them.
                " "
            } else {
                ""
            };
            text.push_str(gap);
        }
        text.push_str(&p.text);
        span = span.cover(p.span);
        prev = Some(p);
    }
    Some((text, span))
}

fn ends_alnum(s: &str) -> bool {
    s.chars().last().is_some_and(|c| c.is_ascii_alphabetic())
}

fn starts_alnum(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// Every spelling of a comparison, longest first so that `＞=` wins over `＞`.
const COMPARISONS: &[(&str, Comparison)] = &[
    ("大于或等于", Comparison::Ge),
    ("小于或等于", Comparison::Le),
    ("大于等于", Comparison::Ge),
    ("小于等于", Comparison::Le),
    ("不低于", Comparison::Ge),
    ("不少于", Comparison::Ge),
    ("不小于", Comparison::Ge),
    ("不高于", Comparison::Le),
    ("不超过", Comparison::Le),
    ("不多于", Comparison::Le),
    ("不大于", Comparison::Le),
    ("大于", Comparison::Gt),
    ("高于", Comparison::Gt),
    ("小于", Comparison::Lt),
    ("低于", Comparison::Lt),
    ("等于", Comparison::Eq),
    ("＞=", Comparison::Ge),
    ("＞＝", Comparison::Ge),
    (">=", Comparison::Ge),
    (">＝", Comparison::Ge),
    ("＜=", Comparison::Le),
    ("＜＝", Comparison::Le),
    ("<=", Comparison::Le),
    ("<＝", Comparison::Le),
    ("≥", Comparison::Ge),
    ("≧", Comparison::Ge),
    ("⩾", Comparison::Ge),
    ("≤", Comparison::Le),
    ("≦", Comparison::Le),
    ("⩽", Comparison::Le),
    ("＞", Comparison::Gt),
    (">", Comparison::Gt),
    ("＜", Comparison::Lt),
    ("<", Comparison::Lt),
    ("＝", Comparison::Eq),
    ("=", Comparison::Eq),
];

/// The comparison a text starts with and its length in bytes.
pub(crate) fn split_comparison(text: &str) -> Option<(Comparison, usize)> {
    COMPARISONS.iter().find(|(s, _)| text.starts_with(s)).map(|(s, c)| (*c, s.len()))
}

/// A sign alone (`＞`), which the next piece (`=95%`) completes.
pub(crate) fn is_bare_sign(text: &str) -> bool {
    matches!(text, "＞" | ">" | "＜" | "<")
}

fn starts_with_digit(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// Units that follow a figure in an indicator value or an actual, when a wrap put them alone on
/// a line (`＞=2` / `人`). `分` is left out: alone it is the end of a wrapped scoring rule.
const UNITS: &[&str] = &[
    "人",
    "人次",
    "万人次",
    "万人",
    "次",
    "个",
    "项",
    "份",
    "件",
    "场",
    "场次",
    "学时",
    "课时",
    "小时",
    "分钟",
    "天",
    "日",
    "工作日",
    "个工作日",
    "月",
    "个月",
    "年",
    "周",
    "万元",
    "元",
    "亿元",
    "千元",
    "%",
    "％",
    "家",
    "户",
    "所",
    "台",
    "套",
    "辆",
    "批",
    "批次",
    "期",
    "篇",
    "册",
    "本",
    "名",
    "处",
    "条",
    "部",
    "张",
    "平方米",
    "米",
    "公里",
    "千米",
    "亩",
    "吨",
    "门",
    "节",
    "类",
    "种",
    "座",
    "间",
    "课",
    "个月内",
    "人/次",
    "元/人",
    "次/年",
];

/// What a piece looks like on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Starts with a comparison sign or word: the start of an indicator value.
    Cmp,
    /// A figure with at most a short unit: a weight, an actual, a wrapped value's tail.
    Num,
    /// A unit word alone.
    Unit,
    /// 计划标准, 其他标准, 行业标准, 历史标准 …
    Basis,
    /// 按照完成比例赋分, 按评判等级赋分, 满意度赋分 … (or its first part).
    Rule,
    Text,
}

pub(crate) fn classify(text: &str) -> Class {
    if let Some((_, n)) = split_comparison(text) {
        let rest = text.get(n..).unwrap_or("");
        // A comparison word at the start of a name (`大于…`) is not a value.
        if rest.is_empty() || starts_with_digit(rest) || rest.starts_with(['=', '＝', '.', '-']) {
            return Class::Cmp;
        }
    }
    if UNITS.contains(&text) {
        return Class::Unit;
    }
    if is_number_with_short_unit(text) {
        return Class::Num;
    }
    if text.ends_with("标准") && text.chars().count() <= 6 {
        return Class::Basis;
    }
    if text.contains("赋分") || text.starts_with("按照") || (text.starts_with('按') && text.ends_with('赋')) {
        return Class::Rule;
    }
    Class::Text
}

/// `15`, `100%`, `9次`, `80万`, `2376`: a figure and at most a few unit characters.
pub(crate) fn is_number_with_short_unit(text: &str) -> bool {
    let (number, rest) = yusuan_model::money::split_number(text);
    if number.is_empty() || number.starts_with('-') {
        return false;
    }
    let rest = rest.trim();
    rest.chars().count() <= 3
        && rest.chars().all(|c| !c.is_ascii_digit() && !c.is_ascii_punctuation() || c == '%' || c == '/')
}

/// A figure with nothing after it: the only shape a weight (分值权重) has.
pub(crate) fn is_bare_number(text: &str) -> bool {
    let (number, rest) = yusuan_model::money::split_number(text);
    !number.is_empty() && rest.is_empty() && !number.starts_with('-')
}

/// Words that end a 佐证资料 cell; a label piece glued after one of them is split off.
const EVIDENCE_ENDINGS: &[&str] =
    &["资料", "凭证", "材料", "报告", "纪要", "总结", "台账", "记录", "文件", "说明", "清单", "照片"];

/// Splits `工作资料满意` into `工作资料` and `满意` when the tail is a piece of an indicator label
/// and the head is a complete evidence word: the extractor glued the next line's label text onto
/// the row's last cell.
pub(crate) fn split_glued_label(p: &Piece, is_fragment: impl Fn(&str) -> bool) -> Vec<Piece> {
    for (i, _) in p.text.char_indices().skip(2) {
        let (head, tail) = p.text.split_at(i);
        if tail.chars().count() >= 2 && is_fragment(tail) && EVIDENCE_ENDINGS.iter().any(|e| head.ends_with(e)) {
            let line = p.span.line;
            let head_span = Span { end_col: p.span.col + head.chars().count() as u32, ..p.span };
            let tail_span = Span::on_line(line, head_span.end_col, p.span.end_col);
            return vec![
                Piece { text: head.to_string(), span: head_span, line: p.line, start: p.start, end: p.start + i },
                Piece { text: tail.to_string(), span: tail_span, line: p.line, start: p.start + i, end: p.end },
            ];
        }
    }
    vec![p.clone()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("＞=38000"), Class::Cmp);
        assert_eq!(classify("＞"), Class::Cmp);
        assert_eq!(classify("=95%"), Class::Cmp);
        assert_eq!(classify("不低于95%"), Class::Cmp);
        assert_eq!(classify("大于等于3"), Class::Cmp);
        assert_eq!(classify("大众满意度"), Class::Text);
        assert_eq!(classify("人次"), Class::Unit);
        assert_eq!(classify("100%"), Class::Num);
        assert_eq!(classify("80万"), Class::Num);
        assert_eq!(classify("15"), Class::Num);
        assert_eq!(classify("0人次"), Class::Num);
        assert_eq!(classify("其他标准"), Class::Basis);
        assert_eq!(classify("按照完成比例赋"), Class::Rule);
        assert_eq!(classify("满意度赋分"), Class::Rule);
        assert_eq!(classify("【2013】141"), Class::Text);
        assert_eq!(classify("工作资料"), Class::Text);
        assert!(is_bare_number("15") && !is_bare_number("15次"));
    }

    #[test]
    fn comparison_spellings() {
        for (s, c) in [
            ("＞=1", Comparison::Ge),
            (">=1", Comparison::Ge),
            ("≥1", Comparison::Ge),
            ("大于等于1", Comparison::Ge),
            ("不低于1", Comparison::Ge),
            ("≤1", Comparison::Le),
            ("＜=1", Comparison::Le),
            ("<=1", Comparison::Le),
            ("不高于1", Comparison::Le),
            ("=1", Comparison::Eq),
            ("＞1", Comparison::Gt),
            ("＜1", Comparison::Lt),
        ] {
            assert_eq!(split_comparison(s).map(|x| x.0), Some(c), "{s}");
        }
    }

    #[test]
    fn glued_label() {
        let l = Line { no: 7, text: "x 工作资料满意".into() };
        let p = &pieces_of(std::slice::from_ref(&l), 0)[1];
        let parts = split_glued_label(p, |t| t == "满意");
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].text, "工作资料");
        assert_eq!(parts[1].text, "满意");
        assert_eq!(parts[1].span, Span::on_line(7, 7, 9));
        // A name that merely ends like a label is left whole.
        let l = Line { no: 1, text: "职称评审专业类别数量".into() };
        let p = &pieces_of(std::slice::from_ref(&l), 0)[0];
        assert_eq!(split_glued_label(p, |t| t == "数量").len(), 1);
    }
}
