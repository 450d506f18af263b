//! yusuan readers: published disclosures into the yusuan model, every figure with its span.

pub mod catalog_file;
pub mod decode;
pub mod open;
pub mod pdf;
pub mod text;
pub mod xlsx;
