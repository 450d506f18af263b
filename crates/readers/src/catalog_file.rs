//! Loading an official classification catalog (《政府收支分类科目》) from a CSV or spreadsheet
//! file (`--catalog FILE`). The user says the file is the whole official edition, so the catalog
//! it gives is `complete`: a code missing from it is wrong, not unknown.
//!
//! Real files vary, so the reader looks for the header row instead of assuming one: code headers
//! `code` / `科目编码` / `功能分类科目编码` / `经济分类科目编码` / `编码`, or codes split into
//! `类`,`款`,`项` columns; name headers `name` / `科目名称` / `名称`; an optional `level` / `级次`.
//! Title rows above the header and blank rows are skipped. A row that cannot be read fails the
//! load (the first few are listed) instead of being dropped.

use crate::decode::decode;
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use std::collections::BTreeMap;
use std::fmt;
use std::io::Cursor;
use std::path::Path;
use yusuan_model::catalog::{fold_name, Catalog, Code, Level};

/// How many bad rows an error lists; the rest are counted.
pub const MAX_LISTED_ROWS: usize = 10;

/// Rows searched for a header: titles and notes above it are a few lines at most.
const HEADER_SEARCH_ROWS: usize = 50;

/// Where a row is: a 1-based line of a CSV file (where its record starts), or a 1-based row of
/// a sheet as the spreadsheet shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    Line(usize),
    Row { sheet: String, row: usize },
}

impl Place {
    fn zh(&self) -> String {
        match self {
            Place::Line(n) => format!("第 {n} 行"),
            Place::Row { sheet, row } => format!("工作表“{sheet}”第 {row} 行"),
        }
    }

    fn en(&self) -> String {
        match self {
            Place::Line(n) => format!("line {n}"),
            Place::Row { sheet, row } => format!("sheet \"{sheet}\" row {row}"),
        }
    }
}

/// Why a row could not be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The code cell holds something that is not a 3-, 5- or 7-digit code.
    BadCode(String),
    /// A name with no code.
    NoCode,
    /// A code with no name.
    NoName,
    /// The level cell is not 1/2/3 or 类/款/项.
    BadLevel(String),
    /// The level cell disagrees with the code's length.
    LevelMismatch { stated: Level, code: Level },
    /// The code was already given another name.
    Duplicate { first: Place, first_name: String },
    /// A quoted CSV field never closes.
    UnclosedQuote,
    /// The row holds bytes that did not decode.
    Undecodable,
}

impl RowProblem {
    fn zh(&self) -> String {
        match self {
            RowProblem::BadCode(t) => format!("科目编码“{t}”无法识别（应为 3、5 或 7 位数字）"),
            RowProblem::NoCode => "有名称但没有科目编码".to_string(),
            RowProblem::NoName => "有科目编码但没有名称".to_string(),
            RowProblem::BadLevel(t) => format!("级次“{t}”无法识别（应为 1/2/3 或 类/款/项）"),
            RowProblem::LevelMismatch { stated, code } => {
                format!("级次为{}，但编码位数表明是{}", stated.label(), code.label())
            }
            RowProblem::Duplicate { first, first_name } => {
                format!("编码重复，{}已定义为“{first_name}”", first.zh())
            }
            RowProblem::UnclosedQuote => "引号未闭合".to_string(),
            RowProblem::Undecodable => "含有无法解码的字节".to_string(),
        }
    }

    fn en(&self) -> String {
        match self {
            RowProblem::BadCode(t) => {
                format!("code \"{t}\" is not a 3-, 5- or 7-digit classification code")
            }
            RowProblem::NoCode => "has a name but no code".to_string(),
            RowProblem::NoName => "has a code but no name".to_string(),
            RowProblem::BadLevel(t) => format!("level \"{t}\" is not 1/2/3 or 类/款/项"),
            RowProblem::LevelMismatch { stated, code } => {
                format!("level says {} but the code's length says {}", level_en(*stated), level_en(*code))
            }
            RowProblem::Duplicate { first, first_name } => {
                format!("duplicate code, already named \"{first_name}\" at {}", first.en())
            }
            RowProblem::UnclosedQuote => "a quoted field is never closed".to_string(),
            RowProblem::Undecodable => "holds bytes that do not decode".to_string(),
        }
    }
}

