//! Budget data into the whole disclosure model: overview, tables, narrative, projects, assets,
//! performance targets, glossary and signature.

use crate::data::IndicatorData;
use crate::form_tables::{tables_in, Unbuildable};
use crate::load::{amount, Budget};
use crate::narrative::narrative;
use crate::tables::tables;
use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_model::assets::{AssetCategory, StateAssets};
use yusuan_model::catalog::Catalog;
use yusuan_model::disclosure::GlossaryEntry;
use yusuan_model::form::Form;
use yusuan_model::money::{AmountUnit, Fen, Money, UnitPrice};
use yusuan_model::overview::{Duty, Organisation, Overview, StaffKind, StaffPart, Staffing};
use yusuan_model::performance::{Comparison, Indicator, PerformanceKind, PerformanceTargets, TargetValue};
use yusuan_model::project::{AllocationItem, Expression, Factor, Period, PolicyBasis, ProjectDescription};
use yusuan_model::quantity::Quantity;
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::DocumentKind;
use yusuan_model::Disclosure;

fn sp<T>(v: T) -> Spanned<T> {
    Spanned::new(v, Span::default())
}

fn wan(f: Fen) -> Money {
    f.to_money(AmountUnit::Wan, 2)
}

/// The disclosure and the warnings its preparer should read (e.g. a notable change without a
/// stated reason).
pub struct Built {
    pub disclosure: Disclosure,
    pub warnings: Vec<String>,
}

/// Builds the whole disclosure from checked budget data, in the national form.
pub fn build(budget: &Budget, catalog: &Catalog) -> Built {
    let mut built = assemble(budget, catalog);
    built.disclosure.form = Some(NATIONAL.to_string());
    built.disclosure.tables = tables(budget, catalog);
    built
}

/// The id of the national budget form, which `build` prints.
pub const NATIONAL: &str = "national-budget";

/// Builds the whole disclosure in `form`: its tables, in its order, under its titles and in its
/// unit. A form whose tables cannot be made from budget data is refused, naming the table.
pub fn build_in(form: &Form, budget: &Budget, catalog: &Catalog) -> Result<Built, Unbuildable> {
    let tables = tables_in(form, budget, catalog)?;
    let mut built = assemble(budget, catalog);
    built.disclosure.form = Some(form.id.to_string());
    built.disclosure.tables = tables;
    Ok(built)
}

/// Everything but the tables.
fn assemble(budget: &Budget, catalog: &Catalog) -> Built {
    let data = &budget.data;
    let dep = &data.department;
    let mut d = Disclosure::new(DocumentKind::Budget);
    d.department = Some(sp(dep.name.clone()));
    d.year = Some(sp(dep.year));
    d.signed = dep.signed.clone().map(sp);
    d.overview = overview(budget);
    let written = narrative(budget, catalog);
    d.narrative = written.narrative;
    d.narrative.projects =
        data.projects.iter().filter(|p| !p.allocation.is_empty()).map(|p| project(budget, p)).collect();
    d.narrative.state_assets = assets(budget);
    d.performance = targets(budget);
    d.glossary = GLOSSARY
        .iter()
        .map(|(t, def)| GlossaryEntry { term: sp(t.to_string()), definition: sp(def.to_string()) })
        .collect();
    Built { disclosure: d, warnings: written.warnings }
}

