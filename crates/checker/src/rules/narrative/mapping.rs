//! Where the tables hold the money a narrative fact states, declared once: subject and scope →
//! the cells whose sum (less some others) is the same money. Another template adds rows here,
//! not code. Function items and carry-over items are found by their code or name instead.

use crate::context::{Context, Fig};
use crate::finding::Message;
use yusuan_model::catalog::{fold_name, Code};
use yusuan_model::identities::CellRef;
use yusuan_model::money::Interval;
use yusuan_model::narrative::{
    Basic as B, CarryOver as C, Fact, FunctionItem, FundSource as F, Procurement, Scope, Subject, ThreePublic as P,
};
use yusuan_model::registry::schema;
use yusuan_model::table::{DocumentKind, Row, Table};

/// A subject without the text it may carry: what mappings and partitions key on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    TotalBudget,
    TotalIncome,
    TotalExpenditure,
    Source(F),
    CarryOver(C),
    Basic(B),
    Project,
    ThreePublic(P),
    Procurement(Procurement),
}

pub fn key(s: &Subject) -> Option<Key> {
    Some(match s {
        Subject::TotalBudget => Key::TotalBudget,
        Subject::TotalIncome => Key::TotalIncome,
        Subject::TotalExpenditure => Key::TotalExpenditure,
        Subject::Source(f) => Key::Source(*f),
        Subject::CarryOver(c) => Key::CarryOver(*c),
        Subject::Basic(b) => Key::Basic(*b),
        Subject::Project => Key::Project,
        Subject::ThreePublic(p) => Key::ThreePublic(*p),
        Subject::Procurement(p) => Key::Procurement(*p),
        _ => return None,
    })
}

/// `subject` in one of `scopes` (any scope when empty) is `Σ plus − Σ minus`.
pub struct Mapping {
    pub key: Key,
    pub scopes: &'static [Scope],
    pub plus: &'static [CellRef],
    pub minus: &'static [CellRef],
}

const T1: &str = "income_expense_summary";
const T3: &str = "expenditure_summary";
const T4: &str = "fiscal_summary";
const T5: &str = "general_budget_expenditure";
const T6: &str = "general_budget_basic";
const T8: &str = "government_fund_expenditure";
const T9: &str = "state_capital_expenditure";
const T10: &str = "three_public";
const T11: &str = "carry_over";

// 部门决算 (final accounts): its tables print actuals, the money a final statement's amount is.
const F1: &str = "final_income_expense_summary";
const F4: &str = "final_fiscal_summary";
const F5: &str = "final_general_budget_expenditure";
const F6: &str = "final_general_budget_basic";
const F10: &str = "final_three_public";
/// Shanghai's 三公 table: one row, a column per part.
const SH10: &str = "three_public_and_running_costs";

const fn c(table: &'static str, panel: &'static str, row: &'static str, column: &'static str) -> CellRef {
    CellRef { table, panel, row, column }
}
const fn t1(row: &'static str) -> CellRef {
    c(T1, "income", row, "amount")
}
const fn t4(row: &'static str) -> CellRef {
    c(T4, "income", row, "amount")
}
const fn total(table: &'static str, column: &'static str) -> CellRef {
    c(table, "main", "total", column)
}
const fn m(key: Key, scopes: &'static [Scope], plus: &'static [CellRef]) -> Mapping {
    Mapping { key, scopes, plus, minus: &[] }
}

const ANY: &[Scope] = &[];
const ALL: &[Scope] = &[Scope::AllFunds, Scope::Unspecified];
const FISCAL: &[Scope] = &[Scope::FiscalAppropriation];
const GB: &[Scope] = &[Scope::GeneralBudget, Scope::GeneralBudgetCurrentYear];
const GF: &[Scope] = &[Scope::GovernmentFund];
const SC: &[Scope] = &[Scope::StateCapital];
/// The 三公 table is of fiscal money: its total column, unless the text says general budget.
const TP_ALL: &[Scope] = &[Scope::AllFunds, Scope::FiscalAppropriation, Scope::Unspecified];

