//! Page furniture: the page numbers and running headers and footers a printed page carries,
//! which extracted text leaves between the lines of a paragraph, a table or a performance table.

use std::collections::HashMap;

/// The line's characters without any whitespace (U+3000 included).
fn packed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Digits `1`–`9999` (ASCII or full-width), as a number.
fn small_number(s: &str) -> Option<u32> {
    let n = s.chars().count();
    if n == 0 || n > 4 {
        return None;
    }
    s.chars().try_fold(0u32, |acc, c| {
        let d = c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32))?;
        Some(acc * 10 + d)
    })
}

const DASHES: [char; 7] = ['-', '—', '－', '–', '―', '─', '·'];

/// A line that is a page number by its shape alone, wherever it stands: `— 12 —`, `- 12 -`,
/// `—12—`, `第12页`, `第 12 页 共 33 页`, `第12页/共33页`, `12/33`, `Page 12 of 33`. No figure of
/// a disclosure is written so.
pub fn is_page_number_shape(text: &str) -> bool {
    let t = packed(text);
    // Dashes on both sides: a lone `-12` is a negative figure.
    let core = t.trim_start_matches(DASHES);
    if core.len() < t.len() {
        let inner = core.trim_end_matches(DASHES);
        return inner.len() < core.len() && small_number(inner).is_some();
    }
    // 第N页, and the page count after it: 共M页, with or without a separator.
    if let Some(rest) = t.strip_prefix('第') {
        let Some((n, after)) = rest.split_once('页') else { return false };
        if small_number(n).is_none() {
            return false;
        }
        let after = after.trim_start_matches(['/', '，', ',', '、', '|']);
        return after.is_empty()
            || after.strip_prefix('共').and_then(|m| m.strip_suffix('页')).and_then(small_number).is_some();
    }
    // N/M: a page of a count, never a later page than the count.
    if let Some((n, m)) = t.split_once(['/', '／']) {
        return matches!((small_number(n), small_number(m)), (Some(n), Some(m)) if 0 < n && n <= m && m < 1000);
    }
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let (n, of) = rest.split_once("of").unwrap_or((rest, "1"));
        return small_number(n).is_some() && small_number(of).is_some();
    }
    false
}

/// A number alone on its line (`25`), as extractors leave page numbers; it may also be a
/// figure of a table written one cell per line.
pub fn bare_number(text: &str) -> Option<u32> {
    small_number(&packed(text))
}

/// A page number alone on its line: of a page number's shape, or a bare number of at most four
/// digits (which a reader of a one-cell-per-line table must weigh: see [`page_furniture`] for
/// where a bare number is certainly a page number).
pub fn is_page_number(text: &str) -> bool {
    bare_number(text).is_some() || is_page_number_shape(text)
}

