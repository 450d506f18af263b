//! The eleven tables, computed from the line items. Sums are exact (分); each figure is rounded
//! once, when it is shown, to 0.01 万元.

use crate::data::{Kind, Source};
use crate::load::{Budget, Item};
use std::collections::BTreeMap;
use yusuan_model::catalog::{Catalog, Code, Lookup};
use yusuan_model::money::{AmountUnit, Fen};
use yusuan_model::registry::{self};
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::{Assignment, Cell, Row, Table, TableSchema};

/// The name of a code: the data's own `[names]`, else the catalog.
pub fn name_of(code: &Code, budget: &Budget, catalog: &Catalog) -> Option<String> {
    budget.data.names.get(code.as_str()).cloned().or_else(|| match catalog.get(code) {
        Lookup::Known(e) => Some(e.name.clone()),
        _ => None,
    })
}

/// A row being summed: exact amounts per column.
pub(crate) struct Sums {
    pub code: Option<Code>,
    pub fixed: Option<&'static str>,
    pub name: String,
    pub project: Option<String>,
    pub cells: Vec<Fen>,
    pub panel: u8,
    pub parent: Option<usize>,
}

impl Sums {
    pub(crate) fn new(columns: usize) -> Self {
        Sums {
            code: None,
            fixed: None,
            name: String::new(),
            project: None,
            cells: vec![Fen::ZERO; columns],
            panel: 0,
            parent: None,
        }
    }
}

/// A table computed from the line items, before it is rounded for print.
pub(crate) struct Computed {
    pub schema: &'static TableSchema,
    pub rows: Vec<Sums>,
    /// The money an empty table's statement says was not used (政府性基金预算拨款), when the table
    /// is empty.
    pub empty_money: Option<&'static str>,
}

/// How many decimals a table prints amounts of this unit with: 元 whole, 万元 and 亿元 to 0.01.
fn printed_decimals(unit: AmountUnit) -> u32 {
    match unit {
        AmountUnit::Fen | AmountUnit::Yuan => 0,
        AmountUnit::Wan | AmountUnit::Yi => 2,
    }
}

/// The computed table as printed: numbered, titled, each amount rounded once to `unit`.
pub(crate) fn printed(computed: Computed, number: u32, title: &str, unit: AmountUnit, budget: &Budget) -> Table {
    let dep = &budget.data.department;
    let empty = computed
        .empty_money
        .map(|what| format!("{} {}年没有使用{what}安排的支出，{title}为空表。", dep.name, dep.year));
    let decimals = printed_decimals(unit);
    let none = Span::default();
    let rows = computed
        .rows
        .into_iter()
        .map(|s| {
            let mut values = Vec::new();
            let mut columns = Vec::new();
            for (i, f) in s.cells.iter().enumerate() {
                if *f != Fen::ZERO {
                    values.push(Cell { value: f.to_money(unit, decimals), span: none });
                    columns.push(i as u16);
                }
            }
            Row {
                panel: s.panel,
                code: s.code,
                fixed: s.fixed.map(str::to_string),
                name: Spanned::new(s.name, none),
                project: s.project.map(|p| Spanned::new(p, none)),
                values,
                assignment: Assignment::Resolved { columns },
                parent: s.parent,
                span: none,
            }
        })
        .collect();
    Table {
        kind: computed.schema.kind.to_string(),
        number: Some(number),
        title: Spanned::new(title.to_string(), none),
        department: Some(Spanned::new(dep.name.clone(), none)),
        unit,
        rows,
        empty_statement: empty.map(|e| Spanned::new(e, none)),
        span: none,
    }
}

