//! One file read, checked and reduced; many files so, in parallel, each failure its own.

use crate::checklist::Checklist;
use crate::files::Input;
use crate::outcome::{Checked, FileOutcome, FindingRecord, SuggestionRecord, Unreadable};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::{mpsc, Arc};
use std::time::Duration;
use yusuan_checker::{check, Config, Report};
use yusuan_model::{Catalog, Disclosure};
use yusuan_readers::open::{open, Format, OpenError, Opened};

/// How a batch runs.
#[derive(Clone, Debug)]
pub struct Options {
    /// Files bigger than this many bytes are reported as too large without being read.
    pub max_bytes: u64,
    /// Build each document's checklist (检查表).
    pub checklist: bool,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// A file not read and checked within this time is reported as timed out and the batch goes
    /// on; `None` waits for every file.
    pub timeout: Option<Duration>,
}

/// 200 MB: far above any disclosure, far below what would exhaust a reviewer's machine.
pub const DEFAULT_MAX_BYTES: u64 = 200 * 1024 * 1024;

/// A minute: a real disclosure checks in well under a second.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: DEFAULT_MAX_BYTES, checklist: false, jobs: None, timeout: Some(DEFAULT_TIMEOUT) }
    }
}

/// Reads a file into a disclosure: its size checked first (a file over `max_bytes` is not read),
/// then its bytes opened by [`open`] whatever the format.
pub fn open_path(path: &Path, catalog: &Catalog, max_bytes: u64) -> Result<Opened, Unreadable> {
    let meta = std::fs::metadata(path).map_err(|e| Unreadable::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(Unreadable::Io("is a folder / 是文件夹".into()));
    }
    if meta.len() > max_bytes {
        return Err(Unreadable::TooLarge { bytes: meta.len(), limit: max_bytes });
    }
    let bytes = std::fs::read(path).map_err(|e| Unreadable::Io(e.to_string()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    open(&name, &bytes, catalog).map_err(Unreadable::Open)
}

/// Reads a file to check it: as [`open_path`], and a blank template is not a disclosure to
/// check (its hundreds of unfilled slots would read as findings).
pub fn open_to_check(path: &Path, catalog: &Catalog, max_bytes: u64) -> Result<Opened, Unreadable> {
    let opened = open_path(path, catalog, max_bytes)?;
    match yusuan_readers::open::blank_template(&opened.disclosure) {
        Some(tables) => Err(Unreadable::BlankTemplate { tables }),
        None => Ok(opened),
    }
}

/// Reads, checks and reduces one file. Never panics: a panic inside reading or checking is
/// caught and reported as the file's failure.
pub fn inspect_file(path: &Path, catalog: &Catalog, options: &Options) -> FileOutcome {
    guarded(path, || inspect_unguarded(path, catalog, options))
}

/// Runs `work` for one file; a panic becomes that file's [`Unreadable::Panicked`].
pub(crate) fn guarded(path: &Path, work: impl FnOnce() -> FileOutcome) -> FileOutcome {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        FileOutcome {
            path: path.to_path_buf(),
            format: format_by_name(path),
            result: Err(Unreadable::Panicked(detail)),
        }
    })
}

fn inspect_unguarded(path: &Path, catalog: &Catalog, options: &Options) -> FileOutcome {
    let opened = open_to_check(path, catalog, options.max_bytes);
    let format = match &opened {
        Ok(o) => Some(o.format),
        Err(Unreadable::Open(OpenError::Damaged { format, .. })) => Some(*format),
        Err(_) => format_by_name(path),
    };
    let result = opened.map(|o| {
        let report = check(&o.disclosure, &Config::default(), catalog);
        reduce(&o.disclosure, &report, options)
    });
    FileOutcome { path: path.to_path_buf(), format, result }
}

/// Inspects one file on a thread of its own, waiting at most `limit`. Reading and checking cannot
/// be stopped from outside, so a file past the limit is reported as timed out and its thread left
/// to finish in the background, its result dropped (it ends with the process at the latest).
fn inspect_within(path: &Path, catalog: &Arc<Catalog>, options: &Options, limit: Duration) -> FileOutcome {
    let (tx, rx) = mpsc::channel();
    let (owned, shared, worker_options) = (path.to_path_buf(), Arc::clone(catalog), options.clone());
    let spawned = std::thread::Builder::new().name("yusuan-file".into()).spawn(move || {
        // The receiver is gone when the file timed out: nothing to report to.
        let _ = tx.send(inspect_file(&owned, &shared, &worker_options));
    });
    // No thread to be had: the file is checked here, without a limit.
    if spawned.is_err() {
        return inspect_file(path, catalog, options);
    }
    let failed =
        |why: Unreadable| FileOutcome { path: path.to_path_buf(), format: format_by_name(path), result: Err(why) };
    match rx.recv_timeout(limit) {
        Ok(outcome) => outcome,
        Err(mpsc::RecvTimeoutError::Timeout) => failed(Unreadable::TimedOut { seconds: limit.as_secs() }),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            failed(Unreadable::Panicked("worker ended without a result".into()))
        }
    }
}

fn format_by_name(path: &Path) -> Option<Format> {
    Format::detect(&path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), b"")
}

