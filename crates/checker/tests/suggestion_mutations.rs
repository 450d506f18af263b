//! One figure of a real disclosure changed: a new error should point at it, and its suggestion
//! should be the original value. Table cells (every few cells of each corpus text, chosen by
//! position, so the run is the same every time) and the narrative's figures (every amount,
//! share, change and rate of 情况说明 the reader read as a fact) are changed one at a time; for
//! each document and each kind the counts are printed, and the shares held above floors.

use rust_decimal::Decimal;
use std::collections::HashSet;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::span::Span;
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

/// The published disclosures of `fixtures/corpus/` (the blank template has no figures to change,
/// the planted copy is the czj one with slips of its own).
const CORPUS: &[&str] = &[
    "shpt-czj-2024-final",
    "shpt-ghzy-2024-final",
    "shpt-shgzb-2024-final",
    "shpt-wljd-2024-budget",
    "shpt-flyy-2024-unit-budget",
];

/// Every this-many-th table cell of a document is changed; every narrative figure is (there are
/// far fewer).
const TABLE_STRIDE: usize = 3;

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

/// The text with one digit of the figure turned up by one (9 to 8), so the figure keeps its
/// width and every other span stays where it was: the digit two places before the last one (the
/// units of `56.00`, the hundreds of `16,603,248`), so that a change is a hundred units of the
/// figure's last place whatever its precision and never within its rounding, or the first digit
/// of a shorter figure (`25万元`, `8.3%`).
fn with_digit_changed(text: &str, span: Span) -> Option<String> {
    let range = byte_range(text, span)?;
    let figure = text.get(range.clone())?;
    let digits: Vec<(usize, char)> =
        figure[..number(figure).len()].char_indices().filter(|(_, c)| c.is_ascii_digit()).collect();
    let (at, digit) = *digits.get(digits.len().saturating_sub(3))?;
    let d = digit.to_digit(10)?;
    let mut out = text.to_string();
    let i = range.start + at;
    out.replace_range(i..i + 1, &char::from_digit(if d == 9 { 8 } else { d + 1 }, 10)?.to_string());
    Some(out)
}

/// The number a figure's text starts with (`1,050.52万元` → `1,050.52`).
fn number(figure: &str) -> &str {
    let t = figure.trim_start();
    let end = t.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))).unwrap_or(t.len());
    &t[..end]
}

/// The errors of a report, by rule and place: an error the original already had at the same
/// place (a real slip of the document, its message now quoting the changed figure) is not new.
fn errors(r: &Report) -> HashSet<(&'static str, Span)> {
    r.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| (f.rule, f.span)).collect()
}

/// A figure as a plain number: separators and unit left off.
fn plain(value: &str) -> String {
    number(value).replace(',', "")
}

/// Two printed figures of the same precision less than ten units of the last place apart: the
/// others' rounding leaves that much room (the items of a section summing to its total, each
/// ±0.005), so a suggestion that close is what the other figures make it, the original being
/// itself off from them by rounding. A changed figure is a hundred units off.
fn within_rounding(a: &str, b: &str) -> bool {
    let (Ok(a), Ok(b)) = (plain(a).parse::<Decimal>(), plain(b).parse::<Decimal>()) else { return false };
    a.scale() == b.scale() && (a - b).abs() < Decimal::new(10, a.scale())
}

/// Whether `outer` covers `inner`.
fn covers(outer: Span, inner: Span) -> bool {
    (outer.line, outer.col) <= (inner.line, inner.col)
        && (outer.end_line, outer.end_col) >= (inner.end_line, inner.end_col)
}

/// Which figures are changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Table,
    Narrative,
}

/// What the changes of one kind of figure came to.
#[derive(Clone, Copy, Default)]
struct Tally {
    mutations: usize,
    /// Some new error appeared, anywhere.
    caught: usize,
    /// The only new errors were T004 (a row no placement fits names the row, not a figure).
    row_only: usize,
    /// A new error's span covers the changed figure.
    detected: usize,
    /// A suggestion at the changed figure is the original.
    restored: usize,
    /// A suggestion at the changed figure is within rounding of the original (see
    /// [`within_rounding`]): the original was itself off by rounding, and the suggestion is what
    /// the others make it.
    rounding: usize,
    /// A suggestion at the changed figure is neither.
    wrong: usize,
    /// Suggestions were given, none at the changed figure: another figure was blamed.
    elsewhere: usize,
    /// Caught (not only T004) with no suggestion at all.
    none: usize,
}

