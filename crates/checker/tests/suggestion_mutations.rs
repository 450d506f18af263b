//! One table figure of a real disclosure changed: the new error's suggestion should be the
//! original value, at the changed figure. Over many single-figure changes (every few cells of
//! each corpus text, chosen by position, so the run is the same every time) the share where it
//! is is printed and held above a floor.

use std::collections::HashSet;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::span::Span;
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

/// The published disclosures of `fixtures/corpus/` (the blank template has no figures to change,
/// the planted copy is the czj one with slips of its own).
const CORPUS: &[&str] = &["shpt-czj-2024-final", "shpt-ghzy-2024-final", "shpt-shgzb-2024-final", "shpt-wljd-2024-budget"];

/// Every this-many-th table cell of a document is changed.
const STRIDE: usize = 3;

fn corpus(name: &str) -> String {
    let path = format!("{}/../../fixtures/corpus/{name}.layout.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("corpus file")
}

fn run(text: &str) -> Report {
    check(&read_str(text), &Config::default(), Catalog::shared_builtin())
}

/// The characters a single-line span covers.
fn figure_at(text: &str, span: Span) -> Option<String> {
    let line = text.split('\n').nth(span.line.checked_sub(1)? as usize)?;
    let start = span.col.checked_sub(1)? as usize;
    Some(line.chars().skip(start).take(span.end_col.checked_sub(span.col)? as usize).collect())
}

/// The text with the last digit before the figure's decimal point turned up by one (9 to 8),
/// so the figure keeps its width and every other span stays where it was.
fn with_digit_changed(text: &str, span: Span) -> Option<String> {
    let figure = figure_at(text, span)?;
    let units = figure.find('.').unwrap_or(figure.len());
    let (at, digit) = figure[..units].char_indices().rev().find(|(_, c)| c.is_ascii_digit())?;
    let d = digit.to_digit(10)?;
    let mut changed = figure.clone();
    changed.replace_range(at..at + 1, &char::from_digit(if d == 9 { 8 } else { d + 1 }, 10)?.to_string());
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let line = lines.get_mut(span.line as usize - 1)?;
    let start = span.col as usize - 1;
    let prefix: String = line.chars().take(start).collect();
    let suffix: String = line.chars().skip(start + figure.chars().count()).collect();
    *line = format!("{prefix}{changed}{suffix}");
    Some(lines.join("\n"))
}

fn errors(r: &Report) -> HashSet<(&'static str, Span, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.span, f.message.zh.clone()))
        .collect()
}

fn plain(value: &str) -> String {
    value.replace(',', "")
}

#[derive(Default)]
struct Tally {
    mutations: usize,
    caught: usize,
    restored: usize,
    elsewhere: usize,
    none: usize,
}

fn tally(name: &str, t: &mut Tally) {
    let text = corpus(name);
    let doc = read_str(&text);
    let before = errors(&run(&text));
    let cells: Vec<Span> = yusuan_checker::figures::table_figures(&doc)
        .into_iter()
        .filter(|s| s.line == s.end_line)
        .enumerate()
        .filter(|(i, _)| i % STRIDE == 0)
        .map(|(_, s)| s)
        .collect();
    for span in cells {
        let (Some(original), Some(mutated)) = (figure_at(&text, span), with_digit_changed(&text, span)) else {
            continue;
        };
        t.mutations += 1;
        let report = run(&mutated);
        let new: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !before.contains(&(f.rule, f.span, f.message.zh.clone())))
            .collect();
        if new.is_empty() {
            continue;
        }
        t.caught += 1;
        let suggestions: Vec<_> = new.iter().filter_map(|f| f.suggestion.as_ref()).collect();
        if suggestions.iter().any(|s| s.span == span && plain(&s.value) == plain(&original)) {
            t.restored += 1;
        } else if suggestions.is_empty() {
            t.none += 1;
        } else {
            t.elsewhere += 1;
        }
    }
}

#[test]
fn a_changed_table_figure_is_suggested_back() {
    let mut t = Tally::default();
    for name in CORPUS {
        tally(name, &mut t);
    }
    println!(
        "{} table figures changed, {} raised a new error; the suggestion restored the original in {} ({}.{}%), \
         named another figure or value in {}, and none was given in {}",
        t.mutations,
        t.caught,
        t.restored,
        t.restored * 1000 / t.caught.max(1) / 10,
        t.restored * 1000 / t.caught.max(1) % 10,
        t.elsewhere,
        t.none
    );
    assert!(t.caught > 200, "{} mutations caught", t.caught);
    // A wrong suggestion is worse than none: it must stay rare.
    assert!(t.elsewhere * 20 <= t.caught, "{} suggestions named the wrong figure or value", t.elsewhere);
    assert!(t.restored * 100 >= t.caught * FLOOR_PERCENT, "{} of {} restored", t.restored, t.caught);
}

/// The share of caught mutations whose suggestion must restore the original.
const FLOOR_PERCENT: usize = 50;