/// A table by functional code: a total row, then each 类, its 款 and its 项 that some item of
/// `filter` reaches, each with `columns(item)` summed.
pub(crate) fn by_function(
    budget: &Budget,
    catalog: &Catalog,
    width: usize,
    filter: impl Fn(&Item) -> bool,
    columns: impl Fn(&Item) -> Vec<usize>,
) -> Vec<Sums> {
    let mut by_code: BTreeMap<Code, Vec<Fen>> = BTreeMap::new();
    let mut total = Sums::new(width);
    total.fixed = Some("total");
    total.name = "总计".into();
    for item in budget.items.iter().filter(|i| filter(i)) {
        let mut code = Some(item.function.clone());
        while let Some(c) = code {
            let cells = by_code.entry(c.clone()).or_insert_with(|| vec![Fen::ZERO; width]);
            for &col in &columns(item) {
                cells[col] += item.amount;
            }
            code = c.parent();
        }
        for &col in &columns(item) {
            total.cells[col] += item.amount;
        }
    }
    let mut rows = vec![total];
    let mut index: BTreeMap<Code, usize> = BTreeMap::new();
    for (code, cells) in by_code {
        let parent = code.parent().and_then(|p| index.get(&p).copied()).or(Some(0));
        let mut s = Sums::new(width);
        s.name = name_of(&code, budget, catalog).unwrap_or_default();
        s.code = Some(code.clone());
        s.cells = cells;
        s.parent = parent;
        index.insert(code, rows.len());
        rows.push(s);
    }
    rows
}

/// 机关运行经费: the fiscal money of basic spending on goods and services (公用经费).
pub(crate) fn is_agency_running_cost(i: &Item) -> bool {
    i.source.is_fiscal() && i.kind == Kind::Operating
}

pub(crate) fn is_basic(i: &Item) -> bool {
    matches!(i.kind, Kind::Personnel | Kind::Operating)
}

/// Table 3 (all funds) and table 5 (general budget): 合计, 基本支出, 项目支出.
fn basic_project(budget: &Budget, catalog: &Catalog, filter: impl Fn(&Item) -> bool) -> Vec<Sums> {
    by_function(budget, catalog, 3, filter, |i| vec![0, if is_basic(i) { 1 } else { 2 }])
}

/// Tables 8 and 9: 合计, 人员经费, 公用经费, 项目支出.
fn basic_split(budget: &Budget, catalog: &Catalog, filter: impl Fn(&Item) -> bool) -> Vec<Sums> {
    by_function(budget, catalog, 4, filter, |i| {
        vec![
            0,
            match i.kind {
                Kind::Personnel => 1,
                Kind::Operating => 2,
                Kind::Project => 3,
            },
        ]
    })
}

/// Table 2's columns for an item's source.
fn income_columns(i: &Item) -> Vec<usize> {
    let own = match i.source {
        Source::GeneralBudget => vec![1, 2],
        Source::GeneralTransfer => vec![1, 3],
        Source::GovernmentFund => vec![1, 4],
        Source::GovernmentFundTransfer => vec![1, 5],
        Source::StateCapital => vec![1, 6],
        Source::StateCapitalTransfer => vec![1, 7],
        Source::SpecialAccount => vec![8],
        s if s.is_unit_funds() => vec![9],
        s if s.is_carry_over_fiscal() => vec![10],
        _ => vec![11],
    };
    std::iter::once(0).chain(own).collect()
}

/// Table 7's column for an economic class (government scheme classes of project spending).
fn project_econ_column(econ: &Code) -> usize {
    match econ.class().as_str() {
        "301" => 1,
        "302" => 2,
        "303" => 3,
        "307" => 4,
        "309" => 5,
        "310" => 6,
        "311" => 7,
        "312" => 8,
        "313" => 9,
        _ => 10,
    }
}

/// Every table of the budget package in the national form, numbered as the Xinjiang template
/// numbers them.
pub fn tables(budget: &Budget, catalog: &Catalog) -> Vec<Table> {
    national(budget, catalog)
        .into_iter()
        .zip(1..)
        .map(|(c, n)| {
            let title = c.schema.title;
            printed(c, n, title, AmountUnit::Wan, budget)
        })
        .collect()
}

