use crate::identities::{CellRef, CodeColumnLink, CrossIdentity, Relation};

const fn cell(table: &'static str, panel: &'static str, row: &'static str, column: &'static str) -> CellRef {
    CellRef { table, panel, row, column }
}

const fn eq(left: CellRef, right: &'static [CellRef]) -> CrossIdentity {
    CrossIdentity { left, relation: Relation::Equal, right, minus: &[] }
}

const fn at_most(left: CellRef, right: &'static [CellRef]) -> CrossIdentity {
    CrossIdentity { left, relation: Relation::AtMost, right, minus: &[] }
}

/// Basic spending from sources other than the three fiscal budgets: all basic spending (table 3)
/// less what tables 5, 8 and 9 spend on it. No part of it can be negative, so it bounds the basic
/// spending of non-fiscal carry-over.
const NON_FISCAL_BASIC: CrossIdentity = CrossIdentity {
    left: cell(T11, "main", "total", "non_fiscal_personnel"),
    relation: Relation::AtMost,
    right: &[cell(T3, "main", "total", "basic")],
    minus: &[
        cell(T5, "main", "total", "basic"),
        cell(T8, "main", "total", "personnel"),
        cell(T8, "main", "total", "operating"),
        cell(T9, "main", "total", "personnel"),
        cell(T9, "main", "total", "operating"),
    ],
};

const T1: &str = "income_expense_summary";
const T2: &str = "income_summary";
const T3: &str = "expenditure_summary";
const T4: &str = "fiscal_summary";
const T5: &str = "general_budget_expenditure";
const T6: &str = "general_budget_basic";
const T7: &str = "general_budget_project";
const T8: &str = "government_fund_expenditure";
const T9: &str = "state_capital_expenditure";
const T10: &str = "three_public";
const T11: &str = "carry_over";

const fn t1(row: &'static str) -> CellRef {
    cell(T1, "income", row, "amount")
}

const fn t2(column: &'static str) -> CellRef {
    cell(T2, "main", "total", column)
}

/// The identities of the budget package (the Xinjiang / MoF templates).
pub const BUDGET_IDENTITIES: &[CrossIdentity] = &[
    // Table 2's total row is table 1's income side, source by source.
    eq(t2("total"), &[t1("income_total")]),
    eq(t2("general_budget"), &[t1("general_budget_own")]),
    eq(t2("general_transfer"), &[t1("general_transfer")]),
    eq(t2("government_fund"), &[t1("government_fund_own")]),
    eq(t2("government_fund_transfer"), &[t1("government_fund_transfer")]),
    eq(t2("state_capital"), &[t1("state_capital_own")]),
    eq(t2("state_capital_transfer"), &[t1("state_capital_transfer")]),
    eq(t2("fiscal"), &[t1("general_budget"), t1("government_fund"), t1("state_capital")]),
    eq(t2("special_account"), &[t1("special_account")]),
    eq(t2("unit_funds"), &[t1("unit_funds")]),
    eq(t2("carry_over_fiscal"), &[t1("carry_over_fiscal")]),
    eq(t2("carry_over_non_fiscal"), &[t1("carry_over_non_fiscal")]),
    // Table 3 spends what table 1 takes in.
    eq(cell(T3, "main", "total", "total"), &[cell(T1, "expenditure", "expenditure_total", "amount")]),
    eq(cell(T3, "main", "total", "total"), &[t2("total")]),
    // Table 4: fiscal spending by source against the fiscal tables.
    eq(cell(T4, "expenditure", "expenditure_total", "total"), &[cell(T4, "income", "income_total", "amount")]),
    // Tables 5, 8 and 9 spend the year's appropriation; table 4 adds what was carried over.
    eq(
        cell(T4, "expenditure", "expenditure_total", "general_budget"),
        &[cell(T5, "main", "total", "total"), cell(T4, "income", "carry_over_general", "amount")],
    ),
    eq(
        cell(T4, "expenditure", "expenditure_total", "government_fund"),
        &[cell(T8, "main", "total", "total"), cell(T4, "income", "carry_over_fund", "amount")],
    ),
    eq(
        cell(T4, "expenditure", "expenditure_total", "state_capital"),
        &[cell(T9, "main", "total", "total"), cell(T4, "income", "carry_over_capital", "amount")],
    ),
    // Table 5 splits into tables 6 (basic) and 7 (project).
    eq(cell(T5, "main", "total", "basic"), &[cell(T6, "main", "total", "total")]),
    eq(cell(T5, "main", "total", "project"), &[cell(T7, "main", "total", "total")]),
    // 三公 by source cannot exceed what each source spends.
    at_most(cell(T10, "main", "total", "general_budget"), &[cell(T5, "main", "total", "total")]),
    at_most(cell(T10, "main", "total", "government_fund"), &[cell(T8, "main", "total", "total")]),
    at_most(cell(T10, "main", "total", "state_capital"), &[cell(T9, "main", "total", "total")]),
    // Table 11 details table 1's carry-over lines.
    eq(cell(T11, "main", "total", "total"), &[t1("carry_over")]),
    eq(cell(T11, "main", "total", "fiscal"), &[t1("carry_over_fiscal")]),
    eq(cell(T11, "main", "total", "non_fiscal"), &[t1("carry_over_non_fiscal")]),
    NON_FISCAL_BASIC,
    CrossIdentity { left: cell(T11, "main", "total", "non_fiscal_operating"), ..NON_FISCAL_BASIC },
    // Table 1 balances: what comes in is what goes out.
    eq(cell(T1, "expenditure", "expenditure_total", "amount"), &[t1("income_total")]),
    // Table 4 balances source by source: each fiscal budget's spending is its income and its
    // carry-over.
    eq(
        cell(T4, "expenditure", "expenditure_total", "general_budget"),
        &[cell(T4, "income", "general_budget", "amount"), cell(T4, "income", "carry_over_general", "amount")],
    ),
    eq(
        cell(T4, "expenditure", "expenditure_total", "government_fund"),
        &[cell(T4, "income", "government_fund", "amount"), cell(T4, "income", "carry_over_fund", "amount")],
    ),
    eq(
        cell(T4, "expenditure", "expenditure_total", "state_capital"),
        &[cell(T4, "income", "state_capital", "amount"), cell(T4, "income", "carry_over_capital", "amount")],
    ),
    // Table 4's fiscal income is table 1's three fiscal budgets and its fiscal carry-over.
    eq(
        cell(T4, "income", "income_total", "amount"),
        &[t1("general_budget"), t1("government_fund"), t1("state_capital"), t1("carry_over_fiscal")],
    ),
    // What a fund budget and its carry-over bring in, its table spends: an empty table 8 or 9
    // means no fund or state-capital money in table 1 either.
    eq(cell(T8, "main", "total", "total"), &[t1("government_fund")]),
    eq(cell(T9, "main", "total", "total"), &[t1("state_capital")]),
    // Basic spending on an item of 三公 cannot exceed the item's whole 三公 budget (which also
    // counts project spending).
    at_most(cell(T6, "main", "30217", "total"), &[cell(T10, "main", "reception", "general_budget")]),
    at_most(cell(T6, "main", "30231", "total"), &[cell(T10, "main", "vehicle_operation", "general_budget")]),
    at_most(cell(T6, "main", "30212", "total"), &[cell(T10, "main", "overseas", "general_budget")]),
];

