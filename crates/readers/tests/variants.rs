//! Other layouts of the seed read to the same model: rows on one line or wrapped elsewhere, page
//! breaks in other places, other encodings and line ends, the nine-table template's titles,
//! punctuation of the other width, tables cut out alone. The variants are built from the seed's
//! text, guided by where the seed's own reading put each row, and compared with spans stripped.

mod common;

use common::*;
use proptest::prelude::*;
use std::sync::OnceLock;
use yusuan_model::registry::schema;
use yusuan_model::table::{Assignment, RowKeyKind, Table};
use yusuan_model::Disclosure;
use yusuan_readers::text::{read_bytes, read_str};

fn seed() -> &'static Disclosure {
    static SEED_MODEL: OnceLock<Disclosure> = OnceLock::new();
    SEED_MODEL.get_or_init(|| read_str(SEED))
}

fn seed_model() -> &'static serde_json::Value {
    static V: OnceLock<serde_json::Value> = OnceLock::new();
    V.get_or_init(|| model(seed()))
}

/// Reads a variant and asserts it equals the seed, notes included (by kind).
#[track_caller]
fn assert_reads_as_seed(text: &str, what: &str) -> Disclosure {
    let d = read_str(text);
    assert_same(seed_model(), &model(&d), what);
    assert_eq!(note_kinds(seed()), note_kinds(&d), "{what}: notes {:#?}", d.notes);
    d
}

/// Whether a table's rows are one per line with a row key a wrap cannot confuse (codes, free
/// names), as opposed to declared rows or two panels side by side.
fn wrappable(t: &Table) -> bool {
    let s = schema(&t.kind).unwrap();
    s.panels.len() == 1 && s.panels[0].row_key != RowKeyKind::Fixed
}

// ---------------------------------------------------------------------------------------------
// 1. Rows on one line, rows wrapped elsewhere.

#[test]
fn every_wrapped_row_on_one_line() {
    let lines = seed_lines();
    let mut edits = Vec::new();
    for t in &seed().tables {
        for r in t.rows.iter().filter(|r| r.span.line != r.span.end_line) {
            edits.push((r.span.line as usize, r.span.end_line as usize, PrintedRow::of(&lines, r).one_line("  ")));
        }
    }
    // Table 2 wraps two names, table 7 most of its rows.
    assert!(edits.len() >= 9, "{}", edits.len());
    let text = replace_lines(&lines, edits);
    assert_reads_as_seed(&text, "rows on one line");
}

/// Every row of the code- and name-keyed tables, wrapped: its code alone, the name cut after
/// `cut` characters, the project cut likewise, the values on their own line or after the last
/// piece; lines separated by `sep` (`\n\n` as extractors leave it, or `\n`).
fn wrapped(cut: usize, sep: &str, values_alone: bool) -> String {
    let lines = seed_lines();
    let mut edits = Vec::new();
    for t in seed().tables.iter().filter(|t| wrappable(t)) {
        for r in &t.rows {
            let p = PrintedRow::of(&lines, r);
            if r.fixed.is_some() || p.name.chars().count() <= cut {
                continue;
            }
            let split = |s: &str| -> Vec<String> {
                if s.chars().count() <= cut {
                    return vec![s.to_string()];
                }
                vec![s.chars().take(cut).collect(), s.chars().skip(cut).collect()]
            };
            let mut out: Vec<String> = Vec::new();
            out.extend(p.code.clone());
            let mut pieces = split(&p.name);
            pieces[0] = format!("    {}", pieces[0]);
            out.extend(pieces);
            if let Some(project) = &p.project {
                out.extend(split(project));
            }
            let values = p.values.join(" ");
            if values_alone || out.len() == 1 {
                out.push(values);
            } else if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(&values);
            }
            edits.push((r.span.line as usize, r.span.end_line as usize, out.join(sep)));
        }
    }
    replace_lines(&lines, edits)
}

#[test]
fn names_wrapped_at_other_characters() {
    for cut in [2, 5, 7] {
        for sep in ["\n\n", "\n"] {
            for values_alone in [true, false] {
                let text = wrapped(cut, sep, values_alone);
                assert_reads_as_seed(&text, &format!("wrapped after {cut}, sep {sep:?}, values alone {values_alone}"));
            }
        }
    }
}

#[test]
#[ignore]
fn debug_dump() {
    let text = wrapped(2, "\n\n", true);
    std::fs::write("/tmp/var.txt", &text).unwrap();
    let d = read_str(&text);
    for t in &d.tables {
        if t.kind != std::env::var("KIND").unwrap_or_default() {
            continue;
        }
        for r in &t.rows {
            println!(
                "{:?} {:?} {:?} {:?} {:?}",
                r.code.as_ref().map(|c| c.as_str().to_string()),
                r.name.value,
                r.project.as_ref().map(|p| &p.value),
                r.values.iter().map(|v| v.value.value.to_string()).collect::<Vec<_>>(),
                r.assignment
            );
        }
    }
    for n in &d.notes {
        println!("{:?} {}", n.kind, n.zh);
    }
}
