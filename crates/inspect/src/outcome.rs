//! What one file comes to: a few counts and the essential fields of its findings, or why it could
//! not be read. Small on purpose: a batch keeps these, never the documents.

use crate::checklist::Checklist;
use std::path::PathBuf;
use yusuan_checker::finding::Summary;
use yusuan_checker::{Message, Severity};
use yusuan_model::origin::Location;
use yusuan_model::table::DocumentKind;
use yusuan_model::Span;
use yusuan_readers::open::{Format, OpenError};

/// One file of a batch and what became of it.
#[derive(Clone, Debug)]
pub struct FileOutcome {
    pub path: PathBuf,
    /// The format read, or the one the name says when the file could not be read.
    pub format: Option<Format>,
    pub result: Result<Checked, Unreadable>,
}

/// A document read and checked.
#[derive(Clone, Debug)]
pub struct Checked {
    pub document: DocumentKind,
    pub department: Option<String>,
    pub year: Option<u16>,
    pub summary: Summary,
    pub figures: usize,
    /// Figures whose place is known (table cells of settled columns, every figure outside tables).
    pub settled: usize,
    pub verified: usize,
    /// Why the figures left unverified were, by count.
    pub why_unverified: std::collections::BTreeMap<yusuan_checker::stats::Unverified, usize>,
    /// Every finding, in the checker's order.
    pub findings: Vec<FindingRecord>,
    /// The inspection checklist, when asked for.
    pub checklist: Option<Checklist>,
}

/// The essential fields of a finding.
#[derive(Clone, Debug)]
pub struct FindingRecord {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Message,
    pub span: Span,
    /// The page and box, or sheet and cell, when the document was rebuilt from a PDF or workbook.
    pub location: Option<Location>,
    pub expected: Option<String>,
    pub actual: Option<String>,
    pub suggestion: Option<SuggestionRecord>,
}

/// The figure an error most likely concerns, where it is, and what the other figures make it.
#[derive(Clone, Debug)]
pub struct SuggestionRecord {
    pub span: Span,
    pub location: Option<Location>,
    pub value: String,
}

/// Why a file gave no report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// The file system refused (missing, permissions, a folder that cannot be listed).
    Io(String),
    /// Bigger than the limit: not read at all.
    TooLarge { bytes: u64, limit: u64 },
    /// Read, but no disclosure in it.
    Open(OpenError),
    /// Reading or checking it failed inside yusuan (a bug); the batch went on.
    Panicked(String),
    /// A form not filled in: its tables hold no figure.
    BlankTemplate { tables: usize },
    /// Not read and checked within the time limit (`--timeout`); the batch went on.
    TimedOut { seconds: u64 },
}

impl Unreadable {
    /// A stable code for machines: `io`, `too_large`, `empty`, `scanned`, `damaged`, `not_text`,
    /// `not_a_disclosure`, `other_kind`, `blank_template`, `internal_error`, `timed_out`.
    pub fn code(&self) -> &'static str {
        match self {
            Unreadable::Io(_) => "io",
            Unreadable::TooLarge { .. } => "too_large",
            Unreadable::Open(OpenError::Empty) => "empty",
            Unreadable::Open(OpenError::Scanned { .. }) => "scanned",
            Unreadable::Open(OpenError::Damaged { .. }) => "damaged",
            Unreadable::Open(OpenError::NotText) => "not_text",
            Unreadable::Open(OpenError::NotADisclosure) => "not_a_disclosure",
            Unreadable::Open(OpenError::OtherKind(_)) => "other_kind",
            Unreadable::Panicked(_) => "internal_error",
            Unreadable::BlankTemplate { .. } => "blank_template",
            Unreadable::TimedOut { .. } => "timed_out",
        }
    }

    /// The reason in Chinese (`zh`) or English (`en`).
    pub fn message(&self, lang: &str) -> String {
        let en = lang == "en";
        let mb = |b: u64| format!("{:.1}", b as f64 / (1024.0 * 1024.0));
        match self {
            Unreadable::Io(detail) if en => format!("cannot read the file ({detail})"),
            Unreadable::Io(detail) => format!("无法读取文件（{detail}）"),
            Unreadable::TooLarge { bytes, limit } if en => {
                format!("too large: {} MB, over the limit of {} MB; not read", mb(*bytes), mb(*limit))
            }
            Unreadable::TooLarge { bytes, limit } => {
                format!("文件过大：{} MB，超过 {} MB 的上限，未读取", mb(*bytes), mb(*limit))
            }
            Unreadable::Open(e) => e.message(lang),
            Unreadable::BlankTemplate { tables } if en => {
                format!("a blank template: its {tables} tables hold no figure and its text no amount; check the filled-in disclosure")
            }
            Unreadable::BlankTemplate { tables } => {
                format!("空白模板：{tables} 张表都没有数字，说明中也没有金额；请检查填好的公开文件")
            }
            Unreadable::Panicked(detail) if en => {
                format!("internal error while reading or checking this file ({detail}); skipped, please report it")
            }
            Unreadable::Panicked(detail) => format!("读取或检查此文件时内部出错（{detail}），已跳过，请报告此问题"),
            Unreadable::TimedOut { seconds } if en => {
                format!("not checked within the time limit of {seconds} s (--timeout); skipped, please report it")
            }
            Unreadable::TimedOut { seconds } => {
                format!("超过 {seconds} 秒的时限（--timeout）仍未检查完，已跳过，请报告此问题")
            }
        }
    }
}

impl FileOutcome {
    pub fn checked(&self) -> Option<&Checked> {
        self.result.as_ref().ok()
    }

    pub fn errors(&self) -> usize {
        self.checked().map_or(0, |c| c.summary.errors)
    }

    pub fn warnings(&self) -> usize {
        self.checked().map_or(0, |c| c.summary.warnings)
    }
}

/// `text`, `pdf`, `workbook`: the format's name in JSON and CSV.
pub fn format_code(format: Option<Format>) -> Option<&'static str> {
    format.map(|f| match f {
        Format::Text => "text",
        Format::Pdf => "pdf",
        Format::Workbook => "workbook",
    })
}

/// The totals of a batch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchSummary {
    /// Files taken.
    pub files: usize,
    /// Files read and checked.
    pub checked: usize,
    /// Checked files with at least one error.
    pub with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files that could not be read.
    pub unreadable: usize,
}

impl BatchSummary {
    pub fn of(outcomes: &[FileOutcome]) -> BatchSummary {
        let mut s = BatchSummary { files: outcomes.len(), ..Default::default() };
        for o in outcomes {
            match &o.result {
                Ok(c) => {
                    s.checked += 1;
                    s.with_errors += usize::from(c.summary.errors > 0);
                    s.errors += c.summary.errors;
                    s.warnings += c.summary.warnings;
                    s.infos += c.summary.infos;
                }
                Err(_) => s.unreadable += 1,
            }
        }
        s
    }

    /// The exit status: 2 when nothing at all could be read, 1 when any error was found, else 0.
    /// Unreadable files next to readable ones do not by themselves make it 1.
    pub fn exit_code(&self) -> u8 {
        if self.checked == 0 {
            2
        } else if self.errors > 0 {
            1
        } else {
            0
        }
    }
}
