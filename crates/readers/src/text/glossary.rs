//! Part 4 名词解释 into [`GlossaryEntry`]s.

use super::source::Line;
use yusuan_model::disclosure::GlossaryEntry;
use yusuan_model::note::ReadNote;

/// Reads Part 4. `lines` run from the part's heading to the end of the part.
pub fn read(lines: &[Line]) -> (Vec<GlossaryEntry>, Vec<ReadNote>) {
    let _ = lines;
    (Vec::new(), Vec::new())
}
