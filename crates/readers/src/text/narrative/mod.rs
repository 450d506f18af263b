//! The statements of Part 3 情况说明 into typed [`Fact`]s.

mod lexicon;
mod norm;

use super::source::Line;
use yusuan_model::narrative::{Fact, Section};
use yusuan_model::note::ReadNote;

/// Reads the narrative's sections and facts. `lines` are Part 3 without the performance tables.
pub fn read(lines: &[Line]) -> (Vec<Section>, Vec<Fact>, Vec<ReadNote>) {
    let _ = lines;
    (Vec::new(), Vec::new(), Vec::new())
}
