//! A disclosure built by yusuan can never fail `yusuan check`: budgets small and random, built
//! into the model and checked.

use proptest::prelude::*;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config, Severity};
use yusuan_model::Catalog;

mod common;
use common::{budget_text, department, SOURCES};

const SMALL: &str = r#"
[department]
name = "某某局"
year = 2025
divisions = ["办公室", "财务科"]
[department.staffing]
authorised = 10
in_service = 9
retired = 2

[names]
"2010101" = "行政运行"
"20101" = "人大事务"
"2010102" = "一般行政管理事务"

[[items]]
function = "2010101"
econ = "30101"
source = "general_budget"
kind = "personnel"
amount = "100.00万元"

[[items]]
function = "2010101"
econ = "30201"
source = "general_budget"
kind = "operating"
amount = "20.50万元"

[[items]]
function = "2010102"
econ = "30227"
source = "general_budget"
kind = "project"
project = "档案数字化"
amount = "33.33万元"

[[items]]
function = "2010102"
econ = "30227"
source = "other_income"
kind = "project"
project = "档案数字化"
amount = "6.67万元"

[prior]
general_budget = "140.00万元"
basic = "110.00万元"

[reasons]
general_budget = "新增档案数字化项目"

[[projects]]
name = "档案数字化"
[[projects.indicators]]
level1 = "产出指标"
level2 = "数量指标"
name = "数字化卷数"
value = "≥1000卷"
weight = "90"
"#;

fn serious(text: &str) -> Vec<String> {
    let catalog = Catalog::shared_builtin();
    let budget = from_toml(text, "budget.toml", catalog).unwrap_or_else(|e| panic!("{e:?}"));
    let built = build(&budget, catalog);
    let report = check(&built.disclosure, &Config::default(), catalog);
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message.zh))
        .collect()
}

/// The same, written as a workbook and read back by the workbook reader: the errors, and the
/// tables whose figures did not all settle in their columns.
fn serious_from_workbook(text: &str) -> Vec<String> {
    let catalog = Catalog::shared_builtin();
    let budget = from_toml(text, "budget.toml", catalog).unwrap_or_else(|e| panic!("{e:?}"));
    let built = build(&budget, catalog).disclosure;
    let bytes = yusuan_renderers::render_xlsx(&built).expect("the workbook");
    let back = match yusuan_readers::open::open("d.xlsx", &bytes, catalog) {
        Ok(o) => o.disclosure,
        Err(e) => return vec![e.message("zh")],
    };
    let mut out: Vec<String> = check(&back, &Config::default(), catalog)
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message.zh))
        .collect();
    let kinds = |d: &yusuan_model::Disclosure| d.tables.iter().map(|t| t.kind.clone()).collect::<Vec<_>>();
    if kinds(&built) != kinds(&back) {
        out.push(format!("tables {:?}, built {:?}", kinds(&back), kinds(&built)));
    }
    for (b, r) in built.tables.iter().zip(&back.tables) {
        let figures = |t: &yusuan_model::table::Table| -> Vec<String> {
            let mut v: Vec<String> = t
                .rows
                .iter()
                .flat_map(|row| row.values.iter().map(|c| c.value.value.normalize().to_string()))
                .collect();
            v.sort();
            v
        };
        if figures(b) != figures(r) {
            out.push(format!("{}: figures differ", b.kind));
        }
        // Every row settled, the two-sided tables (1 and 4) included: their `|` cells pin them.
        for row in &r.rows {
            if !matches!(row.assignment, yusuan_model::table::Assignment::Resolved { .. }) {
                out.push(format!("{}: row {} not settled", r.kind, row.name.value));
            }
        }
    }
    out
}

