//! Writing the workbook: blank, or filled with a department's data.

use super::{
    sheet, Field, Sheet, ALLOCATION, ASSETS, DEPARTMENT, DEPARTMENT_FIELDS, INDICATORS, INFO, ITEMS, KINDS, NAMES,
    PRIOR, PROCUREMENT, PROCUREMENT_FIELDS, PROJECTS, REASONS, SHEETS, SOURCES, USES, WHOLE_DEPARTMENT,
};
use crate::data::{AssetData, BudgetData, IndicatorData};
use crate::load::amount;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    Formula, Workbook, Worksheet, XlsxError,
};
use toml::Spanned;

/// Rows the data validation covers beyond the data written: room to add rows.
const ROOM: u32 = 1000;

/// A cell to write.
enum Cell {
    Empty,
    Text(String),
    /// An amount as written: a number in 元 when it parses, else the text as it stands.
    Amount(String),
    /// A count or a weight: a number when it is one, else text.
    Number(String),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn opt(s: &Option<String>) -> Cell {
    s.as_ref().map_or(Cell::Empty, |s| text(s.clone()))
}

fn money(s: &Spanned<String>) -> Cell {
    Cell::Amount(s.get_ref().clone())
}

struct Formats {
    header: Format,
    text: Format,
    wrap: Format,
    money: Format,
    title: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new().set_bold().set_background_color("#DDEBF7").set_align(FormatAlign::Center),
            text: Format::new().set_num_format("@"),
            wrap: Format::new().set_num_format("@").set_text_wrap().set_align(FormatAlign::Top),
            money: Format::new().set_num_format("#,##0.00"),
            title: Format::new().set_bold().set_font_size(14),
        }
    }
}

/// The workbook: instructions, and one sheet per kind of data with its header, column widths
/// and data validation. With `example`, filled with that department's data; without, blank.
pub fn template(example: Option<&BudgetData>) -> Result<Vec<u8>, String> {
    write(example).map_err(|e| e.to_string())
}

