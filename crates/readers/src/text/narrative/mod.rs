//! The statements of Part 3 情况说明 into typed [`Fact`]s.
//!
//! Lines are first grouped under their headings (`一、…`, `（一）…`), repairing a heading that
//! a page layout dropped into the middle of a paragraph; each section body is then joined
//! across wrapped lines, folded, and read clause by clause by the [`grammar`].

mod grammar;
mod lexicon;
mod norm;

use super::source::{Joined, Line};
use grammar::{BodyCtx, Reader};
use norm::Norm;
use yusuan_model::catalog::Catalog;
use yusuan_model::narrative::{Fact, Scope, Section, Topic};
use yusuan_model::note::ReadNote;
use yusuan_model::span::Span;

const CN_DIGITS: &str = "一二三四五六七八九十";

/// A heading: level (1 for `一、`, 2 for `（一）`), number, title text.
fn heading(text: &str) -> Option<(u8, String, &str)> {
    let t = text.trim();
    if let Some(r) = t.strip_prefix(['（', '(']) {
        let n: String = r.chars().take_while(|c| CN_DIGITS.contains(*c)).collect();
        let rest = &r[n.len()..];
        let rest = rest.strip_prefix(['）', ')'])?;
        return (!n.is_empty()).then(|| (2, n, rest.trim()));
    }
    let n: String = t.chars().take_while(|c| CN_DIGITS.contains(*c)).collect();
    let rest = t[n.len()..].strip_prefix('、')?;
    (!n.is_empty()).then(|| (1, n, rest.trim()))
}

/// `第三部分 …`: the part title, which carries no statement.
fn is_part_heading(text: &str) -> bool {
    let t = text.trim();
    t.strip_prefix('第').is_some_and(|r| {
        let n = r.chars().take_while(|c| CN_DIGITS.contains(*c)).count();
        n > 0 && r.chars().skip(n).collect::<String>().starts_with("部分")
    })
}

fn title_complete(title: &str) -> bool {
    let t = title.trim_end_matches('。');
    t.ends_with("说明") || t.ends_with("情况") || t.ends_with("事项")
}

/// The wrapped end of a heading's title: a short line without figures that ends the way
/// titles end (`情况总体说明`, `结转结余预算情况说明`).
fn is_title_tail(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 30
        && !t.chars().any(|c| c.is_ascii_digit() || c == '，' || c == ',')
        && heading(t).is_none()
        && title_complete(t)
}

/// A paragraph that ended: the last line closes a sentence.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end();
    t.is_empty() || t.ends_with(['。', '：', ':', '；', ';', '！', '？']) || title_complete(t)
}

/// A section and the lines of its body (before the first heading: a fragment's text).
struct Block<'a> {
    section: Option<usize>,
    lines: Vec<&'a Line>,
}

fn trimmed_span(line: &Line) -> Span {
    let (t, col) = line.trimmed();
    Span::on_line(line.no, col, col + t.chars().count() as u32)
}

/// Groups lines under headings.
fn structure(lines: &[Line]) -> (Vec<Section>, Vec<Block<'_>>) {
    let content: Vec<&Line> = lines.iter().filter(|l| !l.is_blank() && !l.is_page_number()).collect();
    let mut sections: Vec<Section> = Vec::new();
    let mut blocks = vec![Block { section: None, lines: Vec::new() }];
    let mut top: Option<usize> = None;
    let mut k = 0;
    while let Some(line) = content.get(k) {
        let text = line.text.trim();
        if is_part_heading(text) {
            k += 1;
            continue;
        }
        let Some((level, number, rest)) = heading(text) else {
            if let Some(b) = blocks.last_mut() {
                b.lines.push(line);
            }
            k += 1;
            continue;
        };
        let mut title = rest.to_string();
        let mut span = trimmed_span(line);
        let mut next = k + 1;
        let mut carried: Vec<&Line> = Vec::new();
        if level == 1 && !title_complete(&title) {
            let prev_open = blocks.last().and_then(|b| b.lines.last()).is_some_and(|l| !ends_sentence(&l.text));
            if let Some(tail) = content.get(k + 1).filter(|l| is_title_tail(&l.text)) {
                title.push_str(tail.text.trim());
                span = span.cover(trimmed_span(tail));
                next = k + 2;
            } else if prev_open {
                // The heading fell inside the previous paragraph (a page layout moved it): the
                // lines up to the rest of its title continue that paragraph.
                let end = (k + 40).min(content.len());
                let tail = (k + 1..end)
                    .take_while(|&m| content.get(m).is_some_and(|l| heading(&l.text).is_none()))
                    .find(|&m| content.get(m).is_some_and(|l| is_title_tail(&l.text)));
                if let Some(m) = tail {
                    carried.extend(content[k + 1..m].iter().copied());
                    if let Some(t) = content.get(m) {
                        title.push_str(t.text.trim());
                        span = span.cover(trimmed_span(t));
                    }
                    next = m + 1;
                }
            }
        }
        if let Some(b) = blocks.last_mut() {
            b.lines.extend(carried);
        }
        let (mut scope, mut topic) = lexicon::section_kind(&title);
        let parent = if level == 2 { top } else { None };
        if let Some(p) = parent.and_then(|p| sections.get(p)) {
            if scope == Scope::Unspecified {
                scope = p.scope;
            }
            if topic == Topic::Other {
                topic = p.topic;
            }
        }
        sections.push(Section { number, level, parent, title, scope, topic, span });
        let idx = sections.len() - 1;
        if level == 1 {
            top = Some(idx);
        }
        // A heading that is itself a statement (`（一）因公出国（境）费0万元，比2023年预算持平。`)
        // names its section and is read for its figures too.
        let stated = if is_statement(&sections[idx].title) { content[k..next].to_vec() } else { Vec::new() };
        blocks.push(Block { section: Some(idx), lines: stated });
        k = next;
    }
    (sections, blocks)
}

