//! One table's lines into rows: title, 编制部门 and unit, header lines skipped (also where a page
//! break repeats them), rows rebuilt from wrapped lines, values kept in printed order.

use super::tokens::{amount_cell, is_amount, leading_code, pipe_cells, tokens, Token};
use crate::text::source::{Joined, Line};
use std::collections::HashMap;
use yusuan_model::catalog::{fold_name, Catalog, Code, Level, Lookup};
use yusuan_model::money::AmountUnit;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::registry::{fold_title, schema_variants_by_title};
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::{Cell, DocumentKind, FixedRow, Panel, RowKeyKind, TableSchema};

/// A row before its values are placed in columns.
#[derive(Clone, Debug)]
pub struct RawRow {
    pub panel: u8,
    pub code: Option<Code>,
    pub fixed: Option<&'static str>,
    pub name: Spanned<String>,
    pub project: Option<Spanned<String>>,
    pub values: Vec<Cell>,
    pub span: Span,
    /// The columns of the values, when the text says them (a `|` table keeps its empty cells).
    pub pinned: Option<Vec<u16>>,
    /// The display column of each value's middle, when known (final accounts): where the text
    /// alone leaves the columns open, the header above them decides.
    pub value_x: Vec<usize>,
    /// Pieces of text in order (for names wrapped over lines), with spans.
    pieces: Vec<(String, Span)>,
}

impl RawRow {
    pub(crate) fn new(panel: u8, span: Span) -> Self {
        RawRow {
            panel,
            code: None,
            fixed: None,
            name: Spanned::new(String::new(), span),
            project: None,
            values: Vec::new(),
            span,
            pinned: None,
            value_x: Vec::new(),
            pieces: Vec::new(),
        }
    }

    pub(crate) fn push_text(&mut self, t: &Token<'_>) {
        self.pieces.push((t.text.to_string(), t.span));
        self.span = self.span.cover(t.span);
    }

    pub(crate) fn push_value(&mut self, cell: Cell) {
        self.span = self.span.cover(cell.span);
        self.values.push(cell);
    }

    pub(crate) fn pieces_len(&self) -> usize {
        self.pieces.len()
    }

    pub(crate) fn text(&self) -> String {
        self.pieces.iter().map(|(p, _)| p.as_str()).collect()
    }

    pub(crate) fn pieces_span(&self, range: std::ops::Range<usize>) -> Option<Span> {
        self.pieces[range].iter().map(|(_, s)| *s).reduce(Span::cover)
    }
}

/// A table as read, before placement.
#[derive(Clone, Debug)]
pub struct RawTable {
    pub schema: &'static TableSchema,
    pub number: Option<u32>,
    pub title: Spanned<String>,
    pub department: Option<Spanned<String>>,
    pub unit: AmountUnit,
    pub rows: Vec<RawRow>,
    pub empty_statement: Option<Spanned<String>>,
    pub span: Span,
    pub notes: Vec<ReadNote>,
    /// Per panel, the display column of each declared column's header middle, when found.
    pub column_x: Vec<Vec<Option<usize>>>,
}

/// Names of codes seen so far in the document (earlier tables name the items that a project
/// table wraps together with project names).
pub type KnownNames = HashMap<Code, String>;

pub(crate) fn strip_label(text: &str) -> String {
    let t = fold_title(text);
    let t = t.strip_prefix("其中：").or_else(|| t.strip_prefix("其中:")).unwrap_or(&t).to_string();
    // Leading numbering: 一、 1、 1. 4． (1) （一）
    let numbered = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8());
    let t = match numbered {
        Some(end) => {
            let rest = &t[end..];
            match rest.chars().next() {
                Some(c @ ('、' | '.' | '．')) => rest[c.len_utf8()..].to_string(),
                _ => t.clone(),
            }
        }
        None => t.clone(),
    };
    t.chars().filter(|c| !matches!(c, '：' | ':')).collect()
}

