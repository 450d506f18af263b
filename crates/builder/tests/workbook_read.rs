//! The disclosure the builder writes as a workbook, read back by the workbook reader: the same
//! tables cell by cell (kinds, rows, codes, names, every figure in its column), no finding the
//! built disclosure does not have, and a planted wrong figure located at its sheet and cell.

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
