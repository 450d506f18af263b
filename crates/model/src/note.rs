//! What a reader has to say about its input: ambiguities it could not settle, lines it could not
//! place, bytes it could not decode. Notes are part of the model, so nothing is lost silently.

use crate::span::Span;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// More than one placement of a row's values in the columns fits every identity.
    AmbiguousColumns,
    /// No placement of a row's values fits the table's identities.
    InconsistentColumns,
    /// A line inside a part that no reader could place.
    UnreadLine,
    /// A table whose title matches no declared kind.
    UnknownTable,
    /// Characters that could not be decoded.
    MalformedText,
    /// A part or a table the document should have and does not (as far as the reader saw).
    MissingPart,
    /// A field of a block (project, performance table) that was expected and not found.
    MissingField,
}

/// A note, in Chinese (the default) and in English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReadNote {
    /// What sort of note it is.
    pub kind: NoteKind,
    /// Where in the source, when the note is about a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The message in Chinese.
    pub zh: String,
    /// The message in English.
    pub en: String,
}

impl ReadNote {
    pub fn new(kind: NoteKind, span: Option<Span>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        ReadNote { kind, span, zh: zh.into(), en: en.into() }
    }

    /// The message in the requested language (`en`, anything else is Chinese).
    pub fn message(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.zh
        }
    }
}
