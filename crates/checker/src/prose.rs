//! The document's prose as an inspector reads it: the source lines outside the tables, joined
//! into paragraphs (PDF text wraps anywhere and leaves blank lines between wrapped lines), with
//! every character still pointing at its line and column. The wording rules (W) and the
//! completeness rules (C) read this; the typed model keeps figures, not wording.

use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::page::is_page_number;
use yusuan_model::performance::PerformanceTargets;
use yusuan_model::span::Span;
use yusuan_model::text::Joined;
use yusuan_model::Disclosure;

/// One paragraph: its joined text and where each character came from (the model's
/// [`Joined`], which the readers read with too).
pub type Para = Joined;

/// A numbering mark that opens an item or a heading: `一、`, `（一）`, `(一)`, `1、`, `1．`, `1.`
/// before a non-digit, `第一部分`.
pub fn starts_with_marker(t: &str) -> bool {
    let t = t.trim_start();
    let cn = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    let Some(first) = chars.next() else { return false };
    let rest: String = chars.collect();
    if first == '第' {
        let n = rest.chars().take_while(|&c| cn(c)).count();
        return n > 0 && rest.chars().skip(n).collect::<String>().starts_with("部分");
    }
    if first == '（' || first == '(' {
        let n = rest.chars().take_while(|&c| cn(c) || c.is_ascii_digit()).count();
        let next = rest.chars().nth(n);
        return n > 0 && matches!(next, Some('）' | ')'));
    }
    if cn(first) {
        let n = rest.chars().take_while(|&c| cn(c)).count();
        return matches!(rest.chars().nth(n), Some('、'));
    }
    if first.is_ascii_digit() {
        let n = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let mut after = rest.chars().skip(n);
        return match after.next() {
            Some('、' | '．') => true,
            Some('.') => after.next().is_some_and(|c| !c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// The prose paragraphs: every source line outside the tables, blank lines, page numbers and
/// the lines the reader passed over as page furniture (running headers) skipped. A paragraph
/// ends at a line ending a sentence, before a line opening with a numbering mark, and where a
/// table interrupts.
pub fn paragraphs(doc: &Disclosure) -> Vec<Para> {
    let blocks: Vec<(u32, u32)> = doc
        .tables
        .iter()
        .map(|t| (t.span.line, t.span.end_line.max(t.span.line)))
        .chain(doc.performance.iter().filter_map(performance_lines))
        .collect();
    let in_table = |no: u32| blocks.iter().any(|&(a, b)| (a..=b).contains(&no));
    let mut out: Vec<Para> = Vec::new();
    let mut cur = Para::default();
    let flush = |cur: &mut Para, out: &mut Vec<Para>| {
        if !cur.text.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for (i, raw) in doc.source_lines.iter().enumerate() {
        let no = i as u32 + 1;
        if in_table(no) {
            flush(&mut cur, &mut out);
            continue;
        }
        let t = raw.trim();
        if t.is_empty() || is_page_number(t) || doc.page_furniture.binary_search(&no).is_ok() {
            continue;
        }
        if starts_with_marker(t) {
            flush(&mut cur, &mut out);
        }
        cur.push_text(no, raw);
        if t.ends_with(['。', '！', '？']) {
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// The lines a performance-target table covers: from the first to the last line any of its
/// fields was read from (cells there are a grid, not prose).
fn performance_lines(p: &PerformanceTargets) -> Option<(u32, u32)> {
    let text = [&p.title, &p.unit, &p.project, &p.owner, &p.contact, &p.phone, &p.goal];
    let money = [&p.budget_total, &p.budget_fiscal, &p.budget_other];
    let mut spans: Vec<Span> = text.iter().filter_map(|s| s.as_ref().map(|s| s.span)).collect();
    spans.extend(p.year.as_ref().map(|y| y.span));
    spans.extend(money.iter().filter_map(|m| m.as_ref().map(|m| m.span)));
    for f in &p.funding {
        spans.extend([f.source.span, f.amount.span]);
    }
    for i in &p.indicators {
        let words = [&i.level1, &i.level2, &i.level3, &i.basis, &i.scoring_rule, &i.evidence];
        spans.extend(words.iter().filter_map(|s| s.as_ref().map(|s| s.span)));
        spans.extend(i.comparison.as_ref().map(|s| s.span));
        spans.extend([&i.value, &i.prior].iter().filter_map(|s| s.as_ref().map(|s| s.span)));
        spans.extend(i.weight.as_ref().map(|s| s.span));
    }
    let first = spans.iter().map(|s| s.line).min()?;
    let last = spans.iter().map(|s| s.end_line.max(s.line)).max()?;
    Some((first, last))
}

/// The number of part headings (`第一部分 …`) the source carries.
pub fn part_headings(doc: &Disclosure) -> usize {
    doc.source_lines.iter().filter(|l| l.trim_start().starts_with('第') && starts_with_marker(l)).count()
}

/// Whether the document presents itself as a whole disclosure rather than a fragment: it carries
/// the template's part headings (at least two `第X部分`), or it has several tables (three or
/// more) and a narrative of several numbered sections (three or more). Completeness rules that
/// look for what is *missing* run only on a whole disclosure, so a pasted table or paragraph is
/// not flooded with "missing" findings.
pub fn is_whole(doc: &Disclosure) -> bool {
    let sections = doc.narrative.sections.iter().filter(|s| s.level == 1).count();
    part_headings(doc) >= 2 || (doc.tables.len() >= 3 && sections >= 3)
}

/// A number written at byte `i` of `s`: optional sign, digits with thousands separators, an
/// optional fraction. Returns its end and whether it was negative.
pub fn number_at(s: &str, i: usize) -> Option<(usize, bool)> {
    let rest = s.get(i..)?;
    let mut chars = rest.char_indices().peekable();
    let mut negative = false;
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '-' | '－' | '−') {
            negative = true;
            chars.next();
        }
    }
    let mut end = None;
    let mut prev_digit = false;
    while let Some(&(k, c)) = chars.peek() {
        if c.is_ascii_digit() {
            prev_digit = true;
            end = Some(k + 1);
        } else if (c == ',' || c == '.') && prev_digit {
            // A separator counts only when a digit follows it.
            let next = rest.get(k + 1..).and_then(|r| r.chars().next());
            if !next.is_some_and(|n| n.is_ascii_digit()) {
                break;
            }
            prev_digit = false;
        } else {
            break;
        }
        chars.next();
    }
    end.map(|e| (i + e, negative))
}

/// What follows a number: a money unit, a percent sign, or nothing we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Money(AmountUnit),
    Percent,
}

/// The unit right after byte `i` (spaces allowed), and the end of it.
pub fn unit_at(s: &str, i: usize) -> Option<(Unit, usize)> {
    let rest = s.get(i..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{3000}']);
    let at = i + (rest.len() - trimmed.len());
    if trimmed.starts_with(['%', '％']) {
        return Some((Unit::Percent, at + trimmed.chars().next()?.len_utf8()));
    }
    for (w, u) in [("万元", AmountUnit::Wan), ("亿元", AmountUnit::Yi), ("元", AmountUnit::Yuan)] {
        if trimmed.starts_with(w) {
            return Some((Unit::Money(u), at + w.len()));
        }
    }
    None
}

/// An amount of money written at byte `i`: the money, and the end of its unit.
pub fn money_at(s: &str, i: usize) -> Option<(Money, usize)> {
    let (end, _) = number_at(s, i)?;
    let (Unit::Money(unit), after) = unit_at(s, end)? else { return None };
    let m = Money::parse(s.get(i..end)?, unit).ok()?;
    Some((m, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        for yes in [
            "一、 主要职能",
            "（一）项目名称",
            "(二) 政府采购情况",
            "1、社会保障",
            "2．考务费",
            "3.办公",
            "第三部分 说明",
        ] {
            assert!(starts_with_marker(yes), "{yes}");
        }
        for no in ["2024年预算", "1,050.52万元", "0.00%", "一般公共预算", "第 9 页", "（新人社发〔2018〕51号）"]
        {
            assert!(!starts_with_marker(no), "{no}");
        }
    }

    #[test]
    fn numbers_and_units() {
        let s = "增加 -1,050.52 万元，增长8.30%，共 3.";
        let i = s.find('-').unwrap();
        let (end, neg) = number_at(s, i).unwrap();
        assert!(neg);
        assert_eq!(&s[i..end], "-1,050.52");
        let (m, _) = money_at(s, i).unwrap();
        assert_eq!(m.unit, AmountUnit::Wan);
        let j = s.find("8.30").unwrap();
        assert_eq!(unit_at(s, number_at(s, j).unwrap().0).map(|u| u.0), Some(Unit::Percent));
        // A full stop after a number is not its fraction.
        let k = s.rfind('3').unwrap();
        assert_eq!(number_at(s, k), Some((k + 1, false)));
    }

    #[test]
    fn paragraphs_join_wrapped_lines_and_keep_positions() {
        let mut d = Disclosure::new(yusuan_model::table::DocumentKind::Budget);
        d.source_lines = ["一般公共预算 715.52万元，比上年增加 54.84万元，增", "", "长 8.30%。", "25", "1、下一项"]
            .map(String::from)
            .to_vec();
        let p = paragraphs(&d);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "一般公共预算 715.52万元，比上年增加 54.84万元，增长 8.30%。");
        let at = p[0].text.find("8.30").unwrap();
        assert_eq!(p[0].span(at, at + 4), Span::on_line(3, 3, 7));
        let z = p[0].text.find("增长").unwrap();
        assert_eq!(p[0].span(z, z + "增长".len()), Span { line: 1, col: 31, end_line: 3, end_col: 2 });
    }

    #[test]
    fn page_furniture_does_not_cut_a_sentence() {
        let mut d = Disclosure::new(yusuan_model::table::DocumentKind::Budget);
        d.source_lines = [
            "一般公共预算 715.52万元，比上年",
            "— 12 —",
            "某某局2024年部门预算",
            "第 3 页 共 9 页",
            "增加 54.84万元。",
        ]
        .map(String::from)
        .to_vec();
        // The reader found line 3 to be a running header.
        d.page_furniture = vec![3];
        let p = paragraphs(&d);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text, "一般公共预算 715.52万元，比上年增加 54.84万元。");
        let at = p[0].text.find("54.84").unwrap();
        assert_eq!(p[0].span(at, at + 5), Span::on_line(5, 4, 9));
    }
}
