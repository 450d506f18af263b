//! Every error names the figure most likely wrong and the value the other figures imply, when
//! the identities single one figure out, and none when they do not.

use std::path::PathBuf;
use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn run(text: &str) -> Report {
    check(&read_str(text), &Config::default(), Catalog::shared_builtin())
}

fn trigger(code: &str) -> Report {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(code).join("trigger.txt");
    run(&std::fs::read_to_string(path).expect("fixture"))
}

/// A suggestion's line, column and value.
type At = Option<(u32, u32, String)>;

/// Each error of a rule: its line, and its suggestion.
fn suggested(r: &Report, code: &str) -> Vec<(u32, At)> {
    r.of_rule(code)
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.span.line, f.suggestion.as_ref().map(|s| (s.span.line, s.span.col, s.value.clone()))))
        .collect()
}

fn some(line: u32, col: u32, value: &str) -> At {
    Some((line, col, value.to_string()))
}

#[test]
fn t001_a_part_that_breaks_its_row_and_its_column() {
    // 201's 项目支出 30.00: its row (100 = 60 + 30) and its column (总计 40 = 30) both fail; 40.00
    // restores both. The row total and 基本支出 each keep another identity holding.
    assert_eq!(suggested(&trigger("T001"), "T001"), vec![(7, some(7, 27, "40.00"))]);
}

#[test]
fn t002_two_slips_in_one_row_single_out_no_figure() {
    // 一般行政管理事务 30.00 30.00 under a 款 of 120.00 … 40.00: both its cells are 10 short, so no
    // single change restores the 款's columns without breaking the row: no suggestion.
    let t002 = suggested(&trigger("T002"), "T002");
    assert!(!t002.is_empty() && t002.iter().all(|(line, s)| *line == 7 && s.is_none()), "{t002:?}");
}

#[test]
fn t002_a_child_that_breaks_its_row_and_its_parent() {
    let text = "表 5\n一般公共预算支出情况表\n编制部门：某某局 单位：万元\n※ ※ ※ ※ 1 2 3\n\
                总计 120.00 80.00 40.00\n208 社会保障和就业支出 120.00 80.00 40.00\n\
                208 01 人力资源和社会保障管理事务 120.00 80.00 40.00\n208 01 01 行政运行 80.00 60.00 10.00\n\
                208 01 02 一般行政管理事务 40.00 10.00 30.00\n";
    let r = run(text);
    // 行政运行's 基本支出 60.00 fails its row (80 = 60 + 10) and its parent's column (80 = 60 + 10):
    // 70.00 restores both.
    assert_eq!(suggested(&r, "T002"), vec![(7, some(8, 22, "70.00"))]);
    assert_eq!(suggested(&r, "T001"), vec![(8, some(8, 22, "70.00"))]);
}

#[test]
fn x001_a_total_wrong_against_its_parts_and_another_table() {
    // Table 6's 总计 85.00: its rows make 80.00, and table 5's 基本支出 is 80.00.
    let text = "表 5\n一般公共预算支出情况表\n编制部门：某某局 单位：万元\n※ ※ ※ ※ 1 2 3\n\
                总计 120.00 80.00 40.00\n201 一般公共服务支出 120.00 80.00 40.00\n\n\
                表 6\n一般公共预算基本支出情况表\n编制部门：某某局 单位：万元\n※ ※ ※ 1 2 3\n\
                总计 85.00 65.00 15.00\n301 工资福利支出 65.00 65.00\n302 商品和服务支出 15.00 15.00\n";
    let r = run(text);
    // The finding stands at table 5's figure, the suggestion at table 6's.
    assert_eq!(suggested(&r, "X001"), vec![(5, some(12, 4, "80.00"))]);
}

#[test]
fn x001_two_tables_each_consistent_single_out_no_figure() {
    // Each table adds up; which one typed the basic spending wrong, nothing says.
    assert_eq!(suggested(&trigger("X001"), "X001"), vec![(5, None)]);
}

#[test]
fn n001_a_narrative_amount_against_a_table_that_adds_up() {
    let r = trigger("N001");
    let n001 = suggested(&r, "N001");
    // 一般行政管理事务 345.56 against table 3's 354.56, which its rows confirm.
    assert!(n001.contains(&(25, some(25, 54, "354.56"))), "{n001:?}");
    // 公务接待费 3.00 against table 10's 2.00, and the 三公 total 12.00 = 0 + 3.00 + 10.00 fails too.
    assert!(n001.contains(&(27, some(27, 42, "2.00"))), "{n001:?}");
}

#[test]
fn n002_a_share_whose_amounts_add_up() {
    // 88,000 / 250,000 = 35.2%; the amounts make the total, so the rate is the slip.
    // 1,000.00万元 of 1.2亿元 is 8.3%, not 9.3%: again the amounts make the total.
    assert_eq!(suggested(&trigger("N002"), "N002"), vec![(2, some(2, 43, "35.2%")), (4, some(4, 67, "8.3%"))]);
}

#[test]
fn n003_a_rate_and_a_change_nothing_else_confirms() {
    // 减少100.00万元，下降7.5%: the rate or the change amount; nothing else states either.
    let n003 = suggested(&trigger("N003"), "N003");
    assert!(n003.iter().all(|(_, s)| s.is_none()), "{n003:?}");
}

#[test]
fn n005_the_share_whose_own_amount_disagrees() {
    // 住房保障支出 5.00万元 of 100.00 is 5.0%, not 15.0%: the set sums to 100% with it.
    let r = trigger("N005");
    assert_eq!(suggested(&r, "N005"), vec![(3, some(3, 94, "5.0%"))]);
    assert_eq!(suggested(&r, "N002"), vec![(3, some(3, 94, "5.0%"))]);
}

#[test]
fn n006_a_total_and_parts_nothing_else_states() {
    // 4.29 against 0 + 0 + 4.20 + 0.19: the total or any part; no table to say which.
    let n006 = suggested(&trigger("N006"), "N006");
    assert!(!n006.is_empty() && n006.iter().all(|(_, s)| s.is_none()), "{n006:?}");
}

#[test]
fn n006_a_total_the_tables_confirm_blames_the_part() {
    let text = "表 10\n财政拨款“三公”经费支出情况表\n编制部门：某某局 单位：万元\n※ 1 2 3 4\n\
                合计 4.39 4.39\n因公出国（境）费\n公务接待费 0.19 0.19\n公务用车购置及运行费（小计） 4.20 4.20\n\
                其中：公务用车购置费\n      公务用车运行费 4.20 4.20\n\n\
                十、关于某某中心2024年财政拨款“三公”经费预算情况说明\n\
                某某中心2024年财政拨款“三公”经费预算数为4.39万元，其中：因公出国（境）费0万元，公务用车购置及运行费4.20万元，公务接待费0.29万元。\n";
    let r = run(text);
    // 0.29 disagrees with table 10 and with the total both: 0.19 restores both.
    assert!(
        suggested(&r, "N006").iter().all(|(_, s)| s.as_ref().is_some_and(|s| s.2 == "0.19")),
        "{:?}",
        suggested(&r, "N006")
    );
}

#[test]
fn the_suggestion_is_serialised_with_its_span() {
    let r = trigger("T001");
    let f = r.of_rule("T001").find(|f| f.severity == Severity::Error).expect("T001 error");
    let v = serde_json::to_value(f).expect("json");
    assert_eq!(v["suggestion"]["value"], "40.00");
    assert_eq!(v["suggestion"]["span"]["line"], 7);
}
