//! Reading the workbook into [`BudgetData`], then the checks every input gets.
//!
//! Cells may hold numbers or text wherever either makes sense: a code typed as a number
//! (`20801` is stored as the double 20801.0) is read back as the digits `20801`, an amount typed
//! as text with its unit (`114.33万元`) is read as written, and an amount typed as a number is
//! read through its shortest decimal text, never as a float (see [`amount_text`]).

use super::{
    bare_header, Field, Sheet, ALLOCATION, ASSETS, DEPARTMENT, DEPARTMENT_FIELDS, INDICATORS, INFO, ITEMS, KINDS,
    NAMES, NOTE, PRIOR, PROCUREMENT, PROCUREMENT_FIELDS, PROJECTS, REASONS, SHEETS, SOURCES, USES, WHOLE_DEPARTMENT,
};
use crate::data::{
    AllocationData, AssetData, AssetsData, BudgetData, DepartmentData, DepartmentTargets, IndicatorData, LineItem,
    ProcurementData, ProjectData, StaffingData,
};
use crate::load::{validate, Budget, DataError, Place};
use calamine::{open_workbook_auto_from_rs, Data, Reader as _};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Cursor;
use std::ops::Range;
use std::str::FromStr;
use toml::Spanned;
use yusuan_model::catalog::Catalog;

/// Reads a workbook as [`super::template`] writes it (`.xlsx`; `.xls` and `.ods` too) and checks
/// it as [`crate::from_toml`] checks TOML. Every problem names the file, sheet, row and field.
pub fn from_xlsx(bytes: &[u8], file: &str, catalog: &Catalog) -> Result<Budget, Vec<DataError>> {
    // calamine parses untrusted archives; a panic in it must not take the caller down with it.
    let read = std::panic::catch_unwind(|| read(bytes, file));
    let (data, places) = match read {
        Ok(Ok(read)) => read,
        Ok(Err(errors)) => return Err(errors),
        Err(_) => {
            return Err(vec![DataError::at(
                file,
                Place::File,
                "xlsx",
                "电子表格解析器无法处理此文件".into(),
                "the spreadsheet reader failed on this file".into(),
            )])
        }
    };
    validate(data, file, &|span: Range<usize>| places.get(span.start).cloned().unwrap_or_default(), catalog)
}

