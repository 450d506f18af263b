//! Which form a document is in, from the tables read and the words of its cover, contents and
//! titles.

use super::{registry, stands_for, Form};
use crate::disclosure::Disclosure;
use crate::table::DocumentKind;

/// The form closest to a document, and how well the document fits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormFit {
    pub form: &'static Form,
    /// The document is in this form: every table it has is the form's (or stands for one of
    /// them), and it lacks at most half of the tables the form requires.
    pub fits: bool,
    /// The document's tables the form does not list, in the document's order.
    pub foreign: Vec<String>,
    /// The kinds the form requires that the document lacks (no table stands for them either).
    pub missing: Vec<&'static str>,
}

/// Whether a table of kind `have` is, or stands in for, the form's table `listed`.
fn same_place(have: &str, listed: &str) -> bool {
    have == listed || stands_for(have).is_some_and(|h| Some(h) == stands_for(listed))
}

/// The loaded form of this document kind a document fits best: most of its tables the form's
/// own, then most detection words in `head` (cover, contents, titles), then fewest tables
/// foreign to it, then the first loaded. None when no form of the kind is loaded.
pub fn detect(document: DocumentKind, head: &str, kinds: &[&str]) -> Option<FormFit> {
    let mut best: Option<((usize, usize, usize), FormFit)> = None;
    for &form in registry().forms().iter().filter(|f| f.document == document) {
        let own = kinds.iter().filter(|k| form.has(k)).count();
        let words = form.detection.iter().filter(|w| head.contains(*w)).count();
        let foreign: Vec<String> = kinds
            .iter()
            .filter(|k| !form.tables.iter().any(|t| same_place(k, t.kind)))
            .map(|k| k.to_string())
            .collect();
        let missing: Vec<&'static str> =
            form.required_kinds.iter().copied().filter(|r| !kinds.iter().any(|k| same_place(k, r))).collect();
        let fits = foreign.is_empty() && missing.len() * 2 <= form.required_kinds.len();
        let score = (own, words, usize::MAX - foreign.len());
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, FormFit { form, fits, foreign, missing }));
        }
    }
    best.map(|(_, fit)| fit)
}

/// The form a read document fits best ([`detect`]): its tables, and as words its lines before the
/// first table (cover, contents, overview) and its tables' titles.
pub fn detect_document(doc: &Disclosure) -> Option<FormFit> {
    let first_table = doc.tables.iter().map(|t| t.title.span.line as usize).min().unwrap_or(doc.source_lines.len() + 1);
    let mut head: String = doc.source_lines.iter().take(first_table.saturating_sub(1)).map(String::as_str).collect();
    for t in &doc.tables {
        head.push_str(&t.title.value);
    }
    let mut kinds: Vec<&str> = Vec::new();
    for t in &doc.tables {
        if !kinds.contains(&t.kind.as_str()) {
            kinds.push(&t.kind);
        }
    }
    detect(doc.document, &head, &kinds)
}
