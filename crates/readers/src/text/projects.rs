//! Project descriptions of the narrative (（一）项目名称：… 资金分配情况：…) into
//! [`ProjectDescription`]s.
//!
//! A description is a run of labelled fields. Labels are found at the start of a source line
//! (where documents print them), and field values are read from the joined text, so a value
//! wrapped anywhere, even inside a number, reads whole.

use super::glossary::{enumerator, is_part_heading, is_section_heading, spanned_text, trim_range};
use super::source::{Joined, Line};
use yusuan_model::money::{split_number, AmountUnit, Money, UnitPrice};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::project::{
    AllocationItem, CitedDocument, CnDate, Expression, Factor, Period, PolicyBasis, ProjectDescription,
};
use yusuan_model::quantity::Quantity;
use yusuan_model::span::Spanned;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Policy,
    Budget,
    Unit,
    Allocation,
    Period,
    /// A `标签：` at a line start that is none of the above.
    Unknown,
}

/// Labels and the field they open; longer first where one is a prefix of another.
const LABELS: [(&str, Field); 17] = [
    ("项目名称", Field::Name),
    ("设立的政策依据", Field::Policy),
    ("政策依据", Field::Policy),
    ("立项依据", Field::Policy),
    ("设立依据", Field::Policy),
    ("预算安排规模", Field::Budget),
    ("预算安排", Field::Budget),
    ("项目预算", Field::Budget),
    ("预算规模", Field::Budget),
    ("项目承担单位", Field::Unit),
    ("项目实施单位", Field::Unit),
    ("承担单位", Field::Unit),
    ("实施单位", Field::Unit),
    ("资金分配情况", Field::Allocation),
    ("资金分配", Field::Allocation),
    ("资金执行时间", Field::Period),
    ("执行时间", Field::Period),
];

/// A label and its colon at the start of `s`: the field and the byte length through the colon.
/// (A label without its colon, alone in a table's cell, is not taken: when the cell wraps the
/// label, `设立的政策依` / `据`, the fields run into each other, and a wrong reading would raise
/// false errors.)
fn label(s: &str) -> Option<(Field, usize)> {
    let colon = |rest: &str| rest.trim_start().strip_prefix(['：', ':']).map(|r| s.len() - r.len());
    for (word, field) in LABELS {
        if let Some(len) = s.strip_prefix(word).and_then(colon) {
            return Some((field, len));
        }
    }
    // Two to eight Han characters and a colon: a field this reader does not know.
    let han = s.chars().take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    let word: String = s.chars().take(han).collect();
    if (2..=8).contains(&han) && word != "其中" {
        return colon(&s[word.len()..]).map(|len| (Field::Unknown, len));
    }
    None
}

/// A line that opens a project: `（一）项目名称：…` or `项目名称：…`.
pub(crate) fn opens_project(text: &str) -> bool {
    let t = text.trim();
    let t = enumerator(t).and_then(|(_, _, len)| t.get(len..)).unwrap_or(t);
    matches!(label(t), Some((Field::Name, _)))
}

/// Reads every project description in `lines` (Part 3 without the performance tables).
pub fn read(lines: &[Line]) -> (Vec<ProjectDescription>, Vec<ReadNote>) {
    let mut projects = Vec::new();
    let mut notes = Vec::new();
    let starts: Vec<usize> = (0..lines.len()).filter(|&i| opens_project(&lines[i].text)).collect();
    for (k, &s) in starts.iter().enumerate() {
        let limit = starts.get(k + 1).copied().unwrap_or(lines.len());
        // A heading that opens no project ends the description (`八、 关于…`).
        let end = (s + 1..limit)
            .find(|&i| is_section_heading(&lines[i].text) || is_part_heading(&lines[i].text))
            .unwrap_or(limit);
        if let Some(p) = read_one(lines.get(s..end).unwrap_or(&[]), &mut notes) {
            projects.push(p);
        }
    }
    (projects, notes)
}

