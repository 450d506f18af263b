//! `yusuan check` and `yusuan rules`.

use crate::batch::BatchOptions;
use crate::lang::Lang;
use crate::CheckFormat;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use yusuan_checker::{check, Config, Finding, Report, Severity};
use yusuan_inspect::human::count_en;
use yusuan_model::origin::SourceMap;

/// `check PATH...`: one file as a compiler reports, or a batch (several paths, a folder, or the
/// json, csv and checklist formats: JSON has one shape, a batch of one file or of many).
pub fn run(
    paths: &[PathBuf],
    options: &BatchOptions,
    catalog_file: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let catalog = crate::extract::catalog(catalog_file, lang)?;
    match paths {
        [file] if !yusuan_inspect::is_batch(paths) && options.format == CheckFormat::Human => {
            single(file, options, &catalog, lang)
        }
        _ => crate::batch::run(paths, options, &catalog, lang),
    }
}

fn single(
    file: &Path,
    options: &BatchOptions,
    catalog: &yusuan_model::Catalog,
    lang: Lang,
) -> Result<ExitCode, String> {
    let opened = yusuan_inspect::open_to_check(file, catalog, options.max_bytes)
        .map_err(|e| format!("{}: {}", file.display(), e.message(lang.code())))?;
    let report = check(&opened.disclosure, &Config::default(), catalog);
    let map = opened.disclosure.source_map.as_ref();
    let color = options.out.is_none() && std::io::stdout().is_terminal();
    let out = human(&report, map, &opened.text, file, lang, options.verbose, color)
        + &if options.stats { stats_table(&report.coverage, file, lang) } else { String::new() };
    crate::batch::emit(options, out.as_bytes(), lang)?;
    Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A finding as a compiler prints one: severity and code, message, then the source lines with
/// the figure underlined.
fn render_finding(
    f: &Finding,
    lines: &[&str],
    map: Option<&SourceMap>,
    file: &Path,
    lang: Lang,
    color: bool,
) -> String {
    let (label, colour) = match f.severity {
        Severity::Error => (f.severity.label(lang.code()), "1;31"),
        Severity::Warning => (f.severity.label(lang.code()), "1;33"),
        Severity::Info => (f.severity.label(lang.code()), "1;36"),
    };
    let mut out = format!(
        "{}[{}]: {}\n  --> {}:{}:{}\n",
        paint(label, colour, color),
        f.rule,
        f.message.get(lang.code()),
        file.display(),
        f.span.line,
        f.span.col
    );
    // `= 位置：第 5 页 (x 120.5, y 340.2)` under a place, when the source map knows it.
    let located = |span: yusuan_model::Span| -> String {
        match map.and_then(|m| m.locate(span)) {
            Some(l) => match lang {
                Lang::Zh => format!("   = 位置：{}\n", l.describe(true)),
                Lang::En => format!("   = location: {}\n", l.describe(false)),
            },
            None => String::new(),
        }
    };
    out.push_str(&located(f.span));
    let underline = |span: yusuan_model::Span, note: Option<&str>| -> String {
        let Some(text) = lines.get(span.line.saturating_sub(1) as usize) else { return String::new() };
        let start = span.col.saturating_sub(1) as usize;
        let end =
            if span.end_line == span.line { span.end_col.saturating_sub(1) as usize } else { text.chars().count() };
        let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
        let before: String = text.chars().take(start).collect();
        let inside: String = text.chars().skip(start).take(end.saturating_sub(start).max(1)).collect();
        format!(
            "{:>5} | {}\n      | {}{}{}\n",
            span.line,
            text,
            " ".repeat(width(&before)),
            paint(&"^".repeat(width(&inside).max(1)), colour, color),
            note.map(|n| format!(" {n}")).unwrap_or_default()
        )
    };
    out.push_str(&underline(f.span, None));
    for r in f.related.iter().take(12) {
        out.push_str(&underline(r.span, Some(r.label.get(lang.code()))));
    }
    if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
        out.push_str(&match lang {
            Lang::Zh => format!("      = 应为：{e}，实为：{a}\n"),
            Lang::En => format!("      = expected: {e}, printed: {a}\n"),
        });
    }
    if let Some(s) = &f.suggestion {
        out.push_str(&format!(
            "{}: {}\n  --> {}:{}:{}\n",
            paint("help", "1;32", color),
            lang.pick(&format!("应为 {}", s.value), &format!("should be {}", s.value)),
            file.display(),
            s.span.line,
            s.span.col
        ));
        out.push_str(&located(s.span));
        out.push_str(&underline(s.span, Some(&s.value)));
    }
    out
}

