//! Cuts a document into its parts: 部门概况, the tables, 情况说明, the performance-target tables,
//! 名词解释. Part headings are used when present but not required, so a fragment (one table, one
//! paragraph) is cut the same way.

use super::source::Line;
use super::tables::block::label_matches;
use yusuan_model::registry::{best_variant, fold_title, schema_variants_by_title};
use yusuan_model::table::TableSchema;

/// Which part a run of lines belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    Overview,
    Tables,
    Narrative,
    Glossary,
}

/// A table found in the document: its schema, its lines (title line first) and the `表 N`
/// number printed above the title, if any.
#[derive(Clone, Debug)]
pub struct TableBlock {
    pub schema: &'static TableSchema,
    pub number: Option<u32>,
    pub title_line: usize,
    /// Line indices `[start, end)` into the document's lines, from the title line.
    pub range: (usize, usize),
}

/// Where everything is, as line-index ranges into the document's lines.
#[derive(Clone, Debug, Default)]
pub struct Segments {
    /// Part headings found: kind, line index.
    pub parts: Vec<(PartKind, usize)>,
    pub overview: Option<(usize, usize)>,
    pub tables: Vec<TableBlock>,
    pub performance: Vec<(usize, usize)>,
    /// Lines of the narrative: Part 3, or everything no other part claims.
    pub narrative: Vec<usize>,
    pub glossary: Option<(usize, usize)>,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// `第一部分 …` and what the part is, from its title words.
fn part_heading(text: &str) -> Option<PartKind> {
    let t = text.trim();
    let rest = t.strip_prefix('第')?;
    let n = rest.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    let rest: String = rest.chars().skip(n).collect();
    if n == 0 || !rest.starts_with("部分") {
        return None;
    }
    let title = &rest["部分".len()..];
    Some(if title.contains("名词解释") {
        PartKind::Glossary
    } else if title.contains("表") {
        PartKind::Tables
    } else if title.contains("说明") {
        PartKind::Narrative
    } else {
        PartKind::Overview
    })
}

/// Part titles printed alone on a line without `第N部分` (Shanghai's package: `XX主要职能`,
/// `名词解释`, `2024年单位预算编制说明`, `其他相关情况说明`): the words such a title ends with.
const PART_TITLES: [(&str, PartKind); 10] = [
    ("主要职能", PartKind::Overview),
    ("机构设置", PartKind::Overview),
    ("名词解释", PartKind::Glossary),
    ("预算编制说明", PartKind::Narrative),
    ("决算编制说明", PartKind::Narrative),
    ("预算情况说明", PartKind::Narrative),
    ("决算情况说明", PartKind::Narrative),
    ("其他相关情况说明", PartKind::Narrative),
    ("其他相关说明", PartKind::Narrative),
    ("项目经费情况说明", PartKind::Narrative),
];

/// Whether a line starts with numbering (`一、`, `（一）`, `1.`, `2．`, `3、`): a contents entry or
/// a narrative heading, never a part title standing alone.
fn numbered(text: &str) -> bool {
    let t = text.trim_start();
    let cn = t.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    narrative_heading(t)
        || (cn > 0 && t.chars().nth(cn) == Some('、'))
        || (digits > 0 && t.chars().nth(digits).is_some_and(|c| matches!(c, '.' | '．' | '、')))
}

/// A part title alone on a line: short, no sentence punctuation, not numbered, ending with one
/// of [`PART_TITLES`] (after the department's name or the year, which may come first).
pub(crate) fn part_title(text: &str) -> Option<PartKind> {
    let f = fold_title(text);
    if f.chars().count() > 40 || f.contains(['，', '。', '：', ':', '；', '…']) || numbered(text) {
        return None;
    }
    PART_TITLES.iter().find(|(w, _)| f.ends_with(w)).map(|(_, k)| *k)
}

/// A contents page: `目录`, then its entries (numbered, or led by dots to a page number), none
/// holding an amount. The line indices of the heading and its entries.
fn contents_page(lines: &[Line], i: usize) -> Vec<usize> {
    if fold_title(&lines[i].text) != "目录" {
        return Vec::new();
    }
    let mut out = vec![i];
    for (j, line) in lines.iter().enumerate().skip(i + 1) {
        let t = line.text.trim();
        if t.is_empty() {
            continue;
        }
        let leaders = t.contains("……") || t.contains("...") || t.contains("···") || t.contains(". . .");
        // After its leaders an entry may end in its page number, which is no amount.
        let body = if leaders {
            t.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '\u{2060}' || c == '\u{fffd}')
        } else {
            t
        };
        let amount = body.split_whitespace().any(crate::text::tables::tokens::is_amount);
        // Leaders run as long as the page is wide: the entry's length is its words'.
        let words = t.chars().filter(|c| !matches!(c, '.' | '…' | '·' | ' ' | '\u{2060}' | '\u{fffd}')).count();
        // An entry led to its page by leaders is one whatever numbers it names (`2024 年`); a
        // numbered line holding an amount is a table's row.
        if !(leaders || numbered(t) && !amount) || words > 80 {
            break;
        }
        out.push(j);
    }
    out
}