pub(crate) fn label_matches(row: &FixedRow, text: &str) -> bool {
    let t = strip_label(text);
    !t.is_empty() && row.labels.iter().any(|l| strip_label(l) == t)
}

/// Whether `text` is the first part of a declared label (from `cursor` on), wrapped before its end.
pub(crate) fn label_prefix(panel: &Panel, cursor: usize, text: &str) -> bool {
    let t = strip_label(text);
    !t.is_empty()
        && panel.fixed_rows.get(cursor..).unwrap_or(&[]).iter().any(|r| {
            r.labels.iter().any(|l| {
                let l = strip_label(l);
                l.len() > t.len() && l.starts_with(&t)
            })
        })
}

/// The next declared row (from `cursor` on) that `text` names.
pub(crate) fn match_fixed(panel: &Panel, cursor: usize, text: &str) -> Option<usize> {
    (cursor..panel.fixed_rows.len()).find(|&i| label_matches(&panel.fixed_rows[i], text))
}

fn is_total_label(text: &str) -> bool {
    matches!(fold_title(text).as_str(), "总计" | "合计")
}

/// `编制部门：X 单位：万元`.
fn meta_line(line: &Line) -> Option<(Option<Spanned<String>>, Option<AmountUnit>)> {
    let text = &line.text;
    let dept_at = text.find("编制部门").or_else(|| text.find("编制单位"))?;
    let after = &text[dept_at + "编制部门".len()..];
    let after = after.trim_start_matches([':', '：', ' ']);
    let start = text.len() - after.len();
    let unit_at = text[start..].find("单位：").or_else(|| text[start..].find("单位:")).map(|u| u + start);
    let (dept_end, unit) = match unit_at {
        Some(u) => {
            let rest = text[u..].trim_start_matches("单位").trim_start_matches([':', '：', ' ']);
            (u, AmountUnit::parse_prefix(rest).map(|(u, _)| u))
        }
        _ => (text.len(), None),
    };
    let name = text[start..dept_end].trim();
    let dept = (!name.is_empty()).then(|| {
        let s = start + (text[start..dept_end].len() - text[start..dept_end].trim_start().len());
        Spanned::new(name.to_string(), line.span_of(s, s + name.len()))
    });
    Some((dept, unit))
}

fn is_marker_line(line: &Line) -> bool {
    line.text.trim_start().starts_with('※')
}

/// A standalone unit line (`单位：万元`) outside a 编制部门 line.
fn unit_line(line: &Line) -> Option<AmountUnit> {
    let t = fold_title(&line.text);
    let rest = t.strip_prefix("单位：").or_else(|| t.strip_prefix("单位:"))?;
    AmountUnit::parse_prefix(rest).map(|(u, _)| u)
}

/// `表 3` alone on a line.
fn is_number_line(line: &Line) -> bool {
    let f = fold_title(&line.text);
    f.strip_prefix('表').is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit()))
}

/// The table's own title (or an alias), alone on a short line.
fn is_own_title(line: &Line, schema: &TableSchema) -> bool {
    let f = fold_title(&line.text);
    f.chars().count() <= 40 && schema_variants_by_title(&f).iter().any(|s| s.kind == schema.kind)
}

/// Whether the number alone on line `k` is a class code whose name was wrapped to the next
/// line (`208` / `社会保障和就业支出` / values), not a page number: what follows is a name, not
/// the next row, a repeated page header or nothing.
fn lone_code(lines: &[Line], k: usize) -> bool {
    let own = tokens(&lines[k]);
    if own.len() != 1 || own[0].text.len() != 3 || leading_code(&own).is_none() {
        return false;
    }
    let Some(next) = lines[k + 1..].iter().find(|l| !l.is_blank()) else { return false };
    let toks = tokens(next);
    let Some(first) = toks.first() else { return false };
    !next.is_page_number()
        && meta_line(next).is_none()
        && unit_line(next).is_none()
        && !is_marker_line(next)
        && !is_amount(first.text)
        && leading_code(&toks).is_none()
        && !is_total_label(first.text)
}

