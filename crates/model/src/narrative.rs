//! Part 3 情况说明: every figure the narrative states, as a typed fact.

use crate::assets::StateAssets;
use crate::project::ProjectDescription;
use serde::{Deserialize, Serialize};

/// A statement of the narrative: subject, amount, share, change, reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {}

/// A numbered section heading of the narrative (`三、 关于…支出预算情况说明`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {}

/// 情况说明.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Narrative {
    pub sections: Vec<Section>,
    pub facts: Vec<Fact>,
    pub projects: Vec<ProjectDescription>,
    pub state_assets: StateAssets,
}
