//! 国有资产占用使用情况 into [`StateAssets`].

use super::source::Line;
use yusuan_model::assets::StateAssets;
use yusuan_model::note::ReadNote;

/// Reads the state-asset statements in `lines` (Part 3 without the performance tables).
pub fn read(lines: &[Line]) -> (StateAssets, Vec<ReadNote>) {
    let _ = lines;
    (StateAssets::default(), Vec::new())
}