fn level_en(level: Level) -> &'static str {
    match level {
        Level::Class => "class (类)",
        Level::Section => "section (款)",
        Level::Item => "item (项)",
    }
}

/// A row that could not be taken, with its text (cells joined by commas, shortened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub place: Place,
    pub problem: RowProblem,
    pub text: String,
}

/// What went wrong with a catalog file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CatalogFileErrorKind {
    /// The file could not be read.
    Io(String),
    /// The spreadsheet could not be opened.
    Workbook(String),
    /// No header row with a code column and a name column, and no rows that start with a code.
    NoHeader,
    /// No sheet of the workbook has a code column.
    NoSheetWithCodes { sheets: Vec<String> },
    /// A header but no entries under it.
    NoEntries,
    /// Rows that could not be read: the first `MAX_LISTED_ROWS`, and how many in all.
    BadRows { rows: Vec<BadRow>, total: usize },
}

/// A catalog file that could not be loaded: which file, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogFileError {
    pub file: String,
    pub kind: CatalogFileErrorKind,
}

impl CatalogFileError {
    fn new(file: &str, kind: CatalogFileErrorKind) -> Self {
        CatalogFileError { file: file.to_string(), kind }
    }

    /// The message in the requested language (`en`; anything else is Chinese).
    pub fn message(&self, lang: &str) -> String {
        let en = lang == "en";
        let file = &self.file;
        match &self.kind {
            CatalogFileErrorKind::Io(e) if en => format!("{file}: cannot read the file: {e}"),
            CatalogFileErrorKind::Io(e) => format!("{file}：无法读取文件：{e}"),
            CatalogFileErrorKind::Workbook(e) if en => {
                format!("{file}: cannot open the spreadsheet: {e}")
            }
            CatalogFileErrorKind::Workbook(e) => format!("{file}：无法打开电子表格：{e}"),
            CatalogFileErrorKind::NoHeader if en => format!(
                "{file}: no header row with a code column (code / 科目编码 / 类,款,项) and a \
                 name column (name / 科目名称) in the first {HEADER_SEARCH_ROWS} rows"
            ),
            CatalogFileErrorKind::NoHeader => format!(
                "{file}：前 {HEADER_SEARCH_ROWS} 行中没有含编码列（code / 科目编码 / 类、款、项）\
                 和名称列（name / 科目名称）的表头行"
            ),
            CatalogFileErrorKind::NoSheetWithCodes { sheets } if en => format!(
                "{file}: no sheet has a header row with a code column and a name column \
                 (sheets: {})",
                sheets.join(", ")
            ),
            CatalogFileErrorKind::NoSheetWithCodes { sheets } => {
                format!("{file}：没有任何工作表含编码列和名称列的表头行（工作表：{}）", sheets.join("、"))
            }
            CatalogFileErrorKind::NoEntries if en => {
                format!("{file}: the catalog has a header but no entries")
            }
            CatalogFileErrorKind::NoEntries => format!("{file}：目录有表头但没有科目"),
            CatalogFileErrorKind::BadRows { rows, total } => {
                let mut out = if en {
                    format!("{file}: {total} row(s) cannot be read:")
                } else {
                    format!("{file}：有 {total} 行无法读取：")
                };
                for r in rows {
                    if en {
                        out.push_str(&format!("\n  {}: {} [{}]", r.place.en(), r.problem.en(), r.text));
                    } else {
                        out.push_str(&format!("\n  {}：{}［{}］", r.place.zh(), r.problem.zh(), r.text));
                    }
                }
                if *total > rows.len() {
                    let more = total - rows.len();
                    out.push_str(&if en {
                        format!("\n  … and {more} more")
                    } else {
                        format!("\n  ……另有 {more} 行")
                    });
                }
                out
            }
        }
    }
}

impl fmt::Display for CatalogFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("zh"))
    }
}

impl std::error::Error for CatalogFileError {}

/// Loads a catalog file: CSV (UTF-8, with or without BOM, or GBK/GB18030) or a spreadsheet
/// (XLSX, XLS, XLSB, ODS; the first sheet with a code column).
pub fn load_catalog(path: &Path) -> Result<Catalog, CatalogFileError> {
    let file = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| CatalogFileError::new(&file, CatalogFileErrorKind::Io(e.to_string())))?;
    catalog_from_bytes(&bytes, &file)
}

