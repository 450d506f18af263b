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

/// A random department: its functional items (class, section, item numbers), economic items
/// (indices into the catalog's 款 of 301/302/303), line items over them, and last year's figures.
#[derive(Debug, Clone)]
struct Department {
    functions: Vec<(u16, u8, u8)>,
    econ: Vec<usize>,
    items: Vec<(usize, usize, usize, usize, u64)>,
    priors: Vec<(usize, u64)>,
}

const SOURCES: [&str; 17] = [
    "general_budget",
    "general_transfer",
    "government_fund",
    "government_fund_transfer",
    "state_capital",
    "state_capital_transfer",
    "special_account",
    "business_income",
    "upper_subsidy",
    "affiliate_remittance",
    "operating_income",
    "other_income",
    "carry_over_general",
    "carry_over_fund",
    "carry_over_capital",
    "carry_over_special",
    "carry_over_unit",
];

fn department() -> impl Strategy<Value = Department> {
    (
        proptest::collection::vec((201u16..235, 1u8..30, 1u8..99), 1..=40),
        proptest::collection::vec(0usize..1000, 1..=30),
        proptest::collection::vec((0usize..1000, 0usize..1000, 0usize..17, 0usize..1000, 1u64..2_000_000_000), 1..60),
        proptest::collection::vec((0usize..1000, 0u64..2_000_000_000), 0..12),
    )
        .prop_map(|(functions, econ, items, priors)| Department { functions, econ, items, priors })
}

/// The budget data of a random department, as TOML.
fn budget_text(d: &Department) -> String {
    // Economic 款 of basic spending that the shipped catalog knows, with the kind they are.
    let catalog = Catalog::shared_builtin();
    let econ_codes: Vec<(String, &str)> = catalog
        .entries()
        .filter(|e| e.code.as_str().len() == 5 && ["301", "302", "303"].contains(&&e.code.as_str()[..3]))
        .map(|e| (e.code.to_string(), if e.code.as_str().starts_with("302") { "operating" } else { "personnel" }))
        .collect();
    let mut s = String::from("[department]\nname = \"某某中心\"\nyear = 2025\n[names]\n");
    let code = |(c, sec, it): (u16, u8, u8)| format!("{c}{sec:02}{it:02}");
    let mut named = std::collections::BTreeSet::new();
    for f in &d.functions {
        let item = code(*f);
        for c in [item[..3].to_string(), item[..5].to_string(), item.clone()] {
            if named.insert(c.clone()) {
                s.push_str(&format!("\"{c}\" = \"科目{c}\"\n"));
            }
        }
    }
    let mut projects = std::collections::BTreeSet::new();
    let mut body = String::new();
    for &(f, e, src, proj, fen) in &d.items {
        let function = code(d.functions[f % d.functions.len()]);
        let (econ, kind) = &econ_codes[d.econ[e % d.econ.len()] % econ_codes.len()];
        // About one item in three is project money, of one of up to 20 projects.
        let project = (proj % 3 == 0).then(|| format!("项目{}", proj % 20));
        body.push_str(&format!(
            "[[items]]\nfunction = \"{function}\"\necon = \"{econ}\"\nsource = \"{}\"\nkind = \"{}\"\namount = \"{}.{:02}元\"\n",
            SOURCES[src],
            if project.is_some() { "project" } else { kind },
            fen / 100,
            fen % 100
        ));
        if let Some(p) = project {
            body.push_str(&format!("project = \"{p}\"\n"));
            projects.insert(p);
        }
    }
    s.push_str(&body);
    // Last year's figures, zero or not, for keys the budget has.
    const KEYS: [&str; 8] = [
        "general_budget",
        "unit_funds",
        "basic",
        "project",
        "three_public",
        "agency_running_costs",
        "general_basic",
        "personnel",
    ];
    if !d.priors.is_empty() {
        s.push_str("[prior]\n");
        let mut seen = std::collections::BTreeSet::new();
        for &(k, fen) in &d.priors {
            let key = if k % 2 == 0 {
                KEYS[k / 2 % KEYS.len()].to_string()
            } else {
                // A functional item some line item is under (the data rejects others).
                let item = d.items[k % d.items.len()].0;
                format!("\"function.{}\"", code(d.functions[item % d.functions.len()]))
            };
            if seen.insert(key.clone()) {
                s.push_str(&format!("{key} = \"{}.{:02}元\"\n", fen / 100 * (k as u64 % 3), fen % 100));
            }
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
    #![proptest_config(ProptestConfig::with_cases(128))]
    /// Departments of 1–40 functional items, 1–30 economic items, up to 20 projects, every fund
    /// source, with and without last year's figures: built, rendered to text, read back and checked,
    /// they raise no error and read back the figures built.
    #[test]
    fn random_budgets_build_clean(d in department()) {
        let text = budget_text(&d);
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
        let text = budget_text(&d);
        let errors = serious_from_workbook(&text);
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, text);
    }
}
