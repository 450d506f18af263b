//! Finding the same project in the places a disclosure names it (table 7, table 11, the project
//! descriptions, the performance-target tables), and reading money out of indicator values.
//! Shared by the A and P families.

use crate::context::{Context, Fig};
use crate::finding::Message;
use yusuan_model::money::{AmountUnit, Interval, Money};
use yusuan_model::performance::PerformanceTargets;
use yusuan_model::quantity::Quantity;
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::Row;

/// A name for comparison: wrapped lines leave spaces, and documents differ in punctuation width
/// and quotes, so only letters and digits are kept.
pub(crate) fn norm(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether two printed names are the same project.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// How alike two item names are (Dice coefficient over character pairs): `召开评审会期间专家食宿费`
/// and `召开评审会期间专家食宿经费` are the same item written twice.
pub(crate) fn likeness(a: &str, b: &str) -> f64 {
    let pairs = |s: &str| {
        let cs: Vec<char> = norm(s).chars().filter(|c| !c.is_ascii_digit() && *c != '.').collect();
        cs.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>()
    };
    let (pa, mut pb) = (pairs(a), pairs(b));
    if pa.is_empty() || pb.is_empty() {
        return 0.0;
    }
    let total = (pa.len() + pb.len()) as f64;
    let mut common = 0usize;
    for p in &pa {
        if let Some(i) = pb.iter().position(|q| q == p) {
            pb.swap_remove(i);
            common += 1;
        }
    }
    2.0 * common as f64 / total
}

/// A narrative amount as a figure.
pub(crate) fn fig(m: &Spanned<Money>, label: Message) -> Fig {
    Fig::printed(&m.value, m.span, label)
}

/// An amount with its unit word, for messages (`3万元`).
pub(crate) fn shown(m: &Money) -> String {
    format!("{}{}", m.value, m.unit.label())
}

/// A computed amount shown at `like`'s unit and precision, with the unit word.
pub(crate) fn shown_like(yuan: rust_decimal::Decimal, like: &Money) -> String {
    format!("{}{}", crate::compare::printed_like(yuan, like), like.unit.label())
}

/// An indicator value that is an amount (`13.50万元`, `5000元`).
pub(crate) fn money_of(q: &Quantity) -> Option<Money> {
    let unit = q.unit.trim();
    match AmountUnit::parse_prefix(unit) {
        Some((u, len)) if unit.chars().count() == len => Some(Money::new(q.value, u)),
        _ => None,
    }
}

/// One project of a table (7 or 11): its name as first printed and its amount over every row
/// that names it (a project can be split over several functional items).
pub(crate) struct TableProject {
    pub name: Spanned<String>,
    pub figs: Vec<Fig>,
}

impl TableProject {
    pub fn interval(&self) -> Interval {
        self.figs.iter().fold(Interval::ZERO, |a, f| a + f.interval)
    }

    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        self.figs.iter().filter_map(|f| f.span)
    }
}

fn group(rows: Vec<(Spanned<String>, Fig)>) -> Vec<TableProject> {
    let mut out: Vec<TableProject> = Vec::new();
    for (name, f) in rows {
        match out.iter_mut().find(|p| same_name(&p.name.value, &name.value)) {
            Some(p) => p.figs.push(f),
            None => out.push(TableProject { name, figs: vec![f] }),
        }
    }
    out
}

/// Table 7's projects with their 合计, when the table is present and its rows' totals settled.
pub(crate) fn table7_projects(cx: &Context) -> Option<Vec<TableProject>> {
    let table = cx.doc.table("general_budget_project")?;
    if cx.misreading(table).is_some() {
        return None;
    }
    if table.is_empty_table() {
        return Some(Vec::new());
    }
    let rows = table
        .rows
        .iter()
        .filter_map(|r| Some((r.project.clone()?, r)))
        .filter_map(|(p, r)| Some((p, cx.cell(table, r, 0)?)))
        .collect();
    Some(group(rows))
}

/// Table 11's project items (rows with no rows under them and an amount in a 项目支出 column),
/// with the amount carried over for projects.
pub(crate) fn carry_over_projects(cx: &Context) -> Vec<TableProject> {
    let Some(table) = cx.doc.table("carry_over") else { return Vec::new() };
    let is_leaf = |i: usize, r: &Row| r.fixed.is_none() && !table.rows.iter().any(|c| c.parent == Some(i));
    let mut rows = Vec::new();
    for (i, r) in table.rows.iter().enumerate() {
        if !is_leaf(i, r) || r.parent.is_none() {
            continue;
        }
        // 财政拨款·项目支出 (4) and 非财政拨款·项目支出 (8).
        for col in [4, 8] {
            if let Some(f) = cx.cell(table, r, col).filter(|f| f.printed.is_some_and(|m| !m.is_zero())) {
                rows.push((r.name.clone(), f));
            }
        }
    }
    group(rows)
}

/// The project performance tables, with their project names.
pub(crate) fn project_targets<'a>(
    cx: &Context<'a>,
) -> impl Iterator<Item = (&'a PerformanceTargets, &'a Spanned<String>)> + 'a {
    cx.doc
        .performance
        .iter()
        .filter(|p| p.kind == yusuan_model::performance::PerformanceKind::Project)
        .filter_map(|p| Some((p, p.project.as_ref()?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_wrapping_and_punctuation() {
        assert!(same_name(
            "专业技术人员继续教育网络培训系统和培训平台课件经 费",
            "专业技术人员继续教育网络培训系统和培训平台课件经费"
        ));
        assert!(same_name("“三支一扶”补助", "三支一扶补助"));
        assert!(!same_name("考务费", "各类考务费"));
        assert!(likeness("召开评审会期间专家食宿费", "召开评审会期间专家食宿经费") > 0.8);
        assert!(likeness("各类考试考务成本", "考务用品") < 0.4);
    }

    #[test]
    fn amounts_in_indicator_values() {
        let q = Quantity::parse("13.50万元").unwrap();
        assert_eq!(money_of(&q).map(|m| m.to_string()), Some("13.50万元".into()));
        assert!(money_of(&Quantity::parse("38000人次").unwrap()).is_none());
    }
}