/// The national form's tables, computed, in print order.
pub(crate) fn national(budget: &Budget, catalog: &Catalog) -> Vec<Computed> {
    let general = |i: &Item| i.source.is_general();
    let computed = |kind: &str, rows: Vec<Sums>| Computed { schema: registry::shipped(kind), rows, empty_money: None };
    // A fund table with no spending is printed empty, with a statement.
    let fund_table = |kind: &str, what: &'static str, rows: Vec<Sums>| {
        let has = rows.len() > 1;
        Computed {
            schema: registry::shipped(kind),
            rows: if has { rows } else { Vec::new() },
            empty_money: (!has).then_some(what),
        }
    };
    vec![
        computed("income_expense_summary", summary(budget)),
        computed("income_summary", by_function(budget, catalog, 12, |_| true, income_columns)),
        computed("expenditure_summary", basic_project(budget, catalog, |_| true)),
        computed("fiscal_summary", fiscal(budget)),
        computed("general_budget_expenditure", basic_project(budget, catalog, general)),
        computed("general_budget_basic", basic_by_econ(budget, catalog)),
        computed("general_budget_project", projects(budget, catalog)),
        fund_table(
            "government_fund_expenditure",
            "政府性基金预算拨款",
            basic_split(budget, catalog, |i| i.source.is_government_fund()),
        ),
        fund_table(
            "state_capital_expenditure",
            "国有资本经营预算拨款",
            basic_split(budget, catalog, |i| i.source.is_state_capital()),
        ),
        computed("three_public", three_public(budget)),
        computed("carry_over", carry_over(budget)),
    ]
}

/// Table 6: general-budget basic spending by economic class and 款: 合计, 人员经费, 公用经费.
fn basic_by_econ(budget: &Budget, catalog: &Catalog) -> Vec<Sums> {
    let mut by_code: BTreeMap<Code, Vec<Fen>> = BTreeMap::new();
    let mut total = Sums::new(3);
    total.fixed = Some("total");
    total.name = "总计".into();
    for i in budget.items.iter().filter(|i| i.source.is_general() && is_basic(i)) {
        let col = if i.kind == Kind::Personnel { 1 } else { 2 };
        for code in [i.econ.class(), i.econ.clone()] {
            let cells = by_code.entry(code).or_insert_with(|| vec![Fen::ZERO; 3]);
            cells[0] += i.amount;
            cells[col] += i.amount;
        }
        total.cells[0] += i.amount;
        total.cells[col] += i.amount;
    }
    let mut rows = vec![total];
    let mut class_row = 0;
    for (code, cells) in by_code {
        let mut s = Sums::new(3);
        s.name = name_of(&code, budget, catalog).unwrap_or_default();
        s.parent = Some(if code.as_str().len() == 3 { 0 } else { class_row });
        if code.as_str().len() == 3 {
            class_row = rows.len();
        }
        s.code = Some(code);
        s.cells = cells;
        rows.push(s);
    }
    rows
}

