//! Which files a batch takes: files named on the command line, whatever their extension, and the
//! disclosures inside folders (recursively), in a deterministic order.

use std::path::{Path, PathBuf};

/// The extensions taken from inside folders (case-insensitive).
pub const EXTENSIONS: &[&str] = &["pdf", "xlsx", "xlsm", "xls", "ods", "txt"];

/// A file to inspect, or a path that could not be listed (reported, not fatal).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Unlisted { path: PathBuf, detail: String },
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Unlisted { path: p, .. } => p,
        }
    }
}

/// Whether the paths make a batch: more than one, or a folder.
pub fn is_batch(paths: &[PathBuf]) -> bool {
    paths.len() != 1 || paths.iter().any(|p| p.is_dir())
}

/// The files of `paths`: each folder walked recursively (taking [`EXTENSIONS`], skipping hidden
/// entries and Office lock files `~$…`, not following links to folders), each folder's files
/// sorted by path; files named explicitly are taken as they are, in the order given, each once.
pub fn collect(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out);
        } else {
            out.push(Input::File(p.clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|i| seen.insert(i.path().to_path_buf()));
    out
}

fn walk(dir: &Path, out: &mut Vec<Input>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return out.push(Input::Unlisted { path: dir.to_path_buf(), detail: e.to_string() }),
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.push(Input::Unlisted { path: dir.to_path_buf(), detail: e.to_string() });
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            dirs.push(path);
        } else if (kind.is_file() || (kind.is_symlink() && path.is_file())) && has_taken_extension(&name) {
            files.push(path);
        }
    }
    files.sort();
    dirs.sort();
    // A folder's own files first, then its sub-folders, each sorted: the order is the same on
    // every machine whatever order the file system lists them in.
    out.extend(files.into_iter().map(Input::File));
    for d in dirs {
        walk(&d, out);
    }
}

fn has_taken_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_sorted_and_filtered_explicit_files_taken_as_given() {
        let dir = std::env::temp_dir().join(format!("yusuan-inspect-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/inner")).unwrap();
        std::fs::create_dir_all(dir.join("a")).unwrap();
        for f in ["z.txt", "m.PDF", "skip.doc", ".hidden.txt", "~$lock.xlsx", "a/x.xls", "b/inner/y.ods", "b/c.xlsm"] {
            std::fs::write(dir.join(f), b"x").unwrap();
        }
        let got: Vec<String> = collect(&[dir.clone(), dir.join("skip.doc"), dir.join("z.txt")])
            .iter()
            .map(|i| i.path().strip_prefix(&dir).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(got, ["m.PDF", "z.txt", "a/x.xls", "b/c.xlsm", "b/inner/y.ods", "skip.doc"]);
        assert!(is_batch(std::slice::from_ref(&dir)));
        assert!(!is_batch(&[dir.join("z.txt")]));
        assert!(is_batch(&[dir.join("z.txt"), dir.join("m.PDF")]));
        std::fs::remove_dir_all(&dir).ok();
    }
}
