//! The example built in each shipped budget form (`build --form`), typeset and read back by
//! yusuan's PDF reader: read in the form it was built in, every table with the figures built,
//! and no error.

use yusuan_builder::build::build_in;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config, Severity};
use yusuan_model::registry;
use yusuan_model::table::{DocumentKind, Table};
use yusuan_model::Catalog;
use yusuan_pdf::{render_pdf, Fonts};

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

/// The figures of a table, sorted, as exact decimals without trailing zeros.
fn figures(t: &Table) -> Vec<String> {
    let mut v: Vec<String> =
        t.rows.iter().flat_map(|r| r.values.iter().map(|c| c.value.value.normalize().to_string())).collect();
    v.sort();
    v
}

#[test]
fn the_example_in_every_budget_form_reads_back_from_its_pdf() {
    let catalog = Catalog::shared_builtin();
    let fonts = Fonts::system().unwrap_or_else(|e| panic!("{e}"));
    // The Shanghai forms print no carry-over: the example's is counted as income of the year.
    let text = EXAMPLE.replace("source = \"carry_over_unit\"", "source = \"other_income\"");
    let budget = from_toml(&text, "budget.toml", catalog).unwrap_or_else(|e| panic!("{e:?}"));
    for form in registry::registry().forms().iter().filter(|f| f.document == DocumentKind::Budget) {
        let built = build_in(form, &budget, catalog).unwrap_or_else(|e| panic!("{}: {e}", form.id)).disclosure;
        let bytes = render_pdf(&built, &fonts).unwrap_or_else(|e| panic!("{}: {e}", form.id));
        let back = yusuan_readers::open::open("d.pdf", &bytes, catalog)
            .unwrap_or_else(|e| panic!("{}: {e}", form.id))
            .disclosure;
        assert_eq!(back.form.as_deref(), Some(form.id));
        let kinds = |d: &yusuan_model::Disclosure| d.tables.iter().map(|t| t.kind.clone()).collect::<Vec<_>>();
        assert_eq!(kinds(&back), kinds(&built), "{}", form.id);
        for (b, r) in built.tables.iter().zip(&back.tables) {
            assert_eq!(figures(r), figures(b), "{}: {}", form.id, b.kind);
        }
        let report = check(&back, &Config::default(), catalog);
        // The PDF gives every figure its text gives.
        let text_back = yusuan_readers::text::read_str(&yusuan_renderers::render_text(&built));
        let from_text = check(&text_back, &Config::default(), catalog).coverage.figures;
        assert_eq!(report.coverage.figures, from_text, "{}: figures from the PDF and from the text", form.id);
        let errors: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| format!("{} {}", f.rule, f.message.zh))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", form.id);
    }
}
