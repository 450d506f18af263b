//! Building the example reproduces the seed's narrative: every fact the seed states — amount,
//! share, change and rate — the build states alike, but for the seed's own slips.

use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_model::narrative::{Fact, Subject};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");
const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

/// What a fact says, as printed: subject, scope, amount, share, change amount, rate.
fn said(f: &Fact) -> (String, String, Option<String>, Option<String>, Option<String>, Option<String>) {
    let subject = match &f.subject {
        // The build names items by code; the text by names: compare codes when both have them.
        Subject::Function(i) => format!("function {:?}", i.code.as_ref().map(|c| c.to_string())),
        other => format!("{other:?}"),
    };
    let amount = f.amount.as_ref().map(|a| a.value.yuan().normalize().to_string());
    let share = f.share.as_ref().map(|s| s.rate.value.0.to_string());
    let change = f.change.as_ref().and_then(|c| c.amount.as_ref()).map(|a| a.value.yuan().normalize().to_string());
    let rate = f.change.as_ref().and_then(|c| c.rate.as_ref()).map(|r| r.value.0.to_string());
    (subject, format!("{:?}", f.scope), amount, share, change, rate)
}

#[test]
fn the_example_states_the_seeds_narrative_figures() {
    let seed = read_str(SEED);
    let catalog = Catalog::shared_builtin();
    let budget = from_toml(EXAMPLE, "budget.toml", catalog).expect("example loads");
    let built = build(&budget, catalog).disclosure;
    let built_said: Vec<_> = built.narrative.facts.iter().map(said).collect();
    let mut missing = Vec::new();
    let mut compared = 0;
    for f in &seed.narrative.facts {
        let s = said(f);
        if s.2.is_none() || s.0.contains("function None") || s.0.starts_with("Other") {
            continue;
        }
        compared += 1;
        // The seed's one slip in its narrative: 三公 growth printed 87.53% where its own figures
        // give 87.34% (2.00 / 2.29); the example states the true rate.
        if s.0 == "ThreePublic(Total)" && s.5.as_deref() == Some("87.53") {
            continue;
        }
        if !built_said.iter().any(|b| {
            b.0 == s.0
                && b.2 == s.2
                && (s.3.is_none() || b.3 == s.3)
                && (s.4.is_none() || b.4 == s.4)
                && (s.5.is_none() || b.5 == s.5)
        }) {
            missing.push(format!("{s:?}"));
        }
    }
    assert!(compared > 40, "{compared}");
    assert!(
        missing.is_empty(),
        "{} of {compared} seed facts not stated alike by the build:\n{}",
        missing.len(),
        missing.join("\n")
    );
}