/// One description, from its `项目名称` line to before the next.
fn read_one(lines: &[Line], notes: &mut Vec<ReadNote>) -> Option<ProjectDescription> {
    let kept: Vec<&Line> = lines.iter().filter(|l| !l.is_blank() && !l.is_page_number()).collect();
    let mut j = Joined::default();
    let mut number = None;
    let mut body_start = 0;
    // (field, value start) in joined text, in order.
    let mut fields: Vec<(Field, usize, usize)> = Vec::new();
    for (k, l) in kept.iter().enumerate() {
        let line_start = j.text.len();
        j.push_line(l);
        let mut at = line_start;
        if k == 0 {
            if let Some((n, _, len)) = enumerator(&j.text[at..]) {
                number = Some(n);
                at += len;
                body_start = at;
            }
        }
        if let Some((field, len)) = label(&j.text[at..]) {
            fields.push((field, at, at + len));
        }
    }
    let text = &j.text;
    let mut p = ProjectDescription {
        number,
        name: Spanned::new(String::new(), j.span(0, text.len())),
        policy_basis: None,
        budget: None,
        executing_unit: None,
        allocation: Vec::new(),
        period: None,
        span: j.span(0, text.len()),
    };
    let mut seen = Vec::new();
    for (k, &(field, label_at, a)) in fields.iter().enumerate() {
        let b = fields.get(k + 1).map_or(text.len(), |f| f.1);
        seen.push(field);
        let value = spanned_text(&j, a, b, "。；;，,");
        match (field, value) {
            (_, None) => {}
            (Field::Name, Some(v)) => p.name = v,
            (Field::Policy, Some(v)) => {
                let documents = cited_documents(&j, a, b);
                p.policy_basis = Some(PolicyBasis { text: v, documents });
            }
            (Field::Budget, Some(v)) => match Money::parse(&v.value, AmountUnit::Wan) {
                Ok(m) => p.budget = Some(Spanned::new(m, v.span)),
                Err(_) => notes.push(unread(&v, "预算安排规模不是金额", "the budget is not an amount")),
            },
            (Field::Unit, Some(v)) => p.executing_unit = Some(v),
            (Field::Allocation, Some(_)) => p.allocation = allocation(&j, a, b, notes),
            (Field::Period, Some(_)) => p.period = period(&j, a, b, notes),
            (Field::Unknown, Some(_)) => {
                if let Some(v) = spanned_text(&j, label_at, b, "") {
                    notes.push(unread(
                        &v,
                        "项目说明中无法识别的字段",
                        "a field of the project description no reader takes",
                    ));
                }
            }
        }
    }
    if let Some(v) = fields.first().and_then(|f| spanned_text(&j, body_start, f.1, "")) {
        notes.push(unread(&v, "项目说明中无法识别的文字", "text of a project description before its first field"));
    }
    for (field, zh, en) in [
        (Field::Budget, "预算安排规模", "the budget (预算安排规模)"),
        (Field::Allocation, "资金分配情况", "the allocation (资金分配情况)"),
    ] {
        if !seen.contains(&field) {
            notes.push(ReadNote::new(
                NoteKind::MissingField,
                Some(p.span),
                format!("项目“{}”缺少{zh}", p.name.value),
                format!("the project “{}” does not state {en}", p.name.value),
            ));
        }
    }
    (!p.name.value.is_empty()).then_some(p)
}

fn unread(v: &Spanned<String>, zh: &str, en: &str) -> ReadNote {
    ReadNote::new(NoteKind::UnreadLine, Some(v.span), format!("{zh}：{}", v.value), format!("{en}: {}", v.value))
}

