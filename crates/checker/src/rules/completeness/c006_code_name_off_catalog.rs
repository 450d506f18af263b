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

fn check(cx: &Context, sink: &mut Sink) {
    let mut done: Vec<(String, String)> = Vec::new();
    for n in named_codes(cx.doc) {
        let key = (n.code.as_str().to_string(), fold_name(&n.name));
        if done.contains(&key) {
            continue;
        }
        done.push(key);
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
