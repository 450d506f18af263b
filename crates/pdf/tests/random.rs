//! Budgets of random shape through the PDF: built, typeset, extracted with `pdftotext -layout`,
//! read back and checked — no errors, and every table's figures read back as built.

use std::process::Command;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config, Severity};
use yusuan_model::registry::schema;
use yusuan_model::Catalog;
use yusuan_pdf::{render_pdf, Fonts};
use yusuan_readers::text::read_str;

/// A small deterministic generator (no shared state, no floats): the same seeds, the same budgets.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

const SOURCES: [&str; 9] = [
    "general_budget",
    "general_transfer",
    "government_fund",
    "state_capital",
    "special_account",
    "other_income",
    "business_income",
    "carry_over_general",
    "carry_over_unit",
];
const ECON: [(&str, &str); 6] = [
    ("30101", "personnel"),
    ("30108", "personnel"),
    ("30113", "personnel"),
    ("30201", "operating"),
    ("30217", "operating"),
    ("30231", "operating"),
];

fn budget(seed: u64) -> String {
    let mut r = Lcg(seed);
    let functions: Vec<String> = (0..1 + r.next(12))
        .map(|_| format!("{}{:02}{:02}", 201 + r.next(33), 1 + r.next(20), 1 + r.next(50)))
        .collect();
    // Names carry no digits, as real names do not (a digit beside a name reads as a figure).
    const STEMS: [&str; 6] = ["甲", "乙", "丙", "丁", "戊", "己"];
    let mut s = format!("[department]\nname = \"随机单位{}\"\nyear = 2025\n[names]\n", STEMS[seed as usize % 6]);
    let mut named = std::collections::BTreeSet::new();
    for f in &functions {
        for c in [&f[..3], &f[..5], &f[..]] {
            if named.insert(c.to_string()) {
                // Names have no digits, as real ones: 208 → 科目二零八.
                let name: String = c
                    .chars()
                    .map(|d| "零一二三四五六七八九".chars().nth(d as usize - '0' as usize).unwrap_or('〇'))
                    .collect();
                s.push_str(&format!("\"{c}\" = \"科目{name}\"\n"));
            }
        }
    }
    let mut projects = std::collections::BTreeSet::new();
    for _ in 0..1 + r.next(25) {
        let function = &functions[r.next(functions.len() as u64) as usize];
        let (econ, kind) = ECON[r.next(ECON.len() as u64) as usize];
        let source = SOURCES[r.next(SOURCES.len() as u64) as usize];
        let fen = 100_000 + r.next(900_000_000);
        let project = (r.next(3) == 0).then(|| format!("{}项目", STEMS[r.next(6) as usize]));
        s.push_str(&format!(
            "[[items]]\nfunction = \"{function}\"\necon = \"{}\"\nsource = \"{source}\"\nkind = \"{}\"\namount = \"{}.{:02}元\"\n",
            if project.is_some() { "30227" } else { econ },
            if project.is_some() { "project" } else { kind },
            fen / 100,
            fen % 100
        ));
        if let Some(p) = project {
            s.push_str(&format!("project = \"{p}\"\n"));
            projects.insert(p);
        }
    }
    if r.next(2) == 0 {
        s.push_str(&format!("[prior]\ngeneral_budget = \"{}.00元\"\nbasic = \"0.00元\"\n", r.next(9_000_000)));
    }
    for p in projects {
        s.push_str(&format!(
            "[[projects]]\nname = \"{p}\"\n[[projects.indicators]]\nlevel1 = \"产出指标\"\nlevel2 = \"数量指标\"\nname = \"次数\"\nvalue = \"≥1次\"\nweight = \"90\"\n"
        ));
    }
    s
}

/// Rows by panel and key (tables 1 and 4 print their two panels side by side, so the order rows
/// are read in interleaves them).
fn figures(t: &yusuan_model::table::Table) -> Vec<(u8, String, Option<String>, Vec<rust_decimal::Decimal>)> {
    let mut rows: Vec<_> = t
        .rows
        .iter()
        .map(|r| {
            let key = r.code.as_ref().map(|c| c.to_string()).or(r.fixed.clone()).unwrap_or(r.name.value.clone());
            (
                r.panel,
                key,
                r.project.as_ref().map(|p| p.value.clone()),
                r.values.iter().map(|v| v.value.value).collect(),
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn random_budgets_survive_the_pdf() {
    let have_pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    let Ok(fonts) = Fonts::system() else {
        println!("skipped: no CJK fonts (install fonts-noto-cjk)");
        return;
    };
    if !have_pdftotext {
        println!("skipped: pdftotext not installed (poppler-utils)");
        return;
    }
    let catalog = Catalog::shared_builtin();
    let dir = std::env::temp_dir().join(format!("yusuan-pdf-random-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for seed in 1..=6u64 {
        let text = budget(seed);
        let data = from_toml(&text, "budget.toml", catalog).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        let built = build(&data, catalog).disclosure;
        let pdf = render_pdf(&built, &fonts).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.join(format!("{seed}.pdf"));
        std::fs::write(&path, pdf).expect("write pdf");
        let out = Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().expect("pdftotext");
        let by_poppler = read_str(&String::from_utf8_lossy(&out.stdout));
        let ours = yusuan_readers::pdf::read(&std::fs::read(&path).expect("pdf"), catalog)
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"))
            .disclosure;
        for (how, read) in [("pdftotext -layout", &by_poppler), ("yusuan's PDF reader", &ours)] {
            let errors: Vec<String> = check(read, &Config::default(), catalog)
                .findings
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| format!("{} {}", f.rule, f.message.zh))
                .collect();
            assert!(errors.is_empty(), "seed {seed}, {how}: {errors:#?}\n{text}");
            for t in &built.tables {
                let back =
                    read.table(&t.kind).unwrap_or_else(|| panic!("seed {seed}, {how}: {} not read back", t.kind));
                assert_eq!(figures(back), figures(t), "seed {seed}, {how}: {}", t.kind);
            }
        }
        // The PDF's ruled cells pin every figure of the one-panel tables to its column: each
        // row's cells stand in the columns the builder put them in.
        for t in built.tables.iter().filter(|t| schema(&t.kind).is_some_and(|s| s.panels.len() == 1)) {
            let back = ours.table(&t.kind).expect("read");
            let ncols = schema(&t.kind).map_or(0, |s| s.panels[0].columns.len());
            let columns = |t: &yusuan_model::table::Table| {
                let mut rows: Vec<_> = t
                    .rows
                    .iter()
                    .map(|r| {
                        let key =
                            r.code.as_ref().map(|c| c.to_string()).or(r.fixed.clone()).unwrap_or(r.name.value.clone());
                        (key, (0..ncols).map(|c| r.cell(c).map(|v| v.value.value)).collect::<Vec<_>>())
                    })
                    .collect();
                rows.sort();
                rows
            };
            assert_eq!(columns(back), columns(t), "seed {seed}: {} columns", t.kind);
        }
    }
    std::fs::remove_dir_all(dir).ok();
}
