//! X: identities between tables.

mod x001_cross_table;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[x001_cross_table::CROSS_TABLE_IDENTITY];