/// The part heading on line `i`, its title read on into the next line when the layout wrapped
/// it there (`第三部分 …2024年度部门决算情况` / `说明`).
fn part_heading_at(lines: &[Line], i: usize) -> Option<PartKind> {
    let text = lines.get(i)?.text.trim();
    let kind = part_heading(text)?;
    if kind != PartKind::Overview {
        return Some(kind);
    }
    let next = lines.iter().skip(i + 1).find(|l| !l.is_blank()).map(|l| l.text.trim());
    match next.filter(|n| n.chars().count() <= 6 && part_heading(n).is_none()) {
        Some(n) => part_heading(&format!("{text}{n}")),
        None => Some(kind),
    }
}

/// Whether a document presents itself as final accounts (决算): its title lines or part
/// headings say 部门决算.
pub fn is_final_accounts(lines: &[Line], seg: &Segments) -> bool {
    let title = lines.iter().filter(|l| !l.is_blank()).take(4).any(|l| l.text.contains("决算"));
    let parts = seg.parts.iter().any(|&(_, i)| lines.get(i).is_some_and(|l| l.text.contains("决算")));
    title || parts
}

/// A performance-target table's title line (部门整体绩效目标表, 项目支出绩效目标表, …).
pub fn is_performance_title(text: &str) -> bool {
    if !text.contains("绩效目标表") {
        return false;
    }
    let f = fold_title(text);
    f.ends_with("绩效目标表") && f.chars().count() <= 24
}

/// A disclosure table's title: a short line that ends with a declared title or alias. Where
/// templates print different tables under one title, the header lines after it decide.
fn table_title(lines: &[Line], i: usize) -> Option<&'static TableSchema> {
    let f = fold_title(&lines[i].text);
    if f.chars().count() > 40 || f.ends_with('。') {
        return None;
    }
    let variants = schema_variants_by_title(&f);
    if variants.len() < 2 {
        return variants.first().copied();
    }
    let header: String = lines.iter().skip(i + 1).take(8).map(|l| l.text.as_str()).collect();
    best_variant(&variants, &header)
}

/// A title in a table of contents (`一、收入支出决算总表`, or a bare title in a list of them):
/// the next line with text is another title, or, for a numbered entry, a part heading. A table's
/// own title is followed by its unit, department or header, never by another table's title, and
/// follows no other title.
fn contents_entry(lines: &[Line], i: usize) -> bool {
    let t = lines[i].text.trim();
    let n = t.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
    let numbered = n > 0 && t.chars().nth(n) == Some('、');
    // The last entry of a bare list: the entry before it is a title too.
    let after_title = (0..i).rev().find(|&j| !lines[j].is_blank()).is_some_and(|j| table_title(lines, j).is_some());
    let Some(next) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else { return numbered };
    let text = lines[next].text.trim();
    // A real table's title is followed by its department or unit line, or its header.
    let opens_table = ["单位", "编制部门", "项目", "科目"].iter().any(|w| text.contains(w));
    table_title(lines, next).is_some()
        || numbered && part_heading(text).is_some()
        || after_title && (part_heading(text).is_some() || !opens_table)
}

/// A performance table's title in a list of titles (a contents sheet: `绩效1 部门整体绩效目标表`
/// then `绩效2 项目支出绩效目标表`): the next line is another title, or the one before was and the
/// next does not open a table (its year, 预算单位, 项目名称).
fn performance_contents_entry(lines: &[Line], i: usize) -> bool {
    let is_title = |j: usize| is_performance_title(lines[j].text.trim()) || table_title(lines, j).is_some();
    let next = (i + 1..lines.len()).find(|&j| !lines[j].is_blank());
    if next.is_some_and(is_title) {
        return true;
    }
    let after_title = (0..i).rev().find(|&j| !lines[j].is_blank()).is_some_and(is_title);
    let opens = next.is_some_and(|j| {
        let t = lines[j].text.as_str();
        ["年）", "年)", "预算单位", "单位名称", "部门名称", "项目名称", "单位："].iter().any(|w| t.contains(w))
    });
    after_title && !opens
}

