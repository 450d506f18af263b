use std::time::Instant;
use yusuan_readers::text::{assets, narrative, overview, performance, projects, segment, source::split_lines, tables};
fn main() {
    let text = std::fs::read_to_string("fixtures/changji-hrss-2024-budget.txt").unwrap();
    let lines = split_lines(&text);
    let n = 20;
    let t = Instant::now();
    for _ in 0..n {
        let _ = segment::segment(&lines);
    }
    println!("segment {:?}", t.elapsed() / n);
    let seg = segment::segment(&lines);
    let cat = yusuan_model::Catalog::shared_builtin();
    let t = Instant::now();
    for _ in 0..n {
        let _ = tables::read_tables(&lines, &seg.tables, cat);
    }
    println!("tables {:?}", t.elapsed() / n);
    for b in &seg.tables {
        let one = vec![b.clone()];
        let t = Instant::now();
        for _ in 0..n {
            let _ = tables::read_tables(&lines, &one, cat);
        }
        println!("  {} {:?}", b.schema.kind, t.elapsed() / n);
    }
    let nl: Vec<_> = seg.narrative.iter().map(|&i| lines[i].clone()).collect();
    let t = Instant::now();
    for _ in 0..n {
        let _ = narrative::read(&nl);
    }
    println!("narrative {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        for &(a, b) in &seg.performance {
            let _ = performance::read(&lines[a..b]);
        }
    }
    println!("performance {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = projects::read(&nl);
        let _ = assets::read(&nl);
    }
    println!("projects+assets {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        let _ = overview::read(&lines[..70]);
    }
    println!("overview {:?}", t.elapsed() / n);
}
#[allow(dead_code)]
fn per_table() {}
