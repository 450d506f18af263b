//! P: performance-target tables.

pub(crate) mod lookup;
mod p001_missing_project_targets;
mod p002_target_budget_split;
mod p003_target_budget_project;
mod p004_weight_sum;
mod p005_cost_indicator;
mod p006_department_funding;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    p001_missing_project_targets::MISSING_PROJECT_TARGETS,
    p002_target_budget_split::TARGET_BUDGET_SPLIT,
    p003_target_budget_project::TARGET_BUDGET_PROJECT,
    p004_weight_sum::WEIGHT_SUM,
    p005_cost_indicator::COST_INDICATOR,
    p006_department_funding::DEPARTMENT_FUNDING,
];
