//! C: what a disclosure must contain.

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
