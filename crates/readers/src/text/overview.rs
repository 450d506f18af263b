//! Part 1 部门概况 into [`Overview`].

use super::source::Line;
use yusuan_model::note::ReadNote;
use yusuan_model::overview::Overview;

/// Reads Part 1. `lines` run from the part's heading to the line before Part 2.
pub fn read(lines: &[Line]) -> (Overview, Vec<ReadNote>) {
    let _ = lines;
    (Overview::default(), Vec::new())
}
