//! X: identities between tables.

mod x001_cross_table;
mod x002_code_rows;
mod x003_econ_function_crosswalk;
mod x004_projects_by_code;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    x001_cross_table::CROSS_TABLE_IDENTITY,
    x002_code_rows::CODE_ROWS_ACROSS_TABLES,
    x003_econ_function_crosswalk::ECON_FUNCTION_CROSSWALK_RULE,
    x004_projects_by_code::PROJECTS_BY_CODE,
];
