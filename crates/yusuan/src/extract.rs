//! `yusuan extract`.

use crate::lang::Lang;
use crate::ExtractFormat;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use yusuan_model::Catalog;
use yusuan_readers::catalog_file::load_catalog;
use yusuan_renderers::Lang as RLang;

/// The catalog to read codes with: the built-in partial one, with the user's official catalog
/// over it when given.
pub fn catalog(file: Option<&Path>, lang: Lang) -> Result<Catalog, String> {
    let mut catalog = Catalog::builtin();
    if let Some(file) = file {
        let official = load_catalog(file).map_err(|e| e.message(lang.code()))?;
        catalog.merge(official);
    }
    Ok(catalog)
}

pub fn run(file: &Path, format: ExtractFormat, catalog_file: Option<&Path>, lang: Lang) -> Result<ExitCode, String> {
    let catalog = catalog(catalog_file, lang)?;
    // Any format (text, PDF, workbook), as `check` opens it; a file with no disclosure in it is
    // an error naming the file (exit 2), not an empty document.
    let opened = match yusuan_inspect::open_path(file, &catalog, u64::MAX) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}: {}", file.display(), e.message(lang.code()));
            return Ok(ExitCode::from(2));
        }
    };
    let disclosure = opened.disclosure;
    let out = match format {
        ExtractFormat::Json => serde_json::to_string_pretty(&disclosure).map_err(|e| e.to_string())? + "\n",
        ExtractFormat::Text => {
            yusuan_renderers::summary(&disclosure, if lang.code() == "en" { RLang::En } else { RLang::Zh })
        }
    };
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