/// A title that carries a figure with its unit inside a sentence: a statement, not a name.
fn is_statement(title: &str) -> bool {
    let has_figure = title.char_indices().any(|(i, c)| {
        c.is_ascii_digit()
            && title[i..]
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                .starts_with(['万', '元', '%'])
    });
    has_figure && title.contains(['，', '。', '；'])
}

/// Reads the narrative's sections and facts. `lines` are Part 3 without the performance tables.
pub fn read(lines: &[Line]) -> (Vec<Section>, Vec<Fact>, Vec<ReadNote>) {
    read_with(lines, Catalog::shared_builtin(), None)
}

/// [`read`] with the catalog that names functional codes (the user's official one, when given)
/// and the budget year, when the document states it (a numbered year before it is last year).
pub fn read_with(lines: &[Line], catalog: &Catalog, year: Option<u16>) -> (Vec<Section>, Vec<Fact>, Vec<ReadNote>) {
    let (sections, blocks) = structure(lines);
    let mut reader = Reader::new(catalog);
    reader.year = year;
    // Headings say 决算 (a fragment without headings: its words do).
    reader.final_accounts = if sections.is_empty() {
        lines.iter().any(|l| l.text.contains("决算"))
    } else {
        sections.iter().any(|s| s.title.contains("决算"))
    };
    let mut total = None;
    let mut last_top = None;
    for block in &blocks {
        let section = block.section.and_then(|s| sections.get(s));
        let (scope, topic) = section.map(|s| (s.scope, s.topic)).unwrap_or((Scope::Unspecified, Topic::Other));
        // Project descriptions and state assets have their own readers.
        if matches!(topic, Topic::Projects | Topic::StateAssets) {
            continue;
        }
        let top = section.map(|s| s.parent.or(block.section));
        if top != last_top {
            total = None;
            last_top = top;
        }
        // A project description under no heading of its own (a table of 项目名称 | … cells after
        // the last section) is the project reader's, to the block's end.
        let own = block.lines.iter().position(|l| crate::text::projects::opens_project(&l.text));
        let joined = Joined::from_lines(block.lines[..own.unwrap_or(block.lines.len())].iter().copied());
        if joined.is_empty() {
            continue;
        }
        let norm = Norm::from_joined(&joined);
        let mut ctx = BodyCtx { section: block.section, scope, topic, total };
        reader.read_body(&norm, &mut ctx);
        total = ctx.total;
    }
    let facts = compact(reader.facts);
    (sections, facts, reader.notes)
}

/// Drops facts that stated nothing (a subject named before `：` whose figure never came, a
/// list head whose list was parts), and empty listings; renumbers references.
fn compact(facts: Vec<Fact>) -> Vec<Fact> {
    let referenced: Vec<bool> = (0..facts.len())
        .map(|k| facts.iter().any(|f| f.parent == Some(k) || f.share.as_ref().and_then(|s| s.of_fact) == Some(k)))
        .collect();
    let keep: Vec<bool> = facts
        .iter()
        .zip(&referenced)
        .map(|(f, r)| {
            *r || f.amount.is_some()
                || f.count.is_some()
                || f.share.is_some()
                || f.change.is_some()
                || f.absent
                || !f.budgets.is_empty()
                || f.completion.is_some()
                || f.versus_budget.is_some()
                || f.listing.as_ref().is_some_and(|l| !l.names.is_empty())
        })
        .collect();
    let mut map = vec![None; facts.len()];
    let mut n = 0;
    for (k, kept) in keep.iter().enumerate() {
        if *kept {
            map[k] = Some(n);
            n += 1;
        }
    }
    let remap = |r: Option<usize>| r.and_then(|k| map.get(k).copied().flatten());
    facts
        .into_iter()
        .zip(keep)
        .filter(|(_, kept)| *kept)
        .map(|(mut f, _)| {
            f.parent = remap(f.parent);
            if let Some(s) = f.share.as_mut() {
                s.of_fact = remap(s.of_fact);
            }
            if f.listing.as_ref().is_some_and(|l| l.names.is_empty()) {
                f.listing = None;
            }
            f
        })
        .collect()
}
