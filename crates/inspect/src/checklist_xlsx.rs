//! The checklist workbook: a summary sheet for the batch (汇总), then one sheet per document
//! with a row per required part (检查项目, 符合要求, 发现的问题, 位置).

use crate::checklist::Checklist;
use crate::outcome::FileOutcome;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet, XlsxError};
use yusuan_model::table::DocumentKind;

/// The summary sheet's name.
pub const SUMMARY_SHEET: &str = "汇总";

struct Styles {
    title: Format,
    head: Format,
    text: Format,
    center: Format,
    no: Format,
    link: Format,
}

fn styles() -> Styles {
    let cell = || Format::new().set_border(FormatBorder::Thin).set_text_wrap().set_align(FormatAlign::Top);
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        head: cell().set_bold().set_align(FormatAlign::Center).set_background_color(0xF2F2F2),
        text: cell(),
        center: cell().set_align(FormatAlign::Center),
        no: cell().set_align(FormatAlign::Center).set_font_color(0xC00000).set_bold(),
        link: cell().set_font_color(0x0563C1).set_underline(rust_xlsxwriter::FormatUnderline::Single),
    }
}

/// The workbook as bytes: documents with a checklist get a sheet each; unreadable files a row of
/// the summary with their reason.
pub fn render(outcomes: &[FileOutcome]) -> Result<Vec<u8>, String> {
    build(outcomes).map_err(|e| e.to_string())
}

fn build(outcomes: &[FileOutcome]) -> Result<Vec<u8>, XlsxError> {
    let s = styles();
    let mut wb = Workbook::new();
    let summary = wb.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    summary.write_string_with_format(0, 0, "部门预算（决算）公开检查表：汇总", &s.title)?;
    let head = ["文件", "部门", "年度", "类型", "是否符合要求", "错误", "警告", "缺少的部分", "说明"];
    for (c, h) in head.iter().enumerate() {
        summary.write_string_with_format(2, c as u16, *h, &s.head)?;
    }
    for (c, w) in [40.0, 36.0, 8.0, 8.0, 14.0, 8.0, 8.0, 40.0, 50.0].iter().enumerate() {
        summary.set_column_width(c as u16, *w)?;
    }
    summary.set_freeze_panes(3, 0)?;
    let mut sheets: Vec<(String, &FileOutcome, &Checklist)> = Vec::new();
    for (i, o) in outcomes.iter().enumerate() {
        let row = 3 + i as u32;
        let path = o.path.display().to_string();
        match &o.result {
            Ok(c) => {
                let Some(list) = &c.checklist else { continue };
                let name = sheet_name(sheets.len() + 1, o);
                summary.write_url_with_format(
                    row,
                    0,
                    Url::new(format!("internal:'{name}'!A1")).set_text(&path),
                    &s.link,
                )?;
                summary.write_string_with_format(row, 1, c.department.as_deref().unwrap_or(""), &s.text)?;
                summary.write_string_with_format(
                    row,
                    2,
                    c.year.map(|y| y.to_string()).unwrap_or_default(),
                    &s.center,
                )?;
                summary.write_string_with_format(row, 3, kind_name(c.document), &s.center)?;
                let ok = list.complies();
                summary.write_string_with_format(row, 4, yes_no(ok), if ok { &s.center } else { &s.no })?;
                summary.write_number_with_format(row, 5, c.summary.errors as f64, &s.center)?;
                summary.write_number_with_format(row, 6, c.summary.warnings as f64, &s.center)?;
                summary.write_string_with_format(row, 7, list.missing().join("、"), &s.text)?;
                summary.write_string_with_format(row, 8, "", &s.text)?;
                sheets.push((name, o, list));
            }
            Err(e) => {
                summary.write_string_with_format(row, 0, &path, &s.text)?;
                for c in 1..8 {
                    summary.write_string_with_format(row, c, "", &s.text)?;
                }
                summary.write_string_with_format(row, 4, "无法读取", &s.no)?;
                summary.write_string_with_format(row, 8, e.message("zh"), &s.text)?;
            }
        }
    }
    for (name, o, list) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        document_sheet(ws, o, list, &s)?;
    }
    wb.save_to_buffer()
}

fn document_sheet(ws: &mut Worksheet, o: &FileOutcome, list: &Checklist, s: &Styles) -> Result<(), XlsxError> {
    let c = o.checked();
    let department = c.and_then(|c| c.department.as_deref()).unwrap_or("（未识别）");
    let year = c.and_then(|c| c.year).map(|y| format!("{y} 年")).unwrap_or_default();
    ws.write_string_with_format(0, 0, format!("{department} {year}{}公开检查表", kind_name(list.document)), &s.title)?;
    ws.write_string(1, 0, format!("文件：{}", o.path.display()))?;
    for (col, h) in ["检查项目", "符合要求", "发现的问题", "位置"].iter().enumerate() {
        ws.write_string_with_format(3, col as u16, *h, &s.head)?;
    }
    for (i, item) in list.items.iter().enumerate() {
        let row = 4 + i as u32;
        ws.write_string_with_format(row, 0, &item.name, &s.text)?;
        ws.write_string_with_format(row, 1, yes_no(item.complies), if item.complies { &s.center } else { &s.no })?;
        ws.write_string_with_format(row, 2, item.problems.join("\n"), &s.text)?;
        ws.write_string_with_format(row, 3, item.position.as_deref().unwrap_or(""), &s.text)?;
    }
    for (col, w) in [34.0, 10.0, 80.0, 24.0].iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.set_freeze_panes(4, 0)?;
    Ok(())
}

fn yes_no(yes: bool) -> &'static str {
    if yes {
        "是"
    } else {
        "否"
    }
}

fn kind_name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Budget => "预算",
        DocumentKind::FinalAccounts => "决算",
    }
}

/// `001 changji-hrss-2024-budget`: numbered so every name is unique, cut to Excel's 31
/// characters, without the characters Excel forbids in sheet names.
fn sheet_name(n: usize, o: &FileOutcome) -> String {
    let stem = o.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let clean: String = stem
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\'') { '_' } else { c })
        .collect();
    format!("{n:03} {clean}").chars().take(31).collect::<String>().trim_end().to_string()
}
