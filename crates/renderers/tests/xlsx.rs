//! The workbook of the seed, read back with calamine: a sheet per table with its title, the
//! official merged header, every settled value as a number in its column, totals as `SUM`
//! formulas whose cached results are the model's figures and which add up exactly, and the
//! shapes of tables 7, 8 and 11.

use calamine::{Data, Dimensions, Range, Reader, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;
use std::str::FromStr;
use yusuan_model::table::{Assignment, Table};
use yusuan_model::Disclosure;
use yusuan_readers::text::read_bytes;
use yusuan_renderers::render_xlsx;

fn seed() -> Disclosure {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    read_bytes(&std::fs::read(path).expect("the seed fixture"))
}

struct Book {
    xlsx: Xlsx<Cursor<Vec<u8>>>,
}

impl Book {
    fn of(d: &Disclosure) -> Book {
        let bytes = render_xlsx(d).expect("the workbook");
        Book { xlsx: Xlsx::new(Cursor::new(bytes)).expect("a readable XLSX") }
    }

    fn cells(&mut self, sheet: &str) -> Range<Data> {
        self.xlsx.worksheet_range(sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"))
    }

    fn formulas(&mut self, sheet: &str) -> Range<String> {
        self.xlsx.worksheet_formula(sheet).unwrap_or_else(|e| panic!("{sheet}: {e}"))
    }

    fn merges(&mut self, sheet: &str) -> Vec<Dimensions> {
        self.xlsx.worksheet_merge_cells(sheet).expect("the sheet").expect("its merged cells")
    }
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    match r.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn number(r: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

/// The float a decimal figure is stored as.
fn float(d: Decimal) -> f64 {
    d.to_string().parse().expect("a number")
}

/// A stored float back as the decimal it was written from (the shortest text that reads back
/// to it).
fn decimal(f: f64) -> Decimal {
    Decimal::from_str(&f.to_string()).expect("a decimal")
}

/// The numbering row (`※ … 1 2 3`): its row and the number of label columns.
fn numbering(r: &Range<Data>) -> (u32, u32) {
    let row = (0..20).find(|&row| text(r, row, 0) == "※").expect("a numbering row");
    let labels = (0..30).take_while(|&c| text(r, row, c) == "※").count() as u32;
    (row, labels)
}

fn is_merged(merges: &[Dimensions], start: (u32, u32), end: (u32, u32)) -> bool {
    merges.iter().any(|m| m.start == start && m.end == end)
}

#[test]
fn a_sheet_per_table_with_its_title_after_the_contents() {
    let d = seed();
    let mut book = Book::of(&d);
    let names = book.xlsx.sheet_names();
    assert_eq!(names.first().map(String::as_str), Some("说明"));
    assert_eq!(d.tables.len(), 11);
    for t in &d.tables {
        let name = format!("表{}", t.number.expect("numbered"));
        assert!(names.contains(&name), "{name} in {names:?}");
        let cells = book.cells(&name);
        assert_eq!(text(&cells, 0, 0), t.title.value, "{name}");
        assert!(text(&cells, 1, 0).starts_with("编制部门："), "{name}");
    }
    let tables: Vec<&String> = names.iter().filter(|n| n.starts_with('表')).collect();
    assert_eq!(tables.len(), 11);
    assert_eq!(names.iter().filter(|n| n.starts_with("绩效")).count(), d.performance.len());
    assert!(names.contains(&"情况说明".to_string()));

    let contents = book.cells("说明");
    let department = d.department.as_ref().expect("department").value.clone();
    let all: Vec<String> =
        (0..40).flat_map(|r| (0..2).map(move |c| (r, c))).map(|(r, c)| text(&contents, r, c)).collect();
    assert!(all.contains(&department));
    assert!(all.contains(&"2024".to_string()));
    assert!(all.contains(&"表7".to_string()));
    assert!(all.contains(&"一般公共预算项目支出情况表".to_string()));
}

#[test]
fn table_2_has_the_official_merged_header_and_its_rows_in_their_columns() {
    let d = seed();
    let mut book = Book::of(&d);
    let cells = book.cells("表2");
    let merges = book.merges("表2");
    // Title across the width (4 label and 12 amount columns), the header two rows deep.
    assert!(is_merged(&merges, (0, 0), (0, 15)));
    assert_eq!(text(&cells, 2, 0), "功能分类科目编码");
    assert!(is_merged(&merges, (2, 0), (2, 2)));
    assert_eq!([text(&cells, 3, 0), text(&cells, 3, 1), text(&cells, 3, 2)], ["类", "款", "项"]);
    assert_eq!(text(&cells, 2, 5), "财政拨款（补助）");
    assert!(is_merged(&merges, (2, 5), (2, 11)), "财政拨款（补助） over 7 columns");
    assert_eq!(text(&cells, 3, 5), "小计");
    assert_eq!(text(&cells, 3, 6), "一般公共预算");
    assert_eq!(text(&cells, 2, 4), "总计");
    assert!(is_merged(&merges, (2, 4), (3, 4)), "总计 reaches down");
    assert_eq!(text(&cells, 2, 13), "单位资金");
    assert_eq!(text(&cells, 2, 15), "非财政拨款结转结余");
    let (num, labels) = numbering(&cells);
    assert_eq!((num, labels), (4, 4));
    assert_eq!(number(&cells, 4, 4), Some(1.0));

    // 2080102 一般行政管理事务: 56.00 = 26.00 (财政拨款: 一般公共预算) + 25.00 单位资金 + 5.00 结转结余.
    let row = (num + 1..num + 40)
        .find(|&r| [text(&cells, r, 0), text(&cells, r, 1), text(&cells, r, 2)] == ["208", "01", "02"])
        .expect("row 2080102");
    assert_eq!(text(&cells, row, 3).trim(), "一般行政管理事务");
    let amounts: Vec<Option<f64>> = (4..16).map(|c| number(&cells, row, c)).collect();
    assert_eq!(
        amounts,
        [Some(56.0), Some(26.0), Some(26.0), None, None, None, None, None, None, Some(25.0), None, Some(5.0)]
    );
    // Its 总计 and 小计 are formulas of their part columns.
    let formulas = book.formulas("表2");
    let at = |r: u32, c: u32| formulas.get_value((r, c)).cloned().unwrap_or_default();
    let r1 = row + 1;
    assert_eq!(at(row, 4), format!("SUM(F{r1},M{r1}:P{r1})"));
    assert_eq!(at(row, 5), format!("SUM(G{r1}:L{r1})"));
}

/// Every settled value of every table stands in its sheet as the number it is, in its row and
/// declared column (single-panel tables: a row per model row after the numbering row).
#[test]
fn every_settled_value_is_a_number_in_its_cell() {
    let d = seed();
    let mut book = Book::of(&d);
    let mut checked = 0;
    for t in d.tables.iter().filter(|t| !t.is_empty_table() && t.kind != "income_expense_summary") {
        if t.kind == "fiscal_summary" {
            continue;
        }
        let name = format!("表{}", t.number.expect("numbered"));
        let cells = book.cells(&name);
        let (num, labels) = numbering(&cells);
        for (i, row) in t.rows.iter().enumerate() {
            let Assignment::Resolved { columns } = &row.assignment else { continue };
            let r = num + 1 + i as u32;
            for (v, c) in row.values.iter().zip(columns) {
                let got = number(&cells, r, labels + *c as u32);
                assert_eq!(got, Some(float(v.value.value)), "{name} row {i} ({}) column {c}", row.name.value);
                checked += 1;
            }
        }
    }
    assert!(checked > 200, "{checked} values checked");
}

/// The cells of a `SUM(…)` formula: `F6`, `M6:P6`.
fn referenced(formula: &str) -> Vec<(u32, u32)> {
    let inner = formula.strip_prefix("SUM(").and_then(|s| s.strip_suffix(')')).expect("a SUM");
    let cell = |s: &str| -> (u32, u32) {
        let letters: String = s.chars().take_while(char::is_ascii_alphabetic).collect();
        let col = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1;
        let row: u32 = s[letters.len()..].parse().expect("a row");
        (row - 1, col)
    };
    let mut out = Vec::new();
    for part in inner.split(',') {
        match part.split_once(':') {
            Some((a, b)) => {
                let (a, b) = (cell(a), cell(b));
                for r in a.0..=b.0 {
                    for c in a.1..=b.1 {
                        out.push((r, c));
                    }
                }
            }
            None => out.push(cell(part)),
        }
    }
    out
}

/// Totals are live `SUM` formulas; each one's cached result is the model's figure and equals,
/// exactly, the sum of the cells it names (so recalculating changes nothing).
#[test]
fn totals_are_formulas_that_add_up_to_the_printed_figures() {
    let d = seed();
    let mut book = Book::of(&d);
    let mut total = 0;
    for t in d.tables.iter().filter(|t| !t.is_empty_table()) {
        let name = format!("表{}", t.number.expect("numbered"));
        let cells = book.cells(&name);
        let formulas = book.formulas(&name);
        let mut count = 0;
        for (r, c, f) in formulas.used_cells() {
            if f.is_empty() {
                continue;
            }
            let (r, c) = (r as u32 + formulas.start().expect("start").0, c as u32 + formulas.start().expect("start").1);
            assert!(f.starts_with("SUM("), "{name}: {f}");
            let cached = number(&cells, r, c).unwrap_or_else(|| panic!("{name} {f}: a cached number"));
            let sum: Decimal = referenced(f).iter().filter_map(|&(r, c)| number(&cells, r, c)).map(decimal).sum();
            assert_eq!(sum, decimal(cached), "{name}: {f} at ({r}, {c})");
            count += 1;
        }
        assert!(count > 0, "{name} has formulas");
        total += count;
    }
    assert!(total > 100, "{total} formulas");

    // The total row of table 3: 总计 = 基本支出 + 项目支出, each a sum of the 类 rows.
    let t3 = d.table("expenditure_summary").expect("table 3");
    let cells = book.cells("表3");
    let formulas = book.formulas("表3");
    let (num, _) = numbering(&cells);
    let first = num + 1;
    assert_eq!(formulas.get_value((first, 4)).map(String::as_str), Some(format!("SUM(F{0}:G{0})", first + 1).as_str()));
    let cached = number(&cells, first, 4).expect("a cached total");
    assert_eq!(cached, float(t3.fixed_row(0, "total").expect("total").values[0].value.value));
    let project = formulas.get_value((first, 6)).expect("项目支出 of the total row");
    assert!(project.starts_with("SUM(G"), "{project}");

    // Table 1: 收入总计 = 本年收入 + 上年结转结余, declared in the registry.
    let t1 = d.table("income_expense_summary").expect("table 1");
    let cells = book.cells("表1");
    let formulas = book.formulas("表1");
    let line = (0..80).find(|&r| text(&cells, r, 0).contains("收入总计")).expect("收入总计");
    let f = formulas.get_value((line, 1)).expect("a formula");
    assert_eq!(referenced(f).len(), 2, "{f}");
    assert_eq!(
        number(&cells, line, 1),
        Some(float(t1.fixed_row(0, "income_total").expect("row").values[0].value.value))
    );
}

/// A figure its children do not add up to (a rounding cent) is no sum of its children: it stays
/// the printed figure, or (a total column) the sum of the row's own part columns.
#[test]
fn figures_that_do_not_add_up_stay_as_printed() {
    let d = seed();
    let mut book = Book::of(&d);
    let mut seen = 0;
    for t in d.tables.iter().filter(|t| !t.is_empty_table() && t.rows.iter().all(|r| r.panel == 0)) {
        let name = format!("表{}", t.number.expect("numbered"));
        let cells = book.cells(&name);
        let formulas = book.formulas(&name);
        let (num, labels) = numbering(&cells);
        for (i, row) in t.rows.iter().enumerate() {
            let children: Vec<&yusuan_model::table::Row> = t.rows.iter().filter(|r| r.parent == Some(i)).collect();
            let Assignment::Resolved { columns } = &row.assignment else { continue };
            if children.is_empty() || children.iter().any(|c| !c.is_resolved()) {
                continue;
            }
            for (v, &col) in row.values.iter().zip(columns) {
                let col = col as usize;
                let sum: Decimal = children.iter().filter_map(|r| r.cell(col)).map(|c| c.value.value).sum();
                if sum == v.value.value {
                    continue;
                }
                seen += 1;
                let r = num + 1 + i as u32;
                let c = labels + col as u32;
                assert_eq!(number(&cells, r, c), Some(float(v.value.value)), "{name} ({r}, {c})");
                match formulas.get_value((r, c)).filter(|f| !f.is_empty()) {
                    None => {}
                    Some(f) => {
                        assert!(column_rule(t, col), "{name}: {f} at ({r}, {c})");
                        assert!(referenced(f).iter().all(|(fr, _)| *fr == r), "{name}: {f} sums its own row");
                    }
                }
            }
        }
    }
    // The seed prints such cents (table 2's 总计 1,050.52 over 类 rows adding up to 1,050.51).
    assert!(seen > 0);
}

/// Whether a column is the total of a declared column identity (its formula then sums the
/// row's own part columns, not the rows below).
fn column_rule(t: &Table, col: usize) -> bool {
    yusuan_model::registry::schema(&t.kind)
        .and_then(|s| s.panels.first())
        .is_some_and(|p| p.column_sums.iter().any(|r| p.column_index(r.total) == Some(col)))
}

/// Table 7 as the seed prints it: which economic column each project's figures stand in is not
/// settled by the text (every placement adds up), so they span the columns they could stand in,
/// marked, with the footnote; the 合计 column is settled.
#[test]
fn table_7_has_project_names_and_unsettled_columns_marked() {
    let d = seed();
    let mut book = Book::of(&d);
    let cells = book.cells("表7");
    let merges = book.merges("表7");
    let (num, labels) = numbering(&cells);
    assert_eq!(labels, 5, "类 款 项, 名称, 项目名称");
    assert_eq!(text(&cells, 2, 4), "项目名称");
    assert!(is_merged(&merges, (2, 4), (num - 1, 4)), "项目名称 reaches down");
    assert!(merges.iter().any(|m| m.start == (2, 5) && m.end == (2, 15) && text(&cells, 2, 5) == "项目支出"));
    let row = video_project(&cells, num);
    assert_eq!([text(&cells, row, 0), text(&cells, row, 1), text(&cells, row, 2)], ["208", "01", "08"]);
    assert_eq!(number(&cells, row, 5), Some(15.0), "合计");
    let unplaced = text(&cells, row, 6);
    assert!(unplaced.contains("14.08") && unplaced.contains("0.92") && unplaced.ends_with('?'), "{unplaced}");
    assert!(merges.iter().any(|m| m.start == (row, 6) && m.end.0 == row && m.end.1 > 6));
    let t7 = d.table("general_budget_project").expect("table 7");
    let after = num + 1 + t7.rows.len() as u32;
    assert!(text(&cells, after, 0).contains("栏目未定"), "the footnote");
}

/// Table 7 once its columns are settled (as `yusuan build` makes it): figures in their economic
/// columns, 合计 a formula of them.
#[test]
fn table_7_settled_puts_figures_in_their_economic_columns() {
    let mut d = seed();
    let t7 = d.tables.iter_mut().find(|t| t.kind == "general_budget_project").expect("table 7");
    for r in &mut t7.rows {
        // 合计, 商品服务支出, 资本性支出 (the seed's projects spend on these only).
        let columns = if r.values.len() == 3 { vec![0, 2, 6] } else { vec![0, 2] };
        r.assignment = Assignment::Resolved { columns };
    }
    let mut book = Book::of(&d);
    let cells = book.cells("表7");
    let (num, _) = numbering(&cells);
    let row = video_project(&cells, num);
    assert_eq!(number(&cells, row, 5), Some(15.0), "合计");
    assert_eq!(number(&cells, row, 7), Some(14.08), "商品服务支出");
    assert_eq!(number(&cells, row, 11), Some(0.92), "资本性支出");
    let formulas = book.formulas("表7");
    assert_eq!(formulas.get_value((row, 5)).map(String::as_str), Some(format!("SUM(G{0}:P{0})", row + 1).as_str()));
    // The 款 row over the projects sums them in each column.
    let kuan = (num + 1..row).rev().find(|&r| text(&cells, r, 1) == "01" && text(&cells, r, 2).is_empty()).expect("款");
    let f = formulas.get_value((kuan, 7)).expect("款 商品服务支出");
    assert!(f.starts_with("SUM(H"), "{f}");
}

fn video_project(cells: &Range<Data>, num: u32) -> u32 {
    (num + 1..num + 20)
        .find(|&r| text(cells, r, 4).starts_with("四级联动的视频会议系统"))
        .expect("the video-conference project")
}

#[test]
fn table_11_nests_its_header_and_sums_units_and_items() {
    let d = seed();
    let mut book = Book::of(&d);
    let cells = book.cells("表11");
    let merges = book.merges("表11");
    // 项目名称 | 总计 | 财政拨款 (合计, 基本支出 (人员经费, 公用经费), 项目支出) | 非财政拨款 (…).
    assert_eq!(text(&cells, 2, 1), "总计");
    assert!(is_merged(&merges, (2, 1), (4, 1)), "总计 three rows deep");
    assert!(is_merged(&merges, (2, 2), (2, 5)), "财政拨款 over 4 columns");
    assert!(is_merged(&merges, (3, 3), (3, 4)), "基本支出 over 2 columns");
    assert_eq!([text(&cells, 4, 3), text(&cells, 4, 4)], ["人员经费", "公用经费"]);
    assert!(is_merged(&merges, (2, 6), (2, 9)), "非财政拨款 over 4 columns");
    let (num, labels) = numbering(&cells);
    assert_eq!((num, labels), (5, 1));
    let formulas = book.formulas("表11");
    let t11 = d.table("carry_over").expect("table 11");
    // The total row sums its unit, the unit its items, in the 非财政拨款 合计 column.
    let unit = t11.rows.iter().position(|r| r.parent == Some(0)).expect("a unit row") as u32;
    let items: Vec<u32> =
        t11.rows.iter().enumerate().filter(|(_, r)| r.parent == Some(unit as usize)).map(|(i, _)| i as u32).collect();
    let f = formulas.get_value((num + 1 + unit, 6)).expect("the unit's 非财政拨款 合计");
    let mut refs = referenced(f);
    refs.sort();
    let want: Vec<(u32, u32)> = items.iter().map(|i| (num + 1 + i, 6)).collect();
    if refs.iter().all(|(_, c)| *c == 6) {
        assert_eq!(refs, want, "{f}");
    }
    assert!(formulas.get_value((num + 1, 1)).is_some_and(|f| f.starts_with("SUM(")), "the total row's 总计");
}

#[test]
fn an_empty_table_states_so_across_its_width() {
    let d = seed();
    let mut book = Book::of(&d);
    let t8 = d.table("government_fund_expenditure").expect("table 8");
    let statement = &t8.empty_statement.as_ref().expect("empty").value;
    let cells = book.cells("表8");
    let merges = book.merges("表8");
    let (num, labels) = numbering(&cells);
    assert_eq!(text(&cells, num + 1, 0), *statement);
    assert!(is_merged(&merges, (num + 1, 0), (num + 1, labels + 3)), "{merges:?}");
}
