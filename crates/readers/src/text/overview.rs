//! Part 1 部门概况 into [`Overview`]: the heading (year, department), 主要职能 (numbered duties)
//! and 机构设置及人员情况 (subordinate units, divisions, staffing).

use super::glossary::{enumerator, is_part_heading, is_section_heading, spanned_text, Style};
use super::source::{Joined, Line};
use yusuan_model::money::split_number;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::overview::{Duty, Organisation, Overview, StaffKind, StaffPart, Staffing};
use yusuan_model::span::Spanned;

/// Reads Part 1. `lines` run from the part's heading to the line before Part 2.
pub fn read(lines: &[Line]) -> (Overview, Vec<ReadNote>) {
    let mut ov = Overview::default();
    let mut notes = Vec::new();
    let kept: Vec<&Line> = lines.iter().filter(|l| !l.is_blank() && !l.is_page_number()).collect();
    let mut rest = &kept[..];
    if let Some(first) = kept.first().filter(|l| is_part_heading(&l.text)) {
        // The heading wraps too (`…部门概` / `况`): take the next short line when it completes it.
        let mut heading = vec![*first];
        if let Some(next) = kept.get(1) {
            let (t, _) = next.trimmed();
            let joined = format!("{}{}", first.text.trim(), t);
            if !first.text.trim().ends_with("概况") && t.chars().count() <= 4 && joined.ends_with("概况") {
                heading.push(*next);
            }
        }
        rest = kept.get(heading.len()..).unwrap_or(&[]);
        read_heading(&Joined::from_lines(heading), &mut ov);
    }
    // Sections by their `一、` headings, or by the part titles Shanghai prints alone
    // (`XX（部门）主要职能`, `XX机构设置`); text before the first one is read as organisation.
    let mut sections: Vec<(Option<&Line>, Vec<&Line>)> = vec![(None, Vec::new())];
    for l in rest {
        let numbered = is_section_heading(&l.text) && matches!(enumerator(l.text.trim()), Some((_, Style::CnComma, _)));
        let titled = super::segment::part_title(&l.text) == Some(super::segment::PartKind::Overview);
        if titled && ov.department.is_none() {
            ov.department = title_department(l);
        }
        // Within 主要职能, `一、…` lines are the duties, not sections.
        let in_duties = sections
            .last()
            .and_then(|s| s.0)
            .is_some_and(|h| super::segment::part_title(&h.text).is_some() && h.text.contains("职能"));
        if titled || numbered && !in_duties {
            sections.push((Some(*l), Vec::new()));
        } else if let Some(s) = sections.last_mut() {
            s.1.push(*l);
        }
    }
    for (heading, body) in sections {
        if body.is_empty() {
            continue;
        }
        let title = heading.map(|h| h.text.as_str()).unwrap_or("");
        let j = Joined::from_lines(body.iter().copied());
        if title.contains("职能") || title.contains("职责") || title.contains("任务") {
            ov.duties = read_duties(&j, &mut notes);
        } else {
            read_organisation(&j, &mut ov, &mut notes);
        }
    }
    (ov, notes)
}

/// `第一部分 2024年…部门概况`: the year and the department.
fn read_heading(j: &Joined, ov: &mut Overview) {
    let t = &j.text;
    let Some(nian) = t.find('年') else { return };
    let digits = t[..nian].chars().rev().take_while(|c| c.is_ascii_digit()).count();
    let y0 = nian - digits; // ASCII digits are one byte each
    if digits == 4 {
        if let Ok(y) = t[y0..nian].parse::<u16>() {
            ov.year = Some(Spanned::new(y, j.span(y0, nian)));
        }
    }
    let name_start = nian + '年'.len_utf8();
    let name_end = ["部门概况", "单位概况", "概况"].iter().find_map(|w| t.rfind(w)).unwrap_or(t.len());
    if name_end > name_start {
        ov.department = spanned_text(j, name_start, name_end, "");
    }
}

/// The department a part title names before what the part is (`上海市普陀区社会福利院主要职能`,
/// `…办事处（部门）机构设置`).
fn title_department(l: &Line) -> Option<Spanned<String>> {
    let j = Joined::from_lines([l]);
    let t = &j.text;
    let end = ["主要职能", "机构设置"].iter().find_map(|w| t.rfind(w))?;
    let name = t[..end].trim_end_matches("（部门）").trim_end_matches("（单位）").trim_end_matches("(部门)");
    // A title of the part alone names no one.
    (name.chars().count() >= 4).then(|| spanned_text(&j, 0, name.len(), "")).flatten()
}

