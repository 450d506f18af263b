//! `--form FILE`: a user's form files, added to the registry before anything is read.

use crate::lang::Lang;
use std::path::PathBuf;
use yusuan_model::registry::add_form;

/// Loads every form file, in order. The error names the file and, when it can, the line.
pub fn load(paths: &[PathBuf], lang: Lang) -> Result<(), String> {
    for path in paths {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            lang.pick(&format!("无法读取格式文件 {shown}：{e}"), &format!("cannot read form file {shown}: {e}"))
                .to_string()
        })?;
        add_form(&text).map_err(|e| {
            let message = lang.pick(&e.zh, &e.en).to_string();
            match e.line {
                Some(line) => format!("{shown}:{line}: {message}"),
                None => format!("{shown}: {message}"),
            }
        })?;
    }
    Ok(())
}
