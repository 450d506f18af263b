//! 国有资产占用使用情况 into [`StateAssets`].
//!
//! The passage is found by its heading (`(三) 国有资产占用使用情况`) or, in a fragment, by the
//! paragraph that mentions 国有资产. It is read clause by clause: a clause is a category name
//! with count, area and value figures (`房屋 24.66平方米，价值 6.11万元`), a figure for the last
//! category (`价值 41.02万元`), a `其中` part, a large-equipment count, or a purchase plan.

use super::assets_table;
use super::glossary::{enumerator, is_part_heading, is_section_heading, spanned_text, trim_range, Style};
use super::projects::number_starts;
use super::source::{Joined, Line};
use yusuan_model::assets::{AssetCategory, EquipmentCount, PurchasePlan, StateAssets};
use yusuan_model::money::{split_number, AmountUnit, Money};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::quantity::Quantity;
use yusuan_model::span::Spanned;

/// Units of counts and areas, longest first.
const UNITS: [&str; 19] = [
    "平方米",
    "台（套）",
    "台(套)",
    "台套",
    "平米",
    "公顷",
    "㎡",
    "亩",
    "辆",
    "台",
    "套",
    "件",
    "个",
    "处",
    "栋",
    "间",
    "座",
    "部",
    "项",
];
const AREA_UNITS: [&str; 5] = ["平方米", "平米", "㎡", "亩", "公顷"];

/// Whether `unit` is one a count or an area of the passage is in (`辆`, `平方米`).
pub(crate) fn is_measure_unit(unit: &str) -> bool {
    UNITS.contains(&unit)
}

pub(crate) fn is_area_unit(unit: &str) -> bool {
    AREA_UNITS.contains(&unit)
}

/// Reads the state-asset statements in `lines` (Part 3 without the performance tables).
pub fn read(lines: &[Line]) -> (StateAssets, Vec<ReadNote>) {
    let mut notes = Vec::new();
    let Some((a, b)) = passage(lines) else {
        return (StateAssets::default(), notes);
    };
    let passage = lines.get(a..b).unwrap_or(&[]);
    let mut assets = StateAssets::default();
    let whole = Joined::from_lines(passage);
    if !whole.is_empty() {
        assets.span = Some(whole.span(0, whole.text.len()));
    }
    // Printed as a table: the words before its header are sentences (the date, the unit), its
    // lines are rows.
    let header = passage.iter().position(|l| assets_table::is_header(&l.text));
    let prose = Joined::from_lines(&passage[..header.unwrap_or(passage.len())]);
    for (sa, sb) in sentences(&prose.text) {
        read_sentence(&prose, sa, sb, &mut assets, &mut notes);
    }
    if let Some(h) = header {
        let unit = passage[..=h].iter().find_map(|l| assets_table::stated_unit(&l.text));
        assets.categories.extend(assets_table::read_rows(&passage[h + 1..], unit, &mut notes));
    }
    (assets, notes)
}

/// Line range of the passage: after its heading to the next heading; or, without a heading, from
/// the paragraph that first mentions 国有资产.
fn passage(lines: &[Line]) -> Option<(usize, usize)> {
    let heading = |l: &Line| is_section_heading(&l.text) || is_part_heading(&l.text);
    let start = match lines.iter().position(|l| heading(l) && l.text.contains("国有资产")) {
        Some(h) => h + 1,
        None => {
            // The mention may be wrapped (`国有` / `资产`): look at each line with the next one.
            let kept: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
            let k = (0..kept.len()).find(|&k| {
                let pair = kept[k..].iter().take(2).map(|&i| lines[i].text.trim()).collect::<String>();
                pair.contains("国有资产") && !lines[kept[k]].text.contains("国有资本")
                    || lines[kept[k]].text.contains("国有资产")
            })?;
            // Back to the start of its paragraph: after a line that ends a sentence or a heading.
            let mut s = k;
            while s > 0 && k - s < 3 {
                let prev = lines[kept[s - 1]].text.trim();
                if prev.ends_with(['。', '：', ':']) || heading(&lines[kept[s - 1]]) {
                    break;
                }
                s -= 1;
            }
            kept[s]
        }
    };
    let end = (start..lines.len()).find(|&i| heading(&lines[i])).unwrap_or(lines.len());
    (end > start).then_some((start, end))
}