/// The data and where each spanned value was: a value's span is `i..i + 1` for its place `i`.
fn read(bytes: &[u8], file: &str) -> Result<(BudgetData, Vec<Place>), Vec<DataError>> {
    let mut r = Reader { file, places: Vec::new(), errors: Vec::new() };
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        vec![DataError::at(
            file,
            Place::File,
            "xlsx",
            format!("无法读取工作簿（{e}）"),
            format!("cannot read the workbook ({e})"),
        )]
    })?;
    let names = wb.sheet_names();
    let mut grids = BTreeMap::new();
    for name in &names {
        let def = SHEETS.iter().find(|s| s.name == name.trim());
        let range = match wb.worksheet_range(name) {
            Ok(range) => range,
            Err(e) => {
                if def.is_some() {
                    r.error(
                        name,
                        None,
                        "xlsx",
                        format!("无法读取工作表（{e}）"),
                        format!("cannot read the sheet ({e})"),
                    );
                }
                continue;
            }
        };
        let (top, left) = range.start().map(|(r, c)| (r as usize, c as usize)).unwrap_or((0, 0));
        let rows: Vec<(usize, Vec<Data>)> = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut row = vec![Data::Empty; left];
                row.extend(cells.iter().cloned());
                (top + i + 1, row)
            })
            .collect();
        match def {
            Some(def) => {
                if grids.contains_key(def.name) {
                    r.error(name, None, "xlsx", "工作表重复".into(), "the sheet appears twice".into());
                } else {
                    let grid = r.grid(def, rows);
                    grids.insert(def.name, grid);
                }
            }
            None if name.trim() == INFO => {}
            None => {
                if rows.iter().any(|(_, row)| row.iter().any(|c| !is_blank(c))) {
                    let known: Vec<&str> = SHEETS.iter().map(|s| s.name).collect();
                    r.error(
                        name,
                        None,
                        "xlsx",
                        format!("未知的工作表，其中的数据不会被读取；可用的工作表：{}", known.join("、")),
                        format!("unknown sheet: its data would not be read; the sheets are {}", known.join(", ")),
                    );
                }
            }
        }
    }
    let empty = Grid { name: "", columns: Vec::new(), rows: Vec::new() };
    let grid = |name: &str| grids.get(name).unwrap_or(&empty);
    for required in [DEPARTMENT, ITEMS] {
        if !grids.contains_key(required) {
            r.error(required, None, "xlsx", "缺少此工作表".into(), "the sheet is missing".into());
        }
    }
    let (department, goal, assets_head) = r.department(grid(DEPARTMENT));
    let items = r.items(grid(ITEMS));
    let prior = r.keyed(grid(PRIOR), "amount", "prior", true);
    let reasons = r.keyed(grid(REASONS), "reason", "reasons", false);
    let uses = r.keyed(grid(USES), "use", "uses", false);
    let names_ = r.names(grid(NAMES));
    let (projects, targets) = r.projects(grid(PROJECTS), grid(ALLOCATION), grid(INDICATORS));
    let procurement = r.procurement(grid(PROCUREMENT));
    let categories = r.assets(grid(ASSETS));
    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let Some(department) = department else { return Err(r.errors) };
    let (as_of, equipment_over_50, equipment_over_100) = assets_head;
    let data = BudgetData {
        department,
        items,
        prior,
        reasons,
        uses,
        names: names_,
        projects,
        targets: DepartmentTargets { goal, indicators: targets },
        procurement,
        assets: AssetsData { as_of, categories, equipment_over_50, equipment_over_100 },
    };
    Ok((data, r.places))
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A data sheet: which field each column holds, and its rows (1-based row numbers as the
/// spreadsheet shows them) after the header, blank ones left out.
struct Grid {
    name: &'static str,
    /// Per column: the field, and for amount columns read in 万元 the unit to append.
    columns: Vec<Option<(&'static str, &'static str)>>,
    rows: Vec<(usize, Vec<Data>)>,
}

impl Grid {
    fn cell<'a>(&self, row: &'a [Data], field: &str) -> &'a Data {
        self.columns
            .iter()
            .position(|c| c.is_some_and(|(f, _)| f == field))
            .and_then(|i| row.get(i))
            .unwrap_or(&Data::Empty)
    }

    fn unit(&self, field: &str) -> &'static str {
        self.columns.iter().flatten().find(|(f, _)| *f == field).map_or("", |(_, u)| u)
    }
}

struct Reader<'f> {
    file: &'f str,
    places: Vec<Place>,
    errors: Vec<DataError>,
}

/// What a cell says that cannot be taken, in Chinese and English.
type Problem = (String, String);

