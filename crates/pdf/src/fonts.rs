//! The fonts the PDF is typeset in: Noto Serif CJK (text) and Noto Sans CJK (fallback), as
//! Debian's `fonts-noto-cjk` installs them, loaded once and embedded (subset) in every PDF.

use std::path::{Path, PathBuf};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The families the markup asks for, first choice first.
pub const FAMILIES: [&str; 2] = ["Noto Serif CJK SC", "Noto Sans CJK SC"];

/// Where fonts are searched, in order (the user's own directories are added at run time).
pub const SYSTEM_DIRS: [&str; 2] = ["/usr/share/fonts", "/usr/local/share/fonts"];

/// Loaded font faces and their book.
pub struct Fonts {
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) faces: Vec<Font>,
    /// The files the faces came from.
    pub files: Vec<PathBuf>,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").field("faces", &self.faces.len()).field("files", &self.files).finish()
    }
}

impl Fonts {
    /// The Noto CJK fonts from the standard font directories (`/usr/share/fonts`,
    /// `/usr/local/share/fonts`, `~/.local/share/fonts`, `~/.fonts`).
    pub fn system() -> Result<Fonts, String> {
        let mut dirs: Vec<PathBuf> = SYSTEM_DIRS.iter().map(PathBuf::from).collect();
        if let Some(home) = std::env::var_os("HOME") {
            let home = PathBuf::from(home);
            dirs.push(home.join(".local/share/fonts"));
            dirs.push(home.join(".fonts"));
        }
        Fonts::from_dirs(&dirs)
    }

    /// The Noto Serif/Sans CJK files (`NotoSerifCJK-*.ttc`, `NotoSansCJK-*.ttc`, and the `.otf`
    /// single-language cuts) found under these directories, searched recursively.
    pub fn from_dirs(dirs: &[PathBuf]) -> Result<Fonts, String> {
        let mut files = Vec::new();
        for d in dirs {
            collect(d, 0, &mut files);
        }
        files.sort();
        files.dedup();
        if files.is_empty() {
            let searched: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
            return Err(format!(
                "no CJK font found (Noto Serif CJK / Noto Sans CJK) in {}: install Debian's fonts-noto-cjk \
                 (apt-get install fonts-noto-cjk)",
                searched.join(", ")
            ));
        }
        Fonts::from_files(&files)
    }

    /// Every face of these font files.
    pub fn from_files(files: &[PathBuf]) -> Result<Fonts, String> {
        let mut faces = Vec::new();
        for f in files {
            let data = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
            let before = faces.len();
            faces.extend(Font::iter(Bytes::new(data)));
            if faces.len() == before {
                return Err(format!("{}: not a font file typst can read", f.display()));
            }
        }
        let book = FontBook::from_fonts(&faces);
        if !FAMILIES.iter().any(|f| book.contains_family(&f.to_lowercase())) {
            return Err(format!(
                "the fonts loaded ({}) have none of the families {}: install Debian's fonts-noto-cjk",
                files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
                FAMILIES.join(", ")
            ));
        }
        Ok(Fonts { book: LazyHash::new(book), faces, files: files.to_vec() })
    }
}

/// Whether a file is one of the Noto CJK fonts the PDF uses.
fn wanted(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.starts_with("notoserifcjk") || lower.starts_with("notosanscjk"))
        && (lower.ends_with(".ttc") || lower.ends_with(".otf") || lower.ends_with(".ttf"))
        && !lower.contains("mono")
}

/// The wanted font files under `dir` (bounded depth; unreadable directories are skipped).
fn collect(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > 8 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => collect(&path, depth + 1, out),
            Ok(_) if path.file_name().and_then(|n| n.to_str()).is_some_and(wanted) => out.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_noto_cjk_files_are_wanted() {
        assert!(wanted("NotoSerifCJK-Regular.ttc"));
        assert!(wanted("NotoSansCJK-Bold.ttc"));
        assert!(wanted("NotoSerifCJKsc-Regular.otf"));
        assert!(!wanted("NotoSansMonoCJK-Regular.ttc"));
        assert!(!wanted("DejaVuSans.ttf"));
    }

    #[test]
    fn a_missing_font_names_the_package() {
        let err = Fonts::from_dirs(&[PathBuf::from("/nonexistent-font-dir")]).expect_err("no fonts there");
        assert!(err.contains("fonts-noto-cjk"), "{err}");
    }
}
