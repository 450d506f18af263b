//! Throughput over a generated corpus: N random departments (default 1,000; `YUSUAN_BENCH_DOCS`)
//! built, written as text and as PDF (cached under `target/bench-corpus/`), then, one thread,
//! files in memory:
//! - text: read + check, documents per second (aim: > 1,000 per core);
//! - PDF: yusuan's PDF reader (+ check), documents per second;
//! - `pdftotext -layout` on the same PDFs (when installed), documents per second, and the ratio
//!   (aim: the PDF reader no slower than pdftotext alone).
//!
//! One timed pass each (a pass is thousands of documents, so its mean is stable); a criterion
//! sample loop would take hours here.

#[path = "../tests/common/random_budget.rs"]
mod random_budget;

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};
use yusuan_builder::build::build;
use yusuan_builder::from_toml;
use yusuan_checker::{check, Config};
use yusuan_model::Catalog;
use yusuan_pdf::{render_pdf, Fonts};
use yusuan_readers::open::open;

fn corpus_dir() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("bench-corpus")
}

fn per_second(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test` runs benches with no such flag: keep it quick.
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize =
        std::env::var("YUSUAN_BENCH_DOCS").ok().and_then(|v| v.parse().ok()).unwrap_or(if benching { 1000 } else { 3 });
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).expect("corpus dir");
    let catalog = Catalog::shared_builtin();
    let fonts = Fonts::system().unwrap_or_else(|e| panic!("{e}"));
    let started = Instant::now();
    let mut made = 0;
    for seed in 1..=n as u64 {
        let (txt, pdf) = (dir.join(format!("{seed}.txt")), dir.join(format!("{seed}.pdf")));
        if txt.exists() && pdf.exists() {
            continue;
        }
        let data = from_toml(&random_budget::budget(seed), "budget.toml", catalog).expect("budget");
        let d = build(&data, catalog).disclosure;
        std::fs::write(&txt, yusuan_renderers::render_text(&d)).expect("write txt");
        std::fs::write(&pdf, render_pdf(&d, &fonts).expect("pdf")).expect("write pdf");
        made += 1;
    }
    if made > 0 {
        println!("generated {made} documents in {:?} ({})", started.elapsed(), dir.display());
    }
    let load = |ext: &str| -> Vec<(String, Vec<u8>)> {
        (1..=n)
            .map(|i| {
                let name = format!("{i}.{ext}");
                let bytes = std::fs::read(dir.join(&name)).expect("corpus file");
                (name, bytes)
            })
            .collect()
    };
    let (texts, pdfs) = (load("txt"), load("pdf"));
    let mb = |v: &[(String, Vec<u8>)]| v.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!("corpus: {n} documents, text {:.1} MB, PDF {:.1} MB", mb(&texts), mb(&pdfs));

    let time = |files: &[(String, Vec<u8>)], with_check: bool| {
        let t = Instant::now();
        let mut findings = 0usize;
        for (name, bytes) in files {
            let opened = open(name, bytes, catalog).unwrap_or_else(|e| panic!("{name}: {e}"));
            if with_check {
                findings += check(&opened.disclosure, &Config::default(), catalog).findings.len();
            }
        }
        std::hint::black_box(findings);
        t.elapsed()
    };
    let report = |what: &str, d: Duration| {
        println!("{what:<38} {:>9.1} docs/s  ({:.2} ms/doc)", per_second(n, d), d.as_secs_f64() * 1e3 / n as f64);
    };
    report("text: read", time(&texts, false));
    report("text: read + check", time(&texts, true));
    let pdf_read = time(&pdfs, false);
    report("PDF: yusuan read", pdf_read);
    report("PDF: yusuan read + check", time(&pdfs, true));

    if Command::new("pdftotext").arg("-v").output().is_ok() {
        let t = Instant::now();
        for i in 1..=n {
            let out = Command::new("pdftotext")
                .arg("-layout")
                .arg(dir.join(format!("{i}.pdf")))
                .arg("-")
                .output()
                .expect("pdftotext");
            std::hint::black_box(out.stdout.len());
        }
        let poppler = t.elapsed();
        report("PDF: pdftotext -layout (text only)", poppler);
        println!(
            "yusuan PDF read / pdftotext: {:.2}× the time ({} is faster)",
            pdf_read.as_secs_f64() / poppler.as_secs_f64(),
            if pdf_read <= poppler { "yusuan" } else { "pdftotext" }
        );
    } else {
        println!("pdftotext not installed (poppler-utils): no comparison");
    }
}
