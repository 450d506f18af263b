//! Writing a file the user asked for, without ever losing one of theirs: the bytes go to a
//! temporary file beside the target and are renamed over it, so a crash leaves the old file
//! whole; and an existing file is replaced only when it is yusuan's own output, unchanged since
//! yusuan wrote it, or with `--force`.
//!
//! "Yusuan's own, unchanged" is known from `.yusuan-written` in the file's folder: one line per
//! file yusuan wrote there, its content's hash and its name. A `budget.xlsx` that `template`
//! wrote and the officer then filled no longer has that hash, so the next `template` stops.

use crate::lang::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The list of files yusuan wrote in a folder.
const MANIFEST: &str = ".yusuan-written";

/// FNV-1a, 64 bits: enough to tell whether a file is still what yusuan wrote (not a security
/// check; written here because it is five lines and a crate for it would be more).
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn manifest(dir: &Path) -> BTreeMap<String, u64> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let (h, name) = l.split_once('\t')?;
            Some((name.to_string(), u64::from_str_radix(h, 16).ok()?))
        })
        .collect()
}

/// Whether writing `path` would replace a file that is not yusuan's own unchanged output.
pub fn would_clobber(path: &Path) -> bool {
    let Ok(current) = std::fs::read(path) else { return false };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    manifest(&folder(path)).get(&name) != Some(&hash(&current))
}

/// The error for a file `--force` is needed to replace.
pub fn clobber_error(path: &Path, lang: Lang) -> String {
    let shown = path.display();
    lang.pick(
        &format!("{shown} 已存在，且不是 yusuan 写出后未改动的文件：不覆盖。确需覆盖请加 --force"),
        &format!("{shown} exists and is not yusuan's unchanged output: not overwritten (use --force to replace it)"),
    )
    .to_string()
}

/// Writes `bytes` to `path` through a temporary file, refusing to replace a user's file unless
/// `force`.
pub fn write_output(path: &Path, bytes: &[u8], force: bool, lang: Lang) -> Result<(), String> {
    if !force && would_clobber(path) {
        return Err(clobber_error(path, lang));
    }
    let dir = folder(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let cannot =
        |e: std::io::Error| format!("{}: {} ({e})", path.display(), lang.pick("无法写入文件", "cannot write the file"));
    replace(&dir.join(format!(".{name}.{}.tmp", std::process::id())), path, bytes).map_err(cannot)?;
    // The record is a convenience: a folder that cannot hold it only means the next write asks
    // for --force.
    let mut written = manifest(&dir);
    written.insert(name, hash(bytes));
    let text: String = written.iter().map(|(n, h)| format!("{h:016x}\t{n}\n")).collect();
    let _ = replace(&dir.join(format!("{MANIFEST}.{}.tmp", std::process::id())), &dir.join(MANIFEST), text.as_bytes());
    Ok(())
}

/// Writes `temp`, then renames it over `target`; the temporary file is removed on failure.
fn replace(temp: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let result = std::fs::write(temp, bytes).and_then(|()| std::fs::rename(temp, target));
    if result.is_err() {
        let _ = std::fs::remove_file(temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_output_is_replaced_a_users_file_is_not() {
        let dir = std::env::temp_dir().join(format!("yusuan-write-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("budget.xlsx");
        write_output(&path, b"template", false, Lang::Zh).expect("new file");
        write_output(&path, b"template again", false, Lang::Zh).expect("its own output");
        std::fs::write(&path, b"filled in by the officer").unwrap();
        let e = write_output(&path, b"template", false, Lang::Zh).expect_err("a user's file");
        assert!(e.contains("--force"), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"filled in by the officer");
        write_output(&path, b"template", true, Lang::Zh).expect("forced");
        assert_eq!(std::fs::read(&path).unwrap(), b"template");
        // No temporary file is left behind.
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_file_yusuan_never_wrote_is_kept() {
        let dir = std::env::temp_dir().join(format!("yusuan-write-other-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("report.json");
        std::fs::write(&path, b"{}").unwrap();
        assert!(would_clobber(&path));
        assert!(write_output(&path, b"[]", false, Lang::En).unwrap_err().contains("--force"));
        std::fs::remove_dir_all(dir).ok();
    }
}
