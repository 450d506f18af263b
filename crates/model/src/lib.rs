//! The yusuan model: exact money, classification catalogs, and the typed model of a department
//! budget disclosure. No I/O: readers fill it, the checker reads it, renderers print it.

pub mod assets;
pub mod catalog;
pub mod cell_ref;
pub mod disclosure;
pub mod form;
pub mod identities;
pub mod money;
pub mod narrative;
pub mod note;
pub mod origin;
pub mod overview;
pub mod page;
pub mod performance;
pub mod project;
pub mod quantity;
pub mod rate;
pub mod registry;
pub mod span;
pub mod table;
pub mod text;

pub use catalog::{Catalog, Code, Level};
pub use disclosure::Disclosure;
pub use money::{AmountUnit, Fen, Interval, Money};
pub use rate::Rate;
pub use span::{Span, Spanned};
