//! Project descriptions of the narrative (项目名称, 设立的政策依据, 预算安排规模, 资金分配情况 …).

use crate::money::{Money, UnitPrice};
use crate::quantity::Quantity;
use crate::span::{Span, Spanned};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One project as the narrative describes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectDescription {
    /// The printed number (`（三）` is 3), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// 项目名称, wrapped lines joined.
    pub name: Spanned<String>,
    /// 设立的政策依据.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_basis: Option<PolicyBasis>,
    /// 预算安排规模.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Spanned<Money>>,
    /// 项目承担单位.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub executing_unit: Option<Spanned<String>>,
    /// 资金分配情况, item by item.
    pub allocation: Vec<AllocationItem>,
    /// 资金执行时间.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The whole description.
    pub span: Span,
}

impl ProjectDescription {
    /// The allocation items' amounts summed in 元, exactly; `None` when there are none.
    pub fn allocated_yuan(&self) -> Option<Decimal> {
        if self.allocation.is_empty() {
            return None;
        }
        Some(self.allocation.iter().map(|i| i.amount.value.yuan()).sum())
    }
}

/// 设立的政策依据: the full text and the documents it cites.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PolicyBasis {
    /// The whole text, wrapped lines joined.
    pub text: Spanned<String>,
    /// The documents it cites, in printed order.
    pub documents: Vec<CitedDocument>,
}

/// A document cited as a basis: `《…的通知》（新人社发〔2018〕51号）`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CitedDocument {
    /// The title inside 《》.
    pub title: Spanned<String>,
    /// Its document number (文号) as printed, when one follows the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<Spanned<String>>,
}

/// One item of 资金分配情况: `课程建设费 50课时*3500元/课时=17.5万元`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AllocationItem {
    /// The item name as printed.
    pub name: Spanned<String>,
    /// The amount the item states, in its printed unit.
    pub amount: Spanned<Money>,
    /// How the amount was worked out, when the text shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression: Option<Expression>,
}

/// `50课时*3500元/课时=17.5万元`: factors multiplied, and the printed result (the item's amount).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Expression {
    /// The factors, in printed order.
    pub factors: Vec<Spanned<Factor>>,
    /// The printed result.
    pub result: Spanned<Money>,
}

/// A factor of an expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// `3500元/课时`.
    UnitPrice(UnitPrice),
    /// `50课时`, `15人`.
    Quantity(Quantity),
    /// A plain amount (`2万元*3`).
    Money(Money),
}

impl Expression {
    /// The product of the factors in 元, exactly: the one amount (price or money) times every
    /// quantity. `None` when there is not exactly one amount, or on overflow.
    pub fn product_yuan(&self) -> Option<Decimal> {
        let mut amounts = 0;
        let mut product = Decimal::ONE;
        for f in &self.factors {
            let v = match &f.value {
                Factor::UnitPrice(p) => {
                    amounts += 1;
                    p.price.yuan()
                }
                Factor::Money(m) => {
                    amounts += 1;
                    m.yuan()
                }
                Factor::Quantity(q) => q.value,
            };
            product = product.checked_mul(v)?;
        }
        (amounts == 1).then_some(product)
    }
}

/// 资金执行时间: the dates as printed (`2024年 1月 1日`), and read where possible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Period {
    /// The start as printed.
    pub start: Spanned<String>,
    /// The end as printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Spanned<String>>,
    /// The start, read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<CnDate>,
    /// The end, read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<CnDate>,
}

/// A date written `2024年 12月 31日` (month and day may be absent: `2024年`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct CnDate {
    /// Year.
    pub year: u16,
    /// Month, 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// Day, 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
}

impl CnDate {
    /// Parses `2024年 1月 1日`, `2024年12月`, `2024年`, `2024.1.1`, `2024-01-01`.
    pub fn parse(text: &str) -> Option<CnDate> {
        let nums: Vec<&str> = text.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
        // Only digits, separators and the date words may appear.
        let ok = text.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || "年月日号.-/．".contains(c));
        if !ok || nums.is_empty() || nums.len() > 3 {
            return None;
        }
        let year: u16 = nums.first()?.parse().ok().filter(|y| (1900..=2200).contains(y))?;
        let month: Option<u8> = match nums.get(1) {
            Some(m) => Some(m.parse().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day: Option<u8> = match nums.get(2) {
            Some(d) => Some(d.parse().ok().filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        Some(CnDate { year, month, day })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(CnDate::parse("2024年 12月 31日"), Some(CnDate { year: 2024, month: Some(12), day: Some(31) }));
        assert_eq!(CnDate::parse("2024年").map(|d| d.month), Some(None));
        assert_eq!(CnDate::parse("2024年13月"), None);
        assert_eq!(CnDate::parse("全年"), None);
    }
}
