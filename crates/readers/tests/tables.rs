//! Tables 1–11 of the seed, cell by cell, as a person reading the document sees them.

use std::collections::BTreeMap;
use yusuan_model::registry::schema;
use yusuan_model::table::{Assignment, Row, Table};
use yusuan_model::Disclosure;
use yusuan_readers::text::read_str;

const SEED: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

fn seed() -> Disclosure {
    read_str(SEED)
}

/// The resolved cells of a row: column key → value as printed.
fn cells(t: &Table, r: &Row) -> BTreeMap<&'static str, String> {
    let s = schema(&t.kind).unwrap();
    let panel = &s.panels[r.panel as usize];
    let Assignment::Resolved { columns } = &r.assignment else {
        panic!("{}: row {} ({:?}) is not resolved: {:?}", t.kind, r.name.value, r.code, r.assignment)
    };
    columns.iter().zip(&r.values).map(|(&c, v)| (panel.columns[c as usize].key, v.value.value.to_string())).collect()
}

type Expect<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// Checks every row of one panel in order: (code or declared key, name, cells).
fn check_rows(t: &Table, panel: u8, expected: &[Expect<'_>]) {
    let rows: Vec<&Row> = t.panel_rows(panel).collect();
    assert_eq!(
        rows.len(),
        expected.len(),
        "{}: row count; rows: {:?}",
        t.kind,
        rows.iter().map(|r| &r.name.value).collect::<Vec<_>>()
    );
    for (row, (key, name, want)) in rows.iter().zip(expected) {
        let got_key = row.code.as_ref().map(|c| c.as_str().to_string()).or(row.fixed.clone()).unwrap_or_default();
        assert_eq!(&got_key, key, "{}: row {}", t.kind, row.name.value);
        assert_eq!(&row.name.value, name, "{}: name of {key}", t.kind);
        let want: BTreeMap<&str, String> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(cells(t, row), want, "{}: cells of {key} {name}", t.kind);
    }
}

#[test]
fn all_eleven_tables_in_order_with_numbers() {
    let d = seed();
    let kinds: Vec<(&str, Option<u32>)> = d.tables.iter().map(|t| (t.kind.as_str(), t.number)).collect();
    assert_eq!(
        kinds,
        vec![
            ("income_expense_summary", Some(1)),
            ("income_summary", Some(2)),
            ("expenditure_summary", Some(3)),
            ("fiscal_summary", Some(4)),
            ("general_budget_expenditure", Some(5)),
            ("general_budget_basic", Some(6)),
            ("general_budget_project", Some(7)),
            ("government_fund_expenditure", Some(8)),
            ("state_capital_expenditure", Some(9)),
            ("three_public", Some(10)),
            ("carry_over", Some(11)),
        ]
    );
    for t in &d.tables {
        assert_eq!(t.department.as_ref().unwrap().value, "昌吉回族自治州人力资源和社会保障服务中心", "{}", t.kind);
        assert_eq!(t.unit, yusuan_model::AmountUnit::Wan);
    }
}

#[test]
fn table_1_income_and_expenditure() {
    let d = seed();
    let t = d.table("income_expense_summary").unwrap();
    let a = |v| vec![("amount", v)];
    let income: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("current_income", a("945.52")),
        ("general_budget", a("715.52")),
        ("general_budget_own", a("715.52")),
        ("general_transfer", vec![]),
        ("government_fund", vec![]),
        ("government_fund_own", vec![]),
        ("government_fund_transfer", vec![]),
        ("state_capital", vec![]),
        ("state_capital_own", vec![]),
        ("state_capital_transfer", vec![]),
        ("special_account", vec![]),
        ("unit_funds", a("230.00")),
        ("business_income", vec![]),
        ("upper_subsidy", vec![]),
        ("affiliate_remittance", vec![]),
        ("operating_income", vec![]),
        ("other_income", a("230.00")),
        ("carry_over", a("105.00")),
        ("carry_over_fiscal", vec![]),
        ("carry_over_general", vec![]),
        ("carry_over_fund", vec![]),
        ("carry_over_capital", vec![]),
        ("carry_over_non_fiscal", a("105.00")),
        ("carry_over_special", vec![]),
        ("carry_over_unit", a("105.00")),
        ("income_total", a("1050.52")),
    ];
    let rows: Vec<&Row> = t.panel_rows(0).collect();
    assert_eq!(rows.len(), income.len());
    for (row, (key, want)) in rows.iter().zip(&income) {
        assert_eq!(row.fixed.as_deref(), Some(*key));
        let want: BTreeMap<&str, String> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(cells(t, row), want, "{key}");
    }
    // Every functional class 201–234 on the right, three with amounts, then the total.
    let right: Vec<&Row> = t.panel_rows(1).collect();
    assert_eq!(right.len(), 31);
    let with_amounts: Vec<(String, String)> = right
        .iter()
        .filter(|r| !r.values.is_empty())
        .map(|r| {
            (
                r.code.as_ref().map(|c| c.to_string()).unwrap_or_else(|| r.fixed.clone().unwrap()),
                r.values[0].value.value.to_string(),
            )
        })
        .collect();
    assert_eq!(
        with_amounts,
        [("208", "989.95"), ("210", "24.21"), ("221", "36.35"), ("expenditure_total", "1050.52")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert_eq!(right[0].name.value, "一般公共服务支出");
    assert_eq!(right[29].code.as_ref().unwrap().as_str(), "234");
    assert_eq!(right[29].name.value, "抗疫特别国债安排的支出");
}

const T2: &[Expect<'static>] = &[
    (
        "total",
        "总计",
        &[
            ("total", "1050.52"),
            ("fiscal", "715.52"),
            ("general_budget", "715.52"),
            ("unit_funds", "230.00"),
            ("carry_over_non_fiscal", "105.00"),
        ],
    ),
    (
        "208",
        "社会保障和就业支出",
        &[
            ("total", "989.95"),
            ("fiscal", "654.95"),
            ("general_budget", "654.95"),
            ("unit_funds", "230.00"),
            ("carry_over_non_fiscal", "105.00"),
        ],
    ),
    (
        "20801",
        "人力资源和社会保障管理事务",
        &[
            ("total", "921.59"),
            ("fiscal", "586.59"),
            ("general_budget", "586.59"),
            ("unit_funds", "230.00"),
            ("carry_over_non_fiscal", "105.00"),
        ],
    ),
    ("2080101", "行政运行", &[("total", "319.59"), ("fiscal", "319.59"), ("general_budget", "319.59")]),
    (
        "2080102",
        "一般行政管理事务",
        &[
            ("total", "56.00"),
            ("fiscal", "26.00"),
            ("general_budget", "26.00"),
            ("unit_funds", "25.00"),
            ("carry_over_non_fiscal", "5.00"),
        ],
    ),
    ("2080108", "信息化建设", &[("total", "15.00"), ("fiscal", "15.00"), ("general_budget", "15.00")]),
    (
        "2080199",
        "其他人力资源和社会保障管理事务支出",
        &[
            ("total", "531.00"),
            ("fiscal", "226.00"),
            ("general_budget", "226.00"),
            ("unit_funds", "205.00"),
            ("carry_over_non_fiscal", "100.00"),
        ],
    ),
    ("20805", "行政事业单位养老支出", &[("total", "68.37"), ("fiscal", "68.37"), ("general_budget", "68.37")]),
    ("2080501", "行政单位离退休", &[("total", "0.50"), ("fiscal", "0.50"), ("general_budget", "0.50")]),
    (
        "2080505",
        "机关事业单位基本养老保险缴费支出",
        &[("total", "45.25"), ("fiscal", "45.25"), ("general_budget", "45.25")],
    ),
    (
        "2080506",
        "机关事业单位职业年金缴费支出",
        &[("total", "22.62"), ("fiscal", "22.62"), ("general_budget", "22.62")],
    ),
    ("210", "卫生健康支出", &[("total", "24.21"), ("fiscal", "24.21"), ("general_budget", "24.21")]),
    ("21011", "行政事业单位医疗", &[("total", "24.21"), ("fiscal", "24.21"), ("general_budget", "24.21")]),
    ("2101101", "行政单位医疗", &[("total", "15.39"), ("fiscal", "15.39"), ("general_budget", "15.39")]),
    ("2101102", "事业单位医疗", &[("total", "7.23"), ("fiscal", "7.23"), ("general_budget", "7.23")]),
    ("2101103", "公务员医疗补助", &[("total", "1.41"), ("fiscal", "1.41"), ("general_budget", "1.41")]),
    ("2101199", "其他行政事业单位医疗支出", &[("total", "0.17"), ("fiscal", "0.17"), ("general_budget", "0.17")]),
    ("221", "住房保障支出", &[("total", "36.35"), ("fiscal", "36.35"), ("general_budget", "36.35")]),
    ("22102", "住房改革支出", &[("total", "36.35"), ("fiscal", "36.35"), ("general_budget", "36.35")]),
    ("2210201", "住房公积金", &[("total", "36.35"), ("fiscal", "36.35"), ("general_budget", "36.35")]),
];

#[test]
fn table_2_income_by_source_across_a_page_break() {
    let d = seed();
    check_rows(d.table("income_summary").unwrap(), 0, T2);
}

/// Tables 3 and 5 share their shape: 合计 = 基本支出 + 项目支出 by function.
fn basic_project(
    rows: &[(&'static str, &'static str, &'static str, &'static str, &'static str)],
) -> Vec<Expect<'static>> {
    rows.iter()
        .map(|&(code, name, total, basic, project)| {
            let mut c: Vec<(&str, &str)> = vec![("total", total)];
            if !basic.is_empty() {
                c.push(("basic", basic));
            }
            if !project.is_empty() {
                c.push(("project", project));
            }
            (code, name, &*Box::leak(c.into_boxed_slice()))
        })
        .collect()
}

#[test]
fn table_3_expenditure_basic_and_project() {
    let d = seed();
    let want = basic_project(&[
        ("total", "总计", "1050.52", "448.52", "602.00"),
        ("208", "社会保障和就业支出", "989.95", "387.95", "602.00"),
        ("20801", "人力资源和社会保障管理事务", "921.59", "319.59", "602.00"),
        ("2080101", "行政运行", "319.59", "319.59", ""),
        ("2080102", "一般行政管理事务", "56.00", "", "56.00"),
        ("2080108", "信息化建设", "15.00", "", "15.00"),
        ("2080199", "其他人力资源和社会保障管理事务支出", "531.00", "", "531.00"),
        ("20805", "行政事业单位养老支出", "68.37", "68.37", ""),
        ("2080501", "行政单位离退休", "0.50", "0.50", ""),
        ("2080505", "机关事业单位基本养老保险缴费支出", "45.25", "45.25", ""),
        ("2080506", "机关事业单位职业年金缴费支出", "22.62", "22.62", ""),
        ("210", "卫生健康支出", "24.21", "24.21", ""),
        ("21011", "行政事业单位医疗", "24.21", "24.21", ""),
        ("2101101", "行政单位医疗", "15.39", "15.39", ""),
        ("2101102", "事业单位医疗", "7.23", "7.23", ""),
        ("2101103", "公务员医疗补助", "1.41", "1.41", ""),
        ("2101199", "其他行政事业单位医疗支出", "0.17", "0.17", ""),
        ("221", "住房保障支出", "36.35", "36.35", ""),
        ("22102", "住房改革支出", "36.35", "36.35", ""),
        ("2210201", "住房公积金", "36.35", "36.35", ""),
    ]);
    check_rows(d.table("expenditure_summary").unwrap(), 0, &want);
}

#[test]
fn table_4_fiscal_appropriation() {
    let d = seed();
    let t = d.table("fiscal_summary").unwrap();
    let left: Vec<(String, Vec<String>)> = t
        .panel_rows(0)
        .map(|r| (r.fixed.clone().unwrap(), r.values.iter().map(|v| v.value.value.to_string()).collect()))
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        left,
        vec![
            ("fiscal".to_string(), s(&["715.52"])),
            ("general_budget".to_string(), s(&["715.52"])),
            ("government_fund".to_string(), vec![]),
            ("state_capital".to_string(), vec![]),
            ("income_total".to_string(), s(&["715.52"])),
        ]
    );
    let right: Vec<&Row> = t.panel_rows(1).collect();
    assert_eq!(right.len(), 31);
    for (code, v) in [("208", "654.95"), ("210", "24.21"), ("221", "36.35")] {
        let r = t.row_by_code(1, code).unwrap();
        let want: BTreeMap<&str, String> = [("total", v.to_string()), ("general_budget", v.to_string())].into();
        assert_eq!(cells(t, r), want, "{code}");
    }
    let total = t.fixed_row(1, "expenditure_total").unwrap();
    let want: BTreeMap<&str, String> =
        [("total", "715.52".to_string()), ("general_budget", "715.52".to_string())].into();
    assert_eq!(cells(t, total), want);
}

#[test]
fn table_5_general_budget() {
    let d = seed();
    let want = basic_project(&[
        ("total", "总计", "715.52", "448.52", "267.00"),
        ("208", "社会保障和就业支出", "654.95", "387.95", "267.00"),
        ("20801", "人力资源和社会保障管理事务", "586.59", "319.59", "267.00"),
        ("2080101", "行政运行", "319.59", "319.59", ""),
        ("2080102", "一般行政管理事务", "26.00", "", "26.00"),
        ("2080108", "信息化建设", "15.00", "", "15.00"),
        ("2080199", "其他人力资源和社会保障管理事务支出", "226.00", "", "226.00"),
        ("20805", "行政事业单位养老支出", "68.37", "68.37", ""),
        ("2080501", "行政单位离退休", "0.50", "0.50", ""),
        ("2080505", "机关事业单位基本养老保险缴费支出", "45.25", "45.25", ""),
        ("2080506", "机关事业单位职业年金缴费支出", "22.62", "22.62", ""),
        ("210", "卫生健康支出", "24.21", "24.21", ""),
        ("21011", "行政事业单位医疗", "24.21", "24.21", ""),
        ("2101101", "行政单位医疗", "15.39", "15.39", ""),
        ("2101102", "事业单位医疗", "7.23", "7.23", ""),
        ("2101103", "公务员医疗补助", "1.41", "1.41", ""),
        ("2101199", "其他行政事业单位医疗支出", "0.17", "0.17", ""),
        ("221", "住房保障支出", "36.35", "36.35", ""),
        ("22102", "住房改革支出", "36.35", "36.35", ""),
        ("2210201", "住房公积金", "36.35", "36.35", ""),
    ]);
    check_rows(d.table("general_budget_expenditure").unwrap(), 0, &want);
}

#[test]
fn table_6_basic_by_economic_class() {
    let d = seed();
    let p = |code: &'static str, name: &'static str, v: &'static str| -> Expect<'static> {
        (code, name, &*Box::leak(vec![("total", v), ("personnel", v)].into_boxed_slice()))
    };
    let o = |code: &'static str, name: &'static str, v: &'static str| -> Expect<'static> {
        (code, name, &*Box::leak(vec![("total", v), ("operating", v)].into_boxed_slice()))
    };
    let want = vec![
        ("total", "总计", &[("total", "448.52"), ("personnel", "414.88"), ("operating", "33.64")][..]),
        p("301", "工资福利支出", "413.63"),
        p("30101", "基本工资", "114.33"),
        p("30102", "津贴补贴", "83.10"),
        p("30103", "奖金", "59.32"),
        p("30107", "绩效工资", "27.44"),
        p("30108", "机关事业单位基本养老保险缴费", "45.25"),
        p("30109", "职业年金缴费", "22.62"),
        p("30110", "职工基本医疗保险缴费", "22.62"),
        p("30111", "公务员医疗补助缴费", "1.41"),
        p("30112", "其他社会保障缴费", "1.18"),
        p("30113", "住房公积金", "36.35"),
        o("302", "商品和服务支出", "33.64"),
        o("30201", "办公费", "3.18"),
        o("30202", "印刷费", "0.50"),
        o("30207", "邮电费", "4.80"),
        o("30211", "差旅费", "2.50"),
        o("30217", "公务接待费", "0.09"),
        o("30227", "委托业务费", "3.00"),
        o("30228", "工会经费", "5.36"),
        o("30229", "福利费", "4.83"),
        o("30231", "公务用车运行维护费", "4.20"),
        o("30239", "其他交通费用", "2.00"),
        o("30299", "其他商品和服务支出", "3.19"),
        p("303", "对个人和家庭的补助", "1.25"),
        p("30302", "退休费", "0.50"),
        p("30309", "奖励金", "0.75"),
    ];
    check_rows(d.table("general_budget_basic").unwrap(), 0, &want);
}

#[test]
fn table_7_projects_with_their_names_and_the_columns_text_cannot_decide() {
    let d = seed();
    let t = d.table("general_budget_project").unwrap();
    let rows: Vec<&Row> = t.rows.iter().collect();
    let seen: Vec<(String, String, Option<String>, Vec<String>)> = rows
        .iter()
        .map(|r| {
            (
                r.code.as_ref().map(|c| c.to_string()).or(r.fixed.clone()).unwrap_or_default(),
                r.name.value.clone(),
                r.project.as_ref().map(|p| p.value.clone()),
                r.values.iter().map(|v| v.value.value.to_string()).collect(),
            )
        })
        .collect();
    let row = |k: &str, n: &str, p: Option<&str>, v: &[&str]| {
        (k.to_string(), n.to_string(), p.map(str::to_string), v.iter().map(|x| x.to_string()).collect::<Vec<_>>())
    };
    let other = "其他人力资源和社会保障管理事务支出";
    assert_eq!(
        seen,
        vec![
            row("total", "总计", None, &["267.00", "262.08", "4.92"]),
            row("", "昌吉回族自治州人力资源和社会保障服务中心", None, &["267.00", "262.08", "4.92"]),
            row("208", "社会保障和就业支出", None, &["267.00", "262.08", "4.92"]),
            row("20801", "人力资源和社会保障管理事务", None, &["267.00", "262.08", "4.92"]),
            row("2080102", "一般行政管理事务", Some("劳动能力鉴定工作经费"), &["26.00", "26.00"]),
            row(
                "2080108",
                "信息化建设",
                Some("四级联动的视频会议系统使用及日常网络维护费"),
                &["15.00", "14.08", "0.92"]
            ),
            row("2080199", other, Some("各类人事考试工作经费"), &["55.00", "55.00"]),
            row("2080199", other, Some("事业单位公开招聘工作经费"), &["126.00", "122.00", "4.00"]),
            row("2080199", other, Some("专业技术人员继续教育网络培训系统和培训平台课件经费"), &["30.00", "30.00"]),
            row("2080199", other, Some("自治州专业技术人员职称评审工作经费"), &["15.00", "15.00"]),
        ]
    );
    // The first figure of every row is the project total; which economic class holds the others
    // the text does not say (the PDF's positions would), so every row stays ambiguous with the
    // total column fixed in every candidate.
    for r in &rows {
        let Assignment::Ambiguous { candidates } = &r.assignment else { panic!("{:?}", r.assignment) };
        assert!(candidates.iter().all(|c| c[0] == 0));
        assert!(candidates.len() > 1);
    }
    // The tree: projects under 20801, 20801 under 208, 208 under the unit, the unit under the total.
    assert_eq!(rows[1].parent, Some(0));
    assert_eq!(rows[2].parent, Some(1));
    assert_eq!(rows[3].parent, Some(2));
    assert!(rows[4..].iter().all(|r| r.parent == Some(3)));
    let notes = d.notes.iter().filter(|n| n.kind == yusuan_model::note::NoteKind::AmbiguousColumns).count();
    assert_eq!(notes, rows.len());
}

#[test]
fn tables_8_and_9_are_empty_with_their_statements() {
    let d = seed();
    let t8 = d.table("government_fund_expenditure").unwrap();
    assert!(t8.rows.is_empty());
    assert_eq!(
        t8.empty_statement.as_ref().unwrap().value,
        "昌吉回族自治州人力资源和社会保障服务中心 2024年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。"
    );
    let t9 = d.table("state_capital_expenditure").unwrap();
    assert!(t9.empty_statement.as_ref().unwrap().value.ends_with("国有资本经营预算支出情况表为空表。"));
    assert_eq!(t9.empty_statement.as_ref().unwrap().span.line, 741);
}

#[test]
fn table_10_three_public() {
    let d = seed();
    let g = |v: &'static str| -> &'static [(&'static str, &'static str)] {
        Box::leak(vec![("total", v), ("general_budget", v)].into_boxed_slice())
    };
    check_rows(
        d.table("three_public").unwrap(),
        0,
        &[
            ("total", "合计", g("4.29")),
            ("overseas", "因公出国（境）费", &[]),
            ("reception", "公务接待费", g("0.09")),
            ("vehicle", "公务用车购置及运行费（小计）", g("4.20")),
            ("vehicle_purchase", "其中：公务用车购置费", &[]),
            ("vehicle_operation", "公务用车运行费", g("4.20")),
        ],
    );
}

#[test]
fn table_11_carry_over_is_non_fiscal_project_money() {
    let d = seed();
    let np = |v: &'static str| -> &'static [(&'static str, &'static str)] {
        Box::leak(vec![("total", v), ("non_fiscal", v), ("non_fiscal_project", v)].into_boxed_slice())
    };
    let t = d.table("carry_over").unwrap();
    let rows: Vec<&Row> = t.rows.iter().collect();
    let names: Vec<&str> = rows.iter().map(|r| r.name.value.as_str()).collect();
    assert_eq!(names, ["总计", "昌吉回族自治州人力资源和社会保障服务中心", "考务费", "服务中心机构运行补助经费"]);
    for (r, v) in rows.iter().zip(["105.00", "105.00", "100.00", "5.00"]) {
        let want: BTreeMap<&str, String> = np(v).iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(cells(t, r), want, "{}", r.name.value);
    }
    assert_eq!(rows[1].parent, Some(0));
    assert_eq!(rows[2].parent, Some(1));
    assert_eq!(rows[3].parent, Some(1));
}

#[test]
fn spans_point_at_the_printed_figures() {
    let d = seed();
    let t = d.table("income_summary").unwrap();
    let r = t.row_by_code(0, "2080102").unwrap();
    // `208 01 02     一般行政管理事务 56.00 26.00 26.00 25.00 5.00` is line 203.
    assert_eq!(r.values[3].span, yusuan_model::Span::on_line(203, 42, 47));
    assert_eq!(r.name.span, yusuan_model::Span::on_line(203, 15, 23));
    let wrapped = t.row_by_code(0, "2080199").unwrap();
    assert_eq!(wrapped.name.span.line, 208);
    assert_eq!(wrapped.name.span.end_line, 210);
    assert_eq!(wrapped.values[0].span.line, 211);
}

/// The same small table three ways: one row per line, one cell per line, and cells between `|`
/// (where empty cells are kept and fix the columns).
#[test]
fn cells_one_per_line_or_between_bars_read_the_same() {
    let head = "表 3\n部门支出总体情况表\n编制部门：某某局 单位：万元\n";
    let spaced = format!(
        "{head}※ ※ ※ ※ 1 2 3\n总计 100.00 60.00 40.00\n201 一般公共服务支出 100.00 60.00 40.00\n201 01 人大事务 100.00 60.00 40.00\n201 01 01 行政运行 60.00 60.00\n201 01 02 一般行政管理事务 40.00 40.00\n"
    );
    let one_per_line = format!(
        "{head}※ ※ ※ ※ 1 2 3\n总计\n100.00\n60.00\n40.00\n201\n一般公共服务支出\n100.00\n60.00\n40.00\n201 01\n人大事务\n100.00\n60.00\n40.00\n201 01 01\n行政运行\n60.00\n60.00\n201 01 02\n一般行政管理事务\n40.00\n40.00\n"
    );
    let bars = format!(
        "{head}| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| | 总计 | 100.00 | 60.00 | 40.00 |\n| 201 | 一般公共服务支出 | 100.00 | 60.00 | 40.00 |\n| 201 01 | 人大事务 | 100.00 | 60.00 | 40.00 |\n| 201 01 01 | 行政运行 | 60.00 | 60.00 | |\n| 201 01 02 | 一般行政管理事务 | 40.00 | | 40.00 |\n"
    );
    let read = |text: &str| {
        let d = read_str(text);
        let t = d.table("expenditure_summary").unwrap().clone();
        t.rows
            .iter()
            .map(|r| (r.code.as_ref().map(|c| c.to_string()), r.name.value.clone(), cells(&t, r), r.parent))
            .collect::<Vec<_>>()
    };
    let want = read(&spaced);
    assert_eq!(want.len(), 5);
    assert_eq!(want[4].2.get("project").map(String::as_str), Some("40.00"));
    assert_eq!(read(&one_per_line), want);
    assert_eq!(read(&bars), want);
    // Between bars, a row the sums cannot place alone is placed by its empty cells.
    let alone = format!("{head}| 201 01 02 | 一般行政管理事务 | 40.00 | | 40.00 |\n");
    let d = read_str(&alone);
    let t = d.table("expenditure_summary").unwrap();
    assert_eq!(cells(t, &t.rows[0]).get("project").map(String::as_str), Some("40.00"));
}

/// A table printed one cell per line with whole-number figures, across pages: the bare `60` and
/// `40` that end a page and open the next are figures (the page numbers, `1` and `3`, end the
/// other pages and count with them); the same table without page breaks reads the same.
#[test]
fn a_bare_figure_at_a_page_break_of_a_one_cell_per_line_table_is_kept() {
    let head = "表 3\n部门支出总体情况表\n编制部门：某某局 单位：万元\n※ ※ ※ ※ 1 2 3\n";
    let rows = [
        "总计",
        "100",
        "60",
        "40",
        "201",
        "一般公共服务支出",
        "100",
        "60",
        "40",
        "201 01",
        "人大事务",
        "100",
        "60",
        "40",
        "201 01 01",
        "行政运行",
        "60",
    ];
    let rest = ["60", "201 01 02", "一般行政管理事务", "40", "40"];
    let whole = format!("{head}{}\n{}\n", rows.join("\n"), rest.join("\n"));
    let paged = format!("说明\n\n1\n\u{c}{head}{}\n\u{c}{}\n\n3\n", rows.join("\n"), rest.join("\n"));
    let read = |text: &str| {
        let d = read_str(text);
        let t = d.table("expenditure_summary").unwrap().clone();
        t.rows.iter().map(|r| (r.name.value.clone(), cells(&t, r))).collect::<Vec<_>>()
    };
    let want = read(&whole);
    assert_eq!(want.len(), 5, "{want:?}");
    assert_eq!(want[3].1.get("basic").map(String::as_str), Some("60"));
    assert_eq!(read(&paged), want);
    let d = read_str(&paged);
    assert_eq!(d.page_furniture.len(), 2, "{:?}", d.page_furniture);
}
