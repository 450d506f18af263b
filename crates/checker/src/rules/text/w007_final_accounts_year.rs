use super::w001_compared_with_own_year::doc_year;
use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::span::Span;
use yusuan_model::table::DocumentKind;

crate::rule! {
    /// Flags, in final accounts (部门决算) of one year, a line that names the accounts of another
    /// year (`2023年度部门决算情况说明` in the 2024 accounts) or dates the state assets to the end
    /// of another year (`截至2023年12月31日`).
    ///
    /// Final accounts are written from last year's file; a year left from it makes a heading or
    /// a stock figure speak of the wrong year. (A budget dates its assets before its year begins,
    /// so only final accounts are checked.)
    ///
    /// Example: in 上海市普陀区财政局2024年度部门决算, `第三部分 上海市普陀区财政局 2023年度部门决算
    /// 情况说明` and `截至2023年12月31日，…共有车辆0辆`.
    FINAL_ACCOUNTS_YEAR: code "W007", name "final-accounts-year", family Text, severity Error, check check
}

/// `NNNN` followed by one of these names the year the phrase is about.
const PHRASES: [(&str, &str, &str); 2] = [
    ("年度部门决算", "部门决算的年度", "the year of the final accounts"),
    ("年12月31日", "资产统计的截止日", "the date the assets are counted at"),
];

/// The year the cover names: `NNNN年度部门决算` in the first lines with text, joined (a cover
/// wraps `社会工作部 2024 年度` / `部门决算`).
fn title_year(cx: &Context) -> Option<u16> {
    let cover: String = cx
        .doc
        .source_lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .flat_map(|l| l.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let at = cover.find("年度部门决算")?;
    let digits: String = cover[..at].chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse().ok()
}

fn check(cx: &Context, sink: &mut Sink) {
    if cx.doc.document != DocumentKind::FinalAccounts {
        return;
    }
    let Some(year) = title_year(cx).or_else(|| doc_year(cx)) else { return };
    for (i, line) in cx.doc.source_lines.iter().enumerate() {
        // The line without spaces, each character with its column.
        let chars: Vec<(char, u32)> =
            line.chars().zip(1u32..).filter(|(c, _)| !c.is_whitespace() && *c != '\u{3000}').collect();
        let text: String = chars.iter().map(|(c, _)| *c).collect();
        for (phrase, zh_what, en_what) in PHRASES {
            // `截至` must open the date; `年度部门决算` is a year of accounts wherever it stands.
            for (at, _) in text.match_indices(phrase) {
                let before: Vec<char> = text[..at].chars().collect();
                if before.len() < 4 {
                    continue;
                }
                let digits: String = before[before.len() - 4..].iter().collect();
                let Ok(written) = digits.parse::<u16>() else { continue };
                let opener: String = before[..before.len() - 4].iter().rev().take(2).collect::<String>();
                if phrase == "年12月31日" && opener.chars().rev().collect::<String>() != "截至" {
                    continue;
                }
                if written == year || !digits.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                let first = before.len() - 4;
                let last = first + 4 + phrase.chars().count() - 1;
                let (Some((_, col)), Some((_, end))) = (chars.get(first), chars.get(last)) else { continue };
                sink.report(
                    Span::on_line(i as u32 + 1, *col, end + 1),
                    Message::new(
                        format!("{year}年度部门决算中{zh_what}写作“{written}年”"),
                        format!("the {year} final accounts give {written} as {en_what}"),
                    ),
                );
            }
        }
    }
}