/// Every mapping, in order of preference: for a fact, the first whose cells the document has.
pub const MAPPINGS: &[Mapping] = &[
    m(Key::TotalBudget, ALL, &[t1("income_total")]),
    m(Key::TotalBudget, ALL, &[total(T3, "total")]),
    m(Key::TotalBudget, FISCAL, &[t4("income_total")]),
    m(Key::TotalIncome, ALL, &[t1("income_total")]),
    m(Key::TotalIncome, FISCAL, &[t4("income_total")]),
    m(Key::TotalExpenditure, ALL, &[c(T1, "expenditure", "expenditure_total", "amount")]),
    m(Key::TotalExpenditure, ALL, &[total(T3, "total")]),
    m(Key::TotalExpenditure, FISCAL, &[c(T4, "expenditure", "expenditure_total", "total")]),
    m(Key::TotalExpenditure, GB, &[total(T5, "total")]),
    m(Key::TotalExpenditure, GF, &[total(T8, "total")]),
    m(Key::TotalExpenditure, SC, &[total(T9, "total")]),
    // A source is the same money whatever section states it: this year's income line.
    m(Key::Source(F::GeneralBudget), ANY, &[t1("general_budget")]),
    m(Key::Source(F::GeneralBudget), ANY, &[t4("general_budget")]),
    m(Key::Source(F::GeneralTransfer), ANY, &[t1("general_transfer")]),
    m(Key::Source(F::GovernmentFund), ANY, &[t1("government_fund")]),
    m(Key::Source(F::GovernmentFund), ANY, &[t4("government_fund")]),
    m(Key::Source(F::GovernmentFundTransfer), ANY, &[t1("government_fund_transfer")]),
    m(Key::Source(F::StateCapital), ANY, &[t1("state_capital")]),
    m(Key::Source(F::StateCapital), ANY, &[t4("state_capital")]),
    m(Key::Source(F::StateCapitalTransfer), ANY, &[t1("state_capital_transfer")]),
    m(Key::Source(F::SpecialAccount), ANY, &[t1("special_account")]),
    m(Key::Source(F::UnitFunds), ANY, &[t1("unit_funds")]),
    m(Key::Source(F::FiscalAppropriation), ANY, &[t4("fiscal")]),
    m(Key::Source(F::FiscalAppropriation), ANY, &[t1("general_budget"), t1("government_fund"), t1("state_capital")]),
    // Carry-over: of fiscal money in a fiscal section, else all of it.
    m(Key::CarryOver(C::All), FISCAL, &[t4("carry_over")]),
    m(Key::CarryOver(C::All), ANY, &[t1("carry_over")]),
    m(Key::CarryOver(C::All), ANY, &[total(T11, "total")]),
    m(Key::CarryOver(C::Fiscal), ANY, &[t1("carry_over_fiscal")]),
    m(Key::CarryOver(C::Fiscal), ANY, &[total(T11, "fiscal")]),
    m(Key::CarryOver(C::Fiscal), ANY, &[t4("carry_over")]),
    m(Key::CarryOver(C::NonFiscal), ANY, &[t1("carry_over_non_fiscal")]),
    m(Key::CarryOver(C::NonFiscal), ANY, &[total(T11, "non_fiscal")]),
    // Basic and project spending, by whose money.
    m(Key::Basic(B::Total), ALL, &[total(T3, "basic")]),
    m(Key::Basic(B::Total), GB, &[total(T5, "basic")]),
    m(Key::Basic(B::Total), GB, &[total(T6, "total")]),
    m(Key::Basic(B::Total), GF, &[total(T8, "personnel"), total(T8, "operating")]),
    m(Key::Basic(B::Total), SC, &[total(T9, "personnel"), total(T9, "operating")]),
    m(
        Key::Basic(B::Total),
        FISCAL,
        &[
            total(T5, "basic"),
            total(T8, "personnel"),
            total(T8, "operating"),
            total(T9, "personnel"),
            total(T9, "operating"),
        ],
    ),
    m(Key::Basic(B::Personnel), GB, &[total(T6, "personnel")]),
    m(Key::Basic(B::Personnel), GF, &[total(T8, "personnel")]),
    m(Key::Basic(B::Personnel), SC, &[total(T9, "personnel")]),
    m(Key::Basic(B::Operating), GB, &[total(T6, "operating")]),
    m(Key::Basic(B::Operating), GF, &[total(T8, "operating")]),
    m(Key::Basic(B::Operating), SC, &[total(T9, "operating")]),
    m(Key::Project, ALL, &[total(T3, "project")]),
    m(Key::Project, GB, &[total(T5, "project")]),
    m(Key::Project, GF, &[total(T8, "project")]),
    m(Key::Project, SC, &[total(T9, "project")]),
    m(Key::Project, FISCAL, &[total(T5, "project"), total(T8, "project"), total(T9, "project")]),
    m(Key::ThreePublic(P::Total), TP_ALL, &[c(T10, "main", "total", "total")]),
    m(Key::ThreePublic(P::Total), GB, &[c(T10, "main", "total", "general_budget")]),
    m(Key::ThreePublic(P::Overseas), TP_ALL, &[c(T10, "main", "overseas", "total")]),
    m(Key::ThreePublic(P::Overseas), GB, &[c(T10, "main", "overseas", "general_budget")]),
    m(Key::ThreePublic(P::Reception), TP_ALL, &[c(T10, "main", "reception", "total")]),
    m(Key::ThreePublic(P::Reception), GB, &[c(T10, "main", "reception", "general_budget")]),
    m(Key::ThreePublic(P::Vehicle), TP_ALL, &[c(T10, "main", "vehicle", "total")]),
    m(Key::ThreePublic(P::Vehicle), GB, &[c(T10, "main", "vehicle", "general_budget")]),
    m(Key::ThreePublic(P::VehiclePurchase), TP_ALL, &[c(T10, "main", "vehicle_purchase", "total")]),
    m(Key::ThreePublic(P::VehiclePurchase), GB, &[c(T10, "main", "vehicle_purchase", "general_budget")]),
    m(Key::ThreePublic(P::VehicleOperation), TP_ALL, &[c(T10, "main", "vehicle_operation", "total")]),
    m(Key::ThreePublic(P::VehicleOperation), GB, &[c(T10, "main", "vehicle_operation", "general_budget")]),
    m(Key::ThreePublic(P::Total), TP_ALL, &[c(SH10, "main", "budget", "total")]),
    m(Key::ThreePublic(P::Overseas), TP_ALL, &[c(SH10, "main", "budget", "overseas")]),
    m(Key::ThreePublic(P::Reception), TP_ALL, &[c(SH10, "main", "budget", "reception")]),
    m(Key::ThreePublic(P::Vehicle), TP_ALL, &[c(SH10, "main", "budget", "vehicle")]),
    m(Key::ThreePublic(P::VehiclePurchase), TP_ALL, &[c(SH10, "main", "budget", "vehicle_purchase")]),
    m(Key::ThreePublic(P::VehicleOperation), TP_ALL, &[c(SH10, "main", "budget", "vehicle_operation")]),
    // Final accounts: the actuals of the same subjects.
    m(Key::TotalBudget, ALL, &[c(F1, "income", "income_total", "amount")]),
    m(Key::TotalBudget, FISCAL, &[c(F4, "income", "income_total", "amount")]),
    m(Key::TotalExpenditure, GB, &[total(F5, "total")]),
    m(Key::Source(F::GeneralBudget), ANY, &[c(F1, "income", "general_budget", "amount")]),
    m(Key::Source(F::GovernmentFund), ANY, &[c(F1, "income", "government_fund", "amount")]),
    m(Key::Source(F::StateCapital), ANY, &[c(F1, "income", "state_capital", "amount")]),
    m(
        Key::Source(F::FiscalAppropriation),
        ANY,
        &[
            c(F1, "income", "general_budget", "amount"),
            c(F1, "income", "government_fund", "amount"),
            c(F1, "income", "state_capital", "amount"),
        ],
    ),
    m(Key::Basic(B::Total), GB, &[total(F5, "basic")]),
    m(Key::Project, GB, &[total(F5, "project")]),
    m(Key::Basic(B::Personnel), GB, &[c(F6, "personnel", "total", "amount")]),
    m(Key::Basic(B::Operating), GB, &[c(F6, "operating", "total", "amount")]),
    m(Key::ThreePublic(P::Total), TP_ALL, &[c(F10, "main", "fiscal", "total_actual")]),
    m(Key::ThreePublic(P::Overseas), TP_ALL, &[c(F10, "main", "fiscal", "overseas_actual")]),
    m(Key::ThreePublic(P::Vehicle), TP_ALL, &[c(F10, "main", "fiscal", "vehicle_actual")]),
    m(Key::ThreePublic(P::VehiclePurchase), TP_ALL, &[c(F10, "main", "fiscal", "vehicle_purchase_actual")]),
    m(Key::ThreePublic(P::VehicleOperation), TP_ALL, &[c(F10, "main", "fiscal", "vehicle_operation_actual")]),
    m(Key::ThreePublic(P::Reception), TP_ALL, &[c(F10, "main", "fiscal", "reception_actual")]),
];

