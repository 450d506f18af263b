//! How a rule is declared, and what it reports through.

use crate::blame::{Identity, Term};
use crate::compare::{compare, printed_like, Verdict};
use crate::context::{Context, Fig};
use crate::finding::{Finding, Message, Related, Severity};
use std::collections::HashSet;
use yusuan_model::span::Span;

/// The families of rules, by what they compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// T: identities inside one table.
    Tables,
    /// X: identities between tables.
    CrossTable,
    /// N: the narrative's figures against the tables and against each other.
    Narrative,
    /// A: arithmetic written in the text (expressions, allocations, counts and their parts).
    Arithmetic,
    /// P: performance-target tables.
    Performance,
    /// W: what an inspector finds by reading (wording, template slots, years).
    Text,
    /// C: what a disclosure must contain.
    Completeness,
}

impl Family {
    pub fn label(self, lang: &str) -> &'static str {
        match (self, lang == "en") {
            (Family::Tables, false) => "表内勾稽",
            (Family::Tables, true) => "Tables",
            (Family::CrossTable, false) => "表间勾稽",
            (Family::CrossTable, true) => "Cross-table",
            (Family::Narrative, false) => "情况说明",
            (Family::Narrative, true) => "Narrative",
            (Family::Arithmetic, false) => "文字算式",
            (Family::Arithmetic, true) => "Free-text arithmetic",
            (Family::Performance, false) => "绩效目标",
            (Family::Performance, true) => "Performance targets",
            (Family::Text, false) => "文字表述",
            (Family::Text, true) => "Text",
            (Family::Completeness, false) => "完整性",
            (Family::Completeness, true) => "Completeness",
        }
    }
}

/// What a rule is: its stable code, its name, its default severity, its documentation.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    /// kebab-case name saying what it flags.
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    /// The rule's doc comment: what it flags, why it matters, an example.
    pub doc: &'static str,
}

/// A rule: its description and its check.
#[derive(Clone, Copy)]
pub struct Rule {
    pub info: RuleInfo,
    pub check: fn(&Context, &mut Sink),
}

