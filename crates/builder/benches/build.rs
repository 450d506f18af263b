//! Building the example: data to model, and to the text, HTML and JSON files (no PDF).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_model::Catalog;

const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

fn bench(c: &mut Criterion) {
    let catalog = Catalog::shared_builtin();
    c.bench_function("build/example_model", |b| {
        b.iter(|| build(&from_toml(black_box(EXAMPLE), "budget.toml", catalog).expect("loads"), catalog))
    });
    c.bench_function("build/example_files_without_pdf", |b| {
        b.iter(|| {
            let built = build(&from_toml(black_box(EXAMPLE), "budget.toml", catalog).expect("loads"), catalog);
            let d = &built.disclosure;
            (
                yusuan_renderers::render_text(d),
                yusuan_renderers::render_html(d),
                serde_json::to_string(d).map(|s| s.len()),
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
