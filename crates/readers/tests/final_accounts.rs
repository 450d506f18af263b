//! Final accounts (部门决算): the narrative's budgets, actuals, completion rates and budget
//! comparisons, figure by figure, as a reader of the excerpts in `fixtures/final/` (copied from
//! Shanghai Putuo 2024 部门决算 as `pdftotext -layout` extracts them) sees them.

use yusuan_model::narrative::*;
use yusuan_model::table::DocumentKind;
use yusuan_model::Disclosure;
use yusuan_readers::text::read_str;

fn read(name: &str) -> Disclosure {
    let path = format!("{}/tests/fixtures/final/{name}", env!("CARGO_MANIFEST_DIR"));
    read_str(&std::fs::read_to_string(path).expect("fixture"))
}

/// Actual, budgets (kind, amount), completion (rate, of), comparison (relation, roughly, of,
/// reason given) of one fact.
type Seen = (Option<String>, Vec<(BudgetKind, String)>, Option<(String, BudgetKind)>, Option<Versus>);
type Versus = (Relation, bool, BudgetKind, bool);

fn seen(f: &Fact) -> Seen {
    (
        f.amount.as_ref().map(|a| a.value.value.to_string()),
        f.budgets.iter().map(|b| (b.kind, b.amount.value.value.to_string())).collect(),
        f.completion.as_ref().map(|c| (c.rate.value.0.to_string(), c.of)),
        f.versus_budget.as_ref().map(|v| (v.relation, v.roughly, v.of, v.reason.is_some())),
    )
}

/// What a reader sees, written with borrowed strings.
fn want(
    actual: Option<&str>,
    budgets: &[(BudgetKind, &str)],
    completion: Option<(&str, BudgetKind)>,
    versus: Option<Versus>,
) -> Seen {
    (
        actual.map(str::to_string),
        budgets.iter().map(|(k, a)| (*k, a.to_string())).collect(),
        completion.map(|(r, k)| (r.to_string(), k)),
        versus,
    )
}

fn item(facts: &[Fact], item: &str) -> Fact {
    let hits: Vec<&Fact> = facts
        .iter()
        .filter(|f| matches!(&f.subject, Subject::Function(fi) if fi.item.as_deref() == Some(item)))
        .collect();
    assert_eq!(hits.len(), 1, "one fact of {item}: {hits:#?}");
    hits[0].clone()
}

use BudgetKind::{FullYear, Unspecified, YearStart};

#[test]
fn specific_items_with_full_year_budgets() {
    let d = read("shgzb-specific.txt");
    assert_eq!(d.document, DocumentKind::FinalAccounts);
    let f = &d.narrative.facts;
    // 年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。
    // 决算数小于预算数的主要原因：…
    let total = f.iter().position(|x| x.subject == Subject::TotalExpenditure).expect("total");
    assert_eq!(f[total].scope, Scope::GeneralBudget);
    assert_eq!(
        seen(&f[total]),
        want(
            Some("307.82"),
            &[(YearStart, "0"), (FullYear, "321.02")],
            Some(("95.89", YearStart)),
            Some((Relation::Less, false, Unspecified, true))
        )
    );
    let v = f[total].versus_budget.as_ref().expect("comparison");
    assert_eq!(v.reason.as_ref().map(|r| r.value.as_str()), Some("人员经费支出数小于预算数"));
    // 1、…行政运行（项）。全年预算为 52.00 万元，支出决算为 51.32 万元，完成全年预算数的 98.69%。
    let one = item(f, "行政运行");
    assert_eq!(one.parent, Some(total));
    assert_eq!(one.reason_kind, Some(ReasonKind::Use));
    assert_eq!(
        seen(&one),
        want(
            Some("51.32"),
            &[(FullYear, "52.00")],
            Some(("98.69", FullYear)),
            Some((Relation::Less, false, FullYear, true))
        )
    );
    assert_eq!(
        one.versus_budget.as_ref().and_then(|v| v.reason.as_ref()).map(|r| r.value.as_str()),
        Some("人员变动引起实际支出低于预算")
    );
    // 2、…事业运行（项）。全年预算为 17.68 万元，支出决算为 11.31 万元（no rate）。
    assert_eq!(
        seen(&item(f, "事业运行")),
        want(Some("11.31"), &[(FullYear, "17.68")], None, Some((Relation::Less, false, FullYear, true)))
    );
    // 3、…其他社会工作事务支出（项）。202.24 against 202.24：决算数与全年预算数持平。
    assert_eq!(
        seen(&item(f, "其他社会工作事务支出")),
        want(Some("202.24"), &[(FullYear, "202.24")], None, Some((Relation::Equal, false, FullYear, false)))
    );
    assert_eq!(f.iter().filter(|x| x.parent == Some(total)).count(), 3);
}

#[test]
fn three_public_completion_and_parts() {
    let d = read("ghzy-three-public.txt");
    assert_eq!(d.document, DocumentKind::FinalAccounts);
    let f = &d.narrative.facts;
    let tp = |t: ThreePublic| f.iter().position(|x| x.subject == Subject::ThreePublic(t)).expect("三公 fact");
    let total = tp(ThreePublic::Total);
    // 年初预算为 2.85 万元，支出决算为 0.39 万元，完成预算的 13.68%；…决算数小于预算数的主要原因
    assert_eq!(
        seen(&f[total]),
        want(
            Some("0.39"),
            &[(YearStart, "2.85")],
            Some(("13.68", Unspecified)),
            Some((Relation::Less, false, Unspecified, true))
        )
    );
    // …决算数比 2023 年度减少 0.15 万元: the year-on-year change is on the same fact.
    let c = f[total].change.as_ref().expect("change");
    assert_eq!(c.direction, Direction::Decrease);
    assert_eq!(c.amount.as_ref().map(|a| a.value.value.to_string()).as_deref(), Some("0.15"));
    // The parts: 决算为 X 万元，完成预算的 Y%, no budget of their own.
    for (t, actual, rate) in [
        (ThreePublic::Overseas, "0.00", "0.00"),
        (ThreePublic::Vehicle, "0.00", "0.00"),
        (ThreePublic::Reception, "0.39", "13.68"),
    ] {
        let p = &f[tp(t)];
        assert_eq!(p.parent, Some(total), "{t:?}");
        assert_eq!(seen(p), want(Some(actual), &[], Some((rate, Unspecified)), None), "{t:?}");
    }
}

#[test]
fn a_budget_is_not_read_as_final_accounts() {
    // In a budget, `预算数为` is the figure itself.
    let d = read_str("十、关于2025年“三公”经费预算情况说明\n2025年“三公”经费预算数为 4.29万元，完成预算的 90%。\n");
    assert_eq!(d.document, DocumentKind::Budget);
    let f = d.narrative.facts.iter().find(|x| x.subject == Subject::ThreePublic(ThreePublic::Total)).expect("三公");
    assert_eq!(f.amount.as_ref().map(|a| a.value.value.to_string()).as_deref(), Some("4.29"));
    assert!(f.budgets.is_empty() && f.completion.is_none());
}
