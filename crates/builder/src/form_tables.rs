//! A form's tables from the line items. A table the form lists by its national kind is the
//! national computation under the form's title; a table the form declares (its own columns,
//! standing for a national kind: Shanghai's 部门收入预算总表 for 部门收入总体情况表) is derived panel
//! by panel from what its declaration says:
//! - a panel keyed and columned like the stood-for table's panel of the same key is that panel;
//! - a panel of functional codes (or classes) sums each column's items, the column's key naming
//!   which items it takes (`basic`, `project`, `fiscal`, `business_income`, …, see `measure`);
//! - a single declared row whose columns are the stood-for table's declared rows (Shanghai's one
//!   line of 三公 figures) is that table turned on its side.
//!
//! Whatever cannot be derived this way is refused with the table and column named, never
//! printed half-filled; a derived row whose columns do not add up (money the form has no column
//! for, such as a carry-over in a form without one) is refused the same way.

use crate::data::Kind;
use crate::load::{Budget, Item};
use crate::tables::{
    self, by_function, class_rows, is_agency_running_cost, national, printed, under_total, Computed, Sums,
};
use std::collections::BTreeMap;
use std::fmt;
use yusuan_model::catalog::Catalog;
use yusuan_model::form::Form;
use yusuan_model::money::{AmountUnit, Fen};
use yusuan_model::registry;
use yusuan_model::table::{ColumnDef, DocumentKind, Panel, RowKeyKind, Table, TableSchema};

/// Why the builder cannot print a form's table, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unbuildable {
    pub zh: String,
    pub en: String,
}

impl Unbuildable {
    fn new(zh: String, en: String) -> Self {
        Unbuildable { zh, en }
    }

    pub fn message(&self, zh: bool) -> &str {
        if zh {
            &self.zh
        } else {
            &self.en
        }
    }
}

impl fmt::Display for Unbuildable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Unbuildable {}

/// Every table of `form`, numbered in its print order, titled and in the unit it prints.
pub fn tables_in(form: &Form, budget: &Budget, catalog: &Catalog) -> Result<Vec<Table>, Unbuildable> {
    if form.document != DocumentKind::Budget {
        return Err(Unbuildable::new(
            format!("格式 {}（{}）是决算格式：build 只编制预算", form.id, form.name.zh),
            format!("form {} ({}) is a final-accounts form: build makes budgets", form.id, form.name.en),
        ));
    }
    let mut computed: Vec<Option<Computed>> = national(budget, catalog).into_iter().map(Some).collect();
    let mut out = Vec::new();
    for (listed, number) in form.tables.iter().zip(1..) {
        let schema = listed.declared.or_else(|| registry::schema(listed.kind)).ok_or_else(|| {
            Unbuildable::new(format!("表 {} 没有声明", listed.kind), format!("table {} is not declared", listed.kind))
        })?;
        let title = listed.title(registry::schema).unwrap_or(schema.title);
        let table = match computed.iter_mut().find(|c| c.as_ref().is_some_and(|c| c.schema.kind == schema.kind)) {
            Some(same) => same.take().expect("found just now"),
            None => {
                let stood = listed.stands_for.and_then(|k| computed.iter().flatten().find(|c| c.schema.kind == k));
                derive(schema, title, stood, budget, catalog)?
            }
        };
        let unit = listed.printed_unit(form, schema);
        out.push(printed(table, number, title, unit, budget));
    }
    Ok(out)
}

/// A declared table, panel by panel.
fn derive(
    schema: &'static TableSchema,
    title: &str,
    stood: Option<&Computed>,
    budget: &Budget,
    catalog: &Catalog,
) -> Result<Computed, Unbuildable> {
    let mut rows: Vec<Sums> = Vec::new();
    for (index, panel) in schema.panels.iter().enumerate() {
        let index = index as u8;
        let stood_panel = stood.and_then(|s| {
            let at = s.schema.panels.iter().position(|p| same_shape(p, panel))?;
            Some((s, at as u8))
        });
        let mut part = match (stood_panel, panel.row_key) {
            (Some((s, at)), _) => copy_panel(s, at),
            (None, RowKeyKind::FunctionCode | RowKeyKind::FunctionClass) => {
                function_panel(panel, title, stood, budget, catalog)?
            }
            (None, RowKeyKind::Fixed) if panel.fixed_rows.len() == 1 => turned(panel, title, stood, budget)?,
            _ => {
                return Err(Unbuildable::new(
                    format!("表「{title}」的栏组 {} 无法从预算数据生成", panel.key),
                    format!("table '{title}': panel {} cannot be made from budget data", panel.key),
                ))
            }
        };
        let offset = rows.len();
        for r in &mut part {
            r.panel = index;
            r.parent = r.parent.map(|p| p + offset);
        }
        adds_up(panel, title, &part)?;
        rows.extend(part);
    }
    let empty = stood.and_then(|s| s.empty_money).filter(|_| rows.iter().all(|r| r.fixed.is_some()));
    Ok(Computed { schema, rows: if empty.is_some() { Vec::new() } else { rows }, empty_money: empty })
}

