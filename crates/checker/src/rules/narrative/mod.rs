//! N: the narrative's figures against the tables and against each other.

mod budgets;
mod common;
mod mapping;
mod parts;

mod n001_amount_vs_table;
mod n002_share_recomputed;
mod n003_yoy_consistency;
mod n004_prior_years_agree;
mod n005_structure_shares;
mod n006_parts_sum;
mod n007_completion_rate;
mod n008_versus_budget;
mod n009_item_budgets_sum;
mod n010_stated_prior_change;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    n001_amount_vs_table::NARRATIVE_AMOUNT_VS_TABLE,
    n002_share_recomputed::NARRATIVE_SHARE,
    n003_yoy_consistency::NARRATIVE_YOY,
    n004_prior_years_agree::NARRATIVE_PRIORS,
    n005_structure_shares::NARRATIVE_SHARES_SUM,
    n006_parts_sum::NARRATIVE_PARTS_SUM,
    n007_completion_rate::NARRATIVE_COMPLETION,
    n008_versus_budget::NARRATIVE_VERSUS_BUDGET,
    n009_item_budgets_sum::NARRATIVE_ITEM_BUDGETS_SUM,
    n010_stated_prior_change::NARRATIVE_STATED_PRIOR,
];

/// The severities one rule reports on a text, for the rules' unit tests.
#[cfg(test)]
fn severities(text: &str, code: &str) -> Vec<crate::finding::Severity> {
    let doc = yusuan_readers::text::read_str(text);
    let report = crate::check(&doc, &crate::Config::default(), yusuan_model::Catalog::shared_builtin());
    report.of_rule(code).map(|f| f.severity).collect()
}
