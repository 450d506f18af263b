//! 绩效目标表 blocks (部门整体 and 项目支出) into [`PerformanceTargets`].

use super::source::Line;
use yusuan_model::note::ReadNote;
use yusuan_model::performance::PerformanceTargets;

/// Reads one performance-target table: `block` runs from its title line (…绩效目标表) to the
/// line before whatever follows it.
pub fn read(block: &[Line]) -> (PerformanceTargets, Vec<ReadNote>) {
    let _ = block;
    (PerformanceTargets {}, Vec::new())
}
