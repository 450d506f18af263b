//! Exact money. Figures are kept as the decimal the document printed, in the unit it printed them
//! in; arithmetic happens in 元 with `rust_decimal` or in integer 分, never in floating point.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub};

/// The unit a table or a sentence states amounts in (单位：万元 / 元 / 亿元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AmountUnit {
    /// 分.
    Fen,
    /// 元.
    Yuan,
    /// 万元.
    Wan,
    /// 亿元.
    Yi,
}

impl AmountUnit {
    /// How many 元 one of this unit is.
    pub fn in_yuan(self) -> Decimal {
        match self {
            AmountUnit::Fen => Decimal::new(1, 2),
            AmountUnit::Yuan => Decimal::ONE,
            AmountUnit::Wan => Decimal::from(10_000),
            AmountUnit::Yi => Decimal::from(100_000_000),
        }
    }

    /// How many 分 one of this unit is.
    pub fn in_fen(self) -> i64 {
        match self {
            AmountUnit::Fen => 1,
            AmountUnit::Yuan => 100,
            AmountUnit::Wan => 1_000_000,
            AmountUnit::Yi => 10_000_000_000,
        }
    }

    /// The Chinese name as documents print it.
    pub fn label(self) -> &'static str {
        match self {
            AmountUnit::Fen => "分",
            AmountUnit::Yuan => "元",
            AmountUnit::Wan => "万元",
            AmountUnit::Yi => "亿元",
        }
    }

    /// Reads a unit word: 万元, 万, 元, 亿元, 亿, 分 (longest match at the start of `text`).
    /// Returns the unit and the number of characters it took.
    pub fn parse_prefix(text: &str) -> Option<(AmountUnit, usize)> {
        const WORDS: [(&str, AmountUnit); 6] = [
            ("万元", AmountUnit::Wan),
            ("亿元", AmountUnit::Yi),
            ("万", AmountUnit::Wan),
            ("亿", AmountUnit::Yi),
            ("元", AmountUnit::Yuan),
            ("分", AmountUnit::Fen),
        ];
        WORDS.iter().find(|(w, _)| text.starts_with(w)).map(|(w, u)| (*u, w.chars().count()))
    }
}

/// Exact money in 分, the unit of computation when yusuan makes figures itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct Fen(pub i64);

impl Fen {
    pub const ZERO: Fen = Fen(0);

    pub fn checked_add(self, other: Fen) -> Option<Fen> {
        self.0.checked_add(other.0).map(Fen)
    }

    /// The amount in 元 as an exact decimal.
    pub fn yuan(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Rounds to the precision a document prints: `decimals` places of `unit`, half away from zero
    /// (the rounding of Excel's ROUND and of every finance office).
    pub fn to_money(self, unit: AmountUnit, decimals: u32) -> Money {
        let value = (self.yuan() / unit.in_yuan())
            .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let mut value = value;
        value.rescale(decimals);
        Money { value, unit }
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, o: Fen) -> Fen {
        Fen(self.0 + o.0)
    }
}
impl AddAssign for Fen {
    fn add_assign(&mut self, o: Fen) {
        self.0 += o.0;
    }
}
impl Sub for Fen {
    type Output = Fen;
    fn sub(self, o: Fen) -> Fen {
        Fen(self.0 - o.0)
    }
}
impl Neg for Fen {
    type Output = Fen;
    fn neg(self) -> Fen {
        Fen(-self.0)
    }
}
impl std::iter::Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen::ZERO, |a, b| a + b)
    }
}

/// A decimal's text with its integer part grouped by thousands, as documents print amounts
/// (`-1234567.8` → `-1,234,567.8`); the sign and the decimals are kept exactly as given.
pub fn grouped_decimal(text: &str) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let chars: Vec<char> = int.chars().collect();
    let groups: Vec<String> = chars.rchunks(3).rev().map(|g| g.iter().collect()).collect();
    match frac {
        Some(f) => format!("{sign}{}.{f}", groups.join(",")),
        None => format!("{sign}{}", groups.join(",")),
    }
}

/// An amount as a document printed it: the decimal exactly as written (its scale is the printed
/// precision) and the unit it is in. `715.52` in a 万元 table is `Money { value: 715.52, unit: Wan }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Money {
    /// The figure exactly as printed, as a decimal string; its scale is the printed precision (`"715.52"`, `"9"`).
    pub value: Decimal,
    /// The unit the figure is in.
    pub unit: AmountUnit,
}

/// Why a piece of text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber(String),
    TooLarge(String),
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MoneyError::Empty => write!(f, "空金额"),
            MoneyError::NotANumber(s) => write!(f, "“{s}”不是金额"),
            MoneyError::TooLarge(s) => write!(f, "金额“{s}”超出范围"),
        }
    }
}

impl std::error::Error for MoneyError {}

impl Money {
    pub fn new(value: Decimal, unit: AmountUnit) -> Self {
        Money { value, unit }
    }

