//! A disclosure of over 10,000 figures is checked (issue 10: the blame ledger was cubic in the
//! identities sharing a figure, and such a file hung a batch). Not timed: the speed is measured by
//! `cargo bench -p yusuan-checker --bench large`; a regression to cubic shows here as a test that
//! does not finish.

mod generated;

use yusuan_checker::{check, Config, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

#[test]
fn ten_thousand_figures_are_checked_and_the_seed_slips_still_found() {
    let report = check(&read_str(&generated::disclosure(10_000)), &Config::default(), Catalog::shared_builtin());
    assert!(report.coverage.figures >= 10_000, "{}", report.coverage.figures);
    let errors =
        |rule: &'static str| report.findings.iter().filter(move |f| f.rule == rule && f.severity == Severity::Error);
    // The seed's two genuine slips, wherever the inserted sentences moved them.
    let slips: Vec<_> = ["A001", "A006"]
        .iter()
        .flat_map(|r| errors(r).map(|f| (f.rule, f.expected.as_deref(), f.actual.as_deref())))
        .collect();
    assert_eq!(slips, vec![("A001", Some("9"), Some("3")), ("A006", Some("3"), Some("2"))]);
    // The misprinted shares are found.
    assert!(errors("N002").count() > 100, "{}", errors("N002").count());
}
