//! Part 4 名词解释 into [`GlossaryEntry`]s, and the small scanning helpers the prose readers
//! (overview, projects, assets, glossary) share.

use super::source::{Joined, Line};
use yusuan_model::disclosure::GlossaryEntry;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::span::Spanned;

/// How an enumerator is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// `一、`: a section.
    CnComma,
    /// `（一）`, `(一)`: a subsection.
    CnParen,
    /// `1.`, `1、`, `1．`, `（1）`.
    Arabic,
}

/// The value of a Chinese numeral (一 … 九十九, 一百) at the start of `s`, and its byte length.
pub(crate) fn cn_numeral(s: &str) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut cur = 0u32;
    let mut len = 0;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' | '百' => {
                let m = if c == '十' { 10 } else { 100 };
                total += cur.max(1) * m;
                cur = 0;
                len += c.len_utf8();
                continue;
            }
            _ => break,
        };
        cur = d;
        len += c.len_utf8();
        if len > 12 {
            return None;
        }
    }
    let v = total + cur;
    (len > 0 && v > 0).then_some((v, len))
}

/// An enumerator at the start of `s` (`一、`, `（一）`, `(一)`, `1.`, `1、`, `（1）`): its number,
/// style and byte length including the whitespace after it. A `1.` followed by a digit is a
/// decimal, not an enumerator.
pub(crate) fn enumerator(s: &str) -> Option<(u32, Style, usize)> {
    let ws = |rest: &str| rest.len() - rest.trim_start().len();
    if let Some(inner) = s.strip_prefix(['（', '(']) {
        let (n, len, style) = match cn_numeral(inner) {
            Some((n, len)) => (n, len, Style::CnParen),
            None => {
                let len = inner.chars().take_while(|c| c.is_ascii_digit()).count();
                (inner.get(..len)?.parse().ok()?, len, Style::Arabic)
            }
        };
        let rest = inner.get(len..)?.strip_prefix(['）', ')'])?;
        return Some((n, style, s.len() - rest.len() + ws(rest)));
    }
    if let Some((n, len)) = cn_numeral(s) {
        let rest = s.get(len..)?.strip_prefix('、')?;
        return Some((n, Style::CnComma, s.len() - rest.len() + ws(rest)));
    }
    let len = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if len == 0 || len > 3 {
        return None;
    }
    let n: u32 = s.get(..len)?.parse().ok()?;
    let rest = s.get(len..)?.strip_prefix(['.', '、', '．'])?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((n, Style::Arabic, s.len() - rest.len() + ws(rest)))
}

/// A part heading: `第四部分 名词解释`.
pub(crate) fn is_part_heading(text: &str) -> bool {
    text.trim()
        .strip_prefix('第')
        .and_then(cn_numeral)
        .is_some_and(|(_, len)| text.trim().get('第'.len_utf8() + len..).is_some_and(|r| r.starts_with("部分")))
}

/// A section heading of a part: a short line opening with `一、` or `（一）` that is not a
/// sentence. Headings are short and do not end a sentence; a heading printed unwrapped
/// (`十、 关于…2024年财政拨款“三公”经费预算情况说明` on one line, as a typed document or a
/// wide page has it) is longer, but ends the way titles end and has no clause in it.
pub(crate) fn is_section_heading(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    let long_title = n <= 80 && !t.contains(['，', ',']) && (t.ends_with("说明") || t.ends_with("情况"));
    matches!(enumerator(t), Some((_, Style::CnComma | Style::CnParen, _)))
        && (n <= 40 || long_title)
        && !t.ends_with(['。', '；'])
}

/// Trims whitespace and the given punctuation from both ends of the byte range `[a, b)` of
/// `text`.
pub(crate) fn trim_range(text: &str, a: usize, b: usize, punct: &str) -> (usize, usize) {
    let Some(s) = text.get(a..b) else {
        return (a, a);
    };
    let strip = |c: char| c.is_whitespace() || punct.contains(c);
    let start = a + (s.len() - s.trim_start_matches(strip).len());
    let end = start + s.trim_start_matches(strip).trim_end_matches(strip).len();
    (start, end)
}

/// The text of `[a, b)` of `j`, trimmed, with its span; `None` when nothing is left.
pub(crate) fn spanned_text(j: &Joined, a: usize, b: usize, punct: &str) -> Option<Spanned<String>> {
    let (a, b) = trim_range(&j.text, a, b, punct);
    let t = j.text.get(a..b)?;
    (!t.is_empty()).then(|| Spanned::new(t.to_string(), j.span(a, b)))
}

/// A signature date line (`2024年 2月 23日`).
fn is_date_line(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.ends_with('日')
        && t.contains('年')
        && t.contains('月')
        && t.chars().all(|c| c.is_ascii_digit() || "年月日".contains(c))
}

/// The signature that closes the document after Part 4: the signing department on one line and
/// the date on the next. Returns the index of its first line. Only a date line ending the text
/// counts, and the name line before it only when the glossary text before it ends a sentence.
fn signature_start(lines: &[Line]) -> Option<usize> {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank() && !lines[i].is_page_number()).collect();
    let &date = kept.last()?;
    if !is_date_line(&lines[date].text) {
        return None;
    }
    let n = kept.len();
    let name = n.checked_sub(2).and_then(|k| kept.get(k)).copied();
    let before = n.checked_sub(3).and_then(|k| kept.get(k)).copied();
    match (name, before) {
        (Some(name), Some(before))
            if !lines[name].text.trim().ends_with(['。', '；', '，'])
                && lines[before].text.trim().ends_with('。')
                && lines[name].text.trim().chars().count() <= 40 =>
        {
            Some(name)
        }
        (Some(name), None) if !lines[name].text.trim().ends_with('。') => Some(name),
        _ => Some(date),
    }
}

