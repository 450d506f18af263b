//! yusuan builder: a department's budget data into the disclosure model, with every total,
//! subtotal, share, change and rate computed from the line items — never typed.

pub mod build;
pub mod data;
pub mod form_tables;
pub mod keys;
pub mod load;
pub mod narrative;
pub mod tables;
pub mod toml_errors;

pub use load::{from_toml, validate, Budget, DataError, Place};
pub mod xlsx;

pub use xlsx::{from_xlsx, template};
