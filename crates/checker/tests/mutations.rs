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
    let d = read_str(SEED);
    d.tables.iter().flat_map(|t| &t.rows).flat_map(|r| r.values.iter().map(|v| v.span)).collect()
}

/// The narrative's amounts, shares, changes and rates (single-line spans: a figure wrapped over
/// a line break is not mutated by this simple edit).
#[allow(dead_code)]
fn narrative_figures() -> BTreeSet<Span> {
    let d = read_str(SEED);
    let mut out = BTreeSet::new();
    for f in &d.narrative.facts {
        out.extend(f.amount.as_ref().map(|a| a.span));
        out.extend(f.share.as_ref().map(|s| s.rate.span));
        if let Some(c) = &f.change {
            out.extend(c.amount.as_ref().map(|a| a.span));
            out.extend(c.rate.as_ref().map(|r| r.span));
        }
    }
    out.into_iter().filter(|s| s.line == s.end_line).collect()
}

fn assert_all_caught(all: BTreeSet<Span>) {
    let base = errors(&run(SEED));
    let mut missed = Vec::new();
    for span in &all {
        let Some(text) = mutate(SEED, *span) else { continue };
        if errors(&run(&text)) <= base {
            let line = SEED.split('\n').nth(span.line as usize - 1).unwrap_or("");
            missed.push(format!("{span}: {}", line.trim()));
        }
    }
    let caught = all.len() - missed.len();
    println!("caught {caught} of {} mutations", all.len());
    assert!(
        missed.is_empty(),
        "{} of {} changed figures raised no new error:\n{}",
        missed.len(),
        all.len(),
        missed.join("\n")
    );
}

#[test]
fn every_changed_table_figure_raises_a_new_error() {
    let all = table_figures();
    assert!(all.len() > 250, "{}", all.len());
    assert_all_caught(all);
}
