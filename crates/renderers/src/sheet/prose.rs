//! Parts 1 and 3 as printed, shared by the HTML and PDF writers: the overview's sentences, the
//! narrative's outline (headings, one paragraph per fact with its `其中` parts, project forms
//! and state assets after the section about them), the project forms' fields and the
//! performance tables' values.

use super::text::{amount, cn_number, money_words};
use yusuan_model::assets::{AssetCategory, StateAssets};
use yusuan_model::narrative::{Fact, Narrative, ReasonKind, Section, Topic};
use yusuan_model::overview::{Organisation, Staffing};
use yusuan_model::performance::{Indicator, TargetValue};
use yusuan_model::project::{Factor, ProjectDescription};
use yusuan_model::AmountUnit;

/// The organisation paragraph of Part 1 (`…下设 5个科室，分别是：…。`).
pub fn organisation(o: &Organisation, dep: &str) -> Option<String> {
    let mut clauses = Vec::new();
    if let Some(none) = &o.no_subordinate_units {
        clauses.push(none.value.clone());
    } else if o.subordinate_unit_count.is_some() || !o.subordinate_units.is_empty() {
        let count = o.subordinate_unit_count.as_ref().map_or(o.subordinate_units.len() as u32, |c| c.value);
        let mut s = format!("下属预算单位 {count}个");
        if !o.subordinate_units.is_empty() {
            s.push_str(&format!("，分别是：{}", join(&o.subordinate_units)));
        }
        clauses.push(s);
    }
    if o.division_count.is_some() || !o.divisions.is_empty() {
        let count = o.division_count.as_ref().map_or(o.divisions.len() as u32, |c| c.value);
        let word = o.division_word.as_deref().unwrap_or("内设机构");
        let mut s = format!("下设 {count}个{word}");
        if !o.divisions.is_empty() {
            s.push_str(&format!("，分别是：{}", join(&o.divisions)));
        }
        clauses.push(s);
    }
    if clauses.is_empty() {
        return None;
    }
    Some(format!("{dep}{}。", clauses.join("，")))
}

/// The staffing paragraph of Part 1.
pub fn staffing(s: &Staffing, dep: &str) -> Option<String> {
    let mut clauses = Vec::new();
    if let Some(a) = &s.authorised {
        clauses.push(format!("编制数 {}", a.value));
    }
    if let Some(a) = &s.actual {
        clauses.push(format!("实有人数 {}人", a.value));
    }
    if clauses.is_empty() && s.parts.is_empty() {
        return None;
    }
    let mut text = format!("{dep}{}", clauses.join("，"));
    if !s.parts.is_empty() {
        let parts: Vec<String> = s
            .parts
            .iter()
            .map(|p| {
                let change = match p.change.as_ref().map(|c| c.value) {
                    Some(c) if c < 0 => format!("，减少 {}人", c.unsigned_abs()),
                    Some(c) => format!("，增加 {c}人"),
                    None => String::new(),
                };
                format!("{} {}人{change}", p.label.value, p.count.value)
            })
            .collect();
        text.push_str(&format!("，其中：{}", parts.join("；")));
    }
    text.push('。');
    Some(text)
}

fn join(names: &[yusuan_model::Spanned<String>]) -> String {
    names.iter().map(|n| n.value.as_str()).collect::<Vec<_>>().join("、")
}

/// One piece of Part 3, in order.
#[derive(Debug)]
pub enum Block<'a> {
    /// A section heading: level 1 `一、…`, level 2 and deeper `（一）…`.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    /// A project's form, under its own heading when no section heading names it.
    Project {
        heading: Option<String>,
        project: &'a ProjectDescription,
    },
    Assets(&'a StateAssets),
}

