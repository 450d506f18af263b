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

/// Amounts in 分 → 万元 with `dp` places, half away from zero, as printed.
fn wan(fen: i64, dp: u32) -> String {
    use rust_decimal::{Decimal, RoundingStrategy};
    let mut d = (Decimal::new(fen, 2) / Decimal::new(10_000, 0))
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(dp);
    d.to_string()
}

fn percent(change: i64, prior: i64) -> String {
    use rust_decimal::{Decimal, RoundingStrategy};
    let mut d = (Decimal::new(change, 0) * Decimal::new(100, 0) / Decimal::new(prior, 0))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    d.rescale(2);
    d.to_string()
}

#[test]
fn last_years_figures_give_the_narratives_changes_and_rates() {
    use yusuan_builder::data::{Kind, Source};
    let b = example();
    let sum = |f: &dyn Fn(&yusuan_builder::load::Item) -> bool| -> i64 {
        b.items.iter().filter(|i| f(i)).map(|i| i.amount.0).sum()
    };
    let general = |code: &str| {
        let code = code.to_string();
        sum(&move |i| i.source.is_general() && i.function.as_str().starts_with(&code))
    };
    let econ = |codes: &[&str]| {
        let codes: Vec<String> = codes.iter().map(|c| c.to_string()).collect();
        sum(&move |i| i.source.is_fiscal() && codes.iter().any(|c| c == i.econ.as_str()))
    };
    // (key, this year, change and rate as the seed's narrative prints them)
    let cases: Vec<(&str, i64, &str, &str)> = vec![
        ("general_budget", sum(&|i| i.source.is_general()), "54.84", "8.30"),
        ("unit_funds", sum(&|i| i.source.is_unit_funds()), "-150.00", "-39.47"),
        ("basic", sum(&|i| i.kind != Kind::Project), "116.84", "35.23"),
        ("project", sum(&|i| i.kind == Kind::Project), "-155.67", "-20.55"),
        ("general_basic", sum(&|i| i.source.is_general() && i.kind != Kind::Project), "116.84", "35.23"),
        ("general_project", sum(&|i| i.source.is_general() && i.kind == Kind::Project), "-62.00", "-18.84"),
        ("function.2080101", general("2080101"), "81.07", "33.99"),
        ("function.2080199", general("2080199"), "-103.00", "-31.31"),
        ("function.2080501", general("2080501"), "0.20", "66.67"),
        ("function.2080505", general("2080505"), "12.10", "36.50"),
        ("function.2080506", general("2080506"), "6.05", "36.50"),
        ("function.2101101", general("2101101"), "3.03", "24.47"),
        ("function.2101102", general("2101102"), "3.72", "105.77"),
        ("function.2101103", general("2101103"), "0.38", "36.50"),
        ("function.2101199", general("2101199"), "0.04", "31.82"),
        ("function.2210201", general("2210201"), "10.25", "39.27"),
        ("three_public.vehicle_operation", econ(&["30231"]), "2.00", "90.91"),
        // The seed prints 87.53%, which its own parts contradict (a slip): 2.00 / 2.29.
        ("three_public", econ(&["30212", "30217", "30231", "31013"]), "2.00", "87.34"),
        ("agency_running_costs", sum(&|i| i.source.is_general() && i.kind == Kind::Operating), "7.44", "28.39"),
    ];
    let mut wrong = Vec::new();
    for (k, now, change, rate) in cases {
        let prior = b.prior.get(k).unwrap_or_else(|| panic!("no prior {k}")).0;
        let got = (wan(now - prior, 2), percent(now - prior, prior));
        if got != (change.to_string(), rate.to_string()) {
            wrong.push(format!("{k}: {got:?} ≠ seed ({change}, {rate})"));
        }
    }
    // Shares of the whole as section 二 and 三 print them.
    let total = sum(&|_| true);
    for (what, part, share) in [
        ("general_budget", sum(&|i| i.source.is_general()), "68.11"),
        ("unit_funds", sum(&|i| i.source.is_unit_funds()), "21.89"),
        ("carry_over", sum(&|i| i.source == Source::CarryOverUnit), "10.00"),
        ("basic", sum(&|i| i.kind != Kind::Project), "42.69"),
        ("project", sum(&|i| i.kind == Kind::Project), "57.31"),
    ] {
        if percent(part, total) != share {
            wrong.push(format!("share of {what}: {} ≠ seed {share}", percent(part, total)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The leading number of a factor (`200元/人/天` → 200).
fn leading(text: &str) -> rust_decimal::Decimal {
    let n: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    n.parse().unwrap_or_else(|_| panic!("factor {text}"))
}

#[test]
fn projects_allocations_and_assets_add_up() {
    use rust_decimal::Decimal;
    use yusuan_builder::load::amount;
    let b = example();
    let fen = |t: &str| amount(t).unwrap_or_else(|e| panic!("{t}: {e:?}")).0;
    for p in &b.data.projects {
        let name = p.name.get_ref();
        let spent: i64 = b
            .items
            .iter()
            .filter(|i| i.project.as_deref() == Some(name.as_str()) && i.source.is_general())
            .map(|i| i.amount.0)
            .sum();
        if p.allocation.is_empty() {
            continue;
        }
        let allocated: i64 = p.allocation.iter().map(|a| fen(a.amount.get_ref())).sum();
        assert_eq!(allocated, spent, "{name}: allocation ≠ its items");
        for a in p.allocation.iter().filter(|a| !a.factors.is_empty()) {
            // Every factor here is in 元 or a count: the product is the amount in 元.
            let product: Decimal = a.factors.iter().map(|f| leading(f)).product();
            assert_eq!(product * Decimal::new(100, 0), Decimal::new(fen(a.amount.get_ref()), 0), "{}", a.name);
        }
    }
    // The 30-day slip is put right: 200元/人/天 × 15人 × 10天 = 3万元.
    let meals = b.data.projects.iter().flat_map(|p| &p.allocation).find(|a| a.name.contains("专家食宿")).unwrap();
    assert_eq!(meals.factors, ["200元/人/天", "15人", "10天"]);
    // Vehicles: the parts make the total (the seed's 其他车辆 1辆 was a slip).
    let cars = b.data.assets.categories.iter().find(|c| c.name == "车辆").unwrap();
    let count = |c: &Option<String>| leading(c.as_deref().unwrap());
    assert_eq!(cars.parts.iter().map(|p| count(&p.count)).sum::<Decimal>(), count(&cars.count));
    let value = |v: &Option<toml::Spanned<String>>| fen(v.as_ref().unwrap().get_ref());
    assert_eq!(cars.parts.iter().map(|p| value(&p.value)).sum::<i64>(), value(&cars.value));
    // Procurement: goods + works + services, all reserved for SMEs.
    let pr = &b.data.procurement;
    let parts = [&pr.goods, &pr.works, &pr.services].iter().map(|v| value(v)).sum::<i64>();
    assert_eq!(parts, value(&pr.sme_reserved));
    assert_eq!(parts, fen("157.49万元"));
}

// ---- Validation: what is wrong is named by line and field. ----------------------------------

/// 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in the text"));
    text[..at].matches('\n').count() + 1
}

/// The example with `from` replaced once (it must occur exactly once).
fn with(from: &str, to: &str) -> String {
    assert_eq!(EXAMPLE.matches(from).count(), 1, "{from}");
    EXAMPLE.replacen(from, to, 1)
}

fn errors(text: &str, catalog: &Catalog) -> Vec<DataError> {
    match from_toml(text, FILE, catalog) {
        Ok(_) => panic!("the mutated example loads"),
        Err(e) => e,
    }
}

#[test]
fn a_code_the_complete_catalog_lacks_is_named_with_its_line() {
    // An official, complete catalog: the shipped entries and the example's own names.
    let mut catalog = Catalog::builtin();
    for (code, name) in &example().data.names {
        catalog.insert(Code::parse(code).unwrap(), name);
    }
    catalog.complete = true;
    assert!(from_toml(EXAMPLE, FILE, &catalog).is_ok());
    let from = "econ = \"30239\"            # 其他交通费用";
    let text = with(from, "econ = \"30238\"            # 其他交通费用");
    let errs = errors(&text, &catalog);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("econ", Some(line_of(&text, "\"30238\""))));
    assert!(errs[0].message("zh").contains("302 38 不在所用的科目目录中"), "{}", errs[0].message("zh"));
    assert!(errs[0].message("zh").starts_with(&format!("{FILE} 第 {} 行", line_of(&text, "\"30238\""))));
}

#[test]
fn a_code_of_the_wrong_length_is_named_with_its_line() {
    let from = "function = \"2080108\"      # 信息化建设";
    let text = with(from, "function = \"20801\"      # 信息化建设");
    let errs = errors(&text, Catalog::shared_builtin());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("function", Some(line_of(&text, "\"20801\"      #"))));
    assert!(errs[0].en.contains("7-digit"), "{}", errs[0].en);
}

#[test]
fn an_amount_that_does_not_parse_is_named_with_its_line() {
    let text = with("amount = \"83.10万元\"", "amount = \"83.1.0万元\"");
    let errs = errors(&text, Catalog::shared_builtin());
    // The bad item is dropped, so no other figure is checked against it; only its own error.
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("amount", Some(line_of(&text, "83.1.0"))));
    assert!(errs[0].zh.contains("83.1.0万元"), "{}", errs[0].zh);
}

#[test]
fn a_project_without_targets_is_named_with_its_line() {
    // 考务费 keeps its description but loses every indicator.
    let start = EXAMPLE.find("name = \"考务费\"").unwrap();
    // 考务费 is the last project: its indicators end where [targets] begins.
    let end = start + EXAMPLE[start..].find("\n[targets]").unwrap();
    let kept: String = EXAMPLE[start..end].split("[[projects.indicators]]").next().unwrap().to_string();
    let text = format!("{}{}{}", &EXAMPLE[..start], kept, &EXAMPLE[end..]);
    let errs = errors(&text, Catalog::shared_builtin());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("indicators", Some(line_of(&text, "name = \"考务费\""))));
    assert!(errs[0].zh.contains("考务费"), "{}", errs[0].zh);
}

#[test]
fn a_project_spent_on_but_not_described_is_named_with_its_line() {
    let from = "project = \"考务费\"\namount = \"205.00万元\"";
    let text = with(from, "project = \"考务费用\"\namount = \"205.00万元\"");
    let errs = errors(&text, Catalog::shared_builtin());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("projects", Some(line_of(&text, "\"考务费用\""))));
}

#[test]
fn a_prior_key_that_names_nothing_is_named_with_its_line() {
    let text = with("\"function.2080108\" = \"0.00万元\"", "\"function.2080109\" = \"0.00万元\"");
    let errs = errors(&text, Catalog::shared_builtin());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].field.as_str(), errs[0].line), ("prior", Some(line_of(&text, "function.2080109"))));
}
