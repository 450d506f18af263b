//! The part above the indicator grid: `（2024年）`, 预算单位 / 部门名称, 项目名称, 项目负责人,
//! 联系电话, the amounts (年度预算总额, 其中：财政拨款, 其他资金, or the 资金来源 block of a
//! 部门整体 table) and the goal text; then the grid's column header.
//!
//! Keys and values are read from pieces, not from fixed lines: a wrapped key (`其中：财政拨` /
//! `款`) is completed by a later piece, and an amount alone on a line (`0.00 其他资金 30.00`)
//! belongs to the last key still waiting for one, which is how the PDF's merged cells print.

use super::lex::{join, pieces_of, Piece};
use super::rows::{note_unread, Columns};
use crate::text::source::Line;
use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::performance::{FundingSource, PerformanceKind, PerformanceTargets};
use yusuan_model::span::{Span, Spanned};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    Unit,
    Project,
    Owner,
    Contact,
    Phone,
    Total,
    Fiscal,
    Other,
    /// 上年结转 in a project's funding block.
    CarryOver,
    Goal,
    /// 上级安排 / 本级安排 / 其他 of the 资金来源 block.
    Funding,
    /// A caption that carries no value of its own (资金来源, 财政资金（万元）).
    Caption,
}

/// Keys by the start of their piece, longer spellings first.
const KEYS: &[(&str, Key)] = &[
    ("预算单位", Key::Unit),
    ("部门名称", Key::Unit),
    ("单位名称", Key::Unit),
    ("项目名称", Key::Project),
    ("项目负责人", Key::Owner),
    ("部门联系人", Key::Contact),
    ("联系人", Key::Contact),
    ("联系电话", Key::Phone),
    ("年度资金申请总额", Key::Total),
    ("资金申请总额", Key::Total),
    ("年度预算总额", Key::Total),
    ("预算总额", Key::Total),
    ("其中：当年财政拨款", Key::Fiscal),
    ("其中:当年财政拨款", Key::Fiscal),
    ("当年财政拨款", Key::Fiscal),
    ("上年结转", Key::CarryOver),
    ("其中：财政拨款", Key::Fiscal),
    ("其中:财政拨款", Key::Fiscal),
    ("财政拨款", Key::Fiscal),
    ("其他资金", Key::Other),
    ("项目总体目标", Key::Goal),
    ("年度绩效目标", Key::Goal),
    ("总体目标", Key::Goal),
    ("上级安排", Key::Funding),
    ("本级安排", Key::Funding),
    ("资金来源", Key::Caption),
    ("资金总额", Key::Caption),
    ("财政资金", Key::Caption),
    ("年度预算", Key::Caption),
    ("项目资金", Key::Caption),
];

/// The key a piece starts with, the key's length in bytes, and what a wrap left of it for a
/// later piece to complete (`款` of `其中：财政拨`, `)` of `项目资金(万`).
fn key_of(text: &str) -> Option<(Key, usize, Option<String>)> {
    if text == "其他" {
        return Some((Key::Funding, text.len(), None));
    }
    if let Some((k, key)) = KEYS.iter().find(|(k, _)| text.starts_with(k)) {
        let rest = text.get(k.len()..).unwrap_or("");
        return Some((*key, k.len(), unclosed(rest)));
    }
    // A key cut by a wrap: at least three characters of it.
    KEYS.iter()
        .find(|(k, _)| text.chars().count() >= 3 && k.len() > text.len() && k.starts_with(text))
        .map(|(k, key)| (*key, text.len(), k.get(text.len()..).map(str::to_string)))
}

/// `(万` waits for its `)`.
fn unclosed(rest: &str) -> Option<String> {
    let opens = rest.matches(['(', '（']).count();
    let closes = rest.matches([')', '）']).count();
    (opens > closes).then(|| CLOSE.to_string())
}

/// What a bracket left open waits for: any short piece that closes it (`元)`).
const CLOSE: &str = ")";

/// Whether `text` is what a wrapped key left for later.
fn completes(wanted: &str, text: &str) -> bool {
    if wanted == CLOSE {
        text.chars().count() <= 4 && text.contains([')', '）'])
    } else {
        text.starts_with(wanted)
    }
}

/// Strips a leading bracketed caption (`（盖章）`, `（万元）`) from a key's rest.
fn strip_caption(rest: &str) -> &str {
    let t = rest.trim_start();
    if t.starts_with(['(', '（']) {
        if let Some(i) = t.find([')', '）']) {
            let close = t.get(i..).and_then(|s| s.chars().next()).map(char::len_utf8).unwrap_or(1);
            return t.get(i + close..).unwrap_or("");
        }
        return "";
    }
    t
}