/// Part 3 as a sequence of blocks. A project goes under the section its name heads
/// (`（一）项目名称：…`); the others, and the state assets, after the last section of their
/// topic, or at the end under a heading of their own when no section is about them.
pub fn narrative_blocks(n: &Narrative) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut placed = vec![false; n.projects.len()];
    // Under the last project's own heading, else under 一般公共预算项目支出情况说明.
    let projects_at = n
        .sections
        .iter()
        .rposition(|s| s.topic == Topic::Projects)
        .or_else(|| n.sections.iter().rposition(|s| s.topic == Topic::ProjectExpenditure));
    let assets_at = n.sections.iter().rposition(|s| s.topic == Topic::StateAssets);
    let has_assets = n.state_assets.span.is_some() || !n.state_assets.categories.is_empty();
    facts_of(&mut out, n, None);
    for (i, s) in n.sections.iter().enumerate() {
        out.push(heading(s));
        facts_of(&mut out, n, Some(i));
        if s.topic == Topic::Projects {
            let named = n
                .projects
                .iter()
                .enumerate()
                .find(|(k, p)| !placed.get(*k).copied().unwrap_or(true) && heads(&s.title, &p.name.value));
            if let Some((k, p)) = named {
                out.push(Block::Project { heading: None, project: p });
                if let Some(done) = placed.get_mut(k) {
                    *done = true;
                }
            }
        }
        if projects_at == Some(i) {
            leftover_projects(&mut out, n, &placed);
        }
        if assets_at == Some(i) {
            out.push(Block::Assets(&n.state_assets));
        }
    }
    if projects_at.is_none() && !n.projects.is_empty() {
        out.push(Block::Heading { level: 1, text: "项目情况".to_string() });
        leftover_projects(&mut out, n, &placed);
    }
    if assets_at.is_none() && has_assets {
        out.push(Block::Heading { level: 1, text: "国有资产占用情况".to_string() });
        out.push(Block::Assets(&n.state_assets));
    }
    out
}

fn leftover_projects<'a>(out: &mut Vec<Block<'a>>, n: &'a Narrative, placed: &[bool]) {
    let rest = n.projects.iter().zip(placed).filter(|(_, done)| !**done).map(|(p, _)| p);
    for (i, p) in rest.enumerate() {
        let number = item_number(p.number.unwrap_or(i as u32 + 1));
        out.push(Block::Project { heading: Some(format!("{number}{}", p.name.value)), project: p });
    }
}

/// Whether a heading names the project: `项目名称：X` where X is the name, or its start when the
/// heading was cut at a line end.
fn heads(title: &str, name: &str) -> bool {
    let rest = title.trim().trim_start_matches("项目名称").trim_start_matches(['：', ':']).trim();
    !rest.is_empty() && (rest == name || (rest.chars().count() >= 4 && name.starts_with(rest)) || rest.contains(name))
}

fn heading(s: &Section) -> Block<'static> {
    if s.level <= 1 {
        Block::Heading { level: 1, text: format!("{}、{}", s.number, s.title) }
    } else {
        Block::Heading { level: 2, text: format!("（{}）{}", s.number, s.title) }
    }
}

/// The paragraphs of one section: each fact that is not a part of another fact of the same
/// section opens one; its parts, and their parts, follow it.
fn facts_of(out: &mut Vec<Block<'_>>, n: &Narrative, section: Option<usize>) {
    let here = |f: &Fact| f.section == section;
    for (i, f) in n.facts.iter().enumerate() {
        let parent_here = f.parent.and_then(|p| n.facts.get(p)).is_some_and(here);
        if !here(f) || parent_here {
            continue;
        }
        let mut sentences = Vec::new();
        collect(n, i, 0, &mut sentences);
        out.push(Block::Paragraph(sentences.concat()));
    }
}

/// The sentence of fact `i` and of its parts, depth first; `其中` opens the first part. Bounded
/// by the number of facts so a malformed parent chain cannot recurse without end.
fn collect(n: &Narrative, i: usize, depth: usize, out: &mut Vec<String>) {
    let Some(f) = n.facts.get(i) else { return };
    if depth > n.facts.len() {
        return;
    }
    let parts: Vec<usize> = (0..n.facts.len())
        .filter(|&j| j != i && n.facts.get(j).is_some_and(|p| p.parent == Some(i) && p.section == f.section))
        .collect();
    // A fact with no figure of its own only introduces its parts (`收入预算：…`).
    let bare = f.amount.is_none() && f.count.is_none() && f.listing.is_none() && !f.absent;
    if bare && !parts.is_empty() {
        out.push(format!("{}：", f.phrase));
    } else {
        out.push(sentence(f));
        if !parts.is_empty() {
            out.push("其中：".to_string());
        }
    }
    for j in parts {
        collect(n, j, depth + 1, out);
    }
}

