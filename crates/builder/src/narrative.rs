//! The narrative (情况说明) as typed facts, every figure computed: amounts from the line items,
//! shares of one structure by largest remainder so they sum to exactly 100.00%, changes and rates
//! against last year's figures, reasons from the data. A notable change without a reason is a
//! warning for the preparer — never an invented reason.

use crate::data::{Kind, Source};
use crate::load::{Budget, Item};
use crate::tables::name_of;
use rust_decimal::{Decimal, RoundingStrategy};
use yusuan_model::catalog::{Catalog, Code};
use yusuan_model::money::{AmountUnit, Fen};
use yusuan_model::narrative::{
    Basic, CarryOver, Direction, Fact, FundSource, Narrative, ReasonKind, Scope, Section, Share, Subject, ThreePublic,
    Topic, YoyChange,
};
use yusuan_model::narrative::{FunctionItem, PerformanceScope, Procurement};
use yusuan_model::rate::Rate;
use yusuan_model::span::{Span, Spanned};

/// The narrative and the warnings the preparer should see.
pub struct Written {
    pub narrative: Narrative,
    pub warnings: Vec<String>,
}

fn sp<T>(v: T) -> Spanned<T> {
    Spanned::new(v, Span::default())
}

fn wan(f: Fen) -> yusuan_model::money::Money {
    f.to_money(AmountUnit::Wan, 2)
}

/// `part / base × 100` at two decimals, half away from zero.
pub fn percent(part: Fen, base: Fen) -> Option<Rate> {
    if base.0 == 0 {
        return None;
    }
    let mut v = (Decimal::from(part.0) * Decimal::ONE_HUNDRED / Decimal::from(base.0))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(2);
    Some(Rate(v))
}

/// Shares of one structure in hundredths of a percent that sum to exactly 100.00% (largest
/// remainder: floor every share, then give the missing hundredths to the largest remainders).
pub fn shares(parts: &[Fen]) -> Vec<Rate> {
    let total: i128 = parts.iter().map(|f| f.0 as i128).sum();
    if total == 0 {
        return parts.iter().map(|_| Rate(Decimal::new(0, 2))).collect();
    }
    let raw: Vec<(i128, i128)> =
        parts.iter().map(|f| ((f.0 as i128 * 10_000) / total, (f.0 as i128 * 10_000) % total)).collect();
    let mut floors: Vec<i128> = raw.iter().map(|r| r.0).collect();
    let missing = 10_000 - floors.iter().sum::<i128>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| raw[b].1.cmp(&raw[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(missing.max(0) as usize) {
        floors[i] += 1;
    }
    floors.into_iter().map(|h| Rate(Decimal::new(h as i64, 2))).collect()
}

struct Writer<'a> {
    budget: &'a Budget,
    n: Narrative,
    warnings: Vec<String>,
}

impl Writer<'_> {
    fn section(&mut self, number: &str, level: u8, title: String, scope: Scope, topic: Topic) -> usize {
        let parent = if level > 1 { self.n.sections.iter().rposition(|s| s.level == 1) } else { None };
        self.n.sections.push(Section {
            number: number.into(),
            level,
            parent,
            title,
            scope,
            topic,
            span: Span::default(),
        });
        self.n.sections.len() - 1
    }

    /// A fact with its amount, its change against `[prior].key` and the reason `[reasons].key`.
    fn fact(&mut self, subject: Subject, scope: Scope, phrase: &str, amount: Fen, key: Option<&str>) -> usize {
        let mut f = Fact::new(subject, scope, phrase, Span::default());
        f.amount = Some(sp(wan(amount)));
        f.section = self.n.sections.len().checked_sub(1);
        if let Some(key) = key {
            if let Some(&prior) = self.budget.prior.get(key) {
                let diff = amount - prior;
                let direction = match diff.0.signum() {
                    1 => Direction::Increase,
                    -1 => Direction::Decrease,
                    _ => Direction::Flat,
                };
                // From a zero base the convention is 100% for something new, 0% for nothing.
                let rate = percent(Fen(diff.0.abs()), prior)
                    .unwrap_or(Rate(Decimal::new(if amount.0 == 0 { 0 } else { 10_000 }, 2)));
                let (word, rate_word) = match direction {
                    Direction::Decrease => ("减少", "下降"),
                    _ => ("增加", "增长"),
                };
                let notable = rate.0 >= Decimal::from(10);
                f.change = Some(YoyChange {
                    amount: Some(sp(wan(Fen(diff.0.abs())))),
                    direction,
                    direction_word: word.into(),
                    rate: Some(sp(rate)),
                    rate_word: Some(rate_word.into()),
                    compared_with: "比上年预算".into(),
                    span: Span::default(),
                });
                match self.budget.data.reasons.get(key) {
                    Some(r) => {
                        f.reason = Some(sp(r.get_ref().clone()));
                        f.reason_kind = Some(ReasonKind::Cause);
                    }
                    None if notable && diff.0 != 0 => self.warnings.push(format!(
                        "“{phrase}”比上年变化 {rate}，但 [reasons] 中没有“{key}”的原因 / '{key}' changed by {rate} and has no reason"
                    )),
                    None => {}
                }
            }
        }
        self.n.facts.push(f);
        self.n.facts.len() - 1
    }

    fn share(&mut self, fact: usize, rate: Rate, of: usize) {
        if let Some(f) = self.n.facts.get_mut(fact) {
            f.share = Some(Share { rate: sp(rate), of: None, of_fact: Some(of) });
        }
    }
}