/// `表 1`, `表1`, `表 10` alone on a line.
fn table_number(text: &str) -> Option<u32> {
    let f = fold_title(text);
    let n = f.strip_prefix('表')?;
    let n = n.trim_end_matches(['：', ':']);
    if n.is_empty() || n.len() > 3 {
        return None;
    }
    n.parse().ok()
}

/// `表1` at the start of a title line that goes on with more than the title (`表1 2024年…`):
/// the digits up to the first non-digit, at most three (a number run into a year is no number).
fn leading_number(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('表')?.trim_start();
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    rest[..digits].parse().ok()
}

/// What a title line holds before the title or alias it ends with (`表1 收支预算总表` → `表1`).
fn number_before_title(text: &str, schema: &TableSchema) -> Option<String> {
    let f = fold_title(text);
    std::iter::once(schema.title)
        .chain(schema.aliases.iter().copied())
        .filter_map(|t| f.strip_suffix(fold_title(t).as_str()))
        .min_by_key(|rest| rest.len())
        .map(str::to_string)
}

/// A heading of the narrative that ends a performance block: `（五）…`, `(五) …`, `十三、…`.
fn narrative_heading(text: &str) -> bool {
    let t = text.trim();
    let bracketed = t.strip_prefix(['（', '(']).is_some_and(|r| {
        let n = r.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
        n > 0 && r.chars().nth(n).is_some_and(|c| c == '）' || c == ')')
    });
    let numbered = {
        let n = t.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
        n > 0 && t.chars().nth(n) == Some('、')
    };
    bracketed || numbered
}

/// A narrative heading that no row of `schema` can be: `三、 关于…` after the last table when
/// the `第三部分` line is missing, but not `一、本年收入 945.52` or a declared label alone.
fn prose_heading(text: &str, schema: &TableSchema) -> bool {
    let figure = text.split_whitespace().any(crate::text::tables::tokens::is_amount);
    let label = |t: &str| schema.panels.iter().flat_map(|p| p.fixed_rows).any(|r| label_matches(r, t));
    // Two-sided tables print a left label and a right one on a line (`二、政府性基金预算财政拨款
    // 收入   二、外交支出`), or a numbered class alone on the right.
    let first = text.split_whitespace().next().unwrap_or("");
    let wrapped = schema.panels.iter().any(|p| crate::text::tables::block::label_prefix(p, 0, first));
    let row_start = label(first) || wrapped || crate::text::tables::two_sided::is_class_start(first);
    narrative_heading(text) && !figure && !label(text) && !row_start
}