fn overview(budget: &Budget) -> Overview {
    let dep = &budget.data.department;
    let s = &dep.staffing;
    let part = |kind: StaffKind, label: &str, count: Option<u32>, change: i64| {
        count.map(|c| StaffPart { kind, label: sp(label.into()), count: sp(c), change: Some(sp(change)) })
    };
    let parts: Vec<StaffPart> = [
        part(StaffKind::InService, "在职", s.in_service, s.in_service_change),
        part(StaffKind::Retired, "退休", s.retired, s.retired_change),
        part(StaffKind::RetiredCadre, "离休", s.separated, s.separated_change),
    ]
    .into_iter()
    .flatten()
    .collect();
    let actual = parts.iter().map(|p| p.count.value).sum::<u32>();
    Overview {
        department: Some(sp(dep.name.clone())),
        year: Some(sp(dep.year)),
        duties: dep
            .duties
            .iter()
            .enumerate()
            .map(|(i, t)| Duty { number: Some(i as u32 + 1), text: sp(t.clone()) })
            .collect(),
        organisation: Organisation {
            no_subordinate_units: dep.units.is_empty().then(|| sp("无下属预算单位".to_string())),
            subordinate_unit_count: (!dep.units.is_empty()).then(|| sp(dep.units.len() as u32)),
            subordinate_units: dep.units.iter().cloned().map(sp).collect(),
            division_count: Some(sp(dep.divisions.len() as u32)),
            division_word: Some(dep.division_word.clone()),
            divisions: dep.divisions.iter().cloned().map(sp).collect(),
        },
        staffing: Staffing { authorised: s.authorised.map(sp), actual: (!parts.is_empty()).then(|| sp(actual)), parts },
    }
}

fn project(budget: &Budget, p: &crate::data::ProjectData) -> ProjectDescription {
    let name = p.name.get_ref().clone();
    let spent: Fen =
        budget.items.iter().filter(|i| i.project.as_deref() == Some(name.as_str())).map(|i| i.amount).sum();
    let allocation = p
        .allocation
        .iter()
        .map(|a| {
            let amount = amount(a.amount.get_ref()).map(wan).unwrap_or(wan(Fen::ZERO));
            let factors: Vec<Spanned<Factor>> = a
                .factors
                .iter()
                .filter_map(|f| {
                    UnitPrice::parse(f)
                        .map(Factor::UnitPrice)
                        .ok()
                        .or_else(|| {
                            Money::parse(f, AmountUnit::Yuan).ok().filter(|_| f.contains('元')).map(Factor::Money)
                        })
                        .or_else(|| Quantity::parse(f).map(Factor::Quantity))
                        .map(sp)
                })
                .collect();
            let expression = (!factors.is_empty()).then(|| Expression { factors, result: sp(amount) });
            AllocationItem { name: sp(a.name.clone()), amount: sp(amount), expression }
        })
        .collect();
    ProjectDescription {
        number: None,
        name: sp(name),
        policy_basis: (!p.basis.is_empty()).then(|| PolicyBasis { text: sp(p.basis.clone()), documents: Vec::new() }),
        budget: Some(sp(wan(spent))),
        executing_unit: Some(sp(p.executing_unit.clone().unwrap_or_else(|| budget.data.department.name.clone()))),
        allocation,
        period: p.period.clone().map(|t| Period { start: sp(t), end: None, start_date: None, end_date: None }),
        span: Span::default(),
    }
}

fn assets(budget: &Budget) -> StateAssets {
    fn category(a: &crate::data::AssetData) -> AssetCategory {
        AssetCategory {
            name: sp(a.name.clone()),
            count: a.count.as_deref().and_then(Quantity::parse).map(sp),
            area: a.area.as_deref().and_then(Quantity::parse).map(sp),
            value: a.value.as_ref().and_then(|v| amount(v.get_ref()).ok()).map(|f| sp(wan(f))),
            parts: a.parts.iter().map(category).collect(),
        }
    }
    let a = &budget.data.assets;
    StateAssets {
        as_of: a.as_of.clone().map(sp),
        categories: a.categories.iter().map(category).collect(),
        ..StateAssets::default()
    }
}

