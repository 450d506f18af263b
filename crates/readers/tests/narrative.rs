//! The narrative reader: every figure of the seed's Part 3, other wordings, and robustness.
//! Expected values are read off `fixtures/changji-hrss-2024-budget.txt`.

use yusuan_model::money::{AmountUnit, Money};
use yusuan_model::narrative::*;
use yusuan_model::note::{NoteKind, ReadNote};
use yusuan_model::span::Span;
use yusuan_model::Code;
use yusuan_readers::text::narrative::read;
use yusuan_readers::text::segment::segment;
use yusuan_readers::text::source::{split_lines, Line};

type Read = (Vec<Section>, Vec<Fact>, Vec<ReadNote>);
/// An expected change: amount, direction word, rate, rate word.
type Change<'a> = Option<(Option<&'a str>, &'a str, Option<&'a str>, Option<&'a str>)>;

fn seed() -> Read {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/changji-hrss-2024-budget.txt");
    let text = std::fs::read_to_string(path).expect("seed fixture");
    let lines = split_lines(&text);
    let seg = segment(&lines);
    let narrative: Vec<Line> = seg.narrative.iter().filter_map(|&i| lines.get(i).cloned()).collect();
    read(&narrative)
}

fn fragment(text: &str) -> Read {
    read(&split_lines(text))
}

/// The index of section `top` (`五`), or of its sub-section `sub` (`三`).
fn sec(sections: &[Section], top: &str, sub: Option<&str>) -> usize {
    let t = sections.iter().position(|s| s.level == 1 && s.number == top).expect("top section");
    match sub {
        None => t,
        Some(n) => sections.iter().position(|s| s.parent == Some(t) && s.number == n).expect("sub-section"),
    }
}

fn find<'a>(facts: &'a [Fact], section: Option<usize>, subject: &Subject) -> &'a Fact {
    let hits: Vec<&Fact> = facts.iter().filter(|f| f.section == section && &f.subject == subject).collect();
    assert_eq!(hits.len(), 1, "one fact of {subject:?} in section {section:?}: {hits:#?}");
    hits[0]
}

fn money(f: &Fact) -> Option<String> {
    f.amount.as_ref().map(|m| m.value.value.to_string())
}

/// Amount, share, change (amount, word, rate, rate word) and whether a reason is given.
fn check(f: &Fact, amount: Option<&str>, share: Option<&str>, change: Change<'_>, reason: bool) {
    assert_eq!(money(f).as_deref(), amount, "amount of {f:#?}");
    assert_eq!(
        f.share.as_ref().map(|s| s.rate.value.to_string()).as_deref(),
        share.map(|s| format!("{s}%")).as_deref(),
        "share of {f:#?}"
    );
    match (change, &f.change) {
        (None, None) => {}
        (Some((amt, word, rate, rate_word)), Some(c)) => {
            assert_eq!(c.amount.as_ref().map(|m| m.value.value.to_string()).as_deref(), amt, "change amount of {f:#?}");
            assert_eq!(c.direction_word, word, "direction word of {f:#?}");
            assert_eq!(
                c.rate.as_ref().map(|r| r.value.to_string()).as_deref(),
                rate.map(|r| format!("{r}%")).as_deref()
            );
            assert_eq!(c.rate_word.as_deref(), rate_word);
            let dir = match word {
                "增加" | "增长" | "增幅" => Direction::Increase,
                "减少" | "下降" => Direction::Decrease,
                _ => Direction::Flat,
            };
            assert_eq!(c.direction, dir);
        }
        (want, got) => panic!("change: want {want:?}, got {got:?} in {f:#?}"),
    }
    assert_eq!(f.reason.is_some(), reason, "reason of {f:#?}");
}

fn up<'a>(amount: &'a str, rate: &'a str) -> Change<'a> {
    Some((Some(amount), "增加", Some(rate), Some("增长")))
}

fn down<'a>(amount: &'a str, rate: &'a str) -> Change<'a> {
    Some((Some(amount), "减少", Some(rate), Some("下降")))
}

