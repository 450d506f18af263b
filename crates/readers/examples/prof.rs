//! Profiling aid: reads a text many times (`valgrind --tool=callgrind target/release/examples/prof
//! [N] [FILE]`; the seed by default).
fn main() {
    let file = std::env::args().nth(2).unwrap_or("fixtures/changji-hrss-2024-budget.txt".into());
    let text = std::fs::read_to_string(file).expect("text");
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(yusuan_readers::text::read_str(&text));
    }
    println!("{:?} per document", t.elapsed() / n as u32);
}
