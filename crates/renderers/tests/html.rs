//! The HTML disclosure of the seed: structure (every table with its number, title and merged
//! header; cells in their columns; amounts right-aligned with two decimals), well-formedness
//! and escaping (a small strict reader, `html_support/dom.rs`), and a snapshot of the file.

#[path = "html_support/dom.rs"]
mod dom;

use dom::{parse, El};
use yusuan_model::Disclosure;
use yusuan_readers::text::read_bytes;
use yusuan_renderers::render_html;

fn seed() -> Disclosure {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    read_bytes(&std::fs::read(path).expect("the seed fixture"))
}

fn seed_dom() -> El {
    parse(&render_html(&seed())).expect("well-formed HTML")
}

/// The table sections, in order.
fn sheets(root: &El) -> Vec<&El> {
    root.descendants().into_iter().filter(|e| e.name == "section" && e.has_class("table-sheet")).collect()
}

/// The sheet of `表 n`.
fn sheet(root: &El, n: u32) -> &El {
    let label = format!("表 {n}");
    sheets(root)
        .into_iter()
        .find(|s| s.descendants().iter().any(|e| e.has_class("table-no") && e.text() == label))
        .unwrap_or_else(|| panic!("{label} is missing"))
}

/// Rows of cells laid out on the column grid: a cell spanning columns or rows stands in each.
fn layout<'a>(rows: &[&'a El]) -> Vec<Vec<&'a El>> {
    let mut grid: Vec<Vec<Option<&'a El>>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row.children_named("th").into_iter().chain(row.children_named("td")) {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            for dr in 0..cell.span("rowspan") {
                for dc in 0..cell.span("colspan") {
                    let line = &mut grid[r + dr];
                    if line.len() <= c + dc {
                        line.resize(c + dc + 1, None);
                    }
                    line[c + dc] = Some(cell);
                }
            }
            c += cell.span("colspan");
        }
    }
    grid.into_iter().map(|l| l.into_iter().map(|c| c.expect("a hole in the grid")).collect()).collect()
}

/// Each column's header path, outermost first (the numbering row left out).
fn header_paths(table: &El) -> Vec<Vec<String>> {
    let thead = table.children_named("thead")[0];
    let rows: Vec<&El> = thead.children_named("tr").into_iter().filter(|r| !r.has_class("numbering")).collect();
    let grid = layout(&rows);
    let width = grid[0].len();
    (0..width)
        .map(|c| {
            let mut path: Vec<String> = Vec::new();
            let mut last: Option<*const El> = None;
            for row in &grid {
                let cell = row[c];
                if last != Some(cell as *const El) {
                    path.push(cell.text());
                }
                last = Some(cell as *const El);
            }
            path
        })
        .collect()
}

fn body_rows(table: &El) -> Vec<&El> {
    table.children_named("tbody")[0].children_named("tr")
}

fn table_of(sheet: &El) -> &El {
    sheet.find_all("table")[0]
}

/// The text of each column of a body row.
fn row_texts(row: &El) -> Vec<String> {
    layout(&[row])[0].iter().map(|c| c.text()).collect()
}