fn function(class: &str, section: Option<&str>, item: Option<&str>, code: Option<&str>) -> Subject {
    Subject::Function(FunctionItem {
        class: class.to_string(),
        section: section.map(str::to_string),
        item: item.map(str::to_string),
        code: code.and_then(Code::parse),
    })
}

#[test]
fn seed_sections() {
    let (s, _, _) = seed();
    let tops: Vec<&str> = s.iter().filter(|s| s.level == 1).map(|s| s.number.as_str()).collect();
    assert_eq!(tops, ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]);
    // The heading cut into the 三公 paragraph keeps its whole title, spanning its two parts.
    let k = &s[sec(&s, "十一", None)];
    assert_eq!(k.title, "关于昌吉回族自治州人力资源和社会保障服务中心 2024年上年结转结余预算情况说明");
    assert_eq!((k.span.line, k.span.end_line), (1193, 1209));
    assert_eq!(k.topic, Topic::CarryOver);
    assert_eq!(s[sec(&s, "五", None)].scope, Scope::GeneralBudgetCurrentYear);
    assert_eq!(s[sec(&s, "四", None)].scope, Scope::FiscalAppropriation);
    assert_eq!(s[sec(&s, "二", None)].scope, Scope::AllFunds);
    assert_eq!(s[sec(&s, "十", None)].topic, Topic::ThreePublic);
    assert_eq!(s[sec(&s, "十二", Some("一"))].topic, Topic::AgencyRunningCosts);
    assert_eq!(s[sec(&s, "五", Some("三"))].title, "一般公共预算当年拨款具体使用情况");
}

#[test]
fn seed_one_overall() {
    let (s, f, _) = seed();
    let one = Some(sec(&s, "一", None));
    check(find(&f, one, &Subject::TotalBudget), Some("1050.52"), None, None, false);
    let income = find(&f, one, &Subject::TotalIncome);
    let l = income.listing.as_ref().expect("income list");
    assert!(l.complete);
    let names: Vec<&str> = l.names.iter().map(|n| n.value.as_str()).collect();
    assert_eq!(names, ["一般公共预算", "单位资金", "非财政拨款结转结余"]);
    let spending = find(&f, one, &Subject::TotalExpenditure);
    let names: Vec<&str> = spending.listing.iter().flat_map(|l| &l.names).map(|n| n.value.as_str()).collect();
    assert_eq!(names, ["社会保障和就业支出", "卫生健康支出", "住房保障支出"]);
}

#[test]
fn seed_two_income() {
    let (s, f, _) = seed();
    let two = Some(sec(&s, "二", None));
    let total = find(&f, two, &Subject::TotalIncome);
    check(total, Some("1050.52"), None, None, false);
    let total_idx = f.iter().position(|x| std::ptr::eq(x, total));
    let src = |x| Subject::Source(x);
    let gb = find(&f, two, &src(FundSource::GeneralBudget));
    check(gb, Some("715.52"), Some("68.11"), up("54.84", "8.30"), true);
    assert_eq!(gb.parent, total_idx);
    assert_eq!(gb.share.as_ref().and_then(|s| s.of_fact), total_idx);
    for t in [FundSource::GeneralTransfer, FundSource::GovernmentFundTransfer, FundSource::StateCapitalTransfer] {
        let a = find(&f, two, &src(t));
        assert!(a.absent && a.amount.is_none(), "{a:#?}");
    }
    check(find(&f, two, &src(FundSource::GovernmentFund)), Some("0.00"), Some("0.00"), up("0.00", "0.00"), true);
    check(find(&f, two, &src(FundSource::StateCapital)), Some("0.00"), Some("0.00"), up("0.00", "0.00"), true);
    check(find(&f, two, &src(FundSource::UnitFunds)), Some("230.00"), Some("21.89"), down("150.00", "39.47"), true);
    check(
        find(&f, two, &Subject::CarryOver(CarryOver::Fiscal)),
        Some("0.00"),
        Some("0.00"),
        down("48.67", "100.00"),
        true,
    );
    check(
        find(&f, two, &Subject::CarryOver(CarryOver::NonFiscal)),
        Some("105.00"),
        Some("10.00"),
        up("105.00", "100.00"),
        true,
    );
    assert_eq!(gb.scope, Scope::AllFunds);
    assert_eq!(gb.change.as_ref().map(|c| c.compared_with.as_str()), Some("比上年预算"));
}

