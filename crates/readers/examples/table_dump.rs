//! Prints the tables the text reader reads from a text file: kind, rows, values and columns.
fn main() {
    let p = std::env::args().nth(1).expect("file");
    let d = yusuan_readers::text::read_str(&std::fs::read_to_string(p).expect("read"));
    for t in &d.tables {
        println!("== {} ({} rows)", t.kind, t.rows.len());
        for r in &t.rows {
            let v: Vec<String> = r.values.iter().map(|c| c.value.value.to_string()).collect();
            println!(
                "  {:?} {:?} {} {:?} {:?}",
                r.code.as_ref().map(|c| c.to_string()),
                r.fixed,
                r.name.value,
                v,
                r.assignment
            );
        }
    }
    for f in &d.narrative.facts {
        println!("fact {:?} {:?}", f.subject, f.amount.as_ref().map(|a| a.value.value.to_string()));
    }
    for n in &d.notes {
        println!("note {:?} {:?} {}", n.kind, n.span.map(|s| s.line), n.zh);
    }
}
