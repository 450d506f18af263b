//! The subject lexicon: which words name which [`Subject`], what a heading says a section is
//! about, and functional-classification items named in the text.

use yusuan_model::catalog::{fold_name, Catalog, Code, Level, Lookup};
use yusuan_model::narrative::{
    Basic, CarryOver, FunctionItem, FundSource, PerformanceScope, Procurement, Scope, Subject, ThreePublic, Topic,
};

/// A lexicon entry: the words, what they name, a priority (a qualifier such as 财政拨款 or
/// 一般公共预算 loses to a specific subject written after it: `机关运行经费财政拨款预算`), and
/// the scope the words themselves imply.
struct Entry {
    words: &'static str,
    subject: Subject,
    priority: u8,
    scope: Option<Scope>,
}

const fn e(words: &'static str, subject: Subject, priority: u8) -> Entry {
    Entry { words, subject, priority, scope: None }
}

const fn es(words: &'static str, subject: Subject, priority: u8, scope: Scope) -> Entry {
    Entry { words, subject, priority, scope: Some(scope) }
}

use FundSource as F;
use Subject as S;

static LEXICON: &[Entry] = &[
    e("收支总预算", S::TotalBudget, 1),
    e("收支预算总额", S::TotalBudget, 1),
    e("收支总计", S::TotalBudget, 1),
    e("收入支出总计", S::TotalBudget, 1),
    e("收入预算", S::TotalIncome, 1),
    e("收入总预算", S::TotalIncome, 1),
    e("收入总计", S::TotalIncome, 1),
    e("收入合计", S::TotalIncome, 1),
    e("总收入", S::TotalIncome, 1),
    e("部门收入", S::TotalIncome, 1),
    e("支出预算", S::TotalExpenditure, 1),
    e("支出总预算", S::TotalExpenditure, 1),
    e("支出总计", S::TotalExpenditure, 1),
    e("支出合计", S::TotalExpenditure, 1),
    e("总支出", S::TotalExpenditure, 1),
    e("部门支出", S::TotalExpenditure, 1),
    es("一般公共预算支出", S::TotalExpenditure, 1, Scope::GeneralBudget),
    // Priority 0: a specific subject before it wins (`“三公”经费财政拨款支出`).
    es("财政拨款支出", S::TotalExpenditure, 0, Scope::FiscalAppropriation),
    es("一般公共预算财政拨款支出", S::TotalExpenditure, 0, Scope::GeneralBudget),
    e("一般公共预算", S::Source(F::GeneralBudget), 0),
    e("一般公共预算拨款", S::Source(F::GeneralBudget), 0),
    e("一般公共预算收入", S::Source(F::GeneralBudget), 0),
    e("一般公共预算拨款收入", S::Source(F::GeneralBudget), 0),
    e("一般公共预算财政拨款", S::Source(F::GeneralBudget), 0),
    es("一般公共预算当年拨款", S::Source(F::GeneralBudget), 0, Scope::GeneralBudgetCurrentYear),
    e("转移支付", S::Source(F::GeneralTransfer), 1),
    e("一般公共预算安排的转移支付", S::Source(F::GeneralTransfer), 1),
    e("政府性基金安排的转移支付", S::Source(F::GovernmentFundTransfer), 1),
    e("政府性基金预算安排的转移支付", S::Source(F::GovernmentFundTransfer), 1),
    e("国有资本经营预算安排的转移支付", S::Source(F::StateCapitalTransfer), 1),
    e("政府性基金", S::Source(F::GovernmentFund), 1),
    e("政府性基金预算", S::Source(F::GovernmentFund), 1),
    e("政府性基金预算拨款", S::Source(F::GovernmentFund), 1),
    e("国有资本经营预算", S::Source(F::StateCapital), 1),
    e("国有资本经营预算拨款", S::Source(F::StateCapital), 1),
    e("财政专户管理资金", S::Source(F::SpecialAccount), 1),
    e("财政专户", S::Source(F::SpecialAccount), 1),
    e("单位资金", S::Source(F::UnitFunds), 1),
    e("财政拨款", S::Source(F::FiscalAppropriation), 0),
    e("财政拨款收入", S::Source(F::FiscalAppropriation), 0),
    e("财政拨款结转", S::CarryOver(CarryOver::Fiscal), 1),
    e("财政拨款结余", S::CarryOver(CarryOver::Fiscal), 1),
    e("财政拨款结转结余", S::CarryOver(CarryOver::Fiscal), 1),
    e("非财政拨款结转", S::CarryOver(CarryOver::NonFiscal), 1),
    e("非财政拨款结余", S::CarryOver(CarryOver::NonFiscal), 1),
    e("非财政拨款结转结余", S::CarryOver(CarryOver::NonFiscal), 1),
    e("结转结余", S::CarryOver(CarryOver::All), 1),
    e("上年结转", S::CarryOver(CarryOver::All), 1),
    e("基本支出", S::Basic(Basic::Total), 1),
    e("人员经费", S::Basic(Basic::Personnel), 1),
    e("人员支出", S::Basic(Basic::Personnel), 1),
    e("公用经费", S::Basic(Basic::Operating), 1),
    e("日常公用经费", S::Basic(Basic::Operating), 1),
    e("项目支出", S::Project, 1),
    e("三公", S::ThreePublic(ThreePublic::Total), 1),
    e("因公出国", S::ThreePublic(ThreePublic::Overseas), 1),
    e("出国（境）", S::ThreePublic(ThreePublic::Overseas), 1),
    e("公务用车购置及运行", S::ThreePublic(ThreePublic::Vehicle), 1),
    e("公务用车购置和运行", S::ThreePublic(ThreePublic::Vehicle), 1),
    e("公务用车购置", S::ThreePublic(ThreePublic::VehiclePurchase), 1),
    e("公务用车运行", S::ThreePublic(ThreePublic::VehicleOperation), 1),
    e("公务接待", S::ThreePublic(ThreePublic::Reception), 1),
    e("机关运行经费", S::AgencyRunningCosts, 1),
    e("运行经费", S::AgencyRunningCosts, 1),
    e("政府采购", S::Procurement(Procurement::Total), 1),
    e("政府采购货物", S::Procurement(Procurement::Goods), 1),
    e("采购货物", S::Procurement(Procurement::Goods), 1),
    e("货物类", S::Procurement(Procurement::Goods), 1),
    e("政府采购工程", S::Procurement(Procurement::Works), 1),
    e("采购工程", S::Procurement(Procurement::Works), 1),
    e("工程类", S::Procurement(Procurement::Works), 1),
    e("政府采购服务", S::Procurement(Procurement::Services), 1),
    e("采购服务", S::Procurement(Procurement::Services), 1),
    e("服务类", S::Procurement(Procurement::Services), 1),
    // A set-aside names 政府采购 after it (`面向中小企业预留政府采购项目预算`): outrank it.
    e("中小企业", S::Procurement(Procurement::SmeReserved), 2),
    e("小微企业", S::Procurement(Procurement::SmallMicroReserved), 2),
    e("整体绩效目标", S::PerformanceTargets(PerformanceScope::Department), 1),
    e("整体预算绩效目标", S::PerformanceTargets(PerformanceScope::Department), 1),
    e("部门整体", S::PerformanceTargets(PerformanceScope::Department), 1),
    e("财政拨款项目", S::PerformanceTargets(PerformanceScope::FiscalProjects), 1),
    e("非财政拨款项目", S::PerformanceTargets(PerformanceScope::NonFiscalProjects), 1),
];

