//! One table figure of a real disclosure changed: the new error's suggestion should be the
//! original value, at the changed figure. Over many single-figure changes (every few cells of
//! each corpus text, chosen by position, so the run is the same every time) the share where it
//! is is printed and held above a floor.

use rust_decimal::Decimal;
use std::collections::HashSet;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::span::Span;
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

/// The published disclosures of `fixtures/corpus/` (the blank template has no figures to change,
/// the planted copy is the czj one with slips of its own).
const CORPUS: &[&str] =
    &["shpt-czj-2024-final", "shpt-ghzy-2024-final", "shpt-shgzb-2024-final", "shpt-wljd-2024-budget"];

/// Every this-many-th table cell of a document is changed.
const STRIDE: usize = 3;

fn corpus(name: &str) -> String {
    let path = format!("{}/../../fixtures/corpus/{name}.layout.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("corpus file")
}

fn run(text: &str) -> Report {
    check(&read_str(text), &Config::default(), Catalog::shared_builtin())
}

/// Where each line starts, in bytes, as the reader numbers lines: a line feed, a form feed
/// (pdftotext's page break) or a lone carriage return ends one.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            '\n' | '\u{c}' => true,
            '\r' => chars.peek().is_none_or(|(_, n)| *n != '\n'),
            _ => false,
        };
        if ends {
            starts.push(i + c.len_utf8());
        }
    }
    starts
}

/// The byte range a single-line span covers.
fn byte_range(text: &str, span: Span) -> Option<std::ops::Range<usize>> {
    let start = *line_starts(text).get(span.line.checked_sub(1)? as usize)?;
    let line = text.get(start..)?;
    let at = |col: u32| line.char_indices().nth(col.checked_sub(1)? as usize).map(|(i, _)| start + i);
    Some(at(span.col)?..at(span.end_col)?)
}

/// The text of a single-line span.
fn figure_at(text: &str, span: Span) -> Option<String> {
    text.get(byte_range(text, span)?).map(str::to_string)
}

/// The text with the last digit before the figure's decimal point turned up by one (9 to 8),
/// so the figure keeps its width and every other span stays where it was.
fn with_digit_changed(text: &str, span: Span) -> Option<String> {
    let range = byte_range(text, span)?;
    let figure = text.get(range.clone())?;
    let units = figure.find('.').unwrap_or(figure.len());
    let (at, digit) = figure[..units].char_indices().rev().find(|(_, c)| c.is_ascii_digit())?;
    let d = digit.to_digit(10)?;
    let mut out = text.to_string();
    let i = range.start + at;
    out.replace_range(i..i + 1, &char::from_digit(if d == 9 { 8 } else { d + 1 }, 10)?.to_string());
    Some(out)
}

fn errors(r: &Report) -> HashSet<(&'static str, Span, String)> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule, f.span, f.message.zh.clone()))
        .collect()
}

fn plain(value: &str) -> String {
    value.trim().replace(',', "")
}

/// Two printed figures of the same precision one unit of the last place apart.
fn one_unit_apart(a: &str, b: &str) -> bool {
    let (Ok(a), Ok(b)) = (plain(a).parse::<Decimal>(), plain(b).parse::<Decimal>()) else { return false };
    a.scale() == b.scale() && (a - b).abs() == Decimal::new(1, a.scale())
}

#[derive(Default)]
struct Tally {
    mutations: usize,
    caught: usize,
    row_only: usize,
    restored: usize,
    /// The changed figure, one unit of its last place from the original: the original was
    /// itself off by rounding, and the suggestion is what the others make it.
    rounding: usize,
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
        // A row whose figures fit no placement (T004) names the row, not a figure: no suggestion.
        if new.iter().all(|f| f.rule == "T004") {
            t.row_only += 1;
            continue;
        }
        let suggestions: Vec<_> = new.iter().filter_map(|f| f.suggestion.as_ref()).collect();
        if suggestions.iter().any(|s| s.span == span && plain(&s.value) == plain(&original)) {
            t.restored += 1;
        } else if suggestions.is_empty() {
            t.none += 1;
        } else if suggestions.iter().any(|s| s.span == span && one_unit_apart(&s.value, &original)) {
            t.rounding += 1;
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
    let named = t.caught - t.row_only;
    let permille = |n: usize, of: usize| n * 1000 / of.max(1);
    let shown = |n: usize, of: usize| format!("{}.{}%", permille(n, of) / 10, permille(n, of) % 10);
    println!(
        "{} table figures changed, {} raised a new error, {} of them only T004 (a row no placement fits, \
         no figure named). Of the {named} others, the suggestion restored the original in {} ({}; {} of all \
         caught), one unit of rounding from it in {}, named another figure or value in {}, and none was given \
         in {} (the identities did not single out one figure)",
        t.mutations,
        t.caught,
        t.row_only,
        t.restored,
        shown(t.restored, named),
        shown(t.restored, t.caught),
        t.rounding,
        t.elsewhere,
        t.none
    );
    assert!(t.caught > 200, "{} mutations caught", t.caught);
    // A wrong suggestion is worse than none: it must stay rare.
    assert!(t.elsewhere * 20 <= named, "{} suggestions named the wrong figure or value", t.elsewhere);
    assert!(t.restored * 100 >= named * FLOOR_PERCENT, "{} of {named} restored", t.restored);
}

/// The share of caught mutations that name a figure whose suggestion must restore the original.
const FLOOR_PERCENT: usize = 40;
