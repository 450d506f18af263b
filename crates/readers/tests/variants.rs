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

// ---------------------------------------------------------------------------------------------
// 2. Page breaks elsewhere.

/// What an extractor leaves where a page breaks inside a table: the page number, then the next
/// page's header repeated (编制部门 line, column headers, ※ line when the table has one).
fn page_break(lines: &[String], t: &Table, page: u32) -> String {
    let first_row = t.rows.iter().map(|r| r.span.line as usize).min().unwrap();
    let (a, b) = (t.span.line as usize, t.span.end_line as usize);
    let meta = (a..=b).find(|&i| lines[i - 1].contains("编制部门")).unwrap();
    let marker = (meta..first_row).find(|&i| lines[i - 1].trim_start().starts_with('※'));
    let end = marker.unwrap_or(first_row - 1);
    let mut out = vec![page.to_string(), format!(" {}", lines[meta - 1].trim())];
    out.extend(lines[meta..end].iter().cloned());
    out.join("\n")
}

/// The line after which a page break goes in a table: the end of its `k`-th row in print order.
fn after_row(t: &Table, k: usize) -> usize {
    let mut ends: Vec<usize> = t.rows.iter().map(|r| r.span.end_line as usize).collect();
    ends.sort_unstable();
    ends.dedup();
    ends[k.min(ends.len() - 1)]
}

#[test]
fn page_break_with_repeated_header_inside_each_table() {
    let lines = seed_lines();
    for t in seed().tables.iter().filter(|t| t.rows.len() >= 3) {
        // Mid-table, and after the first row.
        for k in [t.rows.len() / 2, 0] {
            let text = insert_after(&lines, vec![(after_row(t, k), page_break(&lines, t, 12))]);
            assert_reads_as_seed(&text, &format!("page break after row {k} of {}", t.kind));
        }
    }
}

/// Some documents print the table's number and title again on every page.
#[test]
fn page_break_with_repeated_title_inside_each_table() {
    let lines = seed_lines();
    for t in seed().tables.iter().filter(|t| t.rows.len() >= 3) {
        let brk = page_break(&lines, t, 12);
        let (page, rest) = brk.split_once('\n').unwrap();
        let number = t.number.map(|n| format!("表 {n}\n\n")).unwrap_or_default();
        let text = format!("{page}\n{number}{}\n\n{rest}", t.title.value);
        let text = insert_after(&lines, vec![(after_row(t, t.rows.len() / 2), text)]);
        assert_reads_as_seed(&text, &format!("page break with title inside {}", t.kind));
    }
}

#[test]
fn page_number_alone_inside_each_table() {
    let lines = seed_lines();
    for t in seed().tables.iter().filter(|t| t.rows.len() >= 3) {
        let text = insert_after(&lines, vec![(after_row(t, t.rows.len() / 2), "\n12\n".to_string())]);
        assert_reads_as_seed(&text, &format!("page number inside {}", t.kind));
    }
}

/// Page numbers between the lines of narrative paragraphs (Parts 1 and 3 before the performance
/// tables): after every line that does not end its paragraph.
#[test]
fn page_numbers_inside_paragraphs() {
    let lines = seed_lines();
    let first_table = seed().tables.iter().map(|t| t.span.line as usize).min().unwrap();
    let last_table = seed().tables.iter().map(|t| t.span.end_line as usize).max().unwrap();
    let performance = lines.iter().position(|l| l.contains("绩效目标表")).unwrap();
    let prose = (1..first_table - 2).chain(last_table + 1..performance);
    let mid_paragraph: Vec<usize> = prose
        .filter(|&i| {
            let t = lines[i - 1].trim();
            !t.is_empty() && !t.ends_with('。') && !t.ends_with('：') && t.chars().count() > 20
        })
        .collect();
    assert!(mid_paragraph.len() > 50, "{}", mid_paragraph.len());
    let inserts: Vec<(usize, String)> =
        mid_paragraph.iter().enumerate().map(|(k, &i)| (i, format!("{}", k % 40 + 2))).collect();
    assert_reads_as_seed(&insert_after(&lines, inserts), "page numbers inside paragraphs");
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
