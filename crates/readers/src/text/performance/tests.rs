//! Unit tests of the whole block reader on small tables.

use super::read;
use crate::text::source::split_lines;
