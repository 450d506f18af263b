//! The indicator rows: the stream of pieces (labels taken out) cut into rows and each row's
//! pieces sorted into its cells. Cells come in column order in a clean extraction, but a
//! scrambled page prints a value before its name or a weight inside a wrapped rule, so a piece
//! goes to the cell its shape fits, and a row ends when a piece can only start the next one.

use super::lex::{classify, is_bare_number, is_bare_sign, join, split_comparison, Class, Piece};
use crate::text::source::Line;
use rust_decimal::Decimal;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::performance::{Indicator, TargetValue};
use yusuan_model::quantity::Quantity;
use yusuan_model::span::{Span, Spanned};

/// Which columns the table's header announced.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Columns {
    pub basis: bool,
    pub prior: bool,
    pub rule: bool,
    pub evidence: bool,
}

impl Columns {
    /// From the header text, all pieces joined (`一级指标二级指标三级指标指标值…`).
    pub fn from_header(h: &str) -> Columns {
        Columns {
            basis: h.contains("依据"),
            prior: h.contains("上年") || h.contains("完成值"),
            rule: h.contains("赋分") || h.contains("评分"),
            evidence: h.contains("佐证"),
        }
    }
}

impl Default for Columns {
    /// The 项目支出 layout, for a table whose header was not found.
    fn default() -> Self {
        Columns { basis: true, prior: true, rule: true, evidence: true }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Name,
    Value,
    Basis,
    Num,
    Prior,
    Rule,
    Evidence,
    /// Fits no cell: reported.
    Stray,
}

/// A row being built: indices into the piece stream for each cell.
#[derive(Debug, Default)]
struct Build {
    start: usize,
    end: usize,
    name: Vec<usize>,
    value: Vec<usize>,
    basis: Vec<usize>,
    /// Figures outside the value: the weight and the actual, each with the unit that follows.
    nums: Vec<Vec<usize>>,
    prior: Vec<usize>,
    rule: Vec<usize>,
    evidence: Vec<usize>,
    weight_alone: Option<usize>,
    stray: Vec<usize>,
    last: Option<Slot>,
}

impl Build {
    fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// One row read: the indicator (levels not yet set) and the stream range it took.
#[derive(Debug)]
pub(crate) struct Row {
    pub indicator: Indicator,
    pub end: usize,
}

pub(crate) fn read_rows(block: &[Line], pieces: &[Piece], cols: Columns, notes: &mut Vec<ReadNote>) -> Vec<Row> {
    let classes: Vec<Class> = pieces.iter().map(|p| classify(&p.text)).collect();
    let text = |i: usize| pieces.get(i).map(|p| p.text.as_str()).unwrap_or("");
    let class = |i: usize| classes.get(i).copied().unwrap_or(Class::Text);
    let line = |i: usize| pieces.get(i).map(|p| p.line);
    let cat = |ix: &[usize]| ix.iter().map(|&i| text(i)).collect::<String>();

    let mut rows = Vec::new();
    let mut b = Build::default();
    for i in 0..pieces.len() {
        let t = text(i);
        let value_text = cat(&b.value);
        // The value still wants its figure (`＞` / `=95%`) or its unit (`＞=2` / `人`).
        let value_is_bare_sign = is_bare_sign(&value_text);
        // Only a sign so far (`≥` / `95%`, `＞=` / `2人`).
        let value_is_sign = split_comparison(&value_text).is_some_and(|(_, n)| n == value_text.len());
        let value_wants_unit = value_wants_unit(&value_text);
        let complete = is_complete(&b, cols, &cat);
        let slot = match class(i) {
            Class::Cmp if value_is_bare_sign && t.starts_with(['=', '＝']) => Slot::Value,
            Class::Cmp if !b.value.is_empty() || complete => {
                finish(block, pieces, &mut b, i, cols, &mut rows, notes);
                Slot::Value
            }
            Class::Cmp => Slot::Value,
            // The rest of a figure wrapped inside the value: `=3800` / `0人次`.
            Class::Num
                if value_is_sign
                    || (b.last == Some(Slot::Value)
                        && value_text.ends_with(|c: char| c.is_ascii_digit())
                        && starts_digit(t)
                        && b.value.last().and_then(|&k| line(k)) != line(i)) =>
            {
                Slot::Value
            }
            Class::Unit if complete => Slot::Stray,
            // Before the value, a unit-like word after the name is the name's wrapped end
            // (`…完成时` / `间`).
            Class::Unit if b.value.is_empty() && b.last == Some(Slot::Name) => Slot::Name,
            Class::Unit if value_wants_unit && b.last != Some(Slot::Num) => Slot::Value,
            Class::Unit if b.nums.last().is_some_and(|n| wants_unit(&cat(n))) => Slot::Num,
            Class::Unit if value_wants_unit => Slot::Value,
            Class::Unit => Slot::Stray,
            // A figure inside a name, on the name's line (`劳动…劳` / `务费 13.5万元`).
            Class::Num
                if b.value.is_empty()
                    && b.last == Some(Slot::Name)
                    && b.name.last().and_then(|&k| line(k)) == line(i) =>
            {
                Slot::Name
            }
            // A figure inside a free-text basis (`自治区下发` / `2024 年度专业`).
            Class::Num
                if b.last == Some(Slot::Basis)
                    && b.basis.first().is_some_and(|&k| class(k) == Class::Text)
                    && pieces.get(i + 1).map(|p| p.line) == line(i) =>
            {
                Slot::Basis
            }
            Class::Num if complete => {
                finish(block, pieces, &mut b, i, cols, &mut rows, notes);
                Slot::Num
            }
            Class::Num => Slot::Num,
            Class::Basis if !b.basis.is_empty() && !b.value.is_empty() => {
                finish(block, pieces, &mut b, i, cols, &mut rows, notes);
                Slot::Basis
            }
            Class::Basis => {
                // A qualitative value is the last name piece, on the basis's line
                // (`不断提高公益岗人员工作` / `能力` / `提高 其他标准 20`).
                if b.value.is_empty() && b.name.len() >= 2 && b.name.last().and_then(|&k| line(k)) == line(i) {
                    if let Some(k) = b.name.pop() {
                        b.value.push(k);
                    }
                }
                Slot::Basis
            }
            Class::Rule => Slot::Rule,
            // A rule wrapped anywhere (`按照完成比例赋` / `分`, `按照完成` / `比例赋分`).
            Class::Text
                if !b.rule.is_empty()
                    && !cat(&b.rule).ends_with('分')
                    && (cat(&b.rule).ends_with('赋') || t.ends_with('分')) =>
            {
                Slot::Rule
            }
            Class::Text if complete => {
                if cols.evidence && !b.evidence.is_empty() && continues_evidence(pieces, &classes, i) {
                    Slot::Evidence
                } else {
                    finish(block, pieces, &mut b, i, cols, &mut rows, notes);
                    Slot::Name
                }
            }
            Class::Text if !b.rule.is_empty() && cols.evidence => Slot::Evidence,
            Class::Text if b.value.is_empty() => Slot::Name,
            Class::Text if b.name.is_empty() || b.last == Some(Slot::Name) => Slot::Name,
            Class::Text if !b.basis.is_empty() && cols.prior && b.rule.is_empty() => Slot::Prior,
            Class::Text if cols.basis && b.rule.is_empty() && (b.basis.is_empty() || b.last == Some(Slot::Basis)) => {
                Slot::Basis
            }
            Class::Text if cols.evidence => Slot::Evidence,
            Class::Text => Slot::Stray,
        };
        if b.is_empty() {
            b.start = i;
        }
        b.end = i + 1;
        match slot {
            Slot::Name => b.name.push(i),
            Slot::Value => b.value.push(i),
            Slot::Basis => b.basis.push(i),
            Slot::Num => {
                if class(i) == Class::Unit {
                    if let Some(n) = b.nums.last_mut() {
                        n.push(i);
                    }
                } else {
                    b.nums.push(vec![i]);
                    // When the weight is the last column, a figure alone on its line ends the row;
                    // so does one that ends the line of a row printed on one line (`… ≥9次 依据
                    // 15`), when no 上年完成值 column could stand before it.
                    let last_on_line = pieces.get(i + 1).map(|p| p.line) != line(i);
                    let alone = pieces.get(i.wrapping_sub(1)).map(|p| p.line) != line(i) && last_on_line;
                    let ends_line_row = last_on_line && !cols.prior && !b.value.is_empty();
                    if (alone || ends_line_row) && is_bare_number(t) {
                        b.weight_alone = Some(i);
                    }
                }
            }
            Slot::Prior => b.prior.push(i),
            Slot::Rule => b.rule.push(i),
            Slot::Evidence => b.evidence.push(i),
            Slot::Stray => b.stray.push(i),
        }
        b.last = Some(slot);
    }
    let end = pieces.len();
    finish(block, pieces, &mut b, end, cols, &mut rows, notes);
    rows
}

fn starts_digit(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A figure with no unit yet (`＞=2`), or a unit that a wrap cut (`80万` / `元`).
fn value_wants_unit(v: &str) -> bool {
    !v.is_empty() && wants_unit(v)
}

fn wants_unit(v: &str) -> bool {
    v.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) || v.ends_with(['万', '亿', '千'])
}

/// Whether the row has its last column, so that what follows starts a new row.
fn is_complete(b: &Build, cols: Columns, cat: &impl Fn(&[usize]) -> String) -> bool {
    if cols.evidence {
        !b.evidence.is_empty()
    } else if cols.rule {
        !b.rule.is_empty() && cat(&b.rule).ends_with('分')
    } else {
        b.weight_alone.is_some()
    }
}

/// A short piece after a full evidence cell, followed by a longer text (the next row's name), is
/// the evidence wrapped (`工作资料,说明` / `材料`): a wrapped name's first line fills its column.
fn continues_evidence(pieces: &[Piece], classes: &[Class], i: usize) -> bool {
    let Some(p) = pieces.get(i) else { return false };
    let n = p.text.chars().count();
    if n > 4 {
        return false;
    }
    match (pieces.get(i + 1), classes.get(i + 1)) {
        (None, _) => true,
        (Some(q), Some(Class::Text)) => q.text.chars().count() > n && q.line != p.line,
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(
    block: &[Line],
    pieces: &[Piece],
    b: &mut Build,
    next: usize,
    cols: Columns,
    rows: &mut Vec<Row>,
    notes: &mut Vec<ReadNote>,
) {
    let done = std::mem::take(b);
    b.start = next;
    b.end = next;
    if done.is_empty() {
        return;
    }
    let get = |ix: &[usize]| -> Option<(String, Span)> {
        let ps: Vec<&Piece> = ix.iter().filter_map(|&i| pieces.get(i)).collect();
        join(block, &ps)
    };
    let mut ind = Indicator {
        level1: None,
        level2: None,
        level3: get(&done.name).map(|(t, s)| Spanned::new(t, s)),
        comparison: None,
        value: None,
        basis: get(&done.basis).map(|(t, s)| Spanned::new(t, s)),
        prior: None,
        weight: None,
        scoring_rule: get(&done.rule).map(|(t, s)| Spanned::new(t, s)),
        evidence: get(&done.evidence).map(|(t, s)| Spanned::new(t, s)),
    };
    if let Some((text, span)) = get(&done.value) {
        let (cmp, rest) = match split_comparison(&text) {
            Some((c, n)) => (Some(c), text.get(n..).unwrap_or("")),
            None => (None, text.as_str()),
        };
        // The sign's own span: the first value piece starts with it.
        if let (Some(c), Some(first)) = (cmp, done.value.first().and_then(|&i| pieces.get(i))) {
            let len = text.len() - rest.len();
            let sign_span = if len <= first.text.len() {
                Span::on_line(first.span.line, first.span.col, first.span.col + sign_chars(&text, len))
            } else {
                first.span
            };
            ind.comparison = Some(Spanned::new(c, sign_span));
        }
        ind.value = Some(Spanned::new(target_value(rest), span));
    }
    // The weight is the last bare figure; the figures before it are the actual (上年完成值).
    let mut nums = done.nums;
    let wk = nums.iter().rposition(|n| n.len() == 1 && n.first().is_some_and(|&i| is_bare(pieces, i)));
    if let Some(k) = wk {
        let w = nums.remove(k);
        if let Some(p) = w.first().and_then(|&i| pieces.get(i)) {
            let (number, _) = yusuan_model::money::split_number(&p.text);
            ind.weight = yusuan_model::money::parse_decimal(&number).map(|d: Decimal| Spanned::new(d, p.span));
        }
    }
    let mut prior_ix: Vec<usize> = nums.into_iter().flatten().collect();
    prior_ix.extend(done.prior);
    prior_ix.sort_unstable();
    if let Some((text, span)) = get(&prior_ix) {
        if cols.prior {
            ind.prior = Some(Spanned::new(target_value(&text), span));
        } else {
            note_unread(notes, span, &text);
        }
    }
    for &i in &done.stray {
        if let Some(p) = pieces.get(i) {
            note_unread(notes, p.span, &p.text);
        }
    }
    let row_span = pieces.get(done.start).map(|p| p.span).unwrap_or_default();
    let name = ind.level3.as_ref().map(|n| n.value.clone()).unwrap_or_default();
    if ind.level3.is_none() {
        notes.push(missing(row_span, "三级指标名称", "indicator name", &name));
    }
    if ind.value.is_none() {
        notes.push(missing(row_span, "指标值", "target value", &name));
    }
    if ind.weight.is_none() {
        notes.push(missing(row_span, "分值权重", "weight", &name));
    }
    rows.push(Row { indicator: ind, end: done.end });
}

fn sign_chars(text: &str, bytes: usize) -> u32 {
    text.get(..bytes).map(|s| s.chars().count() as u32).unwrap_or(0)
}

fn is_bare(pieces: &[Piece], i: usize) -> bool {
    pieces.get(i).is_some_and(|p| is_bare_number(&p.text))
}

/// A figure with its unit when the text is one, else the words.
fn target_value(text: &str) -> TargetValue {
    let t = text.trim();
    match Quantity::parse(t) {
        Some(q) if q.unit.chars().count() <= 6 => TargetValue::Quantity(q),
        _ => TargetValue::Text(t.to_string()),
    }
}

fn missing(span: Span, zh: &str, en: &str, name: &str) -> ReadNote {
    ReadNote::new(
        NoteKind::MissingField,
        Some(span),
        format!("绩效指标“{name}”缺少{zh}"),
        format!("performance indicator “{name}” has no {en}"),
    )
}

pub(crate) fn note_unread(notes: &mut Vec<ReadNote>, span: Span, text: &str) {
    notes.push(ReadNote::new(
        NoteKind::UnreadLine,
        Some(span),
        format!("绩效目标表中“{text}”无法归入任何栏目"),
        format!("“{text}” in a performance table fits no column"),
    ));
}
