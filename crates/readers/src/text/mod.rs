//! The text reader: a disclosure as text extracted from its PDF (or typed) into the model.

pub mod assets;
mod assets_table;
pub mod glossary;
pub mod narrative;
pub mod overview;
pub mod performance;
pub mod projects;
pub mod segment;
pub mod source;
pub mod tables;

use crate::decode::decode;
use source::Joined;
use source::{page_furniture, split_pages, Line};
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::registry::detect_document;
use yusuan_model::span::{Span, Spanned};
use yusuan_model::table::DocumentKind;
use yusuan_model::{Catalog, Disclosure};

/// Reads a disclosure from the bytes of a text file, whatever its encoding.
pub fn read_bytes(bytes: &[u8]) -> Disclosure {
    read_bytes_with(bytes, Catalog::shared_builtin())
}

/// [`read_bytes`] with a given classification catalog (the official one a user holds).
pub fn read_bytes_with(bytes: &[u8], catalog: &Catalog) -> Disclosure {
    read_decoded(&decode(bytes), catalog)
}

/// Reads a disclosure from text already decoded; undecodable lines become notes.
pub fn read_decoded(decoded: &crate::decode::Decoded, catalog: &Catalog) -> Disclosure {
    let (lines, page_starts) = split_pages(&decoded.text);
    let mut d = read_paged(&lines, &page_starts, catalog);
    for &line in &decoded.malformed_lines {
        d.notes.push(ReadNote::new(
            NoteKind::MalformedText,
            Some(Span::on_line(line, 1, 1)),
            format!("第 {line} 行有无法按 {} 解码的字节", decoded.encoding),
            format!("line {line} has bytes that do not decode as {}", decoded.encoding),
        ));
    }
    d
}

/// Reads a disclosure from text.
pub fn read_str(text: &str) -> Disclosure {
    let (lines, page_starts) = split_pages(text);
    read_paged(&lines, &page_starts, Catalog::shared_builtin())
}

fn pick(lines: &[Line], range: Option<(usize, usize)>) -> &[Line] {
    range.map(|(a, b)| &lines[a..b]).unwrap_or(&[])
}

/// The cover: its first lines, before the contents or the first part (`上海市普陀区财政局` /
/// `2024年度部门决算`, or a title wrapped anywhere: `中共上海市普陀区委` / `社会工作部 2024 年度` /
/// `部门决算`). Gives the year a 预算 or 决算 title names, and who: the words before that year.
fn cover(lines: &[Line]) -> (Option<Spanned<u16>>, Option<Spanned<String>>) {
    let kept: Vec<&Line> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .take_while(|l| {
            let t = l.text.trim();
            !t.contains("目") || !t.contains("录") || t.chars().filter(|c| !c.is_whitespace()).count() > 2
        })
        .take_while(|l| !l.text.contains("部分"))
        .take(4)
        .collect();
    let j = Joined::from_lines(kept.iter().copied());
    let t = &j.text;
    for (at, _) in t.match_indices('年') {
        let before = t[..at].trim_end();
        let digits = before.chars().rev().take_while(|c| c.is_ascii_digit()).count();
        let names = t[at..].contains("预算") || t[at..].contains("决算");
        if digits != 4 || !names {
            continue;
        }
        let start = before.len() - 4;
        let Ok(year) = before[start..].parse::<u16>() else { continue };
        let year = Spanned::new(year, j.span(start, before.len()));
        let who = t[..start].trim();
        let who = (who.chars().count() >= 4 && !who.chars().any(|c| c.is_ascii_digit()))
            .then(|| Spanned::new(who.to_string(), j.span(0, who.len())));
        return (Some(year), who);
    }
    (None, None)
}

/// Reads a disclosure from its lines.
pub fn read_lines(lines: &[Line]) -> Disclosure {
    read_lines_with(lines, Catalog::shared_builtin())
}

/// [`read_lines`] with a given classification catalog.
pub fn read_lines_with(lines: &[Line], catalog: &Catalog) -> Disclosure {
    read_paged(lines, &[], catalog)
}

