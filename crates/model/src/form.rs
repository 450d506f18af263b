//! A *form*: what one kind of disclosure contains, declared as data (a TOML file, see
//! `crates/model/forms/`): its id and names, whether it is a budget or final accounts, of a
//! department or a unit, the words its cover and titles use, its tables in print order (each with
//! its title, aliases, unit, panels, columns with their multi-level headers, row and column sums,
//! required or not, the national kind it stands for) and the identities between its tables.
//!
//! Parsing takes a `&str` (no I/O here). The parsed strings are leaked into `'static` data: forms
//! are loaded once per process, and the rest of yusuan holds `&'static TableSchema`s.

use crate::identities::{CellRef, CodeColumnLink, CrossIdentity, Relation};
use crate::money::AmountUnit;
use crate::table::{ColumnDef, DocumentKind, FixedRow, Panel, RowKeyKind, SumRule, TableSchema};
use serde::Deserialize;
use std::fmt;

/// Whose budget a form is: a department's (consolidated, 部门预算) or one unit's (单位预算).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetScope {
    Department,
    Unit,
}

/// A form's name in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormName {
    pub zh: &'static str,
    pub en: &'static str,
}

/// A table as a form lists it: its kind, whether the form requires it, the national kind it
/// takes the place of, and its declaration when this form declares it (a form may list a table
/// another form declares, by kind alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormTable {
    pub kind: &'static str,
    pub required: bool,
    pub stands_for: Option<&'static str>,
    pub declared: Option<&'static TableSchema>,
    /// The title this form prints for a table it lists by kind alone (Shanghai's
    /// `部门财务收支预算总表` for the national `income_expense_summary`).
    pub prints_as: Option<&'static str>,
    /// The unit it prints amounts in, when its entry says (a declaration's own unit, or `unit`
    /// on a table listed by kind).
    pub unit: Option<AmountUnit>,
}

impl FormTable {
    /// The unit this form prints the table in: its entry's, else the form's, else its
    /// declaration's.
    pub fn printed_unit(&self, form: &Form, schema: &TableSchema) -> AmountUnit {
        self.unit.or(form.unit).unwrap_or(schema.unit)
    }

    /// The title this form prints: its own declaration's, its `prints_as`, else the title of the
    /// declaration `known` finds.
    pub fn title(&self, known: impl Fn(&str) -> Option<&'static TableSchema>) -> Option<&'static str> {
        self.declared.map(|s| s.title).or(self.prints_as).or_else(|| known(self.kind).map(|s| s.title))
    }
}

/// One form, parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Form {
    /// Stable id (`national-budget`, `shanghai-unit-budget`, …).
    pub id: &'static str,
    pub name: FormName,
    pub document: DocumentKind,
    pub scope: BudgetScope,
    /// Words of the cover, contents or titles that say a document is in this form (单位预算).
    pub detection: &'static [&'static str],
    /// Its tables, in print order.
    pub tables: &'static [FormTable],
    /// The kinds it requires, in print order.
    pub required_kinds: &'static [&'static str],
    /// Identities between cells of its tables (and of tables other forms declare).
    pub identities: &'static [CrossIdentity],
    /// Columns of code rows that agree code by code across tables.
    pub code_links: &'static [CodeColumnLink],
    /// The unit its tables print amounts in unless a table's entry says otherwise (Shanghai
    /// prints 元, but its 三公 table in 万元).
    pub unit: Option<AmountUnit>,
    /// The parts besides its tables a document in this form has, by key (see [`PARTS`]), in
    /// print order.
    pub parts: &'static [&'static str],
}

/// The parts a form may list, besides its tables: 封面, 目录, 主要职能, 机构设置, 名词解释,
/// 情况说明 (编制说明), 其他相关说明, 项目情况, 绩效目标.
pub const PARTS: &[&str] =
    &["cover", "contents", "duties", "organisation", "glossary", "narrative", "other_notes", "projects", "performance"];

impl Form {
    /// Whether the form lists a table of this kind.
    pub fn has(&self, kind: &str) -> bool {
        self.tables.iter().any(|t| t.kind == kind)
    }

    /// Parses a form file against the tables already known (`known(kind)`: a table another form
    /// declares, which this one may list by kind alone or name in its identities). Errors name
    /// the line (1-based) where it could be told.
    pub fn parse_in(text: &str, known: &dyn Fn(&str) -> Option<&'static TableSchema>) -> Result<Form, FormError> {
        let file: FormFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let msg = e.message().trim();
            FormError::new(line, format!("格式文件无法解析：{msg}"), format!("cannot parse: {msg}"))
        })?;
        file.build(text, known)
    }
}

