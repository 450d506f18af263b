//! P: performance-target tables.

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
