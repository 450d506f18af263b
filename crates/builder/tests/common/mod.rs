//! Random departments for the builder's property tests: a strategy and the budget data it
//! stands for, as TOML.
#![allow(dead_code)] // Each test file uses part of it.

use proptest::prelude::*;
use yusuan_model::Catalog;

/// A random department: its functional items (class, section, item numbers), economic items
/// (indices into the catalog's 款 of 301/302/303), line items over them, and last year's figures.
#[derive(Debug, Clone)]
pub struct Department {
    functions: Vec<(u16, u8, u8)>,
    econ: Vec<usize>,
    items: Vec<(usize, usize, usize, usize, u64)>,
    priors: Vec<(usize, u64)>,
}

pub const SOURCES: [&str; 17] = [
    "general_budget",
    "general_transfer",
    "government_fund",
    "government_fund_transfer",
    "state_capital",
    "state_capital_transfer",
    "special_account",
    "business_income",
    "upper_subsidy",
    "affiliate_remittance",
    "operating_income",
    "other_income",
    "carry_over_general",
    "carry_over_fund",
    "carry_over_capital",
    "carry_over_special",
    "carry_over_unit",
];

pub fn department() -> impl Strategy<Value = Department> {
    (
        proptest::collection::vec((201u16..235, 1u8..30, 1u8..99), 1..=40),
        proptest::collection::vec(0usize..1000, 1..=30),
        proptest::collection::vec((0usize..1000, 0usize..1000, 0usize..17, 0usize..1000, 1u64..2_000_000_000), 1..60),
        proptest::collection::vec((0usize..1000, 0u64..2_000_000_000), 0..12),
    )
        .prop_map(|(functions, econ, items, priors)| Department { functions, econ, items, priors })
}

/// The budget data of a random department, as TOML, its items' money from `sources` (an index
/// into them taken modulo their number).
pub fn budget_text(d: &Department, sources: &[&str]) -> String {
    // Economic 款 of basic spending that the shipped catalog knows, with the kind they are.
    let catalog = Catalog::shared_builtin();
    let econ_codes: Vec<(String, &str)> = catalog
        .entries()
        .filter(|e| e.code.as_str().len() == 5 && ["301", "302", "303"].contains(&&e.code.as_str()[..3]))
        .map(|e| (e.code.to_string(), if e.code.as_str().starts_with("302") { "operating" } else { "personnel" }))
        .collect();
    let mut s = String::from("[department]\nname = \"某某中心\"\nyear = 2025\n[names]\n");
    let code = |(c, sec, it): (u16, u8, u8)| format!("{c}{sec:02}{it:02}");
    let mut named = std::collections::BTreeSet::new();
    for f in &d.functions {
        let item = code(*f);
        for c in [item[..3].to_string(), item[..5].to_string(), item.clone()] {
            if named.insert(c.clone()) {
                s.push_str(&format!("\"{c}\" = \"科目{c}\"\n"));
            }
        }
    }
    let mut projects = std::collections::BTreeSet::new();
    let mut body = String::new();
    for &(f, e, src, proj, fen) in &d.items {
        let function = code(d.functions[f % d.functions.len()]);
        let (econ, kind) = &econ_codes[d.econ[e % d.econ.len()] % econ_codes.len()];
        // About one item in three is project money, of one of up to 20 projects.
        let project = (proj % 3 == 0).then(|| format!("项目{}", proj % 20));
        body.push_str(&format!(
            "[[items]]\nfunction = \"{function}\"\necon = \"{econ}\"\nsource = \"{}\"\nkind = \"{}\"\namount = \"{}.{:02}元\"\n",
            sources[src % sources.len()],
            if project.is_some() { "project" } else { kind },
            fen / 100,
            fen % 100
        ));
        if let Some(p) = project {
            body.push_str(&format!("project = \"{p}\"\n"));
            projects.insert(p);
        }
    }
    s.push_str(&body);
    // Last year's figures, zero or not, for keys the budget has.
    const KEYS: [&str; 8] = [
        "general_budget",
        "unit_funds",
        "basic",
        "project",
        "three_public",
        "agency_running_costs",
        "general_basic",
        "personnel",
    ];
    if !d.priors.is_empty() {
        s.push_str("[prior]\n");
        let mut seen = std::collections::BTreeSet::new();
        for &(k, fen) in &d.priors {
            let key = if k % 2 == 0 {
                KEYS[k / 2 % KEYS.len()].to_string()
            } else {
                // A functional item some line item is under (the data rejects others).
                let item = d.items[k % d.items.len()].0;
                format!("\"function.{}\"", code(d.functions[item % d.functions.len()]))
            };
            if seen.insert(key.clone()) {
                s.push_str(&format!("{key} = \"{}.{:02}元\"\n", fen / 100 * (k as u64 % 3), fen % 100));
            }
        }
    }
    for p in projects {
        s.push_str(&format!(
            "[[projects]]\nname = \"{p}\"\n[[projects.indicators]]\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"次数\"\nvalue = \"≥1次\"\nweight = \"90\"\n"
        ));
    }
    s
}
