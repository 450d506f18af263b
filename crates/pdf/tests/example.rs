//! The example's PDF: it compiles to the expected number of A4 pages; with poppler-utils present
//! (CI installs it) every page renders (`pdftoppm`), every glyph is mapped (`pdftotext` gives the
//! department, every table title and amounts, never U+FFFD), and `pdftotext -layout` read back
//! by the text reader gives every table with the figures the builder built.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_model::{Catalog, Disclosure};
use yusuan_pdf::{page_count, render_pdf, Fonts};
use yusuan_readers::text::read_str;

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

/// The pages of the example's PDF (cover, contents, parts, tables, narrative, performance,
/// glossary).
const PAGES: usize = 29;

fn built() -> &'static Disclosure {
    static BUILT: OnceLock<Disclosure> = OnceLock::new();
    BUILT.get_or_init(|| {
        let catalog = Catalog::shared_builtin();
        let budget = from_toml(EXAMPLE, "budget.toml", catalog).unwrap_or_else(|e| panic!("{}", e.len()));
        build(&budget, catalog).disclosure
    })
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::system().unwrap_or_else(|e| panic!("{e}")))
}

/// The example's PDF, written once to a temporary file.
fn pdf() -> &'static Path {
    static PDF: OnceLock<PathBuf> = OnceLock::new();
    PDF.get_or_init(|| {
        let bytes = render_pdf(built(), fonts()).unwrap_or_else(|e| panic!("{e}"));
        assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
        let dir = std::env::temp_dir().join(format!("yusuan-pdf-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("disclosure.pdf");
        std::fs::write(&path, bytes).expect("write the PDF");
        if let Ok(keep) = std::env::var("YUSUAN_DUMP_PDF") {
            std::fs::copy(&path, keep).expect("dump");
        }
        path
    })
}

/// Whether a poppler tool runs here; when not, the test says so and passes.
fn have(tool: &str) -> bool {
    let ok = Command::new(tool).arg("-v").output().is_ok();
    if !ok {
        println!("{tool} not found (Debian: poppler-utils): skipped");
    }
    ok
}

fn pdftotext(layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let out = cmd.arg(pdf()).arg("-").output().expect("pdftotext");
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

#[test]
fn the_example_has_its_pages() {
    let pages = page_count(built(), fonts()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(pages, PAGES);
}

#[test]
fn every_page_renders() {
    if !have("pdftoppm") {
        return;
    }
    let dir = pdf().parent().expect("dir").join("pages");
    std::fs::create_dir_all(&dir).expect("pages dir");
    let out =
        Command::new("pdftoppm").args(["-png", "-r", "20"]).arg(pdf()).arg(dir.join("p")).output().expect("pdftoppm");
    assert!(out.status.success(), "pdftoppm: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "pdftoppm complained: {}", String::from_utf8_lossy(&out.stderr));
    let pngs = std::fs::read_dir(&dir)
        .expect("pages")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "png")))
        .count();
    assert_eq!(pngs, PAGES);
}

#[test]
fn every_glyph_is_mapped() {
    if !have("pdftotext") {
        return;
    }
    let text = pdftotext(false);
    let d = built();
    let department = &d.department.as_ref().expect("department").value;
    assert!(text.contains(department.as_str()), "the department's name is missing");
    for t in &d.tables {
        let title: String = t.title.value.chars().filter(|c| !c.is_whitespace()).collect();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squeezed.contains(&title), "table title {title} is missing");
    }
    for figure in ["1,050.52", "第一部分", "第四部分 名词解释", "绩效目标表"] {
        assert!(text.contains(figure), "{figure} is missing");
    }
    assert!(!text.contains('\u{fffd}'), "a replacement character: a glyph without its Unicode mapping");
    assert!(!text.contains(".notdef"));
    // Every character is one the fonts cover (an unmapped glyph extracts as nothing or U+FFFD,
    // so also compare the CJK character count with the model's own text).
    let cjk = |s: &str| s.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
    assert!(cjk(&text) > 5000, "only {} CJK characters extracted", cjk(&text));
}

/// A row as compared: panel, code or declared key, and its printed values in order.
type Figures = (u8, String, Vec<String>);

/// Each table's rows with figures, in a stable order (side-by-side panels print their rows on
/// shared lines, so the order read back is by line, not by panel).
fn figures(d: &Disclosure) -> Vec<(Option<u32>, Vec<Figures>)> {
    d.tables
        .iter()
        .map(|t| {
            let mut rows: Vec<Figures> = t
                .rows
                .iter()
                .filter(|r| !r.values.is_empty())
                .map(|r| {
                    let key = r.code.as_ref().map(|c| c.as_str().to_string()).or(r.fixed.clone()).unwrap_or_default();
                    (r.panel, key, r.values.iter().map(|c| c.value.value.to_string()).collect())
                })
                .collect();
            rows.sort();
            (t.number, rows)
        })
        .collect()
}

