//! `yusuan build`.

use crate::lang::Lang;
use std::path::Path;
use std::process::ExitCode;
use yusuan_builder::build::build;
use yusuan_builder::from_toml;

/// The formats `build` can write.
const FORMATS: &[&str] = &["json", "txt", "html", "pdf"];

pub fn run(
    data: &Path,
    out: &Path,
    formats: &[String],
    catalog_file: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, String> {
    for f in formats {
        if !FORMATS.contains(&f.as_str()) {
            return Err(format!("{}: {f} ({})", lang.pick("未知的输出格式", "unknown format"), FORMATS.join(", ")));
        }
    }
    let catalog = crate::extract::catalog(catalog_file, lang)?;
    let text = std::fs::read_to_string(data)
        .map_err(|e| format!("{}: {} ({e})", data.display(), lang.pick("无法读取文件", "cannot read the file")))?;
    let budget = match from_toml(&text, &data.display().to_string(), &catalog) {
        Ok(b) => b,
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.message(lang.code()));
            }
            return Ok(ExitCode::from(1));
        }
    };
    let built = build(&budget, &catalog);
    for w in &built.warnings {
        eprintln!("{}: {w}", lang.pick("警告", "warning"));
    }
    // Fonts first: a missing CJK font is reported before anything is written.
    let fonts = if formats.iter().any(|f| f == "pdf") { Some(yusuan_pdf::Fonts::system()?) } else { None };
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    for f in formats {
        let (name, content): (&str, Vec<u8>) = match f.as_str() {
            "json" => {
                let json = serde_json::to_string_pretty(&built.disclosure).map_err(|e| e.to_string())? + "\n";
                ("disclosure.json", json.into_bytes())
            }
            "txt" => ("disclosure.txt", yusuan_renderers::render_text(&built.disclosure).into_bytes()),
            "html" => ("disclosure.html", yusuan_renderers::render_html(&built.disclosure).into_bytes()),
            "pdf" => match &fonts {
                Some(fonts) => ("disclosure.pdf", yusuan_pdf::render_pdf(&built.disclosure, fonts)?),
                None => continue,
            },
            _ => continue,
        };
        let path = out.join(name);
        std::fs::write(&path, content).map_err(|e| format!("{}: {e}", path.display()))?;
        eprintln!("{} {}", lang.pick("已写入", "wrote"), path.display());
    }
    Ok(ExitCode::SUCCESS)
}