fn sum(items: &[Item], f: impl Fn(&Item) -> bool) -> Fen {
    items.iter().filter(|i| f(i)).map(|i| i.amount).sum()
}

/// Writes the narrative's facts.
pub fn narrative(budget: &Budget, catalog: &Catalog) -> Written {
    let items = &budget.items;
    let dept = budget.data.department.name.clone();
    let year = budget.data.department.year;
    let mut w = Writer { budget, n: Narrative::default(), warnings: Vec::new() };
    let total = sum(items, |_| true);
    let about = |topic: &str| format!("关于{dept}{year}年{topic}");

    w.section("一", 1, about("收支预算情况总体说明"), Scope::AllFunds, Topic::Overall);
    w.fact(Subject::TotalBudget, Scope::AllFunds, "收支总预算", total, Some("total"));

    w.section("二", 1, about("收入预算情况说明"), Scope::AllFunds, Topic::Income);
    let income = w.fact(Subject::TotalIncome, Scope::AllFunds, "部门收入预算", total, None);
    let sources: Vec<(Subject, &str, Fen, &str)> = vec![
        (
            Subject::Source(FundSource::GeneralBudget),
            "一般公共预算",
            sum(items, |i| i.source.is_general()),
            "general_budget",
        ),
        (
            Subject::Source(FundSource::GovernmentFund),
            "政府性基金预算",
            sum(items, |i| i.source.is_government_fund()),
            "government_fund",
        ),
        (
            Subject::Source(FundSource::StateCapital),
            "国有资本经营预算",
            sum(items, |i| i.source.is_state_capital()),
            "state_capital",
        ),
        (
            Subject::Source(FundSource::SpecialAccount),
            "财政专户管理资金",
            sum(items, |i| i.source == Source::SpecialAccount),
            "special_account",
        ),
        (Subject::Source(FundSource::UnitFunds), "单位资金", sum(items, |i| i.source.is_unit_funds()), "unit_funds"),
        (
            Subject::CarryOver(CarryOver::Fiscal),
            "财政拨款结转",
            sum(items, |i| i.source.is_carry_over_fiscal()),
            "carry_over_fiscal",
        ),
        (
            Subject::CarryOver(CarryOver::NonFiscal),
            "非财政拨款结转结余",
            sum(items, |i| i.source.is_carry_over_non_fiscal()),
            "carry_over_non_fiscal",
        ),
    ];
    let rates = shares(&sources.iter().map(|s| s.2).collect::<Vec<_>>());
    for ((subject, phrase, amount, key), rate) in sources.into_iter().zip(rates) {
        let f = w.fact(subject, Scope::AllFunds, phrase, amount, Some(key));
        w.share(f, rate, income);
        if let Some(fact) = w.n.facts.get_mut(f) {
            fact.parent = Some(income);
        }
    }

    w.section("三", 1, about("支出预算情况说明"), Scope::AllFunds, Topic::Expenditure);
    let spending = w.fact(Subject::TotalExpenditure, Scope::AllFunds, "支出预算", total, None);
    let basic = sum(items, |i| i.kind != Kind::Project);
    let project = sum(items, |i| i.kind == Kind::Project);
    let rates = shares(&[basic, project]);
    let b = w.fact(Subject::Basic(Basic::Total), Scope::AllFunds, "基本支出", basic, Some("basic"));
    w.share(b, rates[0], spending);
    let p = w.fact(Subject::Project, Scope::AllFunds, "项目支出", project, Some("project"));
    w.share(p, rates[1], spending);

    let general = |i: &Item| i.source.is_general();
    let function = |code: &Code| {
        let name = |c: Option<Code>| c.and_then(|c| name_of(&c, budget, catalog)).unwrap_or_default();
        let (class, section, item) = match code.as_str().len() {
            3 => (name(Some(code.clone())), None, None),
            5 => (name(Some(code.class())), Some(name(Some(code.clone()))), None),
            _ => (name(Some(code.class())), Some(name(code.parent())), Some(name(Some(code.clone())))),
        };
        Subject::Function(FunctionItem { class, section, item, code: Some(code.clone()) })
    };
    let phrase_of = |code: &Code| name_of(code, budget, catalog).unwrap_or_else(|| code.to_string());
    // The classes general-budget money goes to, in code order.
    let mut classes: Vec<Code> = items.iter().filter(|i| general(i)).map(|i| i.function.class()).collect();
    classes.sort();
    classes.dedup();

    w.section("四", 1, about("财政拨款收支预算情况的总体说明"), Scope::FiscalAppropriation, Topic::FiscalOverall);
    let fiscal_total = w.fact(
        Subject::TotalBudget,
        Scope::FiscalAppropriation,
        "财政拨款收支总预算",
        // Table 4's 收入总计: the year's fiscal money and the fiscal carry-over.
        sum(items, |i| i.source.is_fiscal() || i.source.is_carry_over_fiscal()),
        None,
    );
    for class in &classes {
        let amount = sum(items, |i| general(i) && &i.function.class() == class);
        let f = w.fact(function(class), Scope::GeneralBudget, &phrase_of(class), amount, None);
        if let Some(fact) = w.n.facts.get_mut(f) {
            fact.parent = Some(fiscal_total);
            if let Some(u) = budget.data.uses.get(&format!("function.{class}")) {
                fact.reason = Some(sp(u.get_ref().clone()));
                fact.reason_kind = Some(ReasonKind::Use);
            }
        }
    }

    w.section("五", 1, about("一般公共预算当年拨款情况说明"), Scope::GeneralBudgetCurrentYear, Topic::CurrentYear);
    // （一） the size and its change, （二） the structure, （三） each item: the template's three.
    w.section("一", 2, "一般公共预算当年拨款规模变化情况".into(), Scope::GeneralBudgetCurrentYear, Topic::CurrentYear);
    let gb_amount = sum(items, general);
    let gb = w.fact(
        Subject::Source(FundSource::GeneralBudget),
        Scope::GeneralBudgetCurrentYear,
        "一般公共预算拨款",
        gb_amount,
        None,
    );
    let basic_gb = sum(items, |i| general(i) && i.kind != Kind::Project);
    w.fact(Subject::Basic(Basic::Total), Scope::GeneralBudgetCurrentYear, "基本支出", basic_gb, Some("general_basic"));
    let project_gb = sum(items, |i| general(i) && i.kind == Kind::Project);
    w.fact(Subject::Project, Scope::GeneralBudgetCurrentYear, "项目支出", project_gb, Some("general_project"));
    // （二） the structure by class, shares summing to 100.00%.
    w.section("二", 2, "一般公共预算当年拨款结构情况".into(), Scope::GeneralBudgetCurrentYear, Topic::CurrentYear);
    let amounts: Vec<Fen> = classes.iter().map(|c| sum(items, |i| general(i) && &i.function.class() == c)).collect();
    for ((class, amount), rate) in classes.iter().zip(&amounts).zip(shares(&amounts)) {
        let f = w.fact(function(class), Scope::GeneralBudgetCurrentYear, &phrase_of(class), *amount, None);
        w.share(f, rate, gb);
    }
    // （三） each item with its change on last year.
    w.section("三", 2, "一般公共预算当年拨款具体使用情况".into(), Scope::GeneralBudgetCurrentYear, Topic::CurrentYear);
    let mut codes: Vec<Code> = items.iter().filter(|i| general(i)).map(|i| i.function.clone()).collect();
    codes.sort();
    codes.dedup();
    for code in &codes {
        let key = format!("function.{code}");
        let amount = sum(items, |i| general(i) && &i.function == code);
        w.fact(function(code), Scope::GeneralBudgetCurrentYear, &phrase_of(code), amount, Some(&key));
    }

    w.section("六", 1, about("一般公共预算基本支出情况说明"), Scope::GeneralBudget, Topic::BasicExpenditure);
    w.fact(
        Subject::Basic(Basic::Personnel),
        Scope::GeneralBudget,
        "人员经费",
        sum(items, |i| general(i) && i.kind == Kind::Personnel),
        Some("personnel"),
    );
    w.fact(
        Subject::Basic(Basic::Operating),
        Scope::GeneralBudget,
        "公用经费",
        sum(items, |i| general(i) && i.kind == Kind::Operating),
        Some("operating"),
    );

    // 七: the project descriptions go under it (the renderers place them by its topic).
    w.section("七", 1, about("一般公共预算项目支出情况说明"), Scope::GeneralBudget, Topic::ProjectExpenditure);

    // Printed as `{what}未安排`; the empty table itself carries the standard statement.
    for (number, what, subject, filter) in [
        ("八", "政府性基金预算拨款", FundSource::GovernmentFund, Source::GovernmentFund),
        ("九", "国有资本经营预算拨款", FundSource::StateCapital, Source::StateCapital),
    ] {
        let amount = sum(items, |i| i.source.fiscal_budget() == filter.fiscal_budget() && i.source.is_fiscal());
        w.section(number, 1, about(&format!("{what}情况说明")), Scope::Unspecified, Topic::Other);
        let f = w.fact(Subject::Source(subject), Scope::Unspecified, what, amount, None);
        if amount.0 == 0 {
            if let Some(fact) = w.n.facts.get_mut(f) {
                fact.amount = None;
                fact.absent = true;
            }
        }
    }

    w.section("十", 1, about("财政拨款“三公”经费预算情况说明"), Scope::FiscalAppropriation, Topic::ThreePublic);
    let fiscal = |codes: &[&str]| sum(items, |i| i.source.is_fiscal() && codes.contains(&i.econ.as_str()));
    let tp_total = w.fact(
        Subject::ThreePublic(ThreePublic::Total),
        Scope::FiscalAppropriation,
        "财政拨款“三公”经费",
        fiscal(&["30212", "30217", "30231", "31013"]),
        Some("three_public"),
    );
    for (part, phrase, codes, key) in [
        (ThreePublic::Overseas, "因公出国（境）费", &["30212"][..], "three_public.overseas"),
        (ThreePublic::VehiclePurchase, "公务用车购置费", &["31013"][..], "three_public.vehicle_purchase"),
        (ThreePublic::VehicleOperation, "公务用车运行费", &["30231"][..], "three_public.vehicle_operation"),
        (ThreePublic::Reception, "公务接待费", &["30217"][..], "three_public.reception"),
    ] {
        let f = w.fact(Subject::ThreePublic(part), Scope::FiscalAppropriation, phrase, fiscal(codes), Some(key));
        if let Some(fact) = w.n.facts.get_mut(f) {
            fact.parent = Some(tp_total);
        }
    }

    w.section("十一", 1, about("上年结转结余预算情况说明"), Scope::AllFunds, Topic::CarryOver);
    let carried = |i: &Item| i.source.is_carry_over_fiscal() || i.source.is_carry_over_non_fiscal();
    let co = w.fact(Subject::CarryOver(CarryOver::All), Scope::AllFunds, "上年结转结余", sum(items, carried), None);
    for (sub, phrase, f) in [
        (CarryOver::Fiscal, "财政拨款", Source::is_carry_over_fiscal as fn(Source) -> bool),
        (CarryOver::NonFiscal, "非财政拨款", Source::is_carry_over_non_fiscal as fn(Source) -> bool),
    ] {
        let x = w.fact(Subject::CarryOver(sub), Scope::AllFunds, phrase, sum(items, |i| f(i.source)), None);
        if let Some(fact) = w.n.facts.get_mut(x) {
            fact.parent = Some(co);
        }
    }
    let mut names: Vec<String> = items.iter().filter(|i| carried(i)).filter_map(|i| i.project.clone()).collect();
    names.sort();
    names.dedup();
    for name in names {
        let amount = sum(items, |i| carried(i) && i.project.as_deref() == Some(&name));
        let x = w.fact(Subject::CarryOverItem(name.clone()), Scope::AllFunds, &name, amount, None);
        let key = format!("carry_over.{name}");
        let text = budget.data.uses.get(&key).or(budget.data.reasons.get(&key)).map(|u| u.get_ref().clone());
        if let (Some(fact), Some(text)) = (w.n.facts.get_mut(x), text) {
            fact.reason = Some(sp(text));
            fact.reason_kind = Some(ReasonKind::Use);
        }
        if let Some(fact) = w.n.facts.get_mut(x) {
            fact.parent = Some(co);
        }
    }

    w.section("十二", 1, "其他重要事项的情况说明".into(), Scope::Unspecified, Topic::Other);
    w.section("一", 2, "机关运行经费".into(), Scope::Unspecified, Topic::AgencyRunningCosts);
    w.fact(
        Subject::AgencyRunningCosts,
        Scope::FiscalAppropriation,
        "机关运行经费财政拨款预算",
        sum(items, crate::tables::is_agency_running_cost),
        Some("agency_running_costs"),
    );
    let pr = &budget.data.procurement;
    let money = |v: &Option<toml::Spanned<String>>| {
        v.as_ref().and_then(|v| crate::load::amount(v.get_ref()).ok()).unwrap_or(Fen::ZERO)
    };
    let (goods, works, services) = (money(&pr.goods), money(&pr.works), money(&pr.services));
    w.section("二", 2, "政府采购情况".into(), Scope::Unspecified, Topic::Procurement);
    let total = w.fact(
        Subject::Procurement(Procurement::Total),
        Scope::Unspecified,
        "政府采购预算",
        goods + works + services,
        None,
    );
    for (part, phrase, amount) in [
        (Procurement::Goods, "政府采购货物预算", goods),
        (Procurement::Works, "政府采购工程预算", works),
        (Procurement::Services, "政府采购服务预算", services),
        (Procurement::SmeReserved, "面向中小企业预留政府采购项目预算金额", money(&pr.sme_reserved)),
        (Procurement::SmallMicroReserved, "小微企业预留政府采购项目预算金额", money(&pr.small_micro_reserved)),
    ] {
        let f = w.fact(Subject::Procurement(part), Scope::Unspecified, phrase, amount, None);
        if matches!(part, Procurement::Goods | Procurement::Works | Procurement::Services) {
            if let Some(fact) = w.n.facts.get_mut(f) {
                fact.parent = Some(total);
            }
        }
    }

    // （三） the state assets (the model's own block, placed by the renderers under this topic).
    let has_assets = !budget.data.assets.categories.is_empty() || budget.data.assets.as_of.is_some();
    if has_assets {
        w.section("三", 2, "国有资产占用使用情况".into(), Scope::Unspecified, Topic::StateAssets);
    }
    w.section("四", 2, "预算绩效情况".into(), Scope::Unspecified, Topic::Performance);
    // A project counts as a fiscal project when its year's fiscal money shows (0.01 万元 or more),
    // else as a non-fiscal one when its other money shows: as its performance table prints them.
    let shows = |f: Fen| !wan(f).is_zero();
    let split: Vec<(Fen, Fen)> = budget.data.projects.iter().map(|p| project_split(budget, p.name.get_ref())).collect();
    let fiscal_projects: Vec<Fen> = split.iter().filter(|(f, _)| shows(*f)).map(|(f, _)| *f).collect();
    let other_projects: Vec<Fen> =
        split.iter().filter(|(f, o)| !shows(*f) && shows(*o)).map(|(f, o)| *f + *o).collect();
    for (scope, phrase, count, amount) in [
        (PerformanceScope::Department, "整体预算绩效目标", 1usize, sum(items, |_| true)),
        (
            PerformanceScope::FiscalProjects,
            "当年财政拨款项目",
            fiscal_projects.len(),
            fiscal_projects.iter().copied().sum(),
        ),
        (
            PerformanceScope::NonFiscalProjects,
            "当年非财政拨款项目",
            other_projects.len(),
            other_projects.iter().copied().sum(),
        ),
    ] {
        let f = w.fact(Subject::PerformanceTargets(scope), Scope::Unspecified, phrase, amount, None);
        if let Some(fact) = w.n.facts.get_mut(f) {
            fact.count =
                Some(sp(yusuan_model::quantity::Quantity { value: Decimal::from(count as u64), unit: "个".into() }));
        }
    }
    Written { narrative: w.n, warnings: w.warnings }
}