/// Two panels that print the same rows: same key, rows keyed alike, same columns.
fn same_shape(a: &Panel, b: &Panel) -> bool {
    let keys = |p: &Panel| p.columns.iter().map(|c| c.key).collect::<Vec<_>>();
    a.key == b.key && a.row_key == b.row_key && keys(a) == keys(b)
}

/// The rows of one panel of a computed table, parents renumbered from the panel's first row.
fn copy_panel(from: &Computed, panel: u8) -> Vec<Sums> {
    let mut at: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, r) in from.rows.iter().enumerate().filter(|(_, r)| r.panel == panel) {
        at.insert(i, out.len());
        let mut s = Sums::new(r.cells.len());
        s.code = r.code.clone();
        s.fixed = r.fixed;
        s.name = r.name.clone();
        s.project = r.project.clone();
        s.cells = r.cells.clone();
        s.parent = r.parent;
        out.push(s);
    }
    // A parent may come after its child (a total printed below its classes): renumber once all
    // are known.
    for s in &mut out {
        s.parent = s.parent.and_then(|p| at.get(&p).copied());
    }
    out
}

/// Which items a column of a functional table takes, by its key. A fund's column takes its
/// transfers too unless the panel has a column of its own for them.
fn measure(key: &str, columns: &[ColumnDef]) -> Option<fn(&Item) -> bool> {
    use crate::data::Source as S;
    let has = |k: &str| columns.iter().any(|c| c.key == k);
    let f: fn(&Item) -> bool = match key {
        "total" => |_| true,
        "basic" => tables::is_basic,
        "personnel" => |i| i.kind == Kind::Personnel,
        "operating" => |i| i.kind == Kind::Operating,
        "project" => |i| i.kind == Kind::Project,
        "fiscal" => |i| i.source.is_fiscal(),
        "general_budget" if has("general_transfer") => |i| i.source == S::GeneralBudget,
        "general_budget" => |i| i.source.is_general(),
        "general_transfer" => |i| i.source == S::GeneralTransfer,
        "government_fund" if has("government_fund_transfer") => |i| i.source == S::GovernmentFund,
        "government_fund" => |i| i.source.is_government_fund(),
        "government_fund_transfer" => |i| i.source == S::GovernmentFundTransfer,
        "state_capital" if has("state_capital_transfer") => |i| i.source == S::StateCapital,
        "state_capital" => |i| i.source.is_state_capital(),
        "state_capital_transfer" => |i| i.source == S::StateCapitalTransfer,
        "special_account" => |i| i.source == S::SpecialAccount,
        "unit_funds" => |i| i.source.is_unit_funds(),
        "business_income" => |i| i.source == S::BusinessIncome,
        "upper_subsidy" => |i| i.source == S::UpperSubsidy,
        "affiliate_remittance" => |i| i.source == S::AffiliateRemittance,
        "operating_income" => |i| i.source == S::OperatingIncome,
        "other_income" => |i| i.source == S::OtherIncome,
        "carry_over_fiscal" => |i| i.source.is_carry_over_fiscal(),
        "carry_over_non_fiscal" => |i| i.source.is_carry_over_non_fiscal(),
        _ => return None,
    };
    Some(f)
}

/// The items a table standing for `kind` covers: its fund, or every item.
fn scope(kind: Option<&str>) -> fn(&Item) -> bool {
    match kind {
        Some("general_budget_expenditure" | "general_budget_basic" | "general_budget_project") => {
            |i| i.source.is_general()
        }
        Some("government_fund_expenditure") => |i| i.source.is_government_fund(),
        Some("state_capital_expenditure") => |i| i.source.is_state_capital(),
        Some("fiscal_summary") => |i| i.source.fiscal_budget().is_some(),
        Some("three_public") => |i| i.source.is_fiscal(),
        _ => |_| true,
    }
}

