//! Part 1 部门概况: duties, organisation, staffing.

use serde::{Deserialize, Serialize};

/// 部门概况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {}