#[test]
fn seed_three_expenditure() {
    let (s, f, _) = seed();
    let three = Some(sec(&s, "三", None));
    check(find(&f, three, &Subject::TotalExpenditure), Some("1050.52"), None, None, false);
    check(find(&f, three, &Subject::Basic(Basic::Total)), Some("448.52"), Some("42.69"), up("116.84", "35.23"), true);
    check(find(&f, three, &Subject::Project), Some("602.00"), Some("57.31"), down("155.67", "20.55"), true);
}

#[test]
fn seed_four_fiscal() {
    let (s, f, _) = seed();
    let four = Some(sec(&s, "四", None));
    let total = find(&f, four, &Subject::TotalBudget);
    check(total, Some("715.52"), None, None, false);
    assert_eq!(total.scope, Scope::FiscalAppropriation);
    assert!(find(&f, four, &Subject::Source(FundSource::GovernmentFund)).absent);
    assert!(find(&f, four, &Subject::Source(FundSource::StateCapital)).absent);
    check(find(&f, four, &Subject::Source(FundSource::GeneralBudget)), Some("715.52"), None, None, false);
    let spending = find(&f, four, &Subject::TotalExpenditure);
    assert_eq!(spending.scope, Scope::GeneralBudget);
    let spending_idx = f.iter().position(|x| std::ptr::eq(x, spending));
    for (class, code, amount) in
        [("社会保障和就业支出", "208", "654.95"), ("卫生健康支出", "210", "24.21"), ("住房保障支出", "221", "36.35")]
    {
        let x = find(&f, four, &function(class, None, None, Some(code)));
        check(x, Some(amount), None, None, true);
        assert_eq!(x.reason_kind, Some(ReasonKind::Use));
        assert_eq!(x.parent, spending_idx);
    }
}

#[test]
fn seed_five_current_year() {
    let (s, f, _) = seed();
    let one = Some(sec(&s, "五", Some("一")));
    let total = find(&f, one, &Subject::Source(FundSource::GeneralBudget));
    check(total, Some("715.52"), None, None, false);
    let total_idx = f.iter().position(|x| std::ptr::eq(x, total));
    let basic = find(&f, one, &Subject::Basic(Basic::Total));
    check(basic, Some("448.52"), None, up("116.84", "35.23"), true);
    // `主要原因是是`: the doubled 是 is not part of the reason.
    assert!(basic.reason.as_ref().is_some_and(|r| r.value.starts_with("2023年末")));
    check(find(&f, one, &Subject::Project), Some("267.00"), None, down("62.00", "18.84"), true);

    // Structure: shares of the section's total, which sub-section (一) stated.
    let two = Some(sec(&s, "五", Some("二")));
    for (class, code, amount, share) in [
        ("社会保障和就业支出", "208", "654.95", "91.54"),
        ("卫生健康支出", "210", "24.21", "3.38"),
        ("住房保障支出", "221", "36.35", "5.08"),
    ] {
        let x = find(&f, two, &function(class, None, None, Some(code)));
        check(x, Some(amount), Some(share), None, false);
        assert_eq!(x.share.as_ref().and_then(|s| s.of_fact), total_idx);
        assert_eq!(x.scope, Scope::GeneralBudgetCurrentYear);
    }

    let three = Some(sec(&s, "五", Some("三")));
    let (sb, hr, pension, med, housing) = (
        "社会保障和就业支出",
        "人力资源和社会保障管理事务",
        "行政事业单位养老支出",
        "行政事业单位医疗",
        "住房改革支出",
    );
    let items: [(&str, &str, &str, Option<&str>, &str, _); 12] = [
        (sb, hr, "行政运行", None, "319.59", up("81.07", "33.99")),
        (sb, hr, "一般行政管理事务", None, "26.00", up("26.00", "100.00")),
        (sb, hr, "信息化建设", None, "15.00", up("15.00", "100.00")),
        (sb, hr, "其他人力资源和社会保障管理事务支出", None, "226.00", down("103.00", "31.31")),
        (sb, pension, "行政单位离退休", Some("2080501"), "0.50", up("0.20", "66.67")),
        (sb, pension, "机关事业单位基本养老保险缴费支出", Some("2080505"), "45.25", up("12.10", "36.50")),
        (sb, pension, "机关事业单位职业年金缴费支出", None, "22.62", up("6.05", "36.50")),
        ("卫生健康支出", med, "行政单位医疗", None, "15.39", up("3.03", "24.47")),
        ("卫生健康支出", med, "事业单位医疗", None, "7.23", up("3.72", "105.77")),
        ("卫生健康支出", med, "公务员医疗补助", None, "1.41", up("0.38", "36.50")),
        ("卫生健康支出", med, "其他行政事业单位医疗支出", None, "0.17", up("0.04", "31.82")),
        ("住房保障支出", housing, "住房公积金", None, "36.35", up("10.25", "39.27")),
    ];
    for (class, section, item, code, amount, change) in items {
        let x = find(&f, three, &function(class, Some(section), Some(item), code));
        check(x, Some(amount), None, change, true);
    }
    assert_eq!(f.iter().filter(|x| x.section == three).count(), 12);
}