/// Whether the number alone on line `k` stands among lines of one cell each (a table printed one
/// cell per line), where a bare number is a figure: only a page number's shape or its place at a
/// known page break (both blanked before) says it is not.
fn one_cell_per_line(lines: &[Line], k: usize) -> bool {
    // One cell: one token, or a code alone (`201 01 02`).
    let single = |l: Option<&Line>| {
        l.is_some_and(|l| {
            let t = tokens(l);
            t.len() == 1 || leading_code(&t).is_some_and(|(_, n)| n == t.len())
        })
    };
    let prev = lines[..k].iter().rev().find(|l| !l.is_blank());
    let next = lines.get(k + 1..).and_then(|rest| rest.iter().find(|l| !l.is_blank()));
    single(prev) && (next.is_none() || single(next))
}

/// Reads one table block (title line first).
pub fn read_block(
    lines: &[Line],
    schema: &'static TableSchema,
    number: Option<u32>,
    known: &KnownNames,
    catalog: &Catalog,
) -> RawTable {
    let title_line = &lines[0];
    let (t, c) = title_line.trimmed();
    let title = Spanned::new(t.to_string(), Span::on_line(title_line.no, c, c + t.chars().count() as u32));
    let mut table = RawTable {
        schema,
        number,
        title,
        department: None,
        unit: schema.unit,
        rows: Vec::new(),
        empty_statement: None,
        span: lines.iter().fold(Span::on_line(title_line.no, 1, 1), |s, l| {
            s.cover(Span::on_line(l.no, 1, l.text.chars().count() as u32 + 1))
        }),
        notes: Vec::new(),
        column_x: Vec::new(),
    };
    let has_marker = lines.iter().any(is_marker_line);
    let keyed_by_code = schema.panels.iter().any(|p| {
        matches!(p.row_key, RowKeyKind::FunctionCode | RowKeyKind::EconCode | RowKeyKind::FunctionCodeProject)
    });
    let mut in_header = true;
    let mut body: Vec<&Line> = Vec::new();
    // Without a ※ line, the header a page break repeats is known by its text: the lines of the
    // first page's header (up to the first line with a figure), skipped when they come again
    // right after a repeated 编制部门 line.
    let folded = |l: &Line| -> String { l.text.chars().filter(|c| !c.is_whitespace()).collect() };
    let mut first_header: Vec<String> = Vec::new();
    let mut seen_figure = false;
    let mut metas = 0;
    let mut repeating = false;
    for (k, line) in lines.iter().enumerate().skip(1) {
        // In final accounts a code stands alone on its line, its name and figures wrapped around it.
        let trimmed = line.text.trim();
        let after_class = || {
            lines[..k].iter().rev().find(|l| !l.is_blank()).is_some_and(|prev| {
                prev.text
                    .split_whitespace()
                    .any(|t| t.len() == 3 && t.starts_with('3') && t.bytes().all(|b| b.is_ascii_digit()))
            })
        };
        let final_code = schema.document == DocumentKind::FinalAccounts
            && ((matches!(trimmed.len(), 3 | 5) && trimmed.starts_with(['2', '3']))
                // An economic 款 alone under its 类 (`302 其他商品和服务支` / `99` / `出`).
                || (trimmed.len() == 2 && after_class()));
        let a_cell = keyed_by_code && (final_code || lone_code(lines, k)) || one_cell_per_line(lines, k);
        if line.is_blank() || (line.is_page_number() && !a_cell) {
            continue;
        }
        // The number and title printed again on a later page.
        if is_number_line(line) || (k > 1 && is_own_title(line, schema)) {
            continue;
        }
        if let Some((dept, unit)) = meta_line(line) {
            if table.department.is_none() {
                table.department = dept;
            }
            if let Some(u) = unit {
                table.unit = u;
            }
            in_header = true;
            metas += 1;
            repeating = metas > 1;
            continue;
        }
        if !has_marker {
            let f = folded(line);
            // A page break that repeats the header without the 编制部门 line (Shanghai's tables):
            // once figures have been read, a line of the first header again is that header.
            let repeated_alone = seen_figure && !tokens(line).iter().any(|t| is_amount(t.text));
            if (repeating || repeated_alone) && first_header.contains(&f) {
                continue;
            }
            repeating = false;
            seen_figure = seen_figure || tokens(line).iter().any(|t| is_amount(t.text));
            if !seen_figure && metas == 1 {
                first_header.push(f);
            }
        }
        if let Some(u) = unit_line(line) {
            table.unit = u;
            continue;
        }
        if is_marker_line(line) {
            in_header = false;
            continue;
        }
        if in_header && has_marker {
            continue;
        }
        body.push(line);
    }
    read_rows(&mut table, &body, has_marker, known, catalog);
    table
}

