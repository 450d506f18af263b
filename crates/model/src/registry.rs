//! Every table kind yusuan knows, read from the forms (`crates/model/forms/*.toml`, see
//! [`crate::form`]): the shipped ones, embedded and parsed once, and any a user adds
//! ([`add_form`], `--form FILE`) before reading. A new template or a province's variant is a new
//! form file, not new reading code.

mod detect;

pub use crate::form::{BudgetScope, Form, FormError, FormName, FormTable};
pub use detect::{detect, detect_document, FormFit};

use crate::table::{ColumnDef, DocumentKind, TableSchema};
use std::sync::{OnceLock, RwLock};

/// The shipped forms, in the order their tables are listed ([`tables`]) and their identities
/// checked.
const SHIPPED: &[(&str, &str)] = &[
    ("national-budget.toml", include_str!("../forms/national-budget.toml")),
    ("shanghai-department-budget.toml", include_str!("../forms/shanghai-department-budget.toml")),
    ("shanghai-unit-budget.toml", include_str!("../forms/shanghai-unit-budget.toml")),
    ("final-accounts.toml", include_str!("../forms/final-accounts.toml")),
];

/// Economic classes the personnel side of the final accounts' basic-spending table lists; every
/// other class is operating.
pub const PERSONNEL_CLASSES: &[&str] = &["301", "303"];

/// The loaded forms and every table they declare.
#[derive(Debug)]
pub struct Registry {
    forms: Vec<&'static Form>,
    tables: Vec<&'static TableSchema>,
    /// Each schema with its title and each alias, folded ([`fold_title`]).
    titles: Vec<(&'static TableSchema, String)>,
}

impl Registry {
    fn empty() -> Registry {
        Registry { forms: Vec::new(), tables: Vec::new(), titles: Vec::new() }
    }

    /// This registry and one more form (parsed against this registry's tables).
    fn with(&self, text: &str) -> Result<Registry, FormError> {
        let form = Form::parse_in(text, &|kind| self.schema(kind))?;
        if self.form(form.id).is_some() {
            return Err(FormError::new(
                None,
                format!("已有格式 {}", form.id),
                format!("a form {} is already loaded", form.id),
            ));
        }
        if let Some(s) = form.tables.iter().filter_map(|t| t.declared).find(|s| self.schema(s.kind).is_some()) {
            return Err(FormError::new(
                None,
                format!("表 {} 已由另一格式声明；另起一个名称，或只写 kind 引用它", s.kind),
                format!("table {} is declared by another form: give it another kind, or list it by kind alone", s.kind),
            ));
        }
        let form: &'static Form = Box::leak(Box::new(form));
        let mut forms = self.forms.clone();
        forms.push(form);
        let mut tables = self.tables.clone();
        tables.extend(form.tables.iter().filter_map(|t| t.declared));
        let titles = tables
            .iter()
            .flat_map(|&s| std::iter::once(s.title).chain(s.aliases.iter().copied()).map(move |t| (s, fold_title(t))))
            .collect();
        Ok(Registry { forms, tables, titles })
    }

    /// The loaded forms: the shipped ones, then those added.
    pub fn forms(&self) -> &[&'static Form] {
        &self.forms
    }

    /// The form with this id.
    pub fn form(&self, id: &str) -> Option<&'static Form> {
        self.forms.iter().find(|f| f.id == id).copied()
    }

    /// Every declared table, form by form.
    pub fn tables(&self) -> &[&'static TableSchema] {
        &self.tables
    }

    /// The schema of a kind.
    pub fn schema(&self, kind: &str) -> Option<&'static TableSchema> {
        self.tables.iter().find(|s| s.kind == kind).copied()
    }
}

fn current() -> &'static RwLock<&'static Registry> {
    static CURRENT: OnceLock<RwLock<&'static Registry>> = OnceLock::new();
    CURRENT.get_or_init(|| {
        let mut r = Registry::empty();
        for (file, text) in SHIPPED {
            // Shipped forms are part of the program; `shipped_forms_load` tests them.
            r = r.with(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        }
        RwLock::new(Box::leak(Box::new(r)))
    })
}

/// The registry as it stands: the shipped forms and those added so far.
pub fn registry() -> &'static Registry {
    *current().read().unwrap_or_else(|e| e.into_inner())
}

/// Adds a form from its file's text (`--form FILE`). Call it before reading: a document read
/// before knows only the forms loaded then.
pub fn add_form(text: &str) -> Result<&'static Form, FormError> {
    let mut slot = current().write().unwrap_or_else(|e| e.into_inner());
    let next: &'static Registry = Box::leak(Box::new(slot.with(text)?));
    *slot = next;
    next.forms.last().copied().ok_or_else(|| FormError::new(None, "格式未加入", "form not added"))
}