/// Reads a target as printed (`≥38000人次`, `＜=13.5万元`, `提高`) into comparison and value.
pub fn target(text: &str) -> (Option<Comparison>, TargetValue) {
    let t = text.trim();
    const SIGNS: [(&str, Comparison); 12] = [
        ("≥", Comparison::Ge),
        (">=", Comparison::Ge),
        ("＞=", Comparison::Ge),
        ("≤", Comparison::Le),
        ("<=", Comparison::Le),
        ("＜=", Comparison::Le),
        ("=", Comparison::Eq),
        ("＝", Comparison::Eq),
        (">", Comparison::Gt),
        ("＞", Comparison::Gt),
        ("<", Comparison::Lt),
        ("＜", Comparison::Lt),
    ];
    let (cmp, rest) = SIGNS.iter().find_map(|(s, c)| t.strip_prefix(s).map(|r| (Some(*c), r))).unwrap_or((None, t));
    let value = Quantity::parse(rest).map(TargetValue::Quantity).unwrap_or_else(|| TargetValue::Text(rest.to_string()));
    (cmp, value)
}

fn indicator(i: &IndicatorData) -> Indicator {
    let (comparison, value) = target(&i.value);
    Indicator {
        level1: Some(sp(i.level1.clone())),
        level2: Some(sp(i.level2.clone())),
        level3: Some(sp(i.name.clone())),
        comparison: comparison.map(sp),
        value: Some(sp(value)),
        basis: i.basis.clone().map(sp),
        prior: i.prior.as_deref().map(|p| sp(target(p).1)),
        weight: Decimal::from_str(i.weight.trim()).ok().map(sp),
        scoring_rule: i.scoring_rule.clone().map(sp),
        evidence: i.evidence.clone().map(sp),
    }
}

fn targets(budget: &Budget) -> Vec<PerformanceTargets> {
    let data = &budget.data;
    let year = data.department.year;
    let mut out = Vec::new();
    let fiscal: Fen = budget.items.iter().filter(|i| i.source.is_fiscal()).map(|i| i.amount).sum();
    let total: Fen = budget.items.iter().map(|i| i.amount).sum();
    let dept = PerformanceTargets {
        kind: PerformanceKind::Department,
        year: Some(sp(year)),
        unit: Some(sp(data.department.name.clone())),
        contact: data.department.contact.clone().map(sp),
        phone: data.department.phone.clone().map(sp),
        goal: data.targets.goal.clone().map(sp),
        budget_total: Some(sp(wan(total))),
        budget_fiscal: Some(sp(wan(fiscal))),
        budget_other: Some(sp(wan(total - fiscal))),
        indicators: data.targets.indicators.iter().map(indicator).collect(),
        ..PerformanceTargets::default()
    };
    out.push(dept);
    for p in &data.projects {
        let name = p.name.get_ref();
        let (fiscal, other) = crate::narrative::project_split(budget, name);
        let all = fiscal + other;
        let t = PerformanceTargets {
            kind: PerformanceKind::Project,
            year: Some(sp(year)),
            unit: Some(sp(data.department.name.clone())),
            project: Some(sp(name.clone())),
            owner: p.owner.clone().map(sp),
            goal: p.goal.clone().map(sp),
            budget_total: Some(sp(wan(all))),
            budget_fiscal: Some(sp(wan(fiscal))),
            budget_other: Some(sp(wan(other))),
            indicators: p.indicators.iter().map(indicator).collect(),
            ..PerformanceTargets::default()
        };
        out.push(t);
    }
    out
}

/// 名词解释 as the template prints it.
const GLOSSARY: &[(&str, &str)] = &[
    ("财政拨款", "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。"),
    ("一般公共预算", "包括公共财政拨款（补助）资金、专项收入。"),
    ("财政专户管理资金", "包括专户管理行政事业性收费（主要是教育收费）、其他非税收入。"),
    ("其他资金", "包括事业收入、事业经营收入、其他收入等。"),
    ("基本支出", "包括人员经费、公用经费（定额）。其中，人员经费包括工资福利支出、对个人和家庭的补助。"),
    (
        "项目支出",
        "部门（单位）支出预算的组成部分，是各部门（单位）为完成其特定的行政任务或事业发展目标，在基本支出预算之外编制的年度项目支出计划。",
    ),
    (
        "“三公”经费",
        "指部门（单位）因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    ),
    ("机关运行经费", "指行政单位（含参照公务员法管理事业单位）的公用经费。"),
];