#[test]
fn a_small_budget_builds_clean() {
    let errors = serious(SMALL);
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn bad_data_is_reported_with_line_and_field() {
    let bad =
        SMALL.replace("econ = \"30201\"", "econ = \"3020\"").replace("amount = \"20.50万元\"", "amount = \"二十万\"");
    let errors = from_toml(&bad, "budget.toml", Catalog::shared_builtin()).unwrap_err();
    let fields: Vec<(&str, Option<usize>)> = errors.iter().map(|e| (e.field.as_str(), e.line)).collect();
    assert!(fields.contains(&("econ", Some(25))), "{fields:?}");
    assert!(fields.contains(&("amount", Some(28))), "{fields:?}");
    let no_targets = SMALL.replace("[[projects.indicators]]", "[[projects.x]]");
    assert!(from_toml(&no_targets, "b.toml", Catalog::shared_builtin()).is_err());
    let unknown_reason = SMALL.replace("general_budget = \"新增", "\"function.999\" = \"新增");
    let e = from_toml(&unknown_reason, "b.toml", Catalog::shared_builtin()).unwrap_err();
    assert!(e.iter().any(|e| e.field == "reasons" && e.zh.contains("不存在")), "{e:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    /// Departments of 1–40 functional items, 1–30 economic items, up to 20 projects, every fund
    /// source, with and without last year's figures: built, rendered to text, read back and checked,
    /// they raise no error and read back the figures built.
    #[test]
    fn random_budgets_build_clean(d in department()) {
        let text = budget_text(&d, &SOURCES);
        let errors = serious(&text);
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]
    /// Random departments written as a workbook and read back: no error, every figure read and
    /// settled in its column.
    #[test]
    fn random_budgets_read_back_from_workbooks(d in department()) {
        let text = budget_text(&d, &SOURCES);
        let errors = serious_from_workbook(&text);
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, text);
    }
}

#[test]
fn negative_amounts_and_nameless_codes_are_refused() {
    let negative = SMALL.replace("amount = \"20.50万元\"", "amount = \"-20.50万元\"");
    let e = from_toml(&negative, "b.toml", Catalog::shared_builtin()).unwrap_err();
    assert!(e.iter().any(|e| e.field == "amount" && e.zh.contains("负数")), "{e:?}");
    // 2010199 is under 20101 (named in [names]), but neither the catalog nor the data names it:
    // its row would print without a name.
    let nameless = SMALL.replace("function = \"2010102\"", "function = \"2010199\"");
    let e = from_toml(&nameless, "b.toml", Catalog::shared_builtin()).unwrap_err();
    assert!(e.iter().any(|e| e.field == "function" && e.zh.contains("201 01 99")), "{e:?}");
    let named = nameless.replace("[names]\n", "[names]\n\"2010199\" = \"其他人大事务支出\"\n");
    assert!(from_toml(&named, "b.toml", Catalog::shared_builtin()).is_ok());
}

/// The sections `from_toml` checks a file's top level against are the data's own fields: a key
/// outside them is the one serde refuses.
#[test]
fn the_section_list_is_the_datas() {
    for section in yusuan_builder::data::SECTIONS {
        let probe = format!("{section} = 0\n");
        let err = toml::from_str::<yusuan_builder::data::BudgetData>(&probe).unwrap_err().to_string();
        assert!(!err.contains("unknown field"), "{section}: {err}");
    }
    let err = toml::from_str::<yusuan_builder::data::BudgetData>("zzz = 0\n").unwrap_err().to_string();
    let expected: Vec<&str> = err.split("expected one of").nth(1).unwrap().split('`').skip(1).step_by(2).collect();
    assert_eq!(expected, yusuan_builder::data::SECTIONS);
}

#[test]
fn toml_slips_are_named_where_they_are() {
    let typo = SMALL.replacen("[department]", "[departmnt]", 1);
    let e = from_toml(&typo, "b.toml", Catalog::shared_builtin()).unwrap_err();
    assert_eq!(e[0].line, Some(2), "{e:?}");
    assert!(e[0].zh.contains("未知的节“departmnt”，是否应为 [department]？"), "{}", e[0].zh);
    let dup = SMALL.replacen("year = 2025", "year = 2025\nyear = 2026", 1);
    let e = from_toml(&dup, "b.toml", Catalog::shared_builtin()).unwrap_err();
    assert!(e[0].zh.contains("“year”重复") && !e[0].zh.contains("duplicate"), "{}", e[0].zh);
}
