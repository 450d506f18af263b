//! Reading and validating budget data: every problem is reported with its file, line and field,
//! in Chinese and English; nothing is dropped silently.

use crate::data::{BudgetData, Kind, Source};
use std::collections::BTreeMap;
use toml::Spanned;
use yusuan_model::catalog::{Catalog, Classification, Code, Lookup};
use yusuan_model::money::{AmountUnit, Fen, Money};

/// A problem in the budget data, where it is: a line of a TOML file, or a sheet and row of a
/// workbook.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// 1-based line of a TOML file, when the problem has a place there.
    pub line: Option<usize>,
    /// The worksheet, when read from a workbook.
    pub sheet: Option<String>,
    /// 1-based row of `sheet`, as the spreadsheet shows it.
    pub row: Option<usize>,
    pub field: String,
    pub zh: String,
    pub en: String,
}

/// Where something was written.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Place {
    /// The file as a whole.
    #[default]
    File,
    /// A 1-based line of a text file.
    Line(usize),
    /// A worksheet, and a 1-based row of it when known.
    Sheet { sheet: String, row: Option<usize> },
}

impl DataError {
    /// An error at `place` of `file`.
    pub fn at(file: &str, place: Place, field: &str, zh: String, en: String) -> DataError {
        let (line, sheet, row) = match place {
            Place::File => (None, None, None),
            Place::Line(l) => (Some(l), None, None),
            Place::Sheet { sheet, row } => (None, Some(sheet), row),
        };
        DataError { file: file.to_string(), line, sheet, row, field: field.to_string(), zh, en }
    }

    /// `file 第 12 行: [field] …`, `file 工作表“收支明细”第 12 行: [field] …`, or in English
    /// `file:12: …`, `file, sheet "收支明细" row 12: …`.
    pub fn message(&self, lang: &str) -> String {
        let en = lang == "en";
        let at = match (&self.sheet, self.row, self.line) {
            (Some(s), Some(r), _) if en => format!("{}, sheet \"{s}\" row {r}", self.file),
            (Some(s), Some(r), _) => format!("{} 工作表“{s}”第 {r} 行", self.file),
            (Some(s), None, _) if en => format!("{}, sheet \"{s}\"", self.file),
            (Some(s), None, _) => format!("{} 工作表“{s}”", self.file),
            (None, _, Some(l)) if en => format!("{}:{l}", self.file),
            (None, _, Some(l)) => format!("{} 第 {l} 行", self.file),
            (None, _, None) => self.file.clone(),
        };
        let text = if lang == "en" { &self.en } else { &self.zh };
        format!("{at}: [{}] {text}", self.field)
    }
}

/// A validated line item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub function: Code,
    pub econ: Code,
    pub source: Source,
    pub kind: Kind,
    pub project: Option<String>,
    pub amount: Fen,
}

/// Budget data checked and in exact figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    pub data: BudgetData,
    pub items: Vec<Item>,
    /// Last year's figures by key, exact.
    pub prior: BTreeMap<String, Fen>,
}

/// Turns byte offsets into 1-based line numbers.
struct Lines<'a>(&'a str);

impl Lines<'_> {
    fn of(&self, offset: usize) -> usize {
        self.0.as_bytes().iter().take(offset).filter(|&&b| b == b'\n').count() + 1
    }
}

/// Parses an amount as written (`"114.33万元"`, `"1,143,300.00元"`, `"3500"` in 元) into exact 分.
pub fn amount(text: &str) -> Result<Fen, (String, String)> {
    let m = Money::parse(text, AmountUnit::Yuan)
        .map_err(|e| (format!("金额“{text}”无法识别（{e}）"), format!("the amount '{text}' does not parse")))?;
    m.to_fen().ok_or_else(|| (format!("金额“{text}”精度超过分"), format!("the amount '{text}' is finer than 分")))
}