const S2: &str = "income_summary_shanghai";
const S8: &str = "government_fund_expenditure_shanghai";
const S9: &str = "state_capital_expenditure_shanghai";
const S10: &str = "three_public_and_running_costs";

/// The identities of Shanghai's budget tables that differ from the national ones.
pub const SHANGHAI_BUDGET_IDENTITIES: &[CrossIdentity] = &[
    eq(cell(S2, "main", "total", "total"), &[t1("income_total")]),
    eq(cell(S2, "main", "total", "fiscal"), &[t1("general_budget"), t1("government_fund"), t1("state_capital")]),
    eq(cell(S2, "main", "total", "business_income"), &[t1("business_income")]),
    eq(cell(S2, "main", "total", "operating_income"), &[t1("operating_income")]),
    eq(cell(S2, "main", "total", "other_income"), &[t1("other_income")]),
    eq(cell(T3, "main", "total", "total"), &[cell(S2, "main", "total", "total")]),
    eq(
        cell(T4, "expenditure", "expenditure_total", "government_fund"),
        &[cell(S8, "main", "total", "total"), cell(T4, "income", "carry_over_fund", "amount")],
    ),
    eq(
        cell(T4, "expenditure", "expenditure_total", "state_capital"),
        &[cell(S9, "main", "total", "total"), cell(T4, "income", "carry_over_capital", "amount")],
    ),
    eq(cell(S8, "main", "total", "total"), &[t1("government_fund")]),
    eq(cell(S9, "main", "total", "total"), &[t1("state_capital")]),
    at_most(cell(S10, "main", "budget", "total"), &[cell(T4, "expenditure", "expenditure_total", "total")]),
    at_most(cell(T6, "main", "30217", "total"), &[cell(S10, "main", "budget", "reception")]),
    at_most(cell(T6, "main", "30231", "total"), &[cell(S10, "main", "budget", "vehicle_operation")]),
    at_most(cell(T6, "main", "30212", "total"), &[cell(S10, "main", "budget", "overseas")]),
];

const F1: &str = "final_income_expense_summary";
const F2: &str = "final_income";
const F3: &str = "final_expenditure";
const F4: &str = "final_fiscal_summary";
const F5: &str = "final_general_budget_expenditure";
const F6: &str = "final_general_budget_basic";
const F7: &str = "final_three_public";
const F8: &str = "final_government_fund";
const F9: &str = "final_state_capital";

const fn f1(row: &'static str) -> CellRef {
    cell(F1, "income", row, "amount")
}

const fn f2(column: &'static str) -> CellRef {
    cell(F2, "main", "total", column)
}

const fn f4_income(row: &'static str) -> CellRef {
    cell(F4, "income", row, "amount")
}