fn write(example: Option<&BudgetData>) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut wb = Workbook::new();
    if let Some(d) = example {
        // The same data gives the same bytes: dated 1 January of the budget year, not today.
        let date = ExcelDateTime::from_ymd(d.department.year.clamp(1900, 9999), 1, 1)?;
        wb.set_properties(&DocProperties::new().set_creation_datetime(&date));
    }
    let lists = info(wb.add_worksheet(), &f)?;
    let d = example;

    // 部门
    let mut rows = Vec::new();
    for field in DEPARTMENT_FIELDS {
        let values = d.map(|d| department_values(d, field)).unwrap_or_default();
        if values.is_empty() {
            rows.push(vec![text(field.label), Cell::Empty, text(field.about)]);
        }
        for v in values {
            rows.push(vec![text(field.label), v, text(field.about)]);
        }
    }
    table(wb.add_worksheet(), sheet(DEPARTMENT), &rows, &f)?;

    // 收支明细
    let rows: Vec<Vec<Cell>> = d
        .map(|d| {
            d.items
                .iter()
                .map(|i| {
                    vec![
                        text(i.function.get_ref().clone()),
                        text(i.econ.get_ref().clone()),
                        text(SOURCES.iter().find(|s| s.0 == *i.source.get_ref()).map_or("", |s| s.2)),
                        text(KINDS.iter().find(|k| k.0 == *i.kind.get_ref()).map_or("", |k| k.2)),
                        i.project.as_ref().map_or(Cell::Empty, |p| text(p.get_ref().clone())),
                        money(&i.amount),
                    ]
                })
                .collect()
        })
        .unwrap_or_default();
    let n = rows.len() as u32 + ROOM;
    let ws = table(wb.add_worksheet(), sheet(ITEMS), &rows, &f)?;
    let code = |digits: u32, what: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_text_length(DataValidationRule::Between(digits, digits + 2))
            .set_input_title("科目编码")?
            .set_input_message(format!("{what}，{digits}位数字，可按“类 款 项”加空格"))?
            .set_error_title("科目编码")?
            .set_error_message(format!("{what}应为{digits}位数字，如{}", if digits == 7 { "2080101" } else { "30101" }))
    };
    ws.add_data_validation(1, 0, n, 0, &code(7, "支出功能分类“项”")?)?;
    ws.add_data_validation(1, 1, n, 1, &code(5, "部门预算支出经济分类“款”")?)?;
    let list = |range: &str, title: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_list_formula(Formula::new(format!("='{INFO}'!{range}")))
            .set_error_title(title)?
            .set_error_message(format!("请从下拉列表中选择{title}（见“说明”工作表）"))
    };
    ws.add_data_validation(1, 2, n, 2, &list(&lists.0, "资金来源")?)?;
    ws.add_data_validation(1, 3, n, 3, &list(&lists.1, "支出类型")?)?;
    ws.add_data_validation(1, 5, n, 5, &amount_validation()?)?;

    // 上年预算, 增减原因, 资金用途
    let rows: Vec<Vec<Cell>> = d
        .map(|d| d.prior.iter().map(|(k, v)| vec![text(k.clone()), money(v), text(crate::keys::label(k))]).collect())
        .unwrap_or_default();
    let n = rows.len() as u32 + ROOM;
    table(wb.add_worksheet(), sheet(PRIOR), &rows, &f)?.add_data_validation(1, 1, n, 1, &amount_validation()?)?;
    for (name, map) in [(REASONS, d.map(|d| &d.reasons)), (USES, d.map(|d| &d.uses))] {
        let rows: Vec<Vec<Cell>> = map
            .map(|m| m.iter().map(|(k, v)| vec![text(k.clone()), text(v.get_ref().clone())]).collect())
            .unwrap_or_default();
        table(wb.add_worksheet(), sheet(name), &rows, &f)?;
    }

    // 项目, 资金分配, 绩效指标
    let projects = d.map(|d| d.projects.as_slice()).unwrap_or_default();
    let rows: Vec<Vec<Cell>> = projects
        .iter()
        .map(|p| {
            vec![
                text(p.name.get_ref().clone()),
                text(p.basis.clone()),
                opt(&p.executing_unit),
                opt(&p.period),
                opt(&p.owner),
                opt(&p.goal),
            ]
        })
        .collect();
    table(wb.add_worksheet(), sheet(PROJECTS), &rows, &f)?;
    let rows: Vec<Vec<Cell>> = projects
        .iter()
        .flat_map(|p| {
            p.allocation.iter().map(|a| {
                vec![
                    text(p.name.get_ref().clone()),
                    text(a.name.clone()),
                    money(&a.amount),
                    if a.factors.is_empty() { Cell::Empty } else { text(a.factors.join(" × ")) },
                ]
            })
        })
        .collect();
    let n = rows.len() as u32 + ROOM;
    table(wb.add_worksheet(), sheet(ALLOCATION), &rows, &f)?.add_data_validation(1, 2, n, 2, &amount_validation()?)?;
    let indicator = |owner: &str, i: &IndicatorData| {
        vec![
            text(owner),
            text(i.level1.clone()),
            text(i.level2.clone()),
            text(i.name.clone()),
            text(i.value.clone()),
            opt(&i.basis),
            opt(&i.prior),
            Cell::Number(i.weight.clone()),
            opt(&i.scoring_rule),
            opt(&i.evidence),
        ]
    };
    let mut rows: Vec<Vec<Cell>> =
        projects.iter().flat_map(|p| p.indicators.iter().map(|i| indicator(p.name.get_ref(), i))).collect();
    if let Some(d) = d {
        rows.extend(d.targets.indicators.iter().map(|i| indicator(WHOLE_DEPARTMENT, i)));
    }
    let n = rows.len() as u32 + ROOM;
    let weight = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
        .set_error_title("分值权重")?
        .set_error_message("分值权重应为 0—100 的数字")?;
    table(wb.add_worksheet(), sheet(INDICATORS), &rows, &f)?.add_data_validation(1, 7, n, 7, &weight)?;

    // 政府采购
    let rows: Vec<Vec<Cell>> = PROCUREMENT_FIELDS
        .iter()
        .map(|field| {
            let value = d.and_then(|d| {
                let p = &d.procurement;
                match field.key {
                    "goods" => p.goods.as_ref(),
                    "works" => p.works.as_ref(),
                    "services" => p.services.as_ref(),
                    "sme_reserved" => p.sme_reserved.as_ref(),
                    _ => p.small_micro_reserved.as_ref(),
                }
            });
            vec![text(field.label), value.map_or(Cell::Empty, money)]
        })
        .collect();
    table(wb.add_worksheet(), sheet(PROCUREMENT), &rows, &f)?.add_data_validation(
        1,
        1,
        10,
        1,
        &amount_validation()?,
    )?;

    // 国有资产
    let mut rows = Vec::new();
    for c in d.map(|d| d.assets.categories.as_slice()).unwrap_or_default() {
        rows.push(asset_row(c, None)?);
        for p in &c.parts {
            rows.push(asset_row(p, Some(&c.name))?);
        }
    }
    let n = rows.len() as u32 + ROOM;
    table(wb.add_worksheet(), sheet(ASSETS), &rows, &f)?.add_data_validation(1, 4, n, 4, &amount_validation()?)?;

    // 科目名称
    let rows: Vec<Vec<Cell>> =
        d.map(|d| d.names.iter().map(|(c, n)| vec![text(c.clone()), text(n.clone())]).collect()).unwrap_or_default();
    table(wb.add_worksheet(), sheet(NAMES), &rows, &f)?;

    wb.save_to_buffer()
}

