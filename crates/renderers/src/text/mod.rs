//! `disclosure.txt`: the model printed back as the text a PDF extractor gives, in the layout of
//! a published disclosure (part headings, tables with `※` lines, numbered narrative, 绩效目标表,
//! 名词解释, signature), so that `yusuan extract` and `yusuan check` read it back to the same
//! model. One line per row or paragraph: nothing is wrapped, and blank table cells are left
//! out, as an extractor loses them.

mod narrative;
mod overview;
mod performance;
mod projects;
mod tables;

use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::Disclosure;

/// The whole disclosure as text.
pub fn render_text(d: &Disclosure) -> String {
    let mut out = Out::default();
    let department = d.department.as_ref().map(|s| s.value.as_str()).unwrap_or("");
    let year = d.year.as_ref().map(|y| y.value.to_string()).unwrap_or_default();
    cover(&mut out, d);
    overview::render(&mut out, d, department, &year);
    tables::render(&mut out, &d.tables, department, &year);
    narrative::render(&mut out, d, &year);
    glossary(&mut out, d);
    if let Some(date) = &d.signed {
        out.line(department);
        out.line(&date.value);
    }
    out.0
}

/// Part 1 部门概况 as [`render_text`] prints it, one paragraph a line (blank lines left out).
pub(crate) fn overview_paragraphs(d: &Disclosure) -> Vec<String> {
    let mut out = Out::default();
    let department = d.department.as_ref().map(|s| s.value.as_str()).unwrap_or("");
    let year = d.year.as_ref().map(|y| y.value.to_string()).unwrap_or_default();
    overview::render(&mut out, d, department, &year);
    out.paragraphs()
}

/// Part 3 情况说明 as [`render_text`] prints it, one paragraph a line, without the 绩效目标表
/// (their own renderers lay them out).
pub(crate) fn narrative_paragraphs(d: &Disclosure) -> Vec<String> {
    let mut light = Disclosure::new(d.document);
    light.department = d.department.clone();
    light.year = d.year.clone();
    light.narrative = d.narrative.clone();
    let mut out = Out::default();
    let year = d.year.as_ref().map(|y| y.value.to_string()).unwrap_or_default();
    narrative::render(&mut out, &light, &year);
    out.paragraphs()
}

/// The text being built, a line at a time.
#[derive(Default)]
pub(crate) struct Out(String);

impl Out {
    pub(crate) fn line(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
    }

    pub(crate) fn blank(&mut self) {
        self.0.push('\n');
    }

    /// The lines written, blank ones left out.
    fn paragraphs(&self) -> Vec<String> {
        self.0.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
    }
}

/// The cover's title and the contents (目录), the parts with leaders (a text has no pages to
/// number), for a document that says who or when.
fn cover(out: &mut Out, d: &Disclosure) {
    if d.department.is_none() && d.year.is_none() {
        return;
    }
    let t = crate::sheet::titles(d);
    out.line(&t.title);
    out.blank();
    out.line("目录");
    for part in t.parts() {
        out.line(&format!("{part}…………………………"));
    }
    out.blank();
}

fn glossary(out: &mut Out, d: &Disclosure) {
    if d.glossary.is_empty() {
        return;
    }
    out.line(" 第四部分 名词解释");
    out.blank();
    for (i, e) in d.glossary.iter().enumerate() {
        out.line(&format!("{}、{}:{}", cn_number(i + 1), e.term.value, e.definition.value));
    }
    out.blank();
}

/// `1050.52` as `1,050.52`: the integer part grouped by thousands, as the documents print
/// amounts; the decimals exactly as held (the printed precision).
pub(crate) fn grouped(m: &Money) -> String {
    yusuan_model::money::grouped_decimal(&m.value.to_string())
}

/// An amount with its unit word, as a sentence prints it: `1,050.52万元`; amounts in 元 are
/// printed ungrouped (`3500元/课时`), as the documents print prices.
pub(crate) fn amount(m: &Money) -> String {
    match m.unit {
        AmountUnit::Wan | AmountUnit::Yi => format!("{}{}", grouped(m), m.unit.label()),
        AmountUnit::Yuan | AmountUnit::Fen => format!("{}{}", m.value, m.unit.label()),
    }
}

/// `一`, `十二`, `二十一`: the numbering of headings and glossary terms.
pub(crate) fn cn_number(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: usize| DIGITS.get(d).copied().unwrap_or("");
    // `十`, not `一十零`: a zero in the ones place is not written.
    let ones = match n % 10 {
        0 => "",
        d => digit(d),
    };
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!("十{ones}"),
        20..=99 => format!("{}十{ones}", digit(n / 10)),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn grouping_keeps_precision() {
        let m = |s: &str| Money::new(Decimal::from_str(s).unwrap(), AmountUnit::Wan);
        assert_eq!(grouped(&m("1050.52")), "1,050.52");
        assert_eq!(grouped(&m("1234567")), "1,234,567");
        assert_eq!(grouped(&m("0.00")), "0.00");
        assert_eq!(grouped(&m("-1000.5")), "-1,000.5");
        assert_eq!(grouped(&m("999")), "999");
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(cn_number(1), "一");
        assert_eq!(cn_number(10), "十");
        assert_eq!(cn_number(12), "十二");
        assert_eq!(cn_number(21), "二十一");
    }
}
