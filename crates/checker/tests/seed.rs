//! The seed checked whole: its genuine slips are errors at their lines, nothing else is an error
//! or a warning, and the coverage of its figures is what the rules reach.

use yusuan_checker::{check, Config, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

#[test]
fn the_seed_has_exactly_its_two_genuine_slips() {
    let report = check(&read_str(SEED), &Config::default(), Catalog::shared_builtin());
    type Serious<'a> = (&'a str, Severity, u32, Option<&'a str>, Option<&'a str>);
    let serious: Vec<Serious> = report
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule, f.severity, f.span.line, f.expected.as_deref(), f.actual.as_deref()))
        .collect();
    assert_eq!(
        serious,
        vec![
            // 召开评审会期间专家食宿经费 200元/人/天*15人/*30天=3万元: the product is 9万元.
            ("A001", Severity::Error, 1116, Some("9"), Some("3")),
            // 车辆 2辆；其中：一般公务用车 2辆 … 其他车辆 1辆: the parts make 3.
            ("A006", Severity::Error, 1256, Some("3"), Some("2")),
        ]
    );
    // Rounding differences are infos, never errors: the seed has several (sums in 表1-表5 off by
    // 0.01, rates recomputed from rounded amounts).
    assert!(report.summary.infos >= 28, "{}", report.summary.infos);
    assert!(report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Info)
        .all(|f| f.expected.is_some() || !f.message.zh.is_empty()));
}

#[test]
fn coverage_of_the_seed() {
    let report = check(&read_str(SEED), &Config::default(), Catalog::shared_builtin());
    assert_eq!(report.coverage.figures, 562);
    assert_eq!(report.coverage.verified, 559);
    // 房屋 6.11万元, 办公家具 28.53万元, 其他资产 451.51万元: no total of assets is stated to check them against.
    let lines: Vec<u32> = report.coverage.unverified.iter().map(|s| s.line).collect();
    assert_eq!(lines, [1254, 1260, 1262]);
}
