//! `yusuan check PATH...` over many files: the library inspects, this prints.

use crate::lang::Lang;
use crate::CheckFormat;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yusuan_inspect::{inspect_all, BatchSummary, FileOutcome, Options};
use yusuan_model::Catalog;

/// The options of `check`.
pub struct BatchOptions {
    pub format: CheckFormat,
    pub verbose: bool,
    /// Per document: figures read, settled, verified, left unverified and why.
    pub stats: bool,
    pub out: Option<PathBuf>,
    pub max_bytes: u64,
    pub jobs: Option<usize>,
    /// Replace `out` even when it is not yusuan's unchanged output.
    pub force: bool,
    /// A file taking longer is reported as timed out; `None`: no limit.
    pub timeout: Option<std::time::Duration>,
}

/// More files than this get a progress bar (when standard error is a terminal).
const PROGRESS_FROM: usize = 4;

pub fn run(paths: &[PathBuf], options: &BatchOptions, catalog: &Catalog, lang: Lang) -> Result<ExitCode, String> {
    if options.format == CheckFormat::Checklist && options.out.is_none() {
        return Err(lang
            .pick("--format checklist 需要 --out 文件.xlsx", "--format checklist needs --out FILE.xlsx")
            .to_string());
    }
    // Before any file is read: a batch can take minutes, and then could not write its report.
    if let Some(out) = options.out.as_deref().filter(|o| !options.force && crate::write::would_clobber(o)) {
        return Err(crate::write::clobber_error(out, lang));
    }
    let inputs = yusuan_inspect::collect(paths);
    let progress = if std::io::stderr().is_terminal() && inputs.len() >= PROGRESS_FROM {
        let bar = ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta} {wide_msg}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let inspect_options = Options {
        max_bytes: options.max_bytes,
        checklist: options.format == CheckFormat::Checklist,
        jobs: options.jobs,
        timeout: options.timeout,
    };
    // A panic inside one file is caught and reported as that file's failure; its message goes in
    // the report, not on the terminal.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let outcomes = inspect_all(&inputs, catalog, &inspect_options, &|o: &FileOutcome| {
        progress.set_message(o.path.display().to_string());
        progress.inc(1);
    });
    std::panic::set_hook(hook);
    progress.finish_and_clear();
    let summary = BatchSummary::of(&outcomes);
    match options.format {
        CheckFormat::Human => {
            stdout(yusuan_inspect::human::render(&outcomes, lang.code(), options.verbose, options.stats).as_bytes())?
        }
        CheckFormat::Json => emit(options, yusuan_inspect::json::render(&outcomes, lang.code()).as_bytes(), lang)?,
        CheckFormat::Csv => emit(options, &yusuan_inspect::csv_report::render(&outcomes, lang.code())?, lang)?,
        CheckFormat::Checklist => {
            let bytes = yusuan_inspect::checklist_xlsx::render(&outcomes)?;
            let out = options.out.as_deref().unwrap_or(Path::new("checklist.xlsx"));
            crate::write::write_output(out, &bytes, options.force, lang)?;
            stdout(yusuan_inspect::human::render(&outcomes, lang.code(), options.verbose, options.stats).as_bytes())?;
        }
    }
    if inputs.is_empty() {
        eprintln!("{}", lang.pick("没有找到可检查的文件", "no files to check were found"));
    }
    Ok(ExitCode::from(summary.exit_code()))
}

fn stdout(bytes: &[u8]) -> Result<(), String> {
    std::io::stdout().write_all(bytes).map_err(|e| e.to_string())
}

/// The report to `--out` (through [`crate::write::write_output`]) or to standard output.
pub fn emit(options: &BatchOptions, bytes: &[u8], lang: Lang) -> Result<(), String> {
    match options.out.as_deref() {
        Some(path) => crate::write::write_output(path, bytes, options.force, lang),
        None => stdout(bytes),
    }
}