/// Sentences: split at `。` and before each item number (`1.房屋`, `2.车辆`), numbers in order.
fn sentences(t: &str) -> Vec<(usize, usize)> {
    let mut cuts = vec![0];
    let mut expected = 1;
    for (i, c) in t.char_indices() {
        if c == '。' {
            cuts.push(i + c.len_utf8());
        }
        let prev_digit = t[..i].chars().next_back().is_some_and(|p| p.is_ascii_digit() || p == '.');
        if !prev_digit {
            if let Some((n, Style::Arabic, _)) = enumerator(&t[i..]) {
                if n == expected {
                    cuts.push(i);
                    expected += 1;
                }
            }
        }
    }
    cuts.push(t.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).map(|w| (w[0], w[1])).filter(|(a, b)| b > a).collect()
}

enum Fig {
    Money(Money),
    Qty(Quantity),
}

/// Figures in `[a, b)`: amounts (`6.11万元`) and counts or areas with a known unit (`2辆`).
/// Other numbers (years, `2024年`) are not figures.
fn figures(t: &str, a: usize, b: usize) -> Vec<(usize, usize, Fig)> {
    let mut out = Vec::new();
    for n0 in number_starts(t, a, b) {
        if out.last().is_some_and(|&(_, e, _)| n0 < e) {
            continue;
        }
        let (num, rest) = split_number(&t[n0..b]);
        let unit_at = b - rest.trim_start().len();
        let rest = rest.trim_start();
        if let Some((_, n)) = AmountUnit::parse_prefix(rest).filter(|(u, _)| *u != AmountUnit::Fen) {
            let e = unit_at + rest.chars().take(n).map(char::len_utf8).sum::<usize>();
            if let Ok(m) = Money::parse(&t[n0..e], AmountUnit::Yuan) {
                out.push((n0, e, Fig::Money(m)));
            }
        } else if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
            let e = unit_at + u.len();
            if let Some(value) = yusuan_model::money::parse_decimal(&num) {
                out.push((n0, e, Fig::Qty(Quantity { value, unit: (*u).to_string() })));
            }
        }
    }
    out
}

/// Clauses of a sentence, split at `，`, `；`.
fn clauses(t: &str, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = a;
    for piece in t[a..b].split(['，', '；', ',', ';', '。']) {
        out.push((p, p + piece.len()));
        p += piece.len() + t[p + piece.len()..].chars().next().map_or(0, char::len_utf8);
    }
    out
}

fn read_sentence(j: &Joined, sa: usize, sb: usize, assets: &mut StateAssets, notes: &mut Vec<ReadNote>) {
    let t = &j.text;
    let s = &t[sa..sb];
    let purchase = s.contains("购置") && (s.contains("安排") || s.contains("计划"));
    let mut in_parts = false;
    for (ca, cb) in clauses(t, sa, sb) {
        let (mut ca, cb) = trim_range(t, ca, cb, "");
        if let Some((_, _, len)) = enumerator(&t[ca..cb]) {
            ca += len;
        }
        if let Some(r) = t[ca..cb].strip_prefix("其中") {
            in_parts = true;
            ca = cb - r.trim_start_matches(['：', ':']).trim_start().len();
        }
        if let Some(at) = t[ca..cb].find("截至").or_else(|| t[ca..cb].find("截止")) {
            let d0 = ca + at + "截至".len();
            let d0 = d0 + (t[d0..cb].len() - t[d0..cb].trim_start().len());
            let len: usize = t[d0..cb]
                .chars()
                .take_while(|c| c.is_ascii_digit() || c.is_whitespace() || "年月日底末".contains(*c))
                .map(char::len_utf8)
                .sum();
            assets.as_of = spanned_text(j, d0, d0 + len, "");
            ca = d0 + len;
        }
        let pieces = if in_parts { enumerated(t, ca, cb) } else { vec![(ca, cb)] };
        for (pa, pb) in pieces {
            read_clause(j, pa, pb, purchase, in_parts, assets, notes);
        }
    }
}

