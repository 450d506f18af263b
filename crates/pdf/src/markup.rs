//! The disclosure as Typst markup. Every piece of document text goes through [`lit`], which
//! makes it a Typst string literal, so no character of the model is ever read as markup; the
//! markup is one function call a line (`#par(…)`, `#table(…)`), never text mode.

use std::fmt::Write;
use yusuan_model::performance::{PerformanceKind, PerformanceTargets};
use yusuan_model::table::Table;
use yusuan_model::{AmountUnit, Disclosure};
use yusuan_renderers::sheet::header::HeadCell;
use yusuan_renderers::sheet::prose::{
    asset_lines, assets_intro, assets_outro, indicator_columns, indicator_runs, narrative_blocks, organisation,
    project_fields, staffing, target, Block,
};
use yusuan_renderers::sheet::table::{
    table_sheet, BodyCell, ColumnKind, AMBIGUOUS, AMBIGUOUS_NOTE, INCONSISTENT, INCONSISTENT_NOTE,
};
use yusuan_renderers::sheet::text::{amount, cn_number};
use yusuan_renderers::sheet::titles;

/// Text as a Typst string literal (`"…"`), escaped.
pub fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Page, type and table styles.
const PREAMBLE: &str = r#"#set document(title: TITLE)
#set page(paper: "a4", margin: (x: 12mm, top: 16mm, bottom: 18mm), footer: context align(center, text(size: 9pt, counter(page).display("- 1 -"))))
#set text(font: ("Noto Serif CJK SC", "Noto Sans CJK SC"), lang: "zh", region: "cn", size: 10.5pt, top-edge: "ascender", bottom-edge: "descender")
#set par(justify: true, leading: 0.55em, spacing: 0.9em, first-line-indent: (amount: 2em, all: true))
#set table(stroke: 0.5pt + black, inset: (x: 2.5pt, y: 2pt))
#set table.cell(breakable: false)
#show table: set par(justify: false, first-line-indent: 0pt)
#show table: set text(size: 9pt)
#show heading: set text(font: ("Noto Sans CJK SC", "Noto Serif CJK SC"), weight: "bold")
#show heading: set par(first-line-indent: 0pt)
#show heading.where(level: 1): it => { set align(center); set text(size: 15pt); block(below: 6mm, it.body) }
#show heading.where(level: 2): it => { set align(center); set text(size: 15pt); block(above: 0pt, below: 3mm, it.body) }
#show heading.where(level: 3): it => { set text(size: 12pt); block(above: 5mm, below: 2mm, it.body) }
#show heading.where(level: 4): it => { set text(size: 10.5pt); block(above: 3mm, below: 1.5mm, it.body) }
"#;