/// Table 7: general-budget projects, under the department, by functional code, each project a row
/// with its spending by economic class.
fn projects(budget: &Budget, catalog: &Catalog) -> Vec<Sums> {
    let items: Vec<&Item> = budget.items.iter().filter(|i| i.source.is_general() && i.kind == Kind::Project).collect();
    let mut rows = Vec::new();
    let mut total = Sums::new(11);
    total.fixed = Some("total");
    total.name = "总计".into();
    let mut unit = Sums::new(11);
    unit.name = budget.data.department.name.clone();
    unit.parent = Some(0);
    let mut by_code: BTreeMap<Code, Vec<Fen>> = BTreeMap::new();
    // Projects in the order the data first names them (the officer's order, as the disclosure
    // prints it), not by name.
    let mut by_project: Vec<((Code, String), Vec<Fen>)> = Vec::new();
    for i in &items {
        let col = project_econ_column(&i.econ);
        for s in [&mut total.cells, &mut unit.cells] {
            s[0] += i.amount;
            s[col] += i.amount;
        }
        for code in [i.function.class(), i.function.parent().unwrap_or_else(|| i.function.class())] {
            let cells = by_code.entry(code).or_insert_with(|| vec![Fen::ZERO; 11]);
            cells[0] += i.amount;
            cells[col] += i.amount;
        }
        let key = (i.function.clone(), i.project.clone().unwrap_or_default());
        let at = match by_project.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                by_project.push((key, vec![Fen::ZERO; 11]));
                by_project.len() - 1
            }
        };
        let cells = &mut by_project[at].1;
        cells[0] += i.amount;
        cells[col] += i.amount;
    }
    if items.is_empty() {
        return rows;
    }
    rows.push(total);
    rows.push(unit);
    let mut index: BTreeMap<Code, usize> = BTreeMap::new();
    for (code, cells) in by_code {
        let mut s = Sums::new(11);
        s.parent = code.parent().and_then(|p| index.get(&p).copied()).or(Some(1));
        s.name = name_of(&code, budget, catalog).unwrap_or_default();
        s.code = Some(code.clone());
        s.cells = cells;
        index.insert(code, rows.len());
        rows.push(s);
        // The section's projects right after the section.
        if rows.last().and_then(|r| r.code.as_ref()).is_some_and(|c| c.as_str().len() == 5) {
            let section = rows.len() - 1;
            let section_code = rows[section].code.clone();
            // By 项 code, and within one 项 in the data's order (the sort is stable).
            let mut section_projects: Vec<_> =
                by_project.iter().filter(|((item, _), _)| item.parent().as_ref() == section_code.as_ref()).collect();
            section_projects.sort_by(|((a, _), _), ((b, _), _)| a.cmp(b));
            for ((item, project), cells) in section_projects {
                let mut p = Sums::new(11);
                p.parent = Some(section);
                p.name = name_of(item, budget, catalog).unwrap_or_default();
                p.code = Some(item.clone());
                p.project = Some(project.clone());
                p.cells = cells.clone();
                rows.push(p);
            }
        }
    }
    rows
}

/// Table 1: income by source (declared rows), spending by functional class.
fn summary(budget: &Budget) -> Vec<Sums> {
    let sum = |f: &dyn Fn(&Item) -> bool| budget.items.iter().filter(|i| f(i)).map(|i| i.amount).sum::<Fen>();
    let by = |s: Source| sum(&|i: &Item| i.source == s);
    let values: Vec<(&'static str, Fen)> = vec![
        ("current_income", sum(&|i| !i.source.is_carry_over_fiscal() && !i.source.is_carry_over_non_fiscal())),
        ("general_budget", by(Source::GeneralBudget) + by(Source::GeneralTransfer)),
        ("general_budget_own", by(Source::GeneralBudget)),
        ("general_transfer", by(Source::GeneralTransfer)),
        ("government_fund", by(Source::GovernmentFund) + by(Source::GovernmentFundTransfer)),
        ("government_fund_own", by(Source::GovernmentFund)),
        ("government_fund_transfer", by(Source::GovernmentFundTransfer)),
        ("state_capital", by(Source::StateCapital) + by(Source::StateCapitalTransfer)),
        ("state_capital_own", by(Source::StateCapital)),
        ("state_capital_transfer", by(Source::StateCapitalTransfer)),
        ("special_account", by(Source::SpecialAccount)),
        ("unit_funds", sum(&|i| i.source.is_unit_funds())),
        ("business_income", by(Source::BusinessIncome)),
        ("upper_subsidy", by(Source::UpperSubsidy)),
        ("affiliate_remittance", by(Source::AffiliateRemittance)),
        ("operating_income", by(Source::OperatingIncome)),
        ("other_income", by(Source::OtherIncome)),
        ("carry_over", sum(&|i| i.source.is_carry_over_fiscal() || i.source.is_carry_over_non_fiscal())),
        ("carry_over_fiscal", sum(&|i| i.source.is_carry_over_fiscal())),
        ("carry_over_general", by(Source::CarryOverGeneral)),
        ("carry_over_fund", by(Source::CarryOverFund)),
        ("carry_over_capital", by(Source::CarryOverCapital)),
        ("carry_over_non_fiscal", sum(&|i| i.source.is_carry_over_non_fiscal())),
        ("carry_over_special", by(Source::CarryOverSpecial)),
        ("carry_over_unit", by(Source::CarryOverUnit)),
        ("income_total", sum(&|_| true)),
    ];
    let mut rows = fixed_rows(registry::shipped("income_expense_summary"), 0, &values);
    let classes = class_rows(budget, 1, 1, |_| true, |_| vec![0]);
    under_total(&mut rows, classes);
    let mut total = Sums::new(1);
    total.panel = 1;
    total.fixed = Some("expenditure_total");
    total.name = "支出总计".into();
    total.cells[0] = sum(&|_| true);
    rows.push(total);
    rows
}

