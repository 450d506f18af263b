//! `yusuan extract`.

use crate::lang::Lang;
use crate::ExtractFormat;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use yusuan_readers::text::read_bytes;
use yusuan_renderers::Lang as RLang;

pub fn run(file: &Path, format: ExtractFormat, catalog: Option<&Path>, lang: Lang) -> Result<ExitCode, String> {
    let _ = catalog;
    let bytes = std::fs::read(file)
        .map_err(|e| format!("{}: {} ({e})", file.display(), lang.pick("无法读取文件", "cannot read the file")))?;
    let disclosure = read_bytes(&bytes);
    let out = match format {
        ExtractFormat::Json => serde_json::to_string_pretty(&disclosure).map_err(|e| e.to_string())? + "\n",
        ExtractFormat::Text => {
            yusuan_renderers::summary(&disclosure, if lang.code() == "en" { RLang::En } else { RLang::Zh })
        }
    };
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}
