//! The built example is the whole package: its narrative has the seed's outline of parts and
//! sections, and every format it is written in passes `check` and the checklist of its form.

use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config};
use yusuan_inspect::Checklist;
use yusuan_model::{Catalog, Disclosure};

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");
const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn built() -> Disclosure {
    let catalog = Catalog::shared_builtin();
    let budget = from_toml(EXAMPLE, "budget.toml", catalog).unwrap_or_else(|e| panic!("{e:?}"));
    build(&budget, catalog).disclosure
}

/// Sections by level and number, as read: `1 五`, `2 一`, ….
fn outline(d: &Disclosure) -> Vec<String> {
    d.narrative.sections.iter().map(|s| format!("{} {}", s.level, s.number)).collect()
}

#[test]
fn the_example_has_the_seeds_outline() {
    let seed = yusuan_readers::text::read_str(SEED);
    let back = yusuan_readers::text::read_str(&yusuan_renderers::render_text(&built()));
    let mut expected = outline(&seed);
    // The seed's 十二（五）其他需说明的事项 says only that there is nothing more to say; the data
    // has nothing for it, and yusuan prints no empty heading.
    assert_eq!(expected.pop().as_deref(), Some("2 五"));
    assert_eq!(outline(&back), expected);
    // 七 holds the project descriptions, as in the seed.
    let seven = back.narrative.sections.iter().position(|s| s.number == "七" && s.level == 1).expect("七");
    let first_project = back.narrative.sections.iter().position(|s| s.title.starts_with("项目名称")).expect("项目");
    assert_eq!(first_project, seven + 1);
}

#[test]
fn every_built_format_passes_check_and_the_checklist() {
    let catalog = Catalog::shared_builtin();
    let d = built();
    let fonts = yusuan_pdf::Fonts::system().unwrap_or_else(|e| panic!("{e}"));
    let files: [(&str, Vec<u8>); 3] = [
        ("d.txt", yusuan_renderers::render_text(&d).into_bytes()),
        ("d.xlsx", yusuan_renderers::render_xlsx(&d).expect("xlsx")),
        ("d.pdf", yusuan_pdf::render_pdf(&d, &fonts).expect("pdf")),
    ];
    for (name, bytes) in files {
        let opened = yusuan_readers::open::open(name, &bytes, catalog).unwrap_or_else(|e| panic!("{name}: {e}"));
        let report = check(&opened.disclosure, &Config::default(), catalog);
        assert!(!report.has_errors(), "{name}: {:#?}", report.findings);
        let list = Checklist::build(&opened.disclosure, &report);
        assert!(list.complies(), "{name}: missing {:?}; {:#?}", list.missing(), list.items);
    }
}