/// Reads a catalog from a file's bytes; `file_name` names it in errors and as the catalog's
/// source, and its extension helps tell a spreadsheet from CSV.
pub fn catalog_from_bytes(bytes: &[u8], file_name: &str) -> Result<Catalog, CatalogFileError> {
    let (rows, layout) = if is_workbook(bytes, file_name) {
        let (_sheet, rows, layout) = workbook_rows(bytes).map_err(|k| CatalogFileError::new(file_name, k))?;
        (rows, layout)
    } else {
        let rows = csv_rows(bytes);
        let layout =
            find_layout(&rows).ok_or_else(|| CatalogFileError::new(file_name, CatalogFileErrorKind::NoHeader))?;
        (rows, layout)
    };
    read_rows(&rows, &layout, file_name).map_err(|k| CatalogFileError::new(file_name, k))
}

fn is_workbook(bytes: &[u8], file_name: &str) -> bool {
    // Zip (XLSX, ODS) or OLE2 (XLS) magic decides; the extension only for files too broken to
    // show it, so that they get a spreadsheet error rather than a CSV one.
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return true;
    }
    let ext =
        Path::new(file_name).extension().and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

/// A row of cells from either kind of file.
#[derive(Clone, Debug)]
struct Row {
    place: Place,
    cells: Vec<String>,
    unclosed_quote: bool,
}

impl Row {
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(String::as_str).unwrap_or("")
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The row as text for an error message: its cells joined, at most 60 characters.
    fn text(&self) -> String {
        let joined = self.cells.iter().map(|c| c.trim()).collect::<Vec<_>>().join(",");
        let joined = joined.trim_end_matches(',');
        let mut out: String = joined.chars().take(60).collect();
        if joined.chars().count() > 60 {
            out.push('…');
        }
        out
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

fn csv_rows(bytes: &[u8]) -> Vec<Row> {
    let decoded = decode(bytes);
    let text = decoded.text.trim_start_matches('\u{feff}');
    let delimiter = sniff_delimiter(text);
    parse_csv(text, delimiter)
}

/// Comma unless the first lines hold more tabs or semicolons (a TSV saved as `.csv`).
fn sniff_delimiter(text: &str) -> char {
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let count = |d: char| head.chars().filter(|c| *c == d).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        '\t'
    } else if semis > commas && semis > tabs {
        ';'
    } else {
        ','
    }
}

/// RFC 4180 records, each with the line it starts on. Lenient where Excel and hand-edited
/// files are: a quote opens a field only at its start, text after a closing quote is kept, and
/// CR, LF and CRLF all end a line.
fn parse_csv(text: &str, delimiter: char) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut cells = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1usize;
    let mut start_line = 1usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                in_quotes = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cells.push(std::mem::take(&mut field));
                rows.push(Row {
                    place: Place::Line(start_line),
                    cells: std::mem::take(&mut cells),
                    unclosed_quote: false,
                });
                line += 1;
                start_line = line;
            }
            c if c == delimiter => cells.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if in_quotes || !field.is_empty() || !cells.is_empty() {
        cells.push(field);
        rows.push(Row { place: Place::Line(start_line), cells, unclosed_quote: in_quotes });
    }
    rows
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets

