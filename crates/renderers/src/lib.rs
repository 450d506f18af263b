//! yusuan renderers: the model as text for people to read ([`summary`]) and as the text of the
//! disclosure itself ([`render_text`]), which the readers read back, and as HTML
//! ([`render_html`]); [`sheet`] is the printed form the HTML and PDF writers share. Renderers only read the
//! model; they never decide anything a reader or the checker should.

pub mod html;
mod lang;
pub mod sheet;
pub mod summary;
pub mod text;

pub use html::render_html;
pub use lang::Lang;
pub use summary::summary;
pub use text::render_text;
