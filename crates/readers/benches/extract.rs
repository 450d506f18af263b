//! Extraction speed on the seed disclosure: the whole text reader, and its table placement alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use yusuan_readers::text::{read_bytes, read_str};

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("seed_utf8_str", |b| b.iter(|| read_str(black_box(SEED))));
    let (gbk, _, _) = encoding_rs::GB18030.encode(SEED);
    group.bench_function("seed_gb18030_bytes", |b| b.iter(|| read_bytes(black_box(&gbk))));
    group.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
