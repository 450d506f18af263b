//! `yusuan extract --format text`: a plain-text report of what was read from a disclosure, for a
//! researcher at a terminal. Every part of the model appears, in the order of the document, with
//! figures and document text as printed and the renderer's own labels in the chosen language.

mod grid;
mod narrative;
mod overview;
mod performance;
mod projects;
mod tables;

use crate::Lang;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::table::DocumentKind;
use yusuan_model::{Disclosure, Span};

/// The whole report.
pub fn summary(d: &Disclosure, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, d, lang);
    overview::render(&mut out, &d.overview, lang);
    tables::render(&mut out, &d.tables, d.department.as_ref().map(|s| s.value.as_str()), lang);
    narrative::render(&mut out, &d.narrative, lang);
    projects::render_projects(&mut out, &d.narrative.projects, lang);
    projects::render_assets(&mut out, &d.narrative.state_assets, lang);
    performance::render(&mut out, &d.performance, lang);
    glossary(&mut out, d, lang);
    notes(&mut out, &d.notes, lang);
    out
}

fn header(out: &mut String, d: &Disclosure, lang: Lang) {
    let kind = match d.document {
        DocumentKind::Budget => lang.pick("部门预算公开", "Department budget disclosure"),
        DocumentKind::FinalAccounts => lang.pick("部门决算公开", "Department final accounts disclosure"),
    };
    let department = match &d.department {
        Some(s) => s.value.clone(),
        None => lang.pick("（未识别部门）", "(department not found)").to_string(),
    };
    let year = match &d.year {
        Some(y) => format!("{}{}", y.value, lang.pick("年", "")),
        None => lang.pick("（未识别年度）", "(year not found)").to_string(),
    };
    out.push_str(&format!("{kind} · {department} · {year}\n"));
    let signed = d.signed.as_ref().map_or(lang.pick("（未见）", "(not found)"), |s| s.value.as_str());
    out.push_str(&format!("{}{signed}\n", lang.pick("落款日期：", "Signed: ")));
    let n = &d.narrative;
    out.push_str(&match lang {
        Lang::Zh => format!(
            "内容：表 {} 张，说明事实 {} 条，项目 {} 个，绩效目标表 {} 张，名词 {} 个，提示 {} 条\n",
            d.tables.len(),
            n.facts.len(),
            n.projects.len(),
            d.performance.len(),
            d.glossary.len(),
            d.notes.len()
        ),
        Lang::En => format!(
            "Contents: {} tables, {} facts, {} projects, {} performance tables, {} glossary terms, {} notes\n",
            d.tables.len(),
            n.facts.len(),
            n.projects.len(),
            d.performance.len(),
            d.glossary.len(),
            d.notes.len()
        ),
    });
}

fn glossary(out: &mut String, d: &Disclosure, lang: Lang) {
    heading(out, lang.pick("名词解释", "Glossary"));
    if d.glossary.is_empty() {
        none(out, lang);
    }
    for e in &d.glossary {
        out.push_str(&format!("{}{}{}\n", e.term.value, lang.pick("：", ": "), e.definition.value));
    }
}

fn notes(out: &mut String, notes: &[ReadNote], lang: Lang) {
    heading(out, lang.pick("读取提示", "Notes"));
    if notes.is_empty() {
        none(out, lang);
    }
    for n in notes {
        let at = n.span.map_or_else(|| "—".to_string(), |s| lines(s, lang));
        out.push_str(&format!("{at}  [{}] {}\n", note_kind(n.kind, lang), n.message(lang_code(lang))));
    }
}

fn note_kind(kind: NoteKind, lang: Lang) -> &'static str {
    match kind {
        NoteKind::AmbiguousColumns => lang.pick("栏目未定", "ambiguous columns"),
        NoteKind::InconsistentColumns => lang.pick("数字不平", "inconsistent columns"),
        NoteKind::UnreadLine => lang.pick("未读行", "unread line"),
        NoteKind::UnknownTable => lang.pick("未知表", "unknown table"),
        NoteKind::MalformedText => lang.pick("乱码", "malformed text"),
        NoteKind::MissingPart => lang.pick("缺少部分", "missing part"),
        NoteKind::MissingField => lang.pick("缺少字段", "missing field"),
    }
}

fn lang_code(lang: Lang) -> &'static str {
    lang.pick("zh", "en")
}

/// A part's heading, after a blank line.
fn heading(out: &mut String, title: &str) {
    out.push_str(&format!("\n== {title} ==\n"));
}

/// The line for a part the document did not have or the reader did not find.
fn none(out: &mut String, lang: Lang) {
    out.push_str(lang.pick("（无）\n", "(none)\n"));
}

/// `第 12 行` / `line 12`, or a range when the span crosses lines.
fn lines(span: Span, lang: Lang) -> String {
    match (span.line == span.end_line, lang) {
        (true, Lang::Zh) => format!("第 {} 行", span.line),
        (true, Lang::En) => format!("line {}", span.line),
        (false, Lang::Zh) => format!("第 {}–{} 行", span.line, span.end_line),
        (false, Lang::En) => format!("lines {}–{}", span.line, span.end_line),
    }
}

/// A count's change with its sign (`+6`, `-2`, `0`).
fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}
