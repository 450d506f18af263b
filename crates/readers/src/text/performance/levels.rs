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
pub(crate) fn attribute(
    rows: Vec<Row>,
    mut labels: Vec<Label>,
    notes: &mut Vec<ReadNote>,
) -> Vec<Indicator> {
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
        let n = labels
            .iter()
            .skip(k)
            .take_while(|l| row_of(l.pos) == r)
            .count()
            .max(1);
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
    let pick = |w: &[(usize, Label)], i: usize| -> Option<Spanned<String>> {
        let l = w
            .iter()
            .find(|(r, _)| *r >= i)
            .or_else(|| w.last())
            .map(|(_, l)| l)?;
        Some(Spanned::new(l.text.to_string(), l.span))
    };
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.into_iter().enumerate() {
        let mut ind = row.indicator;
        ind.level2 = pick(&level2, i);
        ind.level1 = pick(&level1, i);
        let row_span = ind
            .level3
            .as_ref()
            .map(|s| s.span)
            .or(ind.value.as_ref().map(|s| s.span));
        let name = ind
            .level3
            .as_ref()
            .map(|s| s.value.clone())
            .unwrap_or_default();
        if ind.level1.is_none() {
            // The national scheme settles the 一级 of a known 二级.
            ind.level1 = ind.level2.as_ref().and_then(|l2| {
                level1_of(&l2.value).map(|l1| Spanned::new(l1.to_string(), l2.span))
            });
        }
        if ind.level2.is_none() {
            notes.push(uncertain(
                row_span,
                &name,
                "找不到所属的二级指标",
                "has no 二级指标 (level 2) label",
            ));
        }
        if ind.level1.is_none() {
            notes.push(uncertain(
                row_span,
                &name,
                "找不到所属的一级指标",
                "has no 一级指标 (level 1) label",
            ));
        }
        check(&ind, row_span, &name, notes);
        out.push(ind);
    }
    out
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
        let old_scheme =
            expected == "产出指标" && ind.level2.as_ref().is_some_and(|l| l.value == "成本指标");
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
        (
            l1 == "成本指标" || l1 == "产出指标" && is_old_cost(ind),
            "以金额计",
            "is an amount",
        )
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