/// The rows of the first sheet that has a header, with its name and layout.
fn workbook_rows(bytes: &[u8]) -> Result<(String, Vec<Row>, Layout), CatalogFileErrorKind> {
    // calamine parses untrusted archives; a panic in it must not take the caller down with it,
    // so it becomes an error here. (Under the fuzzer the panic hook aborts first and reports it.)
    let outcome = std::panic::catch_unwind(|| {
        let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| CatalogFileErrorKind::Workbook(e.to_string()))?;
        let names = workbook.sheet_names();
        let mut unreadable = Vec::new();
        for name in &names {
            let range = match workbook.worksheet_range(name) {
                Ok(range) => range,
                Err(e) => {
                    unreadable.push(format!("{name} ({e})"));
                    continue;
                }
            };
            // Row numbers as the spreadsheet shows them, whatever the first used row is.
            let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
            let first_col = range.start().map(|(_, c)| c as usize).unwrap_or(0);
            let rows: Vec<Row> = range
                .rows()
                .enumerate()
                .map(|(i, cells)| {
                    // Keep columns where the sheet has them, so header positions line up.
                    let mut texts = vec![String::new(); first_col];
                    texts.extend(cells.iter().map(cell_text));
                    Row {
                        place: Place::Row { sheet: name.clone(), row: first_row + i + 1 },
                        cells: texts,
                        unclosed_quote: false,
                    }
                })
                .collect();
            if let Some(layout) = find_layout(&rows) {
                return Ok((name.clone(), rows, layout));
            }
        }
        let mut sheets = names.clone();
        sheets.extend(unreadable);
        sheets.dedup();
        Err(CatalogFileErrorKind::NoSheetWithCodes { sheets })
    });
    match outcome {
        Ok(result) => result,
        Err(_) => Err(CatalogFileErrorKind::Workbook(
            "the spreadsheet reader failed on this file / 电子表格解析器无法处理此文件".to_string(),
        )),
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        // Codes typed into a spreadsheet are stored as numbers; only whole numbers can be codes,
        // and they leave here as integer text, never travelling on as floats.
        Data::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => {
            format!("{}", *f as i64)
        }
        other => other.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Header and rows

#[derive(Clone, Debug, PartialEq, Eq)]
enum CodeColumns {
    One(usize),
    Split { class: usize, section: usize, item: Option<usize> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Layout {
    code: CodeColumns,
    name: usize,
    level: Option<usize>,
    /// Index of the first data row.
    data_start: usize,
    /// The header's cell texts, to skip the header where it is repeated (once a printed page).
    header_texts: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HeaderCell {
    Code,
    Name,
    Level,
    Class,
    Section,
    Item,
}

/// A header cell's meaning, compared without whitespace and ASCII case.
fn header_cell(text: &str) -> Option<HeaderCell> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
    let t = t.as_str();
    match t {
        "类" | "类级" | "类级科目" => return Some(HeaderCell::Class),
        "款" | "款级" | "款级科目" => return Some(HeaderCell::Section),
        "项" | "项级" | "项级科目" => return Some(HeaderCell::Item),
        "code" | "subject_code" | "科目号" => return Some(HeaderCell::Code),
        "name" | "subject_name" | "科目" => return Some(HeaderCell::Name),
        "level" | "级次" | "级别" | "层级" | "级数" | "科目级次" => return Some(HeaderCell::Level),
        _ => {}
    }
    // A title like 《政府收支分类科目编码表》 ends in 表, not 编码, so suffixes are safe here.
    if t.ends_with("编码") || t.ends_with("代码") {
        Some(HeaderCell::Code)
    } else if t.ends_with("名称") {
        Some(HeaderCell::Name)
    } else {
        None
    }
}

/// Finds the header row and the columns; failing that, rows that start `code,name` with no
/// header at all (as `Catalog::add_csv` accepts).
fn find_layout(rows: &[Row]) -> Option<Layout> {
    for (i, row) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        if let Some(layout) = header_layout(rows, i, row) {
            return Some(layout);
        }
    }
    // No header: the first row that starts with a code begins the data; rows above are titles.
    let (i, row) = rows
        .iter()
        .enumerate()
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, r)| parse_code(r.cell(0)).is_some() && !clean_name(r.cell(1)).is_empty())?;
    Some(Layout {
        code: CodeColumns::One(0),
        name: 1,
        level: (row.cells.len() > 2 && parse_level(row.cell(2)).is_some()).then_some(2),
        data_start: i,
        header_texts: Vec::new(),
    })
}

fn header_layout(rows: &[Row], i: usize, row: &Row) -> Option<Layout> {
    let find = |row: &Row, kind: HeaderCell| row.cells.iter().position(|c| header_cell(c) == Some(kind));
    let texts = |row: &Row| -> Vec<String> {
        row.cells.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect()
    };
    let name = find(row, HeaderCell::Name)?;
    let level = find(row, HeaderCell::Level);
    let split = |row: &Row| {
        Some(CodeColumns::Split {
            class: find(row, HeaderCell::Class)?,
            section: find(row, HeaderCell::Section)?,
            item: find(row, HeaderCell::Item),
        })
    };
    let layout = |code, data_start, header_texts| Layout { code, name, level, data_start, header_texts };
    if let Some(code) = find(row, HeaderCell::Code) {
        // 科目编码 over a second header row 类 | 款 | 项, as tables print it.
        if let Some(next) = rows.get(i + 1) {
            if let Some(split) = split(next) {
                return Some(layout(split, i + 2, [texts(row), texts(next)].concat()));
            }
        }
        return Some(layout(CodeColumns::One(code), i + 1, texts(row)));
    }
    split(row).map(|code| layout(code, i + 1, texts(row)))
}