fn read_rows(table: &mut RawTable, body: &[&Line], has_marker: bool, known: &KnownNames, catalog: &Catalog) {
    let schema = table.schema;
    let unit = table.unit;
    // A `|` table says where every figure stands: the general reader takes its cells as they are.
    let piped = body.iter().any(|l| pipe_cells(l).is_some_and(|c| !c.is_empty()));
    if schema.document == DocumentKind::FinalAccounts {
        let code_keyed = |p: &Panel| matches!(p.row_key, RowKeyKind::FunctionCode | RowKeyKind::EconCode);
        match schema.panels {
            [p] if code_keyed(p) && !piped => return super::final_rows::read_code_table(table, body, known, catalog),
            [l, r] if l.row_key == RowKeyKind::EconCode && r.row_key == RowKeyKind::EconCode => {
                return super::final_rows::read_econ_two_sided(table, body, known, catalog)
            }
            _ => {}
        }
    }
    if schema.panels.len() == 2 {
        super::two_sided::read_two_sided(table, body);
        return;
    }
    let Some(panel) = schema.panels.first() else { return };
    if let [only] = panel.fixed_rows {
        if panel.row_key == RowKeyKind::Fixed && only.labels.is_empty() {
            read_unlabelled_row(table, body, only.key);
            return;
        }
    }
    let mut rows: Vec<RawRow> = Vec::new();
    // Lines before the first row (header, or an empty table's statement) and lines after it
    // that belong to no row.
    let mut before: Vec<&Line> = Vec::new();
    let mut loose: Vec<&Line> = Vec::new();
    let mut fixed_cursor = 0;
    let mut started = has_marker;
    // The first part of a declared label wrapped over two lines, waiting for the rest.
    let mut pending: Option<&Line> = None;
    let label_text =
        |toks: &[Token<'_>]| -> String { toks.iter().take_while(|t| !is_amount(t.text)).map(|t| t.text).collect() };
    for line in body {
        if let Some(cells) = pipe_cells(line) {
            if cells.is_empty() {
                continue; // |---|---|
            }
            if let Some(row) = pipe_row(panel, &cells, unit, fixed_cursor) {
                if panel.row_key == RowKeyKind::Fixed {
                    if let Some(f) = row.fixed.and_then(|k| panel.fixed_rows.iter().position(|x| x.key == k)) {
                        fixed_cursor = f + 1;
                    }
                }
                started = true;
                rows.push(row);
                continue;
            }
            // A header line between bars, or a line of no row: read as text below.
        }
        let toks = tokens(line);
        let Some(first) = toks.first() else { continue };
        let code = match panel.row_key {
            RowKeyKind::FunctionCode | RowKeyKind::EconCode | RowKeyKind::FunctionCodeProject => leading_code(&toks),
            _ => None,
        };
        let open = rows.last().is_some_and(|r| r.values.is_empty());
        let mut fixed = match panel.row_key {
            RowKeyKind::Fixed => match_fixed(panel, fixed_cursor, &label_text(&toks)),
            _ if is_total_label(first.text) => panel.fixed_rows.iter().position(|f| f.key == "total"),
            _ => None,
        };
        let mut head: Option<&Line> = None;
        if let Some(p) = pending.take() {
            let joined = label_text(&tokens(p)) + &label_text(&toks);
            match match_fixed(panel, fixed_cursor, &joined).filter(|_| fixed.is_none()) {
                Some(f) => {
                    fixed = Some(f);
                    head = Some(p);
                }
                None if rows.is_empty() => before.push(p),
                None => loose.push(p),
            }
        }
        // A row without figures stays open for the rest of its own label only.
        let continues_open = open
            && rows.last().is_some_and(|r| {
                let joined = r.text() + &label_text(&toks);
                label_prefix(panel, 0, &joined) || match_fixed(panel, 0, &joined).is_some()
            });
        if panel.row_key == RowKeyKind::Fixed
            && fixed.is_none()
            && !continues_open
            && toks.iter().all(|t| !is_amount(t.text))
            && label_prefix(panel, fixed_cursor, &label_text(&toks))
        {
            pending = Some(line);
            continue;
        }
        let starts_row = code.is_some()
            || fixed.is_some()
            || (matches!(panel.row_key, RowKeyKind::Named | RowKeyKind::FunctionCodeProject)
                && !open
                && (started || rows.last().is_some()));
        if !starts_row && rows.is_empty() {
            before.push(line);
            continue;
        }
        if starts_row {
            started = true;
            let head_toks = head.map(tokens).unwrap_or_default();
            let mut row = RawRow::new(0, head_toks.first().map_or(first.span, |t| t.span));
            for t in &head_toks {
                row.push_text(t);
            }
            let mut rest = &toks[..];
            if let Some((c, n)) = code {
                row.code = Some(c);
                row.span = toks[..n].iter().fold(first.span, |s, t| s.cover(t.span));
                rest = &toks[n..];
            }
            if let Some(f) = fixed {
                row.fixed = Some(panel.fixed_rows[f].key);
                if panel.row_key == RowKeyKind::Fixed {
                    fixed_cursor = f + 1;
                }
            }
            rows.push(row);
            take_tokens(rows.last_mut(), rest, unit);
        } else if open || rows.last().is_some_and(|r| r.values.is_empty() || is_values_only(&toks)) {
            take_tokens(rows.last_mut(), &toks, unit);
        } else {
            loose.push(line);
        }
    }
    if let Some(p) = pending {
        if rows.is_empty() {
            before.push(p);
        } else {
            loose.push(p);
        }
    }
    let shared = shared_item_names(&rows, panel);
    for row in &mut rows {
        finish_names(row, panel, known, catalog, &shared);
    }
    // Rows without a single value that say the table is empty are its statement (a table of
    // free names, like 上年结转结余, takes any line for a row).
    if rows.iter().all(|r| r.values.is_empty()) && rows.iter().any(|r| EMPTY_WORDS.iter().any(|w| r.text().contains(w)))
    {
        rows.clear();
        before = body.to_vec();
    }
    if rows.is_empty() {
        // Without a ※ line the header runs up to the statement, which says the table is empty.
        let from = if has_marker {
            0
        } else {
            before.iter().position(|l| EMPTY_WORDS.iter().any(|w| l.text.contains(w))).unwrap_or(before.len())
        };
        let joined = Joined::from_lines(before[from..].iter().copied());
        if !joined.is_empty() {
            let span = joined.span(0, joined.text.len());
            table.empty_statement = Some(Spanned::new(joined.text.clone(), span));
        }
    } else {
        // After a ※ line, text before the first row is not header: say so.
        let stray = if has_marker { before } else { Vec::new() };
        for l in stray.into_iter().chain(loose) {
            let (t, c) = l.trimmed();
            table.notes.push(ReadNote::new(
                NoteKind::UnreadLine,
                Some(Span::on_line(l.no, c, c + t.chars().count() as u32)),
                format!("表“{}”中无法归入任何行的文字：{}", table.title.value, t),
                format!("text in table '{}' that belongs to no row: {}", table.title.value, t),
            ));
        }
    }
    table.rows = rows;
}

/// A row of a `|` table: code cells, name cells, then one cell per declared column (empty cells
/// are blank columns), so the values' columns are known. `None` when the cells do not fit that
/// shape (a header line, a row of another layout).
fn pipe_row(panel: &Panel, cells: &[Token<'_>], unit: AmountUnit, fixed_cursor: usize) -> Option<RawRow> {
    let ncols = panel.columns.len();
    let keyed =
        matches!(panel.row_key, RowKeyKind::FunctionCode | RowKeyKind::EconCode | RowKeyKind::FunctionCodeProject);
    // A code in one cell (`2080101`), or over 类/款/项 cells (`208 | 01 | 01`): the longer reading.
    let one_cell = cells.first().and_then(|c| Code::parse(c.text)).map(|c| (c, 1));
    let split = leading_code(cells).filter(|(_, n)| *n > 1);
    let (code, n) = match split.or(one_cell).or_else(|| leading_code(cells)) {
        Some((c, n)) if keyed => (Some(c), n),
        _ => (None, 0),
    };
    let rest = cells.get(n..)?;
    if rest.len() < ncols {
        return None;
    }
    let (names, values) = rest.split_at(rest.len() - ncols);
    if values.iter().any(|c| !c.text.is_empty() && !is_amount(c.text)) || values.iter().all(|c| c.text.is_empty()) {
        return None;
    }
    let names: Vec<&Token<'_>> = names.iter().filter(|c| !c.text.is_empty()).collect();
    let first = names.first().map(|t| t.span).or(cells.first().map(|t| t.span))?;
    let mut row = RawRow::new(0, first);
    row.code = code;
    let label: String = names.iter().map(|t| t.text).collect();
    row.fixed = match panel.row_key {
        RowKeyKind::Fixed => Some(panel.fixed_rows.get(match_fixed(panel, fixed_cursor, &label)?)?.key),
        _ if is_total_label(&label) => panel.fixed_rows.iter().find(|f| f.key == "total").map(|f| f.key),
        _ => None,
    };
    if row.code.is_none() && row.fixed.is_none() && keyed && panel.row_key != RowKeyKind::FunctionCodeProject {
        return None;
    }
    for t in cells[..n].iter() {
        row.span = row.span.cover(t.span);
    }
    // An item row of a project table names the item, then the project.
    let split = match (&row.code, panel.row_key) {
        (Some(c), RowKeyKind::FunctionCodeProject) if c.level() == Level::Item && names.len() >= 2 => 1,
        _ => names.len(),
    };
    let text = |ts: &[&Token<'_>]| ts.iter().map(|t| t.text).collect::<String>();
    let cover = |ts: &[&Token<'_>]| ts.iter().map(|t| t.span).reduce(Span::cover);
    if let Some(span) = cover(&names[..split]) {
        row.name = Spanned::new(text(&names[..split]), span);
        row.span = row.span.cover(span);
    }
    if let Some(span) = cover(&names[split..]) {
        row.project = Some(Spanned::new(text(&names[split..]), span));
    }
    let mut pinned = Vec::new();
    for (col, c) in values.iter().enumerate() {
        if let Some(cell) = amount_cell(c, unit) {
            row.push_value(cell);
            pinned.push(col as u16);
        }
    }
    row.pinned = Some(pinned);
    Some(row)
}

/// A table of one line of figures without a label (the 三公 tables of Shanghai and of final
/// accounts): the first line of figures alone is the row; without one, the table is empty and
/// its note (说明：…无数据, 注：…为空表) is the statement.
fn read_unlabelled_row(table: &mut RawTable, body: &[&Line], key: &'static str) {
    let unit = table.unit;
    // Ruled (a PDF's or workbook's cells): the last cells of the first ruled line of figures
    // are the columns, an empty cell a blank one.
    let ncols = table.schema.panels.first().map_or(0, |p| p.columns.len());
    let ruled = body.iter().filter_map(|l| pipe_cells(l)).find_map(|cells| {
        let values = cells.get(cells.len().checked_sub(ncols)?..)?.to_vec();
        let figures = values.iter().all(|c| c.text.is_empty() || is_amount(c.text));
        (ncols > 0 && figures && values.iter().any(|c| !c.text.is_empty())).then_some(values)
    });
    if let Some(values) = ruled {
        let Some(first) = values.iter().find(|c| !c.text.is_empty()) else { return };
        let mut row = RawRow::new(0, first.span);
        row.fixed = Some(key);
        let mut pinned = Vec::new();
        for (col, c) in values.iter().enumerate() {
            if let Some(cell) = amount_cell(c, unit) {
                row.span = row.span.cover(c.span);
                row.push_value(cell);
                pinned.push(col as u16);
            }
        }
        row.pinned = Some(pinned);
        table.rows.push(row);
        return;
    }
    let figures = body.iter().position(|l| is_values_only(&tokens(l)));
    match figures {
        Some(at) => {
            let line = body[at];
            let toks = tokens(line);
            let mut row = RawRow::new(0, toks[0].span);
            row.fixed = Some(key);
            for t in &toks {
                if let Some(cell) = amount_cell(t, unit) {
                    row.push_value(cell);
                    row.value_x.push(super::layout::middle_x(line, t));
                }
            }
            table.rows.push(row);
            let header: Vec<(&Line, Token<'_>)> =
                body[..at].iter().flat_map(|l| tokens(l).into_iter().map(move |t| (*l, t))).collect();
            if let Some(panel) = table.schema.panels.first() {
                table.column_x = vec![super::layout::column_middles(panel, &header)];
            }
        }
        None => {
            let says_empty = |l: &&&Line| EMPTY_WORDS.iter().any(|w| l.text.contains(w)) || l.text.contains("无数据");
            let statement = body
                .iter()
                .rev()
                .find(|l| l.text.trim_start().starts_with("说明"))
                .or_else(|| body.iter().find(says_empty));
            if let Some(l) = statement {
                let joined = Joined::from_lines([*l]);
                let span = joined.span(0, joined.text.len());
                table.empty_statement = Some(Spanned::new(joined.text.clone(), span));
            }
        }
    }
}

/// Words of an empty table's statement (…没有使用…安排的支出，…为空表).
const EMPTY_WORDS: [&str; 5] = ["空表", "没有", "未安排", "不涉及", "无"];

fn is_values_only(toks: &[Token<'_>]) -> bool {
    !toks.is_empty() && toks.iter().all(|t| is_amount(t.text))
}

/// Adds a line's tokens to a row: text pieces (names) and trailing amounts (values). Text after a
/// value would start a new cell of the name again, which tables do not print; it is kept as text.
fn take_tokens(row: Option<&mut RawRow>, toks: &[Token<'_>], unit: AmountUnit) {
    let Some(row) = row else { return };
    // Values are the run of amounts at the end of the line.
    let first_value = toks.iter().rposition(|t| !is_amount(t.text)).map(|i| i + 1).unwrap_or(0);
    for t in &toks[..first_value] {
        row.push_text(t);
    }
    for t in &toks[first_value..] {
        if let Some(cell) = amount_cell(t, unit) {
            row.push_value(cell);
        }
    }
}

/// Sets the row's name (and project name) from its text pieces.
pub(crate) fn finish_names(
    row: &mut RawRow,
    panel: &Panel,
    known: &KnownNames,
    catalog: &Catalog,
    shared: &SharedNames,
) {
    if row.pieces.is_empty() {
        return;
    }
    let all = 0..row.pieces.len();
    let split = match (&row.code, panel.row_key) {
        (Some(code), RowKeyKind::FunctionCodeProject) if code.level() == Level::Item => {
            Some(project_split(row, code, known, catalog, shared))
        }
        _ => None,
    };
    let name_end = split.unwrap_or(row.pieces.len());
    let name: String = row.pieces[..name_end].iter().map(|(p, _)| p.as_str()).collect();
    if let Some(span) = row.pieces_span(0..name_end) {
        row.name = Spanned::new(name, span);
    }
    if name_end < row.pieces.len() {
        let project: String = row.pieces[name_end..].iter().map(|(p, _)| p.as_str()).collect();
        if let Some(span) = row.pieces_span(name_end..all.end) {
            row.project = Some(Spanned::new(project, span));
        }
    }
}

/// Where the item's name ends and the project's begins, among a project row's text pieces. The
/// item's name is known from earlier tables or the catalog; without it, the first piece is the
/// item's name.
fn project_split(row: &RawRow, code: &Code, known: &KnownNames, catalog: &Catalog, shared: &SharedNames) -> usize {
    let name = known.get(code).cloned().or_else(|| match catalog.get(code) {
        Lookup::Known(e) => Some(e.name.clone()),
        _ => None,
    });
    if let Some(name) = name {
        let target = fold_name(&name);
        let mut acc = String::new();
        for (i, (p, _)) in row.pieces.iter().enumerate() {
            acc.push_str(&fold_name(p));
            if acc == target {
                return i + 1;
            }
            if !target.starts_with(&acc) {
                break;
            }
        }
    }
    shared.get(code).copied().unwrap_or(1).min(row.pieces.len())
}

/// For an item several project rows share: how many leading text pieces all of them print alike
/// (the item's name, wrapped the same way each time), when each row has more after it.
pub(crate) type SharedNames = HashMap<Code, usize>;

fn shared_item_names(rows: &[RawRow], panel: &Panel) -> SharedNames {
    let mut out = SharedNames::new();
    if panel.row_key != RowKeyKind::FunctionCodeProject {
        return out;
    }
    let mut groups: HashMap<&Code, Vec<&RawRow>> = HashMap::new();
    for r in rows {
        if let Some(code) = r.code.as_ref().filter(|c| c.level() == Level::Item) {
            groups.entry(code).or_default().push(r);
        }
    }
    for (code, group) in groups {
        let Some((first, others)) = group.split_first() else { continue };
        if others.is_empty() {
            continue;
        }
        let common = (0..first.pieces.len())
            .take_while(|&i| others.iter().all(|r| r.pieces.get(i).is_some_and(|p| p.0 == first.pieces[i].0)))
            .count();
        if common > 0 && group.iter().all(|r| r.pieces.len() > common) {
            out.insert(code.clone(), common);
        }
    }
    out
}

pub(crate) fn unread(line: &Line, title: &str) -> ReadNote {
    let (t, c) = line.trimmed();
    ReadNote::new(
        NoteKind::UnreadLine,
        Some(Span::on_line(line.no, c, c + t.chars().count() as u32)),
        format!("表“{title}”中无法识别的行：{t}"),
        format!("unrecognised line in table '{title}': {t}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fold_numbering_and_qizhong() {
        assert_eq!(strip_label("1、一般公共预算拨款"), "一般公共预算拨款");
        assert_eq!(strip_label("4.财政专户核拨"), "财政专户核拨");
        assert_eq!(strip_label("其中：一般财力"), "一般财力");
        assert_eq!(strip_label("二、上年结转结余"), "上年结转结余");
        assert_eq!(strip_label("收 入 总 计"), "收入总计");
    }

    #[test]
    fn meta() {
        let l = Line { no: 3, text: "编制部门：某某局 单位：万元".into() };
        let (d, u) = meta_line(&l).unwrap();
        assert_eq!(d.unwrap().value, "某某局");
        assert_eq!(u, Some(AmountUnit::Wan));
        let l = Line { no: 3, text: "编制单位:某某局    单位:元".into() };
        assert_eq!(meta_line(&l).unwrap().1, Some(AmountUnit::Yuan));
    }
}
