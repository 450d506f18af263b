//! One entry for a disclosure file of any format: text (any encoding), PDF or workbook. PDF and
//! workbook readers rebuild the document as text lines with a [`SourceMap`] back to pages and
//! cells, and the text reader reads those lines, so every format ends in the same model.

use crate::text::source::Line;
use std::fmt;
use yusuan_model::origin::SourceMap;
use yusuan_model::{Catalog, Disclosure};

/// The formats a disclosure comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Pdf,
    /// .xlsx, .xlsm, .xls (BIFF), .ods.
    Workbook,
}

impl Format {
    /// The format a file's first bytes say, else its extension says; `None` for neither.
    pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
        if bytes.starts_with(b"%PDF") || bytes.get(..1024).is_some_and(|h| h.windows(5).any(|w| w == b"%PDF-")) {
            return Some(Format::Pdf);
        }
        // A zip (xlsx, ods) or an OLE compound file (xls) is a workbook whatever its name (a Word
        // file is told apart before, by `OtherKind`).
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Some(Format::Workbook);
        }
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        match ext.as_str() {
            "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(Format::Workbook),
            "pdf" => Some(Format::Pdf),
            "txt" | "text" | "csv" | "md" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A document read: the model, and the text its spans refer to (the file's own text, or the text
/// rebuilt from a PDF or workbook, whose lines the model's `source_map` places).
#[derive(Clone, Debug)]
pub struct Opened {
    pub format: Format,
    pub disclosure: Disclosure,
    pub text: String,
}

/// Why a file gave no disclosure. Every case names itself in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// Zero bytes, or only whitespace.
    Empty,
    /// A PDF whose pages carry images and no text: a scan, which needs OCR first.
    Scanned { pages: usize },
    /// A PDF or workbook the parser could not read (damaged, encrypted, not really that format).
    Damaged { format: Format, detail: String },
    /// Bytes that are no text (a binary file of another kind).
    NotText,
    /// The file is readable but holds nothing of a disclosure (no table, no statement, no heading).
    NotADisclosure,
    /// The file is another kind of document, whatever its name says (a Word file renamed .pdf,
    /// a web page, yusuan's own JSON).
    OtherKind(OtherKind),
}

/// Documents yusuan recognises but does not read as a disclosure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtherKind {
    Word,
    Html,
    Json,
}

impl OtherKind {
    /// What a file's bytes say it is, before its name is believed.
    pub fn detect(name: &str, bytes: &[u8]) -> Option<OtherKind> {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
        let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        if bytes.starts_with(b"PK\x03\x04") && has(b"word/") && !has(b"xl/") {
            return Some(OtherKind::Word);
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && (ext == "doc" || has(b"W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t"))
        {
            return Some(OtherKind::Word);
        }
        let text = String::from_utf8_lossy(head);
        let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_ascii_lowercase();
        if start.starts_with("<!doctype html") || start.starts_with("<html") || ext == "html" || ext == "htm" {
            return Some(OtherKind::Html);
        }
        if ext == "json" || (start.starts_with('{') && start.contains("\"schema_version\"")) {
            return Some(OtherKind::Json);
        }
        None
    }

    fn message(self, en: bool) -> &'static str {
        match (self, en) {
            (OtherKind::Word, true) => "a Word document (whatever its name says): save it as PDF, or its text as .txt, and check that",
            (OtherKind::Word, false) => "这是 Word 文档（与文件名无关）：请另存为 PDF 或文本（.txt）后再检查",
            (OtherKind::Html, true) => "a web page (HTML): yusuan reads disclosures as PDF, workbook or text; print the page to PDF, or save its text, and check that",
            (OtherKind::Html, false) => "这是网页（HTML）：yusuan 读取 PDF、Excel 或文本格式的公开文件；请将网页打印为 PDF 或另存为文本后再检查",
            (OtherKind::Json, true) => "a JSON file (yusuan's own output, or data): check the disclosure it came from (its .txt, .pdf or .xlsx)",
            (OtherKind::Json, false) => "这是 JSON 文件（yusuan 的输出或数据）：请检查它所对应的公开文件（.txt、.pdf 或 .xlsx）",
        }
    }
}

impl OpenError {
    pub fn message(&self, lang: &str) -> String {
        let en = lang == "en";
        match self {
            OpenError::Empty if en => "the file is empty".into(),
            OpenError::Empty => "文件为空".into(),
            OpenError::Scanned { pages } if en => {
                format!("a scanned PDF: its {pages} page(s) are images with no text layer; run OCR on it first")
            }
            OpenError::Scanned { pages } => {
                format!("扫描件 PDF：{pages} 页均为图像，没有文字层，需先做文字识别（OCR）")
            }
            OpenError::Damaged { format, detail } if en => format!("cannot read this {} ({detail})", format.name(true)),
            OpenError::Damaged { format, detail } => format!("无法读取此{}（{detail}）", format.name(false)),
            OpenError::NotText if en => "not a text, PDF or workbook file (binary content)".into(),
            OpenError::NotText => "不是文本、PDF 或 Excel 文件（二进制内容）".into(),
            OpenError::NotADisclosure if en => "no disclosure found: no table, heading or statement of one".into(),
            OpenError::NotADisclosure => "未找到预算公开内容：没有表格、标题或说明".into(),
            OpenError::OtherKind(k) => k.message(en).into(),
        }
    }
}

impl Format {
    fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (Format::Text, true) => "text file",
            (Format::Text, false) => "文本文件",
            (Format::Pdf, true) => "PDF",
            (Format::Pdf, false) => " PDF 文件",
            (Format::Workbook, true) => "workbook",
            (Format::Workbook, false) => " Excel 文件",
        }
    }
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("zh"))
    }
}

