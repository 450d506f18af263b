//! The CSV of a batch: one row per finding and one per unreadable file, UTF-8 with a byte-order
//! mark so that Excel shows the Chinese right.

use crate::outcome::{format_code, FileOutcome};

/// The columns, in order.
pub const HEADER: &[&str] = &[
    "path",
    "status",
    "format",
    "rule",
    "severity",
    "line",
    "column",
    "location",
    "message",
    "expected",
    "actual",
    "reason",
    "suggestion",
    "suggestion_line",
    "suggestion_column",
];

/// The whole batch as CSV bytes (with BOM), messages in `lang`.
pub fn render(outcomes: &[FileOutcome], lang: &str) -> Result<Vec<u8>, String> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(HEADER).map_err(|e| e.to_string())?;
        for o in outcomes {
            let path = o.path.display().to_string();
            let format = format_code(o.format).unwrap_or("");
            match &o.result {
                Ok(c) => {
                    for f in &c.findings {
                        let location = f.location.as_ref().map(|l| l.describe(lang != "en")).unwrap_or_default();
                        let at = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
                        let suggested = f.suggestion.as_ref();
                        w.write_record([
                            path.as_str(),
                            "ok",
                            format,
                            f.rule,
                            severity_code(f.severity),
                            &f.span.line.to_string(),
                            &f.span.col.to_string(),
                            &location,
                            f.message.get(lang),
                            f.expected.as_deref().unwrap_or(""),
                            f.actual.as_deref().unwrap_or(""),
                            "",
                            suggested.map(|s| s.value.as_str()).unwrap_or(""),
                            &at(suggested.map(|s| s.span.line)),
                            &at(suggested.map(|s| s.span.col)),
                        ])
                        .map_err(|e| e.to_string())?;
                    }
                }
                Err(e) => {
                    w.write_record([
                        path.as_str(),
                        "unreadable",
                        format,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        &e.message(lang),
                        "",
                        "",
                        "",
                    ])
                    .map_err(|e| e.to_string())?;
                }
            }
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

fn severity_code(s: yusuan_checker::Severity) -> &'static str {
    s.label("en")
}