/// The signature closing Part 4, if any: the signing department (when printed) and the date, as
/// printed. `read` leaves these lines out of the last definition.
pub fn signature(lines: &[Line]) -> Option<(Option<Spanned<String>>, Spanned<String>)> {
    let start = signature_start(lines)?;
    let sig: Vec<&Line> = lines[start..].iter().filter(|l| !l.is_blank() && !l.is_page_number()).collect();
    let spanned = |l: &Line| {
        let (t, col) = l.trimmed();
        Spanned::new(t.to_string(), yusuan_model::Span::on_line(l.no, col, col + t.chars().count() as u32))
    };
    match sig.as_slice() {
        [name, date] => Some((Some(spanned(name)), spanned(date))),
        [date] => Some((None, spanned(date))),
        _ => None,
    }
}

/// Reads Part 4. `lines` run from the part's heading to the end of the part.
pub fn read(lines: &[Line]) -> (Vec<GlossaryEntry>, Vec<ReadNote>) {
    let mut notes = Vec::new();
    let end = signature_start(lines).unwrap_or(lines.len());
    let body = lines.get(..end).unwrap_or(&[]);
    // Without its heading: `第四部分 名词解释`, or the title alone as Shanghai prints it.
    let body: Vec<&Line> =
        body.iter().filter(|l| !is_part_heading(&l.text) && super::segment::part_title(&l.text).is_none()).collect();
    let j = Joined::from_lines(body.iter().copied());
    let text = &j.text;
    // An entry opens with `一、` (or `（一）`, `1.`) at the start of the text or after a sentence, and names its term
    // before a colon; the numbers run on (一, 二, 三 …), which keeps `、` inside a definition
    // from opening a false entry.
    let mut starts: Vec<(usize, usize, usize)> = Vec::new(); // (entry start, term start, colon)
    let mut expected = 1;
    for (i, _) in text.char_indices() {
        let after_sentence = text[..i].trim_end().is_empty() || text[..i].trim_end().ends_with(['。', '；']);
        if !after_sentence {
            continue;
        }
        let Some((n, style, len)) = enumerator(&text[i..]) else {
            continue;
        };
        if n != expected || !matches!(style, Style::CnComma | Style::Arabic | Style::CnParen) {
            continue;
        }
        let term_start = i + len;
        let Some(colon) = text[term_start..].find([':', '：']).map(|c| term_start + c) else {
            continue;
        };
        if text[term_start..colon].chars().count() > 20 {
            continue;
        }
        starts.push((i, term_start, colon));
        expected += 1;
    }
    if let Some(&(first, _, _)) = starts.first() {
        if let Some(lost) = spanned_text(&j, 0, first, "") {
            notes.push(unread(&lost));
        }
    } else if let Some(lost) = spanned_text(&j, 0, text.len(), "") {
        notes.push(unread(&lost));
    }
    let mut entries = Vec::new();
    for (k, &(_, term_start, colon)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|s| s.0).unwrap_or(text.len());
        let colon_len = text[colon..].chars().next().map_or(1, char::len_utf8);
        let term = spanned_text(&j, term_start, colon, "");
        let definition = spanned_text(&j, colon + colon_len, end, "");
        match (term, definition) {
            (Some(term), Some(definition)) => entries.push(GlossaryEntry { term, definition }),
            (Some(term), None) => notes.push(ReadNote::new(
                NoteKind::MissingField,
                Some(term.span),
                format!("名词“{}”没有解释", term.value),
                format!("the term “{}” has no definition", term.value),
            )),
            _ => {}
        }
    }
    (entries, notes)
}

fn unread(lost: &Spanned<String>) -> ReadNote {
    ReadNote::new(
        NoteKind::UnreadLine,
        Some(lost.span),
        format!("名词解释中无法识别的文字：{}", lost.value),
        format!("text in the glossary that is not a numbered term: {}", lost.value),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::split_lines;

    #[test]
    fn numerals_and_enumerators() {
        assert_eq!(cn_numeral("十二、"), Some((12, 6)));
        assert_eq!(cn_numeral("二十一"), Some((21, 9)));
        assert_eq!(cn_numeral("x"), None);
        assert_eq!(enumerator("（三） 项目").map(|e| (e.0, e.1)), Some((3, Style::CnParen)));
        assert_eq!(enumerator("(三)").map(|e| e.0), Some(3));
        assert_eq!(enumerator("十一、 关于").map(|e| (e.0, e.1, e.2)), Some((11, Style::CnComma, 10)));
        assert_eq!(enumerator("2.车辆").map(|e| e.0), Some(2));
        assert!(enumerator("24.66平方米").is_none());
        assert!(enumerator("2024年").is_none());
        assert!(is_part_heading(" 第四部分 名词解释"));
        assert!(is_section_heading("(三) 国有资产占用使用情况"));
        assert!(is_section_heading(
            "十、 关于昌吉回族自治州人力资源和社会保障服务中心 2024年财政拨款“三公”经费预算情况说明"
        ));
        assert!(!is_section_heading("（一）贯彻执行党和国家的方针政策。"));
    }

    #[test]
    fn signature_is_not_a_definition() {
        let lines = split_lines("第四部分 名词解释\n一、财政拨款:指拨款\n数。\n某某中心\n2024年 2月 23日\n");
        let (entries, notes) = read(&lines);
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].definition.value, "指拨款数。");
        assert!(notes.is_empty());
        let (name, date) = signature(&lines).unwrap();
        assert_eq!(name.unwrap().value, "某某中心");
        assert_eq!(date.value, "2024年 2月 23日");
    }
}
