//! Gives each row its 一级指标 and 二级指标.
//!
//! A merged label cell is printed once, among its group's rows. In extracted text it stands
//! just before (or inside) the group's last row: the rows before a label, back to the previous
//! label, are its group. Rows after the last label can only belong to the last group, since
//! groups are contiguous. Where this placement contradicts the national scheme or the row's own
//! content (an amount in 万元 outside 成本指标), the row keeps what the layout says and a note
//! says the attribution is uncertain.

use super::labels::{classify_run, is_standard_level1, level1_of, Label};
use super::rows::{note_unread, Row};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::performance::{Indicator, TargetValue};
use yusuan_model::span::{Span, Spanned};

/// Sets the levels of each row and returns the indicators.
pub(crate) fn attribute(rows: Vec<Row>, mut labels: Vec<Label>, notes: &mut Vec<ReadNote>) -> Vec<Indicator> {
    if rows.is_empty() {
        for l in labels {
            note_unread(notes, l.span, l.text);
        }
        return Vec::new();
    }
    // The row a label marks: the row its position falls in, or the next one.
    let last = rows.len() - 1;
    let row_of = |pos: usize| rows.iter().position(|r| r.end > pos).unwrap_or(last);
    labels.sort_by_key(|l| l.pos);
    let mut level1: Vec<(usize, Label)> = Vec::new();
    let mut level2: Vec<(usize, Label)> = Vec::new();
    let mut k = 0;
    while k < labels.len() {
        let r = labels.get(k).map(|l| row_of(l.pos)).unwrap_or(last);
        let n = labels.iter().skip(k).take_while(|l| row_of(l.pos) == r).count().max(1);
        let run: Vec<Label> = labels.iter().skip(k).take(n).cloned().collect();
        k += n;
        let run = classify_run(run);
        level1.extend(run.level1.map(|l| (r, l)));
        level2.extend(run.level2.map(|l| (r, l)));
        for l in run.extra {
            note_unread(notes, l.span, l.text);
        }
    }
    // Two labels of one level at the same row: the first labels no row.
    for w in [&level1, &level2] {
        for pair in w.windows(2) {
            if let [(a, la), (b, _)] = pair {
                if a == b {
                    notes.push(ReadNote::new(
                        NoteKind::UnreadLine,
                        Some(la.span),
                        format!("指标分组“{}”找不到所属的指标行", la.text),
                        format!("the indicator group “{}” has no row of its own", la.text),
                    ));
                }
            }
        }
    }
    let convention = Convention::of(&level2, last);
    if convention == Convention::Unsure {
        let unlabelled = (0..rows.len()).filter(|i| !level2.iter().any(|(r, _)| r == i)).count();
        if unlabelled > 0 {
            notes.push(ReadNote::new(
                NoteKind::MissingField,
                level2.first().map(|(_, l)| l.span),
                "无法判断指标分组标签标在组内首行还是末行，按末行归属",
                "cannot tell whether group labels mark a group's first or last row; read as last",
            ));
        }
    }
    let pick = |w: &[(usize, Label)], i: usize| -> Option<Spanned<String>> {
        let found = if convention == Convention::FirstRow {
            w.iter().rev().find(|(r, _)| *r <= i).or_else(|| w.first())
        } else {
            w.iter().find(|(r, _)| *r >= i).or_else(|| w.last())
        };
        let l = &found?.1;
        Some(Spanned::new(l.text.to_string(), l.span))
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let mut ind = row.indicator;
        ind.level2 = pick(&level2, i);
        ind.level1 = pick(&level1, i);
        let row_span = ind.level3.as_ref().map(|s| s.span).or(ind.value.as_ref().map(|s| s.span));
        let name = ind.level3.as_ref().map(|s| s.value.clone()).unwrap_or_default();
        if ind.level1.is_none() {
            // The national scheme settles the 一级 of a known 二级.
            ind.level1 =
                ind.level2.as_ref().and_then(|l2| level1_of(&l2.value).map(|l1| Spanned::new(l1.to_string(), l2.span)));
        }
        if ind.level2.is_none() {
            notes.push(uncertain(row_span, &name, "找不到所属的二级指标", "has no 二级指标 (level 2) label"));
        }
        if ind.level1.is_none() {
            notes.push(uncertain(row_span, &name, "找不到所属的一级指标", "has no 一级指标 (level 1) label"));
        }
        check(&ind, row_span, &name, notes);
        out.push(ind);
    }
    out
}

/// Where a merged label stands in its group. The PDF extraction puts it by (or just before)
/// the group's last row; a typed table or a spreadsheet export puts it on the first row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Convention {
    LastRow,
    FirstRow,
    /// Labels at both the first and the last row, not at every row.
    Unsure,
}

impl Convention {
    /// Read from the 二级 labels: the first row of the grid has one only if labels mark first
    /// rows (or the first group has one row), the last row only if they mark last rows (or the
    /// last group has one row).
    fn of(level2: &[(usize, Label)], last: usize) -> Convention {
        let at_first = level2.iter().any(|(r, _)| *r == 0);
        let at_last = level2.iter().any(|(r, _)| *r == last);
        let every_row = (0..=last).all(|i| level2.iter().any(|(r, _)| *r == i));
        match (at_first, at_last) {
            (true, false) => Convention::FirstRow,
            (true, true) if !every_row => Convention::Unsure,
            _ => Convention::LastRow,
        }
    }
}

/// Notes a row whose placement the scheme or its content contradicts.
fn check(ind: &Indicator, span: Option<Span>, name: &str, notes: &mut Vec<ReadNote>) {
    let Some(l1) = ind.level1.as_ref().map(|s| s.value.as_str()) else {
        return;
    };
    if !is_standard_level1(l1) {
        return;
    }
    if let Some(expected) = ind.level2.as_ref().and_then(|l2| level1_of(&l2.value)) {
        // 成本指标 under 产出指标 is the pre-2021 scheme, not a contradiction.
        let old_scheme = expected == "产出指标" && ind.level2.as_ref().is_some_and(|l| l.value == "成本指标");
        if expected != l1 && !(old_scheme || l1 == "成本指标") {
            notes.push(uncertain(
                span,
                name,
                &format!("的一级指标“{l1}”与二级指标不符，归属不确定"),
                &format!("sits under 一级指标 “{l1}”, which does not fit its 二级指标: attribution uncertain"),
            ));
            return;
        }
    }
    let money = ind
        .value
        .as_ref()
        .and_then(|v| match &v.value {
            TargetValue::Quantity(q) => Some(q.unit.ends_with('元')),
            TargetValue::Text(_) => None,
        })
        .unwrap_or(false);
    let satisfaction = name.contains("满意");
    let (fits, zh, en) = if money {
        (l1 == "成本指标" || l1 == "产出指标" && is_old_cost(ind), "以金额计", "is an amount")
    } else if satisfaction {
        (l1 == "满意度指标", "是满意度", "is a satisfaction rate")
    } else {
        (true, "", "")
    };
    if !fits {
        notes.push(uncertain(
            span,
            name,
            &format!("{zh}，却位于“{l1}”之下，归属不确定"),
            &format!("{en} but sits under “{l1}”: attribution uncertain"),
        ));
    }
}

fn is_old_cost(ind: &Indicator) -> bool {
    ind.level2.as_ref().is_some_and(|l| l.value == "成本指标")
}

fn uncertain(span: Option<Span>, name: &str, zh: &str, en: &str) -> ReadNote {
    ReadNote::new(
        NoteKind::MissingField,
        span,
        format!("绩效指标“{name}”{zh}"),
        format!("performance indicator “{name}” {en}"),
    )
}
