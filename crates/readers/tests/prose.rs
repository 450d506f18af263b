//! The prose readers against the real document (昌吉州人社服务中心 2024 budget).

use yusuan_readers::text::source::{split_lines, Line};
use yusuan_readers::text::{assets, glossary, overview, projects};

const DOC: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

/// Lines `from..=to` of the document (1-based, as an editor shows them).
fn lines(from: u32, to: u32) -> Vec<Line> {
    split_lines(DOC)
        .into_iter()
        .filter(|l| l.no >= from && l.no <= to)
        .collect()
}

#[test]
fn debug_dump() {
    let (o, n) = overview::read(&lines(1, 47));
    println!("{o:#?}\n{n:#?}");
    let (g, n) = glossary::read(&lines(3146, 3197));
    println!("{g:#?}\n{n:#?}");
    let (p, n) = projects::read(&lines(1040, 1222));
    for p in &p {
        println!("{}", serde_json::to_string(p).unwrap());
    }
    println!("{n:#?}");
    let (a, n) = assets::read(&lines(1040, 1290));
    println!("{}", serde_json::to_string_pretty(&a).unwrap());
    println!("{n:#?}");
}