/// Which table (panel, column) lists the function items of a scope's money, in order of
/// preference: all funds in table 3, the general budget in table 5, fiscal money in table 4
/// (classes only), the funds in tables 8 and 9.
const FUNCTION_TABLES: &[(&[Scope], &str, &str, &str)] = &[
    (ALL, T3, "main", "total"),
    (ALL, "income_summary", "main", "total"),
    (GB, T5, "main", "total"),
    (FISCAL, T4, "expenditure", "total"),
    (GF, T8, "main", "total"),
    (SC, T9, "main", "total"),
    (ALL, "final_expenditure", "main", "total"),
    (GB, F5, "main", "total"),
    (FISCAL, F4, "expenditure", "total"),
];

/// The same money in the tables, and what it is.
pub struct Target {
    pub figure: Interval,
    /// The cells, for messages and coverage.
    pub cells: Vec<Fig>,
    pub minus: Vec<Fig>,
    /// What the cells are, for a message.
    pub label: Message,
}

fn applies(scopes: &[Scope], scope: Scope) -> bool {
    scopes.is_empty() || scopes.contains(&scope)
}

fn sum(figs: &[Fig]) -> Interval {
    figs.iter().fold(Interval::ZERO, |acc, f| acc + f.interval)
}

fn describe(plus: &[Fig], minus: &[Fig]) -> Message {
    let join = |figs: &[Fig], lang: &str, sep: &str| {
        figs.iter().map(|f| f.label.get(lang).to_string()).collect::<Vec<_>>().join(sep)
    };
    let (mut zh, mut en) = (join(plus, "zh", "＋"), join(plus, "en", " + "));
    if !minus.is_empty() {
        zh = format!("{zh}－{}", join(minus, "zh", "－"));
        en = format!("{en} − {}", join(minus, "en", " − "));
    }
    Message::new(zh, en)
}

