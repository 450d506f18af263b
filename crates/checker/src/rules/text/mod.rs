//! W: what an inspector finds by reading: wording, template slots, years.

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
