//! The real disclosures of `fixtures/corpus/` (Shanghai Putuo, 2024), read from their
//! `pdftotext -layout` text, table by table and figure by figure as a person reading the PDF
//! sees them: four 部门决算, the copy of one with errors planted by a third party, the blank
//! 决算 template and a Shanghai 部门预算.
//!
//! Layouts these files print (and the reader must undo): names wrapped above and below their
//! code line (`机关事业单位` / `2080505 基本养老保险 446.11` / `缴费支出`), figures on the line
//! above their row (`1,503.52 603.14` / `201 一般公共服务支出 2,106.66`), codes alone with their
//! 款 on the next line (`302` / `06 电费`), two tables side by side (基本支出决算表), labels of a
//! two-sided 总表 on one line without figures, empty tables with a statement.

use yusuan_model::registry::schema;
use yusuan_model::table::{Assignment, DocumentKind, Row, Table};
use yusuan_model::Disclosure;
use yusuan_readers::text::read_str;

fn read(name: &str) -> Disclosure {
    let path = format!("{}/../../fixtures/corpus/{name}.layout.txt", env!("CARGO_MANIFEST_DIR"));
    read_str(&std::fs::read_to_string(path).expect("corpus file"))
}

/// Every table: kind and number of rows.
fn tables(d: &Disclosure) -> Vec<(&str, usize)> {
    d.tables.iter().map(|t| (t.kind.as_str(), t.rows.len())).collect()
}

fn table<'a>(d: &'a Disclosure, kind: &str) -> &'a Table {
    d.tables.iter().find(|t| t.kind == kind).unwrap_or_else(|| panic!("no table {kind}"))
}

/// The row of a panel by declared key or code.
fn row<'a>(t: &'a Table, panel: &str, key: &str) -> &'a Row {
    let s = schema(&t.kind).unwrap();
    let p = s.panels.iter().position(|p| p.key == panel).unwrap() as u8;
    t.panel_rows(p)
        .find(|r| r.fixed.as_deref() == Some(key) || r.code.as_ref().is_some_and(|c| c.as_str() == key))
        .unwrap_or_else(|| panic!("{}: no row {panel}/{key}", t.kind))
}

/// A row's figures by column key, in printed order; the row must be settled.
fn cells(t: &Table, panel: &str, key: &str) -> Vec<(&'static str, String)> {
    let r = row(t, panel, key);
    let s = schema(&t.kind).unwrap();
    let p = &s.panels[r.panel as usize];
    let Assignment::Resolved { columns } = &r.assignment else {
        panic!("{}: row {key} not settled: {:?}", t.kind, r.assignment)
    };
    columns.iter().zip(&r.values).map(|(c, v)| (p.columns[*c as usize].key, v.value.value.to_string())).collect()
}

/// What a reader expects, with borrowed strings.
fn want(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

fn name<'a>(t: &'a Table, panel: &str, key: &str) -> &'a str {
    &row(t, panel, key).name.value
}

/// Every row of every table has its figures in settled columns.
fn all_settled(d: &Disclosure) {
    for t in &d.tables {
        for r in &t.rows {
            assert!(r.is_resolved(), "{} row {:?} {:?}: {:?}", t.kind, r.code, r.fixed, r.assignment);
        }
    }
}

/// The nine 决算 tables, as the registry requires them.
fn final_tables(rows: [usize; 9]) -> Vec<(&'static str, usize)> {
    let kinds = yusuan_model::registry::required_tables(yusuan_model::table::DocumentKind::FinalAccounts);
    assert_eq!(kinds.len(), 9);
    kinds.iter().copied().zip(rows).collect()
}