/// A panel of functional codes (类, 款, 项 under a total first) or classes (every class, the
/// total after them), each column summing the items its key names.
fn function_panel(
    panel: &Panel,
    title: &str,
    stood: Option<&Computed>,
    budget: &Budget,
    catalog: &Catalog,
) -> Result<Vec<Sums>, Unbuildable> {
    let measures = panel
        .columns
        .iter()
        .map(|c| {
            measure(c.key, panel.columns).ok_or_else(|| {
                Unbuildable::new(
                    format!("表「{title}」的列 {}（{}）不知道该汇总哪些预算数据", c.key, c.header.join("/")),
                    format!("table '{title}': column {} ({}) names no budget data", c.key, c.header.join("/")),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let within = scope(stood.map(|s| s.schema.kind));
    let columns = |i: &Item| (0..measures.len()).filter(|&c| measures[c](i)).collect::<Vec<usize>>();
    let width = measures.len();
    let total_row = panel.fixed_rows.first();
    let total_name = total_row.and_then(|f| f.labels.first().copied()).unwrap_or("合计").to_string();
    if panel.row_key == RowKeyKind::FunctionCode {
        let mut rows = by_function(budget, catalog, width, within, columns);
        if let (Some(total), Some(f)) = (rows.first_mut(), total_row) {
            total.fixed = Some(f.key);
            total.name = total_name;
        }
        return Ok(rows);
    }
    let mut rows = Vec::new();
    under_total(&mut rows, class_rows(budget, 0, width, within, columns));
    let mut total = Sums::new(width);
    total.fixed = Some(total_row.map_or("total", |f| f.key));
    total.name = total_name;
    for i in budget.items.iter().filter(|i| within(i)) {
        for c in columns(i) {
            total.cells[c] += i.amount;
        }
    }
    rows.push(total);
    Ok(rows)
}

/// One declared row whose columns are the stood-for table's declared rows: that table's 合计
/// column laid on its side. `agency_running_costs` (机关运行经费), which the national form states in
/// its narrative, is summed from the items.
fn turned(panel: &Panel, title: &str, stood: Option<&Computed>, budget: &Budget) -> Result<Vec<Sums>, Unbuildable> {
    let row = &panel.fixed_rows[0];
    let mut s = Sums::new(panel.columns.len());
    s.fixed = Some(row.key);
    s.name = row.labels.first().copied().unwrap_or_default().to_string();
    for (c, column) in panel.columns.iter().enumerate() {
        let from_stood = stood.and_then(|t| t.rows.iter().find(|r| r.fixed == Some(column.key))).map(|r| r.cells[0]);
        s.cells[c] = match (from_stood, column.key) {
            (Some(v), _) => v,
            (None, "agency_running_costs") => {
                budget.items.iter().filter(|i| is_agency_running_cost(i)).map(|i| i.amount).sum::<Fen>()
            }
            (None, key) => {
                return Err(Unbuildable::new(
                    format!("表「{title}」的列 {key}（{}）不知道该取哪个数", column.header.join("/")),
                    format!("table '{title}': column {key} ({}) names no budget figure", column.header.join("/")),
                ))
            }
        };
    }
    Ok(vec![s])
}

/// Every declared column sum holds exactly on every derived row: else the form has no column
/// for some of the money (the total takes it, no part does), and the table is refused.
fn adds_up(panel: &Panel, title: &str, rows: &[Sums]) -> Result<(), Unbuildable> {
    for rule in panel.column_sums {
        let Some((total, parts)) = panel.sum_columns(rule) else { continue };
        for r in rows {
            let sum: Fen = parts.iter().filter_map(|&p| r.cells.get(p).copied()).sum();
            let whole = r.cells.get(total).copied().unwrap_or(Fen::ZERO);
            if sum != whole {
                let header = |k: &'static str| -> &'static str {
                    panel.columns.iter().find(|c| c.key == k).and_then(|c| c.header.last().copied()).unwrap_or(k)
                };
                let parts: Vec<&str> = rule.parts.iter().map(|k| header(k)).collect();
                let rest = (whole - sum).to_money(AmountUnit::Wan, 2).value;
                return Err(Unbuildable::new(
                    format!(
                        "表「{title}」的「{}」行：{} 中有 {rest} 万元不属于 {} 中任何一列（本格式没有容纳这部分资金的列，如上年结转）",
                        r.name,
                        header(rule.total),
                        parts.join("、")
                    ),
                    format!(
                        "table '{title}', row '{}': {rest} wan of {} fall in none of {} (the form has no column for them, e.g. a carry-over)",
                        r.name,
                        header(rule.total),
                        parts.join(", ")
                    ),
                ));
            }
        }
    }
    Ok(())
}
