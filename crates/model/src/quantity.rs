//! Counts and measures stated in the text: `29人`, `2辆`, `24.66平方米`, `38000人次`.

use crate::money::{parse_decimal, split_number};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A number with the unit word written after it (possibly none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quantity {
    /// The number as printed, as a decimal string.
    pub value: Decimal,
    /// The unit word as printed (`人次`, `平方米`, `%`), empty when none.
    pub unit: String,
}

impl Quantity {
    /// Parses a leading number and takes the rest (trimmed) as its unit: `38000人次`,
    /// `3,600 份`, `95%`.
    pub fn parse(text: &str) -> Option<Quantity> {
        let (number, rest) = split_number(text.trim());
        if number.is_empty() {
            return None;
        }
        Some(Quantity { value: parse_decimal(&number)?, unit: rest.trim().to_string() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_unit() {
        let q = Quantity::parse("38000人次").unwrap();
        assert_eq!(q.value, Decimal::from(38000));
        assert_eq!(q.unit, "人次");
        assert_eq!(Quantity::parse("24.66平方米").unwrap().unit, "平方米");
        assert!(Quantity::parse("提高").is_none());
    }
}