/// Reads budget data from TOML text and checks it against the catalog.
pub fn from_toml(text: &str, file: &str, catalog: &Catalog) -> Result<Budget, Vec<DataError>> {
    let lines = Lines(text);
    if let Some((line, key, like)) = crate::toml_errors::unknown_top_level(text, crate::data::SECTIONS) {
        let (zh_hint, en_hint) = match like {
            Some(l) => (format!("，是否应为 [{l}]？"), format!("; did you mean [{l}]?")),
            None => (String::new(), String::new()),
        };
        return Err(vec![DataError::at(
            file,
            Place::Line(line),
            "toml",
            format!("未知的节“{key}”{zh_hint}（可用的节：{}）", crate::data::SECTIONS.join("、")),
            format!("unknown section '{key}'{en_hint} (sections: {})", crate::data::SECTIONS.join(", ")),
        )]);
    }
    let data: BudgetData = toml::from_str(text).map_err(|e| {
        let place = e.span().map(|s| Place::Line(lines.of(s.start))).unwrap_or_default();
        let at = e.span().and_then(|s| text.get(s)).unwrap_or_default();
        let (zh, en) = crate::toml_errors::describe(e.message(), at);
        vec![DataError::at(file, place, "toml", zh, en)]
    })?;
    validate(data, file, &|span| Place::Line(lines.of(span.start)), catalog)
}

/// Checks budget data, however it was read, against the catalog: the one set of checks behind
/// both the TOML and the workbook readers. `place` says where a value's span was written.
pub fn validate(
    data: BudgetData,
    file: &str,
    place: &dyn Fn(std::ops::Range<usize>) -> Place,
    catalog: &Catalog,
) -> Result<Budget, Vec<DataError>> {
    let mut errors = Vec::new();
    let err = |span: std::ops::Range<usize>, field: &str, zh: String, en: String| {
        DataError::at(file, place(span), field, zh, en)
    };
    let mut items = Vec::new();
    for item in &data.items {
        let function = check_code(&item.function, Classification::Function, 7, catalog);
        let econ = check_code(&item.econ, Classification::EconDepartment, 5, catalog);
        let amount = amount(item.amount.get_ref());
        let mut ok = true;
        for (res, field) in [(&function, "function"), (&econ, "econ")] {
            if let Err((zh, en)) = res {
                errors.push(err(
                    if field == "function" { item.function.span() } else { item.econ.span() },
                    field,
                    zh.clone(),
                    en.clone(),
                ));
                ok = false;
            }
        }
        if let Err((zh, en)) = &amount {
            errors.push(err(item.amount.span(), "amount", zh.clone(), en.clone()));
            ok = false;
        }
        // A budget line is money to spend: no table of any form prints a negative one.
        if amount.as_ref().is_ok_and(|a| a.0 < 0) {
            errors.push(err(
                item.amount.span(),
                "amount",
                format!("金额“{}”为负数：预算支出不能为负", item.amount.get_ref()),
                format!("the amount '{}' is negative: a budget line cannot be", item.amount.get_ref()),
            ));
            ok = false;
        }
        // Every level of a code is a printed row with its name: one the catalog does not know
        // needs its name in [names], or the tables would print it nameless.
        for (res, field, span) in [(&function, "function", item.function.span()), (&econ, "econ", item.econ.span())] {
            if let Ok(code) = res {
                if let Some(level) = unnamed_level(code, &data.names, catalog) {
                    errors.push(err(
                        span,
                        field,
                        format!("科目 {} 不在所用的科目目录中，也未在 [names] 中给出名称", level.spaced()),
                        format!("the code {level} is neither in the catalog in use nor named in [names]"),
                    ));
                    ok = false;
                }
            }
        }
        let project = item.project.as_ref().map(|p| p.get_ref().trim().to_string()).filter(|p| !p.is_empty());
        match (item.kind.get_ref(), &project) {
            (Kind::Project, None) => {
                errors.push(err(
                    item.kind.span(),
                    "project",
                    "项目支出须写明项目名称".into(),
                    "a project item needs its project name".into(),
                ));
                ok = false;
            }
            (Kind::Personnel | Kind::Operating, Some(p)) => {
                errors.push(err(
                    item.kind.span(),
                    "project",
                    format!("基本支出不应有项目名称“{p}”"),
                    format!("basic spending has no project, but '{p}' is given"),
                ));
                ok = false;
            }
            _ => {}
        }
        if let (true, Ok(function), Ok(econ), Ok(amount)) = (ok, function, econ, amount) {
            items.push(Item {
                function,
                econ,
                source: *item.source.get_ref(),
                kind: *item.kind.get_ref(),
                project,
                amount,
            });
        }
    }
    let mut prior = BTreeMap::new();
    for (key, value) in &data.prior {
        if !crate::keys::is_known(key, &items) {
            errors.push(err(
                value.span(),
                "prior",
                format!("未知的比较项“{key}”"),
                format!("unknown prior-year key '{key}'"),
            ));
            continue;
        }
        match amount(value.get_ref()) {
            Ok(fen) => {
                prior.insert(key.clone(), fen);
            }
            Err((zh, en)) => errors.push(err(value.span(), "prior", zh, en)),
        }
    }
    for (key, value) in data.reasons.iter().chain(&data.uses) {
        if !crate::keys::is_known(key, &items) {
            errors.push(err(
                value.span(),
                "reasons",
                format!("说明的对象“{key}”不存在"),
                format!("a reason for '{key}', which does not exist"),
            ));
        }
    }
    // Every project spent on has its description and its performance targets.
    let described: Vec<&str> = data.projects.iter().map(|p| p.name.get_ref().as_str()).collect();
    let mut seen = Vec::new();
    for (item, raw) in items.iter().zip(&data.items) {
        if let Some(p) = &item.project {
            if !described.contains(&p.as_str()) && !seen.contains(p) {
                seen.push(p.clone());
                errors.push(err(
                    raw.project.as_ref().map(Spanned::span).unwrap_or(raw.kind.span()),
                    "projects",
                    format!("项目“{p}”没有项目说明和绩效目标表（[[projects]]）"),
                    format!("project '{p}' has no description and no target table ([[projects]])"),
                ));
            }
        }
    }
    for p in &data.projects {
        if p.indicators.is_empty() {
            errors.push(err(
                p.name.span(),
                "indicators",
                format!("项目“{}”没有绩效目标表", p.name.get_ref()),
                format!("project '{}' has no performance targets", p.name.get_ref()),
            ));
        }
        for a in &p.allocation {
            if let Err((zh, en)) = amount(a.amount.get_ref()) {
                errors.push(err(a.amount.span(), "allocation", zh, en));
            }
        }
    }
    // Every other amount is exact too, though nothing here adds them up.
    let pr = &data.procurement;
    for (value, field) in [
        (&pr.goods, "goods"),
        (&pr.works, "works"),
        (&pr.services, "services"),
        (&pr.sme_reserved, "sme_reserved"),
        (&pr.small_micro_reserved, "small_micro_reserved"),
    ] {
        if let Some(Err((zh, en))) = value.as_ref().map(|v| amount(v.get_ref())) {
            errors.push(err(value.as_ref().map(Spanned::span).unwrap_or_default(), field, zh, en));
        }
    }
    let mut values = Vec::new();
    asset_values(&data.assets.categories, &mut values);
    for v in values {
        if let Err((zh, en)) = amount(v.get_ref()) {
            errors.push(err(v.span(), "assets", zh, en));
        }
    }
    if errors.is_empty() {
        Ok(Budget { data, items, prior })
    } else {
        Err(errors)
    }
}

