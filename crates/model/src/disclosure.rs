//! The whole published package.

use crate::narrative::Narrative;
use crate::note::ReadNote;
use crate::origin::SourceMap;
use crate::overview::Overview;
use crate::performance::PerformanceTargets;
use crate::span::Spanned;
use crate::table::{DocumentKind, Table};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One term of Part 4 名词解释.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GlossaryEntry {
    /// The term as printed.
    pub term: Spanned<String>,
    /// Its definition, wrapped lines joined.
    pub definition: Spanned<String>,
}

/// A department budget disclosure (部门预算公开) or final accounts (部门决算公开), as read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Disclosure {
    /// Version of this JSON shape; bumped when a field changes meaning or goes away.
    pub schema_version: u32,
    /// Budget (预算) or final accounts (决算).
    pub document: DocumentKind,
    /// The form the document is in (`national-budget`, `shanghai-unit-budget`, …: the id of a
    /// loaded form, `yusuan_model::registry`), when it fits one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    /// The department, from the cover or first heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<Spanned<String>>,
    /// The budget year (`2024`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Spanned<u16>>,
    /// The date signed at the end (`2024年 2月 23日`), as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signed: Option<Spanned<String>>,
    /// Part 1 部门概况: duties, organisation, staffing.
    pub overview: Overview,
    /// Part 2 部门预算公开表: the tables, in printed order.
    pub tables: Vec<Table>,
    /// Part 3 情况说明: sections, facts, project descriptions, state assets.
    pub narrative: Narrative,
    /// 绩效目标表: department and project performance targets, in printed order.
    pub performance: Vec<PerformanceTargets>,
    /// Part 4 名词解释.
    pub glossary: Vec<GlossaryEntry>,
    /// What the reader could not settle or place; nothing is dropped silently.
    pub notes: Vec<ReadNote>,
    /// The source's lines as read (line `n` is `source_lines[n - 1]`), for checks of wording
    /// (template slots, reasons left blank) that the typed model does not keep. Not part of the
    /// JSON: it is the input itself.
    #[serde(skip)]
    pub source_lines: Vec<String>,
    /// The source lines read as page furniture (page numbers, running headers and footers) and
    /// passed over, by number. Not part of the JSON, as `source_lines`.
    #[serde(skip)]
    pub page_furniture: Vec<u32>,
    /// When the text was rebuilt from a PDF or a workbook: the page and box, or sheet and cell,
    /// of each of its lines. Not part of the JSON: findings carry the locations they need.
    #[serde(skip)]
    pub source_map: Option<SourceMap>,
}

impl Disclosure {
    pub const SCHEMA_VERSION: u32 = 1;

    pub fn new(document: DocumentKind) -> Self {
        Disclosure {
            schema_version: Self::SCHEMA_VERSION,
            document,
            form: None,
            department: None,
            year: None,
            signed: None,
            overview: Overview::default(),
            tables: Vec::new(),
            narrative: Narrative::default(),
            performance: Vec::new(),
            glossary: Vec::new(),
            notes: Vec::new(),
            source_lines: Vec::new(),
            page_furniture: Vec::new(),
            source_map: None,
        }
    }

    /// The JSON Schema (draft 2020-12) of the JSON this model serialises to; the doc comments of
    /// the model's types and fields are its descriptions. `docs/schema/disclosure.schema.json`
    /// is this, committed.
    pub fn json_schema() -> schemars::Schema {
        // The serialize contract: the schema describes what `extract --format json` writes (fields
        // skipped when empty are optional, decimals are strings).
        schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<Disclosure>()
    }

    /// The table of a kind, if the document has it.
    pub fn table(&self, kind: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}
