//! yusuan renderers: the model as text for people to read ([`summary`]) and as the text of the
//! disclosure itself ([`render_text`]), which the readers read back, as HTML ([`render_html`])
//! and as a workbook ([`render_xlsx`]); [`sheet`] is the printed form the HTML and PDF writers
//! share. Renderers only read the model; they never decide anything a reader or the checker should.

pub mod html;
mod lang;
mod layout;
pub mod sheet;
pub mod summary;
pub mod text;
pub mod xlsx;

pub use html::render_html;
pub use lang::Lang;
pub use summary::summary;
pub use text::render_text;
pub use xlsx::render_xlsx;
