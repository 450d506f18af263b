//! The annotated example `examples/changji-hrss-2024/budget.toml` is the seed department's budget:
//! it loads without a single error, and every table built from it equals the seed's table as the
//! reader extracts it, cell by cell. Validation names the line and field of what is wrong.

use std::collections::BTreeMap;
use yusuan_builder::tables::tables;
use yusuan_builder::{from_toml, Budget, DataError};
use yusuan_model::catalog::{fold_name, Code};
use yusuan_model::table::{Assignment, Row, Table};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");
const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");
const FILE: &str = "examples/changji-hrss-2024/budget.toml";

fn load(text: &str) -> Result<Budget, Vec<DataError>> {
    from_toml(text, FILE, Catalog::shared_builtin())
}

fn example() -> Budget {
    match load(EXAMPLE) {
        Ok(b) => b,
        Err(errors) => panic!("{:#?}", errors.iter().map(|e| e.message("zh")).collect::<Vec<_>>()),
    }
}

/// What identifies a row within its table: panel, then code or declared key, project, and for
/// rows with neither (unit rows, table 11's projects) the name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    panel: u8,
    code: Option<String>,
    fixed: Option<String>,
    project: Option<String>,
    name: Option<String>,
}

fn key(row: &Row) -> Key {
    let bare = row.code.is_none() && row.fixed.is_none();
    Key {
        panel: row.panel,
        code: row.code.as_ref().map(|c: &Code| c.as_str().to_string()),
        fixed: row.fixed.clone(),
        project: row.project.as_ref().map(|p| fold_name(&p.value)),
        name: bare.then(|| fold_name(&row.name.value)),
    }
}

/// A row's values as printed (`"715.52"`), with the column each stands in when settled.
fn cells(row: &Row) -> Vec<String> {
    row.values.iter().map(|c| c.value.value.to_string()).collect()
}

fn columns(row: &Row) -> Option<&Vec<u16>> {
    match &row.assignment {
        Assignment::Resolved { columns } => Some(columns),
        _ => None,
    }
}

/// Compares a built table with the seed's, cell by cell; returns every difference.
fn differences(built: &Table, seed: &Table) -> Vec<String> {
    let n = seed.number.unwrap_or_default();
    let mut out = Vec::new();
    let index = |t: &Table| -> BTreeMap<Key, usize> { t.rows.iter().enumerate().map(|(i, r)| (key(r), i)).collect() };
    let (bi, si) = (index(built), index(seed));
    if bi.len() != built.rows.len() || si.len() != seed.rows.len() {
        out.push(format!("表{n}: duplicate row keys"));
    }
    // Rows only one side has must be empty (the seed's template omits some all-zero lines).
    for (k, &i) in &bi {
        if !si.contains_key(k) && !built.rows[i].values.is_empty() {
            out.push(format!("表{n}: built row {k:?} with {:?} is not in the seed", cells(&built.rows[i])));
        }
    }
    for (k, &i) in &si {
        if !bi.contains_key(k) && !seed.rows[i].values.is_empty() {
            out.push(format!("表{n}: seed row {k:?} with {:?} is not built", cells(&seed.rows[i])));
        }
    }
    let parent_key = |t: &Table, r: &Row| r.parent.map(|p| key(&t.rows[p]));
    for (k, &s) in &si {
        let Some(&b) = bi.get(k) else { continue };
        let (br, sr) = (&built.rows[b], &seed.rows[s]);
        if fold_name(&br.name.value) != fold_name(&sr.name.value) {
            out.push(format!("表{n} {k:?}: name {:?} ≠ seed {:?}", br.name.value, sr.name.value));
        }
        if cells(br) != cells(sr) {
            out.push(format!("表{n} {k:?}: values {:?} ≠ seed {:?}", cells(br), cells(sr)));
        }
        let built_columns = columns(br).cloned().unwrap_or_default();
        match &sr.assignment {
            Assignment::Resolved { columns } if *columns != built_columns => {
                out.push(format!("表{n} {k:?}: columns {built_columns:?} ≠ seed {columns:?}"))
            }
            // Table 7's economic columns: the text cannot tell which; ours must be one reading.
            Assignment::Ambiguous { candidates } if !candidates.contains(&built_columns) => {
                out.push(format!("表{n} {k:?}: columns {built_columns:?} not among the seed's readings"))
            }
            Assignment::Inconsistent { .. } => out.push(format!("表{n} {k:?}: the seed's row does not add up")),
            _ => {}
        }
        if !sr.values.is_empty() && parent_key(built, br) != parent_key(seed, sr) {
            out.push(format!("表{n} {k:?}: parent {:?} ≠ seed {:?}", parent_key(built, br), parent_key(seed, sr)));
        }
    }
    // The rows both have, in the same order within each panel.
    let order = |t: &Table, other: &BTreeMap<Key, usize>| -> Vec<Key> {
        t.rows.iter().map(key).filter(|k| other.contains_key(k)).collect()
    };
    let (bo, so) = (order(built, &si), order(seed, &bi));
    for panel in 0..2u8 {
        let b: Vec<_> = bo.iter().filter(|k| k.panel == panel).collect();
        let s: Vec<_> = so.iter().filter(|k| k.panel == panel).collect();
        if b != s {
            out.push(format!("表{n} panel {panel}: row order {b:?} ≠ seed {s:?}"));
        }
    }
    let statement = |t: &Table| t.empty_statement.as_ref().map(|s| fold_name(&s.value));
    if statement(built) != statement(seed) {
        out.push(format!("表{n}: empty statement {:?} ≠ seed {:?}", statement(built), statement(seed)));
    }
    out
}

#[test]
fn the_example_loads_without_errors() {
    let b = example();
    assert_eq!(b.data.department.name, "昌吉回族自治州人力资源和社会保障服务中心");
    assert_eq!(b.items.len(), 51);
    assert_eq!(b.data.projects.len(), 8);
    assert!(b.data.projects.iter().all(|p| !p.indicators.is_empty()));
}

#[test]
fn every_table_equals_the_seeds_cell_by_cell() {
    let budget = example();
    let built = tables(&budget, Catalog::shared_builtin());
    let seed = read_str(SEED);
    assert_eq!(built.len(), 11);
    let mut all = Vec::new();
    for n in 1..=11u32 {
        let b = built.iter().find(|t| t.number == Some(n)).unwrap_or_else(|| panic!("表{n} not built"));
        let s = seed.tables.iter().find(|t| t.number == Some(n)).unwrap_or_else(|| panic!("表{n} not read"));
        assert_eq!(b.kind, s.kind, "表{n}");
        all.extend(differences(b, s));
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
