//! N: the narrative's figures against the tables and against each other.

use crate::rule::Rule;

pub const RULES: &[Rule] = &[];
