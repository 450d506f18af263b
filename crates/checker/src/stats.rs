//! Why a figure was left unverified, and which table cells have a known column: what
//! `check --stats` prints beside the coverage count.

use crate::context::Context;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use yusuan_model::catalog::Lookup;
use yusuan_model::narrative::Subject;
use yusuan_model::registry::schema;
use yusuan_model::span::Span;
use yusuan_model::table::{Assignment, Row, Table};

/// Why no evaluated identity covered a figure, most telling first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unverified {
    /// A cell of a table whose kind has no declared columns.
    UnknownTable,
    /// A cell of a row whose figures could stand in more than one column, or in none.
    UnsettledRow,
    /// A cell of a row whose code the catalog does not know.
    UnknownCode,
    /// A narrative figure whose subject was not recognised.
    UnknownSubject,
    /// Read and placed, but no identity the rules know takes it in.
    NoIdentity,
}

impl Unverified {
    pub fn label(self, lang: &str) -> &'static str {
        match (self, lang == "en") {
            (Unverified::UnknownTable, false) => "表格种类未知",
            (Unverified::UnknownTable, true) => "table of unknown kind",
            (Unverified::UnsettledRow, false) => "所在行栏目未能确定",
            (Unverified::UnsettledRow, true) => "row's columns not settled",
            (Unverified::UnknownCode, false) => "科目编码不在分类科目中",
            (Unverified::UnknownCode, true) => "code not in the catalog",
            (Unverified::UnknownSubject, false) => "说明对象未能识别",
            (Unverified::UnknownSubject, true) => "narrative subject not recognised",
            (Unverified::NoIdentity, false) => "无勾稽关系涉及",
            (Unverified::NoIdentity, true) => "no identity covers it",
        }
    }
}

/// Whether value `i` of a row has a known column: the row is settled, or every placement that
/// fits puts it in the same column.
fn value_settled(table: &Table, row: &Row, i: usize) -> bool {
    if Context::settled(table, row) {
        return true;
    }
    match &row.assignment {
        Assignment::Ambiguous { candidates } => {
            let first = candidates.first().and_then(|c| c.get(i));
            first.is_some() && candidates.iter().all(|c| c.get(i) == first)
        }
        _ => false,
    }
}

/// The table cells whose column is not known, with why.
fn table_reasons(cx: &Context, out: &mut BTreeMap<Span, Unverified>, unsettled: &mut HashSet<Span>) {
    for table in &cx.doc.tables {
        let known_kind = schema(&table.kind).is_some();
        for row in &table.rows {
            let unknown_code = row.code.as_ref().is_some_and(|c| !matches!(cx.catalog.get(c), Lookup::Known(_)));
            for (i, v) in row.values.iter().enumerate() {
                let settled = value_settled(table, row, i);
                if !settled {
                    unsettled.insert(v.span);
                }
                let reason = if !known_kind {
                    Unverified::UnknownTable
                } else if !settled {
                    Unverified::UnsettledRow
                } else if unknown_code {
                    Unverified::UnknownCode
                } else {
                    Unverified::NoIdentity
                };
                out.insert(v.span, reason);
            }
        }
    }
}

/// The narrative figures of unrecognised subjects.
fn narrative_reasons(cx: &Context, out: &mut BTreeMap<Span, Unverified>) {
    for f in &cx.doc.narrative.facts {
        if !matches!(f.subject, Subject::Other(_)) {
            continue;
        }
        let spans =
            f.amount.iter().map(|a| a.span).chain(f.share.iter().map(|s| s.rate.span)).chain(
                f.change.iter().flat_map(|c| c.amount.iter().map(|a| a.span).chain(c.rate.iter().map(|r| r.span))),
            );
        for s in spans {
            out.insert(s, Unverified::UnknownSubject);
        }
    }
}

/// The number of figures with a known place, and the reason for each unverified figure.
pub fn explain(cx: &Context, figures: usize, unverified: &[Span]) -> (usize, BTreeMap<Unverified, usize>) {
    let mut reasons = BTreeMap::new();
    let mut unsettled = HashSet::new();
    table_reasons(cx, &mut reasons, &mut unsettled);
    narrative_reasons(cx, &mut reasons);
    let mut counts = BTreeMap::new();
    for s in unverified {
        *counts.entry(reasons.get(s).copied().unwrap_or(Unverified::NoIdentity)).or_insert(0) += 1;
    }
    (figures.saturating_sub(unsettled.len()), counts)
}
