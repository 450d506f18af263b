//! A table read under columns its rows do not fit is one note and no error; a table with one
//! genuinely wrong row keeps its error (see `yusuan_checker::misread` for the threshold).

use std::path::PathBuf;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn run(which: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/T005").join(which);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    check(&read_str(&text), &Config::default(), Catalog::shared_builtin())
}

#[test]
fn a_table_under_the_wrong_columns_is_one_note_and_no_error() {
    // 合计 | 人员经费 | 公用经费 | 项目支出 printed, 合计 | 基本支出 | 项目支出 declared.
    let report = run("trigger.txt");
    let notes: Vec<_> = report.of_rule("T005").collect();
    assert_eq!(notes.len(), 1, "{:#?}", report.findings);
    assert_eq!(notes[0].severity, Severity::Info);
    assert!(notes[0].message.zh.contains("3 行不符合"), "{}", notes[0].message.zh);
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_table_with_one_wrong_row_keeps_its_error() {
    let report = run("clean.txt");
    assert_eq!(report.of_rule("T005").count(), 0);
    let t002: Vec<_> = report.of_rule("T002").filter(|f| f.severity == Severity::Error).collect();
    assert_eq!(t002.len(), 1, "{:#?}", report.findings);
    assert_eq!(t002[0].actual.as_deref(), Some("20.00"));
}
