//! Every figure a document states, by its span: the base of the coverage count.

use std::collections::BTreeSet;
use yusuan_model::span::Span;
use yusuan_model::Disclosure;

/// The spans of every figure: table cells, the narrative's amounts, shares, changes and rates,
/// project budgets and allocations, performance budgets and weights, staffing counts, asset values.
pub fn figures(d: &Disclosure) -> BTreeSet<Span> {
    let mut out = table_figures(d);
    out.extend(narrative_figures(d));
    for p in &d.narrative.projects {
        out.extend(p.budget.as_ref().map(|b| b.span));
        for item in &p.allocation {
            out.insert(item.amount.span);
        }
    }
    for p in &d.performance {
        for m in [&p.budget_total, &p.budget_fiscal, &p.budget_other, &p.budget_carry_over].into_iter().flatten() {
            out.insert(m.span);
        }
        out.extend(p.funding.iter().map(|f| f.amount.span));
        out.extend(p.indicators.iter().filter_map(|i| i.weight.as_ref().map(|w| w.span)));
    }
    let s = &d.overview.staffing;
    out.extend(s.authorised.as_ref().map(|x| x.span));
    out.extend(s.actual.as_ref().map(|x| x.span));
    out.extend(s.parts.iter().map(|p| p.count.span));
    out.extend(d.overview.organisation.division_count.as_ref().map(|x| x.span));
    for c in &d.narrative.state_assets.categories {
        for c in std::iter::once(c).chain(&c.parts) {
            out.extend(c.count.as_ref().map(|x| x.span));
            out.extend(c.value.as_ref().map(|x| x.span));
        }
    }
    out
}

/// Every table cell.
pub fn table_figures(d: &Disclosure) -> BTreeSet<Span> {
    d.tables.iter().flat_map(|t| &t.rows).flat_map(|r| r.values.iter().map(|v| v.span)).collect()
}

/// The narrative's amounts, shares, changes and rates.
pub fn narrative_figures(d: &Disclosure) -> BTreeSet<Span> {
    let mut out = BTreeSet::new();
    for f in &d.narrative.facts {
        out.extend(f.amount.as_ref().map(|a| a.span));
        out.extend(f.share.as_ref().map(|s| s.rate.span));
        out.extend(f.budgets.iter().map(|b| b.amount.span));
        out.extend(f.completion.as_ref().map(|c| c.rate.span));
        if let Some(c) = &f.change {
            out.extend(c.amount.as_ref().map(|a| a.span));
            out.extend(c.rate.as_ref().map(|r| r.span));
        }
    }
    out
}
