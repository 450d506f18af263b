//! Escaping and the printed form of figures: every piece of document text goes through [`esc`],
//! every amount through [`amount`], which works on the exact decimal (never a float).

use yusuan_model::{AmountUnit, Money};

/// Escapes text for element content and attribute values.
pub(super) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An amount as tables print it: at least two decimals, thousands separators (`1,050.52`). A
/// figure printed with more decimals keeps them: rounding here would change the document. An
/// amount in another unit than `unit` (the table's or the sentence's) carries its unit word.
pub(super) fn amount(m: &Money, unit: AmountUnit) -> String {
    let mut value = m.value;
    if value.scale() < 2 {
        value.rescale(2);
    }
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    if m.unit != unit {
        out.push_str(m.unit.label());
    }
    out
}

/// An amount in running text: the figure as printed with its unit word (`715.52万元`).
pub(super) fn money_words(m: &Money) -> String {
    format!("{}{}", m.value, m.unit.label())
}

fn group_thousands(int: &str) -> String {
    let digits: Vec<char> = int.chars().collect();
    let groups: Vec<String> = digits.rchunks(3).rev().map(|g| g.iter().collect()).collect();
    groups.join(",")
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
        assert_eq!(amount(&wan("200元"), AmountUnit::Wan), "200.00元");
        assert_eq!(amount(&wan("100"), AmountUnit::Wan), "100.00");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(esc(r#"<a href="x">&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    }
}
