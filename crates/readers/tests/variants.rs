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

/// Declared rows (the 三公 table) wrapped after the first few characters of their label.
#[test]
fn declared_row_labels_wrapped() {
    let lines = seed_lines();
    let t = table(seed(), "three_public");
    for cut in [4, 7] {
        let mut edits = Vec::new();
        for r in t.rows.iter().filter(|r| r.name.value.trim().chars().count() > cut) {
            let p = PrintedRow::of(&lines, r);
            let label = p.name.trim();
            let (head, tail): (String, String) = (label.chars().take(cut).collect(), label.chars().skip(cut).collect());
            let line = r.span.line as usize;
            edits.push((line, line, format!("{head}\n\n{tail} {}", p.values.join(" "))));
        }
        assert!(edits.len() >= 3);
        assert_reads_as_seed(&replace_lines(&lines, edits), &format!("三公 labels wrapped after {cut}"));
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

/// Page number `n` (of at most 33 pages) in each form documents print it, centred or at a
/// margin; the first, bare, is a page number only between full rows or lines of prose.
fn page_number_forms(n: usize) -> Vec<String> {
    vec![
        n.to_string(),
        format!("— {n} —"),
        format!("- {n} -"),
        format!("—{n}—"),
        format!("第{n}页"),
        format!("第 {n} 页 共 33 页"),
        format!("{n}/33"),
        format!("{:>70}", format!("- {n} -")),
        format!("    第 {n} 页"),
    ]
}

#[test]
fn page_numbers_of_every_form_inside_each_table() {
    let lines = seed_lines();
    for t in seed().tables.iter().filter(|t| t.rows.len() >= 3) {
        for form in page_number_forms(12) {
            for k in [t.rows.len() / 2, 0] {
                let text = insert_after(&lines, vec![(after_row(t, k), format!("\n{form}\n"))]);
                assert_reads_as_seed(&text, &format!("page number {form:?} after row {k} of {}", t.kind));
            }
        }
    }
}

/// Page numbers between the lines of narrative paragraphs (Parts 1 and 3 before the performance
/// tables): after every line that does not end its paragraph; the sentences they cut are joined.
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
    for form in 0..page_number_forms(1).len() {
        let inserts: Vec<(usize, String)> =
            mid_paragraph.iter().enumerate().map(|(k, &i)| (i, page_number_forms(k % 30 + 2)[form].clone())).collect();
        let what = format!("page numbers like {:?} inside paragraphs", page_number_forms(2)[form]);
        assert_reads_as_seed(&insert_after(&lines, inserts), &what);
    }
}

/// The lines of the performance tables' indicators that carry a weight.
fn weight_lines() -> Vec<usize> {
    let mut at: Vec<usize> = seed()
        .performance
        .iter()
        .flat_map(|p| &p.indicators)
        .filter_map(|i| i.weight.as_ref().map(|w| w.span.line as usize))
        .collect();
    at.sort_unstable();
    at.dedup();
    at
}

/// A page number after an indicator's row is not read as the next indicator's weight (or any
/// figure of it): every weight stays where it was.
#[test]
fn page_numbers_inside_performance_tables() {
    let lines = seed_lines();
    let at = weight_lines();
    assert!(at.len() > 50, "{}", at.len());
    for form in page_number_forms(12).into_iter().skip(1) {
        let inserts = at.iter().map(|&i| (i, format!("\n{form}\n"))).collect();
        assert_reads_as_seed(&insert_after(&lines, inserts), &format!("page number {form:?} in performance tables"));
    }
    // Bare numbers are page numbers where they end pages that the form feeds mark, and count
    // with them.
    let inserts = at.iter().step_by(7).enumerate().map(|(k, &i)| (i, format!("{}\n\u{c}", k + 2))).collect();
    assert_reads_as_seed(&insert_after(&lines, inserts), "bare page numbers before form feeds in performance tables");
}

/// A running header at the top of every page after the first (and a page number at the foot of
/// each), with the pages breaking inside tables, paragraphs and performance tables.
#[test]
fn a_running_header_on_every_page_is_not_read() {
    let lines = seed_lines();
    let mut breaks: Vec<usize> = seed().tables.iter().filter(|t| t.rows.len() >= 3).map(|t| after_row(t, 1)).collect();
    breaks.extend(weight_lines().into_iter().step_by(9));
    breaks.sort_unstable();
    assert!(breaks.len() >= 10, "{}", breaks.len());
    for header in ["昌吉州人力资源和社会保障服务中心2024年部门预算", "    部门预算公开    "]
    {
        let inserts =
            breaks.iter().enumerate().map(|(k, &i)| (i, format!("\n- {} -\n\u{c}{header}\n", k + 1))).collect();
        assert_reads_as_seed(&insert_after(&lines, inserts), &format!("running header {header:?}"));
    }
}

/// A table whose header ends one page and whose body opens the next, with or without a page
/// number and a form feed between.
#[test]
fn a_table_header_and_its_body_on_two_pages() {
    let lines = seed_lines();
    for t in seed().tables.iter().filter(|t| !t.rows.is_empty()) {
        let first_row = t.rows.iter().map(|r| r.span.line as usize).min().unwrap();
        for between in ["\n- 7 -\n\u{c}", "\u{c}", "\n\n第 7 页 共 33 页\n\n", "7\n\u{c}"] {
            let text = insert_after(&lines, vec![(first_row - 1, between.to_string())]);
            assert_reads_as_seed(&text, &format!("{} split by {between:?} after its header", t.kind));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Encodings and line ends.

#[track_caller]
fn assert_bytes_read_as_seed(bytes: &[u8], what: &str) {
    let d = read_bytes(bytes);
    assert_same(seed_model(), &model(&d), what);
    assert_eq!(note_kinds(seed()), note_kinds(&d), "{what}");
}

#[test]
fn encodings_and_line_ends() {
    let (gb18030, _, unmappable) = encoding_rs::GB18030.encode(SEED);
    assert!(!unmappable);
    assert_bytes_read_as_seed(&gb18030, "GB18030");
    // Every character of the seed is in GBK, so GBK bytes are the same bytes.
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(SEED);
    assert!(!unmappable);
    assert_bytes_read_as_seed(&gbk, "GBK");

    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(SEED.as_bytes());
    assert_bytes_read_as_seed(&bom, "UTF-8 with BOM");

    let crlf = SEED.replace('\n', "\r\n");
    assert_bytes_read_as_seed(crlf.as_bytes(), "CRLF");
    let (gbk_crlf, _, _) = encoding_rs::GBK.encode(&crlf);
    assert_bytes_read_as_seed(&gbk_crlf, "GBK with CRLF");
    let cr = SEED.replace('\n', "\r");
    assert_bytes_read_as_seed(cr.as_bytes(), "CR line ends");

    let mut le = vec![0xFF, 0xFE];
    le.extend(SEED.encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_bytes_read_as_seed(&le, "UTF-16LE with BOM");
    let mut be = vec![0xFE, 0xFF];
    be.extend(crlf.encode_utf16().flat_map(|u| u.to_be_bytes()));
    assert_bytes_read_as_seed(&be, "UTF-16BE with BOM and CRLF");
}

// ---------------------------------------------------------------------------------------------
// 4. The titles of other templates.

/// Renames every table (and renumbers it), returning the text and the seed's model with the new
/// titles and numbers: the rest must not change.
fn retitled(titles: &[(&str, &str, u32)], number_on_title_line: bool) -> (String, serde_json::Value) {
    let lines = seed_lines();
    let mut edits = Vec::new();
    let mut expected = seed_model().clone();
    for (i, t) in seed().tables.iter().enumerate() {
        let &(_, title, n) = titles.iter().find(|(k, _, _)| *k == t.kind).unwrap();
        let title_line = t.title.span.line as usize;
        let number_line = (1..title_line).rev().find(|&j| !lines[j - 1].trim().is_empty()).unwrap();
        assert!(lines[number_line - 1].trim().starts_with('表'), "{}", lines[number_line - 1]);
        if number_on_title_line {
            edits.push((number_line, title_line, format!("表{n}  {title}")));
        } else {
            edits.push((number_line, number_line, format!(" 表 {n}")));
            edits.push((title_line, title_line, title.to_string()));
        }
        let shown = if number_on_title_line { format!("表{n}  {title}") } else { title.to_string() };
        expected["tables"][i]["title"]["value"] = shown.into();
        expected["tables"][i]["number"] = n.into();
    }
    (replace_lines(&lines, edits), expected)
}

#[test]
fn nine_table_template_titles() {
    // The Ministry of Finance's template: nine tables in its own order, project table last.
    let mof: &[(&str, &str, u32)] = &[
        ("income_expense_summary", "收支预算总表", 1),
        ("income_summary", "收入预算总表", 2),
        ("expenditure_summary", "支出预算总表", 3),
        ("fiscal_summary", "财政拨款收支预算总表", 4),
        ("general_budget_expenditure", "一般公共预算支出预算表", 5),
        ("general_budget_basic", "一般公共预算基本支出预算表", 6),
        ("three_public", "一般公共预算“三公”经费支出预算表", 7),
        ("government_fund_expenditure", "政府性基金预算支出预算表", 8),
        ("state_capital_expenditure", "国有资本经营预算支出预算表", 9),
        ("general_budget_project", "项目支出预算表", 10),
        ("carry_over", "上年结转结余情况表", 11),
    ];
    let other: &[(&str, &str, u32)] = &[
        ("income_expense_summary", "2024年部门收支预算总表", 1),
        ("income_summary", "部门收入预算总表", 2),
        ("expenditure_summary", "部门支出预算总表", 3),
        ("fiscal_summary", "财政拨款收支总体情况表", 4),
        ("general_budget_expenditure", "一般公共预算支出表", 5),
        ("general_budget_basic", "一般公共预算基本支出表", 6),
        ("general_budget_project", "一般公共预算项目支出预算表", 7),
        ("government_fund_expenditure", "政府性基金预算支出表", 8),
        ("state_capital_expenditure", "国有资本经营预算支出表", 9),
        ("three_public", "一般公共预算\"三公\"经费支出情况表", 10),
        ("carry_over", "上年结转结余明细表", 11),
    ];
    for (titles, what) in [(mof, "MoF template"), (other, "other aliases")] {
        for same_line in [false, true] {
            let (text, expected) = retitled(titles, same_line);
            let d = read_str(&text);
            assert_same(&expected, &model(&d), &format!("{what}, number on the title line: {same_line}"));
            assert_eq!(note_kinds(seed()), note_kinds(&d), "{what}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 5. Punctuation of the other width; full-width spaces in tables.

/// Line numbers (1-based) of the tables, and of the performance-target tables.
fn table_lines() -> Vec<bool> {
    let lines = seed_lines();
    let mut inside = vec![false; lines.len() + 1];
    for t in &seed().tables {
        inside[t.span.line as usize..=t.span.end_line as usize].iter_mut().for_each(|x| *x = true);
    }
    inside
}

fn performance_lines() -> std::ops::Range<usize> {
    let lines = seed_lines();
    let start = lines.iter().position(|l| l.contains("绩效目标表")).unwrap() + 1;
    let end = lines.iter().position(|l| l.contains("其他需说明的事项")).unwrap() + 1;
    start..end
}

/// Full-width （）：， to half-width and back; a comma between digits is a thousands separator
/// and stays.
fn swap_width(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let digit = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_digit());
    (0..chars.len())
        .map(|i| match chars[i] {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '，' => ',',
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ',' if !(i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1))) => '，',
            c => c,
        })
        .collect()
}

/// Every string of a model with punctuation in full width, to compare across widths.
fn full_width(v: &serde_json::Value) -> serde_json::Value {
    let to_full = |s: &str| -> String {
        let chars: Vec<char> = s.chars().collect();
        let digit = |i: Option<&char>| i.is_some_and(|c| c.is_ascii_digit());
        (0..chars.len())
            .map(|i| match chars[i] {
                '(' => '（',
                ')' => '）',
                ':' => '：',
                ',' if !(i > 0 && digit(chars.get(i - 1)) && digit(chars.get(i + 1))) => '，',
                c => c,
            })
            .collect()
    };
    map_strings(v.clone(), &to_full)
}

#[test]
fn punctuation_of_the_other_width_in_prose() {
    let lines = seed_lines();
    let tables = table_lines();
    let perf = performance_lines();
    let text: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if tables[i + 1] || perf.contains(&(i + 1)) { l.clone() } else { swap_width(l) })
        .collect();
    let text = text.join("\n");
    assert_ne!(text, SEED);
    let d = read_str(&text);
    assert_same(&full_width(seed_model()), &full_width(&model(&d)), "punctuation swapped");
    assert_eq!(note_kinds(seed()), note_kinds(&d));
}

#[test]
fn ideographic_spaces_between_table_cells() {
    let lines = seed_lines();
    let tables = table_lines();
    let text: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| if tables[i + 1] { l.replace(' ', "\u{3000}") } else { l.clone() })
        .collect();
    assert_reads_as_seed(&text.join("\n"), "U+3000 between cells");
}

// ---------------------------------------------------------------------------------------------
// 6. A table alone.

/// Reads each table cut out of the document with its `表 N` line. The rows must be the same;
/// without the other tables' figures a row may stay ambiguous, but what is resolved must be what
/// the seed resolved, and the seed's placement must stay among the candidates.
#[test]
fn each_table_alone() {
    let lines = seed_lines();
    let mut undecided = Vec::new();
    for t in &seed().tables {
        let title_line = t.title.span.line as usize;
        let from = (1..title_line).rev().find(|&j| !lines[j - 1].trim().is_empty()).unwrap();
        let text = lines[from - 1..t.span.end_line as usize].join("\n");
        let d = read_str(&text);
        assert_eq!(d.tables.len(), 1, "{}", t.kind);
        let alone = &d.tables[0];
        let strip = |t: &Table| {
            let mut v = strip_spans(serde_json::to_value(t).unwrap());
            for r in v["rows"].as_array_mut().unwrap() {
                r.as_object_mut().unwrap().remove("assignment");
            }
            v
        };
        assert_same(&strip(t), &strip(alone), &format!("{} alone", t.kind));
        for (a, b) in t.rows.iter().zip(&alone.rows) {
            let what = format!("{} alone, row {:?} {}", t.kind, b.code, b.name.value);
            match (&a.assignment, &b.assignment) {
                (x, y) if x == y => {}
                (Assignment::Resolved { columns }, Assignment::Ambiguous { candidates }) => {
                    assert!(candidates.contains(columns), "{what}: {columns:?} not among {candidates:?}");
                    undecided.push(format!("{} {}", t.kind, b.name.value));
                }
                (Assignment::Ambiguous { candidates: seed }, Assignment::Ambiguous { candidates }) => {
                    assert!(seed.iter().all(|c| candidates.contains(c)), "{what}: {seed:?} ⊄ {candidates:?}");
                }
                (x, y) => panic!("{what}: seed {x:?}, alone {y:?}"),
            }
        }
    }
    // Only the tables whose columns the other tables' identities pin down lose anything alone:
    // table 3 (and 1, 5, 6, 7) read alone exactly as in the document.
    let open_alone = ["income_summary", "fiscal_summary", "three_public", "carry_over"];
    assert!(undecided.iter().all(|u| open_alone.iter().any(|k| u.starts_with(k))), "{undecided:#?}");
    assert!(undecided.iter().any(|u| u == "three_public 公务接待费"), "{undecided:#?}");
}

// ---------------------------------------------------------------------------------------------
// 7. Arbitrary input never panics; deleting prose keeps the tables.

/// One edit of the seed's lines; indices are taken modulo what is there.
#[derive(Clone, Debug)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Cut(usize),
    Insert(usize, usize, String),
}

/// Text that looks like what tables and paragraphs hold, and anything else.
fn noise() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9 .,，：:%万元表※\\-一二三、（）()总计合计其中]{1,8}",
        "\\PC{1,6}",
        Just("208 01 99".to_string()),
        Just(" 1,050.52 0.00".to_string()),
        Just("编制部门：某单位 单位：万元".to_string()),
        Just("第三部分".to_string()),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => any::<usize>().prop_map(Edit::Delete),
        2 => any::<usize>().prop_map(Edit::Duplicate),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        1 => any::<usize>().prop_map(Edit::Cut),
        4 => (any::<usize>(), any::<usize>(), noise()).prop_map(|(l, c, s)| Edit::Insert(l, c, s)),
    ]
}

