//! Every rule, one per file under its family's folder, and the registry that gives each its
//! stable code (a family letter and a number).

mod arithmetic;
mod completeness;
mod cross;
mod narrative;
mod performance;
mod tables;
mod text;

use crate::rule::Rule;

/// The families' rule lists, in report order.
const FAMILIES: &[&[Rule]] = &[
    tables::RULES,
    cross::RULES,
    narrative::RULES,
    arithmetic::RULES,
    performance::RULES,
    text::RULES,
    completeness::RULES,
];

/// Every rule.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|f| f.iter())
}

/// The rule with this code.
pub fn by_code(code: &str) -> Option<&'static Rule> {
    all().find(|r| r.info.code.eq_ignore_ascii_case(code))
}

/// The rule reference as Markdown, from each rule's doc comment (`docs/rules.md`).
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# yusuan rules\n\nGenerated from the rules' doc comments (`crates/checker/src/rules/`); regenerate with\n`UPDATE_RULES=1 cargo test -p yusuan-checker --test reference`.\n",
    );
    let mut family = None;
    for r in all() {
        if family != Some(r.info.family) {
            family = Some(r.info.family);
            out.push_str(&format!("\n## {} — {}\n", r.info.family.label("en"), r.info.family.label("zh")));
        }
        out.push_str(&format!("\n### {} `{}` ({:?})\n\n", r.info.code, r.info.name, r.info.severity));
        for line in r.info.doc.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<&str> = all().map(|r| r.info.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n, "duplicate rule codes");
        for r in all() {
            assert!(r.info.doc.lines().filter(|l| !l.trim().is_empty()).count() >= 2, "{} needs a doc", r.info.code);
            assert!(r.info.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.info.name);
        }
    }
}