/// One fact as a sentence, in the document's own words where the model keeps them.
pub fn sentence(f: &Fact) -> String {
    let mut s = String::new();
    if f.absent && f.amount.is_none() {
        s.push_str(&format!("无{}", f.phrase));
    } else {
        s.push_str(&f.phrase);
    }
    if let Some(count) = &f.count {
        s.push_str(&format!("{}{}", count.value.value, count.value.unit));
        if f.amount.is_some() {
            s.push('，');
        }
    }
    if let Some(amount) = &f.amount {
        s.push_str(&money_words(&amount.value));
    }
    if let Some(share) = &f.share {
        s.push_str(&format!("，占{}{}", share.of.as_deref().unwrap_or(""), share.rate.value));
    }
    if let Some(c) = &f.change {
        s.push('，');
        s.push_str(&c.compared_with);
        s.push_str(&c.direction_word);
        if let Some(a) = &c.amount {
            s.push_str(&money_words(&a.value));
        }
        if let Some(rate) = &c.rate {
            if c.amount.is_some() {
                s.push('，');
            }
            s.push_str(c.rate_word.as_deref().unwrap_or(""));
            s.push_str(&rate.value.to_string());
        }
    }
    if let Some(l) = &f.listing {
        let names: Vec<&str> = l.names.iter().map(|n| n.value.as_str()).collect();
        if f.amount.is_some() || f.count.is_some() {
            s.push('，');
        }
        s.push_str(&format!("{}：{}", l.word, names.join("、")));
    }
    s.push('。');
    if let Some(reason) = &f.reason {
        let lead = match f.reason_kind {
            Some(ReasonKind::Use) => "主要用于",
            _ => "主要原因是",
        };
        s.push_str(&format!("{lead}{}。", reason.value.trim_end_matches(['。', '；', ';'])));
    }
    s
}

/// `（一）` for numbered items of a list.
pub fn item_number(n: u32) -> String {
    format!("（{}）", cn_number(n as usize))
}

/// A project's form: the fields the template asks for, in its order, with only what the model
/// holds; each value is one or more paragraphs.
pub fn project_fields(p: &ProjectDescription) -> Vec<(&'static str, Vec<String>)> {
    let mut fields = vec![("项目名称", vec![p.name.value.clone()])];
    if let Some(basis) = &p.policy_basis {
        fields.push(("设立的政策依据", vec![basis.text.value.clone()]));
    }
    if let Some(budget) = &p.budget {
        fields.push(("预算安排规模", vec![money_words(&budget.value)]));
    }
    if let Some(unit) = &p.executing_unit {
        fields.push(("项目承担单位", vec![unit.value.clone()]));
    }
    if !p.allocation.is_empty() {
        // One item a line, each ended as a list's item is (`；`, the last `。`): a reader that
        // joins a cell's lines still tells the items apart.
        let last = p.allocation.len() - 1;
        let items = p
            .allocation
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let how = a.expression.as_ref().map(|e| {
                    let factors: Vec<String> = e.factors.iter().map(|f| factor(&f.value)).collect();
                    format!("（{}={}）", factors.join("×"), money_words(&e.result.value))
                });
                let end = if k == last { '。' } else { '；' };
                format!("{} {}{}{end}", a.name.value, money_words(&a.amount.value), how.unwrap_or_default())
            })
            .collect();
        fields.push(("资金分配情况", items));
    }
    if let Some(period) = &p.period {
        let end = period.end.as_ref().map(|e| format!("至{}", e.value)).unwrap_or_default();
        fields.push(("资金执行时间", vec![format!("{}{end}", period.start.value)]));
    }
    fields
}

fn factor(f: &Factor) -> String {
    match f {
        Factor::UnitPrice(p) => format!("{}/{}", money_words(&p.price), p.per.join("/")),
        Factor::Quantity(q) => format!("{}{}", q.value, q.unit),
        Factor::Money(m) => money_words(m),
    }
}