/// Every table kind of every loaded form, in declared order.
pub fn tables() -> &'static [&'static TableSchema] {
    registry().tables()
}

/// The form with this id.
pub fn form(id: &str) -> Option<&'static Form> {
    registry().form(id)
}

/// The kinds the national form of this document kind requires (财预〔2016〕143号's eight tables
/// of a 部门预算; the nine of a 部门决算, kept even when empty).
pub fn required_tables(document: DocumentKind) -> &'static [&'static str] {
    registry().forms.iter().find(|f| f.document == document).map_or(&[], |f| f.required_kinds)
}

/// A table that stands for `kind` in some form (Shanghai's 部门收入预算总表 for the national
/// 部门收入总体情况表): the first declared.
pub fn variant_of(kind: &str) -> Option<&'static str> {
    variants_of(kind).next()
}

/// Every table that stands for `kind`, in declared order.
pub fn variants_of(kind: &str) -> impl Iterator<Item = &'static str> + '_ {
    registry().forms.iter().flat_map(|f| f.tables.iter()).filter(move |t| t.stands_for == Some(kind)).map(|t| t.kind)
}

/// The national kind a table stands for: the one its form names, or itself.
pub fn stands_for(kind: &str) -> Option<&'static str> {
    let r = registry();
    r.forms
        .iter()
        .flat_map(|f| f.tables.iter())
        .find(|t| t.kind == kind && t.stands_for.is_some())
        .and_then(|t| t.stands_for)
        .or_else(|| r.schema(kind).map(|s| s.kind))
}

/// The schema of a kind.
pub fn schema(kind: &str) -> Option<&'static TableSchema> {
    registry().schema(kind)
}

/// Folds a title for matching: no whitespace, quotation marks and brackets of every width as one.
pub fn fold_title(title: &str) -> String {
    title
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '＂' | '‘' | '’' | '\''))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .collect()
}

/// The schema whose title or alias a line names: the longest name the folded line ends with
/// (titles are printed alone, sometimes after `表 N` or the year and department).
pub fn schema_by_title(line: &str) -> Option<&'static TableSchema> {
    schema_variants_by_title(line).into_iter().next()
}

/// Every schema whose title or alias is the longest name the folded line ends with, in declared
/// order: more than one when templates print different tables under one title (Shanghai's
/// 部门收入预算总表 and the national alias of 部门收入总体情况表); their headers tell them apart
/// ([`best_variant`]).
pub fn schema_variants_by_title(line: &str) -> Vec<&'static TableSchema> {
    // Every title ends with 表: most lines are rejected before any folding.
    if !line.trim_end().ends_with('表') {
        return Vec::new();
    }
    let titles = &registry().titles;
    let folded = fold_title(line);
    let longest = titles.iter().filter(|(_, t)| folded.ends_with(t.as_str())).map(|(_, t)| t.len()).max();
    let mut out: Vec<&'static TableSchema> = Vec::new();
    for (s, t) in titles {
        if Some(t.len()) == longest && folded.ends_with(t.as_str()) && !out.iter().any(|o| o.kind == s.kind) {
            out.push(*s);
        }
    }
    out
}

/// Of schemas sharing a title, the one whose column headers the table's header text (folded,
/// lines joined) names most, as a share of its columns; the first declared on a tie.
pub fn best_variant(variants: &[&'static TableSchema], header: &str) -> Option<&'static TableSchema> {
    let header = fold_title(header);
    let score = |s: &TableSchema| -> (usize, usize) {
        let columns: Vec<&ColumnDef> = s.panels.iter().flat_map(|p| p.columns).collect();
        let named =
            columns.iter().filter(|c| c.header.last().is_some_and(|h| header.contains(fold_title(h).as_str()))).count();
        (named, columns.len().max(1))
    };
    let mut best: Option<(&'static TableSchema, (usize, usize))> = None;
    for s in variants {
        let (n, d) = score(s);
        // n / d > bn / bd, without division.
        if best.is_none_or(|(_, (bn, bd))| n * bd > bn * d) {
            best = Some((s, (n, d)));
        }
    }
    best.map(|(s, _)| s)
}

/// The schema of a kind a shipped form declares (the builder's tables). Shipped forms are part of
/// the program, so a missing kind is a bug in yusuan, caught by `shipped_kinds_are_declared`.
pub fn shipped(kind: &str) -> &'static TableSchema {
    schema(kind).unwrap_or_else(|| panic!("no shipped form declares table kind {kind}"))
}

#[cfg(test)]
mod tests;