fn asset_row(a: &AssetData, parent: Option<&str>) -> Result<Vec<Cell>, XlsxError> {
    if parent.is_some() && !a.parts.is_empty() {
        return Err(XlsxError::ParameterError(format!(
            "国有资产“{}”的分项还有分项：工作簿只有两级 / the workbook holds two levels of assets",
            a.name
        )));
    }
    let (category, part) = match parent {
        Some(p) => (text(p), text(a.name.clone())),
        None => (text(a.name.clone()), Cell::Empty),
    };
    Ok(vec![category, part, opt(&a.count), opt(&a.area), a.value.as_ref().map_or(Cell::Empty, money)])
}

fn amount_validation() -> Result<DataValidation, XlsxError> {
    Ok(DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(-1e13, 1e13))
        .set_input_title("金额（元）")?
        .set_input_message("以元为单位的数字，精确到分。也可以写带单位的文本，如“114.33万元”。")?
        .set_error_title("金额")?
        .set_error_message("金额应为以元为单位的数字。若写的是带单位的文本（如“114.33万元”），可点“是”保留。")?
        .set_error_style(DataValidationErrorStyle::Warning))
}

/// The values a department field has in `d`, one cell each (list fields: one per entry).
fn department_values(d: &BudgetData, field: &Field) -> Vec<Cell> {
    let dep = &d.department;
    let s = &dep.staffing;
    let num = |n: Option<u32>| n.map(|n| Cell::Number(n.to_string())).into_iter().collect::<Vec<_>>();
    let change = |n: i64| vec![Cell::Number(n.to_string())];
    let one = |t: &Option<String>| t.iter().map(|t| text(t.clone())).collect::<Vec<_>>();
    let many = |v: &[String]| v.iter().map(|t| text(t.clone())).collect::<Vec<_>>();
    match field.key {
        "name" => vec![text(dep.name.clone())],
        "year" => vec![Cell::Number(dep.year.to_string())],
        "signed" => one(&dep.signed),
        "units" => many(&dep.units),
        "division_word" => vec![text(dep.division_word.clone())],
        "duties" => many(&dep.duties),
        "divisions" => many(&dep.divisions),
        "staffing.authorised" => num(s.authorised),
        "staffing.in_service" => num(s.in_service),
        "staffing.in_service_change" => change(s.in_service_change),
        "staffing.retired" => num(s.retired),
        "staffing.retired_change" => change(s.retired_change),
        "staffing.separated" => num(s.separated),
        "staffing.separated_change" => change(s.separated_change),
        "contact" => one(&dep.contact),
        "phone" => one(&dep.phone),
        "targets.goal" => one(&d.targets.goal),
        "assets.as_of" => one(&d.assets.as_of),
        "assets.equipment_over_50" => change(d.assets.equipment_over_50.into()),
        "assets.equipment_over_100" => change(d.assets.equipment_over_100.into()),
        _ => Vec::new(),
    }
}

