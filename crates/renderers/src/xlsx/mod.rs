//! `disclosure.xlsx`: the disclosure as a workbook. A first sheet `说明` (department, year, the
//! sheets with links), `概况` (part 1), one sheet per table named `表1` … `表11` with the
//! official merged header from the registry (the grid the HTML renderer draws, see
//! [`crate::layout`]), `情况说明` (part 3), one sheet per 绩效目标表 and `名词解释`.
//!
//! Amounts are numbers with the format `#,##0.00`. Totals are live formulas where the figures
//! add up: a row with children (the total row, 类, 款, units) is `=SUM(…)` of its children's
//! cells, a declared summary line (tables 1, 4, 10) of its declared parts, and a row's total
//! column of its part columns where the kind declares the identity (合计 = 基本支出 + 项目支出).
//! Each formula carries the model's figure as its cached result, so the file reads right
//! without recalculation. Where the printed figures do not add up (a rounding cent), the cell
//! keeps the printed figure as a constant, with a note giving the sum of its parts: the
//! workbook never shows a figure the disclosure does not print.

mod performance;
mod table;
mod text;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Url, Workbook, Worksheet, XlsxError};
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;
use yusuan_model::table::DocumentKind;
use yusuan_model::{AmountUnit, Disclosure, Money};

/// The disclosure as the bytes of an XLSX file.
pub fn render_xlsx(d: &Disclosure) -> Result<Vec<u8>, String> {
    build(d).map_err(|e| format!("XLSX: {e}"))
}

fn build(d: &Disclosure) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let department = d.department.as_ref().or(d.overview.department.as_ref()).map(|s| s.value.as_str());
    let mut names = Names::default();

    // The sheets after `说明`, each with what the contents list says of it.
    let mut sheets: Vec<(Worksheet, String)> = Vec::new();
    let overview = crate::text::overview_paragraphs(d);
    if !overview.is_empty() {
        let mut ws = named(&mut names, "概况")?;
        text::paragraphs(&mut ws, &overview, &f)?;
        sheets.push((ws, "第一部分 部门概况".to_string()));
    }
    for (i, t) in d.tables.iter().enumerate() {
        let n = t.number.map_or(i as u32 + 1, |n| n);
        let mut ws = named(&mut names, &format!("表{n}"))?;
        table::sheet(&mut ws, t, department, &f)?;
        sheets.push((ws, t.title.value.clone()));
    }
    let narrative = crate::text::narrative_paragraphs(d);
    if !narrative.is_empty() {
        let mut ws = named(&mut names, "情况说明")?;
        text::paragraphs(&mut ws, &narrative, &f)?;
        sheets.push((ws, "第三部分 情况说明".to_string()));
    }
    for (i, p) in d.performance.iter().enumerate() {
        let mut ws = named(&mut names, &format!("绩效{}", i + 1))?;
        let title = performance::sheet(&mut ws, p, &f)?;
        sheets.push((ws, title));
    }
    if !d.glossary.is_empty() {
        let mut ws = named(&mut names, "名词解释")?;
        text::glossary(&mut ws, &d.glossary, &f)?;
        sheets.push((ws, "第四部分 名词解释".to_string()));
    }

    let mut wb = Workbook::new();
    let mut first = Worksheet::new();
    first.set_name("说明")?;
    contents(&mut first, d, department, &sheets, &f)?;
    wb.push_worksheet(first);
    for (ws, _) in sheets {
        wb.push_worksheet(ws);
    }
    wb.save_to_buffer()
}

/// Sheet names in use: a repeated name (two tables numbered alike) gets a suffix, as a workbook
/// cannot hold two sheets of one name.
#[derive(Default)]
struct Names(BTreeSet<String>);

fn named(names: &mut Names, wanted: &str) -> Result<Worksheet, XlsxError> {
    let mut name = wanted.to_string();
    let mut k = 2;
    while names.0.contains(&name) {
        name = format!("{wanted}-{k}");
        k += 1;
    }
    names.0.insert(name.clone());
    let mut ws = Worksheet::new();
    ws.set_name(&name)?;
    ws.set_paper_size(9); // A4
    Ok(ws)
}

