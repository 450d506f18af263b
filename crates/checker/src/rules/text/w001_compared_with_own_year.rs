use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::table::DocumentKind;

crate::rule! {
    /// Flags a year-on-year comparison made against the document's own year (or a later one)
    /// where the prior year is meant: a 2025 budget that says `比2025年预算增加…`.
    ///
    /// A budget compares with last year's budget; a comparison with its own year is a template
    /// carried over from last year with one year updated and the other not, and the change it
    /// states is then against nothing. (Final accounts compare with their own year's budget, so
    /// for them only a later year is flagged.)
    ///
    /// Example: in a 2025 budget, `基本支出 448.52万元，比2025年预算增加 116.84万元`.
    COMPARED_WITH_OWN_YEAR: code "W001", name "compared-with-own-year", family Text, severity Error, check check
}

/// Words that open a comparison with the year written after them.
const OPENERS: [&str; 6] = ["相比", "同比", "对比", "比", "较", "与"];

fn check(cx: &Context, sink: &mut Sink) {
    let Some(year) = doc_year(cx) else { return };
    let allowed_max = match cx.doc.document {
        DocumentKind::Budget => year.saturating_sub(1),
        DocumentKind::FinalAccounts => year,
    };
    for para in cx.paragraphs() {
        let t = &para.text;
        // `相比` also contains `比`: one comparison is reported once.
        let mut last_end = 0;
        for (i, _) in t.char_indices() {
            if i < last_end {
                continue;
            }
            let Some(opener) = OPENERS.iter().find(|o| t[i..].starts_with(**o)) else { continue };
            let after = i + opener.len();
            let rest = t[after..].trim_start_matches([' ', '\u{3000}']);
            let at = t.len() - rest.len();
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 || !rest[4..].starts_with('年') {
                continue;
            }
            let Ok(written) = digits.parse::<u16>() else { continue };
            // `与2025年相比` is caught by its 相比; a year far off is a date, not a comparison.
            if written <= allowed_max || written > year.saturating_add(1) {
                continue;
            }
            let end = at + 4 + '年'.len_utf8();
            // `与` compares only when `相比` / `比较` follows the year: `与2025年相比`.
            if *opener == "与" && !t[end..].trim_start().starts_with(['相', '比', '对']) {
                continue;
            }
            last_end = end;
            sink.report(
                para.span(i, end),
                Message::new(
                    format!(
                        "{year}年{}却与“{written}年”比较：与上年比较应为“{}年”（或“上年”）",
                        doc_word(cx),
                        allowed_max
                    ),
                    format!(
                        "the {year} {} compares with {written}, its own year or later: the prior year is {allowed_max}",
                        if cx.doc.document == DocumentKind::Budget { "budget" } else { "final accounts" }
                    ),
                ),
            );
        }
    }
}

fn doc_word(cx: &Context) -> &'static str {
    match cx.doc.document {
        DocumentKind::Budget => "部门预算",
        DocumentKind::FinalAccounts => "部门决算",
    }
}

/// The year the document is of: as read from its Part 1 heading, else the year its narrative
/// headings name with 预算 / 决算 (`三、关于某某局2025年支出预算情况说明`), which a pasted Part 3
/// still carries.
pub(super) fn doc_year(cx: &Context) -> Option<u16> {
    if let Some(y) = &cx.doc.year {
        return Some(y.value);
    }
    cx.doc.narrative.sections.iter().filter(|s| s.title.contains("预算") || s.title.contains("决算")).find_map(|s| {
        let t = &s.title;
        let nian = t.find('年')?;
        let digits: String = t[..nian].chars().rev().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() != 4 {
            return None;
        }
        digits.chars().rev().collect::<String>().parse().ok()
    })
}