/// An error in a form file: where, and what, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    pub line: Option<usize>,
    pub zh: String,
    pub en: String,
}

impl FormError {
    pub(crate) fn new(line: Option<usize>, zh: impl Into<String>, en: impl Into<String>) -> Self {
        FormError { line, zh: zh.into(), en: en.into() }
    }

    /// The message in Chinese (`zh == true`) or English, with its line.
    pub fn message(&self, zh: bool) -> String {
        match (self.line, zh) {
            (Some(l), true) => format!("第 {l} 行：{}", self.zh),
            (Some(l), false) => format!("line {l}: {}", self.en),
            (None, true) => self.zh.clone(),
            (None, false) => self.en.clone(),
        }
    }
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for FormError {}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(1, |t| t.matches('\n').count() + 1)
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn leak_all<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn leak_strs(v: Vec<String>) -> &'static [&'static str] {
    leak_all(v.into_iter().map(leak).collect())
}

// The file format. Spans locate errors found after parsing (an undeclared row in a sum).

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormFile {
    id: String,
    name: NameDecl,
    document: DocumentKind,
    scope: BudgetScope,
    #[serde(default)]
    detection: Vec<String>,
    unit: Option<AmountUnit>,
    /// None: every part of [`PARTS`].
    parts: Option<toml::Spanned<Vec<String>>>,
    #[serde(default)]
    tables: Vec<TableDecl>,
    #[serde(default)]
    identities: IdentitiesDecl,
}