/// The whole disclosure as one Typst document.
pub fn markup(d: &Disclosure) -> String {
    let t = titles(d);
    let mut out = String::with_capacity(256 * 1024);
    out.push_str(&PREAMBLE.replace("TITLE", &lit(&t.title)));

    // Cover, without a page number; then the contents (目录): the parts and the tables, with
    // their pages.
    out.push_str("#page(footer: none)[\n#v(60mm)\n");
    let _ = writeln!(
        out,
        "#align(center, text(size: 22pt, weight: \"bold\", font: (\"Noto Sans CJK SC\", \"Noto Serif CJK SC\"), {}))",
        lit(&t.title)
    );
    out.push_str("#v(8mm)\n");
    let signed = d.signed.as_ref().map_or("", |s| s.value.as_str());
    let _ = writeln!(out, "#align(center, text(size: 14pt, {}))", lit(signed));
    out.push_str("]\n#outline(title: [目录], depth: 2, indent: 2em)\n");

    // Part 1.
    part(&mut out, &t.overview());
    let dep = t.department.unwrap_or("本部门");
    h(&mut out, 3, "一、主要职能");
    if d.overview.duties.is_empty() {
        par(&mut out, "（无）");
    }
    for duty in &d.overview.duties {
        let number = duty.number.map(|n| format!("（{}）", cn_number(n as usize))).unwrap_or_default();
        par(&mut out, &format!("{number}{}", duty.text.value));
    }
    h(&mut out, 3, "二、机构设置及人员情况");
    if let Some(text) = organisation(&d.overview.organisation, dep) {
        par(&mut out, &text);
    }
    if let Some(text) = staffing(&d.overview.staffing, dep) {
        par(&mut out, &text);
    }

    // Part 2: its title page, then one table per page.
    part(&mut out, &t.tables());
    for tb in &d.tables {
        table(&mut out, tb, t.department);
    }

    // Part 3 and the performance tables.
    part(&mut out, &t.narrative());
    for block in narrative_blocks(&d.narrative) {
        match block {
            Block::Heading { level, text } => h(&mut out, if level <= 1 { 3 } else { 4 }, &text),
            Block::Paragraph(text) => par(&mut out, &text),
            Block::Project { heading, project } => {
                if let Some(text) = heading {
                    h(&mut out, 4, &text);
                }
                form(&mut out, &project_fields(project));
            }
            Block::Assets(a) => {
                if let Some(intro) = assets_intro(a) {
                    par(&mut out, &intro);
                    out.push_str("#table(columns: (2fr, 1fr, 1fr, 1fr), align: (x, y) => if y == 0 { center + horizon } else if x == 0 { left + horizon } else if x == 3 { right + horizon } else { center + horizon },\n");
                    out.push_str("  table.header([*资产类别*], [*数量*], [*面积*], [*价值*]),\n");
                    for (depth, name, count, area, value) in asset_lines(a) {
                        let _ = writeln!(
                            out,
                            "  table.cell(inset: (left: {}em + 2.5pt, right: 2.5pt, y: 2pt), {}), {}, {}, {},",
                            depth as f32 * 0.8,
                            lit(&name),
                            lit(&count),
                            lit(&area),
                            lit(&value)
                        );
                    }
                    out.push_str(")\n");
                }
                if let Some(outro) = assets_outro(a) {
                    par(&mut out, &outro);
                }
            }
        }
    }
    for p in &d.performance {
        performance(&mut out, p);
    }

    // Part 4 and the signature.
    part(&mut out, t.glossary());
    for (i, e) in d.glossary.iter().enumerate() {
        let _ = writeln!(
            out,
            "#par(first-line-indent: 0pt, [#{}#strong({})#{}])\n",
            lit(&format!("{}、", cn_number(i + 1))),
            lit(&e.term.value),
            lit(&format!("：{}", e.definition.value))
        );
    }
    out.push_str("#v(12mm)\n");
    for line in [t.department, d.signed.as_ref().map(|s| s.value.as_str())].into_iter().flatten() {
        let _ = writeln!(out, "#align(right, {})\n", lit(line));
    }
    out
}

/// A part's title page: a new page, the title as a level-1 heading.
fn part(out: &mut String, title: &str) {
    out.push_str("#pagebreak(weak: true)\n");
    h(out, 1, title);
}

fn h(out: &mut String, level: u8, text: &str) {
    let _ = writeln!(out, "#heading(level: {level}, {})\n", lit(text));
}

fn par(out: &mut String, text: &str) {
    let _ = writeln!(out, "#par({})\n", lit(text));
}

/// A label–value form (a project description).
fn form(out: &mut String, fields: &[(&str, Vec<String>)]) {
    // The label with its colon, in a column wide enough that no label wraps: a reader of the
    // text (pdftotext's too) then tells each field from the next.
    out.push_str("#table(columns: (9.5em, 1fr), align: (center + top, left + top),\n");
    for (label, values) in fields {
        let values: Vec<String> = values.iter().map(|v| format!("par({})", lit(v))).collect();
        let _ = writeln!(out, "  strong({}), {{ {} }},", lit(&format!("{label}：")), values.join("; "));
    }
    out.push_str(")\n#v(2mm)\n");
}

