//! `--form FILE`: a user's form files, added to the registry before anything is read.

use crate::lang::Lang;
use std::path::{Path, PathBuf};
use yusuan_model::form::Form;
use yusuan_model::registry::{self, add_form};

/// Loads every form file, in order. The error names the file and, when it can, the line.
pub fn load(paths: &[PathBuf], lang: Lang) -> Result<(), String> {
    for path in paths {
        load_one(path, lang)?;
    }
    Ok(())
}

/// Loads one form file and gives its form.
fn load_one(path: &Path, lang: Lang) -> Result<&'static Form, String> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        lang.pick(&format!("无法读取格式文件 {shown}：{e}"), &format!("cannot read form file {shown}: {e}")).to_string()
    })?;
    add_form(&text).map_err(|e| {
        let message = lang.pick(&e.zh, &e.en).to_string();
        match e.line {
            Some(line) => format!("{shown}:{line}: {message}"),
            None => format!("{shown}: {message}"),
        }
    })
}

/// The form `build --form` names: a form's id (`shanghai-unit-budget`) or a form file.
pub fn named(value: &str, lang: Lang) -> Result<&'static Form, String> {
    if let Some(form) = registry::form(value) {
        return Ok(form);
    }
    let path = Path::new(value);
    if !path.exists() {
        let ids: Vec<&str> = registry::registry().forms().iter().map(|f| f.id).collect();
        return Err(lang
            .pick(
                &format!("没有格式 {value}：既不是已有格式（{}），也不是文件", ids.join("、")),
                &format!("no form {value}: neither a known form ({}) nor a file", ids.join(", ")),
            )
            .to_string());
    }
    load_one(path, lang)
}
