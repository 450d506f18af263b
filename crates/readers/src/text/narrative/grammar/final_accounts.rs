//! Final accounts (部门决算): the budgets an actual is set against (`年初预算为 X`), the actual
//! (`支出决算为 Y`, kept as the fact's amount), the completion rate (`完成年初预算的 Z%`) and
//! the comparison of actual with budget (`决算数小于全年预算数的主要原因：…`).
//!
//! Read only in documents whose headings say 决算: in a budget, `2024年预算数为 X` is the
//! figure itself, not a budget set against an actual.

use super::{clean, is_filler, skip_is, BodyCtx, Clause, Reader, State, Want};
use crate::text::narrative::norm::{Figure, FigureKind, Norm};
use yusuan_model::narrative::{BudgetFigure, BudgetKind, Completion, Relation, VersusBudget};
use yusuan_model::span::Spanned;

/// Budget words, longest first.
const BUDGET_WORDS: [(&str, BudgetKind); 10] = [
    ("调整后预算数", BudgetKind::FullYear),
    ("调整后预算", BudgetKind::FullYear),
    ("调整预算数", BudgetKind::FullYear),
    ("调整预算", BudgetKind::FullYear),
    ("全年预算数", BudgetKind::FullYear),
    ("全年预算", BudgetKind::FullYear),
    ("年初预算数", BudgetKind::YearStart),
    ("年初预算", BudgetKind::YearStart),
    ("预算数", BudgetKind::Unspecified),
    ("预算", BudgetKind::Unspecified),
];

/// Which budget some words name.
pub fn budget_kind(words: &str) -> BudgetKind {
    if words.contains("年初") {
        BudgetKind::YearStart
    } else if words.contains("全年") || words.contains("调整") {
        BudgetKind::FullYear
    } else {
        BudgetKind::Unspecified
    }
}

/// A budget word at the start of `s`.
fn budget_prefix(s: &str) -> Option<(&'static str, BudgetKind)> {
    BUDGET_WORDS.iter().find(|(w, _)| s.starts_with(w)).copied()
}

/// Strips what links a phrase to its figure (`为`, `是`, `：`).
fn trim_link(s: &str) -> &str {
    s.trim_end_matches(['为', '是', '：', '约'])
}

/// `…年初预算为` before an amount: where the budget word starts, and the word.
fn budget_suffix(phrase: &str) -> Option<(usize, &'static str, BudgetKind)> {
    let t = trim_link(phrase);
    BUDGET_WORDS.iter().find(|(w, _)| t.ends_with(w)).map(|(w, k)| (t.len() - w.len(), *w, *k))
}

/// `…支出决算为`, `…决算数为`, `…决算` before an amount: where the subject phrase ends.
fn actual_suffix(phrase: &str) -> Option<usize> {
    let t = trim_link(phrase);
    let t = t.strip_suffix('数').unwrap_or(t);
    // `…维护费支出决算为`: the lexicon finds the subject before `支出`; `支出决算为` alone names
    // nothing (see `says_nothing`).
    t.strip_suffix("决算").map(str::len)
}

/// A subject phrase that names nothing of its own: the current fact is meant.
fn says_nothing(phrase: &str) -> bool {
    let c = clean(phrase);
    c.is_empty() || c == "支出" || is_filler(c)
}

/// A comparison of actual with budget found in a clause.
pub struct Versus {
    pub relation: Relation,
    pub roughly: bool,
    pub of: BudgetKind,
    /// Where `决算` starts (the subject phrase is before it) and where the statement ends.
    pub start: usize,
    pub end: usize,
    /// Where the reason's text starts, when the clause goes on `…的主要原因`.
    pub reason: Option<usize>,
}

const ORDER_WORDS: [(&str, Relation); 9] = [
    ("大于", Relation::Greater),
    ("高于", Relation::Greater),
    ("超过", Relation::Greater),
    ("多于", Relation::Greater),
    ("超出", Relation::Greater),
    ("小于", Relation::Less),
    ("低于", Relation::Less),
    ("少于", Relation::Less),
    ("等于", Relation::Equal),
];

const EQUAL_WORDS: [&str; 5] = ["持平", "一致", "相等", "相同", "相符"];

/// `决算数小于预算数`, `决算数与全年预算数基本持平`, `决算数同预算数持平`.
pub fn versus(text: &str) -> Option<Versus> {
    for (at, _) in text.match_indices("决算") {
        let mut p = at + "决算".len();
        if text[p..].starts_with('数') {
            p += '数'.len_utf8();
        }
        let rest = &text[p..];
        let mut found = None;
        if let Some((w, rel)) = ORDER_WORDS.iter().find(|(w, _)| rest.starts_with(w)) {
            if let Some((bw, of)) = budget_prefix(&rest[w.len()..]) {
                found = Some((*rel, false, of, p + w.len() + bw.len()));
            }
        } else if let Some(c) = ["与", "同", "和", "跟"].iter().find(|c| rest.starts_with(**c)) {
            if let Some((bw, of)) = budget_prefix(&rest[c.len()..]) {
                let q_at = p + c.len() + bw.len();
                let q = &text[q_at..];
                let (roughly, q, q_at) = match q.strip_prefix("基本") {
                    Some(r) => (true, r, q_at + "基本".len()),
                    None => (false, q, q_at),
                };
                if let Some(e) = EQUAL_WORDS.iter().find(|e| q.starts_with(**e)) {
                    found = Some((Relation::Equal, roughly, of, q_at + e.len()));
                }
            }
        }
        if let Some((relation, roughly, of, end)) = found {
            let reason = text[end..].find("原因").map(|r| end + r + "原因".len());
            return Some(Versus { relation, roughly, of, start: at, end, reason });
        }
    }
    None
}

