//! Inspecting many disclosures in one run, as a reviewer of a whole province does: every file
//! (text, PDF, workbook) read, checked and reduced to a small [`FileOutcome`] before the next is
//! taken, files in parallel, each failure confined to its file. The outcomes print as a human
//! report, one JSON document, CSV rows, or the inspection checklist (检查表) workbook.

pub mod checklist;
pub mod checklist_xlsx;
pub mod csv_report;
pub mod files;
pub mod human;
pub mod inspect;
pub mod json;
pub mod location;
pub mod outcome;
mod parts;

pub use checklist::{Checklist, ChecklistItem, Part};
pub use files::{collect, is_batch};
pub use inspect::{inspect_all, inspect_file, open_path, open_to_check, Options};
pub use outcome::{BatchSummary, Checked, FileOutcome, FindingRecord, Unreadable};