impl std::ops::AddAssign for Tally {
    fn add_assign(&mut self, o: Tally) {
        self.mutations += o.mutations;
        self.caught += o.caught;
        self.row_only += o.row_only;
        self.detected += o.detected;
        self.restored += o.restored;
        self.rounding += o.rounding;
        self.wrong += o.wrong;
        self.elsewhere += o.elsewhere;
        self.none += o.none;
    }
}

/// The single-line figures of one kind a run changes, in position order.
fn targets(doc: &yusuan_model::Disclosure, kind: Kind) -> Vec<Span> {
    let all = match kind {
        Kind::Table => yusuan_checker::figures::table_figures(doc),
        // Last year's amounts stated outright (`2023年当年预算执行数为 54.60万元`) are figures of
        // the narrative too, though the coverage count takes them with their item.
        Kind::Narrative => {
            let mut all = yusuan_checker::figures::narrative_figures(doc);
            all.extend(doc.narrative.facts.iter().filter_map(|f| f.prior.as_ref().map(|p| p.amount.span)));
            all
        }
    };
    let stride = if kind == Kind::Table { TABLE_STRIDE } else { 1 };
    all.into_iter()
        .filter(|s| s.line == s.end_line)
        .enumerate()
        .filter(|(i, _)| i % stride == 0)
        .map(|(_, s)| s)
        .collect()
}

fn tally(name: &str, kind: Kind) -> Tally {
    let mut t = Tally::default();
    let text = corpus(name);
    let doc = read_str(&text);
    let before = errors(&run(&text));
    let detail = std::env::var_os("MUTATION_DETAIL").is_some();
    for span in targets(&doc, kind) {
        let (Some(original), Some(mutated)) = (figure_at(&text, span), with_digit_changed(&text, span)) else {
            continue;
        };
        if detail {
            let report = run(&mutated);
            let new: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error && !before.contains(&(f.rule, f.span)))
                .map(|f| {
                    format!(
                        "{}{}{}",
                        f.rule,
                        if covers(f.span, span) { "@" } else { "" },
                        match &f.suggestion {
                            Some(s) if s.span == span => format!("={}", s.value),
                            Some(s) => format!("~{}", s.value),
                            None => String::new(),
                        }
                    )
                })
                .collect();
            println!("DETAIL {name} {} {span} {original}: {}", figure_class(&doc, span), new.join(" "));
        }
        t.mutations += 1;
        let report = run(&mutated);
        let new: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !before.contains(&(f.rule, f.span)))
            .collect();
        if new.is_empty() {
            continue;
        }
        t.caught += 1;
        if new.iter().any(|f| covers(f.span, span)) {
            t.detected += 1;
        }
        if new.iter().all(|f| f.rule == "T004") {
            t.row_only += 1;
            continue;
        }
        let suggestions: Vec<_> = new.iter().filter_map(|f| f.suggestion.as_ref()).collect();
        let here: Vec<_> = suggestions.iter().filter(|s| s.span == span).collect();
        if here.iter().any(|s| plain(&s.value) == plain(&original)) {
            t.restored += 1;
        } else if here.iter().any(|s| within_rounding(&s.value, &original)) {
            t.rounding += 1;
            println!(
                "  {name} {span}: {original} changed, suggested {:?} (rounding)",
                here.iter().map(|s| &s.value).collect::<Vec<_>>()
            );
        } else if !here.is_empty() {
            t.wrong += 1;
            println!(
                "  {name} {span}: {original} changed, suggested {:?}",
                here.iter().map(|s| &s.value).collect::<Vec<_>>()
            );
        } else if suggestions.is_empty() {
            t.none += 1;
        } else {
            t.elsewhere += 1;
            println!("  {name} {span}: {original} changed, another figure blamed: {suggestions:?}");
        }
    }
    t
}