const fn f4_spent(column: &'static str) -> CellRef {
    cell(F4, "expenditure", "current_expenditure", column)
}

/// The identities of the final accounts (部门决算) package, as a reviewer checks them.
pub const FINAL_ACCOUNTS_IDENTITIES: &[CrossIdentity] = &[
    // Table 1 balances, and table 2 details its income by source.
    eq(cell(F1, "expenditure", "expenditure_total", "amount"), &[f1("income_total")]),
    eq(f2("total"), &[f1("current_income")]),
    eq(f2("fiscal"), &[f1("general_budget"), f1("government_fund"), f1("state_capital")]),
    eq(f2("upper_subsidy"), &[f1("upper_subsidy")]),
    eq(f2("business_income"), &[f1("business_income")]),
    eq(f2("operating_income"), &[f1("operating_income")]),
    eq(f2("affiliate_remittance"), &[f1("affiliate_remittance")]),
    eq(f2("other_income"), &[f1("other_income")]),
    // Table 3 spends table 1's 本年支出合计.
    eq(cell(F3, "main", "total", "total"), &[cell(F1, "expenditure", "current_expenditure", "amount")]),
    // Table 4: fiscal income is table 1's three fiscal lines; it balances.
    eq(f4_income("general_budget"), &[f1("general_budget")]),
    eq(f4_income("government_fund"), &[f1("government_fund")]),
    eq(f4_income("state_capital"), &[f1("state_capital")]),
    eq(cell(F4, "expenditure", "expenditure_total", "total"), &[f4_income("income_total")]),
    at_most(f4_income("carry_over"), &[f1("carry_over")]),
    // Tables 5, 8 and 9 spend what table 4 says each fiscal budget spent.
    eq(cell(F5, "main", "total", "total"), &[f4_spent("general_budget")]),
    eq(cell(F8, "main", "total", "expenditure"), &[f4_spent("government_fund")]),
    eq(cell(F9, "main", "total", "expenditure"), &[f4_spent("state_capital")]),
    eq(cell(F8, "main", "total", "income"), &[f4_income("government_fund")]),
    eq(cell(F9, "main", "total", "income"), &[f4_income("state_capital")]),
    eq(cell(F8, "main", "total", "carry_over"), &[f4_income("carry_over_fund")]),
    eq(cell(F9, "main", "total", "carry_over"), &[f4_income("carry_over_capital")]),
    // Table 5's basic spending is table 6's personnel and operating totals.
    eq(
        cell(F5, "main", "total", "basic"),
        &[cell(F6, "personnel", "total", "amount"), cell(F6, "operating", "total", "amount")],
    ),
    // General-budget spending is part of all spending (table 3), kind by kind.
    at_most(cell(F5, "main", "total", "basic"), &[cell(F3, "main", "total", "basic")]),
    at_most(cell(F5, "main", "total", "project"), &[cell(F3, "main", "total", "project")]),
    // 三公 spending is fiscal spending.
    at_most(cell(F7, "main", "fiscal", "total_actual"), &[f4_spent("total")]),
    // Basic spending on a 三公 item cannot exceed the item's whole 三公 spending.
    at_most(cell(F6, "operating", "30217", "amount"), &[cell(F7, "main", "fiscal", "reception_actual")]),
    at_most(cell(F6, "operating", "30231", "amount"), &[cell(F7, "main", "fiscal", "vehicle_operation_actual")]),
    at_most(cell(F6, "operating", "30212", "amount"), &[cell(F7, "main", "fiscal", "overseas_actual")]),
];

const fn link(
    left: (&'static str, &'static str, &'static str),
    right: (&'static str, &'static str, &'static [&'static str]),
    max_digits: usize,
) -> CodeColumnLink {
    CodeColumnLink { left, right, max_digits }
}

/// The same functional code carries the same money in these columns.
pub const CODE_COLUMN_LINKS: &[CodeColumnLink] = &[
    // All funds by function: income (table 2) and spending (table 3).
    link((T2, "main", "total"), (T3, "main", &["total"]), 7),
    // General-budget money by function: spending (table 5) is table 2's own general budget and
    // the upper level's general transfers.
    link((T5, "main", "total"), (T2, "main", &["general_budget", "general_transfer"]), 7),
    // Table 1's spending side lists table 3's classes.
    link((T1, "expenditure", "amount"), (T3, "main", &["total"]), 3),
    // (Table 4's columns by class also count carried-over money, which tables 5, 8 and 9 do not
    // split by class: their totals are linked in BUDGET_IDENTITIES instead.)
    // Shanghai: income and spending by function.
    link((S2, "main", "total"), (T3, "main", &["total"]), 7),
    // Final accounts: spending by class in table 1 is table 3's; general-budget spending by class
    // in table 4 is table 5's. (Income by function, table 2, differs from spending by function,
    // table 3, by what was carried over.)
    link((F1, "expenditure", "amount"), (F3, "main", &["total"]), 3),
    link((F4, "expenditure", "general_budget"), (F5, "main", &["total"]), 3),
];

