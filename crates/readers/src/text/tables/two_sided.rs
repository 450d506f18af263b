//! Tables that print income on the left and spending on the right on the same lines (tables 1
//! and 4 of a budget, 收入支出决算总表 and 财政拨款收入支出决算总表 of final accounts). The left
//! side is declared rows; the right side is functional classes (by code, or by name as 决算 and
//! Shanghai print them) and declared rows. Labels wrapped over two lines are joined; in final
//! accounts, figures printed on the line above their row are put back on it by their column.

use super::block::{label_prefix, match_fixed, strip_label, unread, RawRow, RawTable};
use super::layout::display_x;
use super::tokens::{amount_cell, is_amount, leading_code, pipe_cells, tokens, Token};
use crate::text::source::Line;
use std::collections::HashMap;
use yusuan_model::catalog::{fold_name, former_names, Catalog, Code, Level};
use yusuan_model::span::Spanned;
use yusuan_model::table::DocumentKind;

/// The functional classes by folded name: today's names, and the former names documents still
/// print (`医疗卫生与计划生育支出` for 210, `catalog/former_names.csv`).
fn classes() -> &'static HashMap<String, Code> {
    static CLASSES: std::sync::OnceLock<HashMap<String, Code>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut m: HashMap<String, Code> =
            Catalog::function_classes().into_iter().map(|(code, name)| (fold_name(&name), code)).collect();
        for f in former_names().iter().filter(|f| f.code.level() == Level::Class) {
            m.entry(fold_name(&f.former)).or_insert_with(|| f.code.clone());
        }
        m
    })
}

/// The functional class a printed name is (`八、社会保障和就业支出` → 208).
fn class_by_name(name: &str) -> Option<Code> {
    classes().get(&fold_name(&strip_label(name))).cloned()
}

/// Whether a printed label is a functional class's name (numbering aside), whole or wrapped
/// before its end.
pub fn is_class_start(name: &str) -> bool {
    class_by_name(name).is_some() || class_prefix(name)
}

/// Whether a printed fragment is the start of a class name wrapped before its end.
fn class_prefix(name: &str) -> bool {
    let t = fold_name(&strip_label(name));
    !t.is_empty() && classes().keys().any(|n| n.len() > t.len() && n.starts_with(&t))
}

