use super::*;

#[test]
fn shipped_forms_load() {
    let ids: Vec<&str> = registry().forms().iter().map(|f| f.id).collect();
    assert_eq!(ids[..4], ["national-budget", "shanghai-department-budget", "shanghai-unit-budget", "final-accounts"]);
    let unit = form("shanghai-unit-budget").expect("unit form");
    assert_eq!(unit.scope, BudgetScope::Unit);
    assert_eq!(stands_for("unit_income_expense_summary"), Some("income_expense_summary"));
    let kinds: std::collections::BTreeSet<_> = tables().iter().map(|s| s.kind).collect();
    assert_eq!(kinds.len(), tables().len(), "a kind declared twice");
}

#[test]
fn every_sum_names_declared_columns_and_rows() {
    for s in tables() {
        for p in s.panels {
            for r in p.column_sums {
                for k in std::iter::once(&r.total).chain(r.parts) {
                    assert!(p.column_index(k).is_some(), "{}: column {k}", s.kind);
                }
            }
            for r in p.row_sums {
                for k in std::iter::once(&r.total).chain(r.parts) {
                    assert!(p.fixed_rows.iter().any(|f| f.key == *k), "{}: row {k}", s.kind);
                }
            }
            for f in p.fixed_rows {
                if let Some(parent) = f.parent {
                    assert!(p.fixed_rows.iter().any(|g| g.key == parent), "{}: {parent}", s.kind);
                }
            }
        }
    }
}

#[test]
fn titles_and_aliases_find_their_schema() {
    assert_eq!(schema_by_title("部门收支总体情况表").unwrap().kind, "income_expense_summary");
    assert_eq!(schema_by_title("财政拨款\"三公\"经费支出情况表").unwrap().kind, "three_public");
    assert_eq!(schema_by_title("一般公共预算“三公”经费支出情况表").unwrap().kind, "three_public");
    assert_eq!(schema_by_title("财政拨款收支总体情况表").unwrap().kind, "fiscal_summary");
    assert_eq!(schema_by_title("一般公共预算基本支出情况表").unwrap().kind, "general_budget_basic");
    assert_eq!(schema_by_title("一般公共预算支出情况表").unwrap().kind, "general_budget_expenditure");
    assert!(schema_by_title("编制部门：某某单位").is_none());
}

#[test]
fn required_tables_and_variants_come_from_the_forms() {
    assert_eq!(required_tables(DocumentKind::Budget).len(), 8);
    assert_eq!(required_tables(DocumentKind::FinalAccounts).len(), 9);
    assert_eq!(variant_of("three_public"), Some("three_public_and_running_costs"));
    assert_eq!(stands_for("income_summary_shanghai"), Some("income_summary"));
    assert_eq!(stands_for("carry_over"), Some("carry_over"));
    assert_eq!(stands_for("no_such_kind"), None);
    let shanghai = form("shanghai-department-budget").unwrap();
    assert!(shanghai.required_kinds.contains(&"income_expense_summary"));
    assert!(!shanghai.has("income_summary"));
}

const USER_FORM: &str = r#"
id = "test-form"
name = { zh = "测试格式", en = "test form" }
document = "budget"
scope = "unit"
detection = ["测试预算"]

[[tables]]
kind = "expenditure_summary"

[[tables]]
kind = "test_table"
required = true
title = "测试支出表"
unit = "wan"

[[tables.panels]]
key = "main"
rows = "function_code"
columns = [
  { key = "total", header = ["合计"] },
  { key = "basic", header = ["基本支出"] },
]
column_sums = [{ total = "total", parts = ["basic"] }]
fixed_rows = [{ key = "total", labels = ["合计"] }]

[identities]
cells = [
  { left = "test_table.main.total.total", right = ["expenditure_summary.main.total.total"] },
]
"#;

#[test]
fn a_form_parses_against_known_tables() {
    let f = Form::parse_in(USER_FORM, &|k| schema(k)).unwrap();
    assert_eq!(f.id, "test-form");
    assert_eq!(f.scope, BudgetScope::Unit);
    assert_eq!(f.required_kinds, ["test_table"]);
    assert_eq!(f.tables[0].declared, None);
    assert_eq!(f.tables[1].declared.unwrap().panels[0].columns[1].header, ["基本支出"]);
    assert_eq!(f.identities[0].right[0].table, "expenditure_summary");
}

#[test]
fn form_errors_name_their_line() {
    let known = |k: &str| schema(k);
    let typo = USER_FORM.replace("parts = [\"basic\"]", "parts = [\"basics\"]");
    let e = Form::parse_in(&typo, &known).unwrap_err();
    assert_eq!(e.line, Some(12), "{e}");
    assert!(e.zh.contains("basics") && e.en.contains("undeclared column basics"), "{e:?}");
    let bad_cell = USER_FORM.replace("expenditure_summary.main.total.total", "expenditure_summary.main.total.nope");
    let e = Form::parse_in(&bad_cell, &known).unwrap_err();
    assert_eq!(e.line, Some(29), "{e}");
    let syntax = USER_FORM.replace("scope = \"unit\"", "scope = unit");
    let e = Form::parse_in(&syntax, &known).unwrap_err();
    assert_eq!(e.line, Some(5), "{e}");
    assert!(e.message(true).starts_with("第 5 行："), "{}", e.message(true));
    let unknown = USER_FORM.replace("kind = \"expenditure_summary\"", "kind = \"no_such_table\"");
    assert_eq!(Form::parse_in(&unknown, &known).unwrap_err().line, Some(9));
}

#[test]
fn detection_prefers_the_form_whose_own_tables_the_document_has() {
    let shanghai = ["income_summary_shanghai", "expenditure_summary", "three_public_and_running_costs"];
    let fit = detect(DocumentKind::Budget, "", &shanghai).unwrap();
    assert_eq!(fit.form.id, "shanghai-department-budget");
    assert!(!fit.fits, "lacks 5 of 8: {:?}", fit.missing);
    assert_eq!(fit.missing.len(), 5);
    let national = required_tables(DocumentKind::Budget);
    let fit = detect(DocumentKind::Budget, "", national).unwrap();
    assert_eq!((fit.form.id, fit.fits), ("national-budget", true));
    let fit = detect(DocumentKind::Budget, "", &national[1..]).unwrap();
    assert_eq!(fit.missing, ["income_expense_summary"]);
    assert!(fit.fits);
    let fit = detect(DocumentKind::Budget, "", &["final_income"]).unwrap();
    assert_eq!(fit.foreign, ["final_income"]);
}