#[test]
fn seed_six_basic() {
    let (s, f, _) = seed();
    let six = Some(sec(&s, "六", None));
    let basic = find(&f, six, &Subject::Basic(Basic::Total));
    check(basic, Some("448.52"), None, None, false);
    assert_eq!(basic.scope, Scope::GeneralBudget);
    let personnel = find(&f, six, &Subject::Basic(Basic::Personnel));
    check(personnel, Some("414.88"), None, None, false);
    let l = personnel.listing.as_ref().expect("personnel list");
    assert_eq!((l.word.as_str(), l.complete, l.names.len()), ("主要包括", false, 12));
    assert_eq!(l.names.last().map(|n| n.value.as_str()), Some("奖励金"));
    let operating = find(&f, six, &Subject::Basic(Basic::Operating));
    check(operating, Some("33.64"), None, None, false);
    assert_eq!(operating.listing.as_ref().map(|l| l.names.len()), Some(11));
    assert_eq!(personnel.parent, operating.parent);
}

#[test]
fn seed_eight_nine_absent() {
    let (s, f, _) = seed();
    let eight = Some(sec(&s, "八", None));
    assert!(find(&f, eight, &Subject::Source(FundSource::GovernmentFund)).absent);
    let nine = Some(sec(&s, "九", None));
    assert!(find(&f, nine, &Subject::Source(FundSource::StateCapital)).absent);
    // 七 (projects) is the project reader's.
    let seven = sec(&s, "七", None);
    assert!(!f.iter().any(|x| x.section.is_some_and(|k| k == seven || s[k].parent == Some(seven))));
}

#[test]
fn seed_ten_three_public() {
    let (s, f, _) = seed();
    let ten = Some(sec(&s, "十", None));
    let tp = |p| Subject::ThreePublic(p);
    let total = find(&f, ten, &tp(ThreePublic::Total));
    // The rate 87.53% sits after the heading that interrupted the sentence.
    check(total, Some("4.29"), None, up("2.00", "87.53"), false);
    assert_eq!(total.scope, Scope::FiscalAppropriation);
    let rate = total.change.as_ref().and_then(|c| c.rate.as_ref()).map(|r| r.span);
    assert_eq!(rate, Some(Span::on_line(1195, 1, 7)));
    let total_idx = f.iter().position(|x| std::ptr::eq(x, total));
    for (part, amount, change) in [
        (ThreePublic::Overseas, "0", up("0.00", "0.00")),
        (ThreePublic::VehiclePurchase, "0", up("0.00", "0.00")),
        (ThreePublic::VehicleOperation, "4.20", up("2.00", "90.91")),
        (ThreePublic::Reception, "0.09", up("0.00", "0.00")),
    ] {
        let x = find(&f, ten, &tp(part));
        check(x, Some(amount), None, change, true);
        assert_eq!(x.parent, total_idx);
        // A part's change compares as its total's does.
        assert_eq!(x.change.as_ref().map(|c| c.compared_with.as_str()), Some("比上年预算"));
    }
    let op = find(&f, ten, &tp(ThreePublic::VehicleOperation));
    assert!(op.reason.as_ref().is_some_and(|r| r.value.contains("2辆") && r.value.ends_with("新增车辆经费")));
}

