//! A workbook laid out unlike the one yusuan writes: the title in a merged cell, merged
//! two-level headers, the code split over 类/款/项 columns, no numbering row, and a sheet named
//! only `表5` whose kind its header tells.

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use yusuan_model::origin::{At, Place};
use yusuan_model::table::Assignment;
use yusuan_model::Catalog;
use yusuan_readers::open::open;

/// A sheet row: 类, 款, 项, name, and the three amounts (an empty cell as none).
type SheetRow = (&'static str, &'static str, &'static str, &'static str, [Option<f64>; 3]);

fn body(ws: &mut Worksheet, first: u32) {
    let rows: [SheetRow; 4] = [
        ("", "", "", "合计", [Some(100.0), Some(60.5), Some(39.5)]),
        ("208", "", "", "社会保障和就业支出", [Some(100.0), Some(60.5), Some(39.5)]),
        ("208", "01", "01", "行政运行", [Some(60.5), Some(60.5), None]),
        ("208", "01", "02", "一般行政管理事务", [Some(39.5), None, Some(39.5)]),
    ];
    for (i, (a, b, c, name, values)) in rows.iter().enumerate() {
        let r = first + i as u32;
        for (col, t) in [a, b, c, name].iter().enumerate() {
            if !t.is_empty() {
                ws.write_string(r, col as u16, **t).unwrap();
            }
        }
        for (k, v) in values.iter().enumerate() {
            if let Some(v) = v {
                ws.write_number(r, 4 + k as u16, *v).unwrap();
            }
        }
    }
}

fn header(ws: &mut Worksheet, top: u32, group: &str) {
    let f = Format::new();
    ws.merge_range(top, 0, top, 2, "科目编码", &f).unwrap();
    ws.merge_range(top, 3, top + 1, 3, "科目名称", &f).unwrap();
    ws.merge_range(top, 4, top, 6, group, &f).unwrap();
    for (c, t) in ["类", "款", "项", "", "合计", "基本支出", "项目支出"].iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(top + 1, c as u16, *t).unwrap();
        }
    }
}

fn workbook() -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("表3").unwrap();
    ws.merge_range(0, 0, 0, 6, "2024年某某局部门支出总体情况表", &Format::new()).unwrap();
    ws.write_string(1, 6, "金额单位：万元").unwrap();
    header(ws, 2, "支出预算");
    body(ws, 4);
    let ws = wb.add_worksheet().set_name("表5").unwrap();
    header(ws, 0, "一般公共预算支出");
    body(ws, 2);
    let ws = wb.add_worksheet().set_name("封面").unwrap();
    ws.write_string(0, 0, "封面").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn another_layout_reads_into_the_same_tables() {
    let opened = open("other.xlsx", &workbook(), Catalog::shared_builtin()).unwrap_or_else(|e| panic!("{e}"));
    let d = &opened.disclosure;
    let kinds: Vec<&str> = d.tables.iter().map(|t| t.kind.as_str()).collect();
    assert_eq!(kinds, ["expenditure_summary", "general_budget_expenditure"], "{}", opened.text);
    for t in &d.tables {
        let rows: Vec<(Option<String>, String, Vec<String>, Assignment)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.code.as_ref().map(|c| c.as_str().to_string()),
                    r.name.value.clone(),
                    r.values.iter().map(|v| v.value.value.to_string()).collect(),
                    r.assignment.clone(),
                )
            })
            .collect();
        let cols = |c: &[u16]| Assignment::Resolved { columns: c.to_vec() };
        assert_eq!(
            rows,
            [
                (None, "合计".to_string(), vec!["100.00".into(), "60.50".into(), "39.50".into()], cols(&[0, 1, 2])),
                (
                    Some("208".into()),
                    "社会保障和就业支出".into(),
                    vec!["100.00".into(), "60.50".into(), "39.50".into()],
                    cols(&[0, 1, 2])
                ),
                (Some("2080101".into()), "行政运行".into(), vec!["60.50".into(), "60.50".into()], cols(&[0, 1])),
                (
                    Some("2080102".into()),
                    "一般行政管理事务".into(),
                    vec!["39.50".into(), "39.50".into()],
                    cols(&[0, 2])
                ),
            ],
            "{}: {}",
            t.kind,
            opened.text
        );
    }
    // 表3's 2080102 项目支出 is cell G8 (the title, the unit, two header rows, then four rows).
    let map = d.source_map.as_ref().unwrap();
    let row = &d.tables[0].rows[3];
    let loc = map.locate(row.values[1].span).unwrap();
    assert_eq!(loc.place, Place::Sheet { sheet: "表3".into(), row: 8 });
    assert_eq!(loc.at, Some(At::Cell { column: 7 }));
    // The cover sheet is neither: skipped with a note.
    assert!(d.notes.iter().any(|n| n.zh.contains("封面") && n.zh.contains("跳过")), "{:#?}", d.notes);
}
