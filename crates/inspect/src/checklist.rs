//! The inspection checklist (检查表) finance bureaus fill in by hand: one row per required part
//! of a disclosure, whether it is there and in order, and what the checker found about it.

use crate::parts::{contents_line, has_cover, part_at, part_of_topic, regions, Region};
use yusuan_checker::{Finding, Report, Severity};
use yusuan_model::origin::{Location, SourceMap};
use yusuan_model::registry::{detect_document, registry, required_tables, stands_for};
use yusuan_model::table::DocumentKind;
use yusuan_model::{Disclosure, Span};

/// A part a disclosure must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// 封面.
    Cover,
    /// 目录.
    Contents,
    /// 部门概况：主要职能.
    Duties,
    /// 部门概况：机构设置.
    Organisation,
    /// 名词解释.
    Glossary,
    /// 编制说明 / 情况说明.
    Narrative,
    /// A required table, by its registry kind.
    Table(&'static str),
    /// 其他相关说明 (机关运行经费, 政府采购, 国有资产占用, 绩效 …).
    OtherNotes,
    /// 项目情况.
    Projects,
    /// 绩效目标.
    Performance,
}

impl Part {
    /// The row's name in the checklist.
    pub fn name(self) -> String {
        match self {
            Part::Cover => "封面".into(),
            Part::Contents => "目录".into(),
            Part::Duties => "部门概况—主要职能".into(),
            Part::Organisation => "部门概况—机构设置".into(),
            Part::Glossary => "名词解释".into(),
            Part::Narrative => "编制说明/情况说明".into(),
            Part::Table(kind) => {
                yusuan_model::registry::schema(kind).map_or_else(|| kind.to_string(), |s| s.title.into())
            }
            Part::OtherNotes => "其他相关说明".into(),
            Part::Projects => "项目情况".into(),
            Part::Performance => "绩效目标".into(),
        }
    }
}

/// One row of the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChecklistItem {
    pub part: Part,
    /// 检查项目.
    pub name: String,
    /// Whether the document has the part (and, for a table, it was read).
    pub present: bool,
    /// 符合要求: present and no error found in it. Warnings are listed but leave it 是.
    pub complies: bool,
    /// 发现的问题: why it is missing, and the findings about it, in Chinese with line (and page).
    pub problems: Vec<String>,
    /// 位置: where the part is (lines, or page or sheet).
    pub position: Option<String>,
}

/// The checklist of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    pub document: DocumentKind,
    pub items: Vec<ChecklistItem>,
}

impl Checklist {
    /// The checklist of a document from its model and its check report.
    pub fn build(doc: &Disclosure, report: &Report) -> Checklist {
        let regions = regions(doc);
        // The document's form says which parts and tables it has (each table named by the
        // national kind it stands for; the checker's C001 asks for the same); a document in no
        // known form is checked against the shipped form of its kind.
        let fitted = detect_document(doc).filter(|f| f.fits).map(|f| f.form);
        let form = fitted.or_else(|| registry().forms().iter().copied().find(|f| f.document == doc.document));
        let declared: &[&str] = form.map_or(yusuan_model::form::PARTS, |f| f.parts);
        let has = |key: &str| declared.contains(&key);
        let mut parts: Vec<Part> = [
            ("cover", Part::Cover),
            ("contents", Part::Contents),
            ("duties", Part::Duties),
            ("organisation", Part::Organisation),
            ("glossary", Part::Glossary),
            ("narrative", Part::Narrative),
        ]
        .into_iter()
        .filter(|(k, _)| has(k))
        .map(|(_, p)| p)
        .collect();
        let required: Vec<&'static str> = match fitted {
            Some(form) => form.required_kinds.iter().map(|&k| stands_for(k).unwrap_or(k)).collect(),
            None => required_tables(doc.document).to_vec(),
        };
        // Then every other table the document publishes, in its order.
        parts.extend(required.iter().map(|&k| Part::Table(k)));
        for t in &doc.tables {
            if let Some(k) = stands_for(&t.kind).filter(|k| !required.contains(k)) {
                if !parts.contains(&Part::Table(k)) {
                    parts.push(Part::Table(k));
                }
            }
        }
        parts.extend(
            [("other_notes", Part::OtherNotes), ("projects", Part::Projects), ("performance", Part::Performance)]
                .into_iter()
                .filter(|(k, _)| has(k))
                .map(|(_, p)| p),
        );
        let mut items: Vec<ChecklistItem> = parts.iter().map(|&p| item(doc, &regions, p)).collect();
        for f in report.findings.iter().filter(|f| f.severity != Severity::Info) {
            let part = part_at(&regions, f.span.line).unwrap_or(Part::Narrative);
            // A finding about a part not in the list (a table of another kind) goes to 情况说明.
            let i = items
                .iter()
                .position(|i| i.part == part)
                .or_else(|| items.iter().position(|i| i.part == Part::Narrative));
            if let Some(item) = i.and_then(|i| items.get_mut(i)) {
                item.problems.push(describe_finding(f, doc.source_map.as_ref()));
                if f.severity == Severity::Error {
                    item.complies = false;
                }
            }
        }
        Checklist { document: doc.document, items }
    }

    /// Every part present and no error in any.
    pub fn complies(&self) -> bool {
        self.items.iter().all(|i| i.complies)
    }

    /// The names of the parts missing.
    pub fn missing(&self) -> Vec<&str> {
        self.items.iter().filter(|i| !i.present).map(|i| i.name.as_str()).collect()
    }

    pub fn item(&self, part: Part) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.part == part)
    }
}