#[test]
fn seed_eleven_carry_over() {
    let (s, f, _) = seed();
    let k = Some(sec(&s, "十一", None));
    let all = find(&f, k, &Subject::CarryOver(CarryOver::All));
    check(all, Some("105.00"), None, None, false);
    let all_idx = f.iter().position(|x| std::ptr::eq(x, all));
    let fiscal = find(&f, k, &Subject::CarryOver(CarryOver::Fiscal));
    check(fiscal, Some("0.00"), None, None, false);
    assert_eq!(fiscal.parent, all_idx);
    let non = find(&f, k, &Subject::CarryOver(CarryOver::NonFiscal));
    check(non, Some("105.00"), None, None, false);
    let non_idx = f.iter().position(|x| std::ptr::eq(x, non));
    for (name, amount) in [("服务中心机构运行补助经费", "5.00"), ("考务费", "100.00")] {
        let x = find(&f, k, &Subject::CarryOverItem(name.to_string()));
        check(x, Some(amount), None, None, true);
        assert_eq!(x.parent, non_idx);
    }
    assert_eq!(f.iter().filter(|x| x.section == k).count(), 5);
}

#[test]
fn seed_twelve_other_matters() {
    let (s, f, _) = seed();
    let one = Some(sec(&s, "十二", Some("一")));
    let arc = find(&f, one, &Subject::AgencyRunningCosts);
    check(arc, Some("33.64"), None, up("7.44", "28.39"), true);
    assert_eq!(arc.scope, Scope::FiscalAppropriation);

    let two = Some(sec(&s, "十二", Some("二")));
    let pr = |p| Subject::Procurement(p);
    let total = find(&f, two, &pr(Procurement::Total));
    check(total, Some("157.49"), None, None, false);
    let total_idx = f.iter().position(|x| std::ptr::eq(x, total));
    for (p, amount) in [
        (Procurement::Goods, "26.09"),
        (Procurement::Works, "5.00"),
        (Procurement::Services, "126.40"),
        (Procurement::SmeReserved, "157.49"),
        (Procurement::SmallMicroReserved, "157.49"),
    ] {
        let x = find(&f, two, &pr(p));
        check(x, Some(amount), None, None, false);
        assert_eq!(x.parent, total_idx);
    }

    let four = Some(sec(&s, "十二", Some("四")));
    for (p, count, amount) in [
        (PerformanceScope::Department, "1", "1050.52"),
        (PerformanceScope::FiscalProjects, "6", "267.00"),
        (PerformanceScope::NonFiscalProjects, "2", "335.00"),
    ] {
        let x = find(&f, four, &Subject::PerformanceTargets(p));
        check(x, Some(amount), None, None, false);
        let c = x.count.as_ref().map(|c| (c.value.value.to_string(), c.value.unit.clone()));
        assert_eq!(c, Some((count.to_string(), "个".to_string())));
    }
    // 国有资产 (三) is the asset reader's.
    let three = Some(sec(&s, "十二", Some("三")));
    assert!(!f.iter().any(|x| x.section == three));
}

#[test]
fn seed_every_figure_is_placed() {
    let (_, f, notes) = seed();
    assert!(notes.is_empty(), "{notes:#?}");
    assert!(!f.iter().any(|x| matches!(x.subject, Subject::Other(_))), "{f:#?}");
    // 3 + 10 + 3 + 9 + 3 + 3 + 12 + 3 + 2 + 5 + 5 + 1 + 6 + 3.
    assert_eq!(f.len(), 68);
}

