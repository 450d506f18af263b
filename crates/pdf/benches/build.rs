//! Building the example (`examples/changji-hrss-2024/budget.toml`) as `yusuan build` does:
//! loading, building and writing JSON, text and HTML (aim: under 20 ms), then the same with the
//! PDF (aim: under 1 s). The fonts are loaded once, as a long-running caller would; loading them
//! is measured on its own. Typst's memoisation cache is emptied before each PDF build.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_model::{Catalog, Disclosure};
use yusuan_pdf::{render_pdf, Fonts};

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

fn without_pdf() -> Disclosure {
    let catalog = Catalog::shared_builtin();
    let budget = from_toml(EXAMPLE, "budget.toml", catalog).unwrap_or_else(|e| panic!("{} errors", e.len()));
    let d = build(&budget, catalog).disclosure;
    black_box(serde_json::to_string_pretty(&d).expect("json"));
    black_box(yusuan_renderers::render_text(&d));
    black_box(yusuan_renderers::render_html(&d));
    d
}

fn bench(c: &mut Criterion) {
    let fonts = Fonts::system().unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("build the example without PDF", |b| b.iter(without_pdf));
    let mut slow = c.benchmark_group("pdf");
    slow.sample_size(10);
    slow.bench_function("build the example with PDF", |b| {
        b.iter(|| {
            // Typst memoises across compilations in a process; a build compiles once, so every
            // iteration starts with an empty cache.
            typst::comemo::evict(0);
            black_box(render_pdf(&without_pdf(), &fonts).expect("pdf"))
        })
    });
    slow.bench_function("load the CJK fonts", |b| b.iter(|| black_box(Fonts::system().expect("fonts"))));
    slow.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