/// Declares a rule from its doc comment and attributes:
///
/// ```ignore
/// rule! {
///     /// What it flags. Why it matters. An example.
///     TABLE_ROW_SUM: code "T001", name "table-row-sum", family Tables, severity Error, check check
/// }
/// ```
#[macro_export]
macro_rules! rule {
    ($(#[doc = $doc:literal])* $id:ident : code $code:literal, name $name:literal, family $family:ident, severity $sev:ident, check $check:path) => {
        $(#[doc = $doc])*
        pub const $id: $crate::rule::Rule = $crate::rule::Rule {
            info: $crate::rule::RuleInfo {
                code: $code,
                name: $name,
                family: $crate::rule::Family::$family,
                severity: $crate::finding::Severity::$sev,
                doc: concat!($($doc, "\n"),*),
            },
            check: $check,
        };
    };
}

/// Where a rule reports: findings under its code, and the figures it verified.
pub struct Sink<'a> {
    pub(crate) rule: RuleInfo,
    pub(crate) findings: &'a mut Vec<Finding>,
    pub(crate) verified: &'a mut HashSet<Span>,
    pub(crate) ledger: &'a mut crate::blame::Ledger,
}

impl Sink<'_> {
    /// A finding of this rule at its default severity.
    pub fn finding(&self, span: Span, message: Message) -> Finding {
        Finding {
            rule: self.rule.code,
            severity: self.rule.severity,
            message,
            span,
            related: Vec::new(),
            expected: None,
            actual: None,
            suggestion: None,
        }
    }

    /// Records an identity the rule evaluated, holding or not: the evidence suggestions weigh.
    pub fn identity(&mut self, identity: crate::blame::Identity) -> usize {
        self.ledger.record(identity)
    }

    /// Says the finding this rule pushed last is about identity `id`, so that, when it is an
    /// error, it gets the suggestion the identities single out.
    pub fn blame_last(&mut self, id: usize) {
        let Some(last) = self.findings.len().checked_sub(1) else { return };
        if self.findings.get(last).is_some_and(|f| f.rule == self.rule.code)
            && !self.ledger.blamed.iter().any(|(f, _)| *f == last)
        {
            self.ledger.blamed.push((last, id));
        }
    }

    pub fn push(&mut self, finding: Finding) {
        self.findings.push(finding);
    }

    /// Reports at the rule's default severity.
    pub fn report(&mut self, span: Span, message: Message) {
        let f = self.finding(span, message);
        self.push(f);
    }

    /// Marks figures as having taken part in an evaluated identity.
    pub fn verified(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.verified.extend(spans);
    }

    /// Evaluates `stated = Σ parts` and reports a mismatch (at the rule's severity) or a rounding
    /// difference (info). `what` names the identity for the message. Returns the verdict.
    pub fn sum(&mut self, stated: &Fig, parts: &[Fig], what: &Message) -> Verdict {
        let computed = parts.iter().fold(yusuan_model::money::Interval::ZERO, |acc, p| acc + p.interval);
        let verdict = compare(&stated.interval, &computed);
        self.verified(std::iter::once(stated).chain(parts).filter_map(|f| f.span));
        let id = self.identity(Identity::sum(Term::fig(stated), parts.iter().map(Term::fig).collect(), Vec::new()));
        if verdict == Verdict::Exact {
            return verdict; // the common case: nothing to say, so nothing to format
        }
        let shown = |f: &Fig| f.printed.map(|m| m.value.to_string()).unwrap_or_else(|| "0".into());
        // Empty cells are zeros: they take part in the sum but say nothing in the message.
        let stated_parts: Vec<&Fig> = parts.iter().filter(|p| p.printed.is_some()).collect();
        let join = |lang: &str, sep: &str| {
            let items: Vec<String> =
                stated_parts.iter().map(|p| format!("{}{sep}{}", p.label.get(lang), shown(p))).collect();
            if items.is_empty() {
                "0".to_string()
            } else {
                items.join(" + ")
            }
        };
        let (parts_zh, parts_en) = (join("zh", ""), join("en", " "));
        let at = stated.span.unwrap_or(stated.anchor);
        let related = stated_parts
            .iter()
            .map(|p| Related { span: p.span.unwrap_or(p.anchor), label: p.label.clone() })
            .collect::<Vec<_>>();
        let expected = stated.printed.map(|m| printed_like(crate::compare::midpoint(&computed), &m));
        match verdict {
            Verdict::Exact => {}
            Verdict::Rounding { .. } => {
                let mut f = self.finding(
                    at,
                    Message::new(
                        format!(
                            "{}：{}{} 与 {} 相差，属四舍五入误差",
                            what.zh,
                            stated.label.zh,
                            shown(stated),
                            parts_zh
                        ),
                        format!(
                            "{}: {} {} differs from {} by rounding only",
                            what.en,
                            stated.label.en,
                            shown(stated),
                            parts_en
                        ),
                    ),
                );
                f.severity = crate::finding::Severity::Info;
                f.related = related;
                f.expected = expected;
                f.actual = Some(shown(stated));
                self.push(f);
            }
            Verdict::Mismatch { .. } => {
                let exp = expected.clone().unwrap_or_default();
                let mut f = self.finding(
                    at,
                    Message::new(
                        format!("{}：{}为 {}，但 {} = {}", what.zh, stated.label.zh, shown(stated), parts_zh, exp),
                        format!("{}: {} is {}, but {} = {}", what.en, stated.label.en, shown(stated), parts_en, exp),
                    ),
                );
                f.related = related;
                f.expected = expected;
                f.actual = Some(shown(stated));
                self.push(f);
                self.blame_last(id);
            }
        }
        verdict
    }
}