/// Duties numbered `（一）` … (or `1.` …), in sequence; unnumbered text is one duty.
fn read_duties(j: &Joined, notes: &mut Vec<ReadNote>) -> Vec<Duty> {
    let t = &j.text;
    let mut starts: Vec<(u32, usize, usize)> = Vec::new();
    let mut expected = 1;
    for (i, _) in t.char_indices() {
        let Some((n, style, len)) = enumerator(&t[i..]) else {
            continue;
        };
        // `（二）` is distinctive anywhere; `2.` only opens a duty after a sentence.
        let after_sentence = t[..i].is_empty() || t[..i].ends_with(['。', '；', '：', ':']);
        let opens = match style {
            Style::CnParen => true,
            Style::Arabic | Style::CnComma => after_sentence,
        };
        if opens && n == expected {
            starts.push((n, i, i + len));
            expected += 1;
        }
    }
    if starts.is_empty() {
        return spanned_text(j, 0, t.len(), "").map(|text| Duty { number: None, text }).into_iter().collect();
    }
    if let Some(lost) = starts.first().and_then(|s| spanned_text(j, 0, s.1, "")) {
        notes.push(unread(&lost));
    }
    let mut duties = Vec::new();
    for (k, &(n, _, body)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(t.len(), |s| s.1);
        if let Some(text) = spanned_text(j, body, end, "") {
            duties.push(Duty { number: Some(n), text });
        }
    }
    duties
}

/// The first number within `window` characters after byte `from`, skipping only the words that
/// introduce it (`为`, `：`, spaces). Returns the ASCII number and its byte range.
fn number_after(t: &str, from: usize, window: usize) -> Option<(String, usize, usize)> {
    // Never past the sentence the caller reads: a number is within the next few characters.
    let rest = t.get(from..)?;
    let rest = rest.get(..rest.find('。').unwrap_or(rest.len()))?;
    let (off, _) = rest.char_indices().take(window).find(|(_, c)| c.is_ascii_digit() || ('０'..='９').contains(c))?;
    let skipped = &rest[..off];
    if !skipped.chars().all(|c| c.is_whitespace() || "为是：:共计有个".contains(c)) {
        return None;
    }
    let start = from + off;
    let (n, tail) = split_number(&t[start..]);
    Some((n, start, t.len() - tail.len()))
}

fn count_after(j: &Joined, from: usize, window: usize) -> Option<(Spanned<u32>, usize)> {
    let (n, a, b) = number_after(&j.text, from, window)?;
    Some((Spanned::new(n.parse().ok()?, j.span(a, b)), b))
}

/// A list after `分别是：` / `包括：` up to the end of its clause, split at `、`.
fn list_after(j: &Joined, from: usize, end: usize) -> Vec<Spanned<String>> {
    let t = &j.text;
    let Some(seg) = t.get(from..end) else {
        return Vec::new();
    };
    let Some((m, w)) = ["分别是", "分别为", "包括", "为"].iter().find_map(|w| seg.find(w).map(|m| (m, w.len())))
    else {
        return Vec::new();
    };
    let a = from + m + w;
    let stop = t[a..end].find(['。', '；', ';']).map_or(end, |s| a + s);
    let mut out = Vec::new();
    let mut p = a;
    for piece in t[a..stop].split('、') {
        if let Some(s) = spanned_text(j, p, p + piece.len(), "：:，, ") {
            out.push(s);
        }
        p += piece.len() + '、'.len_utf8();
    }
    out
}

/// 机构设置及人员情况, sentence by sentence.
fn read_organisation(j: &Joined, ov: &mut Overview, notes: &mut Vec<ReadNote>) {
    let t = &j.text;
    let mut a = 0;
    while a < t.len() {
        let b = t[a..].find('。').map_or(t.len(), |e| a + e + '。'.len_utf8());
        let org = read_units(j, a, b, &mut ov.organisation);
        let staff = read_staffing(j, a, b, &mut ov.staffing, notes);
        if !org && !staff {
            if let Some(lost) = spanned_text(j, a, b, "") {
                notes.push(unread(&lost));
            }
        }
        a = b;
    }
}

