//! W: what an inspector finds by reading: wording, template slots, years.

mod w001_compared_with_own_year;
mod w002_item_amount_stated_twice;
mod w003_code_named_differently;
mod w004_direction_words_disagree;
mod w005_template_slot_unfilled;
mod w006_reason_left_blank;
mod w007_final_accounts_year;
mod w008_reason_against_change;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[
    w001_compared_with_own_year::COMPARED_WITH_OWN_YEAR,
    w002_item_amount_stated_twice::ITEM_AMOUNT_STATED_TWICE,
    w003_code_named_differently::CODE_NAMED_DIFFERENTLY,
    w004_direction_words_disagree::DIRECTION_WORDS_DISAGREE,
    w005_template_slot_unfilled::TEMPLATE_SLOT_UNFILLED,
    w006_reason_left_blank::REASON_LEFT_BLANK,
    w007_final_accounts_year::FINAL_ACCOUNTS_YEAR,
    w008_reason_against_change::REASON_AGAINST_CHANGE,
];