/// Which lines are page furniture, certainly: page numbers of a page number's shape wherever
/// they stand; a bare number at a page's edge (its first or last line) when the page breaks are
/// known (`page_starts`: the index of each line that opens a page, from form feeds or the PDF's
/// pages) and the numbers at the pages' edges run with the pages (two or more of them a page
/// apart, so a figure that happens to end a page is not taken); and a running header or footer:
/// the same line at the same edge of at least three pages and of half the pages or more, and
/// nowhere else but once (a shaped page number also ends a page when the breaks are not
/// marked).
pub fn page_furniture(lines: &[&str], page_starts: &[usize]) -> Vec<bool> {
    let mut furniture: Vec<bool> = lines.iter().map(|l| is_page_number_shape(l)).collect();
    let blank = |i: usize| lines.get(i).is_none_or(|l| l.trim().is_empty());

    // Pages: between the known breaks, and after each shaped page number.
    let mut breaks: Vec<usize> = page_starts.iter().copied().filter(|&s| s > 0 && s < lines.len()).collect();
    breaks.extend((0..lines.len()).filter(|&i| furniture[i]).map(|i| i + 1).filter(|&s| s < lines.len()));
    breaks.sort_unstable();
    breaks.dedup();
    let bounds: Vec<usize> = std::iter::once(0).chain(breaks).chain(std::iter::once(lines.len())).collect();
    let pages: Vec<(usize, usize)> = bounds.windows(2).map(|w| (w[0], w[1])).collect();

    // The first and last line of a page that `skip` does not pass over.
    let edges = |(a, b): (usize, usize), skip: &dyn Fn(usize) -> bool| -> (Option<usize>, Option<usize>) {
        let top = (a..b).find(|&i| !skip(i));
        let bottom = (a..b).rev().find(|&i| !skip(i));
        (top, bottom)
    };

    // Running headers and footers.
    let snapshot = furniture.clone();
    let skip = |i: usize| blank(i) || snapshot[i] || bare_number(lines[i]).is_some();
    let mut at_edge: HashMap<(bool, String), Vec<usize>> = HashMap::new();
    let mut filled = 0usize;
    for &page in &pages {
        let (top, bottom) = edges(page, &skip);
        if top.is_some() {
            filled += 1;
        }
        for (is_top, i) in [(true, top), (false, bottom.filter(|&b| Some(b) != top))] {
            if let Some(i) = i {
                at_edge.entry((is_top, packed(lines[i]))).or_default().push(i);
            }
        }
    }
    let first_page_end = pages.first().map_or(0, |p| p.1);
    for ((_, key), at) in &at_edge {
        // A running header stands only at the pages' edges (once more at most, as the
        // document's or a table's title): a cell's text that happens to open many pages
        // (`工作资料`) also stands inside them.
        if at.len() < 3 || at.len() * 2 < filled {
            continue;
        }
        let all: Vec<usize> = (0..lines.len()).filter(|&i| packed(lines[i]) == *key).collect();
        if all.len() <= at.len() + 1 {
            // Its first time is kept where it is more than furniture: on the first page (the
            // document's title), inside a page, or as a table's title, which the table needs.
            let first = all.first().copied();
            let keep = first.filter(|&i| i < first_page_end || !at.contains(&i) || key.ends_with('表'));
            for &i in at.iter().filter(|&&i| Some(i) != keep) {
                furniture[i] = true;
            }
        }
    }

    // Bare numbers at the edges of known pages that run with the pages.
    if !page_starts.is_empty() {
        let known: Vec<usize> = std::iter::once(0).chain(page_starts.iter().copied()).collect();
        let mut by_offset: HashMap<i64, Vec<usize>> = HashMap::new();
        for (p, w) in known.iter().zip(known.iter().skip(1).chain(std::iter::once(&lines.len()))).enumerate() {
            let range = (*w.0, (*w.1).max(*w.0));
            // A page that already shows a shaped page number has no other.
            if (range.0..range.1).any(|i| snapshot[i]) {
                continue;
            }
            let (top, bottom) = edges(range, &|i| blank(i) || furniture[i]);
            for i in [top, bottom].into_iter().flatten() {
                if let Some(n) = bare_number(lines[i]) {
                    by_offset.entry(n as i64 - p as i64).or_default().push(i);
                }
            }
        }
        for at in by_offset.values().filter(|at| at.len() >= 2) {
            for &i in at {
                furniture[i] = true;
            }
        }
    }
    furniture
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_page_numbers() {
        for yes in [
            "— 12 —",
            "- 12 -",
            "—12—",
            "－12－",
            "  -  3  -  ",
            "第12页",
            "第 12 页",
            "第 12 页 共 33 页",
            "第12页/共33页",
            "12/33",
            "１２／３３",
            "Page 12",
            "Page 12 of 33",
        ] {
            assert!(is_page_number_shape(yes), "{yes}");
            assert!(is_page_number(yes), "{yes}");
        }
        for no in ["12", "-12", "12-", "1,050.52", "-1.50", "表 1", "2024/12", "0/3", "第一部分", "第12页内容", "12.00"]
        {
            assert!(!is_page_number_shape(no), "{no}");
        }
        assert!(is_page_number(" 25 "));
        assert!(!is_page_number("1,050.52"));
        assert!(!is_page_number("12345"));
    }

    #[test]
    fn shaped_numbers_go_wherever_they_stand() {
        let lines = ["表 3", "201 一般公共服务支出 100.00", "— 12 —", "201 01 人大事务 100.00"];
        assert_eq!(page_furniture(&lines, &[]), [false, false, true, false]);
    }

    #[test]
    fn bare_numbers_go_only_at_page_edges_running_with_the_pages() {
        // Three pages (form feeds before lines 3 and 6); the bare numbers at their feet run with
        // them, the `3` inside a page does not stand at an edge.
        let lines = ["甲", "1", "乙", "3", "2", "丙", "丁", "3"];
        assert_eq!(page_furniture(&lines, &[2, 5]), [false, true, false, false, true, false, false, true]);
        // A figure that happens to end one page, its count alone: not a page number.
        let lines = ["总计", "100.00", "车辆数", "7", "行政运行", "60.00"];
        assert_eq!(page_furniture(&lines, &[4]), [false; 6]);
        // Without known page breaks a bare number stays.
        assert_eq!(page_furniture(&["甲", "1", "乙", "2"], &[]), [false; 4]);
    }

    #[test]
    fn running_headers_go_but_a_title_stays_once() {
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        for (p, body) in ["一", "二", "三", "四"].into_iter().enumerate() {
            if p > 0 {
                starts.push(lines.len());
            }
            lines.extend(["某某局2024年部门预算", body, "  "]);
        }
        let f = page_furniture(&lines, &starts);
        let dropped: Vec<usize> = (0..lines.len()).filter(|&i| f[i]).collect();
        assert_eq!(dropped, [3, 6, 9]);
        // Without form feeds, a shaped page number ends each page.
        let lines = ["某某局", "甲", "- 1 -", "某某局", "乙", "- 2 -", "某某局", "丙", "- 3 -"];
        let f = page_furniture(&lines, &[]);
        assert_eq!(f, [false, false, true, true, false, true, true, false, true]);
        // A cover without it: every time it heads a page is furniture.
        let lines = ["封面", "- 1 -", "某某局", "甲", "- 2 -", "某某局", "乙", "- 3 -", "某某局", "丙"];
        let dropped: Vec<usize> = (0..lines.len()).filter(|&i| page_furniture(&lines, &[])[i]).collect();
        assert_eq!(dropped, [1, 2, 4, 5, 7, 8]);
        // A table's title printed again on each of its pages: the table keeps its first one.
        let lines = ["封面", "部门收支总表", "总计 1.00", "部门收支总表", "a 1.00", "部门收支总表", "b 1.00"];
        let starts = [1, 3, 5];
        let dropped: Vec<usize> = (0..lines.len()).filter(|&i| page_furniture(&lines, &starts)[i]).collect();
        assert_eq!(dropped, [3, 5]);
        // A cell's text that opens every page but stands inside them too is not a header.
        let lines = [
            "甲",
            "工作资料",
            "乙",
            "- 1 -",
            "工作资料",
            "丙",
            "工作资料",
            "丁",
            "- 2 -",
            "工作资料",
            "戊",
            "- 3 -",
            "工作资料",
            "己",
        ];
        assert!(page_furniture(&lines, &[]).iter().enumerate().all(|(i, &f)| f == lines[i].starts_with('-')));
    }
}