/// Subordinate units and internal divisions in the sentence `[a, b)`.
fn read_units(j: &Joined, a: usize, b: usize, org: &mut Organisation) -> bool {
    let t = &j.text;
    let s = &t[a..b];
    let mut found = false;
    if let Some(m) = s.find("无下属") {
        let end = s[m..].find(['，', '。', '；', ',']).map_or(s.len(), |e| m + e);
        org.no_subordinate_units = spanned_text(j, a + m, a + end, "");
        found = true;
    } else if let Some(m) = s.find("下属") {
        let kw = a + m + "下属".len();
        let word_end = s[m..].find(|c: char| c.is_ascii_digit() || "，。：:".contains(c)).map_or(b, |e| a + m + e);
        if let Some((n, after)) = count_after(j, word_end, 4) {
            org.subordinate_unit_count = Some(n);
            let clause_end = t[after..b].find(['；', '。']).map_or(b, |e| after + e);
            org.subordinate_units = list_after(j, after, clause_end);
            found = true;
        } else {
            let clause_end = t[kw..b].find(['；', '。']).map_or(b, |e| kw + e);
            org.subordinate_units = list_after(j, kw, clause_end);
            found |= !org.subordinate_units.is_empty();
        }
    }
    // `设5个内设机构，包括：院长室、办公室…`: the count before the word.
    if let Some(m) = s.find("个内设机构").filter(|_| org.division_count.is_none()) {
        let before = &s[..m];
        let digits = before.chars().rev().take_while(|c| c.is_ascii_digit()).count();
        if digits > 0 && before[..before.len() - digits].ends_with('设') {
            let d0 = a + m - digits;
            if let Some((n, _)) = count_after(j, d0, 1) {
                org.division_count = Some(n);
                org.division_word = Some("内设机构".into());
                let word_end = a + m + "个内设机构".len();
                org.divisions = list_after(j, word_end, b);
                return true;
            }
        }
    }
    // `具体包括：1. XX（本部）。2. …` or a numbered table of the units a 决算 covers.
    if let Some(m) = s.rfind("包括").filter(|_| s.contains("单位") || s.contains("部门")) {
        let units = numbered_items(j, a + m + "包括".len(), t.len());
        if units.len() >= 2 {
            // The department itself (`…（本部）`, `…（本级）`) heads such a list; it is not a unit
            // under it.
            let own =
                |u: &Spanned<String>| ["（本部）", "（本级）", "(本部)", "(本级)"].iter().any(|w| u.value.ends_with(w));
            org.subordinate_units = units.into_iter().filter(|u| !own(u)).collect();
            found = true;
        }
    }
    if let Some(m) = s.find("下设").or_else(|| s.find("内设")) {
        let kw = a + m + "下设".len();
        // `下设 5个处室` or `内设机构 5个`.
        let digit = t[kw..b].find(|c: char| c.is_ascii_digit()).map(|d| kw + d);
        if let Some((n, after)) = digit.and_then(|d| count_after(j, d, 1)) {
            org.division_count = Some(n);
            let after_ge = t[after..].strip_prefix('个').map_or(after, |r| t.len() - r.len());
            let word_end = t[after_ge..b].find(['，', '：', ':', '。', ',']).map_or(b, |e| after_ge + e);
            let before = t[kw..digit.unwrap_or(kw)].trim();
            let word = t[after_ge..word_end].trim();
            let word = if word.is_empty() { before } else { word };
            if !word.is_empty() {
                org.division_word = Some(word.to_string());
            }
            org.divisions = list_after(j, word_end, b);
            found = true;
        }
    }
    found
}

