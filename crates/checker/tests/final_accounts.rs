//! Final accounts: the narrative rules on an excerpt of a real 部门决算 (`fixtures/final/`,
//! Shanghai Putuo 财政局 2024, 五（三） items 1, 2, 7, 9 and 七（一）) and on the same excerpt with
//! errors planted by a third party. Verified by hand against the original: the planted copy
//! turns item 1's and item 7's 小于 into 大于 and item 9's into 等于; every other figure is as
//! printed (the layout differs).

use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::table::DocumentKind;
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn run(name: &str) -> (DocumentKind, Report) {
    let path = format!("{}/tests/fixtures/final/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = read_str(&std::fs::read_to_string(path).expect("fixture"));
    (doc.document, check(&doc, &Config::default(), Catalog::shared_builtin()))
}

/// Rule, severity, line and what the text says, of every finding but info.
fn findings(r: &Report) -> Vec<(&str, Severity, u32, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule, f.severity, f.span.line, f.actual.clone().unwrap_or_default()))
        .collect()
}

/// The excerpt lists 4 of the 11 items: their budgets (1,713.15) and actuals (1,663.26) fall
/// short of the total's 2,993.92 and 2,940.05 — a partial list, a warning and no more.
fn partial_list(budget_line: u32, actual_line: u32) -> Vec<(&'static str, Severity, u32, String)> {
    vec![
        ("N009", Severity::Warning, budget_line, "2993.92万元".to_string()),
        ("N009", Severity::Warning, actual_line, "2940.05万元".to_string()),
    ]
}

#[test]
fn the_original_excerpt_adds_up() {
    let (kind, r) = run("czj-original.txt");
    assert_eq!(kind, DocumentKind::FinalAccounts);
    assert_eq!(findings(&r), partial_list(4, 4));
    // 2,940.05 / 2,993.92 = 98.20%, and the 三公 0.00 of 0.95 = 0%: checked, nothing to say.
    assert_eq!(r.of_rule("N007").count(), 0);
    assert_eq!(r.of_rule("N008").count(), 0);
}

#[test]
fn the_planted_comparisons_are_found() {
    let (_, r) = run("czj-planted.txt");
    let mut want = partial_list(3, 4);
    want.extend([
        // 1、行政运行: 1,511.89 against 1,560.05 — below, not 大于.
        ("N008", Severity::Error, 9, "决算数大于预算数".to_string()),
        // 7、职业年金缴费: 80.38 against 80.81 — below, not 大于.
        ("N008", Severity::Error, 19, "决算数大于预算数".to_string()),
        // 9、行政单位医疗: 60.99 against 62.29 — below, not 等于.
        ("N008", Severity::Error, 23, "决算数等于预算数".to_string()),
    ]);
    let mut got = findings(&r);
    got.sort_by_key(|f| (f.2, f.0));
    want.sort_by_key(|f| (f.2, f.0));
    assert_eq!(got, want);
    let first = r.of_rule("N008").next().map(|f| f.message.zh.clone()).unwrap_or_default();
    assert!(first.contains("1511.89万元小于年初预算 1560.05万元"), "{first}");
}