/// The first sheet: what the workbook is, and a linked list of its sheets.
fn contents(
    ws: &mut Worksheet,
    d: &Disclosure,
    department: Option<&str>,
    sheets: &[(Worksheet, String)],
    f: &Formats,
) -> Result<(), XlsxError> {
    let year = d.year.as_ref().or(d.overview.year.as_ref()).map(|y| y.value);
    let kind = match d.document {
        DocumentKind::Budget => "预算",
        DocumentKind::FinalAccounts => "决算",
    };
    let title =
        format!("{}{}部门{kind}公开", year.map(|y| format!("{y}年")).unwrap_or_default(), department.unwrap_or(""));
    ws.set_column_width(0, 14)?;
    ws.set_column_width(1, 60)?;
    ws.merge_range(0, 0, 0, 1, &title, &f.title)?;
    ws.set_row_height(0, 30)?;
    let mut row = 2;
    let mut field = |ws: &mut Worksheet, label: &str, value: &str| -> Result<(), XlsxError> {
        ws.write_string_with_format(row, 0, label, &f.label)?;
        ws.write_string_with_format(row, 1, value, &f.text)?;
        row += 1;
        Ok(())
    };
    field(ws, "部门", department.unwrap_or(""))?;
    field(ws, "年度", &year.map(|y| y.to_string()).unwrap_or_default())?;
    field(ws, "类别", &format!("部门{kind}公开"))?;
    if let Some(signed) = &d.signed {
        field(ws, "日期", &signed.value)?;
    }
    field(ws, "金额单位", "万元（表内另有标明的除外）")?;
    field(
        ws,
        "公式",
        "合计、小计等汇总数为公式（=SUM），与原数相符；各项之和与原数不等之处（尾数四舍五入）按原数列示，并以批注注明各项之和。",
    )?;
    row += 1;
    // The workbook's contents (目录): a link to each sheet and what it holds.
    ws.merge_range(row, 0, row, 1, "目录", &f.head)?;
    row += 1;
    ws.write_string_with_format(row, 0, "工作表", &f.head)?;
    ws.write_string_with_format(row, 1, "内容", &f.head)?;
    row += 1;
    for (sheet, what) in sheets {
        let name = sheet.name();
        ws.write_url_with_format(row, 0, Url::new(format!("internal:'{name}'!A1")).set_text(&name), &f.link)?;
        ws.write_string_with_format(row, 1, what, &f.text)?;
        row += 1;
    }
    Ok(())
}

/// The cell formats every sheet draws with.
pub(crate) struct Formats {
    title: Format,
    meta: Format,
    meta_right: Format,
    head: Format,
    numbering: Format,
    code: Format,
    label: Format,
    text: Format,
    wrap: Format,
    heading: Format,
    statement: Format,
    note: Format,
    link: Format,
    unplaced: Format,
    number: Format,
    number_total: Format,
    number_marked: Format,
    plain_number: Format,
}

/// The number format of amounts.
const AMOUNT_FORMAT: &str = "#,##0.00";

impl Formats {
    fn new() -> Formats {
        let cell = || Format::new().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let number = cell().set_num_format(AMOUNT_FORMAT).set_align(FormatAlign::Right);
        Formats {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            meta: Format::new(),
            meta_right: Format::new().set_align(FormatAlign::Right),
            head: cell().set_bold().set_align(FormatAlign::Center).set_text_wrap().set_background_color(0xF2F2F2),
            numbering: cell().set_align(FormatAlign::Center),
            code: cell().set_align(FormatAlign::Center),
            label: cell().set_bold().set_background_color(0xF2F2F2).set_text_wrap(),
            text: cell().set_text_wrap(),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            heading: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top),
            statement: cell().set_text_wrap().set_align(FormatAlign::Center),
            note: Format::new().set_text_wrap().set_italic(),
            link: cell().set_font_color(0x0563C1).set_underline(rust_xlsxwriter::FormatUnderline::Single),
            unplaced: cell().set_align(FormatAlign::Center).set_italic(),
            number_total: number.clone().set_bold(),
            // A value placed although its row does not add up: still a number, marked `!`.
            number_marked: number.clone().set_num_format("#,##0.00\"!\""),
            number,
            plain_number: cell().set_align(FormatAlign::Right),
        }
    }

    /// A name cell indented `depth` steps, bold for total lines.
    fn name(&self, depth: usize, bold: bool) -> Format {
        let f = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap()
            .set_indent(depth.min(MAX_INDENT) as u8);
        if bold {
            f.set_bold()
        } else {
            f
        }
    }
}

/// Deeper rows share the last indent.
const MAX_INDENT: usize = 6;

/// An amount in the unit `unit`, exactly: the printed decimal when the units agree, else
/// converted through 元 in decimal arithmetic.
fn in_unit(m: &Money, unit: AmountUnit) -> Decimal {
    if m.unit == unit {
        m.value
    } else {
        m.yuan() / unit.in_yuan()
    }
}

/// The number an XLSX cell stores. The file format's numbers are IEEE doubles, so this is the
/// one place a figure becomes a float: from its exact decimal text, at the last step, only to
/// be written. Nothing is computed with it (sums and comparisons are done on the decimals).
fn cell_number(d: Decimal) -> f64 {
    d.normalize().to_string().parse().unwrap_or(0.0)
}

/// Width on screen: a CJK character takes two columns, as Excel's width unit roughly counts.
fn text_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Lines a text needs in a column of `width` units (Excel wraps a little before the edge).
fn lines_needed(s: &str, width: f64) -> usize {
    let usable = (width - 1.0).max(1.0);
    s.split('\n').map(|l| ((text_width(l) as f64) / usable).ceil().max(1.0) as usize).sum::<usize>().max(1)
}

/// Points per wrapped line in the default font.
const LINE_HEIGHT: f64 = 15.0;
