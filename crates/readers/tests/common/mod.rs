//! Helpers for tests that read variants of the seed: the model without its spans, a readable
//! first difference, and line edits on the seed text guided by where the seed's rows stand.

#![allow(dead_code)]

use serde_json::Value;
use yusuan_model::span::Span;
use yusuan_model::table::{Row, Table};
use yusuan_model::Disclosure;

pub const SEED: &str = include_str!("../../../../fixtures/changji-hrss-2024-budget.txt");

/// Removes every `span` and `*_span` key: a variant moves text, not content.
pub fn strip_spans(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(k, _)| k != "span" && !k.ends_with("_span"))
                .map(|(k, v)| (k, strip_spans(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(strip_spans).collect()),
        other => other,
    }
}

/// The model as JSON without spans and without notes (notes quote line numbers).
pub fn model(d: &Disclosure) -> Value {
    let mut v = strip_spans(serde_json::to_value(d).unwrap());
    if let Value::Object(m) = &mut v {
        m.remove("notes");
    }
    v
}

/// The notes' kinds, sorted: what was said, not where.
pub fn note_kinds(d: &Disclosure) -> Vec<String> {
    let mut k: Vec<String> = d.notes.iter().map(|n| format!("{:?}", n.kind)).collect();
    k.sort();
    k
}

/// Applies `f` to every string in a JSON value (keys are left alone).
pub fn map_strings(v: Value, f: &dyn Fn(&str) -> String) -> Value {
    match v {
        Value::String(s) => Value::String(f(&s)),
        Value::Array(a) => Value::Array(a.into_iter().map(|x| map_strings(x, f)).collect()),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, x)| (k, map_strings(x, f))).collect()),
        other => other,
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s
    }
}

/// The path of the first difference between two values, with both sides.
pub fn first_diff(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) => {
                        if let Some(d) = first_diff(va, vb, &format!("{path}.{k}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{k}: only in the seed: {}", short(va))),
                }
            }
            y.keys().find(|k| !x.contains_key(*k)).map(|k| format!("{path}.{k}: only in the variant: {}", short(&y[k])))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_diff(va, vb, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| {
                let extra = if x.len() > y.len() { &x[y.len()] } else { &y[x.len()] };
                format!("{path}: lengths {} vs {}; first extra: {}", x.len(), y.len(), short(extra))
            })
        }
        _ => (a != b).then(|| format!("{path}: seed {} vs variant {}", short(a), short(b))),
    }
}

/// Asserts two models equal, showing the first difference.
#[track_caller]
pub fn assert_same(seed: &Value, variant: &Value, what: &str) {
    if let Some(d) = first_diff(seed, variant, "") {
        panic!("{what}: the variant's model differs from the seed's at {d}");
    }
}

/// The seed's lines (no line ends), to edit by index.
pub fn seed_lines() -> Vec<String> {
    SEED.split('\n').map(str::to_string).collect()
}

/// The characters `[col, end_col)` (1-based) of a span on one line.
pub fn span_text(lines: &[String], s: Span) -> String {
    let line = &lines[s.line as usize - 1];
    line.chars().skip(s.col as usize - 1).take((s.end_col - s.col) as usize).collect()
}

/// A row as printed: code (spaced as the seed prints it), name, project, values as printed.
pub struct PrintedRow {
    pub code: Option<String>,
    pub name: String,
    pub project: Option<String>,
    pub values: Vec<String>,
}

impl PrintedRow {
    pub fn of(lines: &[String], r: &Row) -> PrintedRow {
        PrintedRow {
            code: r.code.as_ref().map(|c| c.spaced()),
            name: r.name.value.clone(),
            project: r.project.as_ref().map(|p| p.value.clone()),
            values: r.values.iter().map(|v| span_text(lines, v.span)).collect(),
        }
    }

    /// The row on one line, cells separated by `sep`.
    pub fn one_line(&self, sep: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.code.clone());
        parts.push(self.name.clone());
        parts.extend(self.project.clone());
        parts.extend(self.values.iter().cloned());
        parts.join(sep)
    }
}

/// Replaces 1-based line ranges `[from, to]` by new text, all at once (ranges must not overlap).
pub fn replace_lines(lines: &[String], mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out: Vec<String> = lines.to_vec();
    for (from, to, text) in edits {
        out.splice(from - 1..to, text.split('\n').map(str::to_string));
    }
    out.join("\n")
}

/// Inserts text after 1-based line `after`, for several positions at once.
pub fn insert_after(lines: &[String], inserts: Vec<(usize, String)>) -> String {
    replace_lines(
        lines,
        inserts.into_iter().map(|(after, text)| (after, after, format!("{}\n{}", lines[after - 1], text))).collect(),
    )
}

/// The table of a kind in a disclosure.
pub fn table<'a>(d: &'a Disclosure, kind: &str) -> &'a Table {
    d.table(kind).unwrap_or_else(|| panic!("no table {kind}"))
}
