//! The checker on the seed: reading and checking end to end, and the rules alone.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use yusuan_checker::{check, Config};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let catalog = Catalog::shared_builtin();
    c.bench_function("check/seed_end_to_end", |b| b.iter(|| check(&read_str(black_box(SEED)), &config, catalog)));
    let doc = read_str(SEED);
    c.bench_function("check/seed_rules_only", |b| b.iter(|| check(black_box(&doc), &config, catalog)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
