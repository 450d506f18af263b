//! `check --stats`: how many figures a document states, how many have a known place, how many
//! an identity verified, and why the rest were left unverified.

use std::collections::BTreeMap;
use yusuan_checker::finding::Coverage;
use yusuan_checker::stats::Unverified::{self, *};
use yusuan_checker::{check, Config};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn coverage(path: &str) -> Coverage {
    let text = std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    check(&read_str(&text), &Config::default(), Catalog::shared_builtin()).coverage
}

fn counts(c: &Coverage) -> (usize, usize, usize, usize) {
    (c.figures, c.settled, c.verified, c.unverified.len())
}

fn why(pairs: &[(Unverified, usize)]) -> BTreeMap<Unverified, usize> {
    pairs.iter().copied().collect()
}

#[test]
fn the_seed() {
    let c = coverage("../../fixtures/changji-hrss-2024-budget.txt");
    // 16 cells of table 7's 合计 and economic-class rows stand in columns the text leaves open,
    // but each is a row total or its part whatever the columns, so each is still verified.
    assert_eq!(counts(&c), (562, 546, 559, 3));
    assert_eq!(c.why_unverified, why(&[(NoIdentity, 3)]));
}

#[test]
fn a_published_budget() {
    let c = coverage("../../fixtures/corpus/shpt-wljd-2024-budget.layout.txt");
    // 33 items state last year's executed figure and this year's amount again: each is read onto
    // its item (its prior, checked by N010), not as figures of unknown subjects.
    // The 三公 figures are held against Shanghai's one-row 三公 table.
    assert_eq!(counts(&c), (979, 979, 957, 22));
    // The narrative's subjects it does not recognise (performance and project paragraphs) and
    // figures no identity takes in.
    assert_eq!(c.why_unverified, why(&[(UnknownSubject, 9), (NoIdentity, 13)]));
}

#[test]
fn a_row_no_placement_fits_leaves_its_cells_unsettled() {
    let c = coverage("tests/fixtures/T004/trigger.txt");
    let unsettled = c.why_unverified.get(&UnsettledRow).copied().unwrap_or(0);
    assert!(unsettled > 0, "{c:?}");
    assert_eq!(c.figures - c.settled, unsettled);
    assert_eq!(c.why_unverified.values().sum::<usize>(), c.unverified.len());
}