/// A 其中 list enumerated with `、` (`部级领导干部用车 0辆、…、其他用车 2辆`): one piece per part,
/// when every piece has a figure of its own; else the clause whole.
fn enumerated(t: &str, ca: usize, cb: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = ca;
    for piece in t[ca..cb].split('、') {
        out.push((p, p + piece.len()));
        p += piece.len() + '、'.len_utf8();
    }
    if out.len() > 1 && out.iter().all(|&(a, b)| !figures(t, a, b).is_empty()) {
        out
    } else {
        vec![(ca, cb)]
    }
}

fn read_clause(
    j: &Joined,
    ca: usize,
    cb: usize,
    purchase: bool,
    in_parts: bool,
    assets: &mut StateAssets,
    notes: &mut Vec<ReadNote>,
) {
    let t = &j.text;
    let figs = figures(t, ca, cb);
    let Some(clause) = spanned_text(j, ca, cb, "") else { return };
    if figs.is_empty() && (clause.value.contains("国有资产") || clause.value.ends_with("情况为")) {
        return; // the passage's lead-in
    }
    let placed =
        if purchase { read_plan(j, ca, cb, &figs, assets) } else { read_holding(j, ca, cb, &figs, in_parts, assets) };
    if !placed {
        notes.push(ReadNote::new(
            NoteKind::UnreadLine,
            Some(clause.span),
            format!("国有资产情况中无法识别的文字：{}", clause.value),
            format!("text of the state-asset passage that no field takes: {}", clause.value),
        ));
    }
}

fn money_fig(j: &Joined, f: &(usize, usize, Fig)) -> Option<Spanned<Money>> {
    match &f.2 {
        Fig::Money(m) => Some(Spanned::new(*m, j.span(f.0, f.1))),
        Fig::Qty(_) => None,
    }
}

fn qty_fig(j: &Joined, f: &(usize, usize, Fig)) -> Option<Spanned<Quantity>> {
    match &f.2 {
        Fig::Qty(q) => Some(Spanned::new(q.clone(), j.span(f.0, f.1))),
        Fig::Money(_) => None,
    }
}

/// A unit-value threshold, what is counted, and the count.
type Threshold = (Spanned<Money>, Spanned<String>, Option<Spanned<Quantity>>);

/// `单位价值 50万元以上大型设备 0台`: threshold, what, count.
fn threshold_clause(j: &Joined, figs: &[(usize, usize, Fig)]) -> Option<Threshold> {
    let t = &j.text;
    let k = figs.iter().position(|f| matches!(f.2, Fig::Money(_)) && t[f.1..].trim_start().starts_with("以上"))?;
    let threshold = money_fig(j, &figs[k])?;
    let after = figs[k].1 + (t[figs[k].1..].len() - t[figs[k].1..].trim_start().len()) + "以上".len();
    let count = figs.get(k + 1).and_then(|f| qty_fig(j, f));
    let end = figs.get(k + 1).map_or(after, |f| f.0);
    let subject = spanned_text(j, after, end.max(after), "")?;
    Some((threshold, subject, count))
}