/// A project's money of the year's fiscal budgets, and the rest (unit funds, carry-over, …).
pub fn project_split(budget: &Budget, name: &str) -> (Fen, Fen) {
    let mine = |i: &&Item| i.project.as_deref() == Some(name);
    let fiscal = budget.items.iter().filter(mine).filter(|i| i.source.is_fiscal()).map(|i| i.amount).sum::<Fen>();
    let all = budget.items.iter().filter(mine).map(|i| i.amount).sum::<Fen>();
    (fiscal, all - fiscal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_sums_to_exactly_one_hundred() {
        let r = shares(&[Fen(65_495_000), Fen(2_421_000), Fen(3_635_000)]);
        let total: Decimal = r.iter().map(|x| x.0).sum();
        assert_eq!(total, Decimal::new(10_000, 2));
        assert_eq!(r.iter().map(|x| x.to_string()).collect::<Vec<_>>(), ["91.54%", "3.38%", "5.08%"]);
        // Three equal thirds: 33.34 + 33.33 + 33.33.
        let r = shares(&[Fen(1), Fen(1), Fen(1)]);
        assert_eq!(r.iter().map(|x| x.0).sum::<Decimal>(), Decimal::new(10_000, 2));
    }

    #[test]
    fn rates() {
        assert_eq!(percent(Fen(548_400), Fen(6_606_800)).unwrap().to_string(), "8.30%");
        assert!(percent(Fen(1), Fen(0)).is_none());
    }
}