impl Reader<'_> {
    fn error(&mut self, sheet: &str, row: Option<usize>, field: &str, zh: String, en: String) {
        self.errors.push(DataError::at(self.file, Place::Sheet { sheet: sheet.to_string(), row }, field, zh, en));
    }

    fn spanned<T>(&mut self, sheet: &str, row: usize, value: T) -> Spanned<T> {
        let i = self.places.len();
        self.places.push(Place::Sheet { sheet: sheet.to_string(), row: Some(row) });
        Spanned::new(i..i + 1, value)
    }

    /// The header and rows of a sheet. Columns are found by their header (the words of
    /// [`Sheet::columns`], with or without the unit in brackets, or the TOML field name).
    fn grid(&mut self, def: &'static Sheet, rows: Vec<(usize, Vec<Data>)>) -> Grid {
        let mut rows = rows.into_iter().skip_while(|(_, row)| row.iter().all(is_blank));
        let mut grid = Grid { name: def.name, columns: Vec::new(), rows: Vec::new() };
        let Some((header_row, header)) = rows.next() else {
            return grid;
        };
        for cell in &header {
            let text = cell_text(cell).ok().flatten().unwrap_or_default();
            if text.is_empty() {
                grid.columns.push(None);
                continue;
            }
            let bare = bare_header(&text);
            let column = def.columns.iter().find(|c| bare == bare_header(c.header) || text == c.field);
            match column {
                Some(c) if c.field == "about" || c.field == "note" => grid.columns.push(None),
                Some(c) if grid.columns.iter().flatten().any(|(f, _)| *f == c.field) => {
                    self.error(
                        def.name,
                        Some(header_row),
                        c.field,
                        format!("列“{text}”重复"),
                        format!("the column '{text}' appears twice"),
                    );
                    grid.columns.push(None);
                }
                Some(c) => {
                    // The unit an amount column's header states: 元 (the default) or 万元.
                    let unit = text.split_once(['（', '(']).map(|(_, u)| u.trim_end_matches(['）', ')']).trim());
                    let unit = match unit {
                        Some("万元") if c.header.contains('元') => "万元",
                        None | Some("元") => "",
                        Some(u) if !c.header.contains('元') => {
                            let _ = u;
                            ""
                        }
                        Some(u) => {
                            self.error(
                                def.name,
                                Some(header_row),
                                c.field,
                                format!("列“{text}”的单位“{u}”无法识别：应为 元 或 万元"),
                                format!("the unit '{u}' of the column '{text}' should be 元 or 万元"),
                            );
                            ""
                        }
                    };
                    grid.columns.push(Some((c.field, unit)));
                }
                None if bare == NOTE || text == "note" => grid.columns.push(None),
                None => {
                    let known: Vec<&str> = def.columns.iter().map(|c| c.header).collect();
                    self.error(
                        def.name,
                        Some(header_row),
                        "header",
                        format!("未知的列“{text}”，其中的数据不会被读取；此表的列：{}", known.join("、")),
                        format!(
                            "unknown column '{text}': its data would not be read; the columns are {}",
                            known.join(", ")
                        ),
                    );
                    grid.columns.push(None);
                }
            }
        }
        for c in def.columns.iter().filter(|c| c.required) {
            if !grid.columns.iter().flatten().any(|(f, _)| *f == c.field) {
                self.error(
                    def.name,
                    Some(header_row),
                    c.field,
                    format!("缺少列“{}”", c.header),
                    format!("the column '{}' is missing", c.header),
                );
            }
        }
        let mut note_columns: Vec<bool> = grid.columns.iter().map(Option::is_none).collect();
        // Header cells left blank are not note columns: data under them has nowhere to go.
        for (i, cell) in header.iter().enumerate() {
            if is_blank(cell) {
                note_columns[i] = false;
            }
        }
        for (n, row) in rows {
            let read =
                row.iter().enumerate().any(|(i, c)| grid.columns.get(i).is_some_and(Option::is_some) && !is_blank(c));
            let stray = row.iter().enumerate().find(|(i, c)| {
                !is_blank(c)
                    && grid.columns.get(*i).is_none_or(Option::is_none)
                    && !note_columns.get(*i).copied().unwrap_or(false)
            });
            if let Some((i, c)) = stray {
                let text = cell_text(c).ok().flatten().unwrap_or_default();
                self.error(
                    def.name,
                    Some(n),
                    "header",
                    format!("第 {} 列“{text}”没有表头，不会被读取", column_letter(i)),
                    format!("column {} ('{text}') has no header and would not be read", column_letter(i)),
                );
            }
            if read {
                grid.rows.push((n, row));
            }
        }
        grid
    }

    /// A text cell, or None when blank; a problem is reported.
    fn text(&mut self, g: &Grid, n: usize, row: &[Data], field: &str) -> Option<String> {
        match cell_text(g.cell(row, field)) {
            Ok(t) => t,
            Err((zh, en)) => {
                self.error(g.name, Some(n), field, zh, en);
                None
            }
        }
    }

    /// A cell that must not be blank.
    /// A key-value sheet's row: its label and the declared field it names; an unknown label is
    /// an error naming the fields there are.
    fn field(
        &mut self,
        g: &Grid,
        n: usize,
        row: &[Data],
        fields: &'static [Field],
    ) -> Option<(String, &'static Field)> {
        let label = self.required(g, n, row, "field")?;
        let Some(field) = find_field(fields, &label) else {
            let known: Vec<&str> = fields.iter().map(|f| f.label).collect();
            self.error(
                g.name,
                Some(n),
                "field",
                format!("未知的项目“{label}”；可用的项目：{}", known.join("、")),
                format!("unknown field '{label}'; the fields are {}", known.join(", ")),
            );
            return None;
        };
        Some((label, field))
    }

    fn required(&mut self, g: &Grid, n: usize, row: &[Data], field: &str) -> Option<String> {
        let bad = matches!(cell_text(g.cell(row, field)), Ok(None));
        let t = self.text(g, n, row, field);
        if bad {
            let header = super::sheet(g.name).columns.iter().find(|c| c.field == field).map_or(field, |c| c.header);
            self.error(g.name, Some(n), field, format!("“{header}”不能为空"), format!("'{header}' is empty"));
        }
        t
    }

    /// An amount cell, as text for [`crate::load::amount`].
    fn amount(&mut self, g: &Grid, n: usize, row: &[Data], field: &str, required: bool) -> Option<Spanned<String>> {
        let cell = g.cell(row, field);
        let text = match cell {
            Data::Float(f) => amount_text(*f).map(|t| Some(t + g.unit(field))),
            Data::Int(i) => Ok(Some(format!("{i}{}", g.unit(field)))),
            Data::String(_) | Data::Empty => cell_text(cell),
            other => Err((
                format!("金额应为数字或带单位的文本，而不是“{other}”"),
                format!("an amount should be a number or text, not '{other}'"),
            )),
        };
        match text {
            Ok(Some(t)) => Some(self.spanned(g.name, n, t)),
            Ok(None) if required => {
                self.error(g.name, Some(n), field, "金额不能为空".into(), "the amount is empty".into());
                None
            }
            Ok(None) => None,
            Err((zh, en)) => {
                self.error(g.name, Some(n), field, zh, en);
                None
            }
        }
    }

    /// A whole number.
    fn number<T: FromStr>(&mut self, g: &Grid, n: usize, row: &[Data], field: &str, what: &str) -> Option<T> {
        let t = self.text(g, n, row, field)?;
        match t.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(g.name, Some(n), what, format!("“{t}”应为整数"), format!("'{t}' should be a whole number"));
                None
            }
        }
    }

    /// The 部门 sheet: the department, the department's goal, and the assets' date and counts.
    #[allow(clippy::type_complexity)]
    fn department(&mut self, g: &Grid) -> (Option<DepartmentData>, Option<String>, (Option<String>, u32, u32)) {
        let mut dep = DepartmentData {
            name: String::new(),
            year: 0,
            signed: None,
            units: Vec::new(),
            duties: Vec::new(),
            divisions: Vec::new(),
            division_word: "处室".into(),
            staffing: StaffingData::default(),
            contact: None,
            phone: None,
        };
        let (mut name, mut year) = (None, None);
        let (mut goal, mut as_of, mut over_50, mut over_100) = (None, None, 0, 0);
        let mut seen: Vec<&str> = Vec::new();
        for (n, row) in &g.rows {
            let n = *n;
            let Some((_, field)) = self.field(g, n, row, DEPARTMENT_FIELDS) else { continue };
            if matches!(cell_text(g.cell(row, "value")), Ok(None)) {
                continue;
            }
            if !field.repeats {
                if seen.contains(&field.key) {
                    self.error(
                        g.name,
                        Some(n),
                        field.key,
                        format!("“{}”只能填写一次", field.label),
                        format!("'{}' is given twice", field.label),
                    );
                    continue;
                }
                seen.push(field.key);
            }
            let key = field.key;
            if field.number {
                let ok = match key {
                    "year" => self.number::<u16>(g, n, row, "value", key).map(|v| year = Some(v)),
                    "staffing.authorised" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.authorised = Some(v))
                    }
                    "staffing.in_service" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.in_service = Some(v))
                    }
                    "staffing.retired" => self.number(g, n, row, "value", key).map(|v| dep.staffing.retired = Some(v)),
                    "staffing.separated" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.separated = Some(v))
                    }
                    "staffing.in_service_change" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.in_service_change = v)
                    }
                    "staffing.retired_change" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.retired_change = v)
                    }
                    "staffing.separated_change" => {
                        self.number(g, n, row, "value", key).map(|v| dep.staffing.separated_change = v)
                    }
                    "assets.equipment_over_50" => self.number(g, n, row, "value", key).map(|v| over_50 = v),
                    _ => self.number(g, n, row, "value", key).map(|v| over_100 = v),
                };
                let _ = ok;
                continue;
            }
            let Some(v) = self.text(g, n, row, "value") else { continue };
            match key {
                "name" => name = Some(v),
                "signed" => dep.signed = Some(v),
                "units" => dep.units.push(v),
                "division_word" => dep.division_word = v,
                "duties" => dep.duties.push(v),
                "divisions" => dep.divisions.push(v),
                "contact" => dep.contact = Some(v),
                "phone" => dep.phone = Some(v),
                "targets.goal" => goal = Some(v),
                _ => as_of = Some(v),
            }
        }
        let mut ok = true;
        for (missing, label) in [(name.is_none(), "部门名称"), (year.is_none(), "预算年度")] {
            if missing && !g.name.is_empty() {
                self.error(g.name, None, "value", format!("缺少“{label}”"), format!("'{label}' is missing"));
            }
            ok &= !missing;
        }
        dep.name = name.unwrap_or_default();
        dep.year = year.unwrap_or_default();
        (ok.then_some(dep), goal, (as_of, over_50, over_100))
    }

    /// The 收支明细 sheet.
    fn items(&mut self, g: &Grid) -> Vec<LineItem> {
        let mut items = Vec::new();
        for (n, row) in &g.rows {
            let n = *n;
            let function = self.required(g, n, row, "function");
            let econ = self.required(g, n, row, "econ");
            let source = self.required(g, n, row, "source").and_then(|s| {
                let found = SOURCES.iter().find(|x| x.2 == s || x.1 == s).map(|x| x.0);
                if found.is_none() {
                    let allowed: Vec<&str> = SOURCES.iter().map(|x| x.2).collect();
                    self.error(
                        g.name,
                        Some(n),
                        "source",
                        format!("资金来源“{s}”不是允许的值：{}", allowed.join("、")),
                        format!("the source '{s}' is not one of {}", allowed.join(", ")),
                    );
                }
                found
            });
            let kind = self.required(g, n, row, "kind").and_then(|k| {
                let found = KINDS.iter().find(|x| x.2 == k || x.1 == k).map(|x| x.0);
                if found.is_none() {
                    self.error(
                        g.name,
                        Some(n),
                        "kind",
                        format!("支出类型“{k}”不是允许的值：人员经费、公用经费、项目支出"),
                        format!("the kind '{k}' is not one of 人员经费, 公用经费, 项目支出"),
                    );
                }
                found
            });
            let project = self.text(g, n, row, "project");
            let amount = self.amount(g, n, row, "amount", true);
            if let (Some(function), Some(econ), Some(source), Some(kind), Some(amount)) =
                (function, econ, source, kind, amount)
            {
                items.push(LineItem {
                    function: self.spanned(g.name, n, function),
                    econ: self.spanned(g.name, n, econ),
                    source: self.spanned(g.name, n, source),
                    kind: self.spanned(g.name, n, kind),
                    project: project.map(|p| self.spanned(g.name, n, p)),
                    amount,
                });
            }
        }
        items
    }

    /// 上年预算, 增减原因, 资金用途: key → amount or text.
    fn keyed(&mut self, g: &Grid, value: &str, what: &str, is_amount: bool) -> BTreeMap<String, Spanned<String>> {
        let mut map = BTreeMap::new();
        for (n, row) in &g.rows {
            let n = *n;
            let key = self.required(g, n, row, "key");
            let v = if is_amount {
                self.amount(g, n, row, value, true)
            } else {
                self.required(g, n, row, value).map(|t| self.spanned(g.name, n, t))
            };
            let (Some(key), Some(v)) = (key, v) else { continue };
            let key = crate::keys::from_label(&key).map(str::to_string).unwrap_or(key);
            if map.contains_key(&key) {
                self.error(
                    g.name,
                    Some(n),
                    what,
                    format!("比较项“{key}”重复"),
                    format!("the key '{key}' is given twice"),
                );
                continue;
            }
            map.insert(key, v);
        }
        map
    }

    /// 科目名称.
    fn names(&mut self, g: &Grid) -> BTreeMap<String, String> {
        let mut map = BTreeMap::new();
        for (n, row) in &g.rows {
            let (Some(code), Some(name)) =
                (self.required(g, n.to_owned(), row, "code"), self.required(g, *n, row, "name"))
            else {
                continue;
            };
            if map.insert(code.clone(), name).is_some() {
                self.error(
                    g.name,
                    Some(*n),
                    "names",
                    format!("科目编码“{code}”重复"),
                    format!("the code '{code}' is named twice"),
                );
            }
        }
        map
    }

    /// 项目, 资金分配, 绩效指标: the projects and the department's own indicators.
    fn projects(&mut self, pg: &Grid, ag: &Grid, ig: &Grid) -> (Vec<ProjectData>, Vec<IndicatorData>) {
        let mut projects: Vec<ProjectData> = Vec::new();
        for (n, row) in &pg.rows {
            let n = *n;
            let Some(name) = self.required(pg, n, row, "name") else { continue };
            if projects.iter().any(|p| *p.name.get_ref() == name) {
                self.error(
                    pg.name,
                    Some(n),
                    "projects",
                    format!("项目“{name}”重复"),
                    format!("the project '{name}' appears twice"),
                );
                continue;
            }
            let p = ProjectData {
                name: self.spanned(pg.name, n, name),
                basis: self.text(pg, n, row, "basis").unwrap_or_default(),
                executing_unit: self.text(pg, n, row, "executing_unit"),
                period: self.text(pg, n, row, "period"),
                allocation: Vec::new(),
                owner: self.text(pg, n, row, "owner"),
                goal: self.text(pg, n, row, "goal"),
                indicators: Vec::new(),
            };
            projects.push(p);
        }
        let find = |r: &mut Self, g: &Grid, n: usize, name: &str| -> Option<usize> {
            let i = projects.iter().position(|p| p.name.get_ref() == name);
            if i.is_none() {
                r.error(
                    g.name,
                    Some(n),
                    "project",
                    format!("项目“{name}”不在“{PROJECTS}”工作表中"),
                    format!("the project '{name}' is not on the sheet '{PROJECTS}'"),
                );
            }
            i
        };
        let mut allocations = Vec::new();
        for (n, row) in &ag.rows {
            let n = *n;
            let project = self.required(ag, n, row, "project");
            let name = self.required(ag, n, row, "name");
            let amount = self.amount(ag, n, row, "amount", true);
            let factors = self.text(ag, n, row, "factors");
            let (Some(project), Some(name), Some(amount)) = (project, name, amount) else { continue };
            let Some(i) = find(self, ag, n, &project) else { continue };
            let factors = factors
                .map(|f| f.split(['×', '*', '＊']).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            allocations.push((i, AllocationData { name, amount, factors }));
        }
        let mut indicators = Vec::new();
        let mut department = Vec::new();
        for (n, row) in &ig.rows {
            let n = *n;
            let project = self.required(ig, n, row, "project");
            let level1 = self.required(ig, n, row, "level1");
            let level2 = self.required(ig, n, row, "level2");
            let name = self.required(ig, n, row, "name");
            let value = self.required(ig, n, row, "value");
            let weight = self.required(ig, n, row, "weight");
            let i = IndicatorData {
                level1: level1.unwrap_or_default(),
                level2: level2.unwrap_or_default(),
                name: name.unwrap_or_default(),
                value: value.unwrap_or_default(),
                basis: self.text(ig, n, row, "basis"),
                prior: self.text(ig, n, row, "prior"),
                weight: weight.unwrap_or_default(),
                scoring_rule: self.text(ig, n, row, "scoring_rule"),
                evidence: self.text(ig, n, row, "evidence"),
            };
            let Some(project) = project else { continue };
            if project == WHOLE_DEPARTMENT {
                department.push(i);
            } else if let Some(p) = find(self, ig, n, &project) {
                indicators.push((p, i));
            }
        }
        for (i, a) in allocations {
            projects[i].allocation.push(a);
        }
        for (p, i) in indicators {
            projects[p].indicators.push(i);
        }
        (projects, department)
    }

    /// 政府采购.
    fn procurement(&mut self, g: &Grid) -> ProcurementData {
        let mut p = ProcurementData::default();
        for (n, row) in &g.rows {
            let n = *n;
            let Some((label, field)) = self.field(g, n, row, PROCUREMENT_FIELDS) else { continue };
            let Some(v) = self.amount(g, n, row, "amount", false) else { continue };
            let slot = match field.key {
                "goods" => &mut p.goods,
                "works" => &mut p.works,
                "services" => &mut p.services,
                "sme_reserved" => &mut p.sme_reserved,
                _ => &mut p.small_micro_reserved,
            };
            if slot.is_some() {
                self.error(
                    g.name,
                    Some(n),
                    field.key,
                    format!("“{label}”只能填写一次"),
                    format!("'{label}' is given twice"),
                );
            }
            *slot = Some(v);
        }
        p
    }

    /// 国有资产: categories, and parts under the category they name.
    fn assets(&mut self, g: &Grid) -> Vec<AssetData> {
        let mut categories: Vec<AssetData> = Vec::new();
        for (n, row) in &g.rows {
            let n = *n;
            let Some(category) = self.required(g, n, row, "name") else { continue };
            let part = self.text(g, n, row, "part");
            let a = AssetData {
                name: part.clone().unwrap_or_else(|| category.clone()),
                count: self.text(g, n, row, "count"),
                area: self.text(g, n, row, "area"),
                value: self.amount(g, n, row, "value", false),
                parts: Vec::new(),
            };
            if part.is_none() {
                categories.push(a);
            } else if let Some(c) = categories.iter_mut().rev().find(|c| c.name == category) {
                c.parts.push(a);
            } else {
                self.error(
                    g.name,
                    Some(n),
                    "assets",
                    format!("分项所属的类别“{category}”须先有一行（“分项”留空）"),
                    format!("the category '{category}' needs its own row (分项 blank) above its parts"),
                );
            }
        }
        categories
    }
}

