//! Part 3 情况说明: one line per fact, `[三] 基本支出 448.52万元 占 42.69% 比上年预算增加 116.84万元
//! 增长 35.23%`, a part indented under the fact it is a part of, its reason on the next line.

use super::{heading, none};
use crate::Lang;
use yusuan_model::narrative::{
    Basic, CarryOver, Direction, Fact, FundSource, Narrative, PerformanceScope, Procurement, ReasonKind, Scope, Share,
    Subject, ThreePublic, YoyChange,
};

pub(super) fn render(out: &mut String, n: &Narrative, lang: Lang) {
    heading(out, lang.pick("情况说明", "Narrative"));
    if n.facts.is_empty() {
        none(out, lang);
    }
    for f in &n.facts {
        let indent = "  ".repeat(depth(n, f));
        out.push_str(&format!("{indent}{}\n", fact(n, f, lang)));
        if let Some(reason) = &f.reason {
            let label = match (f.reason_kind, lang) {
                (Some(ReasonKind::Use), Lang::Zh) => "主要用于：",
                (Some(ReasonKind::Use), Lang::En) => "use: ",
                (_, Lang::Zh) => "主要原因：",
                (_, Lang::En) => "reason: ",
            };
            out.push_str(&format!("{indent}    {label}{}\n", reason.value));
        }
    }
}

/// One fact as a line.
fn fact(n: &Narrative, f: &Fact, lang: Lang) -> String {
    let mut parts = vec![format!("[{}]", section(n, f.section)), subject(&f.subject, lang)];
    // The scope is the section's, except where the fact's own words narrow it.
    let section_scope = f.section.and_then(|s| n.sections.get(s)).map(|s| s.scope);
    if section_scope != Some(f.scope) {
        parts.push(format!("〔{}〕", scope(f.scope, lang)));
    }
    if let Some(count) = &f.count {
        parts.push(format!("{}{}", count.value.value, count.value.unit));
    }
    if let Some(amount) = &f.amount {
        parts.push(amount.value.to_string());
    }
    if f.absent {
        parts.push(lang.pick("无", "none").to_string());
    }
    if let Some(share) = &f.share {
        parts.push(share_text(share, lang));
    }
    if let Some(change) = &f.change {
        parts.push(change_text(change, lang));
    }
    if let Some(listing) = &f.listing {
        let names: Vec<&str> = listing.names.iter().map(|s| s.value.as_str()).collect();
        parts.push(match lang {
            Lang::Zh => format!("{}：{}", listing.word, names.join("、")),
            Lang::En => format!("lists ({}): {}", listing.word, names.join("、")),
        });
    }
    parts.join(" ")
}

/// `三`, or `五（一）` for a sub-section; `—` outside any section.
fn section(n: &Narrative, index: Option<usize>) -> String {
    let Some(s) = index.and_then(|i| n.sections.get(i)) else {
        return "—".to_string();
    };
    match s.parent.and_then(|p| n.sections.get(p)) {
        Some(parent) if s.level > 1 => format!("{}（{}）", parent.number, s.number),
        _ => s.number.clone(),
    }
}

/// How many facts up the 其中 chain goes, bounded so a malformed chain cannot loop.
fn depth(n: &Narrative, f: &Fact) -> usize {
    let mut depth = 0;
    let mut parent = f.parent;
    while let Some(p) = parent {
        if depth >= n.facts.len() {
            break;
        }
        depth += 1;
        parent = n.facts.get(p).and_then(|f| f.parent);
    }
    depth
}

fn share_text(s: &Share, lang: Lang) -> String {
    match (lang, &s.of) {
        (Lang::Zh, Some(of)) => format!("占{of} {}", s.rate.value),
        (Lang::Zh, None) => format!("占 {}", s.rate.value),
        (Lang::En, Some(of)) => format!("share {} of {of}", s.rate.value),
        (Lang::En, None) => format!("share {}", s.rate.value),
    }
}

/// Chinese keeps the document's own words (`比上年预算增加 … 增长 …`); English says up, down or
/// flat and quotes what it is compared with.
fn change_text(c: &YoyChange, lang: Lang) -> String {
    let mut s = match lang {
        Lang::Zh => format!("{}{}", c.compared_with, c.direction_word),
        Lang::En => match c.direction {
            Direction::Increase => "up",
            Direction::Decrease => "down",
            Direction::Flat => "flat",
        }
        .to_string(),
    };
    if let Some(amount) = &c.amount {
        s.push_str(&format!(" {}", amount.value));
    }
    if let Some(rate) = &c.rate {
        match (lang, &c.rate_word) {
            (Lang::Zh, Some(word)) => s.push_str(&format!(" {word} {}", rate.value)),
            _ => s.push_str(&format!(" {}", rate.value)),
        }
    }
    if lang == Lang::En && !c.compared_with.is_empty() {
        s.push_str(&format!(" vs {}", c.compared_with));
    }
    s
}

