//! Profiling aid: reads the seed many times (`valgrind --tool=callgrind target/release/examples/prof`).
fn main() {
    let text = std::fs::read_to_string("fixtures/changji-hrss-2024-budget.txt").expect("seed");
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(yusuan_readers::text::read_str(&text));
    }
    println!("{:?} per document", t.elapsed() / n as u32);
}
