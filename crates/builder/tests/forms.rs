//! `build --form`: a disclosure built in each shipped budget form, the example and random
//! departments, checks clean as built and read back from its text and its workbook, in the
//! form it was built in, with every figure it was built with.

use proptest::prelude::*;
use yusuan_builder::build::{build, build_in, NATIONAL};
use yusuan_builder::form_tables::tables_in;
use yusuan_builder::{from_toml, Budget};
use yusuan_checker::{check, Config, Severity};
use yusuan_model::form::Form;
use yusuan_model::registry;
use yusuan_model::table::{DocumentKind, Table};
use yusuan_model::{Catalog, Disclosure};

mod common;
use common::{budget_text, department};

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

/// Money of the year that every shipped budget form has a column for: the Shanghai forms print
/// no carry-over, no 财政专户 and no 上级补助 or 附属单位上缴 column in their income table.
const EVERY_FORM: [&str; 9] = [
    "general_budget",
    "general_transfer",
    "government_fund",
    "government_fund_transfer",
    "state_capital",
    "state_capital_transfer",
    "business_income",
    "operating_income",
    "other_income",
];

fn budget_forms() -> Vec<&'static Form> {
    registry::registry().forms().iter().copied().filter(|f| f.document == DocumentKind::Budget).collect()
}

fn budget(text: &str) -> Budget {
    from_toml(text, "budget.toml", Catalog::shared_builtin()).unwrap_or_else(|e| panic!("{e:?}"))
}

/// The example with its carried-over money counted as other income of the year, which every
/// form can print.
fn example_of_the_year() -> String {
    EXAMPLE.replace("source = \"carry_over_unit\"", "source = \"other_income\"")
}

fn errors(d: &Disclosure) -> Vec<String> {
    check(d, &Config::default(), Catalog::shared_builtin())
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message.zh))
        .collect()
}

/// The figures of a table, sorted, as exact decimals without trailing zeros.
fn figures(t: &Table) -> Vec<String> {
    let mut v: Vec<String> =
        t.rows.iter().flat_map(|r| r.values.iter().map(|c| c.value.value.normalize().to_string())).collect();
    v.sort();
    v
}

/// What is wrong with `back` as a reading of `built` in `form`: errors, another form, other
/// tables, other figures.
fn differences(form: &Form, built: &Disclosure, back: &Disclosure, how: &str) -> Vec<String> {
    let mut out: Vec<String> = errors(back).into_iter().map(|e| format!("{how}: {e}")).collect();
    if back.form.as_deref() != Some(form.id) {
        out.push(format!("{how}: read as {:?}", back.form));
    }
    let kinds = |d: &Disclosure| d.tables.iter().map(|t| t.kind.clone()).collect::<Vec<_>>();
    if kinds(built) != kinds(back) {
        out.push(format!("{how}: tables {:?}, built {:?}", kinds(back), kinds(built)));
    }
    for (b, r) in built.tables.iter().zip(&back.tables) {
        if figures(b) != figures(r) {
            out.push(format!("{how}: {} figures {:?}, built {:?}", b.kind, figures(r), figures(b)));
        }
    }
    out
}

/// Built in `form`, checked as built, as text read back and as a workbook read back.
fn round_trip(form: &Form, text: &str) -> Vec<String> {
    let catalog = Catalog::shared_builtin();
    let built = match build_in(form, &budget(text), catalog) {
        Ok(b) => b.disclosure,
        Err(e) => return vec![e.zh],
    };
    let mut out: Vec<String> = errors(&built).into_iter().map(|e| format!("built: {e}")).collect();
    let text_back = yusuan_readers::text::read_str(&yusuan_renderers::render_text(&built));
    out.extend(differences(form, &built, &text_back, "text"));
    let workbook = yusuan_renderers::render_xlsx(&built).expect("the workbook");
    match yusuan_readers::open::open("d.xlsx", &workbook, catalog) {
        Ok(o) => out.extend(differences(form, &built, &o.disclosure, "workbook")),
        Err(e) => out.push(e.message("zh")),
    }
    out
}