/// The 类 of the functional classification (支出功能分类), which the narrative names without
/// a code (`社会保障和就业支出 654.95万元`). The shipped catalog is partial; these names are
/// stable across editions.
static CLASSES: &[(&str, &str)] = &[
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("224", "灾害防治及应急管理支出"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
];

/// A subject found in a phrase: what, the scope its words imply, and where it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub subject: Subject,
    pub scope: Option<Scope>,
    pub start: usize,
    pub end: usize,
}

/// Reads the subject of a phrase (folded text). Function items with （类）（款）（项） first;
/// then the lexicon entry of highest priority ending latest (a department name or a year goes
/// before the subject), the longest among those; then a functional class by name.
pub fn subject(phrase: &str, topic: Topic, catalog: &Catalog) -> Option<Found> {
    if phrase.is_empty() {
        return None;
    }
    if let Some(item) = function_item(phrase, catalog) {
        return Some(Found { subject: S::Function(item), scope: None, start: 0, end: phrase.len() });
    }
    if topic == Topic::CarryOver {
        return carry_over(phrase);
    }
    let mut best: Option<(u8, usize, usize, &Entry, usize)> = None;
    for entry in LEXICON {
        for (at, _) in phrase.match_indices(entry.words) {
            let end = at + entry.words.len();
            let key = (entry.priority, end, entry.words.len());
            if best.as_ref().is_none_or(|b| key > (b.0, b.1, b.2)) {
                best = Some((key.0, key.1, key.2, entry, at));
            }
        }
    }
    let class = function_class(phrase, catalog);
    match (best, class) {
        // A class name (`社会保障和就业支出`) is more specific than any entry inside it.
        (Some(b), Some(c)) if c.end >= b.1 && c.end - c.start > b.2 => Some(c),
        (Some((_, end, _, entry, start)), _) => {
            Some(Found { subject: entry.subject.clone(), scope: entry.scope, start, end })
        }
        (None, c) => c,
    }
}