fn is_amount(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some((int, frac)) = s.split_once('.') else { return false };
    let groups: Vec<&str> = int.split(',').collect();
    frac.len() == 2
        && frac.chars().all(|c| c.is_ascii_digit())
        && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[test]
fn every_table_is_present_with_number_title_and_unit() {
    let d = seed();
    let root = seed_dom();
    assert_eq!(sheets(&root).len(), d.tables.len());
    assert_eq!(d.tables.len(), 11);
    for t in &d.tables {
        let n = t.number.expect("numbered");
        let s = sheet(&root, n);
        let title = s.find_all("h2")[0].text();
        assert_eq!(title, t.title.value, "表 {n}");
        let meta = s.descendants().into_iter().find(|e| e.has_class("table-meta")).expect("meta line").text();
        assert!(meta.contains("编制部门：昌吉回族自治州人力资源和社会保障服务中心"), "{meta}");
        assert!(meta.contains("单位：万元"), "{meta}");
    }
}

#[test]
fn table_2_has_the_official_merged_header() {
    let root = seed_dom();
    let table = table_of(sheet(&root, 2));
    let ths = table.find_all("th");
    let th = |text: &str| *ths.iter().find(|t| t.text() == text).unwrap_or_else(|| panic!("no {text}"));
    assert_eq!((th("财政拨款（补助）").span("colspan"), th("财政拨款（补助）").span("rowspan")), (7, 1));
    assert_eq!(th("功能分类科目编码").span("colspan"), 3);
    assert_eq!(th("功能分类科目名称").span("rowspan"), 2);
    assert_eq!(th("总计").span("rowspan"), 2);
    let paths = header_paths(table);
    assert_eq!(paths.len(), 16);
    assert_eq!(paths[0], ["功能分类科目编码", "类"]);
    assert_eq!(paths[2], ["功能分类科目编码", "项"]);
    assert_eq!(paths[3], ["功能分类科目名称"]);
    assert_eq!(paths[5], ["财政拨款（补助）", "小计"]);
    assert_eq!(paths[11], ["财政拨款（补助）", "上级国有资本经营预算安排的转移支付"]);
    assert_eq!(paths[15], ["非财政拨款结转结余"]);
    let numbering = table.descendants().into_iter().find(|e| e.has_class("numbering")).expect("numbering row");
    let marks: Vec<String> = numbering.children_named("th").iter().map(|t| t.text()).collect();
    let expected: Vec<String> = ["※"; 4].iter().map(|s| s.to_string()).chain((1..=12).map(|n| n.to_string())).collect();
    assert_eq!(marks, expected);
}

#[test]
fn table_11_header_has_three_levels() {
    let root = seed_dom();
    let paths = header_paths(table_of(sheet(&root, 11)));
    assert_eq!(paths[0], ["项目名称"]);
    assert_eq!(paths[1], ["总计"]);
    assert_eq!(paths[3], ["财政拨款", "基本支出", "人员经费"]);
    assert_eq!(paths[9], ["非财政拨款", "项目支出"]);
}

#[test]
fn the_2080102_row_has_its_cells_in_the_right_columns() {
    let root = seed_dom();
    let table = table_of(sheet(&root, 2));
    let paths = header_paths(table);
    let row = body_rows(table)
        .into_iter()
        .map(row_texts)
        .find(|cells| cells[..3] == ["208", "01", "02"])
        .expect("row 208 01 02");
    let by_header: Vec<(String, &str)> =
        paths.iter().map(|p| p.join("/")).zip(row.iter().map(String::as_str)).collect();
    let expected = [
        ("功能分类科目名称", "一般行政管理事务"),
        ("总计", "56.00"),
        ("财政拨款（补助）/小计", "26.00"),
        ("财政拨款（补助）/一般公共预算", "26.00"),
        ("财政拨款（补助）/政府性基金预算", ""),
        ("财政专户（教育收费）", ""),
        ("单位资金", "25.00"),
        ("财政拨款结转", ""),
        ("非财政拨款结转结余", "5.00"),
    ];
    for (header, value) in expected {
        let got = by_header.iter().find(|(h, _)| h == header).map(|(_, v)| *v);
        assert_eq!(got, Some(value), "{header}");
    }
}

#[test]
fn side_by_side_tables_share_lines_and_close_on_one_total_line() {
    let root = seed_dom();
    let table = table_of(sheet(&root, 1));
    let rows = body_rows(table);
    let first = row_texts(rows[0]);
    assert_eq!(first, ["一、本年收入", "945.52", "201", "一般公共服务支出", ""]);
    let last = rows.last().expect("rows");
    assert!(last.has_class("total"));
    assert_eq!(row_texts(last), ["收入总计", "1,050.52", "", "支出总计", "1,050.52"]);
    assert_eq!(header_paths(table)[0], ["收入", "项目"]);
    assert_eq!(header_paths(table)[2], ["支出", "支出功能分类"]);
}

#[test]
fn amounts_are_right_aligned_with_two_decimals() {
    let html = render_html(&seed());
    assert!(html.contains("td.num { text-align: right;"));
    let root = parse(&html).expect("well-formed");
    let mut seen = 0;
    for s in sheets(&root) {
        for td in s.find_all("td").into_iter().filter(|e| e.has_class("num")) {
            let text = td.text();
            let value = text.trim_end_matches('!');
            assert!(value.is_empty() || is_amount(value), "{text:?}");
            seen += usize::from(!value.is_empty());
        }
        for v in s.find_all("span").into_iter().filter(|e| e.has_class("v")) {
            assert!(is_amount(&v.text()), "{:?}", v.text());
        }
    }
    assert!(seen > 200, "{seen} amounts");
}

#[test]
fn total_rows_are_marked() {
    let root = seed_dom();
    for n in [1, 2, 3, 4, 5, 6, 7, 10, 11] {
        let rows = body_rows(table_of(sheet(&root, n)));
        assert!(rows.iter().any(|r| r.has_class("total")), "表 {n}");
    }
    let first = body_rows(table_of(sheet(&root, 2)))[0];
    assert!(first.has_class("total"));
    assert_eq!(row_texts(first)[3], "总计");
}

#[test]
fn ambiguous_rows_print_their_values_in_order_with_a_marker_and_a_footnote() {
    let root = seed_dom();
    let s = sheet(&root, 7);
    let table = table_of(s);
    let total = body_rows(table)[0];
    let cells = total.children_named("td");
    let unplaced = cells.iter().find(|c| c.has_class("unplaced")).expect("unplaced cell");
    assert_eq!(unplaced.span("colspan"), 10);
    let values: Vec<String> = unplaced.find_all("span").iter().filter(|e| e.has_class("v")).map(|e| e.text()).collect();
    assert_eq!(values, ["262.08", "4.92"]);
    assert!(unplaced.text().ends_with('?'));
    // 合计 is settled: every placement puts 267.00 there.
    assert_eq!(row_texts(total)[5], "267.00");
    let footnote = s.descendants().into_iter().find(|e| e.has_class("footnote")).expect("footnote");
    assert!(footnote.text().contains("栏目未定"));
    // Tables with every row settled have no footnote.
    assert!(!sheet(&root, 2).descendants().iter().any(|e| e.has_class("footnote")));
}

#[test]
fn empty_tables_print_their_header_and_statement() {
    let root = seed_dom();
    for n in [8, 9] {
        let table = table_of(sheet(&root, n));
        let width = header_paths(table).len();
        assert_eq!(width, 8, "表 {n}");
        let rows = body_rows(table);
        assert_eq!(rows.len(), 1);
        let td = rows[0].children_named("td")[0];
        assert!(td.has_class("empty-statement"));
        assert_eq!(td.span("colspan"), width);
        assert!(td.text().contains("为空表"), "{}", td.text());
    }
}

#[test]
fn the_document_is_self_contained_print_ready_and_well_formed() {
    let html = render_html(&seed());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    for needle in ["@page { size: A4;", "break-before: page", "display: table-header-group", "\"Noto Serif CJK SC\""] {
        assert!(html.contains(needle), "{needle}");
    }
    for banned in ["<script", "src=", "href=", "url(", "@import"] {
        assert!(!html.contains(banned), "{banned}");
    }
    let root = parse(&html).expect("well-formed");
    let htmls = root.children_named("html");
    assert_eq!(htmls.len(), 1);
    assert_eq!(htmls[0].children_named("head").len(), 1);
    assert_eq!(htmls[0].children_named("body").len(), 1);
    let text = root.text();
    for part in ["第一部分", "第二部分", "第三部分", "第四部分 名词解释", "部门整体绩效目标表", "2024年 2月 23日"]
    {
        assert!(text.contains(part), "{part}");
    }
}

#[test]
fn performance_tables_print_their_indicator_grids() {
    let d = seed();
    let root = seed_dom();
    let sheets: Vec<&El> =
        root.descendants().into_iter().filter(|e| e.name == "section" && e.has_class("performance")).collect();
    assert_eq!(sheets.len(), d.performance.len());
    for (s, p) in sheets.iter().zip(&d.performance) {
        let grid = s.find_all("table").into_iter().find(|t| t.has_class("indicators")).expect("indicator grid");
        let paths = header_paths(grid);
        assert_eq!(paths[..4], [["一级指标"], ["二级指标"], ["三级指标"], ["指标值"]]);
        let rows = body_rows(grid);
        assert_eq!(rows.len(), p.indicators.len());
        // 一级/二级 cells merge down their runs: every row is as wide as the header.
        for row in layout(&rows) {
            assert_eq!(row.len(), paths.len());
        }
    }
}

#[test]
fn document_text_is_escaped() {
    let mut d = seed();
    let nasty = "A&B <script>alert(\"x\")</script> 'q'";
    if let Some(dep) = d.department.as_mut() {
        dep.value = nasty.to_string();
    }
    d.tables[1].rows[1].name.value = nasty.to_string();
    d.glossary[0].term.value = nasty.to_string();
    d.narrative.facts[0].phrase = nasty.to_string();
    let html = render_html(&d);
    assert!(!html.contains("<script"));
    let root = parse(&html).expect("well-formed despite the text");
    assert!(root.text().matches(nasty).count() >= 4);
}

#[test]
fn inconsistent_rows_are_marked_and_undeclared_tables_keep_printed_order() {
    use yusuan_model::table::{Assignment, Cell, Row, Table};
    use yusuan_model::{AmountUnit, Money, Span, Spanned};
    let mut d = seed();
    let cell = |v: &str| Cell { value: Money::parse(v, AmountUnit::Wan).expect("amount"), span: Span::default() };
    // The 总计 row of 表 3 with figures that do not add up.
    let total = &mut d.tables[2].rows[0];
    total.values = vec![cell("10"), cell("3"), cell("4")];
    total.assignment = Assignment::Inconsistent { columns: vec![0, 1, 2] };
    let name = |s: &str| Spanned::new(s.to_string(), Span::default());
    d.tables.push(Table {
        kind: "no_such_kind".into(),
        number: Some(12),
        title: name("某某情况表"),
        department: None,
        unit: AmountUnit::Wan,
        rows: vec![Row {
            panel: 0,
            code: None,
            fixed: None,
            name: name("某项"),
            project: None,
            values: vec![cell("1.5"), cell("2")],
            assignment: Assignment::Resolved { columns: vec![5, 9] },
            parent: None,
            span: Span::default(),
        }],
        empty_statement: None,
        span: Span::default(),
    });
    let root = parse(&render_html(&d)).expect("well-formed");
    let s3 = sheet(&root, 3);
    assert_eq!(row_texts(body_rows(table_of(s3))[0])[4..], ["10.00!", "3.00!", "4.00!"]);
    assert!(s3.descendants().iter().any(|e| e.has_class("footnote") && e.text().contains("数字不平")));
    let t12 = table_of(sheet(&root, 12));
    assert_eq!(header_paths(t12), [["名称"], ["1"], ["2"]]);
    assert_eq!(row_texts(body_rows(t12)[0]), ["某项", "1.50", "2.00"]);
}

#[test]
fn seed_html_snapshot() {
    insta::assert_snapshot!("seed_html", render_html(&seed()));
}

/// Writes the seed's HTML where `YUSUAN_HTML_OUT` says, to look at it in a browser.
#[test]
fn write_seed_html_when_asked() {
    if let Ok(path) = std::env::var("YUSUAN_HTML_OUT") {
        std::fs::write(path, render_html(&seed())).expect("write the HTML");
    }
}
