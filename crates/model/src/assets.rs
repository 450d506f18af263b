//! 国有资产占用使用情况: the state assets a department holds.

use serde::{Deserialize, Serialize};

/// What the narrative states of state assets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateAssets {}
