//! Part 3 情况说明: the numbered sections with their headings, each followed by paragraphs
//! rebuilt from its facts (one sentence per fact: amount, share, change, reason; the facts that
//! are its 其中 parts follow in the same paragraph). Project descriptions and state assets
//! follow the section about them, or close the part when no section is.

use super::cn_number;
use super::projects;
use super::text::{esc, money_words};
use yusuan_model::narrative::{Fact, Narrative, ReasonKind, Section, Topic};

pub(super) fn render(out: &mut String, n: &Narrative) {
    // A project goes under the section its name heads (`（一）项目名称：…`); the others, and
    // the state assets, after the last section of their topic.
    let mut placed = vec![false; n.projects.len()];
    let projects_at = n.sections.iter().rposition(|s| s.topic == Topic::Projects);
    let assets_at = n.sections.iter().rposition(|s| s.topic == Topic::StateAssets);
    let has_assets = n.state_assets.span.is_some() || !n.state_assets.categories.is_empty();
    facts_of(out, n, None);
    for (i, s) in n.sections.iter().enumerate() {
        heading(out, s);
        facts_of(out, n, Some(i));
        if s.topic == Topic::Projects {
            let named = n
                .projects
                .iter()
                .enumerate()
                .find(|(k, p)| !placed.get(*k).copied().unwrap_or(true) && heads(&s.title, &p.name.value));
            if let Some((k, p)) = named {
                projects::render_project(out, p);
                if let Some(done) = placed.get_mut(k) {
                    *done = true;
                }
            }
        }
        if projects_at == Some(i) {
            leftover_projects(out, n, &placed);
        }
        if assets_at == Some(i) {
            projects::render_assets(out, &n.state_assets);
        }
    }
    if projects_at.is_none() && !n.projects.is_empty() {
        out.push_str("<h3>项目情况</h3>\n");
        leftover_projects(out, n, &placed);
    }
    if assets_at.is_none() && has_assets {
        out.push_str("<h3>国有资产占用情况</h3>\n");
        projects::render_assets(out, &n.state_assets);
    }
}

fn leftover_projects(out: &mut String, n: &Narrative, placed: &[bool]) {
    let rest: Vec<_> = n.projects.iter().zip(placed).filter(|(_, done)| !**done).map(|(p, _)| p).collect();
    projects::render_projects(out, &rest);
}

/// Whether a heading names the project: `项目名称：X` where X is the name, or its start when the
/// heading was cut at a line end.
fn heads(title: &str, name: &str) -> bool {
    let rest = title.trim().trim_start_matches("项目名称").trim_start_matches(['：', ':']).trim();
    !rest.is_empty() && (rest == name || (rest.chars().count() >= 4 && name.starts_with(rest)) || rest.contains(name))
}

fn heading(out: &mut String, s: &Section) {
    if s.level <= 1 {
        out.push_str(&format!("<h3>{}、{}</h3>\n", esc(&s.number), esc(&s.title)));
    } else {
        out.push_str(&format!("<h4>（{}）{}</h4>\n", esc(&s.number), esc(&s.title)));
    }
}

/// The paragraphs of one section: each fact that is not a part of another fact of the same
/// section opens one; its parts, and their parts, follow it.
fn facts_of(out: &mut String, n: &Narrative, section: Option<usize>) {
    let here = |f: &Fact| f.section == section;
    for (i, f) in n.facts.iter().enumerate() {
        let parent_here = f.parent.and_then(|p| n.facts.get(p)).is_some_and(here);
        if !here(f) || parent_here {
            continue;
        }
        let mut sentences = Vec::new();
        collect(n, i, 0, &mut sentences);
        out.push_str(&format!("<p>{}</p>\n", esc(&sentences.concat())));
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
pub(super) fn sentence(f: &Fact) -> String {
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
pub(super) fn item_number(n: u32) -> String {
    format!("（{}）", cn_number(n as usize))
}
