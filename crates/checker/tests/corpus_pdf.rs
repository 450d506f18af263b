//! The real disclosures of `fixtures/corpus/` read straight from their PDFs by yusuan's own PDF
//! reader (glyph positions, ruled cells): every table and figure as read from their
//! `pdftotext -layout` text (which `corpus.rs` pins figure by figure), every figure in the same
//! column, the same findings, and every finding located on a page.

use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::origin::{At, Place};
use yusuan_model::table::Table;
use yusuan_model::{Catalog, Disclosure};
use yusuan_readers::open::{open, Format};
use yusuan_readers::text::read_str;

fn corpus(name: &str) -> String {
    format!("{}/../../fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn from_pdf(name: &str) -> Disclosure {
    let bytes = std::fs::read(corpus(&format!("{name}.pdf"))).expect("corpus PDF");
    let opened =
        open(&format!("{name}.pdf"), &bytes, Catalog::shared_builtin()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(opened.format, Format::Pdf);
    if let Ok(dir) = std::env::var("YUSUAN_DUMP_DIR") {
        std::fs::write(format!("{dir}/{name}.ours.txt"), &opened.text).expect("dump");
    }
    opened.disclosure
}

fn from_text(name: &str) -> Disclosure {
    read_str(&std::fs::read_to_string(corpus(&format!("{name}.layout.txt"))).expect("corpus text"))
}

/// Each row with values: panel, code or key or name, and the value in each column.
fn cells(t: &Table) -> Vec<(u8, String, Vec<Option<String>>)> {
    let mut rows: Vec<_> = t
        .rows
        .iter()
        .filter(|r| !r.values.is_empty())
        .map(|r| {
            let key = r.code.as_ref().map(|c| c.to_string()).or(r.fixed.clone()).unwrap_or(r.name.value.clone());
            (r.panel, key, (0..14).map(|c| r.cell(c).map(|v| v.value.value.to_string())).collect())
        })
        .collect();
    rows.sort();
    rows
}

fn report(d: &Disclosure) -> Report {
    check(d, &Config::default(), Catalog::shared_builtin())
}

/// Rule, severity and what was found, of every finding but info.
fn findings(r: &Report) -> Vec<(&str, Severity, String)> {
    let mut v: Vec<_> = r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| (f.rule, f.severity, f.actual.clone().unwrap_or_default()))
        .collect();
    v.sort();
    v
}

fn same_as_text(name: &str) {
    let pdf = from_pdf(name);
    let text = from_text(name);
    assert_eq!(pdf.document, text.document, "{name}: document kind");
    let kinds = |d: &Disclosure| d.tables.iter().map(|t| t.kind.clone()).collect::<Vec<_>>();
    assert_eq!(kinds(&pdf), kinds(&text), "{name}: tables");
    for t in &text.tables {
        let p = pdf.table(&t.kind).expect("table");
        assert_eq!(cells(p), cells(t), "{name}: {}", t.kind);
        assert!(p.rows.iter().all(|r| r.is_resolved()), "{name}: {} has unplaced rows", t.kind);
    }
    // Narrative facts are compared where they are pinned (`czj_items_from_pdf`): the PDF's text
    // is wrapped where the page wraps, pdftotext's sometimes mid-figure, so counts differ.
    let (rp, rt) = (report(&pdf), report(&text));
    assert_eq!(findings(&rp), findings(&rt), "{name}: findings");
    // Every finding points at a page, and a figure's at its box on it.
    let map = pdf.source_map.as_ref().expect("source map");
    for f in &rp.findings {
        let loc = map.locate(f.span).unwrap_or_else(|| panic!("{name}: {} at {} not located", f.rule, f.span));
        assert!(matches!(loc.place, Place::Page(p) if p >= 1));
    }
    for t in &pdf.tables {
        for r in &t.rows {
            for v in &r.values {
                let loc = map.locate(v.span).expect("figure located");
                assert!(matches!(loc.at, Some(At::Box(_))), "{name}: {} {} has no box", t.kind, v.value);
            }
        }
    }
}

#[test]
fn czj_from_pdf() {
    same_as_text("shpt-czj-2024-final");
}

#[test]
fn czj_planted_errors_from_pdf() {
    same_as_text("shpt-czj-2024-final-planted-errors");
}

#[test]
fn ghzy_from_pdf() {
    same_as_text("shpt-ghzy-2024-final");
}

#[test]
fn shgzb_from_pdf() {
    same_as_text("shpt-shgzb-2024-final");
}

#[test]
fn template_from_pdf() {
    same_as_text("final-accounts-template");
}

#[test]
fn wljd_budget_from_pdf() {
    same_as_text("shpt-wljd-2024-budget");
}

/// The unit budget's PDF pins every figure its text leaves open (five income columns, two of them
/// empty): the same findings as its text, each on its page.
#[test]
fn flyy_unit_budget_from_pdf() {
    let name = "shpt-flyy-2024-unit-budget";
    let pdf = from_pdf(name);
    let rp = report(&pdf);
    assert_eq!(findings(&rp), findings(&report(&from_text(name))));
    assert_eq!(
        findings(&rp),
        vec![("N001", Severity::Error, "738.66万元".to_string()), ("W006", Severity::Warning, String::new())]
    );
    let map = pdf.source_map.as_ref().expect("source map");
    for f in &rp.findings {
        let loc = map.locate(f.span).unwrap_or_else(|| panic!("{} at {} not located", f.rule, f.span));
        assert!(matches!(loc.place, Place::Page(p) if p >= 1));
    }
}

/// 五（三） of czj, item by item as the PDF prints them: each 项's 年初预算 and 支出决算.
#[test]
fn czj_items_from_pdf() {
    use yusuan_model::narrative::Subject;
    let d = from_pdf("shpt-czj-2024-final");
    let seen: Vec<(String, String, Vec<String>)> = d
        .narrative
        .facts
        .iter()
        .filter_map(|f| match &f.subject {
            Subject::Function(fi) if fi.item.is_some() => Some((
                fi.item.clone().unwrap_or_default(),
                f.amount.as_ref().map(|a| a.value.value.to_string()).unwrap_or_default(),
                f.budgets.iter().map(|b| b.amount.value.value.to_string()).collect(),
            )),
            _ => None,
        })
        .collect();
    let want = [
        ("行政运行", "1511.89", "1560.05"),
        ("一般行政管理事务", "10.00", "10.00"),
        ("信息化建设", "135.25", "135.90"),
        ("财政委托业务支出", "449.52", "450.52"),
        ("行政单位离退休", "84.65", "85.55"),
        ("机关事业单位基本养老保险缴费支出", "160.75", "161.62"),
        ("机关事业单位职业年金缴费支出", "80.38", "80.81"),
        ("其他行政事业单位养老支出", "0.94", "0.94"),
        ("行政单位医疗", "60.99", "62.29"),
        ("住房公积金", "187.19", "187.75"),
        ("购房补贴", "258.50", "258.50"),
    ];
    for (item, actual, budget) in want {
        assert!(
            seen.iter().any(|(i, a, b)| i == item && a == actual && b.iter().any(|x| x == budget)),
            "{item}: {actual} against {budget} not read; read {seen:#?}"
        );
    }
}