/// `《title》（number）` citations in `[a, b)` of the joined text.
fn cited_documents(j: &Joined, a: usize, b: usize) -> Vec<CitedDocument> {
    let t = &j.text;
    let mut out = Vec::new();
    let mut p = a;
    while let Some(open) = t.get(p..b).and_then(|s| s.find('《')).map(|o| p + o) {
        let inner = open + '《'.len_utf8();
        // The matching 》, counting nested 《》.
        let mut depth = 1;
        let mut close = None;
        for (i, c) in t[inner..b].char_indices() {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(inner + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        p = close + '》'.len_utf8();
        let Some(title) = spanned_text(j, inner, close, "") else {
            continue;
        };
        // A number in the brackets right after: `（新人社发〔2018〕51号文件）`.
        let q = p + (t[p..b].len() - t[p..b].trim_start().len());
        let number = t[q..b].strip_prefix(['（', '(']).and_then(|r| {
            let r0 = b - r.len();
            let end = r.find(['）', ')'])?;
            let hao = r[..end].rfind('号')?;
            spanned_text(j, r0, r0 + hao + '号'.len_utf8(), "")
        });
        out.push(CitedDocument { title, number });
    }
    out
}

/// `2024年 1月 1日--2024年 12月 31日`, the field's value at `[a, b)` of the joined text.
fn period(j: &Joined, a: usize, b: usize, notes: &mut Vec<ReadNote>) -> Option<Period> {
    let whole = spanned_text(j, a, b, "。；;，,")?;
    let (a, b) = trim_range(&j.text, a, b, "。；;，,");
    let text = j.text.get(a..b)?;
    let split = ["--", "——", "—", "至", "－", "～", "~", "-"].iter().find_map(|sep| {
        let at = text.find(sep)?;
        let (x, y) = (&text[..at], &text[at + sep.len()..]);
        (!x.trim().is_empty() && !y.trim().is_empty()).then_some((a + at, a + at + sep.len()))
    });
    let (start, end) = match split {
        Some((x, y)) => (spanned_text(j, a, x, "")?, spanned_text(j, y, b, "")),
        None => (whole.clone(), None),
    };
    let start_date = CnDate::parse(&start.value);
    let end_date = end.as_ref().and_then(|e| CnDate::parse(&e.value));
    if start_date.is_none() || (end.is_some() && end_date.is_none()) {
        notes.push(unread(&whole, "资金执行时间不是日期", "the execution period is not a pair of dates"));
    }
    Some(Period { start, end, start_date, end_date })
}

/// A factor of an expression: `3500元/课时`, `200元/人/天`, `50课时`, `15人/` (a stray slash),
/// `2万元`.
fn factor(text: &str) -> Option<Factor> {
    let t = text.trim().trim_end_matches(['/', '／']).trim();
    if t.contains(char::is_whitespace) {
        return None;
    }
    if t.contains(['/', '／']) {
        if let Ok(p) = UnitPrice::parse(t) {
            return Some(Factor::UnitPrice(p));
        }
    }
    let (num, rest) = split_number(t);
    if num.is_empty() {
        return None;
    }
    if let Some((unit, n)) = AmountUnit::parse_prefix(rest) {
        if unit != AmountUnit::Fen && rest.chars().count() == n {
            return Money::parse(t, AmountUnit::Yuan).ok().map(Factor::Money);
        }
    }
    let q = Quantity::parse(t)?;
    (!q.unit.contains(|c: char| c.is_ascii_digit())).then_some(Factor::Quantity(q))
}

/// Where a digit run starts (not inside another number).
pub(crate) fn number_starts(t: &str, a: usize, b: usize) -> Vec<usize> {
    let Some(s) = t.get(a..b) else {
        return Vec::new();
    };
    let mut prev: Option<char> = t[..a].chars().next_back();
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if digit(c) && !prev.is_some_and(|p| digit(p) || p == '.' || p == ',' || p == '．') {
            out.push(a + i);
        }
        prev = Some(c);
    }
    out
}

/// 资金分配情况 at `[a, b)`: items separated by `，`, `、`, `；`, each ending at its amount (an
/// amount followed by a separator or the end), since `、` also joins words inside a name.
fn allocation(j: &Joined, a: usize, b: usize, notes: &mut Vec<ReadNote>) -> Vec<AllocationItem> {
    let t = &j.text;
    let mut items = Vec::new();
    let mut item_start = a;
    let mut skip_to = a;
    for n0 in number_starts(t, a, b) {
        if n0 < skip_to {
            continue;
        }
        let (_, rest) = split_number(&t[n0..b]);
        let rest_t = rest.trim_start();
        let unit_at = b - rest_t.len();
        let Some((_, nchars)) = AmountUnit::parse_prefix(rest_t).filter(|(u, _)| *u != AmountUnit::Fen) else {
            continue;
        };
        let unit_end = unit_at + rest_t.chars().take(nchars).map(char::len_utf8).sum::<usize>();
        // The item may explain its amount in brackets after it (`17.50万元（50课时×3500元/课时
        // =17.50万元）`): the item ends after them.
        let item_end = bracketed_end(t, unit_end, b).unwrap_or(unit_end);
        let next = t[item_end..b].trim_start().chars().next();
        let ends = !matches!(next, Some(c) if !"，、；;,。".contains(c));
        if !ends {
            continue;
        }
        let Ok(amount) = Money::parse(&t[n0..unit_end], AmountUnit::Yuan) else {
            continue;
        };
        let amount = Spanned::new(amount, j.span(n0, unit_end));
        let mut read = item(j, item_start, n0, amount, notes);
        if read.expression.is_none() && item_end > unit_end {
            read.expression = bracketed_expression(j, unit_end, item_end);
        }
        items.push(read);
        item_start = item_end;
        skip_to = item_end;
    }
    if let Some(v) = spanned_text(j, item_start, b, "，、；;,。 ") {
        // Text left after the last item that holds an amount is an item not read: the sum of
        // those read would be short.
        if holds_money(&v.value) {
            notes.push(unread(&v, "资金分配情况有未能读出的项", "allocation items that do not read"));
            return Vec::new();
        }
        notes.push(unread(&v, "资金分配情况中没有金额的文字", "allocation text with no amount"));
    }
    // An item whose name holds an amount of its own (`租车9.00万元印刷费1.40万元`: items run
    // together without a separator) cannot be told apart from its neighbours: the allocation is
    // not read, rather than read as one item.
    if let Some(run) = items.iter().find(|i| holds_money(&i.name.value)) {
        notes.push(unread(
            &run.name,
            "资金分配情况各项之间没有分隔，无法逐项读取",
            "allocation items run together without separators",
        ));
        return Vec::new();
    }
    items
}

/// The end of a bracketed remark that starts right after `at` (`（…）` or `(…)`), before `b`.
fn bracketed_end(t: &str, at: usize, b: usize) -> Option<usize> {
    let rest = t.get(at..b)?;
    let open = rest.chars().next().filter(|c| *c == '（' || *c == '(')?;
    let close = if open == '（' { '）' } else { ')' };
    let inner = &rest[open.len_utf8()..];
    let end = inner.find([close, '）', ')'])?;
    // Nested brackets are not a remark this reads.
    if inner[..end].contains(['（', '(']) {
        return None;
    }
    Some(at + open.len_utf8() + end + close.len_utf8())
}

/// The calculation in a bracketed remark `（50课时×3500元/课时=17.50万元）` between `a` and `b`
/// (the brackets included), when it reads as one: factors, `=`, an amount.
fn bracketed_expression(j: &Joined, a: usize, b: usize) -> Option<Expression> {
    let t = &j.text;
    let open = t[a..b].chars().next()?.len_utf8();
    let close = t[..b].chars().next_back()?.len_utf8();
    let (s, e) = (a + open, b - close);
    let eq = s + t[s..e].rfind(['=', '＝'])?;
    let n0 = eq + t[eq..e].chars().next()?.len_utf8();
    let result = Money::parse(t[n0..e].trim(), AmountUnit::Yuan).ok()?;
    // The remark names nothing before its factors: the note that says so is not the reader's.
    let mut scratch = Vec::new();
    item(j, s, n0, Spanned::new(result, j.span(n0, e)), &mut scratch).expression
}

/// Whether `text` holds an amount of money (`9.00万元`; a unit price such as `200元/天` is not
/// one).
fn holds_money(text: &str) -> bool {
    number_starts(text, 0, text.len()).into_iter().any(|n| {
        let (_, rest) = split_number(&text[n..]);
        let rest = rest.trim_start();
        AmountUnit::parse_prefix(rest).filter(|(u, _)| *u != AmountUnit::Fen).is_some_and(|(_, len)| {
            let after: String = rest.chars().skip(len).take(1).collect();
            after != "/" && after != "／"
        })
    })
}

/// One item from `s` to its amount (which starts at `n0`).
fn item(j: &Joined, s: usize, n0: usize, amount: Spanned<Money>, notes: &mut Vec<ReadNote>) -> AllocationItem {
    let t = &j.text;
    let before = t[s..n0].trim_end();
    let mut name_end = n0;
    let mut expression = None;
    if let Some(lhs) = before.strip_suffix(['=', '＝']) {
        let eq = s + lhs.len();
        // Factors between `*` (or `×`); the first also carries the name before it.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut p = s;
        for piece in t[s..eq].split(['*', '×', '＊']) {
            pieces.push((p, p + piece.len()));
            p += piece.len() + t[p + piece.len()..].chars().next().map_or(0, char::len_utf8);
        }
        let mut factors = Vec::new();
        let mut ok = true;
        for (k, &(pa, pb)) in pieces.iter().enumerate() {
            let (pa, pb) = trim_range(t, pa, pb, "");
            // The first piece's factor starts at the last number start that reads as a factor.
            let fa = if k == 0 {
                number_starts(t, pa, pb).into_iter().rev().find(|&f| factor(&t[f..pb]).is_some())
            } else {
                Some(pa)
            };
            match fa.and_then(|fa| factor(&t[fa..pb]).map(|f| (fa, f))) {
                Some((fa, f)) => {
                    if k == 0 {
                        name_end = fa;
                    }
                    factors.push(Spanned::new(f, j.span(fa, pb)));
                }
                None => ok = false,
            }
        }
        if ok && factors.len() >= 2 {
            expression = Some(Expression { factors, result: amount.clone() });
        } else {
            name_end = eq;
            if let Some(v) = spanned_text(j, s, n0, "，、；;,。") {
                notes.push(unread(&v, "无法读出的计算式", "an expression whose factors do not read"));
            }
        }
    }
    let name = spanned_text(j, s, name_end, "，、；;,。：: ").unwrap_or_else(|| {
        notes.push(ReadNote::new(
            NoteKind::MissingField,
            Some(amount.span),
            format!("资金分配项 {} 没有名称", amount.value),
            format!("the allocation item of {} has no name", amount.value),
        ));
        Spanned::new(String::new(), amount.span)
    });
    AllocationItem { name, amount, expression }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factors() {
        assert!(matches!(factor("15人/"), Some(Factor::Quantity(q)) if q.unit == "人"));
        assert!(matches!(factor("200元/人/天"), Some(Factor::UnitPrice(p)) if p.per == ["人", "天"]));
        assert!(matches!(factor("2万元"), Some(Factor::Money(_))));
        assert!(factor("课程建设费 50课时").is_none());
        assert!(factor("费用").is_none());
    }

    #[test]
    fn labels() {
        assert_eq!(label("预算安排规模：30.00万元").map(|l| l.0), Some(Field::Budget));
        assert_eq!(label("项目概况：…").map(|l| l.0), Some(Field::Unknown));
        assert_eq!(label("其中：…"), None);
        assert!(opens_project(" （三）项目名称：某"));
        assert!(!opens_project("项目名称 服务中心机构运行补助经费 项目负责人"));
        // A two-column table's cells with the colon in the label's cell.
        assert!(opens_project("     项目名称：    各类人事考试工作经费"));
        assert_eq!(label("预算安排规模：  55.00万元").map(|l| l.0), Some(Field::Budget));
        // Without it, a wrapped label cell could run the fields together: not taken.
        assert_eq!(label("预算安排规模  55.00万元"), None);
    }
}