/// The cells holding the money a subject in a scope states, by the mappings.
pub fn target_of(cx: &Context, key: Key, scope: Scope) -> Option<Target> {
    MAPPINGS.iter().filter(|mp| mp.key == key && applies(mp.scopes, scope)).find_map(|mp| {
        // The national table, else the table of the document's form standing for it.
        let cell = |c: &CellRef| cx.cell_ref(c).or_else(|| cx.variant_cell_ref(c));
        let plus = mp.plus.iter().map(cell).collect::<Option<Vec<_>>>()?;
        let minus = mp.minus.iter().map(cell).collect::<Option<Vec<_>>>()?;
        Some(Target { figure: sum(&plus) - sum(&minus), label: describe(&plus, &minus), cells: plus, minus })
    })
}

/// The row of a function item in a panel: by its code when known, else by its names, class
/// down to item (the shipped catalog is partial; the table itself names its rows).
fn function_row<'t>(table: &'t Table, panel: u8, fi: &FunctionItem) -> Result<&'t Row, Option<Code>> {
    if let Some(code) = &fi.code {
        return table.row_by_code(panel, code.as_str()).ok_or(Some(code.clone()));
    }
    let named = |name: &str, prefix: &str, len: usize| {
        let folded = fold_name(name);
        table.panel_rows(panel).find(|r| {
            r.code.as_ref().is_some_and(|c| c.as_str().len() == len && c.as_str().starts_with(prefix))
                && fold_name(&r.name.value) == folded
        })
    };
    let class = named(&fi.class, "", 3).ok_or(None)?;
    let Some(section) = &fi.section else { return Ok(class) };
    let prefix = class.code.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default();
    let sec = named(section, &prefix, 5).ok_or(None)?;
    let Some(item) = &fi.item else { return Ok(sec) };
    let prefix = sec.code.as_ref().map(|c| c.as_str().to_string()).unwrap_or_default();
    named(item, &prefix, 7).ok_or(None)
}