/// `[identities]`, after the tables: `cells` between cells of tables, `code_rows` between columns
/// of code rows.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct IdentitiesDecl {
    #[serde(default)]
    cells: Vec<IdentityDecl>,
    #[serde(default)]
    code_rows: Vec<LinkDecl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameDecl {
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableDecl {
    kind: toml::Spanned<String>,
    #[serde(default)]
    required: bool,
    stands_for: Option<String>,
    /// None: the table is declared by another form and only listed here.
    title: Option<String>,
    /// The title printed for a table listed by kind alone.
    prints_as: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    unit: Option<AmountUnit>,
    #[serde(default)]
    panels: Vec<PanelDecl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PanelDecl {
    key: String,
    rows: RowKeyKind,
    columns: Vec<ColumnDecl>,
    #[serde(default)]
    column_sums: Vec<SumDecl>,
    #[serde(default)]
    fixed_rows: Vec<RowDecl>,
    #[serde(default)]
    row_sums: Vec<SumDecl>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ColumnDecl {
    key: String,
    header: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RowDecl {
    key: String,
    #[serde(default)]
    labels: Vec<String>,
    parent: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SumDecl {
    total: String,
    parts: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, Default)]
#[serde(rename_all = "snake_case")]
enum RelationDecl {
    #[default]
    Equal,
    AtMost,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityDecl {
    left: toml::Spanned<String>,
    #[serde(default)]
    relation: RelationDecl,
    right: Vec<String>,
    #[serde(default)]
    minus: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkDecl {
    /// `table.panel.column`.
    left: toml::Spanned<String>,
    /// `table.panel`.
    right: String,
    columns: Vec<String>,
    max_digits: usize,
}

impl FormFile {
    fn build(self, text: &str, known: &dyn Fn(&str) -> Option<&'static TableSchema>) -> Result<Form, FormError> {
        let mut tables = Vec::new();
        for t in self.tables {
            let line = Some(line_of(text, t.kind.span().start));
            let kind = t.kind.into_inner();
            let declared = match t.title {
                Some(title) => Some(&*Box::leak(Box::new(table_schema(
                    &kind,
                    self.document,
                    title,
                    t.aliases,
                    t.unit,
                    t.panels,
                    line,
                )?))),
                None if t.panels.is_empty() && t.aliases.is_empty() => None,
                None => {
                    return Err(FormError::new(
                        line,
                        format!("表 {kind} 声明了栏目或别名，但没有标题（title）"),
                        format!("table {kind} declares panels or aliases but no title"),
                    ))
                }
            };
            if declared.is_some() && t.prints_as.is_some() {
                return Err(FormError::new(
                    line,
                    format!("表 {kind} 已有标题（title），不能再写 prints_as"),
                    format!("table {kind} has a title; prints_as is only for a table listed by kind"),
                ));
            }
            if tables.iter().any(|o: &FormTable| o.kind == kind) {
                return Err(FormError::new(
                    line,
                    format!("表 {kind} 在本格式中出现两次"),
                    format!("table {kind} is listed twice in this form"),
                ));
            }
            if declared.is_none() && known(&kind).is_none() {
                return Err(FormError::new(
                    line,
                    format!("表 {kind} 没有标题，也不是已知的表"),
                    format!("table {kind} has no title and is not a known table"),
                ));
            }
            if let Some(k) = t.stands_for.as_deref().filter(|k| known(k).is_none() && *k != kind) {
                return Err(FormError::new(
                    line,
                    format!("表 {kind} 所代替的表 {k} 不是已知的表"),
                    format!("table {kind} stands for {k}, which is not a known table"),
                ));
            }
            tables.push(FormTable {
                kind: declared.map_or_else(|| leak(kind), |s| s.kind),
                required: t.required,
                stands_for: t.stands_for.map(leak),
                declared,
                prints_as: t.prints_as.map(leak),
                unit: t.unit,
            });
        }
        let find = |kind: &str| -> Option<&'static TableSchema> {
            tables.iter().filter_map(|t: &FormTable| t.declared).find(|s| s.kind == kind).or_else(|| known(kind))
        };
        let identities = self
            .identities
            .cells
            .into_iter()
            .map(|i| {
                let line = Some(line_of(text, i.left.span().start));
                let cell = |s: &str| cell_ref(s, line, &find);
                Ok(CrossIdentity {
                    left: cell(i.left.get_ref())?,
                    relation: match i.relation {
                        RelationDecl::Equal => Relation::Equal,
                        RelationDecl::AtMost => Relation::AtMost,
                    },
                    right: leak_all(i.right.iter().map(|r| cell(r)).collect::<Result<_, _>>()?),
                    minus: leak_all(i.minus.iter().map(|r| cell(r)).collect::<Result<_, _>>()?),
                })
            })
            .collect::<Result<Vec<_>, FormError>>()?;
        let code_links = self
            .identities
            .code_rows
            .into_iter()
            .map(|l| {
                let line = Some(line_of(text, l.left.span().start));
                let left = dotted::<3>(l.left.get_ref(), "表.栏组.列", "table.panel.column", line)?;
                let right = dotted::<2>(&l.right, "表.栏组", "table.panel", line)?;
                let columns: Vec<&str> = l.columns.iter().map(String::as_str).collect();
                column_of(left[0], left[1], &[left[2]], line, &find)?;
                column_of(right[0], right[1], &columns, line, &find)?;
                Ok(CodeColumnLink {
                    left: (left[0], left[1], left[2]),
                    right: (right[0], right[1], leak_strs(l.columns)),
                    max_digits: l.max_digits,
                })
            })
            .collect::<Result<Vec<_>, FormError>>()?;
        let required_kinds = leak_all(tables.iter().filter(|t| t.required).map(|t| t.kind).collect());
        let parts: &'static [&'static str] = match self.parts {
            None => PARTS,
            Some(listed) => {
                let line = Some(line_of(text, listed.span().start));
                let mut parts = Vec::new();
                for p in listed.into_inner() {
                    let Some(known) = PARTS.iter().find(|k| **k == p) else {
                        return Err(FormError::new(
                            line,
                            format!("未知的部分“{p}”（可用：{}）", PARTS.join("、")),
                            format!("unknown part '{p}' (parts: {})", PARTS.join(", ")),
                        ));
                    };
                    parts.push(*known);
                }
                leak_all(parts)
            }
        };
        Ok(Form {
            parts,
            required_kinds,
            id: leak(self.id),
            name: FormName { zh: leak(self.name.zh), en: leak(self.name.en) },
            document: self.document,
            scope: self.scope,
            detection: leak_strs(self.detection),
            tables: leak_all(tables),
            identities: leak_all(identities),
            code_links: leak_all(code_links),
            unit: self.unit,
        })
    }
}

/// `a.b.c` split into exactly N leaked parts.
fn dotted<const N: usize>(s: &str, zh: &str, en: &str, line: Option<usize>) -> Result<[&'static str; N], FormError> {
    let parts: Vec<&str> = s.split('.').collect();
    let ok = parts.len() == N && parts.iter().all(|p| !p.is_empty());
    let parts: Option<[&str; N]> = if ok { parts.try_into().ok() } else { None };
    parts
        .map(|p| p.map(|x| leak(x.to_string())))
        .ok_or_else(|| FormError::new(line, format!("“{s}”应写作 {zh}"), format!("'{s}' should be written {en}")))
}

type Find<'a> = dyn Fn(&str) -> Option<&'static TableSchema> + 'a;

/// `table.panel.row.column`: a declared table, panel and column, and a declared row or a code.
fn cell_ref(s: &str, line: Option<usize>, find: &Find) -> Result<CellRef, FormError> {
    let [table, panel, row, column] = dotted::<4>(s, "表.栏组.行.列", "table.panel.row.column", line)?;
    let p = column_of(table, panel, &[column], line, find)?;
    if !row.chars().all(|c| c.is_ascii_digit()) && !p.fixed_rows.iter().any(|r| r.key == row) {
        return Err(FormError::new(
            line,
            format!("{table}.{panel} 没有声明行 {row}（行须是声明的行或科目编码）"),
            format!("{table}.{panel} declares no row {row} (a row is a declared row or a code)"),
        ));
    }
    Ok(CellRef { table, panel, row, column })
}

/// The panel of a known table that has every one of these columns.
fn column_of(table: &str, panel: &str, columns: &[&str], line: Option<usize>, find: &Find) -> Result<Panel, FormError> {
    let err = |zh: String, en: String| FormError::new(line, zh, en);
    let s =
        find(table).ok_or_else(|| err(format!("表 {table} 不是已知的表"), format!("{table} is not a known table")))?;
    let p = *s
        .panel(panel)
        .ok_or_else(|| err(format!("表 {table} 没有栏组 {panel}"), format!("{table} has no panel {panel}")))?;
    match columns.iter().find(|c| p.column_index(c).is_none()) {
        Some(c) => Err(err(format!("{table}.{panel} 没有列 {c}"), format!("{table}.{panel} has no column {c}"))),
        None => Ok(p),
    }
}

fn table_schema(
    kind: &str,
    document: DocumentKind,
    title: String,
    aliases: Vec<String>,
    unit: Option<AmountUnit>,
    panels: Vec<PanelDecl>,
    line: Option<usize>,
) -> Result<TableSchema, FormError> {
    let err = |zh: String, en: String| FormError::new(line, format!("表 {kind}：{zh}"), format!("table {kind}: {en}"));
    if panels.is_empty() {
        return Err(err("没有栏组（panels）".into(), "no panels".into()));
    }
    let mut out = Vec::new();
    for p in panels {
        let columns: Vec<ColumnDef> =
            p.columns.into_iter().map(|c| ColumnDef { key: leak(c.key), header: leak_strs(c.header) }).collect();
        let rows: Vec<FixedRow> = p
            .fixed_rows
            .into_iter()
            .map(|r| FixedRow { key: leak(r.key), labels: leak_strs(r.labels), parent: r.parent.map(leak) })
            .collect();
        let has_column = |k: &str| columns.iter().any(|c| c.key == k);
        let has_row = |k: &str| rows.iter().any(|r| r.key == k);
        for s in &p.column_sums {
            if let Some(k) = std::iter::once(&s.total).chain(&s.parts).find(|k| !has_column(k.as_str())) {
                return Err(err(
                    format!("栏组 {} 的列合计提到未声明的列 {k}", p.key),
                    format!("a column sum of panel {} names undeclared column {k}", p.key),
                ));
            }
        }
        for s in &p.row_sums {
            if let Some(k) = std::iter::once(&s.total).chain(&s.parts).find(|k| !has_row(k.as_str())) {
                return Err(err(
                    format!("栏组 {} 的行合计提到未声明的行 {k}", p.key),
                    format!("a row sum of panel {} names undeclared row {k}", p.key),
                ));
            }
        }
        if let Some(k) = rows.iter().filter_map(|r| r.parent).find(|k| !has_row(k)) {
            return Err(err(
                format!("栏组 {} 的上级行 {k} 未声明", p.key),
                format!("panel {}: parent row {k} is not declared", p.key),
            ));
        }
        let sums = |v: Vec<SumDecl>| {
            leak_all(v.into_iter().map(|s| SumRule { total: leak(s.total), parts: leak_strs(s.parts) }).collect())
        };
        out.push(Panel {
            key: leak(p.key),
            row_key: p.rows,
            columns: leak_all(columns),
            column_sums: sums(p.column_sums),
            fixed_rows: leak_all(rows),
            row_sums: sums(p.row_sums),
        });
    }
    Ok(TableSchema {
        kind: leak(kind.to_string()),
        document,
        title: leak(title),
        aliases: leak_strs(aliases),
        unit: unit.unwrap_or(AmountUnit::Wan),
        panels: leak_all(out),
    })
}