fn item(doc: &Disclosure, regions: &[Region], part: Part) -> ChecklistItem {
    let (present, missing_reason): (bool, &str) = match part {
        Part::Cover => (has_cover(doc), "未找到封面：正文之前没有单位名称或预算（决算）标题"),
        Part::Contents => (contents_line(doc).is_some(), "未找到目录"),
        Part::Duties => (!doc.overview.duties.is_empty(), "未找到主要职能"),
        Part::Organisation => {
            let o = &doc.overview.organisation;
            let any = o.no_subordinate_units.is_some()
                || o.subordinate_unit_count.is_some()
                || !o.subordinate_units.is_empty()
                || o.division_count.is_some()
                || !o.divisions.is_empty();
            (any, "未找到机构设置情况")
        }
        Part::Glossary => (!doc.glossary.is_empty(), "未找到名词解释"),
        Part::Narrative => (
            doc.narrative.sections.iter().any(|s| s.level <= 1 && part_of_topic(s.topic) == Part::Narrative),
            "未找到编制说明（情况说明）",
        ),
        Part::Table(kind) => match doc.tables.iter().find(|t| t.kind == kind || stands_for(&t.kind) == Some(kind)) {
            None => (false, "缺少该表"),
            Some(t) => (!t.rows.is_empty() || t.is_empty_table(), "该表未能读出数据（没有数据行，也没有空表说明）"),
        },
        Part::OtherNotes => (
            doc.narrative.sections.iter().any(|s| part_of_topic(s.topic) == Part::OtherNotes),
            "未找到其他相关说明（机关运行经费、政府采购、国有资产占用、绩效目标等）",
        ),
        Part::Projects => (!doc.narrative.projects.is_empty(), "未找到项目情况说明"),
        Part::Performance => (!doc.performance.is_empty(), "未找到绩效目标"),
    };
    let position = position(doc, regions, part);
    ChecklistItem {
        part,
        name: part.name(),
        present,
        complies: present,
        problems: if present { Vec::new() } else { vec![missing_reason.to_string()] },
        position: if present { position } else { None },
    }
}

/// Where a part stands: its first and last lines, and its page or sheet when the document was
/// rebuilt from a PDF or workbook.
fn position(doc: &Disclosure, regions: &[Region], part: Part) -> Option<String> {
    let mut own = regions.iter().filter(|r| r.part == part);
    let first = own.next()?;
    let (start, end) = own.fold((first.start, first.end), |(a, b), r| (a.min(r.start), b.max(r.end)));
    let lines = if start == end { format!("第 {start} 行") } else { format!("第 {start}–{end} 行") };
    let place = doc.source_map.as_ref().and_then(|m| m.locate(Span::on_line(start, 1, 2)));
    Some(match place {
        Some(l) => format!("{}，{lines}", Location { place: l.place, at: None }.describe(true)),
        None => lines,
    })
}

/// A finding in the checklist's words: `第 1116 行：… （应为 9，实为 3）`.
fn describe_finding(f: &Finding, map: Option<&SourceMap>) -> String {
    let mut at = format!("第 {} 行", f.span.line);
    if let Some(l) = map.and_then(|m| m.locate(f.span)) {
        at.push_str(&format!("（{}）", l.describe(true)));
    }
    let warning = if f.severity == Severity::Warning { "［警告］" } else { "" };
    let mut out = format!("{at}：{warning}{}", f.message.zh);
    if let (Some(e), Some(a)) = (&f.expected, &f.actual) {
        out.push_str(&format!("（应为 {e}，实为 {a}）"));
    }
    out
}
