//! 第三部分 情况说明: the numbered sections, and in each the facts read there, printed back as
//! sentences (`一般公共预算 715.52万元，占 68.11%，比上年预算增加 54.84万元，增长 8.30%，主要原因
//! 是…。`). A fact's parts follow it after `其中：`, one sentence a line. Project descriptions,
//! state assets and the 绩效目标表 go in the sections whose topic they are.

use super::{amount, performance, projects, Out};
use yusuan_model::narrative::{Fact, ReasonKind, Section, Topic, YoyChange};
use yusuan_model::Disclosure;

pub(super) fn render(out: &mut Out, d: &Disclosure, year: &str) {
    let n = &d.narrative;
    let has_assets = n.state_assets.span.is_some() || !n.state_assets.categories.is_empty();
    if n.sections.is_empty() && n.facts.is_empty() && n.projects.is_empty() && d.performance.is_empty() {
        return;
    }
    out.line(&format!(" 第三部分 {year}年部门预算情况说明"));
    out.blank();
    let mut projects_done = n.projects.is_empty();
    let mut assets_done = !has_assets;
    let mut performance_done = d.performance.is_empty();
    facts_of(out, &n.facts, None);
    for (i, s) in n.sections.iter().enumerate() {
        // A project's heading (`（一）项目名称：…`) is printed with its description below.
        if s.topic == Topic::Projects {
            continue;
        }
        heading(out, s);
        facts_of(out, &n.facts, Some(i));
        match s.topic {
            Topic::ProjectExpenditure if !projects_done => {
                projects::render_projects(out, &n.projects);
                projects_done = true;
            }
            Topic::StateAssets if !assets_done => {
                let department = d.department.as_ref().map_or("", |s| s.value.as_str());
                projects::render_assets(out, &n.state_assets, department);
                assets_done = true;
            }
            Topic::Performance if !performance_done => {
                performance::render(out, &d.performance);
                performance_done = true;
            }
            _ => {}
        }
    }
    // What no section took still goes out, at the end of the part.
    if !projects_done {
        projects::render_projects(out, &n.projects);
    }
    if !assets_done {
        let department = d.department.as_ref().map_or("", |s| s.value.as_str());
        projects::render_assets(out, &n.state_assets, department);
    }
    if !performance_done {
        performance::render(out, &d.performance);
    }
}

fn heading(out: &mut Out, s: &Section) {
    let line = match s.level {
        1 => format!("{}、 {}", s.number, s.title),
        2 => format!("（{}）{}", s.number, s.title),
        _ => format!("{}.{}", s.number, s.title),
    };
    out.line(&line);
    out.blank();
}

/// The facts of one section: each fact whose parent is not printed with it, then its parts.
fn facts_of(out: &mut Out, facts: &[Fact], section: Option<usize>) {
    let here = |f: &Fact| f.section == section;
    for (i, f) in facts.iter().enumerate() {
        if !here(f) {
            continue;
        }
        // Parts are printed by their parent, which the reader always puts before them; a model
        // that says otherwise (a parent after its part, or itself) prints the part alone.
        let parent_here = f.parent.filter(|&p| p < i).and_then(|p| facts.get(p)).is_some_and(here);
        if parent_here {
            continue;
        }
        fact_tree(out, facts, i, section);
    }
}

fn fact_tree(out: &mut Out, facts: &[Fact], i: usize, section: Option<usize>) {
    let Some(f) = facts.get(i) else { return };
    let children: Vec<usize> = facts
        .iter()
        .enumerate()
        .filter(|&(j, c)| j > i && c.parent == Some(i) && c.section == section)
        .map(|(j, _)| j)
        .collect();
    let mut s = sentence(f);
    if children.is_empty() {
        s.push('。');
    } else if f.amount.is_none() && f.change.is_none() {
        // `一般公共预算支出包括：社会保障和就业支出 654.95万元，主要用于…；卫生健康支出…。`: parts
        // of a total stated without a figure run on in one sentence.
        let parts: Vec<String> = children.iter().filter_map(|&c| facts.get(c)).map(sentence).collect();
        s.push_str(&format!("包括：{}。", parts.join("；")));
        out.line(&s);
        out.blank();
        return;
    } else if f.reason.is_some() {
        // A reason runs to the end of its sentence: close it before the parts begin.
        s.push_str("。其中：");
    } else {
        s.push_str("，其中：");
    }
    out.line(&s);
    out.blank();
    for c in children {
        fact_tree(out, facts, c, section);
    }
}

/// A fact as one sentence, without its closing mark.
fn sentence(f: &Fact) -> String {
    if f.absent && f.amount.is_none() {
        return format!("{}未安排", f.phrase);
    }
    let mut s = f.phrase.clone();
    if let Some(c) = &f.count {
        s.push_str(&format!(" {}{}", c.value.value, c.value.unit));
        if let Some(a) = &f.amount {
            s.push_str(&format!("，涉及金额 {}", amount(&a.value)));
        }
    } else if let Some(a) = &f.amount {
        s.push_str(&format!(" {}", amount(&a.value)));
    }
    if let Some(share) = &f.share {
        match &share.of {
            Some(of) => s.push_str(&format!("，占{of}的 {}", share.rate.value)),
            None => s.push_str(&format!("，占 {}", share.rate.value)),
        }
    }
    if let Some(c) = &f.change {
        s.push('，');
        s.push_str(&change(c));
    }
    if let Some(r) = &f.reason {
        let word = match f.reason_kind {
            Some(ReasonKind::Use) => "主要用于",
            _ => "主要原因是",
        };
        // Reasons kept in data often end with their own full stop; the sentence adds one.
        s.push_str(&format!("，{word}{}", r.value.trim_end_matches(['。', '；', ';'])));
    }
    if let Some(l) = &f.listing {
        let names: Vec<&str> = l.names.iter().map(|n| n.value.as_str()).collect();
        let sep = if f.amount.is_some() { "，" } else { "" };
        s.push_str(&format!("{sep}{}：{}", l.word, names.join("、")));
    }
    s
}

/// `比上年预算增加 54.84万元，增长 8.30%`.
fn change(c: &YoyChange) -> String {
    let mut s = c.compared_with.clone();
    match (&c.amount, &c.rate) {
        (Some(a), rate) => {
            s.push_str(&format!("{} {}", c.direction_word, amount(&a.value)));
            if let Some(r) = rate {
                let word = c.rate_word.as_deref().unwrap_or(c.direction_word.as_str());
                s.push_str(&format!("，{word} {}", r.value));
            }
        }
        (None, Some(r)) => s.push_str(&format!("{} {}", c.direction_word, r.value)),
        (None, None) => s.push_str(&c.direction_word),
    }
    s
}