#[test]
fn seed_spans() {
    let (s, f, _) = seed();
    let two = Some(sec(&s, "二", None));
    let gb = find(&f, two, &Subject::Source(FundSource::GeneralBudget));
    // `一般公共预算 715.52万元，占 68.11%，比上年预算增加 54.84万元，增` / `长 8.30%`.
    assert_eq!(gb.amount.as_ref().map(|a| a.span), Some(Span::on_line(820, 8, 16)));
    assert_eq!(gb.share.as_ref().map(|s| s.rate.span), Some(Span::on_line(820, 19, 25)));
    let c = gb.change.as_ref().expect("change");
    assert_eq!(c.amount.as_ref().map(|a| a.span), Some(Span::on_line(820, 34, 41)));
    assert_eq!(c.rate.as_ref().map(|r| r.span), Some(Span::on_line(822, 3, 8)));
    assert_eq!(gb.span.line, 820);
    // A figure wrapped over a line break: `1,050.52万` / `元，其中：`.
    let total = find(&f, two, &Subject::TotalIncome);
    assert_eq!(total.amount.as_ref().map(|a| a.span), Some(Span { line: 816, col: 28, end_line: 818, end_col: 2 }));
    let tp = find(&f, Some(sec(&s, "十", None)), &Subject::ThreePublic(ThreePublic::Total));
    assert_eq!(tp.amount.as_ref().map(|a| a.span), Some(Span::on_line(1187, 8, 14)));
    let perf = find(&f, Some(sec(&s, "十二", Some("四"))), &Subject::PerformanceTargets(PerformanceScope::Department));
    assert_eq!(perf.count.as_ref().map(|c| c.span), Some(Span::on_line(1273, 25, 27)));
}

