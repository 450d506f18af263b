//! The language of labels. Figures and document text are printed as the document printed them,
//! whatever the language.

/// The language a renderer writes its own words in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese, the language of the documents.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Picks the label in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
