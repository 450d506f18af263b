//! Prints the text the PDF reader rebuilds from a PDF (what `check` reads), for looking at.
//! `cargo run --release -p yusuan-readers --example pdf_layout -- FILE.pdf`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pdf_layout FILE.pdf");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    let source = match yusuan_readers::pdf::oxide::OxideSource::open(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    if let Some(n) = std::env::var("PDF_BANDS").ok().and_then(|v| v.parse::<usize>().ok()) {
        bands(&source, n);
        return;
    }
    let rebuilt = yusuan_readers::pdf::layout::rebuild(&source);
    // A closed pipe (`| head`) ends the listing, not in a panic.
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for line in &rebuilt.lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}

/// `PDF_BANDS=N`: the ruled bands of page N and the glyph runs around them, for debugging.
#[allow(dead_code)]
fn bands(source: &dyn yusuan_readers::pdf::GlyphSource, page: usize) {
    let p = source.page(page).expect("page");
    for b in yusuan_readers::pdf::grid::bands(&p.rules) {
        println!("band {:.1}-{:.1} cells {:?}", b.top, b.bottom, b.cells);
    }
    for r in p.rules.iter().filter(|r| r.is_vertical() && r.x0 < 140.0) {
        println!("vertical x {:.1} y {:.1}-{:.1}", r.x0, r.y0, r.y1);
    }
    for l in yusuan_readers::pdf::lines::lines(&p.glyphs) {
        println!(
            "line {:.1}-{:.1} {}",
            l.top,
            l.bottom,
            l.runs.iter().map(|r| r.text.as_str()).collect::<Vec<_>>().join(" | ")
        );
    }
}
