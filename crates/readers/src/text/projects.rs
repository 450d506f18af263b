//! Project descriptions of the narrative (（一）项目名称：… 资金分配情况：…).

use super::source::Line;
use yusuan_model::note::ReadNote;
use yusuan_model::project::ProjectDescription;

/// Reads every project description in `lines` (Part 3 without the performance tables).
pub fn read(lines: &[Line]) -> (Vec<ProjectDescription>, Vec<ReadNote>) {
    let _ = lines;
    (Vec::new(), Vec::new())
}
