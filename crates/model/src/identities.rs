//! Identities between the cells of different tables. They are declared in the form files
//! (`crates/model/forms/`, [`crate::form`]); the reader uses them to place values whose columns
//! extracted text lost; the checker verifies them.

/// A cell of a table kind: panel, row (a declared row key, `total`, or a code) and column key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRef {
    pub table: &'static str,
    pub panel: &'static str,
    pub row: &'static str,
    pub column: &'static str,
}

/// How the two sides compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// `left = Σ right`.
    Equal,
    /// `left ≤ Σ right` (a part of what the right side counts whole).
    AtMost,
}

/// `left (relation) Σ right − Σ minus`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CrossIdentity {
    pub left: CellRef,
    pub relation: Relation,
    pub right: &'static [CellRef],
    pub minus: &'static [CellRef],
}

/// A column of code rows that must agree, code by code, with the sum of columns of another table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CodeColumnLink {
    pub left: (&'static str, &'static str, &'static str),
    pub right: (&'static str, &'static str, &'static [&'static str]),
    /// Only codes of this many digits or fewer (tables 1 and 4 list classes only).
    pub max_digits: usize,
}

/// Every declared identity, form by form (national budget, Shanghai's, final accounts, then any
/// form a user loaded). Each names the table kinds it joins, so a document meets only those of
/// its own tables.
pub fn all_identities() -> impl Iterator<Item = &'static CrossIdentity> {
    crate::registry::registry().forms().iter().flat_map(|f| f.identities.iter())
}

/// Every declared link of code rows across tables, form by form.
pub fn code_column_links() -> impl Iterator<Item = &'static CodeColumnLink> {
    crate::registry::registry().forms().iter().flat_map(|f| f.code_links.iter())
}

/// Economic items of basic spending and the functional items that budget the same money (a
/// unit's pension contributions are both 30108 and 2080505). Differences are worth a look, not
/// necessarily wrong: a unit may book them elsewhere.
pub const ECON_FUNCTION_CROSSWALK: &[(&[&str], &[&str])] = &[
    (&["30108"], &["2080505"]),
    (&["30109"], &["2080506"]),
    (&["30110"], &["2101101", "2101102"]),
    (&["30111"], &["2101103"]),
    (&["30113"], &["2210201"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::schema;

    #[test]
    fn every_identity_names_declared_cells() {
        for id in all_identities() {
            for c in std::iter::once(&id.left).chain(id.right).chain(id.minus) {
                let s = schema(c.table).unwrap_or_else(|| panic!("{}", c.table));
                let p = s.panel(c.panel).unwrap_or_else(|| panic!("{}.{}", c.table, c.panel));
                assert!(p.column_index(c.column).is_some(), "{c:?}");
                let fixed = p.fixed_rows.iter().any(|f| f.key == c.row);
                let code = c.row.chars().all(|ch| ch.is_ascii_digit());
                assert!(fixed || code, "{c:?}");
            }
        }
    }
}
