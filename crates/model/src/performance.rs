//! 绩效目标表: the performance-target tables of the whole department and of each project.

use serde::{Deserialize, Serialize};

/// One 绩效目标表.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerformanceTargets {}
