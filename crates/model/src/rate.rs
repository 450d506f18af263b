//! Percentages as printed: `68.11%` keeps its two decimals, `8.3%` its one.

use crate::money::{parse_decimal, split_number};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A percentage, as the number before the `%` sign, with the precision it was printed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Rate(pub Decimal);

impl Rate {
    /// Parses `68.11%`, `8.3 %`, `100％`, or a bare number.
    pub fn parse(text: &str) -> Option<Rate> {
        let (number, rest) = split_number(text.trim());
        let rest = rest.trim();
        if number.is_empty() || !(rest.is_empty() || rest == "%" || rest == "％") {
            return None;
        }
        parse_decimal(&number).map(Rate)
    }

    pub fn decimals(&self) -> u32 {
        self.0.scale()
    }

    /// Every true percentage that prints as this one: value ± half a unit in the last place.
    pub fn bounds(&self) -> (Decimal, Decimal) {
        let half = Decimal::new(5, self.decimals() + 1);
        (self.0 - half, self.0 + half)
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn keeps_precision() {
        let r = Rate::parse("8.30%").unwrap();
        assert_eq!(r.to_string(), "8.30%");
        assert_eq!(r.bounds(), (Decimal::from_str("8.295").unwrap(), Decimal::from_str("8.305").unwrap()));
        assert_eq!(Rate::parse("100％").unwrap().decimals(), 0);
        assert!(Rate::parse("%").is_none());
        assert!(Rate::parse("12%x").is_none());
    }
}