fn find_field(fields: &'static [Field], label: &str) -> Option<&'static Field> {
    let bare = bare_header(label);
    fields.iter().find(|f| label == f.label || label == f.key || bare == bare_header(f.label))
}

/// A column's letter as the spreadsheet shows it (0 → A, 26 → AA).
fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// A cell as text: None when blank. Numbers leave as their shortest decimal text, so a code
/// typed as a number (`20801`, stored as 20801.0) is `20801`; dates as `2024年2月23日`.
fn cell_text(cell: &Data) -> Result<Option<String>, Problem> {
    Ok(match cell {
        Data::Empty => None,
        Data::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Data::Int(i) => Some(i.to_string()),
        Data::Float(f) if f.is_finite() => Some(format!("{f}")),
        Data::Float(f) => {
            return Err((format!("单元格的数值“{f}”无效"), format!("the cell's number '{f}' is not valid")))
        }
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Some(format!("{y}年{m}月{d}日"))
        }
        Data::DateTime(dt) => Some(format!("{}", dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(s.clone()),
        Data::Bool(b) => {
            return Err((
                format!("单元格是逻辑值 {}，应为文本或数字", if *b { "TRUE" } else { "FALSE" }),
                "the cell holds a logical value, not text or a number".into(),
            ))
        }
        Data::Error(e) => return Err((format!("单元格有错误值 {e}"), format!("the cell holds the error {e}"))),
    })
}

/// An amount typed as a number, as exact decimal text in 元 (`1143280`, `831000.5`).
///
/// Excel keeps a typed number to 15 significant digits as the nearest double; the shortest
/// decimal text that reads back as that double (Rust's `{}` for `f64`, as ryu) is then exactly
/// what was typed, since 15 digits are fewer than the 17 a double needs to be ambiguous. So an
/// amount typed to the fen comes back to the fen, with no rounding. A formula's result may
/// carry binary noise past the 15th digit (`0.1 + 0.2` is `0.30000000000000004`): rounded to
/// 15 significant digits, as Excel displays it, it is the decimal meant. What is still finer
/// than 分 after that is an error, never rounded away.
pub(crate) fn amount_text(f: f64) -> Result<String, Problem> {
    let bad = || (format!("金额“{f}”无法识别"), format!("the amount '{f}' does not parse"));
    if !f.is_finite() {
        return Err(bad());
    }
    let shortest = format!("{f}");
    let d = Decimal::from_str(&shortest).map_err(|_| bad())?;
    if d.normalize().scale() <= 2 {
        return Ok(d.normalize().to_string());
    }
    let r = d.round_sf(15).unwrap_or(d).normalize();
    if r.scale() <= 2 {
        Ok(r.to_string())
    } else {
        Err((
            format!("金额 {shortest} 不是整分（小数超过两位）；请写到分，或用 ROUND(…, 2)"),
            format!("the amount {shortest} is not a whole number of 分 (more than two decimals)"),
        ))
    }
}
