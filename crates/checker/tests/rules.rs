//! Every rule against its two fixtures: `fixtures/<CODE>/trigger.txt` must raise it (at its
//! default severity) and `fixtures/<CODE>/clean.txt` must not. The trigger's findings are
//! snapshotted, one snapshot per rule.

use std::path::PathBuf;
use yusuan_checker::{check, Config, Report};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn fixture(code: &str, which: &str) -> Option<(PathBuf, String)> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(code).join(which);
    std::fs::read_to_string(&path).ok().map(|t| (path, t))
}

fn run(text: &str) -> Report {
    let doc = read_str(text);
    check(&doc, &Config::default(), Catalog::shared_builtin())
}

/// The findings of one rule, one per line: severity, line, message.
fn render(report: &Report, code: &str) -> String {
    report
        .of_rule(code)
        .map(|f| {
            format!(
                "{:?} {}:{}-{}:{} {}{}{}",
                f.severity,
                f.span.line,
                f.span.col,
                f.span.end_line,
                f.span.end_col,
                f.message.zh,
                match (&f.expected, &f.actual) {
                    (Some(e), Some(a)) => format!(" [expected {e}, actual {a}]"),
                    _ => String::new(),
                },
                match &f.suggestion {
                    Some(s) => format!(" [help {}:{}-{} {}]", s.span.line, s.span.col, s.span.end_col, s.value),
                    None => String::new(),
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_rule_has_both_fixtures() {
    let missing: Vec<String> = yusuan_checker::rules::all()
        .flat_map(|r| ["trigger.txt", "clean.txt"].map(|w| (r.info.code, w)))
        .filter(|(code, w)| fixture(code, w).is_none())
        .map(|(code, w)| format!("{code}/{w}"))
        .collect();
    assert!(missing.is_empty(), "fixtures missing: {missing:?}");
}

#[test]
fn every_rule_triggers_on_its_fixture_and_not_on_the_clean_one() {
    let mut failures = Vec::new();
    for rule in yusuan_checker::rules::all() {
        let code = rule.info.code;
        let sev = rule.info.severity;
        if let Some((path, text)) = fixture(code, "trigger.txt") {
            let report = run(&text);
            if !report.of_rule(code).any(|f| f.severity == sev) {
                failures.push(format!("{code}: {} raised nothing at {sev:?}", path.display()));
            }
            insta::assert_snapshot!(format!("{code}-trigger"), render(&report, code));
        }
        if let Some((path, text)) = fixture(code, "clean.txt") {
            let report = run(&text);
            let hits: Vec<_> = report.of_rule(code).filter(|f| f.severity == sev).collect();
            if !hits.is_empty() {
                failures.push(format!(
                    "{code}: {} raised {:?}",
                    path.display(),
                    hits.iter().map(|f| &f.message.zh).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
