//! The classification codes a document names, and when two names of one code are the same name.

use yusuan_model::catalog::{fold_name, Code};
use yusuan_model::narrative::Subject;
use yusuan_model::span::Span;
use yusuan_model::Disclosure;

/// A code with the name printed beside it, and where.
#[derive(Clone, Debug)]
pub struct Named {
    pub code: Code,
    pub name: String,
    pub span: Span,
    /// Where it was read: a table's title, or 情况说明.
    pub place: String,
}

/// Every code the document prints with a name: table rows, and the narrative's 类/款/项 when their
/// code is written or resolved (a 项's code also names its 款 and 类).
pub fn named_codes(doc: &Disclosure) -> Vec<Named> {
    let mut out = Vec::new();
    for t in &doc.tables {
        let place = t.number.map(|n| format!("表{n}")).unwrap_or_else(|| t.title.value.clone());
        for r in &t.rows {
            let Some(code) = &r.code else { continue };
            if r.name.value.trim().is_empty() {
                continue;
            }
            out.push(Named { code: code.clone(), name: r.name.value.clone(), span: r.name.span, place: place.clone() });
        }
    }
    for f in &doc.narrative.facts {
        let Subject::Function(item) = &f.subject else { continue };
        let Some(code) = &item.code else { continue };
        let levels = [Some(&item.class), item.section.as_ref(), item.item.as_ref()];
        // The deepest level named carries `code`; the ones above carry its parents.
        let named: Vec<&String> = levels.iter().flatten().copied().collect();
        let mut c = Some(code.clone());
        for name in named.iter().rev() {
            let Some(cur) = c else { break };
            if !name.trim().is_empty() {
                out.push(Named {
                    code: cur.clone(), name: (*name).clone(), span: f.span, place: "情况说明".into()
                });
            }
            c = cur.parent();
        }
    }
    out
}

/// Whether two names of `code` are the same name: equal after folding spaces and bracket widths,
/// equal but for a trailing 支出 (项 names are printed with and without it), or two editions'
/// names of a renamed code.
pub fn same_name(code: &Code, a: &str, b: &str) -> bool {
    let (a, b) = (fold_name(a), fold_name(b));
    let bare = |s: &str| s.strip_suffix("支出").map(str::to_string).unwrap_or_else(|| s.to_string());
    if a == b || bare(&a) == bare(&b) {
        return true;
    }
    // Two editions' names (`catalog/former_names.csv`).
    yusuan_model::catalog::names_of_one_code(code, &a, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_one() {
        let c = Code::parse("2080505").unwrap();
        assert!(same_name(&c, "机关事业单位基本养老保险缴费支出", "机关事业单位基本养老保险缴费"));
        assert!(same_name(&c, "公务员医疗补助（项）", "公务员医疗补助(项)"));
        assert!(!same_name(&c, "行政运行", "一般行政管理事务"));
        let k = Code::parse("20805").unwrap();
        assert!(same_name(&k, "行政事业单位离退休", "行政事业单位养老支出"));
        assert!(!same_name(&Code::parse("20801").unwrap(), "行政事业单位离退休", "行政事业单位养老支出"));
        let health = Code::parse("210").unwrap();
        assert!(same_name(&health, "医疗卫生与计划生育支出", "卫生健康支出"));
    }
}
