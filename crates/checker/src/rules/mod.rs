//! Every rule, one per file under its family's folder, and the registry that gives each its
//! stable code (a family letter and a number).

mod arithmetic;
mod completeness;
mod cross;
mod narrative;
mod performance;
mod tables;
mod text;

use crate::rule::Rule;

/// The families' rule lists, in report order.
const FAMILIES: &[&[Rule]] = &[
    tables::RULES,
    cross::RULES,
    narrative::RULES,
    arithmetic::RULES,
    performance::RULES,
    text::RULES,
    completeness::RULES,
];

/// Every rule.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|f| f.iter())
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    all().find(|r| r.info.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<&str> = all().map(|r| r.info.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule codes");
        for r in all() {
            assert!(r.info.doc.lines().filter(|l| !l.trim().is_empty()).count() >= 2, "{} needs a doc", r.info.code);
            assert!(r.info.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.info.name);
        }
    }
}
