//! The checker on the real disclosures of `fixtures/corpus/`: every finding above info, exactly.
//! The four real 部门决算 are published documents; the only findings on them are slips they
//! really contain. The copy with planted errors raises exactly its planted places (found by
//! diffing its text and figures against the original, listed below). Rounding slips between
//! tables (收入支出决算总表 208 326.71 against 收入决算表 326.72, each rounded from 元) are info.

use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn run(name: &str) -> Report {
    let path = format!("{}/../../fixtures/corpus/{name}.layout.txt", env!("CARGO_MANIFEST_DIR"));
    let doc = read_str(&std::fs::read_to_string(path).expect("corpus file"));
    check(&doc, &Config::default(), Catalog::shared_builtin())
}

/// Rule, severity and line of every finding but info, in line order.
fn findings(r: &Report) -> Vec<(&str, Severity, u32)> {
    let mut v: Vec<_> =
        r.findings.iter().filter(|f| f.severity != Severity::Info).map(|f| (f.rule, f.severity, f.span.line)).collect();
    v.sort_by_key(|f| (f.2, f.0));
    v
}

use Severity::{Error, Warning};

#[test]
fn czj_adds_up_but_for_its_fiscal_total() {
    let r = run("shpt-czj-2024-final");
    // 四、财政拨款收入支出决算总体情况说明: `财政拨款收入支出总计0.3万元`, as the PDF prints it;
    // 财政拨款收入支出决算总表 总计 is 2,961.68.
    assert_eq!(findings(&r), vec![("N001", Error, 568)]);
    // 208 社会保障和就业支出: 326.71 in the 总表, 326.72 (the sum of its items) in the others.
    let rounding: Vec<u32> = r.of_rule("X002").filter(|f| f.severity == Severity::Info).map(|f| f.span.line).collect();
    assert!(rounding.contains(&147), "{rounding:?}");
}

#[test]
fn czj_planted_errors_are_found_where_they_were_planted() {
    let r = run("shpt-czj-2024-final-planted-errors");
    assert_eq!(
        findings(&r),
        vec![
            // 第二部分 上海市普陀区XX局: 财政 replaced by the template's placeholder.
            ("W005", Warning, 131),
            // 三、支出决算表 left out of the tables (the other eight are there).
            ("C001", Warning, 133),
            // 财政拨款“三公”经费支出决算表: its figures (0.95 budgeted, twice) deleted, no statement.
            ("C002", Warning, 311),
            // 第三部分 …2023年度部门决算情况说明: the heading's year turned to 2023.
            ("W007", Error, 354),
            // 收入支出总计 2995.39 turned to 0 (against the table's 总计 2,995.39), while
            // 减少56.95万元，下降1.87% stayed.
            ("N001", Error, 358),
            ("N003", Error, 359),
            // 1、行政运行: 1,511.89 against 1,560.05, 小于 turned to 大于.
            ("N008", Error, 396),
            // 7、职业年金缴费: 80.38 against 80.81, 小于 turned to 大于.
            ("N008", Error, 426),
            // 9、行政单位医疗: 60.99 against 62.29, 小于 turned to 等于.
            ("N008", Error, 435),
            // 截至2024年12月31日 turned to 2023.
            ("W007", Error, 509),
        ]
    );
}

#[test]
fn ghzy_has_one_truncated_rate_and_a_basic_spending_off_the_tables() {
    assert_eq!(
        findings(&run("shpt-ghzy-2024-final")),
        vec![
            // 9,746.50 / 10,210.34 = 95.4586…%: printed 95.45%, cut instead of rounded.
            ("N007", Warning, 669),
            // 六、一般公共预算财政拨款基本支出: 5377.64万元, of which 人员经费 4896.98万元; the
            // tables (一般公共预算财政拨款支出决算表 合计 基本支出, 基本支出决算表 人员经费合计)
            // print 5,364.75 and 4,884.09, both 12.89 less (公用经费 480.66 agrees).
            ("N001", Error, 808),
            ("N001", Error, 810),
        ]
    );
}

#[test]
fn shgzb_rates_its_full_year_budget_as_its_year_start_budget() {
    // 年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%:
    // 95.89% is of the full-year budget.
    assert_eq!(findings(&run("shpt-shgzb-2024-final")), vec![("N007", Warning, 507)]);
}

#[test]
fn the_blank_template_is_blank() {
    let r = run("final-accounts-template");
    let f = findings(&r);
    // No error: a blank form adds up. Seven tables without figures or statement, and the XX
    // placeholders everywhere.
    assert!(f.iter().all(|x| x.1 == Warning), "{f:?}");
    let empty: Vec<u32> = f.iter().filter(|x| x.0 == "C002").map(|x| x.2).collect();
    assert_eq!(empty, vec![102, 136, 165, 192, 257, 286, 336]);
    assert_eq!(f.iter().filter(|x| x.0 == "W005").count(), 172);
    assert_eq!(f.len(), 7 + 172);
}

/// 上海市普陀区万里街道 2024 部门预算 (Shanghai's budget template). One real slip: item 31's
/// heading says 350.35万元 and its sentence 预算安排352.67万元. One warning: the 三公 total's
/// 25万元 rise (109.12%) gives its reason only in its items, not for the total (C005).
#[test]
fn wljd_budget_has_its_slips() {
    let r = run("shpt-wljd-2024-budget");
    assert_eq!(
        findings(&r),
        vec![
            // Item 4, 宣传事务: 114.00 last year, 110.60 now, 减少2.98%, and the reason given is
            // `宣传事务一般行政管理事务经费增加` (the wording of the items that rose).
            ("W008", Warning, 95),
            ("W002", Error, 184),
            ("C005", Warning, 829)
        ]
    );
}

#[test]
fn flyy_unit_budget_has_one_wrong_item_and_one_blank_reason() {
    let r = run("shpt-flyy-2024-unit-budget");
    assert_eq!(
        findings(&r),
        vec![
            // Item 4, 社会福利事业单位 (208 10 05): 738.66万元 in the text, but the general budget
            // table prints 6,964,796元 (696.48万元) and the fund tables are empty. The six items
            // add up to the fiscal total 950.12 only with 696.48 (+ 208 05 99's 0.70): the text
            // is the slip. Its own rate (738.66 against 711.34, +3.84%) is consistent.
            ("N001", Error, 74),
            // （二）公务用车购置及运行费…，主要原因是。 — the reason left blank.
            ("W006", Warning, 365),
        ]
    );
    // Shanghai's economic classification (302 02 咨询费 where the national catalog has 印刷费):
    // one note for the table, no warning per code, no cross-table identity on those codes.
    assert_eq!(r.of_rule("C006").filter(|f| f.severity == Severity::Info).count(), 1);
    assert_eq!(r.of_rule("X001").count(), 0);
}

#[test]
fn a_unit_budget_total_is_held_against_its_own_summary_table() {
    // flyy's 财务收支预算总表 stands for the national 收支总体情况表 with its own rows: the
    // narrative's 收入预算 is its 收入总计 (12,121,164元).
    let path = format!("{}/../../fixtures/corpus/shpt-flyy-2024-unit-budget.layout.txt", env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(path).expect("corpus file").replace("收入预算1,212.12万元", "收入预算1,213.12万元");
    let r = check(&read_str(&text), &Config::default(), Catalog::shared_builtin());
    let at_54: Vec<_> = r.of_rule("N001").filter(|f| f.span.line == 54).collect();
    assert_eq!(at_54.len(), 1);
    assert_eq!(at_54[0].suggestion.as_ref().map(|s| s.value.as_str()), Some("1,212.12"));
}
