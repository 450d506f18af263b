//! Where each part of a document stands, as line ranges of its text, so that a finding can be
//! put under the part its span falls in.

use crate::checklist::Part;
use yusuan_model::narrative::Topic;
use yusuan_model::performance::PerformanceTargets;
use yusuan_model::{Disclosure, Span};

/// Lines `start..=end` belong to `part`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    pub part: Part,
    pub start: u32,
    pub end: u32,
}

/// A line with every kind of space removed.
fn folded(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The line of the 目录 heading, if the document prints one.
pub fn contents_line(doc: &Disclosure) -> Option<u32> {
    doc.source_lines.iter().position(|l| matches!(folded(l).as_str(), "目录" | "目次")).map(|i| i as u32 + 1)
}

/// The first line of the body: the first part heading (`第一部分`, `部门概况`) or the first thing
/// the reader placed, whichever comes first.
pub fn body_start(doc: &Disclosure) -> Option<u32> {
    let contents = contents_line(doc).unwrap_or(0);
    let heading = doc.source_lines.iter().enumerate().skip(contents as usize).find_map(|(i, l)| {
        let f = folded(l);
        let is_heading = f.chars().count() <= 60 && (f.starts_with("第一部分") || f.ends_with("部门概况"));
        is_heading.then_some(i as u32 + 1)
    });
    let placed = doc
        .overview
        .duties
        .iter()
        .map(|d| d.text.span.line)
        .chain(doc.tables.iter().map(|t| t.span.line))
        .chain(doc.narrative.sections.iter().map(|s| s.span.line))
        .chain(doc.glossary.iter().map(|g| g.term.span.line))
        .filter(|&l| l > contents)
        .min();
    heading.into_iter().chain(placed).min()
}

/// Whether the lines before the body (and before 目录) look like a cover: a line naming a budget
/// or final accounts, or the department.
pub fn has_cover(doc: &Disclosure) -> bool {
    let end = contents_line(doc).or(body_start(doc)).unwrap_or(0).saturating_sub(1) as usize;
    let department = doc.department.as_ref().map(|d| folded(&d.value));
    doc.source_lines.iter().take(end).map(|l| folded(l)).any(|l| {
        l.contains("预算") || l.contains("决算") || department.as_ref().is_some_and(|d| !d.is_empty() && l.contains(d))
    })
}

fn spans_range(spans: impl IntoIterator<Item = Span>) -> Option<(u32, u32)> {
    spans.into_iter().fold(None, |acc, s| match acc {
        None => Some((s.line, s.end_line.max(s.line))),
        Some((a, b)) => Some((a.min(s.line), b.max(s.end_line))),
    })
}

fn performance_spans(p: &PerformanceTargets) -> Vec<Span> {
    let mut spans: Vec<Span> = [&p.title, &p.unit, &p.project, &p.owner, &p.contact, &p.phone, &p.goal]
        .into_iter()
        .flatten()
        .map(|s| s.span)
        .collect();
    spans.extend(p.year.iter().map(|y| y.span));
    spans.extend([&p.budget_total, &p.budget_fiscal, &p.budget_other].into_iter().flatten().map(|m| m.span));
    spans.extend(p.funding.iter().flat_map(|f| [f.source.span, f.amount.span]));
    for i in &p.indicators {
        spans.extend(
            [&i.level1, &i.level2, &i.level3, &i.basis, &i.scoring_rule, &i.evidence]
                .into_iter()
                .flatten()
                .map(|s| s.span),
        );
        spans.extend(i.value.iter().map(|v| v.span).chain(i.prior.iter().map(|v| v.span)));
        spans.extend(i.weight.iter().map(|w| w.span));
    }
    spans
}

/// The part a narrative section's topic belongs to.
pub fn part_of_topic(topic: Topic) -> Part {
    match topic {
        Topic::Projects => Part::Projects,
        Topic::Other | Topic::AgencyRunningCosts | Topic::Procurement | Topic::StateAssets | Topic::Performance => {
            Part::OtherNotes
        }
        _ => Part::Narrative,
    }
}

/// Every part's lines. Regions nest (a project inside a section): the smallest one containing a
/// line is the part the line is about.
pub fn regions(doc: &Disclosure) -> Vec<Region> {
    let last = doc.source_lines.len().max(1) as u32;
    let mut out = Vec::new();
    let body = body_start(doc).unwrap_or(1);
    if let Some(c) = contents_line(doc) {
        out.push(Region { part: Part::Cover, start: 1, end: c.saturating_sub(1).max(1) });
        out.push(Region { part: Part::Contents, start: c, end: body.saturating_sub(1).max(c) });
    } else if body > 1 {
        out.push(Region { part: Part::Cover, start: 1, end: body - 1 });
    }
    for t in &doc.tables {
        out.push(Region { part: Part::Table(table_kind(&t.kind)), start: t.span.line, end: t.span.end_line });
    }
    let first_table = doc.tables.iter().map(|t| t.span.line).min();
    let first_section = doc.narrative.sections.iter().map(|s| s.span.line).min();
    let overview_end = first_table.into_iter().chain(first_section).min().map_or(last, |l| l.saturating_sub(1));
    if let Some((a, b)) = spans_range(doc.overview.duties.iter().map(|d| d.text.span)) {
        out.push(Region { part: Part::Duties, start: a, end: b });
        if b < overview_end {
            out.push(Region { part: Part::Organisation, start: b + 1, end: overview_end });
        }
    } else if body <= overview_end {
        out.push(Region { part: Part::Organisation, start: body, end: overview_end });
    }
    let glossary = spans_range(doc.glossary.iter().flat_map(|g| [g.term.span, g.definition.span]));
    if let Some((a, b)) = glossary {
        out.push(Region { part: Part::Glossary, start: a.saturating_sub(2).max(1), end: b });
    }
    // Level-1 sections run to the next level-1 heading; the last one to the glossary or the end.
    let tops: Vec<_> = doc.narrative.sections.iter().filter(|s| s.level <= 1).collect();
    let narrative_end = glossary.map_or(last, |(a, _)| a.saturating_sub(3)).max(1);
    for (i, s) in tops.iter().enumerate() {
        let end = tops.get(i + 1).map_or(narrative_end, |n| n.span.line.saturating_sub(1)).max(s.span.line);
        out.push(Region { part: part_of_topic(s.topic), start: s.span.line, end });
    }
    for p in &doc.narrative.projects {
        out.push(Region { part: Part::Projects, start: p.span.line, end: p.span.end_line });
    }
    for p in &doc.performance {
        if let Some((a, b)) = spans_range(performance_spans(p)) {
            out.push(Region { part: Part::Performance, start: a, end: b });
        }
    }
    out
}

/// The registry's `&'static` kind for a table's kind (a kind not in the registry is kept as
/// unknown).
fn table_kind(kind: &str) -> &'static str {
    yusuan_model::registry::stands_for(kind).unwrap_or("unknown")
}

/// The part a line is about: the smallest region containing it, else the nearest region before it.
pub fn part_at(regions: &[Region], line: u32) -> Option<Part> {
    regions
        .iter()
        .filter(|r| r.start <= line && line <= r.end)
        .min_by_key(|r| r.end - r.start)
        .or_else(|| regions.iter().filter(|r| r.start <= line).max_by_key(|r| r.start))
        .map(|r| r.part)
}
