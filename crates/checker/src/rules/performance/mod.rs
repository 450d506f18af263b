//! P: performance-target tables.

pub(crate) mod lookup;

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