/// In a carry-over section 财政拨款 is the fiscal carry-over, and any other named thing is a
/// carry-over item.
fn carry_over(phrase: &str) -> Option<Found> {
    let found = |subject, start, end| Some(Found { subject, scope: None, start, end });
    if let Some(at) = phrase.find("非财政拨款") {
        return found(S::CarryOver(CarryOver::NonFiscal), at, phrase.len());
    }
    if let Some(at) = phrase.find("财政拨款") {
        return found(S::CarryOver(CarryOver::Fiscal), at, phrase.len());
    }
    if let Some(at) = phrase.find("结转结余").or_else(|| phrase.find("上年结转")) {
        return found(S::CarryOver(CarryOver::All), at, phrase.len());
    }
    found(S::CarryOverItem(phrase.to_string()), 0, phrase.len())
}

/// A functional class named bare, as the whole phrase or its end.
fn function_class(phrase: &str, catalog: &Catalog) -> Option<Found> {
    let mut best: Option<Found> = None;
    for (code, name) in CLASSES {
        if let Some(at) = phrase.rfind(name) {
            if best.as_ref().is_none_or(|b| at + name.len() > b.end) {
                let item = FunctionItem { class: name.to_string(), section: None, item: None, code: Code::parse(code) };
                best = Some(Found { subject: S::Function(item), scope: None, start: at, end: at + name.len() });
            }
        }
    }
    if best.is_none() {
        let hits = catalog.find_by_name(phrase);
        if let Some(hit) = hits.iter().find(|h| h.level == Level::Class) {
            let item =
                FunctionItem { class: hit.name.clone(), section: None, item: None, code: Some(hit.code.clone()) };
            best = Some(Found { subject: S::Function(item), scope: None, start: 0, end: phrase.len() });
        }
    }
    best
}

/// A bracketed level marker: `（类）`, `（208类）`, `（05款）`, `（项）`.
struct Marker {
    start: usize,
    end: usize,
    level: Level,
    digits: String,
}

