//! The disclosure the builder writes as a workbook, read back by the workbook reader: the same
//! tables cell by cell (kinds, rows, codes, names, every figure in its column), no finding the
//! built disclosure does not have, and a planted wrong figure located at its sheet and cell.

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config, Severity};
use yusuan_model::catalog::fold_name;
use yusuan_model::table::{Assignment, Row, Table};
use yusuan_model::{Catalog, Disclosure};
use yusuan_readers::open::{open, Format};
use yusuan_renderers::render_xlsx;

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

fn catalog() -> &'static Catalog {
    Catalog::shared_builtin()
}

fn built(toml: &str) -> Disclosure {
    let budget = from_toml(toml, "budget.toml", catalog()).unwrap_or_else(|e| panic!("{e:?}"));
    build(&budget, catalog()).disclosure
}

fn read_back(d: &Disclosure) -> Disclosure {
    let bytes = render_xlsx(d).expect("the workbook");
    let opened = open("disclosure.xlsx", &bytes, catalog()).unwrap_or_else(|e| panic!("{}", e.message("en")));
    assert_eq!(opened.format, Format::Workbook);
    opened.disclosure
}

/// A row's identity: panel, code or declared key, project, and the name of rows with neither.
fn key(row: &Row) -> (u8, Option<String>, Option<String>, Option<String>, Option<String>) {
    let bare = row.code.is_none() && row.fixed.is_none();
    (
        row.panel,
        row.code.as_ref().map(|c| c.as_str().to_string()),
        row.fixed.clone(),
        row.project.as_ref().map(|p| fold_name(&p.value)),
        bare.then(|| fold_name(&row.name.value)),
    )
}

/// A row's figures by column (`None` when the reader could not settle their columns).
fn figures(row: &Row) -> Option<BTreeMap<u16, Decimal>> {
    let Assignment::Resolved { columns } = &row.assignment else { return None };
    Some(columns.iter().zip(&row.values).map(|(&c, v)| (c, v.value.value.normalize())).collect())
}

fn differences(want: &Table, got: &Table) -> Vec<String> {
    let kind = &want.kind;
    let mut out = Vec::new();
    let w: BTreeMap<_, &Row> = want.rows.iter().map(|r| (key(r), r)).collect();
    let g: BTreeMap<_, &Row> = got.rows.iter().map(|r| (key(r), r)).collect();
    for (k, row) in &w {
        match g.get(k) {
            None if row.values.is_empty() => {}
            None => out.push(format!("{kind}: row {k:?} not read")),
            Some(r) => {
                if fold_name(&r.name.value) != fold_name(&row.name.value) {
                    out.push(format!("{kind}: row {k:?} named {:?}, built {:?}", r.name.value, row.name.value));
                }
                if figures(r) != figures(row) {
                    out.push(format!("{kind}: row {k:?} reads {:?}, built {:?}", figures(r), figures(row)));
                }
            }
        }
    }
    for (k, row) in &g {
        if !w.contains_key(k) && !row.values.is_empty() {
            out.push(format!("{kind}: row {k:?} read but not built"));
        }
    }
    out
}

fn compare(want: &Disclosure, got: &Disclosure) -> Vec<String> {
    let mut out = Vec::new();
    let kinds = |d: &Disclosure| d.tables.iter().map(|t| t.kind.to_string()).collect::<Vec<_>>();
    if kinds(want) != kinds(got) {
        out.push(format!("tables {:?}, built {:?}", kinds(got), kinds(want)));
    }
    for (w, g) in want.tables.iter().zip(&got.tables) {
        out.extend(differences(w, g));
    }
    out
}

fn errors(d: &Disclosure) -> Vec<String> {
    let report = check(d, &Config::default(), catalog());
    report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| format!("{} {}", f.rule, f.message.zh))
        .collect()
}

#[test]
fn the_example_workbook_reads_back_as_built() {
    let d = built(EXAMPLE);
    let started = std::time::Instant::now();
    let back = read_back(&d);
    eprintln!("read the example workbook in {:?}", started.elapsed());
    let diffs = compare(&d, &back);
    assert!(diffs.is_empty(), "{diffs:#?}");
    assert_eq!(back.department.as_ref().map(|s| &s.value), d.department.as_ref().map(|s| &s.value));
    assert_eq!(back.performance.len(), d.performance.len());
    let errs = errors(&back);
    assert!(errs.is_empty(), "{errs:#?}");
}

