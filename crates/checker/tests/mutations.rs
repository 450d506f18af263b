//! Changing any one figure of the seed must produce a new error: the rules cover the document's
//! figures, not just the ones the seed happens to get wrong.

use std::collections::BTreeSet;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::span::Span;
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn run(text: &str) -> Report {
    check(&read_str(text), &Config::default(), Catalog::shared_builtin())
}

/// The text with the figure at `span` changed by one unit in the digit before its decimal point
/// (`56.00` → `57.00`, `9` → `8`).
fn mutate(text: &str, span: Span) -> Option<String> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let line = lines.get_mut(span.line as usize - 1)?;
    let chars: Vec<char> = line.chars().collect();
    let figure: Vec<char> = chars.get(span.col as usize - 1..span.end_col as usize - 1)?.to_vec();
    let point = figure.iter().position(|c| *c == '.').unwrap_or(figure.len());
    let at = (0..point).rev().find(|&i| figure[i].is_ascii_digit())?;
    let mut changed = figure.clone();
    let d = changed[at].to_digit(10)?;
    changed[at] = char::from_digit(if d == 9 { 8 } else { d + 1 }, 10)?;
    let mut out: Vec<char> = chars[..span.col as usize - 1].to_vec();
    out.extend(changed);
    out.extend(&chars[span.end_col as usize - 1..]);
    *line = out.into_iter().collect();
    Some(lines.join("\n"))
}

fn errors(r: &Report) -> usize {
    r.findings.iter().filter(|f| f.severity == Severity::Error).count()
}

/// Every table cell.
fn table_figures() -> BTreeSet<Span> {
    yusuan_checker::figures::table_figures(&read_str(SEED))
}

/// The narrative's amounts, shares, changes and rates (single-line spans: a figure wrapped over
/// a line break is not mutated by this simple edit).
fn narrative_figures() -> BTreeSet<Span> {
    yusuan_checker::figures::narrative_figures(&read_str(SEED)).into_iter().filter(|s| s.line == s.end_line).collect()
}

/// Whether a report says the figure at `span` differs only by what rounding allows (an info
/// finding that concerns it): a change that small cannot be proved wrong.
fn within_rounding(r: &Report, span: Span) -> bool {
    r.findings
        .iter()
        .any(|f| f.severity == Severity::Info && (f.span == span || f.related.iter().any(|x| x.span == span)))
}

/// Asserts every mutation raises a new error, except those the checker shows to be within
/// rounding, and that those stay rare.
fn assert_all_caught(all: BTreeSet<Span>) {
    let base = errors(&run(SEED));
    let mut missed = Vec::new();
    let mut rounding = Vec::new();
    for span in &all {
        let Some(text) = mutate(SEED, *span) else { continue };
        let report = run(&text);
        if errors(&report) > base {
            continue;
        }
        let line = SEED.split('\n').nth(span.line as usize - 1).unwrap_or("");
        if within_rounding(&report, *span) {
            rounding.push(format!("{span}: {}", line.trim()));
        } else {
            missed.push(format!("{span}: {}", line.trim()));
        }
    }
    println!(
        "{} mutations: {} errors, {} within rounding:\n{}",
        all.len(),
        all.len() - missed.len() - rounding.len(),
        rounding.len(),
        rounding.join("\n")
    );
    assert!(
        missed.is_empty(),
        "{} of {} changed figures raised no new error:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
    assert!(rounding.len() * 20 <= all.len(), "too many mutations hide in rounding: {}", rounding.join("\n"));
}

#[test]
fn every_changed_table_figure_raises_a_new_error() {
    let all = table_figures();
    assert!(all.len() > 250, "{}", all.len());
    assert_all_caught(all);
}

#[test]
fn every_changed_narrative_figure_raises_a_new_error() {
    let all = narrative_figures();
    assert!(all.len() > 100, "{}", all.len());
    assert_all_caught(all);
}
