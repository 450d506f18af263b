//! The keys that name what last year's figures and the reasons are of: one vocabulary for
//! `[prior]`, `[reasons]` and `[uses]`.

use crate::load::Item;

/// Keys that need no line item to exist.
pub const FIXED: &[&str] = &[
    "total",
    "general_budget",
    "general_transfer",
    "government_fund",
    "government_fund_transfer",
    "state_capital",
    "state_capital_transfer",
    "special_account",
    "unit_funds",
    "carry_over_fiscal",
    "carry_over_non_fiscal",
    "basic",
    "project",
    "general_basic",
    "general_project",
    "personnel",
    "operating",
    "three_public",
    "three_public.overseas",
    "three_public.vehicle",
    "three_public.vehicle_purchase",
    "three_public.vehicle_operation",
    "three_public.reception",
    "agency_running_costs",
];

/// Whether `key` names something the budget has: a fixed key, `function.<code>` for a functional
/// code (类, 款 or 项) some item is under, or `carry_over.<name>` for a carried-over project.
pub fn is_known(key: &str, items: &[Item]) -> bool {
    if FIXED.contains(&key) {
        return true;
    }
    if let Some(code) = key.strip_prefix("function.") {
        let digits: String = code.chars().filter(|c| c.is_ascii_digit()).collect();
        return !digits.is_empty() && items.iter().any(|i| i.function.as_str().starts_with(&digits));
    }
    if let Some(name) = key.strip_prefix("carry_over.") {
        return items.iter().any(|i| i.project.as_deref() == Some(name));
    }
    false
}