fn markers(phrase: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    for (open, _) in phrase.match_indices('（') {
        let inner_start = open + '（'.len_utf8();
        let Some(close) = phrase[inner_start..].find('）').map(|c| c + inner_start) else { continue };
        let inner = &phrase[inner_start..close];
        let level = match inner.chars().next_back() {
            Some('类') => Level::Class,
            Some('款') => Level::Section,
            Some('项') => Level::Item,
            _ => continue,
        };
        let digits = &inner[..inner.len() - '类'.len_utf8()];
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push(Marker { start: open, end: close + '）'.len_utf8(), level, digits: digits.to_string() });
    }
    out
}

/// `社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）` or with codes
/// (`（208类）…`), names before or after their markers. The code is the one written, else the
/// one the catalog (and the class list) gives for the names.
pub fn function_item(phrase: &str, catalog: &Catalog) -> Option<FunctionItem> {
    let marks = markers(phrase);
    let Some(first) = marks.first() else { return function_path(phrase, catalog) };
    let names_follow = phrase[..first.start].trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
    let mut class = None;
    let mut section = None;
    let mut item = None;
    let mut written = [None, None, None];
    for (k, m) in marks.iter().enumerate() {
        let name = if names_follow {
            let end = marks.get(k + 1).map(|n| n.start).unwrap_or(phrase.len());
            &phrase[m.end..end]
        } else {
            let start = if k == 0 { 0 } else { marks[k - 1].end };
            &phrase[start..m.start]
        };
        // `“社会保障和就业支出（类）…（项）”`: the quotes are not part of the names.
        let name = name.trim_matches(|c: char| c.is_whitespace() || QUOTES.contains(&c)).to_string();
        let slot = match m.level {
            Level::Class => 0,
            Level::Section => 1,
            Level::Item => 2,
        };
        if !m.digits.is_empty() {
            written[slot] = Some(m.digits.clone());
        }
        match slot {
            0 => class = Some(name),
            1 => section = Some(name),
            _ => item = Some(name),
        }
    }
    let class = class?;
    let code = written_code(&written, section.is_some(), item.is_some())
        .or_else(|| resolve(&class, section.as_deref(), item.as_deref(), catalog));
    Some(FunctionItem { class, section, item, code })
}

/// Quotation marks a subject is wrapped in, of every width.
const QUOTES: [char; 6] = ['“', '”', '"', '＂', '「', '」'];

/// Hyphens that join the levels of a path (`一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行`).
const PATH_JOINS: [char; 4] = ['-', '－', '—', '–'];

/// A subject written as a path of names, class first, joined by hyphens, usually quoted and
/// followed by `科目`: `“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目`. Only a
/// path whose first part is a functional class is one (a hyphen elsewhere is just a hyphen).
fn function_path(phrase: &str, catalog: &Catalog) -> Option<FunctionItem> {
    let quotes = |c: char| QUOTES.contains(&c) || c.is_whitespace();
    let body = phrase.trim_matches(quotes);
    let body = body.strip_suffix("科目").unwrap_or(body).trim_matches(quotes);
    let parts: Vec<&str> = body.split(PATH_JOINS).map(|p| p.trim_matches(quotes)).collect();
    if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let class = parts[0];
    let key = fold_name(class);
    let is_class = CLASSES.iter().any(|(_, n)| fold_name(n) == key)
        || catalog.find_by_name(class).iter().any(|h| h.level == Level::Class && fold_name(&h.name) == key);
    if !is_class {
        return None;
    }
    let section = parts.get(1).map(|s| s.to_string());
    let item = parts.get(2).map(|s| s.to_string());
    let code = resolve(class, section.as_deref(), item.as_deref(), catalog);
    Some(FunctionItem { class: class.to_string(), section, item, code })
}

/// The code from written parts: `208`, `05`, `01` or a whole code in the deepest marker.
fn written_code(parts: &[Option<String>; 3], has_section: bool, has_item: bool) -> Option<Code> {
    let deepest = if has_item {
        2
    } else if has_section {
        1
    } else {
        0
    };
    let last = parts[deepest].as_deref()?;
    let whole = [3, 5, 7][deepest];
    if last.len() == whole {
        return Code::parse(last);
    }
    let mut s = String::new();
    for p in parts.iter().take(deepest + 1) {
        s.push_str(p.as_deref()?);
    }
    Code::parse(&s).filter(|c| c.as_str().len() == whole)
}

