//! The PDF reader: glyphs with their positions (through a [`GlyphSource`]), rebuilt into lines and
//! table cells from where they stand, read by the text reader; every line keeps its page and boxes.

pub mod glyphs;
pub mod grid;
pub mod layout;
pub mod lines;
pub mod oxide;

use crate::open::{read_rebuilt, Format, OpenError, Opened};
pub use glyphs::GlyphSource;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::Catalog;

/// Reads a disclosure from a PDF's bytes.
pub fn read(bytes: &[u8], catalog: &Catalog) -> Result<Opened, OpenError> {
    let damaged = |detail: String| OpenError::Damaged { format: Format::Pdf, detail };
    // The library is not ours: a panic on a hostile file is a damaged file, not the end of a run.
    let source = std::panic::catch_unwind(|| oxide::OxideSource::open(bytes.to_vec()))
        .map_err(|_| damaged("the PDF parser failed on this file".into()))?
        .map_err(damaged)?;
    let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| layout::rebuild(&source)))
        .map_err(|_| damaged("the PDF parser failed on a page of this file".into()))?;
    read_layout(rebuilt, catalog)
}

/// Reads the text rebuilt from a PDF's pages.
pub fn read_layout(rebuilt: layout::Rebuilt, catalog: &Catalog) -> Result<Opened, OpenError> {
    if rebuilt.glyphs == 0 {
        if rebuilt.image_pages > 0 {
            return Err(OpenError::Scanned { pages: rebuilt.pages });
        }
        if let Some((_, why)) = rebuilt.failed_pages.first() {
            return Err(OpenError::Damaged { format: Format::Pdf, detail: why.clone() });
        }
        return Err(OpenError::NotADisclosure);
    }
    let mut opened = read_rebuilt(Format::Pdf, rebuilt.lines, rebuilt.map, catalog)?;
    for (page, why) in rebuilt.failed_pages {
        opened.disclosure.notes.push(ReadNote::new(
            NoteKind::MalformedText,
            None,
            format!("第 {page} 页无法读取（{why}）"),
            format!("page {page} could not be read ({why})"),
        ));
    }
    if rebuilt.image_pages > 0 {
        let n = rebuilt.image_pages;
        opened.disclosure.notes.push(ReadNote::new(
            NoteKind::MalformedText,
            None,
            format!("{n} 页只有图像没有文字（扫描页），其内容未读取"),
            format!("{n} page(s) are images without text (scanned); their content was not read"),
        ));
    }
    Ok(opened)
}
