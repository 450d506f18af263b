//! The prose readers against the real document (昌吉州人社服务中心 2024 部门预算): expected
//! values are written from reading the document, figure by figure.

use rust_decimal::Decimal;
use std::str::FromStr;
use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::overview::StaffKind;
use yusuan_model::project::{Factor, ProjectDescription};
use yusuan_model::span::Span;
use yusuan_readers::text::source::{split_lines, Line};
use yusuan_readers::text::{assets, glossary, overview, projects, read_str};

const DOC: &str = include_str!("../../../fixtures/changji-hrss-2024-budget.txt");

/// Lines `from..=to` of the document (1-based, as an editor shows them).
fn lines(from: u32, to: u32) -> Vec<Line> {
    split_lines(DOC).into_iter().filter(|l| l.no >= from && l.no <= to).collect()
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn wan(s: &str) -> Money {
    Money::new(d(s), AmountUnit::Wan)
}

#[test]
fn overview_of_the_document() {
    let (o, notes) = overview::read(&lines(1, 47));
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(o.year.as_ref().unwrap().value, 2024);
    assert_eq!(o.department.as_ref().unwrap().value, "昌吉回族自治州人力资源和社会保障服务中心");
    let duties: Vec<&str> = o.duties.iter().map(|d| d.text.value.as_str()).collect();
    assert_eq!(
        duties,
        [
            "贯彻执行党和国家、自治区关于人力资源和社会保障工作的方针政策、法律法规。",
            "承担州内职业技能等级评价机构日常监管和认定工作质量督导的辅助工作，指导开展职业技能等级认定资格备案申报工作；协助开展自治州机关事业单位工勤人员技能等级晋级考核。",
            "组织实施自治州专业技术职称评价；承担继续教育培训机构的业务指导工作。",
            "承担自治州高层次紧缺人才服务工作。",
            "负责全州及中央、自治区驻州各机关、企事业单位职工和灵活就业人员的劳动能力鉴定工作。",
            "承担州本级参保人员工伤认定、全州参保职工的特殊工种认定的辅助工作。",
            "组织实施事业单位招聘、专业技术人员资格类考试。",
            "承担自治州人力资源和社会保障系统信息化建设和管理服务工作。",
            "完成自治州人力资源和社会保障局交办的其他任务。",
        ]
    );
    assert_eq!(o.duties.iter().map(|d| d.number.unwrap()).collect::<Vec<_>>(), (1..=9).collect::<Vec<_>>());
    // A duty wrapped over lines 11–15 keeps a span across them.
    assert_eq!(o.duties[1].text.span, Span { line: 11, col: 4, end_line: 15, end_col: 18 });

    let org = &o.organisation;
    let none = org.no_subordinate_units.as_ref().unwrap();
    assert_eq!((none.value.as_str(), none.span.line), ("无下属预算单位", 39));
    assert!(org.subordinate_units.is_empty());
    assert_eq!(org.division_count.as_ref().unwrap().value, 5);
    assert_eq!(org.division_count.as_ref().unwrap().span, Span::on_line(39, 32, 33));
    assert_eq!(org.division_word.as_deref(), Some("处室"));
    let names: Vec<&str> = org.divisions.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(
        names,
        ["综合科", "职业技能评价服务中心", "职称评价和高层次人才服务科", "劳动能力鉴定科", "人事考试和信息服务科"]
    );
    // `职称评价和高层次人才服务` / `科` is wrapped.
    assert_eq!(org.divisions[2].span, Span { line: 41, col: 23, end_line: 43, end_col: 2 });

    let st = &o.staffing;
    assert_eq!(st.authorised.as_ref().unwrap().value, 25);
    assert_eq!(st.actual.as_ref().unwrap().value, 29);
    assert_eq!(st.actual.as_ref().unwrap().span, Span::on_line(45, 33, 35));
    let parts: Vec<(StaffKind, &str, u32, i64)> = st
        .parts
        .iter()
        .map(|p| (p.kind, p.label.value.as_str(), p.count.value, p.change.as_ref().unwrap().value))
        .collect();
    assert_eq!(
        parts,
        [
            (StaffKind::InService, "在职", 24, 6),
            (StaffKind::Retired, "退休", 5, 0),
            (StaffKind::RetiredCadre, "离休", 0, 0),
        ]
    );
    assert_eq!(st.parts[0].count.span, Span::on_line(47, 7, 9));
}

fn item_amounts(p: &ProjectDescription) -> Vec<(&str, Money)> {
    p.allocation.iter().map(|i| (i.name.value.as_str(), i.amount.value)).collect()
}

#[test]
fn projects_of_the_document() {
    let (ps, notes) = projects::read(&lines(1041, 1180));
    assert!(notes.is_empty(), "{notes:#?}");
    let heads: Vec<(u32, &str, Money)> =
        ps.iter().map(|p| (p.number.unwrap(), p.name.value.as_str(), p.budget.as_ref().unwrap().value)).collect();
    assert_eq!(
        heads,
        [
            (1, "各类人事考试工作经费", wan("55.00")),
            (2, "事业单位公开招聘工作经费", wan("126.00")),
            (3, "专业技术人员继续教育网络培训系统和培训平台课件经费", wan("30.00")),
            (4, "自治州专业技术人员职称评审工作经费", wan("15.00")),
            (5, "四级联动的视频会议系统使用及日常网络维护费", wan("15.00")),
            (6, "劳动能力鉴定工作经费", wan("26.00")),
        ]
    );
    let expected: [&[(&str, &str)]; 6] = [
        &[
            ("租车", "9"),
            ("印刷费", "1.4"),
            ("命题费", "4"),
            ("劳务费", "32.5"),
            ("考务用品", "3.1"),
            ("考试卷库环境提升", "5"),
        ],
        &[("事业单位公开招聘工作面试", "106"), ("事业单位公开招聘工作笔试", "20")],
        &[("课程建设费", "17.5"), ("培训平台维护费", "9"), ("网络流量费", "3.5")],
        &[("昌吉州乡镇职称评审系统服务费", "1"), ("评审委员会专家评审费", "11"), ("召开评审会期间专家食宿经费", "3")],
        &[("各类电路租赁费", "6.88"), ("维护维修费用", "0.92"), ("单位网络及设备维护支付购买成本", "7.2")],
        &[
            ("劳动能力鉴定医疗专家劳务费", "13.5"),
            ("鉴定结论书邮寄费、公告送达等办公费用", "7.5"),
            ("赴基层开展鉴定工作费用", "5"),
        ],
    ];
    for (p, exp) in ps.iter().zip(expected) {
        let exp: Vec<(&str, Money)> = exp.iter().map(|(n, a)| (*n, wan(a))).collect();
        assert_eq!(item_amounts(p), exp, "{}", p.name.value);
        // In this document every project's items add up to its budget.
        assert_eq!(p.allocated_yuan(), Some(p.budget.as_ref().unwrap().value.yuan()), "{}", p.name.value);
        assert_eq!(p.executing_unit.as_ref().unwrap().value, "昌吉回族自治州人力资源和社会保障服务中心");
        let period = p.period.as_ref().unwrap();
        assert_eq!(
            (period.start.value.as_str(), period.end.as_ref().unwrap().value.as_str()),
            ("2024年 1月 1日", "2024年 12月 31日")
        );
        assert_eq!(period.end_date.unwrap().day, Some(31));
    }
    // `劳务费 32.5` / `万元` wraps inside the amount.
    assert_eq!(ps[0].allocation[3].amount.span, Span { line: 1055, col: 37, end_line: 1057, end_col: 3 });

    // Policy bases: full text and the documents with their numbers.
    let docs = |k: usize| -> Vec<(String, Option<String>)> {
        let pb = ps[k].policy_basis.as_ref().unwrap();
        pb.documents.iter().map(|c| (c.title.value.clone(), c.number.as_ref().map(|n| n.value.clone()))).collect()
    };
    assert_eq!(
        docs(0),
        [("关于明确自治区人事考试考务费支出具体标准的通知".into(), Some("新人社发〔2018〕51号".into()))]
    );
    assert_eq!(
        docs(1),
        [
            (
                "关于印发〈自治区事业单位面向社会公开招聘工作人员办法〉的通知".into(),
                Some("新人社发〔2013〕141号".into())
            ),
            ("关于明确自治区人事考试考务费支出具体标准的通知".into(), Some("新人社发〔2018〕51号".into())),
        ]
    );
    assert_eq!(docs(2)[0].1.as_deref(), Some("中华人民共和国人力资源和社会保障部令第 25号"));
    assert_eq!(docs(3)[1].1.as_deref(), Some("新价非字【1991】66号"));
    assert_eq!(docs(4).len(), 5);
    assert!(docs(4).iter().all(|d| d.1.is_none()));
    assert_eq!(docs(5)[2], ("新疆维吾尔自治区劳动能力鉴定档案管理办法".into(), Some("新人社发[2017]53号".into())));
    assert!(ps[1]
        .policy_basis
        .as_ref()
        .unwrap()
        .text
        .value
        .starts_with("自治区纪检委、组织部、人社厅、监察厅《关于印发"));
}

#[test]
fn expressions_keep_their_factors() {
    let (ps, _) = projects::read(&lines(1041, 1180));
    // 课程建设费 50课时*3500元/课时=17.5万元: 50 × 3500 元 = 175000 元 = 17.5万元.
    let e = ps[2].allocation[0].expression.as_ref().unwrap();
    match &e.factors[..] {
        [a, b] => {
            assert!(matches!(&a.value, Factor::Quantity(q) if q.value == d("50") && q.unit == "课时"));
            assert!(
                matches!(&b.value, Factor::UnitPrice(p) if p.price == Money::new(d("3500"), AmountUnit::Yuan) && p.per == ["课时"])
            );
        }
        f => panic!("{f:?}"),
    }
    assert_eq!(e.result.value, wan("17.5"));
    assert_eq!(e.product_yuan(), Some(e.result.value.yuan()));

    // 召开评审会期间专家食宿经费 200元/人/天*15人/*30天=3万元, as printed.
    let e = ps[3].allocation[2].expression.as_ref().unwrap();
    match &e.factors[..] {
        [a, b, c] => {
            assert!(
                matches!(&a.value, Factor::UnitPrice(p) if p.price == Money::new(d("200"), AmountUnit::Yuan) && p.per == ["人", "天"])
            );
            assert!(matches!(&b.value, Factor::Quantity(q) if q.value == d("15") && q.unit == "人"));
            assert!(matches!(&c.value, Factor::Quantity(q) if q.value == d("30") && q.unit == "天"));
        }
        f => panic!("{f:?}"),
    }
    // The result wraps: `=3` / `万元`.
    assert_eq!(e.result.value, wan("3"));
    assert_eq!(e.result.span, Span { line: 1116, col: 42, end_line: 1118, end_col: 3 });
    // A real fact of the document: 200 × 15 × 30 = 90000 元 = 9万元, not the printed 3万元
    // (the project's items still add to its 15万元 with the printed 3).
    assert_eq!(e.product_yuan(), Some(d("90000")));
    assert_ne!(e.product_yuan(), Some(e.result.value.yuan()));
}

#[test]
fn state_assets_of_the_document() {
    let (a, notes) = assets::read(&lines(1222, 1270));
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(a.as_of.as_ref().unwrap().value, "2023年底");
    let house = a.category("房屋").unwrap();
    assert_eq!(house.area.as_ref().unwrap().value.value, d("24.66"));
    assert_eq!(house.area.as_ref().unwrap().value.unit, "平方米");
    assert_eq!(house.value.as_ref().unwrap().value, wan("6.11"));
    let cars = a.category("车辆").unwrap();
    assert_eq!(cars.count.as_ref().unwrap().value.value, d("2"));
    assert_eq!(cars.value.as_ref().unwrap().value, wan("41.02"));
    let part = |n: &str| {
        let p = cars.part(n).unwrap();
        (p.count.as_ref().unwrap().value.value, p.value.as_ref().unwrap().value)
    };
    assert_eq!(part("一般公务用车"), (d("2"), wan("41.02")));
    assert_eq!(part("执法执勤用车"), (d("0"), wan("0.00")));
    assert_eq!(part("其他车辆"), (d("1"), wan("0.00")));
    // As printed: 2 vehicles, of which 2 + 0 + 1 = 3 — an inconsistency of the document itself.
    let parts_total: Decimal = cars.parts.iter().map(|p| p.count.as_ref().unwrap().value.value).sum();
    assert_eq!(parts_total, d("3"));
    // `价值 41.02万` / `元` is wrapped.
    assert_eq!(cars.parts[0].value.as_ref().unwrap().span, Span { line: 1256, col: 36, end_line: 1258, end_col: 2 });
    assert_eq!(a.category("办公家具").unwrap().value.as_ref().unwrap().value, wan("28.53"));
    assert_eq!(a.category("其他资产").unwrap().value.as_ref().unwrap().value, wan("451.51"));
    assert_eq!(a.categories.len(), 4);
    let eq: Vec<(Money, Decimal, &str)> = a
        .large_equipment
        .iter()
        .map(|e| (e.unit_value_over.value, e.count.value.value, e.name.value.as_str()))
        .collect();
    assert_eq!(eq, [(wan("50"), d("0"), "大型设备"), (wan("100"), d("0"), "大型设备")]);
    let plans: Vec<(&str, bool, Option<Money>, Option<Decimal>)> = a
        .purchase_plans
        .iter()
        .map(|p| {
            (
                p.subject.value.as_str(),
                p.arranged,
                p.unit_value_over.as_ref().map(|m| m.value),
                p.count.as_ref().map(|c| c.value.value),
            )
        })
        .collect();
    assert_eq!(
        plans,
        [
            ("车辆", false, None, None),
            ("大型设备", true, Some(wan("50")), Some(d("0"))),
            ("大型设备", true, Some(wan("100")), Some(d("0")))
        ]
    );
}

#[test]
fn glossary_of_the_document() {
    let part = lines(3146, 3197);
    let (g, notes) = glossary::read(&part);
    assert!(notes.is_empty(), "{notes:#?}");
    let terms: Vec<&str> = g.iter().map(|e| e.term.value.as_str()).collect();
    assert_eq!(
        terms,
        [
            "财政拨款",
            "一般公共预算",
            "财政专户管理资金",
            "其他资金",
            "基本支出",
            "项目支出",
            "“三公”经费",
            "机关运行经费"
        ]
    );
    assert_eq!(g[0].definition.value, "指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。");
    assert_eq!(g[0].definition.span, Span { line: 3148, col: 8, end_line: 3150, end_col: 10 });
    assert_eq!(g[3].definition.value, "包括事业收入、事业经营收入、其他收入等。");
    // The last definition stops before the signature.
    assert!(g[7].definition.value.ends_with("公务用车运行维护费及其他费用。"));
    let (signer, date) = glossary::signature(&part).unwrap();
    assert_eq!(signer.unwrap().value, "昌吉回族自治州人力资源和社会保障服务中心");
    assert_eq!(date.value, "2024年 2月 23日");
}

#[test]
fn whole_document() {
    let doc = read_str(DOC);
    assert_eq!(doc.overview.duties.len(), 9);
    assert_eq!(doc.narrative.projects.len(), 6);
    assert_eq!(doc.narrative.state_assets.categories.len(), 4);
    assert_eq!(doc.glossary.len(), 8);
    // The only notes on the seed are the table cells whose columns text cannot decide.
    assert!(doc.notes.iter().all(|n| n.kind == yusuan_model::note::NoteKind::AmbiguousColumns), "{:#?}", doc.notes);
    // Stable snake_case names.
    let json = serde_json::to_value(&doc).unwrap();
    assert!(json["narrative"]["projects"][2]["allocation"][0]["expression"]["factors"][1]["value"]["unit_price"]
        .is_object());
    assert_eq!(json["overview"]["staffing"]["parts"][2]["kind"], "retired_cadre");
}

// ---- The same passages wrapped differently read to the same model (spans aside). ----

/// A short heading line (`一、 主要职能`, `(三) 国有资产占用使用情况`), kept whole.
fn is_heading(t: &str) -> bool {
    let open = t.starts_with(['（', '(']) || t.chars().nth(1) == Some('、') || t.chars().nth(2) == Some('、');
    open && !t.contains(['：', ':']) && !t.ends_with('。') && t.chars().count() <= 20
}

/// Opens a paragraph: an enumerator or a `标签：`.
fn opens_paragraph(t: &str) -> bool {
    let first = t.chars().next().unwrap_or(' ');
    let label = t.chars().take(9).collect::<String>().contains(['：', ':']);
    "（(一二三四五六七八九十123456789".contains(first) || label
}

/// Rewraps `lines` at `width` characters (never next to a space, which a wrap would lose), with
/// blank lines and page numbers between, as another PDF extractor might.
fn rewrap(lines: &[Line], width: usize) -> Vec<Line> {
    let mut paras: Vec<(String, bool)> = Vec::new();
    let mut prev_ends = true;
    for l in lines.iter().filter(|l| !l.is_blank() && !l.is_page_number()) {
        let t = l.text.trim();
        let keep = is_heading(t);
        if keep || prev_ends || opens_paragraph(t) || paras.last().is_some_and(|p| p.1) {
            paras.push((t.to_string(), keep));
        } else if let Some(p) = paras.last_mut() {
            p.0.push_str(t);
        }
        prev_ends = t.ends_with(['。', '：', ':']);
    }
    let mut out: Vec<String> = Vec::new();
    for (text, keep) in paras {
        let chars: Vec<char> = text.chars().collect();
        let mut a = 0;
        while a < chars.len() {
            let mut b = if keep { chars.len() } else { (a + width).min(chars.len()) };
            while b < chars.len() && (chars[b].is_whitespace() || chars[b - 1].is_whitespace()) {
                b += 1;
            }
            out.push(chars[a..b].iter().collect());
            out.push(String::new());
            if out.len() % 20 == 10 {
                out.push("- 3 -".into());
            }
            a = b;
        }
    }
    out.into_iter().enumerate().map(|(i, text)| Line { no: i as u32 + 1, text }).collect()
}

fn without_spans(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            Value::Object(m.into_iter().filter(|(k, _)| k != "span").map(|(k, v)| (k, without_spans(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(without_spans).collect()),
        v => v,
    }
}

fn same<T: serde::Serialize>(a: &T, b: &T) -> bool {
    let (a, b) = (without_spans(serde_json::to_value(a).unwrap()), without_spans(serde_json::to_value(b).unwrap()));
    if a != b {
        eprintln!("{a}\n{b}");
    }
    a == b
}

#[test]
fn rewrapped_passages_read_the_same() {
    let heading = lines(1, 3);
    let (o, _) = overview::read(&lines(1, 47));
    let (ps, _) = projects::read(&lines(1045, 1160));
    let (a, _) = assets::read(&lines(1248, 1270));
    let (g, _) = glossary::read(&lines(3146, 3192));
    for width in [12, 17, 23, 31, 60] {
        let mut ov_lines = heading.clone();
        ov_lines.extend(rewrap(&lines(5, 47), width).into_iter().map(|l| Line { no: l.no + 3, ..l }));
        let (o2, n) = overview::read(&ov_lines);
        assert!(n.is_empty() && same(&o, &o2), "overview at width {width}: {n:#?}\n{o2:#?}");
        let (ps2, n) = projects::read(&rewrap(&lines(1045, 1160), width));
        assert!(n.is_empty() && same(&ps, &ps2), "projects at width {width}: {n:#?}\n{ps2:#?}");
        let (a2, n) = assets::read(&rewrap(&lines(1248, 1270), width));
        assert!(n.is_empty() && same(&a, &a2), "assets at width {width}: {n:#?}\n{a2:#?}");
        let (g2, n) = glossary::read(&rewrap(&lines(3146, 3192), width));
        assert!(n.is_empty() && same(&g, &g2), "glossary at width {width}: {n:#?}");
    }
}

// ---- Other wordings, as other disclosures print these passages. ----

fn text_lines(s: &str) -> Vec<Line> {
    split_lines(s)
}

#[test]
fn project_in_other_wording() {
    let (ps, notes) = projects::read(&text_lines(
        "1.项目名称：办公设备更新\n立项依据：《关于办公设备配置标准的通知》（财资〔2023〕5\n号）\n预算安排：15.00万元\n实施单位：某某局\n资金分配：设备购置 12.00万元；培训费 3.00\n万元。\n执行时间：2024年1月至2024年12月\n九、 其他\n",
    ));
    assert!(notes.is_empty(), "{notes:#?}");
    let p = &ps[0];
    assert_eq!((p.number, p.name.value.as_str()), (Some(1), "办公设备更新"));
    assert_eq!(p.budget.as_ref().unwrap().value, wan("15.00"));
    assert_eq!(item_amounts(p), [("设备购置", wan("12.00")), ("培训费", wan("3.00"))]);
    assert_eq!(p.policy_basis.as_ref().unwrap().documents[0].number.as_ref().unwrap().value, "财资〔2023〕5号");
    assert_eq!(p.period.as_ref().unwrap().end_date.unwrap().month, Some(12));
    assert_eq!(p.executing_unit.as_ref().unwrap().value, "某某局");
}

#[test]
fn project_lines_that_cannot_be_placed_are_noted() {
    let (ps, notes) =
        projects::read(&text_lines("（一）项目名称：某经费\n项目概况：用于某事\n资金分配情况：租车 9万元，其他若干\n"));
    assert_eq!(ps.len(), 1);
    assert_eq!(item_amounts(&ps[0]), [("租车", wan("9"))]);
    let kinds: Vec<_> = notes.iter().map(|n| n.kind).collect();
    use yusuan_model::note::NoteKind::*;
    // 项目概况 is no known field; `其他若干` has no amount; there is no budget.
    assert_eq!(kinds, [UnreadLine, UnreadLine, MissingField]);
    assert!(notes.iter().all(|n| !n.zh.is_empty() && !n.en.is_empty() && n.span.is_some()));
}

#[test]
fn assets_in_other_wording() {
    let (a, notes) = assets::read(&text_lines(
        "（三）国有资产占用情况\n截至2023年12月31日，本部门共有房屋建筑物 1200平方米，价值 350.5万元；土地 5000平方米；通用设备 15台，价值 20.00万元。\n2024年部门预算安排购置车辆 1辆，价值 18万元。\n（四）其他\n",
    ));
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(a.as_of.as_ref().unwrap().value, "2023年12月31日");
    let house = a.category("房屋建筑物").unwrap();
    assert_eq!(house.area.as_ref().unwrap().value.value, d("1200"));
    assert_eq!(house.value.as_ref().unwrap().value, wan("350.5"));
    assert_eq!(a.category("土地").unwrap().area.as_ref().unwrap().value.unit, "平方米");
    assert_eq!(a.category("通用设备").unwrap().count.as_ref().unwrap().value.value, d("15"));
    let plan = &a.purchase_plans[0];
    assert_eq!((plan.subject.value.as_str(), plan.arranged), ("车辆", true));
    assert_eq!(plan.count.as_ref().unwrap().value.value, d("1"));
    assert_eq!(plan.value.as_ref().unwrap().value, wan("18"));
}

#[test]
fn passages_absent_read_empty() {
    let other = text_lines("十、 关于“三公”经费\n2024年“三公”经费预算数为 4.29万元。\n");
    assert_eq!(projects::read(&other), (Vec::new(), Vec::new()));
    assert_eq!(assets::read(&other), (Default::default(), Vec::new()));
    let (_, notes) = assets::read(&text_lines("车辆 2辆，价值 41.02万元。"));
    assert!(notes.is_empty());
}

#[test]
fn overview_in_other_wording() {
    let (o, notes) = overview::read(&text_lines(
        "第一部分 某局部门概况\n一、主要职责\n1.负责某事。\n2.承担某\n工作。\n二、机构设置\n本部门下属预算单位 2个，分别是：甲中心、乙站。内设 3个科室。编制数为 10人，实有人数 9人，其中：在职 7人，减少 1人；退休 2人，增加 1人。\n",
    ));
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(o.duties.len(), 2);
    assert_eq!(o.duties[1].text.value, "承担某工作。");
    let org = &o.organisation;
    assert_eq!(org.subordinate_unit_count.as_ref().unwrap().value, 2);
    assert_eq!(org.subordinate_units.iter().map(|u| u.value.as_str()).collect::<Vec<_>>(), ["甲中心", "乙站"]);
    assert_eq!((org.division_count.as_ref().unwrap().value, org.division_word.as_deref()), (3, Some("科室")));
    assert_eq!(o.staffing.authorised.as_ref().unwrap().value, 10);
    assert_eq!(o.staffing.parts[0].change.as_ref().unwrap().value, -1);
    assert_eq!(o.staffing.parts[1].change.as_ref().unwrap().value, 1);
}

mod never_panic {
    use super::*;
    use proptest::prelude::*;

    fn texts() -> impl Strategy<Value = Vec<String>> {
        let piece = prop_oneof![
            "\\PC{0,30}",
            "[一二三四五六七八九十（）()、：:，。；;0-9.．万元/*=＝ 　项目名称资金分配情况预算安排规模价值辆台平方米截至国有资产其中以上购置未安排编制数实有人数在职增加减少下设个分别是《》〔〕号第部分名词解释年月日-]{0,40}",
        ];
        prop::collection::vec(piece, 0..14)
    }

    fn to_lines(v: Vec<String>) -> Vec<Line> {
        v.into_iter().enumerate().map(|(i, text)| Line { no: i as u32 + 1, text }).collect()
    }

    proptest! {
        #[test]
        fn readers_never_panic(v in texts()) {
            let lines = to_lines(v);
            let _ = overview::read(&lines);
            let _ = projects::read(&lines);
            let _ = assets::read(&lines);
            let _ = glossary::read(&lines);
            let _ = glossary::signature(&lines);
        }
    }
}