/// The values of asset categories and their parts, in order.
fn asset_values<'a>(list: &'a [crate::data::AssetData], out: &mut Vec<&'a Spanned<String>>) {
    for a in list {
        out.extend(&a.value);
        asset_values(&a.parts, out);
    }
}

/// A code of the right kind and length, known to the catalog or at least not denied by it.
/// The first level of `code` (class, section, item) that has no name: neither known to the
/// catalog nor given in `names`.
fn unnamed_level(code: &Code, names: &BTreeMap<String, String>, catalog: &Catalog) -> Option<Code> {
    let mut levels = vec![code.clone()];
    while let Some(parent) = levels.last().and_then(Code::parent) {
        levels.push(parent);
    }
    levels.into_iter().rev().find(|c| !matches!(catalog.get(c), Lookup::Known(_)) && !names.contains_key(c.as_str()))
}

fn check_code(
    written: &Spanned<String>,
    kind: Classification,
    digits: usize,
    catalog: &Catalog,
) -> Result<Code, (String, String)> {
    let text = written.get_ref();
    let code = Code::parse(text)
        .filter(|c| c.as_str().len() == digits && c.classification() == Some(kind))
        .ok_or_else(|| {
            (
                format!(
                    "科目编码“{text}”应为 {digits} 位{}",
                    if kind == Classification::Function { "功能分类编码" } else { "经济分类编码" }
                ),
                format!("the code '{text}' should be a {digits}-digit {kind:?} code"),
            )
        })?;
    match catalog.get(&code) {
        Lookup::NotInCatalog => Err((
            format!("科目编码 {} 不在所用的科目目录中", code.spaced()),
            format!("the code {code} is not in the catalog in use"),
        )),
        _ => Ok(code),
    }
}