/// What a narrative figure is, for the detail lines.
fn figure_class(doc: &yusuan_model::Disclosure, span: Span) -> &'static str {
    for f in &doc.narrative.facts {
        if f.amount.as_ref().is_some_and(|a| a.span == span) {
            return if f.prior.is_some() { "amount+prior" } else { "amount" };
        }
        if f.share.as_ref().is_some_and(|s| s.rate.span == span) {
            return "share";
        }
        if let Some(c) = &f.change {
            if c.amount.as_ref().is_some_and(|a| a.span == span) {
                return "change";
            }
            if c.rate.as_ref().is_some_and(|r| r.span == span) {
                return if f.prior.is_some() {
                    "rate+prior"
                } else if c.amount.is_some() {
                    "rate+change"
                } else {
                    "rate"
                };
            }
        }
        if f.prior.as_ref().is_some_and(|p| p.amount.span == span) {
            return "prior";
        }
        if f.budgets.iter().any(|b| b.amount.span == span) {
            return "budget";
        }
        if f.completion.as_ref().is_some_and(|c| c.rate.span == span) {
            return "completion";
        }
    }
    "table"
}

fn shown(n: usize, of: usize) -> String {
    let permille = n * 1000 / of.max(1);
    format!("{}.{}%", permille / 10, permille % 10)
}

/// Runs every document for one kind of figure, printing a line per document, and returns the
/// totals.
fn measure(kind: Kind) -> Tally {
    let mut all = Tally::default();
    for name in CORPUS {
        let t = tally(name, kind);
        println!(
            "{kind:?} {name}: {} changed, {} detected at the figure ({}), {} suggested back ({}), {} within \
             rounding of it, {} wrong at the figure, {} blamed another figure, {} caught without a suggestion, {} only T004",
            t.mutations,
            t.detected,
            shown(t.detected, t.mutations),
            t.restored,
            shown(t.restored, t.mutations),
            t.rounding,
            t.wrong,
            t.elsewhere,
            t.none,
            t.row_only,
        );
        all += t;
    }
    println!(
        "{kind:?}, all: {} changed, {} raised a new error, {} detected at the figure ({}), {} suggested back ({} of \
         all changed, {} of the caught that name a figure), {} rounding, {} wrong, {} elsewhere, {} none, {} only T004",
        all.mutations,
        all.caught,
        all.detected,
        shown(all.detected, all.mutations),
        all.restored,
        shown(all.restored, all.mutations),
        shown(all.restored, all.caught - all.row_only),
        all.rounding,
        all.wrong,
        all.elsewhere,
        all.none,
        all.row_only,
    );
    all
}

#[test]
fn a_changed_table_figure_is_suggested_back() {
    let t = measure(Kind::Table);
    let named = t.caught - t.row_only;
    assert!(t.caught > 200, "{} mutations caught", t.caught);
    // A wrong suggestion is worse than none, and so is one naming a figure that was not changed.
    assert_eq!(t.wrong, 0, "suggestions at the changed figure that are not the original");
    assert_eq!(t.elsewhere, 0, "suggestions that named another figure");
    assert!(t.detected * 100 >= t.mutations * TABLE_DETECTED_PERCENT, "{} of {} detected", t.detected, t.mutations);
    assert!(t.restored * 100 >= named * TABLE_FLOOR_PERCENT, "{} of {named} restored", t.restored);
}

#[test]
fn a_changed_narrative_figure_is_suggested_back() {
    let t = measure(Kind::Narrative);
    assert!(t.mutations > 100, "{} narrative figures changed", t.mutations);
    assert_eq!(t.wrong, 0, "suggestions at the changed figure that are not the original");
    assert_eq!(t.elsewhere, 0, "suggestions that named another figure");
    assert!(t.detected * 100 >= t.mutations * NARRATIVE_DETECTED_PERCENT, "{} of {} detected", t.detected, t.mutations);
    assert!(t.restored * 100 >= t.mutations * NARRATIVE_FLOOR_PERCENT, "{} of {} restored", t.restored, t.mutations);
}

/// The share of changed table figures an error must point at, and of caught table mutations
/// that name a figure, the share whose suggestion must restore the original.
const TABLE_DETECTED_PERCENT: usize = 58;
const TABLE_FLOOR_PERCENT: usize = 78;
/// The shares of changed narrative figures an error must point at, and whose suggestion must
/// restore the original.
const NARRATIVE_DETECTED_PERCENT: usize = 52;
const NARRATIVE_FLOOR_PERCENT: usize = 39;