/// A code as written in one cell: `2080101`, `208 01 01`, `[2080101]`, `208-01-01`. Written in
/// groups, each group must end on a level (3, 5 or 7 digits), so `3010.5` from a spreadsheet is
/// not read as 30105.
fn parse_code(text: &str) -> Option<Code> {
    let t = text.trim().trim_start_matches(['[', '【', '(', '（']).trim_end_matches([']', '】', ')', '）']);
    let mut digits = 0;
    for group in t.split([' ', '\u{3000}', '-', '.', '－']).filter(|g| !g.is_empty()) {
        digits += group.chars().count();
        if !matches!(digits, 3 | 5 | 7) {
            return None;
        }
    }
    Code::parse(t)
}

/// A code with its name in the same cell (`[2080101]行政运行`, `2080101 行政运行`), as finance
/// software exports them.
fn split_code_name(text: &str) -> Option<(Code, String)> {
    let t = text.trim();
    let t = t.strip_prefix(['[', '【']).unwrap_or(t);
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '０'..='９' | ' ' | '\u{3000}' | '-' | '.')))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let (code, rest) = t.split_at_checked(end)?;
    let code = Code::parse(code)?;
    let name = clean_name(rest.trim_start_matches([']', '】', ' ', '\u{3000}']));
    (!name.is_empty()).then_some((code, name))
}

/// A name without the indentation that shows its level, and without the line breaks of a
/// wrapped cell (Chinese names join without a space).
fn clean_name(text: &str) -> String {
    text.split(['\n', '\r']).map(str::trim).collect::<String>().trim().to_string()
}

fn parse_level(text: &str) -> Option<Level> {
    match text.trim() {
        "1" | "一" | "一级" | "类" => Some(Level::Class),
        "2" | "二" | "二级" | "款" => Some(Level::Section),
        "3" | "三" | "三级" | "项" => Some(Level::Item),
        _ => None,
    }
}

/// The digits of one part of a split code (`208`, `01`, `1` from a number cell), padded to its
/// width; None when the cell holds something else.
fn code_part(text: &str, width: usize) -> Option<String> {
    let mut digits = String::new();
    for c in text.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            '０'..='９' => digits.push(char::from_u32(c as u32 - 0xFF10 + 0x30)?),
            _ => return None,
        }
    }
    if digits.is_empty() || digits.len() > width {
        return Some(digits);
    }
    Some(format!("{digits:0>width$}"))
}

/// Carries 类 and 款 down split rows that leave them blank (merged cells in the original).
#[derive(Default)]
struct SplitState {
    class: Option<String>,
    section: Option<String>,
}

impl SplitState {
    fn code(
        &mut self,
        row: &Row,
        class: usize,
        section: usize,
        item: Option<usize>,
    ) -> Result<Option<Code>, RowProblem> {
        let raw = |i: usize| row.cell(i).trim().to_string();
        let (c_raw, s_raw) = (raw(class), raw(section));
        let i_raw = item.map(raw).unwrap_or_default();
        let written = || [c_raw.as_str(), s_raw.as_str(), i_raw.as_str()].join(" ").trim().to_string();
        if c_raw.is_empty() && s_raw.is_empty() && i_raw.is_empty() {
            return Ok(None);
        }
        let bad = || RowProblem::BadCode(written());
        let c = code_part(&c_raw, 3).ok_or_else(bad)?;
        let s = code_part(&s_raw, 2).ok_or_else(bad)?;
        let i = code_part(&i_raw, 2).ok_or_else(bad)?;
        let class_code = if c.is_empty() { self.class.clone().ok_or_else(bad)? } else { c };
        // A 款 or 项 cell may hold the whole code (20801, 2080101) rather than its own two digits.
        let section_code = match s.len() {
            0 => None,
            5 => Some(s),
            _ => Some(format!("{class_code}{s}")),
        };
        let digits = match (i.len(), section_code) {
            (0, None) => class_code.clone(),
            (0, Some(sec)) => sec,
            (7, _) => i,
            (_, Some(sec)) => format!("{sec}{i}"),
            (_, None) => {
                let sec = self.section.clone().filter(|sec| sec.starts_with(&class_code)).ok_or_else(bad)?;
                format!("{sec}{i}")
            }
        };
        let code = Code::parse(&digits).ok_or_else(bad)?;
        self.class = Some(code.class().as_str().to_string());
        self.section = match code.level() {
            Level::Class => None,
            Level::Section => Some(code.as_str().to_string()),
            Level::Item => code.parent().map(|p| p.as_str().to_string()),
        };
        Ok(Some(code))
    }
}

