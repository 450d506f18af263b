//! T: identities inside one table.

mod t001_row_total;
mod t002_parent_sum;
mod t003_declared_row_sum;
mod t004_unplaceable_row;
mod t005_table_misread;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    t001_row_total::TABLE_ROW_TOTAL,
    t002_parent_sum::TABLE_PARENT_SUM,
    t003_declared_row_sum::TABLE_DECLARED_ROW_SUM,
    t004_unplaceable_row::TABLE_UNPLACEABLE_ROW,
    t005_table_misread::TABLE_MISREAD,
];
