//! C: what a disclosure must contain (财预〔2016〕143号, 地方预决算公开操作规程).

mod c001_required_table_missing;
mod c002_empty_table_unexplained;
mod c003_required_section_missing;
mod c004_three_public_incomplete;
mod c005_change_without_reason;
mod c006_code_name_off_catalog;
mod c007_form_not_recognized;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    c001_required_table_missing::REQUIRED_TABLE_MISSING,
    c002_empty_table_unexplained::EMPTY_TABLE_UNEXPLAINED,
    c003_required_section_missing::REQUIRED_SECTION_MISSING,
    c004_three_public_incomplete::THREE_PUBLIC_INCOMPLETE,
    c005_change_without_reason::CHANGE_WITHOUT_REASON,
    c006_code_name_off_catalog::CODE_NAME_OFF_CATALOG,
    c007_form_not_recognized::FORM_NOT_RECOGNIZED,
];