/// A header repeated down the file (each printed page has one), or a footnote: not data.
fn is_repeat_or_note(row: &Row, layout: &Layout) -> bool {
    let code_col = match layout.code {
        CodeColumns::One(col) => col,
        CodeColumns::Split { class, .. } => class,
    };
    let is_header = |col: usize| {
        let text = row.cell(col).trim();
        !text.is_empty() && layout.header_texts.iter().any(|h| h == text)
    };
    let first = row.cells.iter().map(|c| c.trim()).find(|c| !c.is_empty()).unwrap_or("");
    is_header(code_col)
        || is_header(layout.name)
        || ["注：", "注:", "说明：", "说明:"].iter().any(|p| first.starts_with(p))
}

fn read_rows(rows: &[Row], layout: &Layout, file: &str) -> Result<Catalog, CatalogFileErrorKind> {
    let mut catalog = Catalog::new(file, true);
    let mut seen: BTreeMap<Code, (Place, String)> = BTreeMap::new();
    let mut bad = Vec::new();
    let mut split = SplitState::default();
    for row in rows.iter().skip(layout.data_start) {
        if row.is_blank() {
            continue;
        }
        let problem = |problem| BadRow { place: row.place.clone(), problem, text: row.text() };
        if row.unclosed_quote {
            bad.push(problem(RowProblem::UnclosedQuote));
            continue;
        }
        if row.cells.iter().any(|c| c.contains('\u{FFFD}')) {
            bad.push(problem(RowProblem::Undecodable));
            continue;
        }
        if is_repeat_or_note(row, layout) {
            continue;
        }
        let mut name = clean_name(row.cell(layout.name));
        let code = match &layout.code {
            CodeColumns::One(col) => {
                let text = row.cell(*col).trim();
                if text.is_empty() {
                    None
                } else if let Some(code) = parse_code(text) {
                    Some(code)
                } else if let Some((code, inline_name)) = split_code_name(text).filter(|_| name.is_empty()) {
                    name = inline_name;
                    Some(code)
                } else {
                    bad.push(problem(RowProblem::BadCode(text.to_string())));
                    continue;
                }
            }
            CodeColumns::Split { class, section, item } => match split.code(row, *class, *section, *item) {
                Ok(code) => code,
                Err(p) => {
                    bad.push(problem(p));
                    continue;
                }
            },
        };
        let Some(code) = code else {
            bad.push(problem(RowProblem::NoCode));
            continue;
        };
        if name.is_empty() {
            bad.push(problem(RowProblem::NoName));
            continue;
        }
        if let Some(col) = layout.level {
            let text = row.cell(col).trim();
            if !text.is_empty() {
                match parse_level(text) {
                    None => {
                        bad.push(problem(RowProblem::BadLevel(text.to_string())));
                        continue;
                    }
                    Some(stated) if stated != code.level() => {
                        bad.push(problem(RowProblem::LevelMismatch { stated, code: code.level() }));
                        continue;
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some((first, first_name)) = seen.get(&code) {
            // The same entry twice is harmless; two names for one code is a broken file.
            if fold_name(first_name) != fold_name(&name) {
                let (first, first_name) = (first.clone(), first_name.clone());
                bad.push(problem(RowProblem::Duplicate { first, first_name }));
            }
            continue;
        }
        seen.insert(code.clone(), (row.place.clone(), name.clone()));
        catalog.insert(code, &name);
    }
    if !bad.is_empty() {
        let total = bad.len();
        bad.truncate(MAX_LISTED_ROWS);
        return Err(CatalogFileErrorKind::BadRows { rows: bad, total });
    }
    if catalog.is_empty() {
        return Err(CatalogFileErrorKind::NoEntries);
    }
    Ok(catalog)
}