fn read_plan(j: &Joined, ca: usize, cb: usize, figs: &[(usize, usize, Fig)], assets: &mut StateAssets) -> bool {
    let t = &j.text;
    let text = &t[ca..cb];
    let Some(clause) = spanned_text(j, ca, cb, "") else {
        return false;
    };
    let arranged = !text.contains("未安排") && !text.contains("不安排") && !text.contains("未计划");
    if let Some((threshold, subject, count)) = threshold_clause(j, figs) {
        let plan =
            PurchasePlan { text: clause, subject, arranged, unit_value_over: Some(threshold), count, value: None };
        assets.purchase_plans.push(plan);
        return true;
    }
    if let Some(g) = text.find("购置") {
        let s0 = ca + g + "购置".len();
        let end = figs.first().map_or(cb, |f| f.0);
        let end = t[s0..end.max(s0)].find("经费").map_or(end, |e| s0 + e);
        let Some(subject) = spanned_text(j, s0, end.max(s0), "") else {
            return false;
        };
        let count = figs.iter().find_map(|f| qty_fig(j, f));
        let value = figs.iter().find_map(|f| money_fig(j, f));
        assets.purchase_plans.push(PurchasePlan {
            text: clause,
            subject,
            arranged,
            unit_value_over: None,
            count,
            value,
        });
        return true;
    }
    // `价值 20万元` after a plan.
    match (assets.purchase_plans.last_mut(), figs) {
        (Some(plan), [f]) if plan.value.is_none() && t[ca..f.0].trim().trim_end_matches(['：', ':']) == "价值" => {
            plan.value = money_fig(j, f);
            plan.value.is_some()
        }
        _ => false,
    }
}

fn read_holding(
    j: &Joined,
    ca: usize,
    cb: usize,
    figs: &[(usize, usize, Fig)],
    in_parts: bool,
    assets: &mut StateAssets,
) -> bool {
    let t = &j.text;
    if figs.is_empty() {
        return false;
    }
    if let Some((threshold, name, Some(count))) = threshold_clause(j, figs) {
        assets.large_equipment.push(EquipmentCount { name, unit_value_over: threshold, count });
        return true;
    }
    // The name is what comes before the first figure, without the words that introduce it.
    let mut label = t[ca..figs[0].0].trim().trim_end_matches(['：', ':', ' ']);
    for w in ["价值为", "价值", "面积为", "面积", "共计", "共有", "共", "为", "有"] {
        label = label.strip_suffix(w).unwrap_or(label).trim_end();
    }
    // `本部门共有房屋 …`: the name follows the verb.
    for w in ["共有", "拥有", "现有", "占有"] {
        if let Some(at) = label.rfind(w) {
            label = label[at + w.len()..].trim_start();
        }
    }
    let target: Option<&mut AssetCategory> = if label.is_empty() {
        match assets.categories.last_mut() {
            Some(c) if in_parts => c.parts.last_mut(),
            Some(c) => Some(c),
            None => None,
        }
    } else {
        let l0 = ca + t[ca..cb].find(label).unwrap_or(0);
        let name = Spanned::new(label.to_string(), j.span(l0, l0 + label.len()));
        let cat = AssetCategory { name, count: None, area: None, value: None, parts: Vec::new() };
        match assets.categories.last_mut() {
            Some(c) if in_parts => {
                c.parts.push(cat);
                c.parts.last_mut()
            }
            _ => {
                assets.categories.push(cat);
                assets.categories.last_mut()
            }
        }
    };
    let Some(cat) = target else { return false };
    let mut placed = true;
    for f in figs {
        match &f.2 {
            Fig::Money(_) if cat.value.is_none() => cat.value = money_fig(j, f),
            Fig::Qty(q) if AREA_UNITS.contains(&q.unit.as_str()) && cat.area.is_none() => cat.area = qty_fig(j, f),
            Fig::Qty(_) if cat.count.is_none() => cat.count = qty_fig(j, f),
            _ => placed = false,
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_item_numbers_in_order() {
        let t = "情况为1.房屋 24.66平方米。2.车辆 2辆。";
        let parts: Vec<&str> = sentences(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(parts, ["情况为", "1.房屋 24.66平方米。", "2.车辆 2辆。"]);
    }

    #[test]
    fn years_are_not_figures() {
        let t = "2024年安排购置车辆 1辆，价值 18万元";
        let figs = figures(t, 0, t.len());
        assert_eq!(figs.len(), 2);
        assert!(matches!(&figs[0].2, Fig::Qty(q) if q.unit == "辆"));
    }
}