#[test]
fn pdftotext_layout_reads_back_to_the_built_tables() {
    if !have("pdftotext") {
        return;
    }
    let text = pdftotext(true);
    if let Ok(path) = std::env::var("YUSUAN_DUMP_TEXT") {
        std::fs::write(path, &text).expect("dump");
    }
    let back = read_str(&text);
    let built = figures(built());
    let read = figures(&back);
    for (number, rows) in &built {
        let got =
            read.iter().find(|(n, _)| n == number).unwrap_or_else(|| panic!("table {number:?} was not read back"));
        assert_eq!(&got.1, rows, "table {number:?}");
    }
}

/// yusuan's own PDF reader (positions, ruled cells) on the example's PDF: every table with the
/// figures built, each in the column it was built in, no error, and findings located on pages.
#[test]
fn our_pdf_reader_reads_back_the_built_tables_in_their_columns() {
    let bytes = std::fs::read(pdf()).expect("pdf");
    let catalog = Catalog::shared_builtin();
    let opened = yusuan_readers::open::open("disclosure.pdf", &bytes, catalog).unwrap_or_else(|e| panic!("{e}"));
    let back = &opened.disclosure;
    if let Ok(path) = std::env::var("YUSUAN_DUMP_TEXT") {
        std::fs::write(path, &opened.text).expect("dump");
    }
    let built_figures = figures(built());
    let read = figures(back);
    for (number, rows) in &built_figures {
        let got =
            read.iter().find(|(n, _)| n == number).unwrap_or_else(|| panic!("table {number:?} was not read back"));
        assert_eq!(&got.1, rows, "table {number:?}");
    }
    // Each value in the column it was built in (rows by panel and key: side-by-side panels
    // interleave).
    let columns = |t: &yusuan_model::table::Table| {
        let mut rows: Vec<_> = t
            .rows
            .iter()
            .filter(|r| !r.values.is_empty())
            .map(|r| {
                let key = r.code.as_ref().map(|c| c.to_string()).or(r.fixed.clone()).unwrap_or(r.name.value.clone());
                (r.panel, key, (0..12).map(|c| r.cell(c).map(|v| v.value.value)).collect::<Vec<_>>())
            })
            .collect();
        rows.sort();
        rows
    };
    for t in &built().tables {
        assert_eq!(columns(back.table(&t.kind).expect("table")), columns(t), "{}", t.kind);
    }
    let report = yusuan_checker::check(back, &yusuan_checker::Config::default(), catalog);
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == yusuan_checker::Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Every figure maps back to a page and a box on it.
    let map = back.source_map.as_ref().expect("a PDF's text keeps its source map");
    let t3 = back.table("expenditure_summary").expect("table 3");
    let loc = map.locate(t3.rows[0].values[0].span).expect("located");
    assert!(matches!(loc.place, yusuan_model::origin::Place::Page(p) if p > 1), "{loc:?}");
    assert!(matches!(loc.at, Some(yusuan_model::origin::At::Box(_))), "{loc:?}");
}

/// A mutated copy: 2080101's 合计 in 表3 typeset as 329.59 instead of 319.59. Read from the PDF,
/// the checker finds it and points at the page of 表3 and the figure's box on it.
#[test]
fn a_wrong_figure_in_a_pdf_is_found_on_its_page() {
    let mut d = built().clone();
    let t = d.tables.iter_mut().find(|t| t.kind == "expenditure_summary").expect("table 3");
    let row = t.rows.iter_mut().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2080101")).expect("row");
    row.values[0].value.value = rust_decimal::Decimal::new(32959, 2);
    let bytes = render_pdf(&d, fonts()).unwrap_or_else(|e| panic!("{e}"));
    let catalog = Catalog::shared_builtin();
    let opened = yusuan_readers::open::open("mutated.pdf", &bytes, catalog).unwrap_or_else(|e| panic!("{e}"));
    let back = &opened.disclosure;
    let report = yusuan_checker::check(back, &yusuan_checker::Config::default(), catalog);
    let map = back.source_map.as_ref().expect("map");
    let t3 = back.table("expenditure_summary").expect("table 3");
    let t3_page = match map.locate(t3.title.span).expect("title located").place {
        yusuan_model::origin::Place::Page(p) => p,
        other => panic!("{other:?}"),
    };
    let errors: Vec<_> = report.findings.iter().filter(|f| f.severity == yusuan_checker::Severity::Error).collect();
    assert!(!errors.is_empty(), "the planted figure was not found");
    let on_page = errors.iter().filter_map(|f| map.locate(f.span)).any(|l| {
        l.place == yusuan_model::origin::Place::Page(t3_page) && matches!(l.at, Some(yusuan_model::origin::At::Box(_)))
    });
    assert!(on_page, "no error located on page {t3_page}: {errors:#?}");
    // The figure itself is read as printed, in its column.
    let read = t3.rows.iter().find(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2080101")).expect("row");
    assert_eq!(read.cell(0).map(|c| c.value.value.to_string()), Some("329.59".to_string()));
}