/// The code of the deepest level named, when every level above it resolves.
fn resolve(class: &str, section: Option<&str>, item: Option<&str>, catalog: &Catalog) -> Option<Code> {
    let key = fold_name(class);
    let class_code =
        CLASSES.iter().find(|(_, n)| fold_name(n) == key).and_then(|(c, _)| Code::parse(c)).or_else(|| {
            catalog.find_by_name(class).into_iter().find(|h| h.level == Level::Class).map(|h| h.code.clone())
        })?;
    let Some(section) = section else { return Some(class_code) };
    let section_code = catalog.find_child_by_name(&class_code, section)?.code.clone();
    let Some(item) = item else { return Some(section_code) };
    let item_code = catalog.find_child_by_name(&section_code, item)?.code.clone();
    matches!(catalog.get(&item_code), Lookup::Known(_)).then_some(item_code)
}

/// What a section heading says its section is about.
pub fn section_kind(title: &str) -> (Scope, Topic) {
    let has = |w: &str| title.contains(w);
    if has("项目名称") {
        (Scope::Unspecified, Topic::Projects)
    } else if has("三公") {
        (Scope::FiscalAppropriation, Topic::ThreePublic)
    } else if has("结转结余") {
        (Scope::AllFunds, Topic::CarryOver)
    } else if has("运行经费") {
        (Scope::FiscalAppropriation, Topic::AgencyRunningCosts)
    } else if has("政府采购") {
        (Scope::Unspecified, Topic::Procurement)
    } else if has("国有资产") {
        (Scope::Unspecified, Topic::StateAssets)
    } else if has("绩效") {
        (Scope::Unspecified, Topic::Performance)
    } else if has("政府性基金") {
        (Scope::GovernmentFund, Topic::GovernmentFund)
    } else if has("国有资本") {
        (Scope::StateCapital, Topic::StateCapital)
    } else if has("当年拨款") {
        (Scope::GeneralBudgetCurrentYear, Topic::CurrentYear)
    } else if has("基本支出") {
        (Scope::GeneralBudget, Topic::BasicExpenditure)
    } else if has("项目支出") {
        (Scope::GeneralBudget, Topic::ProjectExpenditure)
    } else if has("财政拨款") {
        (Scope::FiscalAppropriation, Topic::FiscalOverall)
    } else if has("收入预算") {
        (Scope::AllFunds, Topic::Income)
    } else if has("支出预算") {
        (Scope::AllFunds, Topic::Expenditure)
    } else if has("收支") {
        (Scope::AllFunds, Topic::Overall)
    } else if has("一般公共预算") {
        (Scope::GeneralBudget, Topic::Other)
    } else {
        (Scope::Unspecified, Topic::Other)
    }
}

/// The scope the words around a subject imply (`2024年一般公共预算基本支出`,
/// `机关运行经费财政拨款预算`), from the phrase with the subject's own words cut out.
pub fn qualifier_scope(phrase: &str, found: &Found) -> Option<Scope> {
    if let Some(scope) = found.scope {
        return Some(scope);
    }
    let rest = format!("{}|{}", phrase.get(..found.start)?, phrase.get(found.end..)?);
    scope_words(&rest)
}