/// A table sheet: bold frozen header, widths, the rows.
fn table<'a>(
    ws: &'a mut Worksheet,
    def: &Sheet,
    rows: &[Vec<Cell>],
    f: &Formats,
) -> Result<&'a mut Worksheet, XlsxError> {
    ws.set_name(def.name)?;
    for (c, col) in def.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, col.width)?;
        ws.write_string_with_format(0, c, col.header, &f.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            let wide = def.columns.get(c as usize).is_some_and(|col| col.width >= 50.0);
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    ws.write_string_with_format(r, c, s, if wide { &f.wrap } else { &f.text })?;
                }
                Cell::Amount(s) => match amount(s) {
                    // Exact: 分 as an integer, /100 correctly rounded, and the shortest decimal
                    // text of that double gives back the amount (see `read::amount_text`).
                    Ok(fen) if fen.0.unsigned_abs() < 1 << 53 => {
                        ws.write_number_with_format(r, c, fen.0 as f64 / 100.0, &f.money)?;
                    }
                    _ => {
                        ws.write_string_with_format(r, c, s, &f.text)?;
                    }
                },
                Cell::Number(s) => match s.parse::<f64>() {
                    Ok(n) if n.is_finite() && format!("{n}") == *s => {
                        ws.write_number(r, c, n)?;
                    }
                    _ => {
                        ws.write_string_with_format(r, c, s, &f.text)?;
                    }
                },
            }
        }
    }
    Ok(ws)
}

