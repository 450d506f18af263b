//! The performance-target tables (绩效目标表) of the Changji HRSS 2024 budget, figure by figure,
//! and the same layout printed in other ways. Expected values are copied from the document.

use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_model::note::ReadNote;
use yusuan_model::performance::{Comparison, Indicator, PerformanceKind, PerformanceTargets, TargetValue};
use yusuan_model::span::Span;
use yusuan_readers::text::source::{split_lines, Line};
use yusuan_readers::text::{performance, segment::segment};

use Comparison::{Eq, Ge, Le};

fn fixture() -> Vec<Line> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    split_lines(&std::fs::read_to_string(path).expect("fixture"))
}

fn tables() -> Vec<(usize, PerformanceTargets, Vec<ReadNote>)> {
    let lines = fixture();
    segment(&lines)
        .performance
        .iter()
        .map(|&(a, b)| {
            let (t, n) = performance::read(&lines[a..b]);
            (a + 1, t, n)
        })
        .collect()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// One expected row: 一级, 二级, 三级, comparison, value (figure or words), unit, 上年完成值 as
/// printed (figure and unit joined), weight.
type Exp = (
    &'static str,
    &'static str,
    &'static str,
    Option<Comparison>,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

const SL: &str = "产出指标";
const SL2: &str = "数量指标";
const ZL: &str = "质量指标";
const SX: &str = "时效指标";
const CB: &str = "成本指标";
const JJ: &str = "经济成本指标";
const XY: &str = "效益指标";
const SH: &str = "社会效益指标";
const MY: &str = "满意度指标";

fn printed(v: &TargetValue) -> String {
    match v {
        TargetValue::Quantity(q) => format!("{}{}", q.value, q.unit),
        TargetValue::Text(t) => t.clone(),
    }
}

fn check_rows(t: &PerformanceTargets, exp: &[Exp]) {
    let project = t.project.as_ref().map(|p| p.value.clone()).unwrap_or_default();
    assert_eq!(t.indicators.len(), exp.len(), "indicator count of {project}");
    for (i, (got, e)) in t.indicators.iter().zip(exp).enumerate() {
        let ctx = format!("{project} row {i}");
        let (l1, l2, l3, cmp, value, unit, prior, weight) = *e;
        assert_eq!(got.level1.as_ref().map(|s| s.value.as_str()), Some(l1), "{ctx} level1");
        assert_eq!(got.level2.as_ref().map(|s| s.value.as_str()), Some(l2), "{ctx} level2");
        assert_eq!(got.level3.as_ref().map(|s| s.value.as_str()), Some(l3), "{ctx} level3");
        assert_eq!(got.comparison.as_ref().map(|s| s.value), cmp, "{ctx} comparison");
        match &got.value.as_ref().expect("value").value {
            TargetValue::Quantity(q) => {
                assert_eq!(q.value, d(value), "{ctx} value");
                // Exactly as printed: `13.50` keeps its two decimals.
                assert_eq!(q.value.to_string(), value, "{ctx} value as printed");
                assert_eq!(q.unit, unit, "{ctx} unit");
            }
            TargetValue::Text(s) => {
                assert_eq!(s, value, "{ctx} qualitative value");
                assert_eq!(unit, "", "{ctx} unit");
            }
        }
        assert_eq!(got.prior.as_ref().map(|p| printed(&p.value)), prior.map(str::to_string), "{ctx} prior");
        assert_eq!(got.weight.as_ref().map(|w| w.value), Some(d(weight)), "{ctx} weight");
    }
}

fn text(s: &Option<yusuan_model::span::Spanned<String>>) -> Option<&str> {
    s.as_ref().map(|s| s.value.as_str())
}

fn money(m: &Option<yusuan_model::span::Spanned<yusuan_model::money::Money>>) -> Option<String> {
    m.as_ref().map(|m| m.value.value.to_string())
}

/// Header of a project table: project, owner, total, fiscal, other (万元, as printed).
fn check_project(t: &PerformanceTargets, project: &str, owner: &str, total: &str, fiscal: &str, other: &str) {
    assert_eq!(t.kind, PerformanceKind::Project);
    assert_eq!(t.year.as_ref().map(|y| y.value), Some(2024));
    assert_eq!(text(&t.unit), Some("昌吉回族自治州人力资源和社会保障服务中心"));
    assert_eq!(text(&t.project), Some(project));
    assert_eq!(text(&t.owner), Some(owner));
    assert_eq!(money(&t.budget_total).as_deref(), Some(total), "{project} total");
    assert_eq!(money(&t.budget_fiscal).as_deref(), Some(fiscal), "{project} fiscal");
    assert_eq!(money(&t.budget_other).as_deref(), Some(other), "{project} other");
    assert!(t.funding.is_empty());
    let total = t.budget_total.as_ref().unwrap().value;
    assert_eq!(total.unit, yusuan_model::money::AmountUnit::Wan);
}

#[test]
fn nine_tables_are_found() {
    // The brief expected one 部门整体 and seven 项目支出 tables; the document prints eight
    // project tables (6 financed by 财政拨款 and 2 not, as its own text says before them).
    let t = tables();
    let starts: Vec<usize> = t.iter().map(|(a, _, _)| *a).collect();
    assert_eq!(starts, vec![1280, 1406, 1600, 1836, 2037, 2261, 2477, 2702, 2927]);
    assert_eq!(t.iter().filter(|(_, t, _)| t.kind == PerformanceKind::Department).count(), 1);
    // Nothing in them needed a note.
    for (a, _, notes) in &t {
        assert!(notes.is_empty(), "table at line {a}: {notes:#?}");
    }
}

#[test]
fn department_table() {
    let all = tables();
    let t = &all[0].1;
    assert_eq!(t.kind, PerformanceKind::Department);
    assert_eq!(t.year.as_ref().map(|y| (y.value, y.span)), Some((2024, Span::on_line(1282, 2, 6))));
    assert_eq!(text(&t.unit), Some("昌吉回族自治州人力资源和社会保障服务中心"));
    assert_eq!(text(&t.contact), Some("蒋佳彤"));
    assert_eq!(text(&t.phone), Some("13364905509"));
    assert!(t.project.is_none() && t.owner.is_none() && t.budget_total.is_none());
    let funding: Vec<(&str, String)> =
        t.funding.iter().map(|f| (f.source.value.as_str(), f.amount.value.value.to_string())).collect();
    assert_eq!(funding, vec![("上级安排", "0.00".into()), ("本级安排", "715.52".into()), ("其他", "335.00".into())]);
    assert_eq!(t.funding[1].amount.span, Span::on_line(1303, 6, 12));
    let goal = t.goal.as_ref().unwrap();
    assert!(goal.value.starts_with("按照自治区和州党委的工作要求"));
    assert!(goal.value.ends_with("为我州经济发展提供人才保障。"));
    assert_eq!((goal.span.line, goal.span.end_line), (1290, 1296));
    let q = "履职效能";
    check_rows(
        t,
        &[
            (q, SL2, "参加各类考试人数", Some(Ge), "38000", "人次", None, "15"),
            (q, SL2, "其他社会类考试次数", Some(Ge), "9", "次", None, "15"),
            (q, SL2, "自治区公务员招录考试次数", Some(Ge), "1", "次", None, "15"),
            (q, SL2, "组织事业单位公开招聘次数", Some(Ge), "1", "次", None, "15"),
            (q, SL2, "专业技术人员需参加公需科目培训学时", Some(Ge), "30", "学时", None, "10"),
            (q, SL2, "组织开展自治州乡镇职称评审次数", Some(Ge), "1", "次", None, "10"),
            (q, SL2, "组织职称评审次数", Some(Ge), "1", "次", None, "10"),
        ],
    );
    let basis: Vec<&str> = t.indicators.iter().map(|i| text(&i.basis).unwrap()).collect();
    assert_eq!(
        basis,
        vec![
            "自治区下发2024 年度专业技术人员资格考试工作计划",
            "自治区下发2024 年度专业技术人员资格考试工作计划",
            "自治区人事考试中心考务通知",
            "《关于印发自治区事业单位面向社会公开招聘工作人员办法的通知》新人社发【2013】141号",
            "《专业技术人员继续教育规定》",
            "印发《关于深化乡村人才振兴综合改革的实施意见》的通知（昌州党办发[2023]30号）",
            "《职称评审管理暂行规定》",
        ]
    );
    // This department table carries 90 points too.
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_1_service_centre() {
    let all = tables();
    let t = &all[1].1;
    check_project(t, "服务中心机构运行补助经费", "蒋佳彤", "30.00", "0.00", "30.00");
    assert_eq!(t.project.as_ref().unwrap().span, Span::on_line(1412, 6, 18));
    assert_eq!(t.budget_fiscal.as_ref().unwrap().span, Span::on_line(1422, 1, 5));
    check_rows(
        t,
        &[
            (SL, SL2, "援疆干部人数", Some(Ge), "2", "人", Some("2"), "10"),
            (SL, SL2, "安置公益岗人员人数", Some(Ge), "2", "人", Some("2"), "10"),
            (SL, SL2, "开展对接工作次数", Some(Ge), "1", "次", Some("3"), "5"),
            (SL, ZL, "公益岗工作完成合格率", Some(Ge), "95", "%", Some("100%"), "5"),
            (SL, SX, "公益岗人员工作完成及时率", Some(Ge), "90", "%", Some("100%"), "5"),
            (SL, SX, "公益岗人员工资支付及时率", Some(Ge), "95", "%", Some("100%"), "5"),
            (CB, JJ, "援疆人员工作经费", Some(Le), "20", "万元", None, "10"),
            (CB, JJ, "公益岗人员工资社保费用", Some(Le), "10", "万元", None, "10"),
            (XY, SH, "不断提高公益岗人员工作能力", None, "提高", "", None, "20"),
            (MY, MY, "公益岗人员满意率（%）", Some(Ge), "95", "%", Some("100%"), "5"),
            (MY, MY, "援疆人员满意度（%）", Some(Ge), "95", "%", Some("100%"), "5"),
        ],
    );
    let i = &t.indicators[3];
    // `＞` on one line and `=95%` two lines below are one value, with one span.
    assert_eq!(i.value.as_ref().unwrap().span, Span { line: 1507, col: 1, end_line: 1509, end_col: 5 });
    assert_eq!(i.comparison.as_ref().unwrap().span, Span::on_line(1507, 1, 2));
    assert_eq!(text(&i.basis), Some("其他标准"));
    assert_eq!(text(&i.scoring_rule), Some("按评判等级赋分"));
    assert_eq!(text(&i.evidence), Some("工作资料"));
    assert_eq!(text(&t.indicators[0].scoring_rule), Some("按照完成比例赋分"));
    assert_eq!(text(&t.indicators[2].evidence), Some("正式材料"));
    // 满意度 labels glued onto the row before them (`工作资料满意`) leave its evidence whole.
    assert_eq!(text(&t.indicators[9].evidence), Some("工作资料"));
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_2_exams() {
    let all = tables();
    let t = &all[2].1;
    check_project(t, "各类人事考试工作经费", "许敏杰", "55.00", "55.00", "0.00");
    check_rows(
        t,
        &[
            (SL, SL2, "举办考试场次", Some(Ge), "9", "次", Some("9次"), "10"),
            (SL, SL2, "参加考试人数", Some(Ge), "38000", "人次", Some("34000人"), "8"),
            (SL, SL2, "公务员考试次数", Some(Eq), "1", "次", Some("1次"), "5"),
            (SL, SL2, "社会类考试次数", Some(Ge), "8", "次", Some("8次"), "7"),
            (SL, ZL, "考务工作组织差错率（%）", Some(Le), "2", "%", Some("100%"), "5"),
            (SL, SX, "考务工作完成时间", Some(Le), "12", "月", Some("100%"), "5"),
            (CB, JJ, "各类考试考务成本", Some(Le), "50", "万元", Some("80万元"), "10"),
            (CB, JJ, "考试卷库环境提升维护维修成本", Some(Le), "5", "万元", Some("0"), "10"),
            (XY, SH, "为用人单位选拔优秀人才，提升个人职业技能水平", None, "提升", "", None, "20"),
            (MY, MY, "考生单位满意度（%）", Some(Ge), "95", "%", Some("95%"), "10"),
        ],
    );
    // `=3800` / `0人次`: a figure wrapped inside the value cell.
    assert_eq!(t.indicators[1].value.as_ref().unwrap().span, Span { line: 1679, col: 1, end_line: 1683, end_col: 4 });
    // `工作资料,说明` / `材料`: the evidence wrapped, not the start of the next name.
    assert_eq!(text(&t.indicators[0].evidence), Some("工作资料,说明材料"));
    assert_eq!(text(&t.indicators[5].evidence), Some("工作资料"));
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_3_exam_fees() {
    let all = tables();
    let t = &all[3].1;
    check_project(t, "考务费", "许敏杰", "305.00", "0.00", "305.00");
    check_rows(
        t,
        &[
            (SL, SL2, "社会类考试次数", Some(Ge), "8", "次", Some("8次"), "5"),
            (SL, SL2, "公务员考试次数", Some(Eq), "1", "次", Some("1次"), "5"),
            (SL, SL2, "参加考试人数", Some(Ge), "38000", "人", Some("34000人"), "10"),
            (SL, SL2, "举办考试场次", Some(Ge), "9", "次", Some("9次"), "10"),
            (SL, ZL, "考务工作组织差错率", Some(Le), "2", "%", Some("100%"), "5"),
            (SL, SX, "考务工作完成时间", Some(Le), "12", "月", None, "5"),
            (CB, JJ, "各类考试考务工作劳务费", Some(Le), "305", "万元", Some("200万元"), "20"),
            (XY, SH, "为提升个人职业技能水平", None, "提升", "", None, "20"),
            (MY, MY, "考生单位满意度（%）", Some(Ge), "90", "%", Some("90%"), "10"),
        ],
    );
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_4_work_ability() {
    let all = tables();
    let t = &all[4].1;
    check_project(t, "劳动能力鉴定工作经费", "者超", "26.00", "26.00", "0.00");
    check_rows(
        t,
        &[
            (SL, SL2, "职工工伤等级鉴定会次数", Some(Ge), "12", "次", Some("12次"), "10"),
            (SL, SL2, "职工因病非因工劳动能力鉴定会次数", Some(Ge), "4", "次", Some("4次"), "10"),
            (SL, SL2, "鉴定结论书邮寄送达件", Some(Ge), "3600", "份", Some("2376份"), "5"),
            (SL, SL2, "赴基层上门鉴定次数", Some(Ge), "4", "次", Some("4次"), "10"),
            (SL, ZL, "劳动能力鉴定结论完成率", Some(Ge), "90", "%", Some("100%"), "5"),
            // The name itself prints an amount; the value is `＜` / `=13.5` / `0万元`.
            (CB, JJ, "劳动能力鉴定医疗专家劳务费 13.5万元", Some(Le), "13.50", "万元", Some("8万元"), "10"),
            (CB, JJ, "鉴定结论书邮寄费、公告送达等办公费用", Some(Le), "7.50", "万元", Some("100%"), "5"),
            (CB, JJ, "赴基层开展鉴定工作费用", Some(Le), "5", "万元", None, "5"),
            (XY, SH, "保障职工享受工伤及提前病退待遇", None, "保障", "", None, "20"),
            (MY, MY, "鉴定群众满意率", Some(Ge), "90", "%", Some("90%"), "10"),
        ],
    );
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_5_recruitment() {
    let all = tables();
    let t = &all[5].1;
    check_project(t, "事业单位公开招聘工作经费", "蔡小华", "126.00", "126.00", "0.00");
    check_rows(
        t,
        &[
            (SL, SL2, "组织事业单位公开招聘次数", Some(Ge), "1", "次", Some("3次"), "5"),
            (SL, SL2, "笔试人数", Some(Ge), "4000", "人", Some("14000人"), "15"),
            (SL, SL2, "面试人数", Some(Ge), "1000", "人", Some("2700人"), "10"),
            (SL, ZL, "事业单位公开招聘考务保障差错率", Some(Le), "2", "%", Some("100%"), "5"),
            (SL, SX, "事业单位公开招聘完成时间", Some(Le), "8", "月", Some("100%"), "5"),
            (CB, JJ, "事业单位公开招聘工作面试成本", Some(Le), "106", "万元", None, "10"),
            (CB, JJ, "事业单位公开招聘工作笔试成本", Some(Le), "20", "万元", None, "10"),
            (XY, SH, "解决事业单位用人需求", None, "解决", "", Some("解决"), "20"),
            (MY, MY, "招聘单位满意度", Some(Ge), "90", "%", Some("90%"), "10"),
        ],
    );
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_6_video_conference() {
    let all = tables();
    let t = &all[6].1;
    check_project(t, "四级联动的视频会议系统使用及日常网络维护费", "王博", "15.00", "15.00", "0.00");
    check_rows(
        t,
        &[
            (SL, SL2, "维护硬件设备", Some(Ge), "50", "次", Some("53次"), "10"),
            (SL, SL2, "维护软件系统", Some(Ge), "20", "次", Some("20次"), "10"),
            (SL, SL2, "政府购买服务数量", Some(Ge), "1", "项", Some("1项"), "5"),
            (SL, ZL, "租赁电路系统故障率（%）", Some(Le), "10", "%", Some("100%"), "5"),
            (SL, ZL, "系统验收合格率（%）", Some(Eq), "100", "%", Some("100%"), "5"),
            (SL, SX, "业务处理及时性（小时）", Some(Le), "2", "小时", Some("100%"), "5"),
            (CB, JJ, "各类电路租赁费", Some(Le), "6.88", "万元", Some("20万元"), "5"),
            (CB, JJ, "维护维修费用", Some(Le), "0.92", "万元", None, "5"),
            (CB, JJ, "单位网络及设备维护支付购买成本", Some(Le), "7.20", "万元", Some("7.2万元"), "10"),
            (XY, SH, "提高信息传输的安全、效率", None, "提高", "", None, "20"),
            (MY, MY, "系统使用人员满意度（%）", Some(Ge), "90", "%", Some("100%"), "10"),
        ],
    );
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_7_continuing_education() {
    let all = tables();
    let t = &all[7].1;
    check_project(t, "专业技术人员继续教育网络培训系统和培训平台课件经费", "李冀博", "30.00", "30.00", "0.00");
    check_rows(
        t,
        &[
            (SL, SL2, "每个专业技术人员每年需参加公需科目培训学时", Some(Ge), "30", "学时", None, "5"),
            (SL, SL2, "继续教育系统平台数量（个）", Some(Ge), "1", "个", None, "5"),
            (SL, SL2, "专业技术人员参加公需课培训人数", Some(Ge), "3000", "人", None, "15"),
            (SL, SL2, "政府购买服务数量", Some(Ge), "1", "项", None, "5"),
            (SL, ZL, "专业技术人员的培训合格率", Some(Ge), "90", "%", Some("90%"), "5"),
            (SL, ZL, "培训课件设置合理性", Some(Ge), "95", "%", None, "5"),
            (CB, JJ, "培训平台维护费", Some(Le), "9", "万元", None, "6"),
            (CB, JJ, "课程建设费", Some(Le), "17.50", "万元", None, "8"),
            (CB, JJ, "网络流量费", Some(Le), "3.50", "万元", None, "6"),
            (XY, SH, "提高从业队伍整体素质", None, "提高", "", Some("提高"), "20"),
            (MY, MY, "参加培训的专业技术人员满意率（%）", Some(Ge), "90", "%", Some("90%"), "10"),
        ],
    );
    assert_eq!(t.weight_sum(), d("90"));
}

#[test]
fn project_8_title_review_scrambled() {
    let all = tables();
    let t = &all[8].1;
    // The amounts are printed out of order (`其中：财政拨` / `年度预算总额 15.00` / `款` / `15.00`).
    check_project(t, "自治州专业技术人员职称评审工作经费", "李骥博", "15.00", "15.00", "0.00");
    assert_eq!(t.budget_total.as_ref().unwrap().span.line, 2940);
    assert_eq!(t.budget_fiscal.as_ref().unwrap().span.line, 2943);
    // The goal is printed before its caption, and its last `。` after it.
    let goal = t.goal.as_ref().unwrap();
    assert!(goal.value.starts_with("按照《新疆维吾尔自治区职称评审管理办法》"));
    assert!(goal.value.ends_with("同时调动专业技术人才的积极性。"));
    check_rows(
        t,
        &[
            (SL, SL2, "参加各系列专业技术人员人数", Some(Ge), "800", "人", Some("1026人"), "15"),
            (SL, SL2, "组织评审次数", Some(Ge), "1", "次", Some("1"), "10"),
            (SL, SL2, "职称评审专业类别数量", Some(Ge), "10", "个", None, "10"),
            (SL, ZL, "职称评审结果准确率", Some(Ge), "95", "%", None, "5"),
            (CB, JJ, "昌吉州乡镇职称评审系统服务费", Some(Le), "1", "万元", None, "10"),
            (CB, JJ, "召开评审会期间专家食宿费", Some(Le), "3", "万元", None, "5"),
            (CB, JJ, "评审委员会专家评审费", Some(Le), "11", "万元", None, "5"),
            (XY, SH, "提高从业队伍整体素质", None, "提高", "", None, "20"),
            (MY, MY, "专业技术人员的满意率（%）", Some(Ge), "90", "%", Some("90%"), "10"),
        ],
    );
    // Interleaved labels (`经济` `成本` `成本` … `指标` `指标`) keep the spans of their pieces.
    // (`经济`@3090 `成本`@3092 `指标`@3096 and `成本`@3093 `指标`@3098.)
    let l2 = t.indicators[4].level2.as_ref().unwrap();
    assert_eq!((l2.span.line, l2.span.end_line), (3090, 3096));
    let l1 = t.indicators[4].level1.as_ref().unwrap();
    assert_eq!((l1.span.line, l1.span.end_line), (3093, 3098));
    assert_eq!(t.weight_sum(), d("90"));
}

/// Every line of every grid is in some field's span, a label's span or a note: nothing dropped.
#[test]
fn every_grid_line_is_accounted_for() {
    let lines = fixture();
    for &(a, b) in &segment(&lines).performance {
        let (t, notes) = performance::read(&lines[a..b]);
        let mut spans: Vec<Span> = notes.iter().filter_map(|n| n.span).collect();
        for i in &t.indicators {
            spans.extend(indicator_spans(i));
        }
        // The grid starts at its first row (the column header above it is structure, not data).
        let from = spans.iter().filter(|s| s.line > 0).map(|s| s.line).min().unwrap();
        for l in lines[a..b].iter().filter(|l| l.no >= from && !l.is_blank()) {
            let covered = spans.iter().any(|s| s.line <= l.no && l.no <= s.end_line);
            assert!(covered, "line {} “{}” of the table at {} is in no field", l.no, l.text, a + 1);
        }
    }
}

fn indicator_spans(i: &Indicator) -> Vec<Span> {
    let mut v = Vec::new();
    let strings = [&i.level1, &i.level2, &i.level3, &i.basis, &i.scoring_rule, &i.evidence];
    v.extend(strings.iter().filter_map(|s| s.as_ref().map(|s| s.span)));
    v.extend(i.value.as_ref().map(|s| s.span));
    v.extend(i.prior.as_ref().map(|s| s.span));
    v.extend(i.weight.as_ref().map(|s| s.span));
    v
}

#[test]
fn the_whole_reader_carries_the_tables() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt"))
            .expect("fixture");
    let d = yusuan_readers::text::read_str(&text);
    assert_eq!(d.performance.len(), 9);
    let counts: Vec<usize> = d.performance.iter().map(|p| p.indicators.len()).collect();
    assert_eq!(counts, vec![7, 11, 10, 9, 10, 9, 11, 11, 9]);
    // Stable JSON names, amounts as exact decimal strings.
    let json = serde_json::to_value(&d.performance[1]).unwrap();
    assert_eq!(json["budget_total"]["value"]["value"], "30.00");
    assert_eq!(json["indicators"][0]["comparison"]["value"], "ge");
    assert_eq!(json["indicators"][0]["value"]["value"]["quantity"]["unit"], "人");
    assert_eq!(json["indicators"][0]["weight"]["value"], "10");
    assert_eq!(json["indicators"][8]["value"]["value"]["text"], "提高");
    let back: PerformanceTargets = serde_json::from_value(json).unwrap();
    assert_eq!(back, d.performance[1]);
}

// ---- The same table printed other ways ----

const HEAD: &str = "项目支出绩效目标表
（2024年）
预算单位 昌吉回族自治州人力资源和社会保障服务中心
项目名称 服务中心机构运行补助经费 项目负责人 蒋佳彤
项目资金(万元) 年度预算总额 30.00 其中：财政拨款 0.00 其他资金 30.00
项目总体目标
为就业困难人员提供就业岗位。
一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 分值权重 指标赋分规则 佐证资料
";

fn read_text(body: &str) -> (PerformanceTargets, Vec<ReadNote>) {
    let lines = split_lines(&format!("{HEAD}{body}"));
    performance::read(&lines)
}

/// Table 1 of the fixture, as expected whatever the printing.
fn table_1(cmp: [Comparison; 3]) -> Vec<Exp> {
    let [ge, le, _] = cmp;
    vec![
        (SL, SL2, "援疆干部人数", Some(ge), "2", "人", Some("2"), "10"),
        (SL, SL2, "安置公益岗人员人数", Some(ge), "2", "人", Some("2"), "10"),
        (SL, SL2, "开展对接工作次数", Some(ge), "1", "次", Some("3"), "5"),
        (SL, ZL, "公益岗工作完成合格率", Some(ge), "95", "%", Some("100%"), "5"),
        (SL, SX, "公益岗人员工作完成及时率", Some(ge), "90", "%", Some("100%"), "5"),
        (SL, SX, "公益岗人员工资支付及时率", Some(ge), "95", "%", Some("100%"), "5"),
        (CB, JJ, "援疆人员工作经费", Some(le), "20", "万元", None, "10"),
        (CB, JJ, "公益岗人员工资社保费用", Some(le), "10", "万元", None, "10"),
        (XY, SH, "不断提高公益岗人员工作能力", None, "提高", "", None, "20"),
        (MY, MY, "公益岗人员满意率（%）", Some(ge), "95", "%", Some("100%"), "5"),
        (MY, MY, "援疆人员满意度（%）", Some(ge), "95", "%", Some("100%"), "5"),
    ]
}

fn check_header(t: &PerformanceTargets) {
    check_project(t, "服务中心机构运行补助经费", "蒋佳彤", "30.00", "0.00", "30.00");
    assert_eq!(text(&t.goal), Some("为就业困难人员提供就业岗位。"));
}

#[test]
fn one_row_per_line_with_every_spelling() {
    for (ge, le) in [("≥", "≤"), (">=", "<="), ("不低于", "不高于"), ("＞=", "＜="), ("大于等于", "小于等于")]
    {
        let body = format!(
            "产出指标 数量指标 援疆干部人数 {ge}2人 计划标准 2 10 按照完成比例赋分 工作资料
产出指标 数量指标 安置公益岗人员人数 {ge}2人 其他标准 2 10 按照完成比例赋分 工作资料
产出指标 数量指标 开展对接工作次数 {ge}1次 其他标准 3 5 按照完成比例赋分 正式材料
产出指标 质量指标 公益岗工作完成合格率 {ge}95% 其他标准 100% 5 按评判等级赋分 工作资料
产出指标 时效指标 公益岗人员工作完成及时率 {ge}90% 其他标准 100% 5 按评判等级赋分 工作资料
产出指标 时效指标 公益岗人员工资支付及时率 {ge} 95% 其他标准 100% 5 按评判等级赋分 工作资料
成本指标 经济成本指标 援疆人员工作经费 {le}20万元 其他标准 10 按照完成比例赋分 原始凭证
成本指标 经济成本指标 公益岗人员工资社保费用 {le}10万元 其他标准 10 按照完成比例赋分 原始凭证
效益指标 社会效益指标 不断提高公益岗人员工作能力 提高 其他标准 20 按评判等级赋分 工作资料
满意度指标 满意度指标 公益岗人员满意率（%） {ge}95% 其他标准 100% 5 满意度赋分 工作资料
满意度指标 满意度指标 援疆人员满意度（%） {ge}95% 其他标准 100% 5 满意度赋分 工作资料
"
        );
        let (t, notes) = read_text(&body);
        check_header(&t);
        check_rows(&t, &table_1([Ge, Le, Eq]));
        assert!(notes.is_empty(), "{ge}: {notes:#?}");
        assert_eq!(t.weight_sum(), d("90"));
        assert_eq!(text(&t.indicators[0].evidence), Some("工作资料"));
    }
}

#[test]
fn labels_on_the_first_row_of_their_group() {
    // A typed or spreadsheet-exported table prints a merged label on its group's first row.
    let body = "产出指标 数量指标 援疆干部人数 ≥2人 计划标准 2 10 按照完成比例赋分 工作资料
安置公益岗人员人数 ≥2人 其他标准 2 10 按照完成比例赋分 工作资料
开展对接工作次数 ≥1次 其他标准 3 5 按照完成比例赋分 正式材料
质量指标 公益岗工作完成合格率 ≥95% 其他标准 100% 5 按评判等级赋分 工作资料
时效指标 公益岗人员工作完成及时率 ≥90% 其他标准 100% 5 按评判等级赋分 工作资料
公益岗人员工资支付及时率 ≥95% 其他标准 100% 5 按评判等级赋分 工作资料
成本指标 经济成本指标 援疆人员工作经费 ≤20万元 其他标准 10 按照完成比例赋分 原始凭证
公益岗人员工资社保费用 ≤10万元 其他标准 10 按照完成比例赋分 原始凭证
效益指标 社会效益指标 不断提高公益岗人员工作能力 提高 其他标准 20 按评判等级赋分 工作资料
满意度指标 满意度指标 公益岗人员满意率（%） ≥95% 其他标准 100% 5 满意度赋分 工作资料
援疆人员满意度（%） ≥95% 其他标准 100% 5 满意度赋分 工作资料
";
    let (t, notes) = read_text(body);
    check_header(&t);
    check_rows(&t, &table_1([Ge, Le, Eq]));
    assert!(notes.is_empty(), "{notes:#?}");
}

#[test]
fn wrapped_differently() {
    // Labels by their group's last row as a PDF prints them, cells wrapped at other places:
    // names, values (`＞=` / `2人`, `≥9` / `5%`), rules (`按照完成` / `比例赋分`), evidence.
    let body = "援疆干部
人数
＞=
2人
计划标准 2
10
按照完成
比例赋分
工作
资料
安置公益岗人员人数 ≥2 人 其他标准 2 10 按照完成比例赋分 工作资料
数量指标
开展对接
工作次数 ≥1次 其他标准 3 5 按照完成比例赋分 正式材料
质量指标 公益岗工作完成合格率 ≥9
5% 其他标准 100% 5 按评判等级赋分 工作资料
公益岗人员工作完成
及时率 ≥90% 其他标准 100% 5 按评判等级赋分 工作资料
产出指标 时效指标
公益岗人员工资支付及时率
≥
95%
其他标准
100%
5
按评判等级赋分
工作资料
援疆人员工作经费 ≤20 万元 其他标准 10 按照完成比例赋分 原始凭证
成本
指标
经济成本
指标
公益岗人员工资社保费用 ≤10万元 其他标准 10 按照完成比例赋分 原始凭证
效益 指标
社会 效益 指标
不断提高公益岗人员
工作能力
提高 其他标准 20 按评判等级赋分 工作资料
公益岗人员满意率（%） ≥95% 其他标准 100% 5 满意度赋分 工作资料满意度
指标 满意度指标 援疆人员满意度（%） ≥95% 其他标准 100% 5 满意度赋分 工作资料
";
    let (t, notes) = read_text(body);
    check_header(&t);
    check_rows(&t, &table_1([Ge, Le, Eq]));
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(text(&t.indicators[0].scoring_rule), Some("按照完成比例赋分"));
    assert_eq!(text(&t.indicators[0].evidence), Some("工作资料"));
}

#[test]
fn unplaceable_rows_are_kept_and_noted() {
    // No labels at all: the rows are kept, each with a note for its missing levels.
    let body = "援疆干部人数 ≥2人 计划标准 2 10 按照完成比例赋分 工作资料
援疆人员工作经费 ≤20万元 其他标准 10 按照完成比例赋分 原始凭证
";
    let (t, notes) = read_text(body);
    assert_eq!(t.indicators.len(), 2);
    assert!(t.indicators.iter().all(|i| i.level1.is_none() && i.level2.is_none()));
    let missing = notes.iter().filter(|n| n.kind == yusuan_model::note::NoteKind::MissingField).count();
    assert_eq!(missing, 4, "{notes:#?}");
    assert!(notes.iter().all(|n| !n.zh.is_empty() && !n.en.is_empty()));
}

#[test]
fn content_that_contradicts_the_layout_is_noted() {
    // An amount under 数量指标: kept where the layout puts it, with a note.
    let body = "产出指标 数量指标 援疆干部人数 ≥2人 计划标准 2 10 按照完成比例赋分 工作资料
产出指标 数量指标 援疆人员工作经费 ≤20万元 其他标准 10 按照完成比例赋分 原始凭证
";
    let (t, notes) = read_text(body);
    assert_eq!(text(&t.indicators[1].level2), Some("数量指标"));
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert!(notes[0].en.contains("uncertain"));
}

#[test]
fn a_stray_piece_is_reported() {
    let body = "产出指标 数量指标 援疆干部人数 ≥2人 计划标准 2 10 按照完成比例赋分 工作资料
次
";
    let (t, notes) = read_text(body);
    assert_eq!(t.indicators.len(), 1);
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].kind, yusuan_model::note::NoteKind::UnreadLine);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "项目支出绩效目标表",
        "（2024年）",
        "预算单位",
        "项目名称",
        "项目负责人",
        "年度预算总额",
        "其中：财政拨",
        "款",
        "其他资金",
        "项目资金(万",
        "元)",
        "项目总体目标",
        "一级",
        "指标",
        "二级",
        "三级指标",
        "佐证资料",
        "产出",
        "数量",
        "质量",
        "满意",
        "度指",
        "标",
        "经济",
        "成本",
        "效益",
        "社会",
        "＞",
        "=95%",
        "＞=2",
        "≤",
        "不低于",
        "人",
        "万元",
        "次",
        "0人次",
        "15",
        "100%",
        "80万",
        "计划标准",
        "其他标准",
        "按照完成比例赋",
        "分",
        "满意度赋分",
        "工作资料",
        "工作资料满意",
        "原始凭证成本",
        "材料",
        "提高",
        "援疆干部人数",
        "30.00",
        "",
        " ",
        "上级安排",
        "其他",
        "（",
        "(",
        "数",
        "间",
    ];

    fn word_line() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..6).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn on_arbitrary_lines(lines in prop::collection::vec("\\PC*", 0..30)) {
            let text = lines.join("\n");
            let _ = performance::read(&split_lines(&text));
        }

        #[test]
        fn on_table_words(lines in prop::collection::vec(word_line(), 0..60)) {
            let text = lines.join("\n");
            let (t, notes) = performance::read(&split_lines(&text));
            // Whatever was read is serialisable.
            prop_assert!(serde_json::to_string(&t).is_ok());
            prop_assert!(serde_json::to_string(&notes).is_ok());
        }
    }
}
