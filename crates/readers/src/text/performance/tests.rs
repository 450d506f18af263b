//! Unit tests of the whole block reader on small tables.

use super::read;
use crate::text::source::split_lines;
use yusuan_model::performance::PerformanceKind;

fn amounts(t: &yusuan_model::performance::PerformanceTargets) -> [Option<String>; 3] {
    [&t.budget_total, &t.budget_fiscal, &t.budget_other].map(|m| m.as_ref().map(|m| m.value.value.to_string()))
}

#[test]
fn an_empty_block_reads_to_nothing() {
    let (t, notes) = read(&[]);
    assert!(t.indicators.is_empty());
    assert!(notes.is_empty());
}

#[test]
fn a_title_alone_says_what_is_missing() {
    let (t, notes) = read(&split_lines("项目支出绩效目标表\n"));
    assert_eq!(t.kind, PerformanceKind::Project);
    assert!(t.indicators.is_empty());
    // Unit, goal, project, owner, total, and the indicator header.
    assert_eq!(notes.len(), 6, "{notes:#?}");
}

#[test]
fn amounts_go_to_the_key_still_waiting() {
    // `0.00` alone before `其他资金` belongs to the wrapped `其中：财政拨` / `款` above it.
    let (t, _) = read(&split_lines(
        "项目支出绩效目标表\n项目资金(万\n元)\n年度预算总额 30.00\n其中：财政拨\n款\n0.00 其他资金 30.00\n",
    ));
    assert_eq!(amounts(&t), [Some("30.00".into()), Some("0.00".into()), Some("30.00".into())]);
    // The same figures printed out of order.
    let (t, _) = read(&split_lines("项目支出绩效目标表\n其中：财政拨\n年度预算总额 15.00\n款\n12.00\n其他资金 3.00\n"));
    assert_eq!(amounts(&t), [Some("15.00".into()), Some("12.00".into()), Some("3.00".into())]);
}

#[test]
fn a_requested_total_with_its_carry_over() {
    // Shanghai's project tables: 年度资金申请总额, 其中：当年财政拨款, 上年结转, 其他资金.
    let (t, _) = read(&split_lines(
        "项目支出绩效目标表\n项目资金（万元） 年度资金申请总额 100.00\n其中：当年财政拨款 120.00\n上年结转 0.00\n",
    ));
    assert_eq!(amounts(&t), [Some("100.00".into()), Some("120.00".into()), None]);
    assert_eq!(t.budget_carry_over.as_ref().map(|m| m.value.value.to_string()), Some("0.00".into()));
}

#[test]
fn department_funding_block() {
    let text = "部门整体绩效目标表\n部门名称（盖章） 某中心\n部门联系人 张三 联系电话 123\n年度绩效目标\n完成工作。\n资金来源 资金总额（万元）\n上级安排 1.00\n财政资金（万元）\n本级安排 2.50\n年度预算(万元)\n其他资金（万元） 其他 3.00\n";
    let (t, notes) = read(&split_lines(text));
    assert_eq!(t.kind, PerformanceKind::Department);
    assert_eq!(t.unit.as_ref().map(|u| u.value.as_str()), Some("某中心"));
    assert_eq!(t.goal.as_ref().map(|u| u.value.as_str()), Some("完成工作。"));
    let f: Vec<String> = t.funding.iter().map(|f| format!("{}={}", f.source.value, f.amount.value.value)).collect();
    assert_eq!(f, vec!["上级安排=1.00", "本级安排=2.50", "其他=3.00"]);
    // Only the grid is missing.
    assert_eq!(notes.len(), 1, "{notes:#?}");
}

#[test]
fn department_rows_one_a_line() {
    // A typed 部门整体 table: no 上年完成值, 赋分 or 佐证 column, so the weight ends each row even
    // when it shares its line with the rest of the row (a free-text basis with a space in it).
    let text = "部门整体绩效目标表\n部门名称（盖章） 某中心\n年度绩效目标\n完成工作。\n资金来源 资金总额（万元）\n本级安排 2.50\n\
        一级指标 二级指标 三级指标 指标值 指标设定依据 分值权重\n\
        履职效能 数量指标 参加各类考试人数 ≥38000人次 自治区下发2024 年度考试工作计划 15\n\
        履职效能 数量指标 其他社会类考试次数 ≥9次 自治区下发2024 年度考试工作计划 15\n\
        履职效能 数量指标 组织职称评审次数 ≥1次 《职称评审管理暂行规定》 10\n";
    let (t, notes) = read(&split_lines(text));
    let names: Vec<&str> = t.indicators.iter().filter_map(|i| i.level3.as_ref()).map(|s| s.value.as_str()).collect();
    assert_eq!(names, ["参加各类考试人数", "其他社会类考试次数", "组织职称评审次数"]);
    let basis: Vec<&str> = t.indicators.iter().filter_map(|i| i.basis.as_ref()).map(|s| s.value.as_str()).collect();
    assert_eq!(
        basis,
        ["自治区下发2024 年度考试工作计划", "自治区下发2024 年度考试工作计划", "《职称评审管理暂行规定》"]
    );
    assert_eq!(t.weight_sum(), rust_decimal::Decimal::from(40));
    assert!(notes.is_empty(), "{notes:#?}");
}
