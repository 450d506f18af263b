//! The `yusuan` command: a thin layer over the library crates.

mod batch;
mod build;
mod check;
mod extract;
mod forms;
mod help_zh;
mod lang;
mod write;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use lang::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "yusuan",
    version,
    about = "部门预算公开：生成、检查、提取 / Chinese department budget disclosures: build, check, extract"
)]
struct Cli {
    /// Language of messages: zh (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = Lang::Zh)]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Json,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
    Csv,
    Checklist,
}

#[derive(Subcommand)]
enum Command {
    /// Check published disclosures: report every figure that does not add up.
    ///
    /// One file: its findings with the lines they concern (and the page or cell, for a PDF or
    /// workbook). Several files or folders: a batch; folders are searched recursively for .pdf,
    /// .xlsx, .xlsm, .xls, .ods and .txt (files named explicitly are taken whatever their
    /// extension), checked in parallel, one line per file and a summary; a file that cannot be
    /// read is reported as such and the batch goes on.
    ///
    /// Exit status: 0 when no error was found, 1 when any error was found, 2 when nothing at all
    /// could be read (a single unreadable file, or a batch where every file was unreadable).
    /// Unreadable files next to readable ones do not by themselves make the status 1.
    Check {
        /// Disclosure files (text extracted from a PDF in any encoding, PDF, workbook) and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output: human (findings with the lines they concern; per file and a summary for a
        /// batch), json (a stable contract, see docs/json.md), csv (one row per finding and per
        /// unreadable file, UTF-8 with BOM for Excel) or checklist (the 检查表 workbook; needs --out).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// One file: also list the figures no rule could verify, and info findings. A batch: list
        /// each file's errors and warnings under its line.
        #[arg(long)]
        verbose: bool,
        /// Per document: how many figures were read, settled (their table column known), verified
        /// by at least one identity, and left unverified, with why.
        #[arg(long)]
        stats: bool,
        /// An official classification catalog (CSV or XLSX) over the partial built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// Write the report to this file instead of standard output; for --format checklist, the
        /// workbook (.xlsx) to write (the per-file lines and summary still go to standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Files bigger than this many megabytes are reported as too large without being read.
        #[arg(long, default_value_t = 200)]
        max_size_mb: u64,
        /// How many files to check at once (default: one per core).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        /// A batch: a file not read and checked within this many seconds is reported as timed
        /// out and the batch goes on (0: no limit).
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        timeout: u64,
        /// A form file (TOML, see crates/model/forms/ and docs/CONTRIBUTING.md) to know besides
        /// the shipped forms; may be given more than once.
        #[arg(long = "form", value_name = "FILE")]
        forms: Vec<PathBuf>,
        /// Replace --out even when it is not yusuan's unchanged output (a file you edited).
        #[arg(long)]
        force: bool,
    },
    /// Print the rule reference: every rule's code, name, severity and documentation.
    Rules,
    /// Build the whole disclosure from a department's budget data (an Excel workbook as `yusuan
    /// template` writes it, or TOML): every total, share and change computed. Writes
    /// disclosure.json, disclosure.txt, disclosure.html and disclosure.xlsx (and, with
    /// `--formats …,pdf`, disclosure.pdf: A4, CJK fonts from Debian's fonts-noto-cjk embedded).
    Build {
        /// The budget data file: budget.xlsx (see `yusuan template`) or budget.toml (see
        /// examples/changji-hrss-2024/budget.toml).
        data: PathBuf,
        /// The folder to write into.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Which formats to write, comma-separated: json, txt, html, xlsx, pdf.
        #[arg(long, value_delimiter = ',', default_value = "json,txt,html,xlsx")]
        formats: Vec<String>,
        /// An official classification catalog (CSV or XLSX) over the partial built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// The form to print: a shipped form's id (national-budget, shanghai-department-budget,
        /// shanghai-unit-budget) or a form file (TOML).
        #[arg(long, default_value = "national-budget")]
        form: String,
        /// Write even when the built package has errors, and replace output files that are not
        /// yusuan's unchanged output.
        #[arg(long)]
        force: bool,
    },
    /// Write the Excel workbook to keep a department's budget data in: one sheet per kind of
    /// data, with headers, data validation and instructions (sheet 说明).
    Template {
        /// The workbook to write.
        #[arg(long, default_value = "budget.xlsx")]
        out: PathBuf,
        /// Fill it with the example department's data (examples/changji-hrss-2024).
        #[arg(long, conflicts_with = "from")]
        example: bool,
        /// Fill it with the data of a TOML file.
        #[arg(long)]
        from: Option<PathBuf>,
        /// Replace --out even when it is not the template yusuan wrote (a workbook you filled).
        #[arg(long)]
        force: bool,
    },
    /// Read a published disclosure (text extracted from its PDF, any encoding) into the typed model.
    Extract {
        /// The disclosure file.
        file: PathBuf,
        /// Output: json (the model, stable field names, exact decimal strings) or text (a summary).
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// An official classification catalog (CSV or XLSX) to use instead of the partial built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// A form file (TOML, see crates/model/forms/ and docs/CONTRIBUTING.md) to know besides
        /// the shipped forms; may be given more than once.
        #[arg(long = "form", value_name = "FILE")]
        forms: Vec<PathBuf>,
    },
}

