//! The whole published package.

use crate::narrative::Narrative;
use crate::note::ReadNote;
use crate::overview::Overview;
use crate::performance::PerformanceTargets;
use crate::span::Spanned;
use crate::table::{DocumentKind, Table};
use serde::{Deserialize, Serialize};

/// One term of Part 4 名词解释.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GlossaryEntry {
    pub term: Spanned<String>,
    pub definition: Spanned<String>,
}

/// A department budget disclosure (部门预算公开) or final accounts (部门决算公开), as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disclosure {
    /// Version of this JSON shape; bumped when a field changes meaning or goes away.
    pub schema_version: u32,
    pub document: DocumentKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Spanned<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Spanned<u16>>,
    /// The date signed at the end (`2024年 2月 23日`), as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Spanned<String>>,
    pub overview: Overview,
    pub tables: Vec<Table>,
    pub narrative: Narrative,
    pub performance: Vec<PerformanceTargets>,
    pub glossary: Vec<GlossaryEntry>,
    pub notes: Vec<ReadNote>,
}

impl Disclosure {
    pub const SCHEMA_VERSION: u32 = 1;

    pub fn new(document: DocumentKind) -> Self {
        Disclosure {
            schema_version: Self::SCHEMA_VERSION,
            document,
            department: None,
            year: None,
            signed: None,
            overview: Overview::default(),
            tables: Vec::new(),
            narrative: Narrative::default(),
            performance: Vec::new(),
            glossary: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The table of a kind, if the document has it.
    pub fn table(&self, kind: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}
