//! Project descriptions of the narrative (项目名称, 设立的政策依据, 预算安排规模, 资金分配情况 …).

use serde::{Deserialize, Serialize};

/// One project as the narrative describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectDescription {}