    /// Parses an amount, with an optional unit word after it (`3万元`, `17.5万`, `200元`); a bare
    /// number takes `default_unit`. Accepts thousands separators (`1,050.52`), a leading sign,
    /// full-width digits, and spaces between the number and its unit.
    pub fn parse(text: &str, default_unit: AmountUnit) -> Result<Money, MoneyError> {
        let text = text.trim();
        let (number, rest) = split_number(text);
        if number.is_empty() {
            return Err(if text.is_empty() { MoneyError::Empty } else { MoneyError::NotANumber(text.to_string()) });
        }
        let value = parse_decimal(&number).ok_or_else(|| MoneyError::TooLarge(text.to_string()))?;
        let rest = rest.trim_start();
        let unit = if rest.is_empty() {
            default_unit
        } else {
            match AmountUnit::parse_prefix(rest) {
                Some((unit, len)) if rest.chars().count() == len => unit,
                _ => return Err(MoneyError::NotANumber(text.to_string())),
            }
        };
        Ok(Money { value, unit })
    }

    /// The printed precision: how many decimals were written.
    pub fn decimals(&self) -> u32 {
        self.value.scale()
    }

    /// The amount in 元, exactly.
    pub fn yuan(&self) -> Decimal {
        self.value * self.unit.in_yuan()
    }

    /// The amount in exact 分, if it is a whole number of 分.
    pub fn to_fen(&self) -> Option<Fen> {
        let fen = self.value.checked_mul(Decimal::from(self.unit.in_fen()))?;
        if fen.fract().is_zero() {
            i64::try_from(fen).ok().map(Fen)
        } else {
            None
        }
    }

    /// Every true amount that prints as this figure: the value plus or minus half a unit in its
    /// last printed place, in 元.
    pub fn bounds(&self) -> Interval {
        let half_ulp = Decimal::new(5, self.decimals() + 1) * self.unit.in_yuan();
        let mid = self.yuan();
        Interval { lo: mid - half_ulp, hi: mid + half_ulp }
    }

    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit.label())
    }
}

/// A closed interval of amounts in 元: what a rounded figure, or a sum of them, can truly be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Interval {
    /// Lower bound, 元.
    pub lo: Decimal,
    /// Upper bound, 元.
    pub hi: Decimal,
}

impl Interval {
    pub const ZERO: Interval = Interval { lo: Decimal::ZERO, hi: Decimal::ZERO };

    pub fn exact(v: Decimal) -> Self {
        Interval { lo: v, hi: v }
    }

    pub fn intersects(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo <= v && v <= self.hi
    }
}

impl Add for Interval {
    type Output = Interval;
    fn add(self, o: Interval) -> Interval {
        Interval { lo: self.lo + o.lo, hi: self.hi + o.hi }
    }
}

impl Sub for Interval {
    type Output = Interval;
    fn sub(self, o: Interval) -> Interval {
        Interval { lo: self.lo - o.hi, hi: self.hi - o.lo }
    }
}

/// A price per unit of something: `3500元/课时`, `200元/人/天`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UnitPrice {
    /// The amount per unit.
    pub price: Money,
    /// What the price is per, in order: `["人", "天"]` for `元/人/天`.
    pub per: Vec<String>,
}

impl UnitPrice {
    /// Parses `3500元/课时` or `200元/人/天`. The money part must carry its unit word.
    pub fn parse(text: &str) -> Result<UnitPrice, MoneyError> {
        let text = text.trim();
        let Some((money, per)) = text.split_once(['/', '／']) else {
            return Err(MoneyError::NotANumber(text.to_string()));
        };
        let price = Money::parse(money, AmountUnit::Yuan)?;
        let per: Vec<String> = per.split(['/', '／']).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
        if per.is_empty() {
            return Err(MoneyError::NotANumber(text.to_string()));
        }
        Ok(UnitPrice { price, per })
    }
}

/// Splits a leading number (sign, digits in ASCII or full width, thousands separators, one
/// decimal point) from the rest. The number comes back in ASCII without separators.
pub fn split_number(text: &str) -> (String, &str) {
    let mut out = String::new();
    let mut end = 0;
    let mut seen_point = false;
    let mut seen_digit = false;
    let mut chars = text.char_indices().peekable();
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '-' | '－' | '+' | '＋') {
            if matches!(c, '-' | '－') {
                out.push('-');
            }
            chars.next();
        }
    }
    while let Some((i, c)) = chars.next() {
        let ascii = fold_digit(c);
        match ascii {
            Some(d) => {
                out.push(d);
                seen_digit = true;
                end = i + c.len_utf8();
            }
            None if (c == '.' || c == '．') && !seen_point && seen_digit => {
                // A point only counts when a digit follows it.
                match chars.peek().and_then(|&(_, n)| fold_digit(n)) {
                    Some(_) => {
                        seen_point = true;
                        out.push('.');
                    }
                    None => break,
                }
            }
            None if c == ',' && seen_digit && !seen_point => {
                // A thousands separator is followed by exactly three digits.
                let rest = &text[i + 1..];
                let digits: String = rest.chars().take(4).collect();
                let three = digits.chars().take(3).filter(|c| fold_digit(*c).is_some()).count() == 3;
                let fourth_is_digit = digits.chars().nth(3).and_then(fold_digit).is_some();
                if three && !fourth_is_digit {
                    continue;
                }
                break;
            }
            None => break,
        }
    }
    if !seen_digit {
        return (String::new(), text);
    }
    (out, &text[end..])
}