#[test]
fn czj_final_accounts() {
    let d = read("shpt-czj-2024-final");
    assert_eq!(d.document, DocumentKind::FinalAccounts);
    // 总表: 12 income lines, 26 classes and 4 lines; 表 2, 3, 5: 合计 and 19 codes; 表 4: 9 income
    // lines, 26 classes, 3 lines; 表 6: 26 personnel rows and 合计, 38 operating rows and 合计.
    assert_eq!(tables(&d), final_tables([42, 20, 20, 38, 20, 66, 1, 0, 0]));
    all_settled(&d);

    let t1 = table(&d, "final_income_expense_summary");
    assert_eq!(cells(t1, "income", "general_budget"), want(&[("amount", "2940.05")]));
    assert_eq!(cells(t1, "income", "other_income"), want(&[("amount", "6.20")]));
    assert_eq!(cells(t1, "income", "current_income"), want(&[("amount", "2946.25")]));
    assert_eq!(cells(t1, "income", "carry_over"), want(&[("amount", "49.14")]));
    assert_eq!(cells(t1, "income", "income_total"), want(&[("amount", "2995.39")]));
    assert!(row(t1, "income", "use_non_fiscal_balance").values.is_empty());
    assert_eq!(cells(t1, "expenditure", "201"), want(&[("amount", "2106.66")]));
    assert_eq!(name(t1, "expenditure", "201"), "一般公共服务支出");
    assert_eq!(cells(t1, "expenditure", "208"), want(&[("amount", "326.71")]));
    assert_eq!(cells(t1, "expenditure", "210"), want(&[("amount", "60.99")]));
    assert_eq!(cells(t1, "expenditure", "221"), want(&[("amount", "445.69")]));
    assert!(row(t1, "expenditure", "234").values.is_empty());
    assert_eq!(cells(t1, "expenditure", "current_expenditure"), want(&[("amount", "2940.05")]));
    assert!(row(t1, "expenditure", "balance_distribution").values.is_empty());
    assert_eq!(cells(t1, "expenditure", "carry_forward"), want(&[("amount", "55.34")]));
    assert_eq!(cells(t1, "expenditure", "expenditure_total"), want(&[("amount", "2995.39")]));

    // 收入决算表: the total's figures stand above 类 款 项 and 合计.
    let t2 = table(&d, "final_income");
    let income = |total, fiscal, other: Option<&str>| {
        let mut v = vec![("total", total), ("fiscal", fiscal)];
        v.extend(other.map(|o| ("other_income", o)));
        want(&v)
    };
    assert_eq!(cells(t2, "main", "total"), income("2946.25", "2940.05", Some("6.20")));
    assert_eq!(cells(t2, "main", "2010601"), income("1511.90", "1511.89", Some("0.01")));
    assert_eq!(cells(t2, "main", "2010602"), income("16.19", "10.00", Some("6.19")));
    assert_eq!(cells(t2, "main", "208"), income("326.72", "326.72", None));
    assert_eq!(cells(t2, "main", "2080505"), income("160.75", "160.75", None));
    assert_eq!(name(t2, "main", "2080505"), "机关事业单位基本养老保险缴费支出");
    assert_eq!(name(t2, "main", "2080506"), "机关事业单位职业年金缴费支出");
    assert_eq!(cells(t2, "main", "2210203"), income("258.50", "258.50", None));

    // 支出决算表: figures printed on the line above their row, placed by the header above them.
    let t3 = table(&d, "final_expenditure");
    let spent = |pairs: &[(&'static str, &str)]| want(pairs);
    assert_eq!(cells(t3, "main", "total"), spent(&[("total", "2940.05"), ("basic", "2336.91"), ("project", "603.14")]));
    assert_eq!(cells(t3, "main", "201"), spent(&[("total", "2106.66"), ("basic", "1503.52"), ("project", "603.14")]));
    assert_eq!(cells(t3, "main", "2010601"), spent(&[("total", "1511.89"), ("basic", "1503.52"), ("project", "8.37")]));
    assert_eq!(cells(t3, "main", "2010607"), spent(&[("total", "135.25"), ("project", "135.25")]));
    assert_eq!(cells(t3, "main", "20805"), spent(&[("total", "326.72"), ("basic", "326.72")]));
    assert_eq!(cells(t3, "main", "2080599"), spent(&[("total", "0.94"), ("basic", "0.94")]));
    assert_eq!(name(t3, "main", "2080505"), "机关事业单位基本养老保险缴费支出");
    assert_eq!(cells(t3, "main", "2210201"), spent(&[("total", "187.19"), ("basic", "187.19")]));

    // 财政拨款收入支出决算总表: the left labels wrapped (`二、政府性基金预算财政拨` / `款`), the
    // income figure above its label.
    let t4 = table(&d, "final_fiscal_summary");
    assert_eq!(cells(t4, "income", "general_budget"), want(&[("amount", "2940.05")]));
    assert!(row(t4, "income", "government_fund").values.is_empty());
    assert_eq!(cells(t4, "income", "current_income"), want(&[("amount", "2940.05")]));
    assert_eq!(cells(t4, "income", "carry_over"), want(&[("amount", "21.63")]));
    assert_eq!(cells(t4, "income", "carry_over_general"), want(&[("amount", "21.63")]));
    assert_eq!(cells(t4, "income", "income_total"), want(&[("amount", "2961.68")]));
    let fiscal = |v| want(&[("total", v), ("general_budget", v)]);
    assert_eq!(cells(t4, "expenditure", "201"), fiscal("2106.66"));
    assert_eq!(cells(t4, "expenditure", "208"), fiscal("326.71"));
    assert_eq!(name(t4, "expenditure", "207"), "文化旅游体育与传媒支出");
    assert_eq!(name(t4, "expenditure", "234"), "抗疫特别国债安排的支出");
    assert_eq!(cells(t4, "expenditure", "current_expenditure"), fiscal("2940.05"));
    assert_eq!(cells(t4, "expenditure", "carry_forward"), fiscal("21.63"));
    assert_eq!(cells(t4, "expenditure", "expenditure_total"), fiscal("2961.68"));

    let t5 = table(&d, "final_general_budget_expenditure");
    assert_eq!(cells(t5, "main", "total"), spent(&[("total", "2940.05"), ("basic", "2336.91"), ("project", "603.14")]));
    assert_eq!(cells(t5, "main", "2010601"), spent(&[("total", "1511.89"), ("basic", "1503.52"), ("project", "8.37")]));
    assert_eq!(cells(t5, "main", "2010602"), spent(&[("total", "10.00"), ("project", "10.00")]));
    assert_eq!(cells(t5, "main", "2101101"), spent(&[("total", "60.99"), ("basic", "60.99")]));

    // 基本支出决算表: two tables side by side, codes split over lines, figures above.
    let t6 = table(&d, "final_general_budget_basic");
    let actual = |v| want(&[("amount", v)]);
    assert_eq!(cells(t6, "personnel", "301"), actual("2082.85"));
    assert_eq!(cells(t6, "personnel", "30101"), actual("262.33"));
    assert_eq!(cells(t6, "personnel", "30102"), actual("1238.58"));
    assert!(row(t6, "personnel", "30103").values.is_empty());
    assert_eq!(cells(t6, "personnel", "30108"), actual("160.75"));
    assert_eq!(name(t6, "personnel", "30108"), "机关事业单位基本养老保险缴费");
    assert_eq!(cells(t6, "personnel", "303"), actual("69.41"));
    assert_eq!(cells(t6, "personnel", "30309"), actual("0.31"));
    assert_eq!(cells(t6, "personnel", "total"), actual("2152.26"));
    assert_eq!(cells(t6, "operating", "302"), actual("171.07"));
    assert_eq!(cells(t6, "operating", "30201"), actual("21.21"));
    assert_eq!(name(t6, "operating", "30212"), "因公出国（境）费用");
    assert_eq!(name(t6, "operating", "30231"), "公务用车运行维护费");
    assert_eq!(cells(t6, "operating", "30299"), actual("11.53"));
    assert_eq!(name(t6, "operating", "30299"), "其他商品和服务支出");
    assert_eq!(cells(t6, "operating", "310"), actual("13.58"));
    assert_eq!(name(t6, "operating", "310"), "资本性支出");
    assert_eq!(cells(t6, "operating", "31002"), actual("13.58"));
    assert_eq!(name(t6, "operating", "31007"), "信息网络及软件购置更新");
    assert_eq!(cells(t6, "operating", "total"), actual("184.65"));

    // 三公: 0.95 under 合计 预算数 and under 公务接待费 预算数 (x 711 of 842 in the PDF).
    let t7 = table(&d, "final_three_public");
    assert_eq!(cells(t7, "main", "fiscal"), want(&[("total_budget", "0.95"), ("reception_budget", "0.95")]));

    for kind in ["final_government_fund", "final_state_capital"] {
        let s = table(&d, kind).empty_statement.as_ref().map(|s| s.value.as_str());
        assert!(s.is_some_and(|s| s.starts_with("注：上海市普陀区财政局无") && s.ends_with("故本表无数据。")), "{s:?}");
    }

    assert_eq!(d.narrative.facts.len(), 52);
    let completion: Vec<String> =
        d.narrative.facts.iter().filter_map(|f| f.completion.as_ref()).map(|c| c.rate.value.0.to_string()).collect();
    assert!(completion.contains(&"98.20".to_string()), "{completion:?}");
}

/// A row's panel, code, declared key and figures by column index.
type RowFigures = (u8, Option<String>, Option<String>, Vec<(usize, String)>);

#[test]
fn planted_copy_reads_like_the_original_but_for_its_changes() {
    let d = read("shpt-czj-2024-final-planted-errors");
    // No 支出决算表; the 三公 table without figures and without statement.
    assert_eq!(
        tables(&d),
        vec![
            ("final_income_expense_summary", 42),
            ("final_income", 20),
            ("final_fiscal_summary", 38),
            ("final_general_budget_expenditure", 20),
            ("final_general_budget_basic", 66),
            ("final_three_public", 0),
            ("final_government_fund", 0),
            ("final_state_capital", 0),
        ]
    );
    all_settled(&d);
    let original = read("shpt-czj-2024-final");
    // Every figure of the tables both print is the same, in the same column.
    for t in &d.tables {
        let Some(o) = original.tables.iter().find(|o| o.kind == t.kind) else { continue };
        let figures = |t: &Table| -> Vec<RowFigures> {
            t.rows
                .iter()
                .map(|r| {
                    let cols = (0..16).filter_map(|c| r.cell(c).map(|v| (c, v.value.value.to_string()))).collect();
                    (r.panel, r.code.as_ref().map(|c| c.as_str().to_string()), r.fixed.clone(), cols)
                })
                .collect()
        };
        // (Printed order differs where the layout wrapped other lines between.)
        let sorted = |t: &Table| {
            let mut f = figures(t);
            f.sort();
            f
        };
        if t.kind != "final_three_public" {
            assert_eq!(sorted(t), sorted(o), "{}", t.kind);
        }
    }
    assert!(table(&d, "final_three_public").empty_statement.is_none());
    assert_eq!(d.narrative.facts.len(), 47);
}

#[test]
fn ghzy_final_accounts() {
    let d = read("shpt-ghzy-2024-final");
    // Classes 一 … 二十四 (no 债务 lines): 12 + 24 + 4 in 表 1, 9 + 24 + 3 in 表 4.
    assert_eq!(tables(&d), final_tables([40, 25, 25, 36, 25, 67, 1, 0, 0]));
    all_settled(&d);
    let t1 = table(&d, "final_income_expense_summary");
    assert_eq!(cells(t1, "income", "general_budget"), want(&[("amount", "9746.50")]));
    assert_eq!(cells(t1, "income", "carry_over"), want(&[("amount", "112.88")]));
    assert_eq!(cells(t1, "income", "income_total"), want(&[("amount", "9859.38")]));
    assert_eq!(cells(t1, "expenditure", "212"), want(&[("amount", "3845.25")]));
    assert_eq!(cells(t1, "expenditure", "220"), want(&[("amount", "4461.67")]));
    assert_eq!(cells(t1, "expenditure", "current_expenditure"), want(&[("amount", "9759.38")]));
    assert_eq!(cells(t1, "expenditure", "carry_forward"), want(&[("amount", "100.00")]));
    assert_eq!(cells(t1, "expenditure", "expenditure_total"), want(&[("amount", "9859.38")]));

    let t2 = table(&d, "final_income");
    assert_eq!(cells(t2, "main", "total"), want(&[("total", "9746.50"), ("fiscal", "9746.50")]));
    assert_eq!(cells(t2, "main", "212"), want(&[("total", "3832.36"), ("fiscal", "3832.36")]));
    assert_eq!(name(t2, "main", "2080505"), "机关事业单位基本养老保险缴费支出");

    // 支出决算表 prints 0.00 under 项目支出 where there is none: the header says where.
    let t3 = table(&d, "final_expenditure");
    let spent = |t, b, p| want(&[("total", t), ("basic", b), ("project", p)]);
    assert_eq!(cells(t3, "main", "total"), spent("9759.38", "5377.64", "4381.74"));
    assert_eq!(cells(t3, "main", "208"), spent("754.75", "754.75", "0.00"));
    assert_eq!(cells(t3, "main", "212"), spent("3845.24", "1585.59", "2259.65"));
    assert_eq!(cells(t3, "main", "2200199"), spent("45.00", "0.00", "45.00"));

    let t4 = table(&d, "final_fiscal_summary");
    assert_eq!(cells(t4, "expenditure", "210"), want(&[("total", "236.63"), ("general_budget", "236.63")]));
    assert_eq!(name(t4, "expenditure", "224"), "灾害防治及应急管理支出");
    assert_eq!(
        cells(t4, "expenditure", "expenditure_total"),
        want(&[("total", "9746.50"), ("general_budget", "9746.50")])
    );
    assert!(row(t4, "income", "carry_over").values.is_empty());

    // 表 5 wraps names around their code line (`社会保障和就` / `208 754.75 …` / `业支出`).
    let t5 = table(&d, "final_general_budget_expenditure");
    assert_eq!(name(t5, "main", "208"), "社会保障和就业支出");
    assert_eq!(cells(t5, "main", "208"), spent("754.75", "754.75", "0.00"));
    assert_eq!(name(t5, "main", "20805"), "行政事业单位养老支出");
    assert_eq!(name(t5, "main", "2080505"), "机关事业单位基本养老保险缴费支出");
    assert_eq!(name(t5, "main", "2120101"), "行政运行");
    assert_eq!(cells(t5, "main", "212"), spent("3832.36", "1572.70", "2259.65"));
    assert_eq!(cells(t5, "main", "total"), spent("9746.50", "5364.75", "4381.74"));

    let t6 = table(&d, "final_general_budget_basic");
    assert_eq!(cells(t6, "personnel", "30108"), want(&[("amount", "446.11")]));
    assert_eq!(name(t6, "personnel", "30108"), "机关事业单位基本养老保险缴费");
    assert_eq!(cells(t6, "operating", "30207"), want(&[("amount", "8.05")]));
    assert_eq!(cells(t6, "operating", "30217"), want(&[("amount", "0.39")]));
    assert_eq!(cells(t6, "operating", "31002"), want(&[("amount", "39.76")]));
    assert_eq!(name(t6, "operating", "31007"), "信息网络及软件购置更新");
    assert_eq!(cells(t6, "personnel", "total"), want(&[("amount", "4884.09")]));
    assert_eq!(cells(t6, "operating", "total"), want(&[("amount", "480.66")]));

    let t7 = table(&d, "final_three_public");
    let three = cells(t7, "main", "fiscal");
    assert_eq!(three.len(), 12);
    assert_eq!(three[0], ("total_budget", "2.85".to_string()));
    assert_eq!(three[1], ("total_actual", "0.39".to_string()));
    assert_eq!(three[10], ("reception_budget", "2.85".to_string()));
    assert_eq!(three[11], ("reception_actual", "0.39".to_string()));
    assert_eq!(d.narrative.facts.len(), 57);
}

#[test]
fn shgzb_final_accounts() {
    let d = read("shpt-shgzb-2024-final");
    assert_eq!(tables(&d), final_tables([42, 18, 18, 38, 18, 67, 0, 0, 0]));
    all_settled(&d);
    let t1 = table(&d, "final_income_expense_summary");
    assert_eq!(cells(t1, "income", "general_budget"), want(&[("amount", "307.82")]));
    assert!(row(t1, "income", "carry_over").values.is_empty());
    assert_eq!(cells(t1, "expenditure", "201"), want(&[("amount", "264.87")]));
    assert_eq!(cells(t1, "expenditure", "expenditure_total"), want(&[("amount", "307.82")]));
    let t3 = table(&d, "final_expenditure");
    assert_eq!(cells(t3, "main", "total"), want(&[("total", "307.82"), ("basic", "105.58"), ("project", "202.24")]));
    assert_eq!(cells(t3, "main", "2013999"), want(&[("total", "202.24"), ("project", "202.24")]));
    assert_eq!(name(t3, "main", "2080505"), "机关事业单位基本养老保险缴费支出");
    let t5 = table(&d, "final_general_budget_expenditure");
    assert_eq!(name(t5, "main", "201"), "一般公共服务支出");
    assert_eq!(name(t5, "main", "2013999"), "其他社会工作事务支出");
    assert_eq!(cells(t5, "main", "2013950"), want(&[("total", "11.31"), ("basic", "11.31")]));
    let t6 = table(&d, "final_general_budget_basic");
    assert_eq!(name(t6, "personnel", "30110"), "职工基本医疗保险缴费");
    assert_eq!(cells(t6, "personnel", "30110"), want(&[("amount", "2.71")]));
    // `310资本性支出`: code and name printed together.
    assert_eq!(name(t6, "operating", "310"), "资本性支出");
    assert_eq!(cells(t6, "operating", "30239"), want(&[("amount", "2.43")]));
    assert_eq!(cells(t6, "operating", "total"), want(&[("amount", "10.23")]));
    let s = table(&d, "final_three_public").empty_statement.as_ref().unwrap();
    assert_eq!(s.value, "说明：中共上海市普陀区委社会工作部本年度没有财政拨款“三公”经费支出，故本表无数据。");
    assert_eq!(d.narrative.facts.len(), 38);
}

#[test]
fn the_blank_template() {
    let d = read("final-accounts-template");
    // The blank form's example rows (205, 20502, 2050205, 207, 20799, 合计) without figures.
    assert_eq!(tables(&d), final_tables([40, 6, 6, 36, 6, 67, 0, 0, 0]));
    assert!(d.tables.iter().all(|t| t.rows.iter().all(|r| r.values.is_empty())));
    let t2 = table(&d, "final_income");
    assert_eq!(name(t2, "main", "20799"), "其他文化旅游体育与传媒支出");
    assert_eq!(d.narrative.facts.len(), 5);
}

#[test]
fn shanghai_budget() {
    let d = read("shpt-wljd-2024-budget");
    assert_eq!(d.document, DocumentKind::Budget);
    assert_eq!(
        tables(&d),
        vec![
            ("income_expense_summary", 18),
            ("income_summary_shanghai", 67),
            ("expenditure_summary", 67),
            ("fiscal_summary", 14),
            ("general_budget_expenditure", 67),
            ("government_fund_expenditure_shanghai", 0),
            ("state_capital_expenditure_shanghai", 0),
            ("general_budget_basic", 32),
            ("three_public_and_running_costs", 1),
        ]
    );
    all_settled(&d);
    let t1 = table(&d, "income_expense_summary");
    assert_eq!(cells(t1, "income", "fiscal"), want(&[("amount", "156211123")]));
    assert_eq!(cells(t1, "income", "general_budget"), want(&[("amount", "156211123")]));
    assert_eq!(cells(t1, "income", "income_total"), want(&[("amount", "156211123")]));
    assert_eq!(cells(t1, "expenditure", "212"), want(&[("amount", "119385303")]));
    assert_eq!(cells(t1, "expenditure", "expenditure_total"), want(&[("amount", "156211123")]));
    let t2 = table(&d, "income_summary_shanghai");
    let by_source = |v| {
        want(&[("total", v), ("fiscal", v), ("business_income", "0"), ("operating_income", "0"), ("other_income", "0")])
    };
    assert_eq!(cells(t2, "main", "total"), by_source("156211123"));
    assert_eq!(cells(t2, "main", "2080505"), by_source("4608515"));
    let t3 = table(&d, "expenditure_summary");
    assert_eq!(
        cells(t3, "main", "total"),
        want(&[("total", "156211123"), ("basic", "99706020"), ("project", "56505103")])
    );
    assert_eq!(cells(t3, "main", "201"), want(&[("total", "2932700"), ("basic", "0"), ("project", "2932700")]));
    let t4 = table(&d, "fiscal_summary");
    assert_eq!(cells(t4, "income", "general_budget"), want(&[("amount", "156211123")]));
    assert_eq!(cells(t4, "expenditure", "208"), want(&[("total", "19604064"), ("general_budget", "19604064")]));
    let t6 = table(&d, "general_budget_basic");
    // `301 2 津贴补贴`: the 款 printed without its leading zero.
    assert_eq!(
        cells(t6, "main", "30102"),
        want(&[("total", "16623810"), ("personnel", "16623810"), ("operating", "0")])
    );
    assert_eq!(
        cells(t6, "main", "total"),
        want(&[("total", "99706020"), ("personnel", "88537451"), ("operating", "11168569")])
    );
    let t10 = table(&d, "three_public_and_running_costs");
    assert_eq!(
        cells(t10, "main", "budget"),
        want(&[
            ("total", "47.91"),
            ("overseas", "0"),
            ("reception", "1.35"),
            ("vehicle", "46.56"),
            ("vehicle_purchase", "25"),
            ("vehicle_operation", "21.56"),
            ("agency_running_costs", "443.18"),
        ])
    );
    // 65: the 三公 items stated in their own headings （一）…（三） are read too; each of the 33
    // items of 财政拨款支出主要内容 is one fact with its stated prior (`2023年当年预算执行数为…`),
    // not three (item, prior, restated amount) as before.
    assert_eq!(d.narrative.facts.len(), 65);
    assert_eq!(d.narrative.facts.iter().filter(|f| f.prior.is_some()).count(), 33);
}

/// A Shanghai **unit** budget (单位预算): its own titles (`2024年预算单位…`), amounts in 元, and a
/// 财务收支预算总表 whose spending side splits into 合计 | 人员经费 | 公用经费 | 项目支出. Read from
/// its PDF, whose ruled cells pin every figure to its column: its `pdftotext -layout` text prints
/// `208 … 11,281,624 8,661,624 2,620,000` under five columns with 事业收入 and two empty ones, which
/// only the page's geometry tells apart (the text leaves those rows ambiguous, never wrong).
#[test]
fn shanghai_unit_budget() {
    let path = format!("{}/../../fixtures/corpus/shpt-flyy-2024-unit-budget.pdf", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(path).expect("corpus PDF");
    let d =
        yusuan_readers::open::open("shpt-flyy-2024-unit-budget.pdf", &bytes, yusuan_model::Catalog::shared_builtin())
            .expect("opens")
            .disclosure;
    assert_eq!(d.document, DocumentKind::Budget);
    assert_eq!(d.year.as_ref().map(|y| y.value), Some(2024));
    let kinds: Vec<&str> = d.tables.iter().map(|t| t.kind.as_str()).collect();
    assert_eq!(
        kinds,
        vec![
            "unit_income_expense_summary",
            "income_summary_shanghai",
            "expenditure_summary",
            "fiscal_summary",
            "general_budget_expenditure",
            "government_fund_expenditure_shanghai",
            "state_capital_expenditure_shanghai",
            "general_budget_basic",
            "three_public_and_running_costs",
        ]
    );
    // The contents page (`4．2024年预算单位财政拨款收支预算总表` without dot leaders) is no table.
    assert!(d.tables.iter().all(|t| t.title.span.line > 25), "a contents line was taken for a table");
    // Every row settled but the 三公 line, whose blank 购置费 the PDF does not rule.
    for t in d.tables.iter().filter(|t| t.kind != "three_public_and_running_costs") {
        for r in &t.rows {
            assert!(r.is_resolved(), "{} row {:?} {:?}: {:?}", t.kind, r.code, r.fixed, r.assignment);
        }
    }
    let t1 = table(&d, "unit_income_expense_summary");
    assert_eq!(cells(t1, "income", "fiscal"), want(&[("amount", "9501164")]));
    assert_eq!(cells(t1, "income", "general_budget"), want(&[("amount", "9501164")]));
    assert_eq!(cells(t1, "income", "business_income"), want(&[("amount", "2620000")]));
    assert_eq!(cells(t1, "income", "income_total"), want(&[("amount", "12121164")]));
    assert_eq!(
        cells(t1, "expenditure", "208"),
        want(&[("total", "11281624"), ("personnel", "6540674"), ("operating", "2120950"), ("project", "2620000")])
    );
    // 三、医疗卫生与计划生育支出: 210 under its former name.
    assert_eq!(cells(t1, "expenditure", "210"), want(&[("total", "503724"), ("personnel", "503724")]));
    assert_eq!(cells(t1, "expenditure", "221"), want(&[("total", "335816"), ("personnel", "335816")]));
    assert_eq!(
        cells(t1, "expenditure", "expenditure_total"),
        want(&[("total", "12121164"), ("personnel", "7380214"), ("operating", "2120950"), ("project", "2620000")])
    );
    let t2 = table(&d, "income_summary_shanghai");
    assert_eq!(
        cells(t2, "main", "208"),
        want(&[("total", "11281624"), ("fiscal", "8661624"), ("business_income", "2620000")])
    );
    assert_eq!(cells(t2, "main", "2080599"), want(&[("total", "7020"), ("fiscal", "7020")]));
    assert_eq!(cells(t2, "main", "2101102"), want(&[("total", "503724"), ("fiscal", "503724")]));
    assert_eq!(
        cells(t2, "main", "total"),
        want(&[("total", "12121164"), ("fiscal", "9501164"), ("business_income", "2620000")])
    );
    let t3 = table(&d, "expenditure_summary");
    assert_eq!(
        cells(t3, "main", "2081005"),
        want(&[("total", "9584796"), ("basic", "6964796"), ("project", "2620000")])
    );
    let t4 = table(&d, "fiscal_summary");
    assert_eq!(cells(t4, "income", "general_budget"), want(&[("amount", "9501164")]));
    assert_eq!(cells(t4, "income", "income_total"), want(&[("amount", "9501164")]));
    assert_eq!(cells(t4, "expenditure", "208"), want(&[("total", "8661624"), ("general_budget", "8661624")]));
    let t5 = table(&d, "general_budget_expenditure");
    assert_eq!(cells(t5, "main", "2081005"), want(&[("total", "6964796"), ("basic", "6964796")]));
    assert_eq!(cells(t5, "main", "total"), want(&[("total", "9501164"), ("basic", "9501164")]));
    for kind in ["government_fund_expenditure_shanghai", "state_capital_expenditure_shanghai"] {
        let t = table(&d, kind);
        assert!(t.rows.iter().all(|r| r.values.is_empty()), "{kind}");
        assert!(t.empty_statement.as_ref().is_some_and(|s| s.value.contains("空表")), "{kind}");
    }
    let t6 = table(&d, "general_budget_basic");
    assert_eq!(cells(t6, "main", "30212"), want(&[("total", "7020"), ("operating", "7020")]));
    assert_eq!(name(t6, "main", "30212"), "机关事业单位退休人员活动费");
    assert_eq!(
        cells(t6, "main", "total"),
        want(&[("total", "9501164"), ("personnel", "7380214"), ("operating", "2120950")])
    );
    // The 2024 items state last year's executed figure, this year's and the rate of change.
    use yusuan_model::narrative::{Direction, PriorBasis, Subject};
    let items: Vec<(String, String, String, Direction, String)> = d
        .narrative
        .facts
        .iter()
        .filter_map(|f| {
            let Subject::Function(fi) = &f.subject else { return None };
            let prior = f.prior.as_ref()?;
            assert_eq!(prior.basis, PriorBasis::Executed);
            assert_eq!(prior.year, Some(2023));
            let ch = f.change.as_ref()?;
            Some((
                fi.item.clone()?,
                prior.amount.value.value.to_string(),
                f.amount.as_ref()?.value.value.to_string(),
                ch.direction,
                ch.rate.as_ref()?.value.0.to_string(),
            ))
        })
        .collect();
    let item = |i: &str, p: &str, c: &str, d: Direction, r: &str| (i.into(), p.into(), c.into(), d, r.into());
    assert_eq!(
        items,
        vec![
            item("事业单位离退休", "54.60", "53.84", Direction::Decrease, "1.39"),
            item("机关事业单位基本养老保险缴费支出", "70.70", "76.76", Direction::Increase, "8.57"),
            item("机关事业单位职业年金缴费支出", "35.35", "38.38", Direction::Increase, "8.57"),
            item("社会福利事业单位", "711.34", "738.66", Direction::Increase, "3.84"),
            item("事业单位医疗", "44.17", "50.37", Direction::Increase, "14.04"),
            item("住房公积金", "33.74", "33.58", Direction::Decrease, "0.47"),
        ]
    );
    // Each item's use, and the cause of its change in the next sentence.
    let welfare =
        d.narrative.facts.iter().find(|f| f.amount.as_ref().is_some_and(|a| a.value.value.to_string() == "738.66"));
    let welfare = welfare.expect("item 4");
    assert_eq!(welfare.purpose.as_ref().map(|p| p.value.as_str()), Some("人员经费及公用经费"));
    assert_eq!(welfare.reason.as_ref().map(|p| p.value.as_str()), Some("根据实际支出"));
}

/// Who and when, from every real document's cover or title, read from its text and from its
/// PDF alike (a 决算's cover wraps its name: `中共上海市普陀区委` / `社会工作部 2024 年度` / `部门决算`).
#[test]
fn every_document_says_who_and_when() {
    let expected = [
        ("shpt-czj-2024-final", "上海市普陀区财政局"),
        ("shpt-czj-2024-final-planted-errors", "上海市普陀区财政局"),
        ("shpt-ghzy-2024-final", "上海市普陀区规划和自然资源局"),
        ("shpt-shgzb-2024-final", "中共上海市普陀区委社会工作部"),
        ("shpt-wljd-2024-budget", "上海市普陀区人民政府万里街道办事处"),
        ("shpt-flyy-2024-unit-budget", "上海市普陀区社会福利院"),
    ];
    for (name, who) in expected {
        let pdf_path = format!("{}/../../fixtures/corpus/{name}.pdf", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(pdf_path).expect("corpus PDF");
        let pdf = yusuan_readers::open::open("d.pdf", &bytes, yusuan_model::Catalog::shared_builtin())
            .expect("reads")
            .disclosure;
        for (how, d) in [("text", read(name)), ("pdf", pdf)] {
            assert_eq!(d.department.as_ref().map(|x| x.value.as_str()), Some(who), "{name} from its {how}");
            assert_eq!(d.year.as_ref().map(|y| y.value), Some(2024), "{name} from its {how}");
        }
    }
}

/// Shanghai's 名词解释, a title alone and entries numbered （一）: every term.
#[test]
fn shanghai_glossaries_are_read() {
    let terms = |name: &str| -> Vec<String> { read(name).glossary.iter().map(|g| g.term.value.clone()).collect() };
    assert_eq!(terms("shpt-flyy-2024-unit-budget"), ["基本支出预算", "项目支出预算", "“三公”经费", "机关运行经费"]);
    assert_eq!(terms("shpt-wljd-2024-budget").len(), 8);
    let d = read("shpt-wljd-2024-budget");
    assert_eq!(d.overview.duties.len(), 9);
    assert_eq!(d.overview.organisation.subordinate_units.len(), 5);
}
