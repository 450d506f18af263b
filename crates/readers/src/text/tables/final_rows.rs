//! Rows of code-keyed tables as final accounts (部门决算) print them through `pdftotext -layout`:
//! a multi-line cell is centred on its row, so a row's name may wrap above and below its code
//! line (`机关事业单位` / `2080505 基本养老保险 446.11` / `缴费支出`) and its figures may stand on
//! the line above (`1,503.52 603.14` / `201 一般公共服务支出 2,106.66`). Lines are grouped around
//! their code lines (anchors): figures on lines directly above an anchor are its own, names go
//! where the catalog's names and the blank lines say, figures are put in printed order by their
//! display column. The basic-spending table prints personnel items left and operating items
//! right on the same lines: each side is read alone.

use super::block::{finish_names, label_matches, KnownNames, RawRow, RawTable};
use super::layout::{column_middles, display_x, middle_x, split_glued_code};
use super::tokens::{amount_cell, is_amount, leading_code, tokens, Token};
use crate::text::source::{Joined, Line};
use yusuan_model::catalog::{fold_name, Catalog, Code, Lookup};
use yusuan_model::registry::{fold_title, PERSONNEL_CLASSES};
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::Panel;

/// One line, or one side of a line, as tokens.
struct Piece<'a> {
    line: &'a Line,
    toks: Vec<Token<'a>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Anchor,
    Values,
    Text,
    Note,
}

/// A row being gathered around its anchor.
struct Gathered<'a> {
    piece: usize,
    code: Option<Code>,
    fixed: Option<&'static str>,
    /// Name tokens: wrapped above, on the anchor line, wrapped below.
    prefix: Vec<Token<'a>>,
    own: Vec<Token<'a>>,
    suffix: Vec<Token<'a>>,
    /// Figures with their display column.
    values: Vec<(usize, Token<'a>)>,
}