/// The money some words name: `一般公共预算`, `财政拨款` (not `非财政拨款`), ….
pub fn scope_words(rest: &str) -> Option<Scope> {
    if rest.contains("一般公共预算当年拨款") {
        Some(Scope::GeneralBudgetCurrentYear)
    } else if rest.contains("一般公共预算") {
        Some(Scope::GeneralBudget)
    } else if rest.contains("财政拨款") && !rest.contains("非财政拨款") {
        Some(Scope::FiscalAppropriation)
    } else if rest.contains("政府性基金") {
        Some(Scope::GovernmentFund)
    } else if rest.contains("国有资本经营") {
        Some(Scope::StateCapital)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subj(p: &str) -> Option<Subject> {
        subject(p, Topic::Other, &Catalog::builtin()).map(|f| f.subject)
    }

    #[test]
    fn picks_the_subject_not_the_qualifier() {
        assert_eq!(subj("某中心2024年一般公共预算基本支出"), Some(S::Basic(Basic::Total)));
        assert_eq!(subj("2024年的机关运行经费财政拨款预算"), Some(S::AgencyRunningCosts));
        assert_eq!(subj("上级一般公共预算安排的转移支付资金"), Some(S::Source(F::GeneralTransfer)));
        assert_eq!(subj("上级政府性基金安排的转移支付资金"), Some(S::Source(F::GovernmentFundTransfer)));
        assert_eq!(subj("非财政拨款结转结余"), Some(S::CarryOver(CarryOver::NonFiscal)));
        assert_eq!(subj("某中心面向中小企业预留政府采购项目预算金额"), Some(S::Procurement(Procurement::SmeReserved)));
        assert_eq!(subj("当年非财政拨款项目"), Some(S::PerformanceTargets(PerformanceScope::NonFiscalProjects)));
        assert_eq!(subj("因公出国（境）费"), Some(S::ThreePublic(ThreePublic::Overseas)));
        assert_eq!(subj("公务用车运行费"), Some(S::ThreePublic(ThreePublic::VehicleOperation)));
        assert!(matches!(subj("卫生健康支出"), Some(S::Function(f)) if f.code == Code::parse("210")));
        assert_eq!(subj("本部门无其他需说明事项"), None);
    }

    #[test]
    fn function_items_with_and_without_codes() {
        let c = Catalog::builtin();
        let f = function_item("社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）", &c)
            .unwrap_or_else(|| panic!("no item"));
        assert_eq!(f.class, "社会保障和就业支出");
        assert_eq!(f.section.as_deref(), Some("行政事业单位养老支出"));
        assert_eq!(f.item.as_deref(), Some("行政单位离退休"));
        assert_eq!(f.code, Code::parse("2080501"));
        let f = function_item("（208类）社会保障和就业支出（05款）行政事业单位养老支出（01项）行政单位离退休", &c)
            .unwrap_or_else(|| panic!("no item"));
        assert_eq!(f.item.as_deref(), Some("行政单位离退休"));
        assert_eq!(f.code, Code::parse("2080501"));
        // Not in the partial catalog: names kept, no code.
        let f = function_item("社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）", &c)
            .unwrap_or_else(|| panic!("no item"));
        assert_eq!(f.code, None);
        assert_eq!(function_item("卫生健康支出（类）", &c).and_then(|f| f.code), Code::parse("210"));
        // A path of names, quoted and followed by 科目.
        let f = function_item("“社会保障和就业支出-行政事业单位养老支出-事业单位离退休”科目", &c).unwrap();
        assert_eq!(f.class, "社会保障和就业支出");
        assert_eq!(f.section.as_deref(), Some("行政事业单位养老支出"));
        assert_eq!(f.item.as_deref(), Some("事业单位离退休"));
        // 2080502 is not in the shipped (partial) catalog: names only, matched to table rows.
        assert_eq!(f.code, None);
        let f =
            function_item("社会保障和就业支出－行政事业单位养老支出－机关事业单位基本养老保险缴费支出", &c).unwrap();
        assert_eq!(f.code, Code::parse("2080505"));
        assert_eq!(
            function_item("社会保障和就业支出-行政事业单位养老支出", &c).and_then(|f| f.code),
            Code::parse("20805")
        );
        // A hyphen that joins no class path.
        assert!(function_item("“社区-街道”项目", &c).is_none());
    }
}
