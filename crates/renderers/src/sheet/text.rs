//! The printed form of figures, shared by the HTML and PDF renderers: every amount goes through
//! [`amount`], which works on the exact decimal (never a float).

use yusuan_model::{AmountUnit, Money};

/// An amount as tables print it: thousands separators, and at least two decimals in 万元 and
/// 亿元 (`1,050.52`, `9.00`); 元 as given (`7,155,160`). A figure printed with more decimals keeps
/// them: rounding here would change the document. An amount in another unit than `unit` (the
/// table's or the sentence's) carries its unit word.
pub fn amount(m: &Money, unit: AmountUnit) -> String {
    let mut value = m.value;
    if value.scale() < 2 && matches!(m.unit, AmountUnit::Wan | AmountUnit::Yi) {
        value.rescale(2);
    }
    let mut out = yusuan_model::money::grouped_decimal(&value.to_string());
    if m.unit != unit {
        out.push_str(m.unit.label());
    }
    out
}

/// An amount in running text: the figure as printed with its unit word (`715.52万元`).
pub fn money_words(m: &Money) -> String {
    format!("{}{}", m.value, m.unit.label())
}

/// `三`, `十一`, `二十五` for headings and lists numbered the Chinese way; beyond 99, digits.
pub fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: usize| DIGITS.get(d).copied().unwrap_or("");
    match n {
        0..=9 => digit(n).to_string(),
        10..=99 => {
            let tens = if n < 20 { "" } else { digit(n / 10) };
            let units = match n % 10 {
                0 => "",
                u => digit(u),
            };
            format!("{tens}十{units}")
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan(s: &str) -> Money {
        Money::parse(s, AmountUnit::Wan).expect("test amount")
    }

    #[test]
    fn amounts_have_two_decimals_and_separators() {
        assert_eq!(amount(&wan("1050.52"), AmountUnit::Wan), "1,050.52");
        assert_eq!(amount(&wan("9"), AmountUnit::Wan), "9.00");
        assert_eq!(amount(&wan("0.5"), AmountUnit::Wan), "0.50");
        assert_eq!(amount(&wan("-1234567.8"), AmountUnit::Wan), "-1,234,567.80");
        assert_eq!(amount(&wan("123.456"), AmountUnit::Wan), "123.456");
        let yuan = |s: &str| Money::parse(s, AmountUnit::Yuan).expect("test amount");
        assert_eq!(amount(&yuan("7155160"), AmountUnit::Yuan), "7,155,160");
        assert_eq!(amount(&yuan("12.5"), AmountUnit::Yuan), "12.5");
        assert_eq!(amount(&wan("200元"), AmountUnit::Wan), "200元");
        assert_eq!(amount(&wan("100"), AmountUnit::Wan), "100.00");
    }

    #[test]
    fn chinese_numbers() {
        let got: Vec<String> = [1, 10, 11, 20, 25, 99, 100].iter().map(|&n| cn_number(n)).collect();
        assert_eq!(got, ["一", "十", "十一", "二十", "二十五", "九十九", "100"]);
    }
}