fn apply(lines: &mut Vec<String>, e: &Edit) {
    if lines.is_empty() {
        return;
    }
    let n = lines.len();
    match e {
        Edit::Delete(i) => {
            lines.remove(i % n);
        }
        Edit::Duplicate(i) => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Edit::Swap(a, b) => lines.swap(a % n, b % n),
        Edit::Cut(i) => {
            let i = i % n;
            let line = &lines[i];
            let keep: String = line.chars().take(line.chars().count() / 2).collect();
            lines.truncate(i);
            lines.push(keep);
        }
        Edit::Insert(i, c, s) => {
            let line = &mut lines[i % n];
            let at = c % (line.chars().count() + 1);
            let byte = line.char_indices().nth(at).map(|(b, _)| b).unwrap_or(line.len());
            line.insert_str(byte, s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = read_bytes(&bytes);
    }

    /// Table-like fragments in any order: titles, numbers, codes, figures, markers.
    #[test]
    fn table_like_text_reads_without_panic(parts in proptest::collection::vec(prop_oneof![
        Just("表 3\n".to_string()),
        Just("部门支出总体情况表\n".to_string()),
        Just("部门收支总体情况表\n".to_string()),
        Just("财政拨款“三公”经费支出情况表\n".to_string()),
        Just("※ ※ ※ ※ 1 2 3\n".to_string()),
        Just("编制部门：某单位 单位：万元\n".to_string()),
        Just("总计 ".to_string()),
        Just("一、本年收入 ".to_string()),
        "(208|210|301)( 0[1-9]){0,2} ",
        "[0-9]{1,3}\\.[0-9]{2} ",
        "[一-龥]{1,6}",
        Just("\n".to_string()),
        Just("12\n".to_string()),
    ], 0..80)) {
        let _ = read_str(&parts.concat());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mutations_of_the_seed_read_without_panic(edits in proptest::collection::vec(edit(), 1..6)) {
        let mut lines = seed_lines();
        for e in &edits {
            apply(&mut lines, e);
        }
        let _ = read_str(&lines.join("\n"));
    }

    /// Lines outside the tables (and their `表 N` lines) deleted: the tables read the same.
    #[test]
    fn deleting_prose_keeps_the_tables(picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..8)) {
        let lines = seed_lines();
        let outside = prose_lines();
        let gone: std::collections::BTreeSet<usize> = picks.iter().map(|p| outside[p.index(outside.len())]).collect();
        let text: Vec<&str> =
            lines.iter().enumerate().filter(|(i, _)| !gone.contains(&(i + 1))).map(|(_, l)| l.as_str()).collect();
        let d = read_str(&text.join("\n"));
        let diff = first_diff(&seed_model()["tables"], &model(&d)["tables"], "tables");
        let deleted: Vec<&str> = gone.iter().map(|&i| lines[i - 1].as_str()).collect();
        prop_assert!(diff.is_none(), "deleting {:?}: {:?}", deleted, diff);
    }
}

/// The part headings are the likeliest lines for an extractor to lose (they often stand alone on
/// a cover page); without any of them the tables still read the same.
#[test]
fn tables_without_part_headings() {
    let lines = seed_lines();
    let headings: Vec<usize> = (1..=lines.len())
        .filter(|&i| lines[i - 1].trim_start().starts_with('第') && lines[i - 1].contains("部分"))
        .collect();
    assert_eq!(headings.len(), 4);
    for &h in &headings {
        let text: Vec<&str> = lines.iter().enumerate().filter(|(i, _)| i + 1 != h).map(|(_, l)| l.as_str()).collect();
        let d = read_str(&text.join("\n"));
        if let Some(diff) = first_diff(&seed_model()["tables"], &model(&d)["tables"], "tables") {
            panic!("without {:?}: {diff}", lines[h - 1]);
        }
    }
}

/// The non-blank lines (1-based) that belong to no table: not in a table's span, not its `表 N`.
fn prose_lines() -> Vec<usize> {
    let lines = seed_lines();
    let tables = table_lines();
    let numbers: Vec<usize> = seed()
        .tables
        .iter()
        .filter_map(|t| (1..t.title.span.line as usize).rev().find(|&j| !lines[j - 1].trim().is_empty()))
        .collect();
    (1..=lines.len()).filter(|&i| !tables[i] && !numbers.contains(&i) && !lines[i - 1].trim().is_empty()).collect()
}