/// The instructions sheet. Returns the ranges of the lists of sources and kinds, for the
/// validation of 收支明细.
fn info(ws: &mut Worksheet, f: &Formats) -> Result<(String, String), XlsxError> {
    ws.set_name(INFO)?;
    ws.set_column_width(0, 26.0)?;
    ws.set_column_width(1, 40.0)?;
    ws.set_column_width(2, 90.0)?;
    let mut r = 0u32;
    ws.write_string_with_format(r, 0, "部门预算数据工作簿 / Department budget data workbook", &f.title)?;
    r += 2;
    let general = [
        "本工作簿是 yusuan build 的输入：公开文件的每个合计、小计、占比、增减额和增长率都由这里的明细算出，不手填。\nThe input of `yusuan build budget.xlsx`: every total, share, change and rate is computed from the items here.",
        "每个工作表第一行是表头，不要改动表头文字（列的顺序可以调整）；空行跳过。可以加一列“备注”写自己的说明，不读取。\nRow 1 of every sheet is its header; keep its words. Blank rows are skipped; a column headed 备注 is for notes and not read.",
        "金额：以元为单位的数字，精确到分（两位小数）；也可以写带单位的文本，如“114.33万元”“1,143,300.00元”。超过分的小数会报错，不会被四舍五入。\nAmounts: numbers in 元, exact to the fen; or text with a unit. Finer than 分 is an error, never rounded.",
        "科目编码：功能分类“项”7位（如 2080101，可写成 208 01 01），部门经济分类“款”5位（如 30101）；建议以文本输入。\nCodes: functional 7 digits, economic 5 digits; spaces allowed.",
        "资金来源、支出类型：从下拉列表中选择，允许的值见本页下方。\nSource and kind: pick from the lists below.",
        "出错时，yusuan 会指出工作表、行号和字段，例如：budget.xlsx 工作表“收支明细”第 12 行: [amount] …；任何数据都不会被悄悄丢掉。\nEvery problem is reported with its sheet, row and field; nothing is dropped silently.",
    ];
    for g in general {
        ws.merge_range(r, 0, r, 2, g, &f.wrap)?;
        ws.set_row_height(r, 48)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "工作表 / Sheet", &f.header)?;
    ws.write_string_with_format(r, 1, "内容 / What it holds", &f.header)?;
    ws.write_string_with_format(r, 2, "填写说明", &f.header)?;
    r += 1;
    for s in SHEETS {
        ws.write_string(r, 0, s.name)?;
        ws.write_string(r, 1, s.en)?;
        let columns: Vec<String> = s
            .columns
            .iter()
            .filter(|c| !c.about.is_empty())
            .map(|c| format!("{}{}：{}", c.header, if c.required { "（必填）" } else { "" }, c.about))
            .collect();
        ws.write_string_with_format(r, 2, format!("{}\n{}", s.about, columns.join("\n")), &f.wrap)?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "部门 工作表的项目", &f.header)?;
    ws.write_string_with_format(r, 1, "TOML 字段", &f.header)?;
    ws.write_string_with_format(r, 2, "说明", &f.header)?;
    r += 1;
    for field in DEPARTMENT_FIELDS {
        ws.write_string(r, 0, field.label)?;
        ws.write_string(r, 1, field.key)?;
        ws.write_string(r, 2, format!("{}{}", field.about, if field.repeats { "（可多行）" } else { "" }))?;
        r += 1;
    }
    r += 1;
    ws.write_string_with_format(r, 0, "上年预算、增减原因的比较项", &f.header)?;
    ws.write_string_with_format(r, 1, "中文名称（也可直接填写）", &f.header)?;
    r += 1;
    for (k, zh) in crate::keys::LABELS {
        ws.write_string(r, 0, *k)?;
        ws.write_string(r, 1, *zh)?;
        r += 1;
    }
    ws.write_string(r, 0, "function.编码")?;
    ws.write_string(r, 1, "功能分类科目（类、款或项），如 function.2080101")?;
    r += 1;
    ws.write_string(r, 0, "carry_over.项目名称")?;
    ws.write_string(r, 1, "上年结转的项目（资金用途）")?;
    r += 2;
    let sources = allowed_values(ws, &mut r, "资金来源（允许的值）", SOURCES.iter().map(|(_, k, zh)| (*k, *zh)), f)?;
    r += 1;
    let kinds = allowed_values(ws, &mut r, "支出类型（允许的值）", KINDS.iter().map(|(_, k, zh)| (*k, *zh)), f)?;
    Ok((sources, kinds))
}

/// A list of allowed values (label, TOML key) under a heading from row `r`; the range of the
/// labels, for the data validation that offers them.
fn allowed_values<'a>(
    ws: &mut Worksheet,
    r: &mut u32,
    heading: &str,
    values: impl Iterator<Item = (&'a str, &'a str)>,
    f: &Formats,
) -> Result<String, XlsxError> {
    ws.write_string_with_format(*r, 0, heading, &f.header)?;
    ws.write_string_with_format(*r, 1, "填写值 / label", &f.header)?;
    ws.write_string_with_format(*r, 2, "TOML 写法（也可填写）", &f.header)?;
    *r += 1;
    let first = *r;
    for (key, zh) in values {
        ws.write_string(*r, 1, zh)?;
        ws.write_string(*r, 2, key)?;
        *r += 1;
    }
    Ok(format!("$B${}:$B${}", first + 1, *r))
}
