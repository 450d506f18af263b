//! `yusuan build`.

use crate::lang::Lang;
use std::path::Path;
use std::process::ExitCode;
use yusuan_builder::build::build_in;
use yusuan_builder::{from_toml, from_xlsx, template, Budget, DataError};
use yusuan_checker::{check, Config};
use yusuan_model::form::Form;
use yusuan_model::Catalog;

/// The formats `build` can write.
const FORMATS: &[&str] = &["json", "txt", "html", "xlsx", "pdf"];

/// What `build` is asked for besides its input and output folder.
pub struct BuildOptions<'a> {
    pub formats: &'a [String],
    pub catalog: Option<&'a Path>,
    pub form: &'a Form,
    /// Write despite errors in the built package, and over files that are not yusuan's
    /// unchanged output.
    pub force: bool,
}

pub fn run(data: &Path, out: &Path, options: &BuildOptions<'_>, lang: Lang) -> Result<ExitCode, String> {
    for f in options.formats {
        if !FORMATS.contains(&f.as_str()) {
            return Err(format!("{}: {f} ({})", lang.pick("未知的输出格式", "unknown format"), FORMATS.join(", ")));
        }
    }
    let catalog = crate::extract::catalog(options.catalog, lang)?;
    let budget = match load(data, &catalog, lang)? {
        Ok(b) => b,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.message(lang.code()));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let built = build_in(options.form, &budget, &catalog).map_err(|e| e.message(lang.code() == "zh").to_string())?;
    for w in &built.warnings {
        eprintln!("{}: {w}", lang.pick("警告", "warning"));
    }
    // The package is checked as a reader will read it (its text read back), with the checker
    // `check` uses: yusuan never writes a disclosure it would then reject.
    let text = yusuan_renderers::render_text(&built.disclosure);
    let report = check(&yusuan_readers::text::read_str(&text), &Config::default(), &catalog);
    if report.summary.errors > 0 || report.summary.warnings > 0 {
        let shown = out.join("disclosure.txt");
        eprint!("{}", crate::check::human(&report, None, &text, &shown, lang, false, false));
    }
    if report.has_errors() && !options.force {
        eprintln!(
            "{}",
            lang.pick(
                "生成的公开文件有错误，未写入任何文件；修正预算数据后重试，或加 --force 照样写出",
                "the built disclosure has errors; nothing was written (correct the data, or use --force)"
            )
        );
        return Ok(ExitCode::from(1));
    }
    // Fonts first: a missing CJK font is reported before anything is written.
    let fonts = if options.formats.iter().any(|f| f == "pdf") { Some(yusuan_pdf::Fonts::system()?) } else { None };
    // Every file made before any is written, and none written over a file of the user's.
    let mut files: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
    for f in options.formats {
        let (name, content): (&str, Vec<u8>) = match f.as_str() {
            "json" => {
                let json = serde_json::to_string_pretty(&built.disclosure).map_err(|e| e.to_string())? + "\n";
                ("disclosure.json", json.into_bytes())
            }
            "txt" => ("disclosure.txt", text.clone().into_bytes()),
            "html" => ("disclosure.html", yusuan_renderers::render_html(&built.disclosure).into_bytes()),
            "xlsx" => ("disclosure.xlsx", yusuan_renderers::render_xlsx(&built.disclosure)?),
            "pdf" => match &fonts {
                Some(fonts) => ("disclosure.pdf", yusuan_pdf::render_pdf(&built.disclosure, fonts)?),
                None => continue,
            },
            _ => continue,
        };
        files.push((out.join(name), content));
    }
    if let Some((path, _)) = files.iter().find(|(p, _)| !options.force && crate::write::would_clobber(p)) {
        return Err(crate::write::clobber_error(path, lang));
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for (path, content) in files {
        crate::write::write_output(&path, &content, options.force, lang)?;
        eprintln!("{} {}", lang.pick("已写入", "wrote"), path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the file is a workbook: by its first bytes (a zip archive: xlsx, ods; an OLE file:
/// xls), else by its extension.
fn is_workbook(path: &Path, bytes: &[u8]) -> bool {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return true;
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods")
}

/// Reads the budget data, TOML or workbook, and checks it.
fn load(path: &Path, catalog: &Catalog, lang: Lang) -> Result<Result<Budget, Vec<DataError>>, String> {
    let bytes = std::fs::read(path)
        .map_err(|e| format!("{}: {} ({e})", path.display(), lang.pick("无法读取文件", "cannot read the file")))?;
    let file = path.display().to_string();
    if is_workbook(path, &bytes) {
        return Ok(from_xlsx(&bytes, &file, catalog));
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| format!("{file}: {}", lang.pick("TOML 文件应为 UTF-8 编码", "a TOML file must be UTF-8")))?;
    Ok(from_toml(&text, &file, catalog))
}

/// The annotated example the template can be filled with: the seed department's budget.
const EXAMPLE: &str = include_str!("../../../examples/changji-hrss-2024/budget.toml");

/// `yusuan template`: the workbook to fill in, blank, filled with the seed department's data
/// (`--example`), or with the data of a TOML file (`--from`).
pub fn template_cmd(
    out: &Path,
    example: bool,
    from: Option<&Path>,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, String> {
    if !force && crate::write::would_clobber(out) {
        return Err(crate::write::clobber_error(out, lang));
    }
    let catalog = Catalog::shared_builtin();
    let source = match (from, example) {
        (Some(path), _) => Some((
            std::fs::read_to_string(path).map_err(|e| {
                format!("{}: {} ({e})", path.display(), lang.pick("无法读取文件", "cannot read the file"))
            })?,
            path.display().to_string(),
        )),
        (None, true) => Some((EXAMPLE.to_string(), "examples/changji-hrss-2024/budget.toml".to_string())),
        (None, false) => None,
    };
    let data = match &source {
        Some((text, file)) => match from_toml(text, file, catalog) {
            Ok(b) => Some(b.data),
            Err(errors) => {
                for e in &errors {
                    eprintln!("{}", e.message(lang.code()));
                }
                return Ok(ExitCode::from(1));
            }
        },
        None => None,
    };
    let bytes = template(data.as_ref())?;
    crate::write::write_output(out, &bytes, force, lang)?;
    eprintln!("{} {}", lang.pick("已写入", "wrote"), out.display());
    Ok(ExitCode::SUCCESS)
}
