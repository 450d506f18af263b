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

/// The fixed keys' Chinese names, as the workbook shows them (and accepts in their place).
pub const LABELS: &[(&str, &str)] = &[
    ("total", "收支总计"),
    ("general_budget", "一般公共预算拨款"),
    ("general_transfer", "上级一般公共预算转移支付"),
    ("government_fund", "政府性基金预算拨款"),
    ("government_fund_transfer", "上级政府性基金转移支付"),
    ("state_capital", "国有资本经营预算拨款"),
    ("state_capital_transfer", "上级国有资本经营预算转移支付"),
    ("special_account", "财政专户核拨"),
    ("unit_funds", "单位资金"),
    ("carry_over_fiscal", "上年财政拨款结转"),
    ("carry_over_non_fiscal", "非财政拨款结转结余"),
    ("basic", "基本支出"),
    ("project", "项目支出"),
    ("general_basic", "一般公共预算基本支出"),
    ("general_project", "一般公共预算项目支出"),
    ("personnel", "人员经费"),
    ("operating", "公用经费"),
    ("three_public", "“三公”经费"),
    ("three_public.overseas", "因公出国（境）费"),
    ("three_public.vehicle", "公务用车购置及运行维护费"),
    ("three_public.vehicle_purchase", "公务用车购置费"),
    ("three_public.vehicle_operation", "公务用车运行维护费"),
    ("three_public.reception", "公务接待费"),
    ("agency_running_costs", "机关运行经费"),
];

/// What a key names, in Chinese: `general_budget` → 一般公共预算拨款, `function.2080101` →
/// 功能分类科目 2080101, `carry_over.考务费` → 上年结转项目 考务费.
pub fn label(key: &str) -> String {
    if let Some((_, zh)) = LABELS.iter().find(|(k, _)| *k == key) {
        return zh.to_string();
    }
    if let Some(code) = key.strip_prefix("function.") {
        return format!("功能分类科目 {code}");
    }
    if let Some(name) = key.strip_prefix("carry_over.") {
        return format!("上年结转项目 {name}");
    }
    String::new()
}

/// The key a fixed key's Chinese name stands for.
pub fn from_label(text: &str) -> Option<&'static str> {
    LABELS.iter().find(|(_, zh)| *zh == text).map(|(k, _)| *k)
}