/// Declared rows of a panel with their amounts (one column).
fn fixed_rows(schema: &TableSchema, panel: u8, values: &[(&'static str, Fen)]) -> Vec<Sums> {
    let Some(p) = schema.panels.get(panel as usize) else { return Vec::new() };
    let start = 0;
    p.fixed_rows
        .iter()
        .map(|f| {
            let mut s = Sums::new(1);
            s.panel = panel;
            s.fixed = Some(f.key);
            s.name = f.labels.first().copied().unwrap_or(f.key).to_string();
            s.cells[0] = values.iter().find(|(k, _)| *k == f.key).map(|(_, v)| *v).unwrap_or(Fen::ZERO);
            s.parent = f.parent.and_then(|pk| p.fixed_rows.iter().position(|g| g.key == pk)).map(|i| start + i);
            s
        })
        .collect()
}

/// Appends a panel's class rows, each a part of the panel's total row, which comes right after
/// them (as the model has it: the total row is a 类's parent).
pub(crate) fn under_total(rows: &mut Vec<Sums>, mut classes: Vec<Sums>) {
    let total = rows.len() + classes.len();
    for c in &mut classes {
        c.parent = Some(total);
    }
    rows.extend(classes);
}

/// Every functional class, in order, with `columns(item)` summed over the items of `filter`.
pub(crate) fn class_rows(
    budget: &Budget,
    panel: u8,
    width: usize,
    filter: impl Fn(&Item) -> bool,
    columns: impl Fn(&Item) -> Vec<usize>,
) -> Vec<Sums> {
    // Every class the template prints, and any other class the items reach (a class added to
    // the catalog after the shipped list was made is not dropped), in code order.
    let mut classes = yusuan_model::Catalog::function_classes();
    for i in &budget.items {
        let class = i.function.class();
        if !classes.iter().any(|(c, _)| *c == class) {
            let name = budget.data.names.get(class.as_str()).cloned().unwrap_or_default();
            classes.push((class, name));
        }
    }
    classes.sort_by(|a, b| a.0.cmp(&b.0));
    classes
        .into_iter()
        .map(|(code, name)| {
            let mut s = Sums::new(width);
            s.panel = panel;
            for i in budget.items.iter().filter(|i| filter(i) && i.function.class() == code) {
                for c in columns(i) {
                    s.cells[c] += i.amount;
                }
            }
            s.code = Some(code);
            s.name = name;
            s
        })
        .collect()
}

/// Table 4: fiscal money, income by budget and spending by class and budget.
fn fiscal(budget: &Budget) -> Vec<Sums> {
    let fiscal = |i: &Item| i.source.fiscal_budget().is_some();
    let sum = |f: &dyn Fn(&Item) -> bool| budget.items.iter().filter(|i| f(i)).map(|i| i.amount).sum::<Fen>();
    let year = |b: usize| sum(&|i: &Item| i.source.is_fiscal() && i.source.fiscal_budget() == Some(b));
    let carried = |b: usize| sum(&|i: &Item| i.source.is_carry_over_fiscal() && i.source.fiscal_budget() == Some(b));
    let values = vec![
        ("fiscal", sum(&|i| i.source.is_fiscal())),
        ("general_budget", year(0)),
        ("government_fund", year(1)),
        ("state_capital", year(2)),
        ("carry_over", sum(&|i| i.source.is_carry_over_fiscal())),
        ("carry_over_general", carried(0)),
        ("carry_over_fund", carried(1)),
        ("carry_over_capital", carried(2)),
        ("income_total", sum(&fiscal)),
    ];
    let mut rows = fixed_rows(registry::shipped("fiscal_summary"), 0, &values);
    let column = |i: &Item| vec![0, 1 + i.source.fiscal_budget().unwrap_or(0)];
    let classes = class_rows(budget, 1, 4, fiscal, column);
    under_total(&mut rows, classes);
    let mut total = Sums::new(4);
    total.panel = 1;
    total.fixed = Some("expenditure_total");
    total.name = "支出总计".into();
    for i in budget.items.iter().filter(|i| fiscal(i)) {
        for c in column(i) {
            total.cells[c] += i.amount;
        }
    }
    rows.push(total);
    rows
}

/// Table 10: 三公 by fiscal budget, from the economic items that are 三公: 30212 因公出国（境）费用,
/// 30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置.
fn three_public(budget: &Budget) -> Vec<Sums> {
    let part = |codes: &[&str]| {
        let mut cells = vec![Fen::ZERO; 4];
        for i in budget.items.iter().filter(|i| i.source.is_fiscal() && codes.contains(&i.econ.as_str())) {
            cells[0] += i.amount;
            cells[1 + i.source.fiscal_budget().unwrap_or(0)] += i.amount;
        }
        cells
    };
    let overseas = part(&["30212"]);
    let reception = part(&["30217"]);
    let purchase = part(&["31013"]);
    let operation = part(&["30231"]);
    let add = |a: &[Fen], b: &[Fen]| a.iter().zip(b).map(|(x, y)| *x + *y).collect::<Vec<Fen>>();
    let vehicle = add(&purchase, &operation);
    let total = add(&add(&overseas, &reception), &vehicle);
    let p = registry::shipped("three_public").panels[0];
    p.fixed_rows
        .iter()
        .zip([total, overseas, reception, vehicle, purchase, operation])
        .map(|(f, cells)| {
            let mut s = Sums::new(4);
            s.fixed = Some(f.key);
            s.name = f.labels.first().copied().unwrap_or(f.key).to_string();
            s.cells = cells;
            s.parent = f.parent.and_then(|pk| p.fixed_rows.iter().position(|g| g.key == pk));
            s
        })
        .collect()
}

/// Table 11: last year's carry-over, by project (or 基本支出), fiscal and non-fiscal.
fn carry_over(budget: &Budget) -> Vec<Sums> {
    let col = |i: &Item| -> Vec<usize> {
        let base = if i.source.is_carry_over_fiscal() { 1 } else { 5 };
        vec![
            0,
            base,
            base + match i.kind {
                Kind::Personnel => 1,
                Kind::Operating => 2,
                Kind::Project => 3,
            },
        ]
    };
    let items: Vec<&Item> = budget
        .items
        .iter()
        .filter(|i| i.source.is_carry_over_fiscal() || i.source.is_carry_over_non_fiscal())
        .collect();
    if items.is_empty() {
        return Vec::new();
    }
    let mut total = Sums::new(9);
    total.fixed = Some("total");
    total.name = "总计".into();
    let mut unit = Sums::new(9);
    unit.name = budget.data.department.name.clone();
    unit.parent = Some(0);
    // Rows in the order the data first names them, as for table 7.
    let mut by_name: Vec<(String, Vec<Fen>)> = Vec::new();
    for i in &items {
        let name = i.project.clone().unwrap_or_else(|| "基本支出".into());
        let at = match by_name.iter().position(|(n, _)| *n == name) {
            Some(at) => at,
            None => {
                by_name.push((name, vec![Fen::ZERO; 9]));
                by_name.len() - 1
            }
        };
        let cells = &mut by_name[at].1;
        for c in col(i) {
            cells[c] += i.amount;
            total.cells[c] += i.amount;
            unit.cells[c] += i.amount;
        }
    }
    let mut rows = vec![total, unit];
    for (name, cells) in by_name {
        let mut s = Sums::new(9);
        s.name = name;
        s.cells = cells;
        s.parent = Some(1);
        rows.push(s);
    }
    rows
}