#[test]
fn seed_money_keeps_printed_precision() {
    let (s, f, _) = seed();
    let tp = find(&f, Some(sec(&s, "十", None)), &Subject::ThreePublic(ThreePublic::Overseas));
    let m = tp.amount.as_ref().map(|a| a.value);
    assert_eq!(m.map(|m| (m.decimals(), m.unit)), Some((0, AmountUnit::Wan)));
    let json = serde_json::to_string(tp).unwrap_or_default();
    assert!(json.contains(r#""subject":{"three_public":"overseas"}"#), "{json}");
    assert!(json.contains(r#""value":"0""#), "{json}");
}

// ---- Other wordings ----------------------------------------------------------------------

fn only(text: &str) -> Fact {
    let (_, f, notes) = fragment(text);
    assert!(notes.is_empty(), "{notes:#?}");
    assert_eq!(f.len(), 1, "{f:#?}");
    f.into_iter().next().expect("one fact")
}

#[test]
fn other_wordings_three_public_decrease() {
    let f = only("2025年“三公”经费预算 12.5万元，较上年减少 1.2万元，下降 8.8%，主要原因是厉行节约，压减公务接待。");
    assert_eq!(f.subject, Subject::ThreePublic(ThreePublic::Total));
    check(&f, Some("12.5"), None, down("1.2", "8.8"), true);
    assert_eq!(f.change.as_ref().map(|c| c.compared_with.as_str()), Some("较上年"));
    assert!(f.reason.as_ref().is_some_and(|r| r.value == "厉行节约，压减公务接待"));
}

#[test]
fn other_wordings_year_on_year_rate_only() {
    let f = only("一般公共预算拨款收入 1,234.56万元，同比增长 3.2%。");
    assert_eq!(f.subject, Subject::Source(FundSource::GeneralBudget));
    check(&f, Some("1234.56"), None, Some((None, "增长", Some("3.2"), Some("增长"))), false);
    assert_eq!(f.change.as_ref().map(|c| c.compared_with.as_str()), Some("同比"));
}

#[test]
fn other_wordings_share_of_a_named_base_in_yuan() {
    let f = only("基本支出 88,000.00元，占总支出的 35.5%。");
    assert_eq!(f.subject, Subject::Basic(Basic::Total));
    assert_eq!(
        f.amount.as_ref().map(|a| a.value),
        Some(Money::new("88000.00".parse().unwrap_or_default(), AmountUnit::Yuan))
    );
    let share = f.share.as_ref().expect("share");
    assert_eq!(share.rate.value.to_string(), "35.5%");
    assert_eq!(share.of.as_deref(), Some("总支出"));
}

#[test]
fn other_wordings_flat() {
    let f = only("项目支出与上年持平。");
    assert_eq!(f.subject, Subject::Project);
    let c = f.change.as_ref().expect("change");
    assert_eq!((c.direction, c.direction_word.as_str(), c.compared_with.as_str()), (Direction::Flat, "持平", "与上年"));
    assert!(c.amount.is_none() && c.rate.is_none());
}

#[test]
fn other_wordings_yi_yuan_and_compared_with() {
    let f = only("2024年收入预算 2.35亿元，与上年相比减少 0.15亿元，下降 6.00%。");
    assert_eq!(f.subject, Subject::TotalIncome);
    assert_eq!(f.amount.as_ref().map(|a| a.value.unit), Some(AmountUnit::Yi));
    check(&f, Some("2.35"), None, down("0.15", "6.00"), false);
    assert_eq!(f.change.as_ref().map(|c| c.compared_with.as_str()), Some("与上年相比"));
}

#[test]
fn other_wordings_coded_function_item() {
    let f = only("（208类）社会保障和就业支出（05款）行政事业单位养老支出（05项）机关事业单位基本养老保险缴费支出 45.25万元，比2023年预算增加 12.10万元，增幅 36.5%。");
    let Subject::Function(item) = &f.subject else { panic!("{f:#?}") };
    assert_eq!(item.code, Code::parse("2080505"));
    assert_eq!(item.item.as_deref(), Some("机关事业单位基本养老保险缴费支出"));
    check(&f, Some("45.25"), None, Some((Some("12.10"), "增加", Some("36.5"), Some("增幅"))), false);
    assert_eq!(f.change.as_ref().map(|c| c.compared_with.as_str()), Some("比2023年预算"));
}

#[test]
fn other_wordings_rate_without_amount_and_use() {
    let f = only("机关运行经费 120,000元，较上年增长 5%，主要用于办公、水电等日常开支。");
    assert_eq!(f.subject, Subject::AgencyRunningCosts);
    check(&f, Some("120000"), None, Some((None, "增长", Some("5"), Some("增长"))), true);
    assert_eq!(f.reason_kind, Some(ReasonKind::Use));
}

#[test]
fn other_wordings_vehicle_total_and_parts() {
    let (_, f, notes) =
        fragment("因公出国（境）费 0万元，公务用车购置及运行维护费 3.5万元，其中：公务用车购置费 0万元，公务用车运行维护费 3.5万元；公务接待费 0.8万元。");
    assert!(notes.is_empty(), "{notes:#?}");
    let subjects: Vec<&Subject> = f.iter().map(|x| &x.subject).collect();
    use ThreePublic::*;
    let tp = Subject::ThreePublic;
    assert_eq!(subjects, [&tp(Overseas), &tp(Vehicle), &tp(VehiclePurchase), &tp(VehicleOperation), &tp(Reception)]);
    assert_eq!(f[2].parent, Some(1));
    assert_eq!(f[3].parent, Some(1));
    assert_eq!(money(&f[4]).as_deref(), Some("0.8"));
}

#[test]
fn other_wordings_procurement_set_asides() {
    let (_, f, notes) = fragment(
        "政府采购预算总额 300万元，其中：货物类 100万元，工程类 50万元，服务类 150万元。面向中小企业预留 240万元，其中小微企业 200万元。",
    );
    assert!(notes.is_empty(), "{notes:#?}");
    let got: Vec<(Subject, Option<String>, Option<usize>)> =
        f.iter().map(|x| (x.subject.clone(), money(x), x.parent)).collect();
    use Procurement::*;
    let p = Subject::Procurement;
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        got,
        [
            (p(Total), s("300"), None),
            (p(Goods), s("100"), Some(0)),
            (p(Works), s("50"), Some(0)),
            (p(Services), s("150"), Some(0)),
            (p(SmeReserved), s("240"), Some(0)),
            (p(SmallMicroReserved), s("200"), Some(4)),
        ]
    );
}

#[test]
fn other_wordings_absence_after_the_verb() {
    let f = only("本年度未安排政府性基金预算拨款。");
    assert_eq!(f.subject, Subject::Source(FundSource::GovernmentFund));
    assert!(f.absent);
}

#[test]
fn unknown_subject_is_other() {
    let f = only("培训费 3.2万元，比上年减少 0.5万元。");
    assert_eq!(f.subject, Subject::Other("培训费".to_string()));
    check(&f, Some("3.2"), None, Some((Some("0.5"), "减少", None, None)), false);
}

#[test]
fn unattributable_figure_is_a_note() {
    let (_, f, notes) = fragment("增长 5%。");
    assert!(f.is_empty(), "{f:#?}");
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].kind, NoteKind::UnreadLine);
    assert!(notes[0].zh.contains("5%") && notes[0].en.contains("5%"), "{notes:#?}");
    assert_eq!(notes[0].span, Some(Span::on_line(1, 4, 6)));
}

#[test]
fn fragment_without_headings_has_no_section() {
    let f = only("2024年“三公”经费预算数为 4.29万元。");
    assert_eq!(f.section, None);
    assert_eq!(f.scope, Scope::Unspecified);
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    const TOKENS: &[&str] = &[
        "比上年预算",
        "较上年",
        "同比",
        "与上年相比",
        "增加",
        "增长",
        "减少",
        "下降",
        "持平",
        "占",
        "的",
        "%",
        "％",
        "万元",
        "元",
        "亿元",
        "个",
        "，",
        "。",
        "：",
        "；",
        "、",
        "（",
        "）",
        "(",
        ")",
        "其中",
        "包括",
        "主要包括",
        "1、",
        "2．",
        "（一）",
        "十一、",
        "2024年",
        "主要原因是",
        "主要用于",
        "是",
        "未安排",
        "无",
        "没有使用",
        "三公",
        "基本支出",
        "收入预算",
        "财政拨款",
        "非财政拨款",
        "结转结余",
        "（类）",
        "（款）",
        "（项）",
        "（208类）",
        "社会保障和就业支出",
        "政府采购",
        "中小企业",
        "1,050.52",
        "0",
        "8.30",
        "12",
        ".",
        ",",
        " ",
        "\n",
        "说明",
        "情况",
        "第三部分",
        "“",
        "”",
    ];

    proptest! {
        #[test]
        fn read_never_panics_on_any_text(s in "\\PC*") {
            let _ = read(&split_lines(&s));
        }

        #[test]
        fn read_never_panics_on_narrative_like_text(toks in proptest::collection::vec(0..TOKENS.len(), 0..80)) {
            let text: String = toks.iter().filter_map(|&k| TOKENS.get(k).copied()).collect();
            let (sections, facts, _) = read(&split_lines(&text));
            for f in &facts {
                prop_assert!(f.parent.is_none_or(|p| p < facts.len()));
                prop_assert!(f.section.is_none_or(|k| k < sections.len()));
            }
        }
    }
}

#[test]
fn other_wordings_half_width_full_width_and_no_change() {
    let f = only("单位资金 ５０.５万元,占 10%,比上年无增减;主要原因是(境)外合作项目延续。");
    assert_eq!(f.subject, Subject::Source(FundSource::UnitFunds));
    check(&f, Some("50.5"), Some("10"), Some((None, "无增减", None, None)), true);
}

#[test]
fn facts_round_trip_through_json() {
    let (_, f, _) = seed();
    let json = serde_json::to_string(&f).unwrap_or_default();
    let back: Vec<Fact> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, f);
}
