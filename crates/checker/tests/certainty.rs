//! Both polarities of what issue 9 asked of certainty: a reason in its own sentence, vehicle
//! parts past their total, a performance table's parts past its total, former class names, and
//! the base a share's own sentence names.

use yusuan_checker::{check, Config, Report, Severity};
use yusuan_model::Catalog;
use yusuan_readers::text::read_str;

fn run(text: &str) -> Report {
    check(&read_str(text), &Config::default(), Catalog::shared_builtin())
}

fn of(report: &Report, code: &str) -> Vec<(Severity, String)> {
    report.of_rule(code).map(|f| (f.severity, f.message.zh.clone())).collect()
}

const INCOME: &str = "一、关于某某局2024年收入预算情况说明\n某某局2024年收入预算1,000.00万元，其中：财政拨款收入800.00万元，比2023年预算减少200.00万元；事业收入200.00万元。\n支出预算1,000.00万元，其中：财政拨款支出预算800.00万元，比2023年预算减少200.00万元。\n";

#[test]
fn a_reason_in_its_own_sentence_explains_the_changes_it_names() {
    let explained = format!("{INCOME}财政拨款收入支出减少的主要原因是项目调整。\n");
    assert_eq!(of(&run(&explained), "C005"), vec![]);
    // The same figures with no reason: both changes (20%) need one.
    let bare = of(&run(INCOME), "C005");
    assert_eq!(bare.len(), 2, "{bare:?}");
    // A cause of an increase does not explain a decrease.
    let other = format!("{INCOME}财政拨款收入支出增加的主要原因是项目调整。\n");
    assert!(!of(&run(&other), "C005").is_empty());
}

fn vehicles(total: u32, other: u32) -> String {
    format!(
        "三、其他重要事项的情况说明\n（三）国有资产占有使用情况说明\n截至2024年12月31日，某某局共有车辆{total}辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车1辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车{other}辆。单价100万元（含）以上设备（不含车辆）2台（套）。\n"
    )
}

#[test]
fn vehicle_parts_one_per_category() {
    // 1 + 2 = 3 vehicles in the categories, 1 stated: an error.
    let past = of(&run(&vehicles(1, 2)), "A006");
    assert_eq!(past.len(), 1, "{past:?}");
    assert_eq!(past[0].0, Severity::Error);
    assert!(past[0].1.contains("合计 3辆"), "{}", past[0].1);
    // Every category listed and adding up.
    assert_eq!(of(&run(&vehicles(3, 2)), "A006"), vec![]);
}

fn project_table(total: &str, fiscal: &str) -> String {
    format!(
        "项目支出绩效目标表\n（2024年）\n项目名称 某项目\n预算单位 某某局\n项目负责人 张三\n项目资金（万元） 年度资金申请总额 {total}\n其中：当年财政拨款 {fiscal}\n上年结转 0.00\n项目总体目标\n完成工作。\n"
    )
}

#[test]
fn a_performance_table_whose_parts_exceed_its_total() {
    let over = of(&run(&project_table("100.00", "120.00")), "P002");
    assert_eq!(over.len(), 1, "{over:?}");
    assert_eq!(over[0].0, Severity::Error);
    // Parts within the total: 其他资金 may make up the rest.
    assert_eq!(of(&run(&project_table("120.00", "100.00")), "P002"), vec![]);
    assert_eq!(of(&run(&project_table("100.00", "100.00")), "P002"), vec![]);
}

#[test]
fn a_former_class_name_is_its_code() {
    let table = |name: &str| {
        format!(
            "表 3\n部门支出总体情况表\n编制部门：某某局 单位：万元\n科目 合计 基本支出 项目支出\n※ ※ ※ ※ 1 2 3\n总计 50.00 50.00\n210 {name} 50.00 50.00\n210 11 行政事业单位医疗 50.00 50.00\n210 11 01 行政单位医疗 50.00 50.00\n"
        )
    };
    // The 2018 name of 210 is the same class: no name off the catalog.
    assert_eq!(of(&run(&table("医疗卫生与计划生育支出")), "C006"), vec![]);
    // A name of another class is.
    assert_eq!(of(&run(&table("节能环保支出")), "C006").len(), 1);
}

#[test]
fn a_share_of_the_whole_its_sentence_names_again() {
    let text = |rate: &str| {
        format!(
            "一、关于某某局2024年收入预算情况说明\n某某局2024年收入预算500.00万元，其中：一般公共预算当年拨款200.00万元，单位资金300.00万元。上述一般公共预算当年拨款中，社会保障和就业支出150.00万元，占比{rate}；卫生健康支出50.00万元，占比25.00%。\n"
        )
    };
    // 150 / 200 = 75%: of the appropriation named again, not of the income (30%).
    assert_eq!(of(&run(&text("75.00%")), "N002").iter().filter(|f| f.0 == Severity::Error).count(), 0);
    assert_eq!(of(&run(&text("70.00%")), "N002").iter().filter(|f| f.0 == Severity::Error).count(), 1);
}