#[test]
fn the_national_form_is_the_national_tables() {
    let b = budget(EXAMPLE);
    let catalog = Catalog::shared_builtin();
    let national = registry::form(NATIONAL).expect("shipped");
    assert_eq!(tables_in(national, &b, catalog).expect("buildable"), build(&b, catalog).disclosure.tables);
}

#[test]
fn the_example_builds_clean_in_every_budget_form() {
    let forms = budget_forms();
    assert!(forms.len() >= 3, "{:?}", forms.iter().map(|f| f.id).collect::<Vec<_>>());
    for form in forms {
        let problems = round_trip(form, &example_of_the_year());
        assert!(problems.is_empty(), "{}: {problems:#?}", form.id);
    }
}

#[test]
fn each_form_prints_its_own_tables_titles_and_units() {
    let b = budget(&example_of_the_year());
    let catalog = Catalog::shared_builtin();
    let unit = registry::form("shanghai-unit-budget").expect("shipped");
    let tables = tables_in(unit, &b, catalog).expect("buildable");
    let listed: Vec<(u32, &str, &str)> =
        tables.iter().map(|t| (t.number.unwrap_or(0), t.kind.as_str(), t.title.value.as_str())).take(3).collect();
    assert_eq!(
        listed,
        [
            (1, "unit_income_expense_summary", "预算单位财务收支预算总表"),
            (2, "income_summary_shanghai", "预算单位收入预算总表"),
            (3, "expenditure_summary", "预算单位支出预算总表")
        ]
    );
    // 元, whole, but the 三公 table in 万元; the unit summary's spending split by class.
    let t1 = &tables[0];
    assert_eq!(t1.unit, yusuan_model::AmountUnit::Yuan);
    let total = t1.rows.iter().find(|r| r.fixed.as_deref() == Some("expenditure_total")).expect("total");
    let values: Vec<String> = total.values.iter().map(|c| c.value.value.to_string()).collect();
    // 1,050.52万元 in all: 448.52 basic (personnel and operating) and 602.00 project.
    assert_eq!(values.first().map(String::as_str), Some("10505160"));
    assert!(values.contains(&"6020000".to_string()), "{values:?}");
    let three = tables.iter().find(|t| t.kind == "three_public_and_running_costs").expect("三公");
    assert_eq!(three.unit, yusuan_model::AmountUnit::Wan);
    let row: Vec<String> = three.rows[0].values.iter().map(|c| c.value.value.to_string()).collect();
    assert_eq!(row, ["4.29", "0.09", "4.20", "4.20", "33.64"]);
}

#[test]
fn a_form_without_a_column_for_some_money_is_refused_naming_it() {
    let b = budget(EXAMPLE);
    let catalog = Catalog::shared_builtin();
    for id in ["shanghai-department-budget", "shanghai-unit-budget"] {
        let form = registry::form(id).expect("shipped");
        let e = tables_in(form, &b, catalog).expect_err("the example carries 105.00万元 over");
        assert!(e.zh.contains("收入预算总表") && e.zh.contains("105.00 万元"), "{}", e.zh);
        assert!(e.en.contains("105.00 wan"), "{}", e.en);
    }
    let finals = registry::registry().forms().iter().find(|f| f.document == DocumentKind::FinalAccounts);
    let e = tables_in(finals.expect("shipped"), &b, catalog).expect_err("build makes budgets");
    assert!(e.zh.contains("决算"), "{}", e.zh);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Random departments in every shipped budget form: clean as built, from their text and
    /// from their workbook.
    #[test]
    fn random_departments_build_clean_in_every_form(d in department()) {
        let text = budget_text(&d, &EVERY_FORM);
        for form in budget_forms() {
            let problems = round_trip(form, &text);
            prop_assert!(problems.is_empty(), "{}: {:#?}\n{}", form.id, problems, text);
        }
    }
}
