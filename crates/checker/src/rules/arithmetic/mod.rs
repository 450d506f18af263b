//! A: arithmetic written in the text: expressions, allocations, counts and their parts.

mod a001_expression_product;
mod a002_allocation_sum;
mod a003_project_budget_table;
mod a004_staffing_parts;
mod a005_staffing_over_establishment;
mod a006_asset_parts;
mod a007_division_count;
mod a008_procurement_parts;
mod a009_performance_counts;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    a001_expression_product::EXPRESSION_PRODUCT,
    a002_allocation_sum::ALLOCATION_SUM,
    a003_project_budget_table::PROJECT_BUDGET_TABLE,
    a004_staffing_parts::STAFFING_PARTS,
    a005_staffing_over_establishment::STAFFING_OVER_ESTABLISHMENT,
    a006_asset_parts::ASSET_PARTS,
    a007_division_count::DIVISION_COUNT,
    a008_procurement_parts::PROCUREMENT_PARTS,
    a009_performance_counts::PERFORMANCE_COUNTS,
];
