//! yusuan checker: every figure of a disclosure that does not add up, found the way a compiler
//! finds errors. Rules live one per file under [`rules`], each with a stable code; they evaluate
//! identities over the intervals printed rounding allows, so rounding is reported as info and only
//! what rounding cannot explain is an error.

pub mod blame;
pub mod compare;
pub mod context;
pub mod figures;
pub mod finding;
pub mod misread;
pub mod names;
pub mod prose;
pub mod rule;
pub mod rules;
pub mod stats;
pub mod wording;

pub use context::{Config, Context};
pub use finding::{Finding, Message, Report, Severity};

use std::collections::HashSet;
use yusuan_model::catalog::Catalog;
use yusuan_model::Disclosure;

/// Checks a disclosure with every rule.
pub fn check(doc: &Disclosure, config: &Config, catalog: &Catalog) -> Report {
    let cx = Context::new(doc, config, catalog);
    let mut findings = Vec::new();
    let mut verified = HashSet::new();
    let mut ledger = blame::Ledger::default();
    for rule in rules::all() {
        let mut sink =
            rule::Sink { rule: rule.info, findings: &mut findings, verified: &mut verified, ledger: &mut ledger };
        (rule.check)(&cx, &mut sink);
    }
    for &(finding, identity) in &ledger.blamed {
        if let Some(f) = findings.get_mut(finding).filter(|f| f.severity == Severity::Error) {
            f.suggestion = ledger.suggestion(identity);
        }
    }
    findings.sort_by(|a, b| (a.span, a.rule).cmp(&(b.span, b.rule)));
    let figures = figures::figures(doc);
    let unverified: Vec<_> = figures.iter().filter(|s| !verified.contains(s)).copied().collect();
    let (settled, why_unverified) = stats::explain(&cx, figures.len(), &unverified);
    let mut report = Report {
        coverage: finding::Coverage {
            figures: figures.len(),
            settled,
            verified: figures.len() - unverified.len(),
            unverified,
            why_unverified,
        },
        ..Report::default()
    };
    for f in &findings {
        match f.severity {
            Severity::Error => report.summary.errors += 1,
            Severity::Warning => report.summary.warnings += 1,
            Severity::Info => report.summary.infos += 1,
        }
    }
    report.findings = findings;
    report
}