/// The table cell of a function item in its scope's table; zero when the table does not list a
/// known code; `None` when no table of the scope is present or the names find no row.
fn function_target(cx: &Context, fi: &FunctionItem, scope: Scope) -> Option<Target> {
    if scope == Scope::FiscalAppropriation {
        if let Some(t) = fiscal_function_target(cx, fi) {
            return Some(t);
        }
    }
    FUNCTION_TABLES.iter().filter(|(s, ..)| applies(s, scope)).find_map(|(_, kind, panel, column)| {
        let fig = function_fig(cx, kind, panel, column, fi)?;
        Some(Target {
            figure: fig.interval,
            label: describe(std::slice::from_ref(&fig), &[]),
            cells: vec![fig],
            minus: vec![],
        })
    })
}

/// A function item of fiscal money at any level: what the general budget, the government funds
/// and state capital spend on it (tables 5, 8 and 9, or the variants standing for them), when
/// the document has all three (an empty one is zero). Table 4 lists only classes.
fn fiscal_function_target(cx: &Context, fi: &FunctionItem) -> Option<Target> {
    let figs =
        [T5, T8, T9].iter().map(|kind| function_fig(cx, kind, "main", "total", fi)).collect::<Option<Vec<Fig>>>()?;
    Some(Target { figure: sum(&figs), label: describe(&figs, &[]), cells: figs, minus: vec![] })
}

/// The cell of a function item in a table's column: zero for an empty table, and for a code
/// the table does not list; `None` when the table is absent or the names find no row.
fn function_fig(cx: &Context, kind: &str, panel: &str, column: &str, fi: &FunctionItem) -> Option<Fig> {
    let table = cx.table(kind)?;
    // A misread table states no figure, not even the zero of a code it does not list.
    cx.misreading(table).is_none().then_some(())?;
    let s = schema(&table.kind)?;
    let p = s.panels.iter().position(|p| p.key == panel)?;
    let col = s.panels.get(p)?.column_index(column)?;
    if table.is_empty_table() {
        let anchor = table.empty_statement.as_ref().map(|s| s.span).unwrap_or(table.title.span);
        return Some(Fig::zero(
            anchor,
            Message::new(format!("{}（空表）", table.title.value), format!("{kind} (empty)")),
        ));
    }
    match function_row(table, p as u8, fi) {
        Ok(row) => cx.cell(table, row, col),
        // Table 4 lists classes only: a deeper code is not missing from it.
        Err(Some(code))
            if s.panels.get(p)?.row_key != yusuan_model::table::RowKeyKind::FunctionClass
                || code.as_str().len() == 3 =>
        {
            let title = table.number.map(|n| format!("表{n}")).unwrap_or_else(|| table.title.value.clone());
            Some(Fig::zero(
                table.title.span,
                Message::new(format!("{title}（未列 {}）", code.spaced()), format!("{title} (no {})", code.spaced())),
            ))
        }
        Err(_) => None,
    }
}

/// The carry-over item of that name in table 11.
fn carry_over_item(cx: &Context, name: &str) -> Option<Target> {
    let table = cx.doc.table(T11)?;
    let s = schema(T11)?;
    let col = s.panels.first()?.column_index("total")?;
    let folded = fold_name(name);
    let row = table.rows.iter().find(|r| r.fixed.is_none() && fold_name(&r.name.value) == folded)?;
    let fig = cx.cell(table, row, col)?;
    Some(Target {
        figure: fig.interval,
        label: describe(std::slice::from_ref(&fig), &[]),
        cells: vec![fig],
        minus: vec![],
    })
}

/// The table figure holding the money a fact states, if the document has it.
pub fn target(cx: &Context, f: &Fact) -> Option<Target> {
    match &f.subject {
        // A final statement of an item below its class reads `年初预算为 X，支出决算为 Y`: read
        // without its budget, it was not read whole (wrapped lines out of order), and its amount
        // may be the budget.
        Subject::Function(fi)
            if cx.doc.document == DocumentKind::FinalAccounts && f.budgets.is_empty() && fi.section.is_some() =>
        {
            None
        }
        Subject::Function(fi) => function_target(cx, fi, f.scope),
        Subject::CarryOverItem(name) => carry_over_item(cx, name),
        s => target_of(cx, key(s)?, f.scope),
    }
}

/// Whether the tables say a subject is nothing in a scope (every cell empty or printed zero).
pub fn known_zero(cx: &Context, key: Key, scope: Scope) -> bool {
    target_of(cx, key, scope)
        .is_some_and(|t| t.cells.iter().chain(&t.minus).all(|f| f.printed.is_none_or(|m| m.is_zero())))
}
