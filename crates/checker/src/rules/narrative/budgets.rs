//! What the final-accounts rules share: which stated budget a statement means, and how
//! budgets and relations are named in messages.

use super::common::subject_name;
use crate::finding::Message;
use yusuan_model::narrative::{BudgetFigure, BudgetKind, Fact, Relation};

/// The budgets a statement naming `kind` can mean: that kind's, else those stated without
/// saying which; for `预算数` without saying which, every budget stated.
pub fn named(f: &Fact, kind: BudgetKind) -> Vec<&BudgetFigure> {
    if kind == BudgetKind::Unspecified {
        return f.budgets.iter().collect();
    }
    let exact: Vec<&BudgetFigure> = f.budgets.iter().filter(|b| b.kind == kind).collect();
    if exact.is_empty() {
        f.budgets.iter().filter(|b| b.kind == BudgetKind::Unspecified).collect()
    } else {
        exact
    }
}

/// A budget's name for messages.
pub fn kind_name(kind: BudgetKind) -> Message {
    match kind {
        BudgetKind::YearStart => Message::new("年初预算", "the year-start budget"),
        BudgetKind::FullYear => Message::new("全年预算", "the full-year budget"),
        BudgetKind::Unspecified => Message::new("预算数", "the budget"),
    }
}

/// A relation's words for messages.
pub fn relation_name(r: Relation) -> Message {
    match r {
        Relation::Greater => Message::new("大于", "above"),
        Relation::Less => Message::new("小于", "below"),
        Relation::Equal => Message::new("等于", "equal to"),
    }
}

/// A subject named for final accounts: without the budget's `预算` (`一般公共预算支出`, not
/// `…支出预算`), since the figure is an actual.
pub fn name(f: &Fact) -> Message {
    let m = subject_name(f);
    let zh = m.zh.strip_suffix("预算").filter(|z| z.ends_with("支出") || z.ends_with("收入")).unwrap_or(&m.zh);
    Message::new(zh.to_string(), m.en.clone())
}
