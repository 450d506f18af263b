//! The narrative sheets: part 1 and part 3 as the text renderer words them, one paragraph a
//! row in a wide wrapping column; 名词解释 as a term and its definition a row.

use super::{lines_needed, Formats, LINE_HEIGHT};
use rust_xlsxwriter::{RowNum, Worksheet, XlsxError};
use yusuan_model::disclosure::GlossaryEntry;

/// The width of the text column.
const WIDTH: f64 = 100.0;

pub(super) fn paragraphs(ws: &mut Worksheet, lines: &[String], f: &Formats) -> Result<(), XlsxError> {
    ws.set_column_width(0, WIDTH)?;
    for (r, line) in lines.iter().enumerate() {
        let r = r as RowNum;
        let text = line.trim();
        let format = if is_heading(line) { &f.heading } else { &f.wrap };
        ws.write_string_with_format(r, 0, text, format)?;
        let n = lines_needed(text, WIDTH);
        if n > 1 {
            ws.set_row_height(r, LINE_HEIGHT * n as f64 + 3.0)?;
        }
    }
    Ok(())
}

/// Part titles (` 第三部分 …`) and numbered section headings (`二、 关于…`).
fn is_heading(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('第') && t.contains("部分")
        || t.find('、').is_some_and(|i| {
            let number = &t[..i];
            !number.is_empty() && number.chars().all(|c| "一二三四五六七八九十".contains(c)) && t.chars().count() < 60
        })
}

pub(super) fn glossary(ws: &mut Worksheet, entries: &[GlossaryEntry], f: &Formats) -> Result<(), XlsxError> {
    ws.set_column_width(0, 24)?;
    ws.set_column_width(1, 80)?;
    ws.write_string_with_format(0, 0, "名词", &f.head)?;
    ws.write_string_with_format(0, 1, "解释", &f.head)?;
    for (i, e) in entries.iter().enumerate() {
        let r = i as RowNum + 1;
        ws.write_string_with_format(r, 0, &e.term.value, &f.label)?;
        ws.write_string_with_format(r, 1, &e.definition.value, &f.text)?;
        let n = lines_needed(&e.definition.value, 80.0).max(lines_needed(&e.term.value, 24.0));
        if n > 1 {
            ws.set_row_height(r, LINE_HEIGHT * n as f64 + 3.0)?;
        }
    }
    Ok(())
}