fn fold_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// Parses an ASCII decimal; `None` when it does not fit `Decimal` (28 significant digits).
pub fn parse_decimal(ascii: &str) -> Option<Decimal> {
    use std::str::FromStr;
    let digits = ascii.chars().filter(|c| c.is_ascii_digit()).count();
    if digits > 27 {
        return None;
    }
    Decimal::from_str(ascii).ok()
}

#[cfg(test)]
mod tests {

    #[test]
    fn grouping_keeps_sign_and_decimals() {
        assert_eq!(grouped_decimal("-1234567.8"), "-1,234,567.8");
        assert_eq!(grouped_decimal("7155160"), "7,155,160");
        assert_eq!(grouped_decimal("715.520"), "715.520");
        assert_eq!(grouped_decimal("0"), "0");
    }

    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn parses_every_written_form() {
        let wan = AmountUnit::Wan;
        assert_eq!(Money::parse("1,050.52", wan).unwrap(), Money::new(d("1050.52"), wan));
        assert_eq!(Money::parse("0.5", wan).unwrap(), Money::new(d("0.5"), wan));
        assert_eq!(Money::parse("3万元", AmountUnit::Yuan).unwrap(), Money::new(d("3"), wan));
        assert_eq!(Money::parse("17.5万", AmountUnit::Yuan).unwrap(), Money::new(d("17.5"), wan));
        assert_eq!(Money::parse("6.88万元", AmountUnit::Yuan).unwrap(), Money::new(d("6.88"), wan));
        assert_eq!(Money::parse("200元", wan).unwrap(), Money::new(d("200"), AmountUnit::Yuan));
        assert_eq!(Money::parse("14,348,853.34", AmountUnit::Yuan).unwrap().yuan(), d("14348853.34"));
        assert_eq!(Money::parse("1.2亿元", wan).unwrap().yuan(), d("120000000"));
        assert_eq!(Money::parse("-3.00", wan).unwrap().value, d("-3.00"));
        assert_eq!(Money::parse("１２.５", wan).unwrap().value, d("12.5"));
        let p = UnitPrice::parse("3500元/课时").unwrap();
        assert_eq!(p.price, Money::new(d("3500"), AmountUnit::Yuan));
        assert_eq!(p.per, vec!["课时"]);
        let p = UnitPrice::parse("200元/人/天").unwrap();
        assert_eq!(p.per, vec!["人", "天"]);
    }

    #[test]
    fn keeps_printed_precision() {
        let m = Money::parse("8.30", AmountUnit::Wan).unwrap();
        assert_eq!(m.decimals(), 2);
        assert_eq!(m.value.to_string(), "8.30");
        assert_eq!(m.bounds(), Interval { lo: d("82950"), hi: d("83050") });
        assert_eq!(m.to_fen(), Some(Fen(8_300_000)));
    }

    #[test]
    fn rejects_what_is_not_money() {
        assert!(Money::parse("", AmountUnit::Wan).is_err());
        assert!(Money::parse("abc", AmountUnit::Wan).is_err());
        assert!(Money::parse("3万元整", AmountUnit::Wan).is_err());
        assert!(Money::parse("99999999999999999999999999999999", AmountUnit::Wan).is_err());
        // A comma not followed by three digits ends the number.
        assert_eq!(split_number("1,05").0, "1");
    }

    #[test]
    fn fen_rounds_half_away_from_zero() {
        assert_eq!(Fen(7_155_250).to_money(AmountUnit::Wan, 2).value.to_string(), "7.16");
        assert_eq!(Fen(7_154_999).to_money(AmountUnit::Wan, 2).value.to_string(), "7.15");
        assert_eq!(Fen(0).to_money(AmountUnit::Wan, 2).value.to_string(), "0.00");
    }

    use proptest::prelude::*;
    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC*") {
            let _ = Money::parse(&s, AmountUnit::Wan);
            let _ = UnitPrice::parse(&s);
        }

        #[test]
        fn fen_round_trips_through_wan(f in -10_000_000_000i64..10_000_000_000) {
            let m = Fen(f).to_money(AmountUnit::Yuan, 2);
            prop_assert_eq!(m.to_fen(), Some(Fen(f)));
            let w = Fen(f).to_money(AmountUnit::Wan, 2);
            prop_assert!(w.bounds().contains(Fen(f).yuan()));
        }
    }
}