/// Items numbered 1, 2, 3 … in order from `from` (`1. 甲。2. 乙。` or a table's `1 甲 2 乙`), each to
/// its first space or punctuation; none unless the numbering starts at 1 within a few characters.
fn numbered_items(j: &Joined, from: usize, end: usize) -> Vec<Spanned<String>> {
    let t = &j.text;
    let Some(rest) = t.get(from..end) else { return Vec::new() };
    let mut starts: Vec<(usize, usize)> = Vec::new();
    let mut expected = 1u32;
    let mut prev_digit = false;
    for (i, c) in rest.char_indices() {
        let digit = c.is_ascii_digit();
        if digit && !prev_digit {
            let n: String = rest[i..].chars().take_while(char::is_ascii_digit).collect();
            if n.parse::<u32>().ok() == Some(expected) && (expected > 1 || rest[..i].chars().count() < 40) {
                let after = i + n.len();
                let body = after
                    + rest[after..]
                        .chars()
                        .take_while(|c| matches!(c, '.' | '．' | '、' | ' '))
                        .map(char::len_utf8)
                        .sum::<usize>();
                starts.push((from + i, from + body));
                expected += 1;
            }
        }
        prev_digit = digit || c == '.';
    }
    let mut out = Vec::new();
    for (k, &(_, body)) in starts.iter().enumerate() {
        let limit = starts.get(k + 1).map_or(end, |s| s.0);
        let stop = t[body..limit].find([' ', '，', '。', '；', ',']).map_or(limit, |e| body + e);
        if let Some(name) = spanned_text(j, body, stop, "") {
            out.push(name);
        }
    }
    out
}

/// 编制数, 实有人数 and the parts after `其中` in the sentence `[a, b)`.
fn read_staffing(j: &Joined, a: usize, b: usize, st: &mut Staffing, notes: &mut Vec<ReadNote>) -> bool {
    let t = &j.text;
    let s = &t[a..b];
    let mut found = false;
    for (word, slot) in [("编制数", &mut st.authorised), ("实有人数", &mut st.actual)] {
        if let Some(m) = s.find(word) {
            if let Some((n, _)) = count_after(j, a + m + word.len(), 6) {
                *slot = Some(n);
                found = true;
            }
        }
    }
    let Some(q) = s.find("其中") else {
        return found;
    };
    // `在职 24人，增加 6人；退休 5人，…`: a labelled count opens a part, a change follows it.
    let mut p = a + q + "其中".len();
    while p < b {
        let e = t[p..b].find(['，', '；', ',', ';', '。']).map_or(b, |x| p + x);
        let (c0, clause) = (p, &t[p..e]);
        p = e + t[e..b].chars().next().map_or(0, char::len_utf8);
        let Some(d) = clause.find(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        let label_text = clause[..d].trim().trim_start_matches(['：', ':']).trim();
        let Some((n, _)) = count_after(j, c0 + d, 1) else {
            continue;
        };
        let is_change = ["增加", "减少", "增", "减"].iter().any(|w| label_text.ends_with(w));
        if is_change {
            let sign = if label_text.ends_with("减少") || label_text.ends_with('减') { -1 } else { 1 };
            let whole = spanned_text(j, c0, e, "：:");
            if let (Some(part), Some(whole)) = (st.parts.last_mut(), whole) {
                part.change = Some(Spanned::new(sign * i64::from(n.value), whole.span));
                found = true;
                continue;
            }
        } else if !label_text.is_empty() {
            let l0 = c0 + clause.find(label_text).unwrap_or(0);
            let label = Spanned::new(label_text.to_string(), j.span(l0, l0 + label_text.len()));
            st.parts.push(StaffPart { kind: StaffKind::from_label(label_text), label, count: n, change: None });
            found = true;
            continue;
        }
        if let Some(lost) = spanned_text(j, c0, e, "") {
            notes.push(unread(&lost));
        }
    }
    found
}

fn unread(lost: &Spanned<String>) -> ReadNote {
    ReadNote::new(
        NoteKind::UnreadLine,
        Some(lost.span),
        format!("部门概况中无法识别的文字：{}", lost.value),
        format!("text in the overview that no field takes: {}", lost.value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::split_lines;

    #[test]
    fn heading_wrapped_over_two_lines() {
        let (o, notes) = read(&split_lines(" 第一部分  2024年某某中心部门概\n\n况\n一、 主要职能\n（一）做某事。\n"));
        assert!(notes.is_empty());
        assert_eq!(o.year.map(|y| y.value), Some(2024));
        assert_eq!(o.department.map(|d| d.value).as_deref(), Some("某某中心"));
        assert_eq!(o.duties.len(), 1);
    }

    #[test]
    fn unplaced_sentences_are_noted() {
        let (_, notes) = read(&split_lines("二、 机构设置\n本单位位于某地。编制数 5。\n"));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].kind, NoteKind::UnreadLine);
        assert!(notes[0].zh.contains("本单位位于某地"));
    }
}
