//! The lines of a text document, and paragraphs joined back from lines a PDF extractor wrapped:
//! the model's text primitives, which the checker reads its prose with too.

pub use yusuan_model::page::page_furniture;
pub use yusuan_model::text::{split_lines, split_pages, Joined, Line};