/// The sentence introducing the assets table, when there is one.
pub fn assets_intro(a: &StateAssets) -> Option<String> {
    if a.categories.is_empty() {
        return None;
    }
    let as_of = a.as_of.as_ref().map(|d| format!("截至{}", d.value)).unwrap_or_default();
    Some(format!("{as_of}国有资产占用情况如下表（金额单位：万元）。"))
}

/// One line of the assets table: depth (at most 5), name, count, area, value.
pub type AssetLine = (usize, String, String, String, String);

/// The assets table's lines: each category and its `其中` parts, indented.
pub fn asset_lines(a: &StateAssets) -> Vec<AssetLine> {
    let mut out = Vec::new();
    for c in &a.categories {
        category(&mut out, c, 0);
    }
    out
}

fn category(out: &mut Vec<AssetLine>, c: &AssetCategory, depth: usize) {
    let q = |q: &Option<yusuan_model::Spanned<yusuan_model::quantity::Quantity>>| {
        q.as_ref().map(|q| format!("{}{}", q.value.value, q.value.unit)).unwrap_or_default()
    };
    let value = c.value.as_ref().map(|v| amount(&v.value, AmountUnit::Wan)).unwrap_or_default();
    out.push((depth.min(5), c.name.value.clone(), q(&c.count), q(&c.area), value));
    if depth < 5 {
        for p in &c.parts {
            category(out, p, depth + 1);
        }
    }
}

/// The sentence after the assets table: large equipment and purchase plans.
pub fn assets_outro(a: &StateAssets) -> Option<String> {
    let mut sentences: Vec<String> = a
        .large_equipment
        .iter()
        .map(|e| {
            format!(
                "单位价值{}以上{}{}{}",
                money_words(&e.unit_value_over.value),
                e.name.value,
                e.count.value.value,
                e.count.value.unit
            )
        })
        .collect();
    sentences.extend(a.purchase_plans.iter().map(|p| p.text.value.clone()));
    (!sentences.is_empty()).then(|| format!("{}。", sentences.join("；")))
}

/// A target value as printed (`≥95%`'s `95%`, or the text).
pub fn target(v: &TargetValue) -> String {
    match v {
        TargetValue::Quantity(q) => format!("{}{}", q.value, q.unit),
        TargetValue::Text(t) => t.clone(),
    }
}

/// An optional column of the indicator grid: its header and what an indicator shows in it.
pub type IndicatorColumn = (&'static str, fn(&Indicator) -> Option<String>);

/// The optional indicator columns that any indicator of `list` fills.
pub fn indicator_columns(list: &[Indicator]) -> Vec<IndicatorColumn> {
    let all: [IndicatorColumn; 5] = [
        ("指标值设定依据", |i| i.basis.as_ref().map(|s| s.value.clone())),
        ("上年完成值", |i| i.prior.as_ref().map(|p| target(&p.value))),
        ("分值权重", |i| i.weight.as_ref().map(|w| w.value.to_string())),
        ("指标赋分规则", |i| i.scoring_rule.as_ref().map(|s| s.value.clone())),
        ("佐证资料", |i| i.evidence.as_ref().map(|s| s.value.clone())),
    ];
    all.into_iter().filter(|(_, f)| list.iter().any(|i| f(i).is_some())).collect()
}

/// For each indicator, how many rows its 一级 and 二级 cells span (0 where a cell above covers
/// it): a run of equal levels prints once.
pub fn indicator_runs(list: &[Indicator]) -> Vec<[usize; 2]> {
    let text = |s: &Option<yusuan_model::Spanned<String>>| s.as_ref().map_or("", |s| s.value.as_str()).to_string();
    let l1 = |i: &Indicator| text(&i.level1);
    let l2 = |i: &Indicator| format!("{}\u{1f}{}", l1(i), text(&i.level2));
    let keys: [&dyn Fn(&Indicator) -> String; 2] = [&l1, &l2];
    (0..list.len())
        .map(|n| {
            keys.map(|key| {
                let here = list.get(n).map(key);
                let starts = n == 0 || list.get(n - 1).map(key) != here;
                if starts {
                    list.iter().skip(n).take_while(|i| Some(key(i)) == here).count()
                } else {
                    0
                }
            })
        })
        .collect()
}