/// The small result of a checked document.
pub fn reduce(doc: &Disclosure, report: &Report, options: &Options) -> Checked {
    let findings = report
        .findings
        .iter()
        .map(|f| FindingRecord {
            rule: f.rule,
            severity: f.severity,
            message: f.message.clone(),
            span: f.span,
            location: doc.source_map.as_ref().and_then(|m| m.locate(f.span)),
            expected: f.expected.clone(),
            actual: f.actual.clone(),
            suggestion: f.suggestion.as_ref().map(|s| SuggestionRecord {
                span: s.span,
                location: doc.source_map.as_ref().and_then(|m| m.locate(s.span)),
                value: s.value.clone(),
            }),
        })
        .collect();
    Checked {
        document: doc.document,
        department: doc.department.as_ref().or(doc.overview.department.as_ref()).map(|d| d.value.clone()),
        year: doc.year.as_ref().or(doc.overview.year.as_ref()).map(|y| y.value),
        summary: report.summary.clone(),
        figures: report.coverage.figures,
        settled: report.coverage.settled,
        verified: report.coverage.verified,
        why_unverified: report.coverage.why_unverified.clone(),
        findings,
        checklist: options.checklist.then(|| Checklist::build(doc, report)),
    }
}

/// Inspects every input in parallel, in input order. Each worker holds one document at a time, so
/// memory grows with the workers, not with the batch. `on_done` is called as each file finishes
/// (from the worker threads), for a progress bar.
pub fn inspect_all(
    inputs: &[Input],
    catalog: &Catalog,
    options: &Options,
    on_done: &(dyn Fn(&FileOutcome) + Sync),
) -> Vec<FileOutcome> {
    // One copy of the catalog for the batch, shared with the threads a time limit needs.
    let shared = options.timeout.map(|limit| (Arc::new(catalog.clone()), limit));
    let run = || -> Vec<FileOutcome> {
        inputs
            .par_iter()
            .with_max_len(1)
            .map(|input| {
                let outcome = match (input, &shared) {
                    (Input::File(path), Some((catalog, limit))) => inspect_within(path, catalog, options, *limit),
                    (Input::File(path), None) => inspect_file(path, catalog, options),
                    (Input::Unlisted { path, detail }, _) => {
                        FileOutcome { path: path.clone(), format: None, result: Err(Unreadable::Io(detail.clone())) }
                    }
                };
                on_done(&outcome);
                outcome
            })
            .collect()
    };
    match options.jobs.and_then(|n| rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build().ok()) {
        Some(pool) => pool.install(run),
        None => run(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_the_files_failure_not_the_runs() {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let o = guarded(Path::new("bad.pdf"), || panic!("boom"));
        std::panic::set_hook(hook);
        assert_eq!(o.result.unwrap_err(), Unreadable::Panicked("boom".into()));
        assert_eq!(o.format, Some(Format::Pdf));
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = std::env::temp_dir().join(format!("yusuan-inspect-big-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let big = dir.join("big.txt");
        std::fs::File::create(&big).unwrap().set_len(300 * 1024 * 1024).unwrap();
        let o = inspect_file(&big, Catalog::shared_builtin(), &Options::default());
        assert_eq!(o.result.as_ref().unwrap_err().code(), "too_large");
        assert!(o.result.unwrap_err().message("zh").contains("300.0 MB"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn the_seed_reduces_to_its_two_errors() {
        let seed = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt"));
        let o = inspect_file(seed, Catalog::shared_builtin(), &Options::default());
        let c = o.checked().unwrap();
        assert_eq!(o.format, Some(Format::Text));
        assert_eq!(c.summary.errors, 2);
        assert_eq!(c.year, Some(2024));
        assert_eq!(c.department.as_deref(), Some("昌吉回族自治州人力资源和社会保障服务中心"));
        let errors: Vec<(&str, u32)> = c
            .findings
            .iter()
            .filter(|f| f.severity == yusuan_checker::Severity::Error)
            .map(|f| (f.rule, f.span.line))
            .collect();
        assert_eq!(errors, [("A001", 1116), ("A006", 1256)]);
        assert!(c.findings.iter().all(|f| f.location.is_none()));
        assert!(c.checklist.is_none());
    }

    #[test]
    fn a_file_past_the_time_limit_is_reported_and_the_batch_goes_on() {
        let dir = std::env::temp_dir().join(format!("yusuan-inspect-slow-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let seed = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");
        // Twenty seeds take a good part of a second; a microsecond is not enough.
        let slow = dir.join("slow.txt");
        std::fs::write(&slow, seed.repeat(20)).unwrap();
        let seed_path = dir.join("seed.txt");
        std::fs::write(&seed_path, seed).unwrap();
        let catalog = Arc::new(Catalog::shared_builtin().clone());
        let o = inspect_within(&slow, &catalog, &Options::default(), Duration::from_micros(1));
        assert_eq!(o.result.as_ref().unwrap_err(), &Unreadable::TimedOut { seconds: 0 });
        assert_eq!((o.result.unwrap_err().code(), o.format), ("timed_out", Some(Format::Text)));
        // Within the limit, the file's outcome is what it is without one.
        let o = inspect_within(&seed_path, &catalog, &Options::default(), DEFAULT_TIMEOUT);
        assert_eq!(o.errors(), 2);
        std::fs::remove_dir_all(&dir).ok();
    }
}
