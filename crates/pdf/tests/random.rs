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

#[path = "common/random_budget.rs"]
mod random_budget;
use random_budget::budget;

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