fn text_of(toks: &[Token<'_>]) -> String {
    toks.iter().map(|t| t.text).collect()
}

/// The body's lines as tokens; in final accounts a line of figures alone joins the next line
/// with text, each figure in its place by display column.
fn token_lines<'a>(body: &[&'a Line], merge_above: bool) -> Vec<(&'a Line, Vec<Token<'a>>)> {
    let mut out: Vec<(&'a Line, Vec<Token<'a>>)> = Vec::new();
    let mut held: Vec<(usize, Token<'a>)> = Vec::new();
    for (i, line) in body.iter().enumerate() {
        let toks = tokens(line);
        if toks.is_empty() {
            continue;
        }
        let figures_only = toks.iter().all(|t| is_amount(t.text));
        let next_adjacent = body.get(i + 1).is_some_and(|n| n.no == line.no + 1);
        if merge_above && figures_only && next_adjacent {
            held.extend(toks.into_iter().map(|t| (display_x(line, &t), t)));
            continue;
        }
        if held.is_empty() {
            out.push((line, toks));
            continue;
        }
        let mut all: Vec<(usize, Token<'a>)> = toks.into_iter().map(|t| (display_x(line, &t), t)).collect();
        all.append(&mut held);
        all.sort_by_key(|(x, _)| *x);
        out.push((line, all.into_iter().map(|(_, t)| t).collect()));
    }
    if let Some((line, _)) = body.last().map(|l| (l, ())) {
        if !held.is_empty() {
            out.push((line, held.into_iter().map(|(_, t)| t).collect()));
        }
    }
    out
}

/// Reads a two-sided table.
pub fn read_two_sided(table: &mut RawTable, body: &[&Line]) {
    let schema = table.schema;
    let (Some(left), Some(right)) = (schema.panels.first(), schema.panels.get(1)) else { return };
    let unit = table.unit;
    let mut cursor = 0;
    let mut started = false;
    // A left label's first part, wrapped before its end, waiting for the rest.
    let mut pending_left: Vec<Token<'_>> = Vec::new();
    // A right row whose class name wrapped before its end.
    let mut open_right: Option<usize> = None;
    for (line, toks) in token_lines(body, schema.document == DocumentKind::FinalAccounts) {
        // A `|` line (a workbook's or a ruled PDF's row) says where every figure stands.
        if let Some(cells) = pipe_cells(line) {
            if let Some(rows) = piped_rows(table, &cells, cursor) {
                for row in rows {
                    if row.panel == 0 {
                        if let Some(f) = left.fixed_rows.iter().position(|f| Some(f.key) == row.fixed) {
                            cursor = f + 1;
                        }
                    }
                    table.rows.push(row);
                }
                started = true;
                continue;
            }
        }
        // Otherwise its cells are read as text, the bars dropped.
        let toks: Vec<Token<'_>> = toks.into_iter().filter(|t| !matches!(t.text, "|" | "｜")).collect();
        // A note under the table (注：本表反映…) is no row.
        if toks.first().is_some_and(|t| t.text.starts_with("注：") || t.text.starts_with("注:")) {
            continue;
        }
        let left_text_end = toks.iter().position(|t| is_amount(t.text)).unwrap_or(toks.len());
        // The longest run of leading tokens that names the next declared left row.
        let mut left_k = (1..=left_text_end).rev().find(|&k| match_fixed(left, cursor, &text_of(&toks[..k])).is_some());
        let mut head: Vec<Token<'_>> = Vec::new();
        if left_k.is_none() && !pending_left.is_empty() {
            let joined = |k: usize| text_of(&pending_left) + &text_of(&toks[..k]);
            if let Some(k) = (1..=left_text_end).rev().find(|&k| match_fixed(left, cursor, &joined(k)).is_some()) {
                left_k = Some(k);
                head = std::mem::take(&mut pending_left);
            }
        }
        let left_row = left_k.and_then(|k| {
            let label = text_of(&head) + &text_of(&toks[..k]);
            match_fixed(left, cursor, &label)
        });
        let right_start = |rest: &[Token<'_>]| -> bool {
            leading_code(rest).is_some() || {
                let end = rest.iter().position(|t| is_amount(t.text)).unwrap_or(rest.len());
                let name = text_of(&rest[..end]);
                class_by_name(&name).is_some() || class_prefix(&name) || match_fixed(right, 0, &name).is_some()
            }
        };
        let right_start_code = leading_code(&toks);
        let carries = toks.len() > left_text_end;
        let after_left = left_k.unwrap_or(0);
        let rest_is_right = toks.len() > after_left && right_start(&toks[after_left..]);
        // Before the first row, a header fragment can equal a label (`一般公共预算`): a real row
        // carries a figure, the right side's code or class, or starts with a class.
        let opens_with_class = left_row.is_none() && rest_is_right && class_by_name(&text_of(&toks[..1])).is_some();
        let header = (left_row.is_none() || !(carries || rest_is_right)) && right_start_code.is_none();
        if !started && header && !opens_with_class {
            continue;
        }
        let mut i = 0;
        if let (Some(f), Some(k)) = (left_row, left_k) {
            cursor = f + 1;
            started = true;
            let first = head.first().unwrap_or(&toks[0]).span;
            let mut row = RawRow::new(0, first);
            row.fixed = Some(left.fixed_rows[f].key);
            for t in head.iter().chain(&toks[..k]) {
                row.push_text(t);
            }
            i = k;
            // Left amounts up to the right side's code or text.
            while let Some(t) = toks.get(i) {
                if !is_amount(t.text) || leading_code(&toks[i..]).is_some() {
                    break;
                }
                if let Some(cell) = amount_cell(t, unit) {
                    row.push_value(cell);
                }
                i += 1;
            }
            if let Some(span) = row.pieces_span(0..row.pieces_len()) {
                row.name = Spanned::new(row.text(), span);
            }
            table.rows.push(row);
        } else if right_start_code.is_none() && !right_start(&toks) {
            // Not a row's start on either side: the rest of a wrapped name, a left label's first
            // part, or noise.
            let text = text_of(&toks);
            if let Some(j) = open_right.filter(|_| !carries) {
                let joined = table.rows[j].text() + &text;
                if class_by_name(&joined).is_some() || class_prefix(&joined) {
                    for t in &toks {
                        table.rows[j].push_text(t);
                    }
                    let code = class_by_name(&joined);
                    if code.is_some() {
                        table.rows[j].code = code;
                        open_right = None;
                    }
                    set_name(&mut table.rows[j]);
                    continue;
                }
            }
            if !carries && label_prefix(left, cursor, &text) {
                pending_left = toks.clone();
                continue;
            }
            if !pending_left.is_empty() && !carries {
                // `款` alone after `二、政府性基金预算财政拨`: a declared row printed without figures.
                let joined = text_of(&pending_left) + &text;
                if let Some(f) = match_fixed(left, cursor, &joined) {
                    cursor = f + 1;
                    let mut row = RawRow::new(0, pending_left[0].span);
                    row.fixed = Some(left.fixed_rows[f].key);
                    for t in pending_left.iter().chain(&toks) {
                        row.push_text(t);
                    }
                    set_name(&mut row);
                    table.rows.push(row);
                    pending_left.clear();
                    continue;
                }
            }
            if match_fixed(right, 0, &text_of(&toks[..left_text_end])).is_none() {
                table.notes.push(unread(line, &table.title.value));
                continue;
            }
        }
        let rest = &toks[i..];
        if rest.is_empty() {
            continue;
        }
        started = true;
        let mut row = RawRow::new(1, rest[0].span);
        let mut j = 0;
        if let Some((code, n)) = leading_code(rest) {
            row.code = Some(code);
            row.span = rest[..n].iter().fold(rest[0].span, |s, t| s.cover(t.span));
            j = n;
        }
        let text_end = rest[j..].iter().position(|t| is_amount(t.text)).map(|p| p + j).unwrap_or(rest.len());
        for t in &rest[j..text_end] {
            row.push_text(t);
        }
        for t in &rest[text_end..] {
            match amount_cell(t, unit) {
                Some(cell) => row.push_value(cell),
                None => row.push_text(t),
            }
        }
        let name = row.text();
        if row.code.is_none() {
            match (match_fixed(right, 0, &name), class_by_name(&name)) {
                (Some(f), _) => row.fixed = Some(right.fixed_rows[f].key),
                (None, Some(code)) => row.code = Some(code),
                (None, None) if class_prefix(&name) => open_right = Some(table.rows.len()),
                (None, None) => {
                    table.notes.push(unread(line, &table.title.value));
                    continue;
                }
            }
        }
        set_name(&mut row);
        table.rows.push(row);
    }
    // A class name that never found its end is no row.
    if let Some(j) = open_right {
        if table.rows.get(j).is_some_and(|r| r.code.is_none() && r.fixed.is_none()) {
            let r = table.rows.remove(j);
            table.notes.push(unread(&Line { no: r.span.line, text: r.text() }, &table.title.value));
        }
    }
}

/// The rows of a `|` line of a two-sided table: the left label, one cell per left column, the
/// right code and name, one cell per right column (empty cells kept). `None` when the cells do not
/// have that shape or name no declared row, so the line is read as text.
fn piped_rows(table: &RawTable, cells: &[Token<'_>], cursor: usize) -> Option<Vec<RawRow>> {
    let (left, right) = (table.schema.panels.first()?, table.schema.panels.get(1)?);
    let (lc, rc) = (left.columns.len(), right.columns.len());
    let right_label = cells.len().checked_sub(1 + lc + rc).filter(|&n| n >= 1)?;
    let is_value = |t: &Token<'_>| t.text.is_empty() || is_amount(t.text);
    let (left_label, rest) = cells.split_first()?;
    let (left_values, rest) = rest.split_at(lc);
    let (right_names, right_values) = rest.split_at(right_label);
    if !left_values.iter().chain(right_values).all(is_value) || is_amount(left_label.text) {
        return None;
    }
    let mut out = Vec::new();
    let pinned = |row: &mut RawRow, values: &[Token<'_>]| {
        let mut cols = Vec::new();
        for (col, t) in values.iter().enumerate() {
            if let Some(cell) = amount_cell(t, table.unit) {
                row.push_value(cell);
                cols.push(col as u16);
            }
        }
        row.pinned = Some(cols);
    };
    if !left_label.text.is_empty() {
        let f = match_fixed(left, cursor, left_label.text)?;
        let mut row = RawRow::new(0, left_label.span);
        row.fixed = Some(left.fixed_rows[f].key);
        row.push_text(left_label);
        set_name(&mut row);
        pinned(&mut row, left_values);
        out.push(row);
    }
    let names: Vec<Token<'_>> = right_names.iter().filter(|t| !t.text.is_empty()).cloned().collect();
    if let Some(first) = names.first() {
        let mut row = RawRow::new(1, first.span);
        let mut j = 0;
        if let Some((code, n)) = leading_code(&names) {
            row.code = Some(code);
            j = n;
        }
        for t in &names[j..] {
            row.push_text(t);
        }
        let name = row.text();
        if row.code.is_none() {
            match (match_fixed(right, 0, &name), class_by_name(&name)) {
                (Some(f), _) => row.fixed = Some(right.fixed_rows[f].key),
                (None, Some(code)) => row.code = Some(code),
                (None, None) => return None,
            }
        }
        set_name(&mut row);
        pinned(&mut row, right_values);
        out.push(row);
    }
    (!out.is_empty()).then_some(out)
}

fn set_name(row: &mut RawRow) {
    if let Some(span) = row.pieces_span(0..row.pieces_len()) {
        row.name = Spanned::new(row.text(), span);
    }
    // A class named by its ordinal and name (`八、社会保障和就业支出`): the ordinal numbers the
    // line, the name is what follows it.
    if row.code.is_some() {
        let name = &row.name.value;
        let n = name.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
        if n > 0 && name.chars().nth(n) == Some('、') {
            let skip = n as u32 + 1;
            let rest: String = name.chars().skip(skip as usize).collect();
            let mut span = row.name.span;
            if span.line == span.end_line {
                span.col += skip;
            }
            row.name = Spanned::new(rest, span);
        }
    }
}
