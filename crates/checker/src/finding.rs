//! What the checker reports.

use serde::{Deserialize, Serialize};
use yusuan_model::span::Span;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing, not wrong: a difference rounding explains, a convention.
    Info,
    /// Probably wrong or missing; a person should look.
    Warning,
    /// The figures do not agree beyond what rounding can explain.
    Error,
}

impl Severity {
    pub fn label(self, lang: &str) -> &'static str {
        match (self, lang) {
            (Severity::Error, "en") => "error",
            (Severity::Warning, "en") => "warning",
            (Severity::Info, "en") => "info",
            (Severity::Error, _) => "错误",
            (Severity::Warning, _) => "警告",
            (Severity::Info, _) => "提示",
        }
    }
}

/// A message in Chinese (the default) and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Message { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.zh
        }
    }
}

/// Another place a finding concerns, with what it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub span: Span,
    pub label: Message,
}

/// One finding: which rule, how serious, what, where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable code (`T001`).
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Message,
    /// The figure or text the finding is about.
    pub span: Span,
    /// The other figures that take part.
    pub related: Vec<Related>,
    /// What the identity says the figure should be, as printed would show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// What the document prints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// For an error: the figure most likely wrong and what the other figures say it should be.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<crate::blame::Suggestion>,
}

/// How many figures a document states, how many have a known place (table cells whose column
/// is settled, and every figure outside tables), how many some evaluated identity covered, and
/// why the others were not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coverage {
    pub figures: usize,
    pub settled: usize,
    pub verified: usize,
    /// The figures no rule could verify.
    pub unverified: Vec<Span>,
    /// How many of the unverified figures were left so for each reason.
    pub why_unverified: std::collections::BTreeMap<crate::stats::Unverified, usize>,
}

/// Counts by severity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// Everything the checker says of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub coverage: Coverage,
    pub summary: Summary,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The findings of one rule.
    pub fn of_rule<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule == code)
    }
}
