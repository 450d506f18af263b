//! The human report of a batch: a line per file, the findings with `verbose`, a summary table.

use crate::outcome::{BatchSummary, FileOutcome, FindingRecord};
use yusuan_checker::Severity;

/// The report, messages in `lang` (`zh` or `en`). With `verbose`, each file's errors and warnings
/// follow its line (infos are left to the JSON and CSV).
pub fn render(outcomes: &[FileOutcome], lang: &str, verbose: bool, stats: bool) -> String {
    let en = lang == "en";
    let mut out = String::new();
    for o in outcomes {
        let path = o.path.display();
        match &o.result {
            Ok(c) if en => out.push_str(&format!(
                "{path}: {}, {}\n",
                count_en(c.summary.errors, "error"),
                count_en(c.summary.warnings, "warning")
            )),
            Ok(c) => out.push_str(&format!("{path}：{} 个错误，{} 个警告\n", c.summary.errors, c.summary.warnings)),
            Err(e) if en => out.push_str(&format!("{path}: unreadable: {}\n", e.message(lang))),
            Err(e) => out.push_str(&format!("{path}：无法读取：{}\n", e.message(lang))),
        }
        if let (true, Ok(c)) = (stats, &o.result) {
            out.push_str(&format!("    {}\n", stats_line(c, lang)));
        }
        if let (true, Ok(c)) = (verbose, &o.result) {
            for f in c.findings.iter().filter(|f| f.severity != Severity::Info) {
                out.push_str(&format!("    {}\n", finding_line(f, lang)));
            }
        }
    }
    out.push('\n');
    out.push_str(&summary_table(&BatchSummary::of(outcomes), lang));
    out
}

/// `1 error`, `2 errors`, `0 warnings`: an English count with its noun in the right number.
pub fn count_en(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `错误[A001] 第 1116 行第 5 列（第 3 页）：…（应为 9，实为 3）`.
pub fn finding_line(f: &FindingRecord, lang: &str) -> String {
    let en = lang == "en";
    let mut at = if en {
        format!("line {}, column {}", f.span.line, f.span.col)
    } else {
        format!("第 {} 行第 {} 列", f.span.line, f.span.col)
    };
    if let Some(l) = &f.location {
        at.push_str(&if en { format!(" ({})", l.describe(false)) } else { format!("（{}）", l.describe(true)) });
    }
    let mut line = if en {
        format!("{}[{}] {at}: {}", f.severity.label(lang), f.rule, f.message.get(lang))
    } else {
        format!("{}[{}] {at}：{}", f.severity.label(lang), f.rule, f.message.get(lang))
    };
    if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
        line.push_str(&if en {
            format!(" (expected {e}, printed {a})")
        } else {
            format!("（应为 {e}，实为 {a}）")
        });
    }
    if let Some(s) = &f.suggestion {
        let at = if en {
            format!("line {}, column {}", s.span.line, s.span.col)
        } else {
            format!("第 {} 行第 {} 列", s.span.line, s.span.col)
        };
        line.push_str(&if en {
            format!(" help: should be {} at {at}", s.value)
        } else {
            format!(" help: 应为 {}（{at}）", s.value)
        });
    }
    line
}

/// `--stats` for one file of a batch: figures read / settled / verified / unverified, and why.
pub fn stats_line(c: &crate::outcome::Checked, lang: &str) -> String {
    let en = lang == "en";
    let why: Vec<String> = c
        .why_unverified
        .iter()
        .map(|(w, n)| if en { format!("{} {n}", w.label(lang)) } else { format!("{}{n}", w.label(lang)) })
        .collect();
    let unverified = c.figures.saturating_sub(c.verified);
    if en {
        format!(
            "figures {}, settled {}, verified {}, unverified {} ({})",
            c.figures,
            c.settled,
            c.verified,
            unverified,
            why.join(", ")
        )
    } else {
        format!(
            "数字 {}，栏目已确定 {}，经核验 {}，未核验 {}（{}）",
            c.figures,
            c.settled,
            c.verified,
            unverified,
            why.join("，")
        )
    }
}

fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The totals as a two-column table.
pub fn summary_table(s: &BatchSummary, lang: &str) -> String {
    let rows: [(&str, &str, usize); 6] = [
        ("文件", "files", s.files),
        ("已检查", "checked", s.checked),
        ("有错误的文件", "with errors", s.with_errors),
        ("错误", "errors", s.errors),
        ("警告", "warnings", s.warnings),
        ("无法读取", "unreadable", s.unreadable),
    ];
    let label = |r: &(&'static str, &'static str, usize)| if lang == "en" { r.1 } else { r.0 };
    let w = rows.iter().map(|r| width(label(r))).max().unwrap_or(0);
    let mut out = String::from(if lang == "en" { "Summary\n" } else { "汇总\n" });
    for r in &rows {
        let l = label(r);
        out.push_str(&format!("  {l}{}  {:>6}\n", " ".repeat(w - width(l)), r.2));
    }
    out
}
