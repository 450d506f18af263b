//! A: arithmetic written in the text: expressions, allocations, counts and their parts.

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