/// Whether the arguments ask for English (`--lang en`, `--lang=en`): the help is then left in
/// the English of the doc comments, else given in Chinese.
fn english(args: &[std::ffi::OsString]) -> bool {
    let args: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().any(|a| a == "--lang=en") || args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
}

/// The command line, its help in the language asked for.
fn command(english: bool) -> clap::Command {
    let cmd = Cli::command();
    if english {
        cmd
    } else {
        help_zh::localize(cmd)
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let matches = command(english(&args)).get_matches_from(&args);
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result = match cli.command {
        Command::Check { paths, format, verbose, stats, catalog, out, max_size_mb, jobs, timeout, forms, force } => {
            let options = batch::BatchOptions {
                format,
                verbose,
                stats,
                out,
                max_bytes: max_size_mb.saturating_mul(1 << 20),
                jobs,
                timeout: (timeout > 0).then(|| std::time::Duration::from_secs(timeout)),
                force,
            };
            forms::load(&forms, cli.lang).and_then(|()| check::run(&paths, &options, catalog.as_deref(), cli.lang))
        }
        Command::Rules => check::rules(cli.lang),
        Command::Build { data, out, formats, catalog, form, force } => forms::named(&form, cli.lang).and_then(|form| {
            let options = build::BuildOptions { formats: &formats, catalog: catalog.as_deref(), form, force };
            build::run(&data, &out, &options, cli.lang)
        }),
        Command::Template { out, example, from, force } => {
            build::template_cmd(&out, example, from.as_deref(), force, cli.lang)
        }
        Command::Extract { file, format, catalog, forms } => {
            forms::load(&forms, cli.lang).and_then(|()| extract::run(&file, format, catalog.as_deref(), cli.lang))
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every id the Chinese help names exists (a renamed argument would otherwise panic), and
    /// the command checks out in both languages.
    #[test]
    fn the_help_is_whole_in_both_languages() {
        command(false).debug_assert();
        command(true).debug_assert();
        let zh = command(false);
        for (sub, arg, _) in help_zh::ARGS {
            let cmd = if sub.is_empty() { &zh } else { zh.find_subcommand(sub).expect("subcommand") };
            assert!(cmd.get_arguments().any(|a| a.get_id() == *arg), "{sub} {arg}");
        }
        // Every argument of every subcommand has its Chinese help.
        for sub in zh.get_subcommands() {
            for a in sub.get_arguments().filter(|a| !["help", "version", "lang"].contains(&a.get_id().as_str())) {
                let named = help_zh::ARGS.iter().any(|(s, id, _)| *s == sub.get_name() && *id == a.get_id().as_str());
                assert!(named, "{} {}", sub.get_name(), a.get_id());
            }
        }
        assert!(english(&["yusuan".into(), "--lang".into(), "en".into()]));
        assert!(!english(&["yusuan".into(), "check".into()]));
    }
}
