//! Checking a disclosure of growing size (issue 10): the seed with thousands of narrative
//! figures sharing one total. Before the blame ledger was fixed, time grew with the cube of the
//! figures (10,000 figures: 15 s); it now grows with their square at a small constant (0.8 s):
//! each error still scans the identities that name its figures.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use std::hint::black_box;
use yusuan_checker::{check, Config};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

#[path = "../tests/generated/mod.rs"]
mod generated;

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let catalog = Catalog::shared_builtin();
    let mut group = c.benchmark_group("check/figures");
    group.sample_size(10);
    for figures in [1_000, 2_500, 5_000, 10_000] {
        let doc = read_str(&generated::disclosure(figures - 562));
        group.bench_with_input(BenchmarkId::from_parameter(figures), &doc, |b, doc| {
            b.iter(|| check(black_box(doc), &config, catalog))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