/// A sub-piece: the bytes of `p` from `from` on.
fn tail(block: &[Line], p: &Piece, from: usize) -> Option<Piece> {
    let start = p.start + from;
    let l = block.get(p.line)?;
    (start < p.end).then(|| super::lex::piece(l, p.line, start, p.end))
}

fn year_of(text: &str) -> Option<(u16, usize)> {
    let i = text.find('年')?;
    let head = text.get(..i)?;
    let digits: String = head.chars().rev().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let y: String = digits.chars().rev().collect();
    Some((y.parse().ok()?, i - 4))
}

/// Reads lines `[from, to)` of `block` into the header fields of `t`.
pub(crate) fn read_header(
    block: &[Line],
    from: usize,
    to: usize,
    t: &mut PerformanceTargets,
    notes: &mut Vec<ReadNote>,
) {
    let lines = block.get(from..to.max(from)).unwrap_or(&[]);
    let all: String = lines.iter().map(|l| l.text.as_str()).collect();
    // Amounts are in 万元 unless the header says 元.
    let unit = if all.contains("万元") || all.contains("(万") || all.contains("（万") {
        AmountUnit::Wan
    } else if all.contains("(元)") || all.contains("（元）") {
        AmountUnit::Yuan
    } else {
        AmountUnit::Wan
    };
    let mut pending: Vec<(Key, Piece)> = Vec::new();
    let mut completion: Option<String> = None;
    let mut goal: Vec<Piece> = Vec::new();
    let mut free: Vec<Piece> = Vec::new();
    let mut goal_key: Option<Span> = None;
    for li in from..to.max(from) {
        let ps = pieces_of(block, li);
        if ps.is_empty() {
            continue;
        }
        if t.year.is_none() {
            if let (Some(l), Some(first)) = (block.get(li), ps.first()) {
                if first.text.starts_with(['(', '（']) && ps.len() == 1 {
                    if let Some((y, at)) = year_of(&first.text) {
                        let s = first.start + at;
                        t.year = Some(Spanned::new(y, l.span_of(s, s + 4)));
                        continue;
                    }
                }
            }
        }
        let has_key = ps.iter().any(|p| key_of(&p.text).is_some());
        let all_amounts = ps.iter().all(|p| Money::parse(&p.text, unit).is_ok());
        let completing = completion.as_ref().is_some_and(|c| ps.first().is_some_and(|p| completes(c, &p.text)));
        let amounts_awaited = all_amounts && !pending.is_empty();
        // A line with no key, no key's tail and no awaited amount is goal text.
        if !(has_key || completing || amounts_awaited) {
            free.extend(ps);
            continue;
        }
        // The text key whose value is being read on this line.
        let mut current: Option<(Key, Piece, Vec<Piece>)> = None;
        for p in ps {
            // A wrapped key's tail may come lines later, after other keys.
            if completion.as_ref().is_some_and(|c| completes(c, &p.text)) {
                completion = None;
                continue;
            }
            if let Some((key, len, wants)) = key_of(&p.text) {
                close(block, current.take(), t, &mut goal, notes);
                if wants.is_some() {
                    completion = wants.clone();
                }
                let key_piece = Piece {
                    text: p.text.get(..len).unwrap_or_default().to_string(),
                    span: block.get(p.line).map(|l| l.span_of(p.start, p.start + len)).unwrap_or(p.span),
                    ..p.clone()
                };
                let rest = p.text.get(len..).unwrap_or("");
                let value_from = len + (rest.len() - strip_caption(rest).len());
                let glued = if wants.is_none() { tail(block, &p, value_from) } else { None };
                match key {
                    Key::Total | Key::Fiscal | Key::Other | Key::CarryOver | Key::Funding => {
                        pending.push((key, key_piece));
                        if let Some(g) = glued {
                            assign_amount(&g, unit, &mut pending, t, notes);
                        }
                    }
                    Key::Caption => {}
                    Key::Goal => {
                        goal_key = Some(key_piece.span);
                        current = Some((key, key_piece, glued.into_iter().collect()));
                    }
                    _ => current = Some((key, key_piece, glued.into_iter().collect())),
                }
            } else if let Some((_, _, vals)) = current.as_mut() {
                vals.push(p);
            } else if !pending.is_empty() && Money::parse(&p.text, unit).is_ok() {
                assign_amount(&p, unit, &mut pending, t, notes);
            } else {
                note_unread(notes, p.span, &p.text);
            }
        }
        close(block, current.take(), t, &mut goal, notes);
    }
    // The goal is the text the keys did not take, wherever the extractor put its caption.
    if goal_key.is_some() {
        goal.extend(free);
        goal.sort_by_key(|p| (p.line, p.start));
        let refs: Vec<&Piece> = goal.iter().collect();
        if let Some((text, span)) = join(block, &refs) {
            t.goal = Some(Spanned::new(text, span));
        }
    } else {
        for p in free {
            note_unread(notes, p.span, &p.text);
        }
    }
    for (key, p) in pending {
        // A 部门整体 table captions 其他资金 over its 资金来源 rows and states no amount there.
        if !(t.kind == PerformanceKind::Department && key == Key::Other) {
            notes.push(missing(Some(p.span), &format!("“{}”的金额", p.text), &format!("the amount of “{}”", p.text)));
        }
    }
    let at = t.title.as_ref().map(|s| s.span);
    let mut need = |present: bool, zh: &str, en: &str| {
        if !present {
            notes.push(missing(at, zh, en));
        }
    };
    need(t.unit.is_some(), "预算单位", "budget unit");
    need(t.goal.is_some(), "绩效目标", "goal");
    if t.kind == PerformanceKind::Project {
        need(t.project.is_some(), "项目名称", "project name");
        need(t.owner.is_some(), "项目负责人", "project owner");
        need(t.budget_total.is_some(), "年度预算总额", "budget total");
    } else {
        need(!t.funding.is_empty(), "资金来源", "funding sources");
    }
}

