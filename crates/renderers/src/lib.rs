//! yusuan renderers: the model as text for people to read. Renderers only read the model; they
//! never decide anything a reader or the checker should.

pub mod html;
mod lang;
pub mod summary;

pub use html::render_html;
pub use lang::Lang;
pub use summary::summary;