pub(crate) fn human(
    report: &Report,
    map: Option<&SourceMap>,
    text: &str,
    file: &Path,
    lang: Lang,
    verbose: bool,
    color: bool,
) -> String {
    // Split as the reader numbers lines: a form feed (pdftotext's page break) starts a line.
    let lines: Vec<&str> =
        text.split('\n').flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split(['\r', '\u{c}'])).collect();
    let mut out = String::new();
    for f in &report.findings {
        if f.severity == Severity::Info && !verbose {
            continue;
        }
        out.push_str(&render_finding(f, &lines, map, file, lang, color));
        out.push('\n');
    }
    let s = &report.summary;
    out.push_str(&match lang {
        Lang::Zh => format!(
            "{}：{} 个错误，{} 个警告，{} 条提示；共 {} 个数字，{} 个经至少一条勾稽关系核验\n",
            file.display(),
            s.errors,
            s.warnings,
            s.infos,
            report.coverage.figures,
            report.coverage.verified
        ),
        Lang::En => format!(
            "{}: {}, {}, {}; {}, {} verified by at least one identity\n",
            file.display(),
            count_en(s.errors, "error"),
            count_en(s.warnings, "warning"),
            count_en(s.infos, "info"),
            count_en(report.coverage.figures, "figure"),
            report.coverage.verified
        ),
    });
    if verbose {
        out.push_str(lang.pick("未能核验的数字：\n", "figures no rule could verify:\n"));
        for span in &report.coverage.unverified {
            let text = lines.get(span.line.saturating_sub(1) as usize).copied().unwrap_or("");
            let figure: String = text
                .chars()
                .skip(span.col.saturating_sub(1) as usize)
                .take((span.end_col.saturating_sub(span.col)) as usize)
                .collect();
            out.push_str(&format!("  {}:{}:{} {}\n", file.display(), span.line, span.col, figure));
        }
    }
    out
}

/// `--stats`: the document's figures, read / settled / verified / left unverified and why.
pub fn stats_table(c: &yusuan_checker::finding::Coverage, file: &Path, lang: Lang) -> String {
    let code = lang.code();
    let mut rows: Vec<(String, usize)> = vec![
        (lang.pick("读出的数字", "figures read").to_string(), c.figures),
        (lang.pick("栏目已确定", "settled").to_string(), c.settled),
        (lang.pick("经勾稽核验", "verified").to_string(), c.verified),
        (lang.pick("未能核验", "left unverified").to_string(), c.unverified.len()),
    ];
    rows.extend(c.why_unverified.iter().map(|(why, n)| (format!("  {}", why.label(code)), *n)));
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum::<usize>();
    let w = rows.iter().map(|(l, _)| width(l)).max().unwrap_or(0);
    let mut out = format!("{}{}\n", file.display(), lang.pick("：数字统计", ": figures"));
    for (label, n) in &rows {
        out.push_str(&format!("  {label}{}  {n:>6}\n", " ".repeat(w - width(label))));
    }
    out
}

pub fn rules(lang: Lang) -> Result<ExitCode, String> {
    let mut out = String::new();
    for r in yusuan_checker::rules::all() {
        out.push_str(&format!(
            "{} {} [{}] ({})\n",
            r.info.code,
            r.info.name,
            r.info.severity.label(lang.code()),
            r.info.family.label(lang.code())
        ));
        for line in r.info.doc.lines() {
            out.push_str(&format!("    {}\n", line.trim()));
        }
        out.push('\n');
    }
    std::io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use yusuan_checker::Message;
    use yusuan_model::origin::{At, LineOrigin, PageBox, Piece, Place};
    use yusuan_model::Span;

    fn report_and_map() -> (Report, SourceMap) {
        let mut report = Report::default();
        report.findings.push(Finding {
            rule: "T001",
            severity: Severity::Error,
            message: Message::new("合计不等于各项之和", "the total is not the sum of its parts"),
            span: Span::on_line(2, 4, 9),
            related: Vec::new(),
            expected: Some("10.00".into()),
            actual: Some("12.00".into()),
            suggestion: Some(yusuan_checker::blame::Suggestion { span: Span::on_line(2, 4, 9), value: "10.00".into() }),
        });
        report.summary.errors = 1;
        let boxed = At::Box(PageBox { x0: 12050, y0: 34020, x1: 15000, y1: 35000 });
        let map = SourceMap {
            lines: vec![
                LineOrigin { place: Place::Page(3), pieces: vec![] },
                LineOrigin { place: Place::Page(3), pieces: vec![Piece { col: 4, end_col: 9, at: boxed }] },
            ],
        };
        (report, map)
    }

    #[test]
    fn a_finding_of_a_pdf_says_its_page_and_box() {
        let (report, map) = report_and_map();
        let text = "表 1\n合计  12.00\n";
        let zh = human(&report, Some(&map), text, Path::new("a.pdf"), Lang::Zh, false, false);
        assert!(zh.contains("  --> a.pdf:2:4\n   = 位置：第 3 页 (x 120.5, y 340.2)\n"), "{zh}");
        let en = human(&report, Some(&map), text, Path::new("a.pdf"), Lang::En, false, false);
        assert!(en.contains("   = location: page 3 at (120.5, 340.2)\n"), "{en}");
        let plain = human(&report, None, text, Path::new("a.txt"), Lang::Zh, false, false);
        assert!(!plain.contains("位置"), "{plain}");
        // The suggestion, pointing at its figure (on the PDF's page as well).
        assert!(zh.contains("help: 应为 10.00\n  --> a.pdf:2:4\n   = 位置：第 3 页 (x 120.5, y 340.2)\n"), "{zh}");
        assert!(en.contains("help: should be 10.00\n"), "{en}");
        assert!(
            plain.contains("help: 应为 10.00\n  --> a.txt:2:4\n    2 | 合计  12.00\n      |      ^^^^^ 10.00\n"),
            "{plain}"
        );
    }
}