/// One table of Part 2 on its own page (landscape when wide), its header repeated on every page
/// the table runs over.
fn table(out: &mut String, t: &Table, department: Option<&str>) {
    let s = table_sheet(t, department);
    let _ = writeln!(out, "#page(flipped: {})[", s.wide);
    if let Some(n) = s.number {
        let _ = writeln!(out, "#align(left, strong({}))", lit(&format!("表 {n}")));
    }
    let _ = writeln!(out, "#heading(level: 2, {})", lit(s.title));
    let _ = writeln!(
        out,
        "#block(below: 1mm, text(size: 9pt, grid(columns: (1fr, auto), {}, {})))",
        lit(&format!("编制部门：{}", s.department)),
        lit(&format!("单位：{}", s.unit))
    );
    let size = if s.wide { "8pt" } else { "9pt" };
    // Figures of ten characters and more (元 tables, 亿-sized 万元) would overrun an equal share of
    // the page: their columns take the widest figure's width, the names what is left.
    let longest = s
        .lines
        .iter()
        .flat_map(|l| &l.cells)
        .filter_map(|c| match c {
            BodyCell::Amount { text, .. } => Some(text.chars().count()),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let amount_width = if longest >= 10 { format!("{:.1}em", longest as f32 * 0.56 + 0.8) } else { "1fr".into() };
    let widths: Vec<&str> = s
        .columns
        .iter()
        .map(|c| match (c, s.wide, s.sides) {
            (ColumnKind::Code, _, true) => "auto",
            (ColumnKind::Code, true, false) => "2.9em",
            (ColumnKind::Code, false, false) => "2.7em",
            (ColumnKind::Name, true, _) => "3fr",
            (ColumnKind::Name, false, true) => "2.4fr",
            (ColumnKind::Name, false, false) => "3fr",
            (ColumnKind::Project, _, _) => "2.4fr",
            (ColumnKind::Amount, _, _) => amount_width.as_str(),
        })
        .collect();
    let aligns: Vec<&str> = s
        .columns
        .iter()
        .map(|c| match c {
            ColumnKind::Code => "center",
            ColumnKind::Name | ColumnKind::Project => "left",
            ColumnKind::Amount => "right",
        })
        .collect();
    let head_rows = s.head.len() + usize::from(s.numbering.is_some());
    let _ = writeln!(
        out,
        "#text(size: {size}, table(columns: ({}), align: (x, y) => if y < {head_rows} {{ center + horizon }} else {{ ({},).at(x) + horizon }},",
        widths.join(", "),
        aligns.join(", ")
    );
    out.push_str("  table.header(\n");
    for row in &s.head {
        for cell in row {
            head_cell(out, cell);
        }
    }
    if let Some(numbering) = &s.numbering {
        for n in numbering {
            let _ = writeln!(out, "    {},", lit(n));
        }
    }
    out.push_str("  ),\n");
    if let Some(statement) = s.empty_statement {
        let _ = writeln!(
            out,
            "  table.cell(colspan: {}, align: center + horizon, inset: 6mm, {}),",
            s.columns.len().max(1),
            lit(statement)
        );
    }
    for line in &s.lines {
        for cell in &line.cells {
            body_cell(out, cell, line.total);
        }
    }
    out.push_str("))\n");
    if s.ambiguous {
        let _ = writeln!(out, "#text(size: 8.5pt, {})", lit(&format!("{AMBIGUOUS} {AMBIGUOUS_NOTE}")));
    }
    if s.inconsistent {
        let _ = writeln!(out, "#text(size: 8.5pt, {})", lit(&format!("{INCONSISTENT} {INCONSISTENT_NOTE}")));
    }
    out.push_str("]\n");
}

fn head_cell(out: &mut String, cell: &HeadCell) {
    let _ = writeln!(
        out,
        "    table.cell(colspan: {}, rowspan: {}, strong({})),",
        cell.colspan,
        cell.rowspan,
        lit(&cell.text)
    );
}

fn body_cell(out: &mut String, cell: &BodyCell, total: bool) {
    let text = |s: &str| if total { format!("strong({})", lit(s)) } else { lit(s) };
    let _ = match cell {
        BodyCell::Empty | BodyCell::Blank => writeln!(out, "  [],"),
        BodyCell::Code(c) => writeln!(out, "  {},", text(c)),
        BodyCell::Project(p) => writeln!(out, "  {},", text(p)),
        BodyCell::Name { text: name, depth: 0 } => writeln!(out, "  {},", text(name)),
        BodyCell::Name { text: name, depth } => writeln!(
            out,
            "  table.cell(inset: (left: {}em + 2.5pt, right: 2.5pt, y: 2pt), {}),",
            *depth as f32 * 0.8,
            text(name)
        ),
        BodyCell::Amount { text: a, inconsistent: false } => writeln!(out, "  {},", text(a)),
        BodyCell::Amount { text: a, inconsistent: true } => {
            writeln!(out, "  {},", text(&format!("{a}{INCONSISTENT}")))
        }
        BodyCell::Unplaced { span, values } => writeln!(
            out,
            "  table.cell(colspan: {span}, align: center + horizon, emph({})),",
            lit(&format!("{}{AMBIGUOUS}", values.join("    ")))
        ),
    };
}

/// A 绩效目标表 on its own page: the header form, then the indicator grid with 一级/二级指标
/// merged down their runs.
fn performance(out: &mut String, t: &PerformanceTargets) {
    let default_title = match t.kind {
        PerformanceKind::Department => "部门整体绩效目标表",
        PerformanceKind::Project => "项目支出绩效目标表",
    };
    let title = t.title.as_ref().map_or(default_title, |s| s.value.as_str());
    out.push_str("#pagebreak(weak: true)\n");
    h(out, 2, title);
    if let Some(y) = &t.year {
        let _ = writeln!(out, "#align(center, {})\n", lit(&format!("（{}年）", y.value)));
    }
    let text = |s: &Option<yusuan_model::Spanned<String>>| s.as_ref().map(|s| s.value.clone());
    out.push_str("#table(columns: (7.5em, 1fr, 7.5em, 1fr), align: (x, y) => if calc.rem(x, 2) == 0 { center + horizon } else { left + horizon },\n");
    let unit_label = match t.kind {
        PerformanceKind::Department => "部门名称",
        PerformanceKind::Project => "预算单位",
    };
    if let Some(unit) = text(&t.unit) {
        let _ = writeln!(out, "  strong({}), table.cell(colspan: 3, {}),", lit(unit_label), lit(&unit));
    }
    for (a, b) in [
        (("项目名称", text(&t.project)), ("项目负责人", text(&t.owner))),
        (("部门联系人", text(&t.contact)), ("联系电话", text(&t.phone))),
    ] {
        if a.1.is_none() && b.1.is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "  strong({}), {}, strong({}), {},",
            lit(a.0),
            lit(a.1.as_deref().unwrap_or("")),
            lit(b.0),
            lit(b.1.as_deref().unwrap_or(""))
        );
    }
    let budget: Vec<(String, String)> =
        [("年度预算总额", &t.budget_total), ("其中：财政拨款", &t.budget_fiscal), ("其他资金", &t.budget_other)]
            .into_iter()
            .filter_map(|(l, m)| m.as_ref().map(|m| (l.to_string(), amount(&m.value, AmountUnit::Wan))))
            .collect();
    money_block(out, "项目资金（万元）", &budget);
    let funding: Vec<(String, String)> =
        t.funding.iter().map(|f| (f.source.value.clone(), amount(&f.amount.value, AmountUnit::Wan))).collect();
    money_block(out, "资金来源（万元）", &funding);
    if let Some(goal) = text(&t.goal) {
        let _ = writeln!(out, "  strong(\"年度绩效目标\"), table.cell(colspan: 3, {}),", lit(&goal));
    }
    out.push_str(")\n");
    if t.indicators.is_empty() {
        return;
    }
    let shown = indicator_columns(&t.indicators);
    let mut widths = vec!["1fr", "1.2fr", "2fr", "1.2fr"];
    widths.extend(shown.iter().map(|_| "1.3fr"));
    let _ = writeln!(
        out,
        "#table(columns: ({}), align: (x, y) => if y == 0 or x < 2 {{ center + horizon }} else {{ left + horizon }},",
        widths.join(", ")
    );
    out.push_str("  table.header(strong(\"一级指标\"), strong(\"二级指标\"), strong(\"三级指标\"), strong(\"指标值\")");
    for (label, _) in &shown {
        let _ = write!(out, ", strong({})", lit(label));
    }
    out.push_str("),\n");
    let text = |s: &Option<yusuan_model::Spanned<String>>| s.as_ref().map_or(String::new(), |s| s.value.clone());
    for (ind, runs) in t.indicators.iter().zip(indicator_runs(&t.indicators)) {
        out.push_str("  ");
        for (run, value) in runs.into_iter().zip([&ind.level1, &ind.level2]) {
            if run > 0 {
                let _ = write!(out, "table.cell(rowspan: {run}, {}), ", lit(&text(value)));
            }
        }
        let value = ind.value.as_ref().map(|v| target(&v.value)).unwrap_or_default();
        let sign = ind.comparison.as_ref().map(|c| c.value.sign()).unwrap_or("");
        let _ = write!(out, "{}, {}", lit(&text(&ind.level3)), lit(&format!("{sign}{value}")));
        for (_, f) in &shown {
            let _ = write!(out, ", {}", lit(&f(ind).unwrap_or_default()));
        }
        out.push_str(",\n");
    }
    out.push_str(")\n");
}

/// A labelled block of amounts in the 4-column form, the label spanning its lines.
fn money_block(out: &mut String, label: &str, lines: &[(String, String)]) {
    for (i, (name, value)) in lines.iter().enumerate() {
        out.push_str("  ");
        if i == 0 {
            let _ = write!(out, "table.cell(rowspan: {}, strong({})), ", lines.len(), lit(label));
        }
        let _ =
            writeln!(out, "table.cell(colspan: 2, {}), table.cell(align: right + horizon, {}),", lit(name), lit(value));
    }
}

#[cfg(test)]
mod tests {
    use super::lit;

    #[test]
    fn text_becomes_a_string_literal() {
        assert_eq!(lit("a\"b\\c\n#*_$@<x>"), "\"a\\\"b\\\\c\\n#*_$@<x>\"");
        assert_eq!(lit("\u{1}"), "\"\\u{1}\"");
    }
}