impl std::error::Error for OpenError {}

/// Reads a disclosure from a file's name (for its extension) and bytes.
pub fn open(name: &str, bytes: &[u8], catalog: &Catalog) -> Result<Opened, OpenError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(OpenError::Empty);
    }
    if let Some(kind) = OtherKind::detect(name, bytes) {
        return Err(OpenError::OtherKind(kind));
    }
    match Format::detect(name, bytes) {
        Some(Format::Pdf) => crate::pdf::read(bytes, catalog),
        Some(Format::Workbook) => crate::xlsx::read_workbook(bytes, catalog),
        Some(Format::Text) | None => open_text(bytes, catalog),
    }
}

fn open_text(bytes: &[u8], catalog: &Catalog) -> Result<Opened, OpenError> {
    let decoded = crate::decode::decode(bytes);
    if looks_binary(&decoded.text) {
        return Err(OpenError::NotText);
    }
    // Decoded once: the same text is read and kept for the findings' excerpts.
    let disclosure = crate::text::read_decoded(&decoded, catalog);
    if is_blank_model(&disclosure) {
        return Err(OpenError::NotADisclosure);
    }
    Ok(Opened { format: Format::Text, disclosure, text: decoded.text })
}

/// Reads text rebuilt from a PDF or workbook, whose lines `map` places.
pub fn read_rebuilt(
    format: Format,
    lines: Vec<String>,
    map: SourceMap,
    catalog: &Catalog,
) -> Result<Opened, OpenError> {
    let numbered: Vec<Line> =
        lines.iter().enumerate().map(|(i, t)| Line { no: i as u32 + 1, text: t.clone() }).collect();
    // A PDF's page breaks are known: where a line's page differs from the line before it.
    let page = |i: usize| match map.lines.get(i).map(|o| &o.place) {
        Some(yusuan_model::origin::Place::Page(p)) => Some(*p),
        _ => None,
    };
    let page_starts: Vec<usize> =
        (1..numbered.len()).filter(|&i| page(i).is_some() && page(i) != page(i - 1)).collect();
    let mut disclosure = crate::text::read_paged(&numbered, &page_starts, catalog);
    if is_blank_model(&disclosure) {
        return Err(OpenError::NotADisclosure);
    }
    disclosure.source_map = Some(map);
    Ok(Opened { format, disclosure, text: lines.join("\n") })
}

/// Text with many control characters or replacement characters is some other binary file.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let bad = sample
        .iter()
        .filter(|&&c| c == '\u{fffd}' || c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')))
        .count();
    !sample.is_empty() && bad * 10 > sample.len()
}

/// Nothing a disclosure has: no table, no fact, no section, no heading.
/// A form not filled in: tables that hold no figure, and no amount in the text. Gives the number
/// of its tables.
pub fn blank_template(d: &Disclosure) -> Option<usize> {
    let no_figure = d.tables.iter().all(|t| t.rows.iter().all(|r| r.values.is_empty()));
    let no_amount = d.narrative.facts.iter().all(|f| {
        f.amount.is_none()
            && f.share.is_none()
            && f.change.as_ref().is_none_or(|c| c.amount.is_none() && c.rate.is_none())
    });
    (!d.tables.is_empty() && no_figure && no_amount).then_some(d.tables.len())
}

/// Nothing of a disclosure: no table, heading, department or performance table, and no statement
/// about a subject a disclosure has (a text of `收入 12.00万元` lines is figures, not a disclosure).
fn is_blank_model(d: &Disclosure) -> bool {
    d.tables.is_empty()
        && d.narrative.facts.iter().all(|f| matches!(f.subject, yusuan_model::narrative::Subject::Other(_)))
        && d.narrative.sections.is_empty()
        && d.department.is_none()
        && d.performance.is_empty()
        && d.overview == Default::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> &'static Catalog {
        Catalog::shared_builtin()
    }

    #[test]
    fn formats_are_told_by_content_first() {
        assert_eq!(Format::detect("a.txt", b"%PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(Format::detect("A.XLSX", b"PK\x03\x04"), Some(Format::Workbook));
        assert_eq!(Format::detect("a.xls", b"\xd0\xcf\x11\xe0"), Some(Format::Workbook));
        assert_eq!(Format::detect("a.txt", b"abc"), Some(Format::Text));
        assert_eq!(Format::detect("noext", b"abc"), None);
    }

    #[test]
    fn empty_binary_and_blank_files_are_errors_not_empty_documents() {
        assert_eq!(open("a.txt", b"", cat()).unwrap_err(), OpenError::Empty);
        assert_eq!(open("a.txt", b"  \n\t\n", cat()).unwrap_err(), OpenError::Empty);
        let garbage: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(matches!(open("a.bin", &garbage, cat()).unwrap_err(), OpenError::NotText | OpenError::NotADisclosure));
        assert_eq!(open("a.txt", "今天天气很好。\n".as_bytes(), cat()).unwrap_err(), OpenError::NotADisclosure);
        for e in [OpenError::Empty, OpenError::Scanned { pages: 3 }, OpenError::NotText, OpenError::NotADisclosure] {
            assert!(!e.message("zh").is_empty() && e.message("en").is_ascii());
        }
    }

    #[test]
    fn the_seed_opens_as_text() {
        let bytes = include_bytes!("../../../fixtures/changji-hrss-2024-budget.txt");
        let o = open("seed.txt", bytes, cat()).unwrap();
        assert_eq!(o.format, Format::Text);
        assert_eq!(o.disclosure.tables.len(), 11);
        assert!(o.disclosure.source_map.is_none());
    }
}
