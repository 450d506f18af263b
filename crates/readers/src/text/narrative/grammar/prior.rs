//! A prior-year figure stated outright before the change that is measured from it: Shanghai's
//! items read `2023年当年预算执行数为 54.60万元，2024年预算安排 53.84万元，比2023年预算执行数减少
//! 1.39%`; others `上年预算数为…`, `上年决算数为…`. The phrase names no subject of its own: the
//! figure is the current fact's last-year figure.

use super::{Reader, State};
use crate::text::narrative::norm::{Figure, FigureKind, Norm};
use yusuan_model::narrative::{PriorBasis, PriorFigure};
use yusuan_model::span::Spanned;

/// Words a prior-year phrase may hold besides its year and basis.
const FILLERS: [&str; 9] = ["当年", "全年", "年度", "度", "数", "的", "为", "是", "达"];
/// Words that say "last year" without a number.
const LAST_YEAR: [&str; 4] = ["上一年度", "上年度", "上一年", "上年"];

/// The basis and year a phrase states, when it is nothing but a prior-year figure's name:
/// `2023年当年预算执行数为`, `上年预算数`, `2023年决算数`. `year` is the document's budget year,
/// when known: a numbered year's 预算 is a prior only when it is earlier.
pub fn prior_phrase(phrase: &str, year: Option<u16>) -> Option<(PriorBasis, Option<u16>)> {
    let mut rest = words(phrase).to_string();
    let mut named_year = None;
    let mut last_year = false;
    for w in LAST_YEAR {
        if rest.contains(w) {
            rest = rest.replacen(w, "", 1);
            last_year = true;
            break;
        }
    }
    if !last_year {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() == 4 && rest[4..].starts_with('年') {
            named_year = digits.parse::<u16>().ok();
            rest = rest[4 + '年'.len_utf8()..].to_string();
        }
    }
    let basis = if rest.contains("执行") {
        // A budget is executed only once its year is over: always last year's.
        PriorBasis::Executed
    } else if rest.contains("决算") {
        PriorBasis::FinalAccounts
    } else if rest.contains("预算") {
        PriorBasis::Budget
    } else {
        return None;
    };
    let earlier = match (named_year, year) {
        (Some(n), Some(y)) => n < y,
        (Some(_), None) => basis == PriorBasis::Executed,
        (None, _) => last_year,
    };
    if !earlier {
        return None;
    }
    for w in ["预算执行数", "预算执行", "执行数", "执行", "决算数", "决算", "预算数", "预算"] {
        rest = rest.replacen(w, "", 1);
    }
    let mut left = rest.as_str();
    loop {
        let before = left.len();
        for w in FILLERS {
            left = left.trim_start_matches(w).trim_end_matches(w);
        }
        if left.len() == before {
            break;
        }
    }
    left.is_empty().then_some((basis, named_year.or(year.map(|y| y.saturating_sub(1)))))
}

/// A prior-year phrase without its link to the figure. Not `clean`: that drops the year, which
/// says whose figure this is.
fn words(phrase: &str) -> &str {
    phrase
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '，' | '；' | '：'))
        .trim_end_matches(['为', '是', '达'])
}

impl Reader<'_> {
    /// Takes a clause `<prior phrase> <amount>` as the current fact's prior-year figure.
    /// Returns whether it did.
    pub(super) fn prior_clause(&mut self, norm: &Norm, off: usize, text: &str, figs: &[Figure], st: &State) -> bool {
        let Some(first) = figs.first() else { return false };
        let FigureKind::Money(m) = &first.kind else { return false };
        let phrase = &text[..first.start];
        let Some((basis, year)) = prior_phrase(phrase, self.year) else { return false };
        let Some(fact) = st.cur.and_then(|k| self.facts.get_mut(k)) else { return false };
        if fact.prior.is_some() {
            return false;
        }
        let span = norm.span(off + first.start, off + first.end);
        fact.prior = Some(PriorFigure { basis, year, word: words(phrase).to_string(), amount: Spanned::new(*m, span) });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prior_phrases() {
        assert_eq!(prior_phrase("2023年当年预算执行数为", Some(2024)), Some((PriorBasis::Executed, Some(2023))));
        assert_eq!(prior_phrase("2023年当年预算执行数为", None), Some((PriorBasis::Executed, Some(2023))));
        assert_eq!(prior_phrase("上年预算数为", Some(2024)), Some((PriorBasis::Budget, Some(2023))));
        assert_eq!(prior_phrase("上年决算数", Some(2025)), Some((PriorBasis::FinalAccounts, Some(2024))));
        assert_eq!(prior_phrase("2023年预算数为", Some(2024)), Some((PriorBasis::Budget, Some(2023))));
        // This year's own figure, or a numbered year when the document's is unknown.
        assert_eq!(prior_phrase("2024年预算安排", Some(2024)), None);
        assert_eq!(prior_phrase("2024年预算数为", Some(2024)), None);
        assert_eq!(prior_phrase("2023年预算数为", None), None);
        // A subject of its own is not a prior figure.
        assert_eq!(prior_phrase("上年一般公共预算支出", Some(2024)), None);
        assert_eq!(prior_phrase("项目支出", Some(2024)), None);
    }
}
