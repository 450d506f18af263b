//! Tables written as `|` cells (what the PDF reader writes for a ruled row and the workbook
//! reader for a sheet row): every figure stands in the column of its cell, empty cells kept,
//! for one-panel tables and for the two-sided 收支总表; a line that fits no declared row is read
//! as text, its bars dropped, and noted.

use yusuan_model::note::NoteKind;
use yusuan_model::table::{Row, Table};
use yusuan_readers::text::read_str;

const FISCAL: &str = "财政拨款收支预算总体情况表
单位：万元
| 一、财政拨款（补助） | 100.00 | 208 | 社会保障和就业支出 | 100.00 | 60.00 | 40.00 |  |
| 一般公共预算 | 60.00 |  |  |  |  |  |  |
| 政府性基金预算 | 40.00 |  |  |  |  |  |  |
| 收入总计 | 100.00 |  | 支出总计 | 100.00 | 60.00 | 40.00 |  |
";

fn columns(r: &Row, n: usize) -> Vec<Option<String>> {
    (0..n).map(|c| r.cell(c).map(|v| v.value.value.to_string())).collect()
}

fn fiscal(text: &str) -> Table {
    let d = read_str(text);
    d.table("fiscal_summary").expect("table 4").clone()
}

#[test]
fn two_sided_pipe_rows_pin_both_sides() {
    let t = fiscal(FISCAL);
    let s = |v: &str| Some(v.to_string());
    let right = t.rows.iter().find(|r| r.panel == 1 && r.code.as_ref().is_some_and(|c| c.as_str() == "208")).unwrap();
    assert_eq!(columns(right, 4), vec![s("100.00"), s("60.00"), s("40.00"), None]);
    let total =
        t.rows.iter().find(|r| r.panel == 1 && r.fixed.as_deref() == Some("expenditure_total")).expect("支出总计");
    assert_eq!(columns(total, 4), vec![s("100.00"), s("60.00"), s("40.00"), None]);
    let fund = t.rows.iter().find(|r| r.panel == 0 && r.fixed.as_deref() == Some("government_fund")).unwrap();
    assert_eq!(columns(fund, 1), vec![s("40.00")]);
    assert!(t.rows.iter().all(|r| r.is_resolved()), "{:#?}", t.rows);
    // The same figures with the state-capital cell filled instead: the cells decide, not order.
    let moved = FISCAL.replace("| 100.00 | 60.00 | 40.00 |  |\n| 一般", "| 100.00 | 60.00 |  | 40.00 |\n| 一般");
    let t = fiscal(&moved);
    let right = t.rows.iter().find(|r| r.panel == 1 && r.code.as_ref().is_some_and(|c| c.as_str() == "208")).unwrap();
    assert_eq!(columns(right, 4), vec![s("100.00"), s("60.00"), None, s("40.00")]);
}

#[test]
fn a_pipe_line_of_no_declared_row_is_read_as_text_and_noted() {
    let text = FISCAL.replace("| 政府性基金预算 | 40.00 |", "| 某某专项收入 | 40.00 |");
    let d = read_str(&text);
    let t = d.table("fiscal_summary").expect("table 4");
    assert!(t.rows.iter().all(|r| !r.name.value.contains('|')), "a bar kept in a name");
    assert!(!t.rows.iter().any(|r| r.name.value.contains("某某专项收入")), "an undeclared line taken as a row");
    let noted = d.notes.iter().any(|n| n.kind == NoteKind::UnreadLine && n.zh.contains("某某专项收入"));
    assert!(noted, "not noted: {:#?}", d.notes);
}
