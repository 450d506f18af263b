//! The `yusuan` command: a thin layer over the library crates.

mod build;
mod check;
mod extract;
mod lang;

use clap::{Parser, Subcommand, ValueEnum};
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
}

#[derive(Subcommand)]
enum Command {
    /// Check a published disclosure: report every figure that does not add up. Exit status 0 when
    /// no error, 1 when any error, 2 when the input could not be read.
    Check {
        /// The disclosure file (text extracted from its PDF, any encoding).
        file: PathBuf,
        /// Output: human (findings with the lines they concern) or json (a stable contract).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Also list the figures no rule could verify, and info findings.
        #[arg(long)]
        verbose: bool,
        /// An official classification catalog (CSV or XLSX) over the partial built-in one.
        #[arg(long)]
        catalog: Option<PathBuf>,
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { file, format, verbose, catalog } => {
            check::run(&file, format, verbose, catalog.as_deref(), cli.lang)
        }
        Command::Rules => check::rules(cli.lang),
        Command::Build { data, out, formats, catalog } => {
            build::run(&data, &out, &formats, catalog.as_deref(), cli.lang)
        }
        Command::Template { out, example, from } => build::template_cmd(&out, example, from.as_deref(), cli.lang),
        Command::Extract { file, format, catalog } => extract::run(&file, format, catalog.as_deref(), cli.lang),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