/// Finds the parts of a document.
pub fn segment(lines: &[Line]) -> Segments {
    let mut seg = Segments::default();
    // Every boundary: part headings, table titles, performance titles.
    enum Mark {
        /// A part, and whether its heading is a numbered `第N部分` (inside which a numbered line
        /// ends a table) or a bare title (Shanghai: tables follow the 编制说明 without one).
        Part(PartKind, bool),
        Table(&'static TableSchema, Option<u32>),
        Performance,
    }
    let mut marks: Vec<(usize, Mark)> = Vec::new();
    // Entries of a table of contents: neither tables nor narrative.
    let mut contents: Vec<usize> = Vec::new();
    let mut in_contents: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        if in_contents.binary_search(&i).is_ok() {
            contents.push(i);
            continue;
        }
        let page = contents_page(lines, i);
        if !page.is_empty() {
            contents.push(i);
            in_contents = page;
            continue;
        }
        let part = part_heading_at(lines, i).map(|k| (k, true)).or_else(|| part_title(text).map(|k| (k, false)));
        if let Some((kind, formal)) = part {
            seg.parts.push((kind, i));
            marks.push((i, Mark::Part(kind, formal)));
        } else if is_performance_title(text) {
            if performance_contents_entry(lines, i) {
                contents.push(i);
            } else {
                marks.push((i, Mark::Performance));
            }
        } else if table_title(lines, i).is_some() && contents_entry(lines, i) {
            contents.push(i);
        } else if let Some(schema) = table_title(lines, i) {
            // The number is on the line before (skipping blanks), or on the same line.
            let same =
                number_before_title(text, schema).and_then(|n| table_number(&n)).or_else(|| leading_number(text));
            let before = lines[..i].iter().rev().find(|l| !l.is_blank()).and_then(|l| table_number(&l.text));
            let number = same.or(before);
            // A title printed again on the next page (with the same number or none) continues
            // the table it repeats.
            if let Some((_, Mark::Table(last, last_number))) = marks.last() {
                if last.kind == schema.kind && (number.is_none() || number == *last_number) {
                    continue;
                }
            }
            marks.push((i, Mark::Table(schema, number)));
        }
    }
    let end_of = |k: usize| marks.get(k + 1).map(|(i, _)| *i).unwrap_or(lines.len());
    let mut claimed = vec![false; lines.len()];
    let mut current_part: Option<PartKind> = None;
    for (k, (start, mark)) in marks.iter().enumerate() {
        let mut end = end_of(k);
        match mark {
            Mark::Part(kind, formal) => {
                current_part = Some(*kind).filter(|_| *formal);
                match kind {
                    // Shanghai prints 主要职能 and 机构设置 as two parts, one after the other.
                    PartKind::Overview => {
                        seg.overview = match seg.overview {
                            Some((a, b)) if b == *start => Some((a, end)),
                            _ => Some((*start, end)),
                        }
                    }
                    PartKind::Glossary => seg.glossary = Some((*start, end)),
                    _ => {}
                }
                if matches!(kind, PartKind::Overview | PartKind::Glossary | PartKind::Tables) {
                    // A `表 N` line belongs to the next table, not to this part.
                    claimed[*start..end].iter_mut().for_each(|c| *c = true);
                }
            }
            Mark::Table(schema, number) => {
                // A table ends where the narrative resumes, if a part heading does not end it.
                // Outside Part 3 (its heading lost, or never printed) a numbered line ends it only
                // when it cannot be a row: no figure, and no declared row's label.
                let ends_table = |j: usize| match current_part {
                    Some(PartKind::Narrative) => narrative_heading(&lines[j].text),
                    _ => prose_heading(&lines[j].text, schema),
                };
                if let Some(h) = (start + 1..end).find(|&j| ends_table(j)) {
                    end = h;
                }
                seg.tables.push(TableBlock { schema, number: *number, title_line: *start, range: (*start, end) });
                claimed[*start..end].iter_mut().for_each(|c| *c = true);
            }
            Mark::Performance => {
                if let Some(h) = (start + 1..end).find(|&j| narrative_heading(&lines[j].text)) {
                    end = h;
                }
                seg.performance.push((*start, end));
                claimed[*start..end].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    // `表 N` lines just before a title belong to that table, not to the block before it.
    let number_lines: Vec<usize> = marks
        .iter()
        .filter_map(|(start, _)| (0..*start).rev().find(|&j| !lines[j].is_blank()))
        .filter(|&j| table_number(&lines[j].text).is_some())
        .collect();
    for &j in &number_lines {
        claimed[j] = true;
    }
    for t in &mut seg.tables {
        let (start, mut end) = t.range;
        while end > start + 1 && (lines[end - 1].is_blank() || number_lines.contains(&(end - 1))) {
            end -= 1;
        }
        t.range = (start, end);
    }
    for i in contents {
        claimed[i] = true;
    }
    seg.narrative = (0..lines.len()).filter(|&i| !claimed[i]).collect();
    seg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::split_lines;

    #[test]
    fn headings() {
        assert_eq!(part_heading(" 第二部分 2024年部门预算公开表"), Some(PartKind::Tables));
        assert_eq!(part_heading("第四部分 名词解释"), Some(PartKind::Glossary));
        assert_eq!(part_heading("第三部分 2024年部门预算情况说明"), Some(PartKind::Narrative));
        assert_eq!(part_heading("第一部分 2024年某单位部门概"), Some(PartKind::Overview));
        assert_eq!(table_number(" 表 10"), Some(10));
        let lines = split_lines("第三部分 某局2024年度部门决算情况\n\n   说明\n一、收入支出决算总体情况说明\n");
        assert_eq!(part_heading_at(&lines, 0), Some(PartKind::Narrative));
        assert!(narrative_heading("(五) 其他需说明的事项"));
        assert!(narrative_heading("十一、 关于"));
        assert!(!narrative_heading("1、社会保障和就业支出"));
    }

    #[test]
    fn a_fragment_without_parts_is_narrative() {
        let lines = split_lines("2024年“三公”经费预算数为 4.29万元。\n");
        let seg = segment(&lines);
        assert_eq!(seg.narrative, vec![0, 1]);
        assert!(seg.tables.is_empty());
    }
}
