//! The JSON of a batch: one document for the whole run (see docs/json.md, “The JSON of a batch”).

use crate::location::JsonLocation;
use crate::outcome::{format_code, BatchSummary, FileOutcome, FindingRecord};
use serde::Serialize;
use yusuan_checker::Severity;
use yusuan_model::table::DocumentKind;

/// Bumped when a field changes meaning or goes away.
pub const BATCH_JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonBatch<'a> {
    version: u32,
    summary: BatchSummary,
    files: Vec<JsonFile<'a>>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: String,
    format: Option<&'static str>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason_code: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<DocumentKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<u16>,
    counts: JsonCounts,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize, Default)]
struct JsonCounts {
    errors: usize,
    warnings: usize,
    infos: usize,
    figures: usize,
    settled: usize,
    verified: usize,
    unverified: usize,
    why_unverified: std::collections::BTreeMap<yusuan_checker::stats::Unverified, usize>,
}

/// A finding of a batch (the fields the single-file JSON has, less `file`, which is the entry's
/// `path`).
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub rule: &'a str,
    pub severity: Severity,
    pub message: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<JsonLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<JsonSuggestion<'a>>,
}

/// The figure an error most likely concerns (its place as a finding's is given) and its value.
#[derive(Serialize)]
pub struct JsonSuggestion<'a> {
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<JsonLocation>,
    pub value: &'a str,
}

impl<'a> JsonFinding<'a> {
    pub fn new(f: &'a FindingRecord, lang: &str) -> JsonFinding<'a> {
        JsonFinding {
            rule: f.rule,
            severity: f.severity,
            message: f.message.get(lang),
            line: f.span.line,
            column: f.span.col,
            end_line: f.span.end_line,
            end_column: f.span.end_col,
            location: f.location.as_ref().map(|l| JsonLocation::new(l, lang)),
            expected: f.expected.as_deref(),
            actual: f.actual.as_deref(),
            suggestion: f.suggestion.as_ref().map(|s| JsonSuggestion {
                line: s.span.line,
                column: s.span.col,
                end_line: s.span.end_line,
                end_column: s.span.end_col,
                location: s.location.as_ref().map(|l| JsonLocation::new(l, lang)),
                value: &s.value,
            }),
        }
    }
}

/// The whole batch as pretty JSON, messages in `lang` (`zh` or `en`).
pub fn render(outcomes: &[FileOutcome], lang: &str) -> String {
    let files = outcomes
        .iter()
        .map(|o| {
            let path = o.path.display().to_string();
            let format = format_code(o.format);
            match &o.result {
                Ok(c) => JsonFile {
                    path,
                    format,
                    status: "ok",
                    reason: None,
                    reason_code: None,
                    document: Some(c.document),
                    department: c.department.as_deref(),
                    year: c.year,
                    counts: JsonCounts {
                        errors: c.summary.errors,
                        warnings: c.summary.warnings,
                        infos: c.summary.infos,
                        figures: c.figures,
                        settled: c.settled,
                        verified: c.verified,
                        unverified: c.why_unverified.values().sum(),
                        why_unverified: c.why_unverified.clone(),
                    },
                    findings: c.findings.iter().map(|f| JsonFinding::new(f, lang)).collect(),
                },
                Err(e) => JsonFile {
                    path,
                    format,
                    status: "unreadable",
                    reason: Some(e.message(lang)),
                    reason_code: Some(e.code()),
                    document: None,
                    department: None,
                    year: None,
                    counts: JsonCounts::default(),
                    findings: Vec::new(),
                },
            }
        })
        .collect();
    let batch = JsonBatch { version: BATCH_JSON_VERSION, summary: BatchSummary::of(outcomes), files };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&batch).map(|s| s + "\n").unwrap_or_default()
}