fn missing(span: Option<Span>, zh: &str, en: &str) -> ReadNote {
    ReadNote::new(
        NoteKind::MissingField,
        span,
        format!("绩效目标表缺少{zh}"),
        format!("the performance table has no {en}"),
    )
}

/// An amount goes to the last key still waiting for one.
fn assign_amount(
    p: &Piece,
    unit: AmountUnit,
    pending: &mut Vec<(Key, Piece)>,
    t: &mut PerformanceTargets,
    notes: &mut Vec<ReadNote>,
) {
    let Ok(money) = Money::parse(&p.text, unit) else {
        note_unread(notes, p.span, &p.text);
        return;
    };
    let Some((key, kp)) = pending.pop() else {
        note_unread(notes, p.span, &p.text);
        return;
    };
    let v = Some(Spanned::new(money, p.span));
    match key {
        Key::Total => t.budget_total = v,
        Key::Fiscal => t.budget_fiscal = v,
        Key::Other => t.budget_other = v,
        Key::CarryOver => t.budget_carry_over = v,
        _ => t.funding.push(FundingSource {
            source: Spanned::new(kp.text.clone(), kp.span),
            amount: Spanned::new(money, p.span),
        }),
    }
}

/// Stores a text key's value read on its line.
fn close(
    block: &[Line],
    current: Option<(Key, Piece, Vec<Piece>)>,
    t: &mut PerformanceTargets,
    goal: &mut Vec<Piece>,
    notes: &mut Vec<ReadNote>,
) {
    let Some((key, kp, vals)) = current else {
        return;
    };
    if key == Key::Goal {
        goal.extend(vals);
        return;
    }
    let refs: Vec<&Piece> = vals.iter().collect();
    let Some((text, span)) = join(block, &refs) else {
        notes.push(missing(Some(kp.span), &format!("“{}”的内容", kp.text), &format!("a value for “{}”", kp.text)));
        return;
    };
    let v = Some(Spanned::new(text, span));
    match key {
        Key::Unit => t.unit = v,
        Key::Project => t.project = v,
        Key::Owner => t.owner = v,
        Key::Contact => t.contact = v,
        Key::Phone => t.phone = v,
        _ => {}
    }
}

/// Names of the grid's columns, which the header prints wrapped into pieces.
const COLUMN_NAMES: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值设置依据",
    "指标值设定依据",
    "指标设定依据",
    "上年完成值",
    "分值权重",
    "指标赋分规则",
    "佐证资料",
    "评(计)分标准",
    "备注",
];

fn is_column_word(text: &str) -> bool {
    COLUMN_NAMES.iter().any(|c| c.contains(text))
}

/// The line where the grid's column header starts (`一级指标 …` or `一级` / `指标` …).
pub(crate) fn column_header_start(block: &[Line], from: usize) -> Option<usize> {
    (from..block.len()).find(|&i| pieces_of(block, i).first().is_some_and(|p| p.text.starts_with("一级")))
}

/// Reads the column header from line `at`: the columns it names and the line after it.
pub(crate) fn read_column_header(block: &[Line], at: usize) -> (Columns, usize) {
    let mut words = String::new();
    let mut end = at;
    for i in at..block.len() {
        let ps = pieces_of(block, i);
        if ps.is_empty() {
            continue;
        }
        if !ps.iter().all(|p| is_column_word(&p.text)) {
            break;
        }
        words.extend(ps.iter().map(|p| p.text.as_str()));
        end = i + 1;
    }
    (Columns::from_header(&words), end)
}