/// [`read_lines_with`] knowing where pages begin (`page_starts`: indices into `lines`): page
/// numbers and running headers and footers are blanked before anything is read (see
/// [`page_furniture`]), so none of them breaks a table, a paragraph or a performance table or
/// is read as a figure; the source lines keep them as printed.
pub fn read_paged(source: &[Line], page_starts: &[usize], catalog: &Catalog) -> Disclosure {
    let texts: Vec<&str> = source.iter().map(|l| l.text.as_str()).collect();
    let furniture = page_furniture(&texts, page_starts);
    let lines: Vec<Line> = source
        .iter()
        .zip(&furniture)
        .map(|(l, &drop)| if drop { Line { no: l.no, text: String::new() } } else { l.clone() })
        .collect();
    let mut d = read_clean(&lines, catalog);
    for (l, slot) in source.iter().zip(furniture) {
        if slot {
            d.page_furniture.push(l.no);
        }
        if let Some(s) = (l.no as usize).checked_sub(1).and_then(|i| d.source_lines.get_mut(i)) {
            s.clone_from(&l.text);
        }
    }
    d
}

fn read_clean(lines: &[Line], catalog: &Catalog) -> Disclosure {
    let seg = segment::segment(lines);
    let mut d = Disclosure::new(DocumentKind::Budget);
    if segment::is_final_accounts(lines, &seg) {
        d.document = DocumentKind::FinalAccounts;
    }
    let mut notes = Vec::new();

    let (tables, n) = tables::read_tables(lines, &seg.tables, catalog);
    d.tables = tables;
    notes.extend(n);

    let (overview, n) = overview::read(pick(lines, seg.overview));
    d.overview = overview;
    notes.extend(n);

    for &(a, b) in &seg.performance {
        let (p, n) = performance::read(&lines[a..b]);
        d.performance.push(p);
        notes.extend(n);
    }

    // The year: the overview's heading, else the cover (`上海市普陀区社会福利院2024年单位预算`).
    let (cover_year, cover_who) = cover(lines);
    let year = d.overview.year.clone().or(cover_year);
    let narrative_lines: Vec<Line> = seg.narrative.iter().map(|&i| lines[i].clone()).collect();
    let (sections, facts, n) = narrative::read_with(&narrative_lines, catalog, year.as_ref().map(|y| y.value));
    d.narrative.sections = sections;
    d.narrative.facts = facts;
    notes.extend(n);
    // A fragment without title or part headings: its section headings say 决算.
    if d.narrative.sections.iter().any(|s| s.title.contains("决算")) {
        d.document = DocumentKind::FinalAccounts;
    }
    let (projects, n) = projects::read(&narrative_lines);
    d.narrative.projects = projects;
    notes.extend(n);
    let (assets, n) = assets::read(&narrative_lines);
    d.narrative.state_assets = assets;
    notes.extend(n);

    let (glossary, n) = glossary::read(pick(lines, seg.glossary));
    d.glossary = glossary;
    notes.extend(n);

    // Who and when: the overview's heading, else the cover, else the tables' 编制部门; the
    // signature at the end.
    d.department =
        d.overview.department.clone().or(cover_who).or_else(|| d.tables.iter().find_map(|t| t.department.clone()));
    d.year = year;
    let tail = seg.glossary.map(|(a, _)| a).unwrap_or(lines.len().saturating_sub(8));
    if let Some((signer, date)) = glossary::signature(&lines[tail..]) {
        d.signed = Some(date);
        if d.department.is_none() {
            d.department = signer;
        }
    }

    d.notes = notes;
    // Indexed by line number, so a caller's slice of numbered lines still lines up.
    let last = lines.iter().map(|l| l.no as usize).max().unwrap_or(0);
    d.source_lines = vec![String::new(); last];
    for l in lines {
        if let Some(slot) = (l.no as usize).checked_sub(1).and_then(|i| d.source_lines.get_mut(i)) {
            slot.clone_from(&l.text);
        }
    }
    d.form = detect_document(&d).filter(|f| f.fits).map(|f| f.form.id.to_string());
    d
}