fn is_note(toks: &[Token<'_>]) -> bool {
    toks.first().is_some_and(|t| t.text.starts_with('注') || t.text.starts_with("说明"))
}

fn is_header_word(t: &str) -> bool {
    matches!(t, "类" | "款" | "项")
}

/// The declared total row a line's leading text names (`合计`, `人员经费合计`).
fn total_label(panel: &Panel, toks: &[Token<'_>]) -> Option<&'static str> {
    let first = toks.first()?;
    panel.fixed_rows.iter().find(|r| label_matches(r, first.text)).map(|r| r.key)
}

/// Reads a single-panel code table of final accounts.
pub fn read_code_table(table: &mut RawTable, body: &[&Line], known: &KnownNames, catalog: &Catalog) {
    let Some(panel) = table.schema.panels.first() else { return };
    let present = present(body);
    // The 类/款/项 header words may share a line with the total row (`类 款 项  合计  2,946.25`).
    let pieces: Vec<Piece<'_>> = body
        .iter()
        .map(|l| {
            // `…` stands for rows a blank form leaves out.
            let toks: Vec<Token<'_>> = tokens(l).into_iter().filter(|t| !t.text.chars().all(|c| c == '…')).collect();
            let words = toks.iter().take_while(|t| is_header_word(t.text)).count();
            let toks = if words < toks.len() { toks[words..].to_vec() } else { toks };
            Piece { line: l, toks }
        })
        .collect();
    let first_row = pieces.iter().position(|p| classify(panel, &p.toks).0 == Kind::Anchor);
    let header: Vec<(&Line, Token<'_>)> =
        pieces[..first_row.unwrap_or(0)].iter().flat_map(|p| p.toks.iter().map(move |t| (p.line, t.clone()))).collect();
    table.column_x = vec![column_middles(panel, &header)];
    let (rows, notes) = gather(panel, &pieces, &present, catalog);
    finish(table, rows, notes, known, catalog);
}

/// Reads the two-sided basic-spending table: personnel classes left, the others right.
pub fn read_econ_two_sided(table: &mut RawTable, body: &[&Line], known: &KnownNames, catalog: &Catalog) {
    let (Some(left), Some(right)) = (table.schema.panels.first(), table.schema.panels.get(1)) else { return };
    let present = present(body);
    let code_class = |t: &str| -> Option<bool> {
        let digits = t.len() == t.bytes().filter(u8::is_ascii_digit).count();
        (digits && matches!(t.len(), 3 | 5) && t.starts_with('3')).then(|| PERSONNEL_CLASSES.contains(&&t[..3]))
    };
    let is_right_start =
        |t: &Token<'_>| code_class(t.text) == Some(false) || label_matches(&right.fixed_rows[0], t.text);
    let lines: Vec<(&Line, Vec<Token<'_>>)> =
        body.iter().map(|l| (*l, tokens(l).into_iter().flat_map(|t| split_glued_code(l, t)).collect())).collect();
    // Where the right side begins on lines that print no code to tell: left of the leftmost
    // right-side code anywhere in the table.
    let split_x = lines
        .iter()
        .flat_map(|(l, toks)| toks.iter().filter(|t| is_right_start(t)).map(move |t| display_x(l, t)))
        .min()
        .unwrap_or(usize::MAX);
    let mut sides: [Vec<Piece<'_>>; 2] = [Vec::new(), Vec::new()];
    for (line, toks) in lines {
        let at = toks.iter().position(is_right_start);
        let left_code = toks
            .first()
            .is_some_and(|t| code_class(t.text) == Some(true) || label_matches(&left.fixed_rows[0], t.text));
        let (l, r): (Vec<Token<'_>>, Vec<Token<'_>>) = match at {
            Some(k) => (toks[..k].to_vec(), toks[k..].to_vec()),
            None if left_code => (toks, Vec::new()),
            None => toks.into_iter().partition(|t| display_x(line, t) < split_x),
        };
        for (side, toks) in [(0, l), (1, r)] {
            if !toks.is_empty() {
                sides[side].push(Piece { line, toks });
            }
        }
    }
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    for (side, pieces) in sides.iter().enumerate() {
        let panel = &table.schema.panels[side];
        let (r, n) = gather(panel, pieces, &present, catalog);
        rows.extend(r);
        notes.extend(n);
    }
    // Both panels as printed: personnel rows, then operating rows (each side's total last).
    finish(table, rows, notes, known, catalog);
}

/// What a line is, and the code (with the tokens it takes) or total it starts with.
fn classify(panel: &Panel, toks: &[Token<'_>]) -> (Kind, Option<(Code, usize)>, Option<&'static str>) {
    if is_note(toks) {
        return (Kind::Note, None, None);
    }
    if let Some(c) = leading_code(toks).or_else(|| bare_code(toks)) {
        return (Kind::Anchor, Some(c), None);
    }
    // A total label alone or with its figures; with other words it is the header (`合计 基本支出`).
    if let Some(k) = total_label(panel, toks).filter(|_| toks[1..].iter().all(|t| is_amount(t.text))) {
        return (Kind::Anchor, None, Some(k));
    }
    if toks.iter().all(|t| is_amount(t.text)) {
        return (Kind::Values, None, None);
    }
    (Kind::Text, None, None)
}

/// A code alone before its figures, its name wrapped above and below (`2080505   446.11`): in
/// final accounts figures carry decimals, so a bare 3-, 5- or 7-digit number is a code.
fn bare_code(toks: &[Token<'_>]) -> Option<(Code, usize)> {
    let first = toks.first()?.text;
    let digits = first.bytes().all(|b| b.is_ascii_digit()) && matches!(first.len(), 3 | 5 | 7);
    let later_decimals = toks[1..].iter().all(|t| is_amount(t.text) && t.text.contains('.'));
    (digits && matches!(first.as_bytes()[0], b'2' | b'3') && later_decimals)
        .then(|| Code::parse(first).map(|c| (c, 1)))?
}

/// The numbers of a table's lines with text (both sides of a two-sided table): a line between
/// two others that is not among them is blank.
type Present = std::collections::HashSet<u32>;

fn present(body: &[&Line]) -> Present {
    body.iter().map(|l| l.no).collect()
}

/// Whether two lines have a blank line between them.
fn gap(present: &Present, a: &Line, b: &Line) -> bool {
    (a.no + 1..b.no).any(|n| !present.contains(&n))
}

fn catalog_name(catalog: &Catalog, code: &Option<Code>, known: Option<&str>) -> Option<String> {
    let code = code.as_ref()?;
    match catalog.get(code) {
        Lookup::Known(e) => Some(fold_name(&e.name)),
        _ => known.map(fold_name),
    }
}

fn joined(toks: &[Token<'_>]) -> String {
    fold_name(&toks.iter().map(|t| t.text).collect::<String>())
}

/// Groups one side's lines into rows around their anchors; the rest are notes or header.
fn gather<'a>(
    panel: &Panel,
    pieces: &'a [Piece<'a>],
    present: &Present,
    catalog: &Catalog,
) -> (Vec<Gathered<'a>>, Vec<&'a Line>) {
    let mut rows: Vec<Gathered<'a>> = Vec::new();
    let mut statement: Vec<&'a Line> = Vec::new();
    // Lines waiting for the next anchor (figures above it, names wrapped above it).
    let mut pending: Vec<usize> = Vec::new();
    let mut in_notes = false;
    for (i, p) in pieces.iter().enumerate() {
        if in_notes {
            statement.push(p.line);
            continue;
        }
        let (kind, code, fixed) = classify(panel, &p.toks);
        match kind {
            Kind::Note => {
                in_notes = true;
                statement.push(p.line);
            }
            Kind::Anchor => {
                let n = code.as_ref().map(|c| c.1).unwrap_or(1);
                let mut g = Gathered {
                    piece: i,
                    code: code.map(|c| c.0),
                    fixed,
                    prefix: Vec::new(),
                    own: Vec::new(),
                    suffix: Vec::new(),
                    values: Vec::new(),
                };
                if fixed.is_some() {
                    g.own.push(p.toks[0].clone());
                }
                for t in &p.toks[n.min(p.toks.len())..] {
                    if is_amount(t.text) {
                        g.values.push((middle_x(p.line, t), t.clone()));
                    } else {
                        g.own.push(t.clone());
                    }
                }
                let prev = rows.len().checked_sub(1);
                settle(&mut rows, prev, &mut g, &pending, pieces, present, catalog);
                pending.clear();
                rows.push(g);
            }
            Kind::Text | Kind::Values => {
                // An economic 款 wrapped under its 类 (`302` / `06 电费`).
                let kuan = p.toks.first().filter(|t| t.text.len() == 2 && t.text.bytes().all(|b| b.is_ascii_digit()));
                if let (Some(k), Some(last)) = (kuan, rows.last_mut()) {
                    let bare = last.code.as_ref().is_some_and(|c| c.as_str().len() == 3 && c.as_str().starts_with('3'));
                    if bare && pending.iter().all(|&j| pieces[j].toks.iter().all(|t| !is_amount(t.text))) {
                        if let Some(code) =
                            last.code.as_ref().and_then(|c| Code::parse(&format!("{}{}", c.as_str(), k.text)))
                        {
                            last.code = Some(code);
                            // Lines pending so far are its name, wrapped above the 款.
                            for &j in &pending {
                                last.suffix.extend(pieces[j].toks.iter().cloned());
                            }
                            pending.clear();
                            for t in &p.toks[1..] {
                                if is_amount(t.text) {
                                    last.values.push((middle_x(p.line, t), t.clone()));
                                } else {
                                    last.suffix.push(t.clone());
                                }
                            }
                            continue;
                        }
                    }
                }
                if p.toks.iter().all(|t| is_header_word(t.text)) {
                    continue;
                }
                pending.push(i);
            }
        }
    }
    // After the last anchor: its wrapped name and figures.
    if let Some(last) = rows.len().checked_sub(1) {
        for j in std::mem::take(&mut pending) {
            attach_after(&mut rows[last], &pieces[j]);
        }
    } else {
        statement.extend(pending.iter().map(|&j| pieces[j].line));
    }
    (rows, statement)
}

/// Lines after the last anchor: its name wrapped below it, its figures.
fn attach_after<'a>(row: &mut Gathered<'a>, p: &'a Piece<'a>) {
    for t in &p.toks {
        if is_amount(t.text) {
            row.values.push((middle_x(p.line, t), t.clone()));
        } else {
            row.suffix.push(t.clone());
        }
    }
}

/// Shares the lines between the previous anchor `a` and the new anchor `b`: figures directly
/// above `b` (no blank line between) are `b`'s, the others `a`'s; name lines are split where
/// the catalog's names, the blank lines and an empty name on `b`'s line say.
fn settle<'a>(
    rows: &mut [Gathered<'a>],
    a: Option<usize>,
    b: &mut Gathered<'a>,
    run: &[usize],
    pieces: &'a [Piece<'a>],
    present: &Present,
    catalog: &Catalog,
) {
    let b_line = pieces[b.piece].line;
    // Figures.
    let mut texts: Vec<usize> = Vec::new();
    for (k, &j) in run.iter().enumerate() {
        let p = &pieces[j];
        let values_only = p.toks.iter().all(|t| is_amount(t.text));
        if !values_only {
            texts.push(j);
            continue;
        }
        let chain = run[k..].iter().map(|&x| pieces[x].line).chain(std::iter::once(b_line)).collect::<Vec<_>>();
        let adjacent = chain.windows(2).all(|w| !gap(present, w[0], w[1]));
        let target: &mut Gathered<'a> = match (adjacent, a) {
            (false, Some(ai)) => &mut rows[ai],
            _ => b,
        };
        for t in &p.toks {
            target.values.push((middle_x(p.line, t), t.clone()));
        }
    }
    let Some(ai) = a else {
        // Before the first anchor: the header, then perhaps the first row's name wrapped above
        // it — the last lines, adjacent to it, that begin the name the catalog gives the code.
        let Some(name) = catalog_name(catalog, &b.code, None) else { return };
        let mut take = 0;
        for s in 1..=texts.len() {
            let from = texts.len() - s;
            let chain: Vec<&Line> =
                texts[from..].iter().map(|&x| pieces[x].line).chain(std::iter::once(b_line)).collect();
            if chain.windows(2).any(|w| gap(present, w[0], w[1])) {
                break;
            }
            let mut toks: Vec<Token<'a>> = texts[from..].iter().flat_map(|&x| pieces[x].toks.iter().cloned()).collect();
            toks.extend(b.own.iter().cloned());
            if name.starts_with(&joined(&toks)) {
                take = s;
            }
        }
        for &j in &texts[texts.len() - take..] {
            b.prefix.extend(pieces[j].toks.iter().cloned());
        }
        return;
    };
    if texts.is_empty() {
        return;
    }
    let a_line = pieces[rows[ai].piece].line;
    let a_name = catalog_name(catalog, &rows[ai].code, None);
    let b_name = catalog_name(catalog, &b.code, None);
    let a_so_far: Vec<Token<'a>> =
        rows[ai].prefix.iter().chain(&rows[ai].own).chain(&rows[ai].suffix).cloned().collect();
    let k = texts.len();
    let score = |s: usize| -> i32 {
        let mut a_toks = a_so_far.clone();
        for &j in &texts[..s] {
            a_toks.extend(pieces[j].toks.iter().filter(|t| !is_amount(t.text)).cloned());
        }
        let mut b_toks: Vec<Token<'a>> = Vec::new();
        for &j in &texts[s..] {
            b_toks.extend(pieces[j].toks.iter().filter(|t| !is_amount(t.text)).cloned());
        }
        b_toks.extend(b.own.iter().cloned());
        let exact_a = a_name.as_deref().is_some_and(|n| n == joined(&a_toks));
        let prefix_b = b_name.as_deref().is_some_and(|n| !b_toks.is_empty() && n.starts_with(&joined(&b_toks)));
        let last_a = if s == 0 { a_line } else { pieces[texts[s - 1]].line };
        let first_b = if s == k { b_line } else { pieces[texts[s]].line };
        let blank = gap(present, last_a, first_b);
        let default = if b.own.is_empty() { s + 1 == k } else { s == k };
        4 * exact_a as i32 + 2 * prefix_b as i32 + 2 * blank as i32 + default as i32
    };
    let best = (0..=k).max_by_key(|&s| (score(s), s)).unwrap_or(k);
    for &j in &texts[..best] {
        rows[ai].suffix.extend(pieces[j].toks.iter().filter(|t| !is_amount(t.text)).cloned());
        for t in pieces[j].toks.iter().filter(|t| is_amount(t.text)) {
            rows[ai].values.push((middle_x(pieces[j].line, t), t.clone()));
        }
    }
    for &j in &texts[best..] {
        b.prefix.extend(pieces[j].toks.iter().filter(|t| !is_amount(t.text)).cloned());
        for t in pieces[j].toks.iter().filter(|t| is_amount(t.text)) {
            b.values.push((middle_x(pieces[j].line, t), t.clone()));
        }
    }
}

/// Turns gathered rows into raw rows; a table whose rows carry no figure is an empty table,
/// its statement the note that says so.
fn finish(
    table: &mut RawTable,
    gathered: Vec<Gathered<'_>>,
    statement: Vec<&Line>,
    known: &KnownNames,
    catalog: &Catalog,
) {
    let unit = table.unit;
    let has_values = gathered.iter().any(|g| !g.values.is_empty());
    let says_empty = statement.iter().any(|l| ["无数据", "空表", "没有", "无"].iter().any(|w| l.text.contains(w)));
    // Rows without a figure in a table whose note says it is empty are its header; rows without
    // figures and no such note are a blank form's rows (the template), kept as printed.
    if !has_values && (says_empty || gathered.iter().all(|g| g.code.is_none())) {
        let says_empty = |l: &&&Line| ["无数据", "空表", "没有", "无"].iter().any(|w| l.text.contains(w));
        let chosen: Vec<&Line> = match statement.iter().rposition(|l| l.text.trim_start().starts_with("说明")) {
            Some(i) => vec![statement[i]],
            None => statement.iter().filter(says_empty).copied().collect(),
        };
        let joined = Joined::from_lines(chosen.iter().copied());
        if !joined.is_empty() {
            let span = joined.span(0, joined.text.len());
            table.empty_statement = Some(Spanned::new(joined.text.clone(), span));
        }
        return;
    }
    let panel_of = |g: &Gathered<'_>| -> u8 {
        // Rows of the right side were gathered with their panel's total label or codes.
        match (&g.code, g.fixed) {
            (Some(c), _) => (!PERSONNEL_CLASSES.contains(&&c.as_str()[..3]) && table.schema.panels.len() == 2) as u8,
            (None, Some(_)) => {
                let text: String = g.own.first().map(|t| fold_title(t.text)).unwrap_or_default();
                table
                    .schema
                    .panels
                    .iter()
                    .position(|p| p.fixed_rows.iter().any(|r| label_matches(r, &text)))
                    .unwrap_or(0) as u8
            }
            _ => 0,
        }
    };
    let mut rows: Vec<RawRow> = Vec::new();
    for mut g in gathered {
        let panel = panel_of(&g);
        let first = g.prefix.first().or(g.own.first()).map(|t| t.span).unwrap_or(Span::on_line(0, 1, 1));
        let mut row = RawRow::new(panel, first);
        row.code = g.code.take();
        row.fixed = g.fixed;
        for t in g.prefix.iter().chain(&g.own).chain(&g.suffix) {
            row.push_text(t);
        }
        g.values.sort_by_key(|(x, _)| *x);
        for (x, t) in &g.values {
            if let Some(cell) = amount_cell(t, unit) {
                row.push_value(cell);
                row.value_x.push(*x);
            }
        }
        rows.push(row);
    }
    rows.sort_by_key(|r| r.panel);
    let shared = Default::default();
    for row in &mut rows {
        let panel = &table.schema.panels[row.panel as usize];
        finish_names(row, panel, known, catalog, &shared);
    }
    table.rows = rows;
}
