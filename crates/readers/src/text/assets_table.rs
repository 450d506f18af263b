//! 国有资产占用情况 printed as a table (a PDF's or workbook's grid): a header line naming 价值
//! beside 数量 or 面积, then one line per category, a part indented under its category:
//!
//! ```text
//!        资产类别          数量        面积        价值
//! 房屋                               24.66平方米   6.11
//! 车辆                    2辆                      41.02
//!   一般公务用车          2辆                      41.02
//! ```
//!
//! Counts and areas carry their unit; a bare value is money only in the unit the passage states
//! (`金额单位：万元`): without one, the value is not read (a note), never guessed.

use super::source::Line;
use yusuan_model::assets::AssetCategory;
use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::quantity::Quantity;
use yusuan_model::span::{Span, Spanned};

/// Whether a line is the header of an asset table.
pub fn is_header(text: &str) -> bool {
    let cells = cells(text);
    let has = |w: &str| cells.iter().any(|(_, c)| c.contains(w));
    has("价值") && (has("数量") || has("面积")) && !cells.iter().any(|(_, c)| c.chars().any(|ch| ch.is_ascii_digit()))
}

/// The unit a passage states for its amounts (`金额单位：万元`, `单位：元`).
pub fn stated_unit(text: &str) -> Option<AmountUnit> {
    let at =
        text.find("单位：").map(|i| i + "单位：".len()).or_else(|| text.find("单位:").map(|i| i + 1 + "单位".len()))?;
    AmountUnit::parse_prefix(text[at..].trim_start()).map(|(u, _)| u)
}

/// The rows after the header, to the first line that is no row (a heading, prose).
pub fn read_rows(rows: &[Line], unit: Option<AmountUnit>, notes: &mut Vec<ReadNote>) -> Vec<AssetCategory> {
    let mut out: Vec<AssetCategory> = Vec::new();
    let mut top_indent = None;
    for line in rows {
        if line.is_blank() || line.is_page_number() {
            continue;
        }
        let cells = cells(&line.text);
        let Some(&(name_at, name)) = cells.first() else { continue };
        // A row is a name and figures; the first line that is not ends the table.
        if name.chars().next().is_some_and(|c| c.is_ascii_digit()) || cells.len() < 2 && !out.is_empty() {
            break;
        }
        let col = |byte: usize| line.text[..byte].chars().count() as u32 + 1;
        let span_of = |at: usize, s: &str| Span::on_line(line.no, col(at), col(at + s.len()));
        let mut cat = AssetCategory {
            name: Spanned::new(name.to_string(), span_of(name_at, name)),
            count: None,
            area: None,
            value: None,
            parts: Vec::new(),
        };
        for &(at, cell) in &cells[1..] {
            let span = span_of(at, cell);
            match measure(cell) {
                Some(q) if super::assets::is_area_unit(&q.unit) => cat.area = Some(Spanned::new(q, span)),
                Some(q) => cat.count = Some(Spanned::new(q, span)),
                None => match (unit, Money::parse(cell, unit.unwrap_or(AmountUnit::Wan))) {
                    (Some(_), Ok(m)) => cat.value = Some(Spanned::new(m, span)),
                    _ => notes.push(ReadNote::new(
                        NoteKind::UnreadLine,
                        Some(span),
                        format!("国有资产表中未能读取的数：{cell}（金额单位未说明或不是数）"),
                        format!("a figure of the state-asset table not read: {cell} (no unit stated, or not a figure)"),
                    )),
                },
            }
        }
        let indent = line.text.len() - line.text.trim_start().len();
        let top = *top_indent.get_or_insert(indent);
        match out.last_mut() {
            Some(parent) if indent > top => parent.parts.push(cat),
            _ => out.push(cat),
        }
    }
    out
}

/// A count or an area: a number and a unit of the asset passage (`2辆`, `24.66平方米`).
fn measure(cell: &str) -> Option<Quantity> {
    let (num, rest) = yusuan_model::money::split_number(cell);
    let value = yusuan_model::money::parse_decimal(&num)?;
    let unit = rest.trim();
    super::assets::is_measure_unit(unit).then(|| Quantity { value, unit: unit.to_string() })
}

/// The cells of a line: runs of text between gaps of two spaces or more (or `|`), with their
/// byte offsets.
fn cells(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        let gap = c == ' ' || c == '\u{3000}' || c == '\t';
        if c == '|' || c == '｜' {
            if let Some(s) = start.take() {
                out.push((s, text[s..last_end].trim_end()));
            }
            spaces = 0;
            continue;
        }
        if gap {
            spaces += 1;
            if spaces >= 2 {
                if let Some(s) = start.take() {
                    out.push((s, text[s..last_end].trim_end()));
                }
            }
            continue;
        }
        spaces = 0;
        start.get_or_insert(i);
        last_end = i + c.len_utf8();
    }
    if let Some(s) = start {
        out.push((s, text[s..last_end].trim_end()));
    }
    out.retain(|(_, c)| !c.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_split_at_column_gaps() {
        let got: Vec<&str> = cells("   车辆        2辆     41.02").into_iter().map(|c| c.1).collect();
        assert_eq!(got, ["车辆", "2辆", "41.02"]);
        let got: Vec<&str> = cells("| 房屋 |  | 24.66平方米 | 6.11 |").into_iter().map(|c| c.1).collect();
        assert_eq!(got, ["房屋", "24.66平方米", "6.11"]);
    }

    fn lines(text: &str) -> Vec<Line> {
        text.lines().zip(1..).map(|(t, no)| Line { no, text: t.to_string() }).collect()
    }

    #[test]
    fn rows_with_parts_indented_under_their_category() {
        let rows = lines(
            "房屋                     24.66平方米      6.11\n车辆          2辆                          41.02\n  一般公务用车  2辆                          41.02\n办公家具                                   28.53\n\n（四）其他",
        );
        let mut notes = Vec::new();
        let cats = read_rows(&rows, Some(AmountUnit::Wan), &mut notes);
        let names: Vec<(&str, usize)> = cats.iter().map(|c| (c.name.value.as_str(), c.parts.len())).collect();
        assert_eq!(names, [("房屋", 0), ("车辆", 1), ("办公家具", 0)]);
        assert_eq!(cats[0].area.as_ref().map(|a| a.value.value.to_string()), Some("24.66".into()));
        assert_eq!(cats[1].count.as_ref().map(|a| a.value.unit.as_str()), Some("辆"));
        let value = cats[1].parts[0].value.as_ref().expect("value");
        assert_eq!((value.value.value.to_string(), value.value.unit), ("41.02".into(), AmountUnit::Wan));
        assert_eq!((value.span.line, value.span.col, value.span.end_col), (3, 39, 44));
        assert!(notes.is_empty());
        // No stated unit: the bare values are not read.
        let cats = read_rows(&rows, None, &mut notes);
        assert!(cats.iter().all(|c| c.value.is_none()));
        assert_eq!(notes.len(), 4);
    }

    #[test]
    fn headers_and_units() {
        assert!(is_header("     资产类别        数量      面积       价值"));
        assert!(!is_header("车辆  2辆  41.02"));
        assert_eq!(stated_unit("如下表（金额单位：万元）。"), Some(AmountUnit::Wan));
        assert_eq!(stated_unit("单位: 元"), Some(AmountUnit::Yuan));
        assert_eq!(stated_unit("如下表。"), None);
    }
}
