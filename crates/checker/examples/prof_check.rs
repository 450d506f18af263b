//! Profiling aid: checks the seed many times (`valgrind --tool=callgrind target/release/examples/prof_check`).
fn main() {
    let text = std::fs::read_to_string("fixtures/changji-hrss-2024-budget.txt").expect("seed");
    let doc = yusuan_readers::text::read_str(&text);
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let config = yusuan_checker::Config::default();
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(yusuan_checker::check(&doc, &config, yusuan_model::Catalog::shared_builtin()));
    }
    println!("{:?} per document", t.elapsed() / n as u32);
}
