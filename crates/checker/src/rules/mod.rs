//! Every rule, one per file, and the registry that gives each its stable code.

mod t001_row_total;
mod t002_parent_sum;
mod t003_declared_row_sum;
mod t004_unplaceable_row;
mod x001_cross_table;

use crate::rule::Rule;

/// Every rule, in code order.
pub const ALL: &[Rule] = &[
    t001_row_total::TABLE_ROW_TOTAL,
    t002_parent_sum::TABLE_PARENT_SUM,
    t003_declared_row_sum::TABLE_DECLARED_ROW_SUM,
    t004_unplaceable_row::TABLE_UNPLACEABLE_ROW,
    x001_cross_table::CROSS_TABLE_IDENTITY,
];

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    ALL.iter().find(|r| r.info.code.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.info.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
        for r in ALL {
            assert!(r.info.doc.lines().filter(|l| !l.trim().is_empty()).count() >= 2, "{} needs a doc", r.info.code);
        }
    }
}
