//! The one-file [`World`] the disclosure is compiled in: the generated markup as `/main.typ`,
//! the loaded fonts, the standard library. No files are read, no packages are fetched (an
//! import of one fails), and there is no clock: the markup never asks for the date, so the same
//! model always gives the same PDF.

use crate::fonts::Fonts;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub(crate) struct DisclosureWorld<'a> {
    fonts: &'a Fonts,
    main: Source,
}

impl<'a> DisclosureWorld<'a> {
    pub(crate) fn new(markup: String, fonts: &'a Fonts) -> Result<Self, String> {
        let path = VirtualPath::new("/main.typ").map_err(|e| format!("{e:?}"))?;
        let id = RootedPath::new(VirtualRoot::Project, path).intern();
        Ok(DisclosureWorld { fonts, main: Source::new(id, markup) })
    }

    pub(crate) fn source_text(&self) -> &str {
        self.main.text()
    }
}

impl World for DisclosureWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.faces.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
