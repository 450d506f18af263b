use crate::context::Context;
use crate::finding::{Message, Severity};
use crate::names::{named_codes, same_name};
use crate::rule::Sink;
use yusuan_model::catalog::{fold_name, Lookup};

crate::rule! {
    /// Flags a classification code whose printed name is not the catalog's name for it (a
    /// warning), and, when a complete official catalog is loaded, a code the catalog does not
    /// have (an error). A code a partial catalog lacks is unknown, and says nothing.
    ///
    /// Codes and names must follow 政府收支分类科目; a wrong name usually means a code typed for
    /// a neighbouring item, and then the money is classified wrongly. Names are compared without
    /// spaces and bracket widths, with or without a trailing 支出, and the old and new names of a
    /// renamed 款 (`catalog/SOURCES.md`) are both accepted.
    ///
    /// Example: `208 05 05 机关事业单位职业年金缴费支出` (the catalog's 2080505 is
    /// 机关事业单位基本养老保险缴费支出).
    CODE_NAME_OFF_CATALOG: code "C006", name "code-name-off-catalog", family Completeness, severity Warning, check check
}

/// A place whose codes of one scheme disagree with the catalog this often (at least
/// [`EDITION_MIN`] codes and a third of those the catalog knows) follows another edition of the
/// classification (a province's own economic classification, Shanghai's 302 02 咨询费 for the
/// national 印刷费): one note, not a warning per code, since no single name is then known wrong.
const EDITION_MIN: usize = 3;

/// Which classification a code belongs to: functional (2…) or economic (3…, 5…).
fn economic(code: &yusuan_model::catalog::Code) -> bool {
    code.as_str().starts_with(['3', '5'])
}

fn check(cx: &Context, sink: &mut Sink) {
    let mut done: Vec<(String, String)> = Vec::new();
    let named: Vec<_> =
        named_codes(cx.doc).into_iter().filter(|n| done_once(&mut done, n.code.as_str(), &n.name)).collect();
    let off = |n: &crate::names::Named| match cx.catalog.get(&n.code) {
        Lookup::Known(e) => (!same_name(&n.code, &e.name, &n.name)).then(|| e.name.clone()),
        _ => None,
    };
    // Places (and schemes) that follow another edition: reported once.
    let mut editions: Vec<(String, bool)> = Vec::new();
    for n in &named {
        let key = (n.place.clone(), economic(&n.code));
        if editions.contains(&key) {
            continue;
        }
        let same_place: Vec<_> = named.iter().filter(|m| (m.place.clone(), economic(&m.code)) == key).collect();
        let known = same_place.iter().filter(|m| matches!(cx.catalog.get(&m.code), Lookup::Known(_))).count();
        let differ: Vec<_> = same_place.iter().filter_map(|m| off(m).map(|c| (*m, c))).collect();
        if differ.len() >= EDITION_MIN && differ.len() * 3 >= known {
            editions.push(key);
            let examples: Vec<String> =
                differ.iter().take(3).map(|(m, c)| format!("{} {}／{}", m.code.spaced(), m.name.trim(), c)).collect();
            let mut f = sink.finding(
                differ[0].0.span,
                Message::new(
                    format!(
                        "{}有 {} 个科目编码的名称与内置分类科目不同（如 {}），应是另一版本（如地方）的分类科目，未逐条报告；可用 --catalog 载入该版本",
                        n.place,
                        differ.len(),
                        examples.join("、")
                    ),
                    format!(
                        "{}: {} codes are named otherwise than in the built-in catalog (e.g. {}): another edition (a province's?) of the classification, not reported one by one; load it with --catalog",
                        n.place,
                        differ.len(),
                        examples.join(", ")
                    ),
                ),
            );
            f.severity = Severity::Info;
            sink.push(f);
        }
    }
    for n in named {
        if editions.contains(&(n.place.clone(), economic(&n.code))) {
            continue;
        }
        match cx.catalog.get(&n.code) {
            Lookup::Known(e) if !same_name(&n.code, &e.name, &n.name) => sink.report(
                n.span,
                Message::new(
                    format!(
                        "{}科目编码 {} 印作“{}”，分类科目中该编码为“{}”",
                        n.place,
                        n.code.spaced(),
                        n.name.trim(),
                        e.name
                    ),
                    format!(
                        "{}: code {} is printed as '{}', the catalog names it '{}'",
                        n.place,
                        n.code.spaced(),
                        n.name.trim(),
                        e.name
                    ),
                ),
            ),
            Lookup::NotInCatalog => {
                let mut f = sink.finding(
                    n.span,
                    Message::new(
                        format!(
                            "{}科目编码 {}（{}）不在分类科目（{}）中",
                            n.place,
                            n.code.spaced(),
                            n.name.trim(),
                            cx.catalog.source
                        ),
                        format!(
                            "{}: code {} ({}) is not in the catalog ({})",
                            n.place,
                            n.code.spaced(),
                            n.name.trim(),
                            cx.catalog.source
                        ),
                    ),
                );
                f.severity = Severity::Error;
                sink.push(f);
            }
            _ => {}
        }
    }
}

/// Whether this code and name are seen for the first time.
fn done_once(done: &mut Vec<(String, String)>, code: &str, name: &str) -> bool {
    let key = (code.to_string(), fold_name(name));
    if done.contains(&key) {
        return false;
    }
    done.push(key);
    true
}

#[cfg(test)]
mod tests {
    use crate::{check, Config};
    use yusuan_model::catalog::{Catalog, Code};
    use yusuan_model::table::DocumentKind;
    use yusuan_model::Disclosure;

    #[test]
    fn a_complete_catalog_makes_an_unknown_code_an_error() {
        let mut d = Disclosure::new(DocumentKind::Budget);
        let item = yusuan_model::narrative::FunctionItem {
            class: "社会保障和就业支出".into(),
            section: None,
            item: None,
            code: Code::parse("2089999"),
        };
        let subject = yusuan_model::narrative::Subject::Function(item);
        let span = yusuan_model::span::Span::on_line(1, 1, 5);
        d.narrative.facts.push(yusuan_model::narrative::Fact::new(
            subject,
            yusuan_model::narrative::Scope::Unspecified,
            "社会保障和就业支出",
            span,
        ));
        let mut complete = Catalog::new("official.csv", true);
        complete.insert(Code::parse("208").unwrap(), "社会保障和就业支出");
        let report = check(&d, &Config::default(), &complete);
        let f: Vec<_> = report.of_rule("C006").collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, crate::Severity::Error);
        // The shipped partial catalog knows nothing of 2089999: silence.
        let report = check(&d, &Config::default(), Catalog::shared_builtin());
        assert_eq!(report.of_rule("C006").count(), 0);
    }
}