#[test]
fn a_wrong_figure_is_found_at_its_sheet_and_cell() {
    let mut d = built(EXAMPLE);
    let t = d.tables.iter_mut().find(|t| t.kind == "expenditure_summary").expect("table 3");
    let row = t.rows.iter_mut().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2080101")).expect("2080101");
    row.values[0].value.value = Decimal::new(32959, 2); // 319.59 printed as 329.59
    let back = read_back(&d);
    let map = back.source_map.as_ref().expect("a workbook's text has a source map");
    let report = check(&back, &Config::default(), catalog());
    let places: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| map.locate(f.span))
        .map(|l| l.describe(true))
        .collect();
    // 表3: title, 编制部门, three header rows, the numbering row, 总计, 208, 208 01, then 208 01 01
    // on row 10 (the finding spans the row, from its code in A10); its 合计 is cell E10.
    assert!(places.iter().any(|p| p == "工作表「表3」A10"), "{places:#?}");
    let figure = back.tables.iter().find(|t| t.kind == "expenditure_summary").unwrap();
    let read = figure.rows.iter().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2080101")).unwrap();
    let loc = map.locate(read.values[0].span).unwrap();
    assert_eq!(loc.describe(false), "sheet 表3, cell E10");
}

#[test]
fn bytes_that_are_no_workbook_are_an_error_not_a_panic() {
    for bytes in [&b"PK\x03\x04garbage"[..], b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 broken", b"hello"] {
        let e = open("x.xlsx", bytes, catalog()).unwrap_err();
        assert!(matches!(e, yusuan_readers::open::OpenError::Damaged { .. }), "{e:?}");
        assert!(e.message("en").is_ascii() && e.message("zh").contains("Excel"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// The example's workbook with bytes changed or cut anywhere: an error or a reading, never
    /// a panic.
    #[test]
    fn a_mutated_workbook_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8), cut in any::<usize>()) {
        let mut bytes = render_xlsx(&example_disclosure()).unwrap();
        for (at, b) in edits {
            let n = bytes.len();
            bytes[at % n] = b;
        }
        if cut % 3 == 0 {
            bytes.truncate(cut % bytes.len().max(1));
        }
        let _ = open("x.xlsx", &bytes, catalog());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = open("x.xlsx", &bytes, catalog());
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend(&bytes);
        let _ = open("x.xlsx", &zip, catalog());
    }
}

fn example_disclosure() -> Disclosure {
    static D: std::sync::OnceLock<Disclosure> = std::sync::OnceLock::new();
    D.get_or_init(|| built(EXAMPLE)).clone()
}

/// The example's workbook saved as legacy .xls by LibreOffice (`soffice --headless --convert-to
/// xls`), committed so the test needs no LibreOffice.
const EXAMPLE_XLS: &[u8] = include_bytes!("fixtures/changji-hrss-2024-disclosure.xls");

#[test]
fn the_example_saved_as_xls_reads_back_as_built() {
    let d = built(EXAMPLE);
    let opened = open("disclosure.xls", EXAMPLE_XLS, catalog()).unwrap_or_else(|e| panic!("{}", e.message("en")));
    let diffs = compare(&d, &opened.disclosure);
    assert!(diffs.is_empty(), "{diffs:#?}");
    let errs = errors(&opened.disclosure);
    assert!(errs.is_empty(), "{errs:#?}");
}

/// The example's workbook typeset by LibreOffice (`soffice --headless --convert-to pdf`, fonts
/// substituted by Noto Sans CJK; once on A4 pages, once with each sheet on one page of its own
/// size) and read by yusuan's PDF reader: the same tables, every figure in its column, no error
/// but the performance gap below.
/// The PDFs are committed (tests must not need LibreOffice); made from `render_xlsx` of the example.
fn from_libreoffice(name: &str) -> Disclosure {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).expect("fixture");
    let opened = open(name, &bytes, catalog()).unwrap_or_else(|e| panic!("{}", e.message("en")));
    assert_eq!(opened.format, Format::Pdf);
    opened.disclosure
}

#[test]
fn libreoffice_a4_pdf_reads_back_as_built() {
    let d = built(EXAMPLE);
    let back = from_libreoffice("changji-hrss-2024-libreoffice-a4.pdf");
    let diffs = compare(&d, &back);
    assert!(diffs.is_empty(), "{diffs:#?}");
    assert_eq!(table_errors(&back), Vec::<String>::new());
}

/// Errors but those that read the performance tables (P…, and A009 which counts them). On A4,
/// LibreOffice prints a performance sheet wider than the page column block by column block, on
/// separate pages (labels 预算单位/项目名称 on one page, the rest of their rows on the next), which
/// no reading of pages in order pairs up; the one-page-per-sheet PDF below checks clean.
fn table_errors(d: &Disclosure) -> Vec<String> {
    errors(d).into_iter().filter(|e| !e.starts_with('P') && !e.starts_with("A009")).collect()
}

#[test]
fn libreoffice_sheet_per_page_pdf_reads_back_as_built() {
    let d = built(EXAMPLE);
    let back = from_libreoffice("changji-hrss-2024-libreoffice-sheet-per-page.pdf");
    let diffs = compare(&d, &back);
    assert!(diffs.is_empty(), "{diffs:#?}");
    assert_eq!(errors(&back), Vec::<String>::new());
    assert_eq!(back.performance.len(), d.performance.len());
}