/// What the fact is of, named by the renderer (the subject as the reader understood it, not the
/// phrase as written); names from the document stay as printed.
fn subject(s: &Subject, lang: Lang) -> String {
    let p = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    match s {
        Subject::TotalBudget => p("收支总预算", "total budget"),
        Subject::TotalIncome => p("收入预算", "income"),
        Subject::TotalExpenditure => p("支出预算", "expenditure"),
        Subject::Source(f) => p(source(*f).0, source(*f).1),
        Subject::CarryOver(c) => match c {
            CarryOver::All => p("上年结转结余", "carry-over"),
            CarryOver::Fiscal => p("财政拨款结转结余", "fiscal carry-over"),
            CarryOver::NonFiscal => p("非财政拨款结转结余", "non-fiscal carry-over"),
        },
        Subject::CarryOverItem(name) => format!("{}{name}", lang.pick("结转结余：", "carry-over: ")),
        Subject::Basic(b) => match b {
            Basic::Total => p("基本支出", "basic expenditure"),
            Basic::Personnel => p("人员经费", "personnel costs"),
            Basic::Operating => p("公用经费", "operating costs"),
        },
        Subject::Project => p("项目支出", "project expenditure"),
        Subject::Function(f) => {
            let names: Vec<&str> =
                std::iter::once(f.class.as_str()).chain(f.section.as_deref()).chain(f.item.as_deref()).collect();
            let code = f.code.as_ref().map(|c| format!("（{c}）")).unwrap_or_default();
            format!("{}{code}", names.join("/"))
        }
        Subject::ThreePublic(t) => p(three_public(*t).0, three_public(*t).1),
        Subject::AgencyRunningCosts => p("机关运行经费", "agency running costs"),
        Subject::Procurement(x) => p(procurement(*x).0, procurement(*x).1),
        Subject::PerformanceTargets(x) => match x {
            PerformanceScope::Department => p("部门整体绩效目标", "department-wide performance targets"),
            PerformanceScope::FiscalProjects => p("财政拨款项目绩效目标", "fiscal project performance targets"),
            PerformanceScope::NonFiscalProjects => {
                p("非财政拨款项目绩效目标", "non-fiscal project performance targets")
            }
        },
        Subject::Other(phrase) => phrase.clone(),
    }
}

fn source(f: FundSource) -> (&'static str, &'static str) {
    match f {
        FundSource::GeneralBudget => ("一般公共预算拨款", "general budget"),
        FundSource::GeneralTransfer => ("上级一般公共预算转移支付", "general budget transfers"),
        FundSource::GovernmentFund => ("政府性基金预算拨款", "government funds"),
        FundSource::GovernmentFundTransfer => ("上级政府性基金转移支付", "government fund transfers"),
        FundSource::StateCapital => ("国有资本经营预算拨款", "state capital budget"),
        FundSource::StateCapitalTransfer => ("上级国有资本经营预算转移支付", "state capital transfers"),
        FundSource::SpecialAccount => ("财政专户管理资金", "special account funds"),
        FundSource::UnitFunds => ("单位资金", "unit funds"),
        FundSource::FiscalAppropriation => ("财政拨款", "fiscal appropriation"),
    }
}

fn three_public(t: ThreePublic) -> (&'static str, &'static str) {
    match t {
        ThreePublic::Total => ("“三公”经费", "“three public” expenses"),
        ThreePublic::Overseas => ("因公出国（境）费", "official travel abroad"),
        ThreePublic::Vehicle => ("公务用车购置及运行费", "official vehicles"),
        ThreePublic::VehiclePurchase => ("公务用车购置费", "vehicle purchase"),
        ThreePublic::VehicleOperation => ("公务用车运行费", "vehicle operation"),
        ThreePublic::Reception => ("公务接待费", "official reception"),
    }
}

fn procurement(x: Procurement) -> (&'static str, &'static str) {
    match x {
        Procurement::Total => ("政府采购", "government procurement"),
        Procurement::Goods => ("政府采购货物", "procurement: goods"),
        Procurement::Works => ("政府采购工程", "procurement: works"),
        Procurement::Services => ("政府采购服务", "procurement: services"),
        Procurement::SmeReserved => ("面向中小企业预留", "reserved for SMEs"),
        Procurement::SmallMicroReserved => ("预留小微企业", "reserved for small and micro firms"),
    }
}

fn scope(s: Scope, lang: Lang) -> &'static str {
    match s {
        Scope::AllFunds => lang.pick("全口径", "all funds"),
        Scope::FiscalAppropriation => lang.pick("财政拨款", "fiscal appropriation"),
        Scope::GeneralBudget => lang.pick("一般公共预算", "general budget"),
        Scope::GeneralBudgetCurrentYear => lang.pick("一般公共预算当年拨款", "general budget, this year"),
        Scope::GovernmentFund => lang.pick("政府性基金预算", "government fund budget"),
        Scope::StateCapital => lang.pick("国有资本经营预算", "state capital budget"),
        Scope::Unspecified => lang.pick("未指明", "unspecified"),
    }
}