impl Reader<'_> {
    /// The fact a final-accounts phrase speaks of: the current one when the phrase names
    /// nothing, else its subject's (merged with an earlier statement lacking `want`).
    fn final_subject(
        &mut self,
        norm: &Norm,
        off: usize,
        phrase: &str,
        st: &mut State,
        ctx: &mut BodyCtx,
        want: Want,
    ) -> Option<usize> {
        if says_nothing(phrase) {
            return st.cur;
        }
        self.head_part(norm, off, phrase, st, ctx, want)
    }

    /// A clause of final accounts with figures: a budget, an actual or a completion rate.
    /// Returns the indices of `figs` taken, or `None` when the clause is none of these.
    pub(super) fn final_clause(
        &mut self,
        norm: &Norm,
        off: usize,
        text: &str,
        figs: &[Figure],
        st: &mut State,
        ctx: &mut BodyCtx,
    ) -> Option<Vec<usize>> {
        let first = figs.first()?;
        let phrase = &text[..first.start];
        let span = norm.span(off + first.start, off + first.end);
        match &first.kind {
            FigureKind::Money(m) => {
                if let Some((at, word, kind)) = budget_suffix(phrase) {
                    let idx = self.final_subject(norm, off, &phrase[..at], st, ctx, Want::Nothing)?;
                    let f = self.facts.get_mut(idx)?;
                    f.budgets.push(BudgetFigure { kind, word: word.to_string(), amount: Spanned::new(*m, span) });
                    f.span = f.span.cover(span);
                    return Some(vec![0]);
                }
                let at = actual_suffix(phrase)?;
                let idx = self.final_subject(norm, off, &phrase[..at], st, ctx, Want::Amount)?;
                let f = self.facts.get_mut(idx)?;
                if f.amount.is_some() {
                    return None;
                }
                f.amount = Some(Spanned::new(*m, span));
                f.span = f.span.cover(span);
                Some(vec![0])
            }
            FigureKind::Rate(r) => {
                // `完成年初预算的 98.20%`, `预算完成率为 95%`.
                let done = phrase.find("完成")?;
                if !says_nothing(&phrase[..done]) {
                    return None;
                }
                let word = trim_link(phrase).trim_end_matches('的');
                let idx = st.cur?;
                let f = self.facts.get_mut(idx)?;
                if f.completion.is_some() {
                    return None;
                }
                f.completion =
                    Some(Completion { rate: Spanned::new(*r, span), of: budget_kind(word), word: word.to_string() });
                f.span = f.span.cover(span);
                Some(vec![0])
            }
            FigureKind::Count(_) => None,
        }
    }

    /// A comparison of actual with budget at clause `i`; its reason runs on to the sentence's
    /// end. Returns the last clause it took, or `None` when the clause is no such statement.
    pub(super) fn final_versus(
        &mut self,
        norm: &Norm,
        cl: &[Clause],
        i: usize,
        st: &mut State,
        ctx: &mut BodyCtx,
    ) -> Option<usize> {
        let c = cl.get(i)?;
        let text = norm.text.get(c.start..c.end)?;
        let v = versus(text)?;
        let idx = self.final_subject(norm, c.start, &text[..v.start], st, ctx, Want::Versus);
        let (last, reason) = match v.reason {
            Some(r) => {
                let last = self.reason_extent(norm, cl, i, ctx.topic);
                let end = cl.get(last).map(|l| l.end).unwrap_or(c.end);
                let start = skip_is(&norm.text, c.start + r, end);
                let reason = (start < end)
                    .then(|| norm.text.get(start..end))
                    .flatten()
                    .map(|t| Spanned::new(t.to_string(), norm.span(start, end)));
                (last, reason)
            }
            None => (i, None),
        };
        let statement = VersusBudget {
            relation: v.relation,
            roughly: v.roughly,
            of: v.of,
            words: text[v.start..v.end].to_string(),
            reason,
            span: norm.span(c.start + v.start, c.start + v.end),
        };
        match idx.and_then(|k| self.facts.get_mut(k)) {
            Some(f) if f.versus_budget.is_none() => f.versus_budget = Some(statement),
            _ => {}
        }
        Some(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versus_statements() {
        let v = versus("决算数小于全年预算数的主要原因").unwrap_or_else(|| panic!("none"));
        assert_eq!((v.relation, v.roughly, v.of), (Relation::Less, false, BudgetKind::FullYear));
        assert!(v.reason.is_some());
        let v = versus("决算数与预算数基本持平").unwrap_or_else(|| panic!("none"));
        assert_eq!((v.relation, v.roughly, v.of), (Relation::Equal, true, BudgetKind::Unspecified));
        let v = versus("2024年度“三公”经费支出决算数大于预算数").unwrap_or_else(|| panic!("none"));
        assert_eq!(v.relation, Relation::Greater);
        assert!(versus("决算数与2023年度持平").is_none());
    }

    #[test]
    fn suffixes() {
        assert_eq!(budget_suffix("一般公共预算财政拨款支出年初预算为").map(|b| b.1), Some("年初预算"));
        assert_eq!(actual_suffix("支出决算为"), Some("支出".len()));
        let p = "公务用车购置及运行维护费支出决算为";
        assert_eq!(actual_suffix(p).map(|e| &p[..e]), Some("公务用车购置及运行维护费支出"));
        assert!(actual_suffix("因公出国（境）费决算为").is_some());
        assert!(actual_suffix("年初预算为").is_none());
        assert_eq!(budget_kind("完成全年预算数的"), BudgetKind::FullYear);
    }
}
