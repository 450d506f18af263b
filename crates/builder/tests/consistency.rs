//! A disclosure built by yusuan can never fail `yusuan check`: budgets small and random, built
//! into the model and checked.

use proptest::prelude::*;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config, Severity};
use yusuan_model::Catalog;

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

/// Random budgets: up to 40 function items, 30 economic items, 20 projects, every source.
fn budget_text(items: Vec<(usize, usize, usize, usize, u32)>) -> String {
    const FUNCTIONS: [&str; 6] = ["2010101", "2010102", "2080101", "2080505", "2101101", "2210201"];
    const ECON: [(&str, &str); 5] = [
        ("30101", "personnel"),
        ("30108", "personnel"),
        ("30201", "operating"),
        ("30217", "operating"),
        ("30231", "operating"),
    ];
    const SOURCES: [&str; 7] = [
        "general_budget",
        "government_fund",
        "state_capital",
        "special_account",
        "other_income",
        "carry_over_general",
        "carry_over_unit",
    ];
    let mut s = String::from(
        "[department]\nname = \"某某中心\"\nyear = 2025\n[names]\n\"2010101\" = \"行政运行\"\n\"2010102\" = \"一般行政管理事务\"\n\"20101\" = \"人大事务\"\n\"20801\" = \"人力资源和社会保障管理事务\"\n\"2080101\" = \"行政运行\"\n\"21011\" = \"行政事业单位医疗\"\n\"2101101\" = \"行政单位医疗\"\n\"22102\" = \"住房改革支出\"\n\"2210201\" = \"住房公积金\"\n\"221\" = \"住房保障支出\"\n",
    );
    let mut projects = std::collections::BTreeSet::new();
    for (f, e, src, proj, fen) in items {
        let (econ, kind) = ECON[e % ECON.len()];
        let is_project = proj % 3 == 0;
        s.push_str(&format!(
            "[[items]]\nfunction = \"{}\"\necon = \"{}\"\nsource = \"{}\"\nkind = \"{}\"\namount = \"{}.{:02}元\"\n",
            FUNCTIONS[f % FUNCTIONS.len()],
            if is_project { "30227" } else { econ },
            SOURCES[src % SOURCES.len()],
            if is_project { "project" } else { kind },
            fen / 100,
            fen % 100
        ));
        if is_project {
            let name = format!("项目{}", proj % 20);
            s.push_str(&format!("project = \"{name}\"\n"));
            projects.insert(name);
        }
    }
    for p in projects {
        s.push_str(&format!(
            "[[projects]]\nname = \"{p}\"\n[[projects.indicators]]\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"次数\"\nvalue = \"≥1次\"\nweight = \"90\"\n"
        ));
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn random_budgets_build_clean(items in proptest::collection::vec((0usize..6, 0usize..5, 0usize..7, 0usize..60, 1u32..500_000_000), 1..40)) {
        let text = budget_text(items);
        let errors = serious(&text);
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, text);
    }
}
