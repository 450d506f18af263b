use super::common::{amount_fig, check_equal, related, subject_name};
use super::mapping::target;
use crate::blame::{Identity, Term};
use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use rust_decimal::Decimal;

crate::rule! {
    /// Flags an amount the narrative states that differs from the table cell holding the same
    /// money: totals against table 1, each source against its income line, basic and project
    /// spending against table 3 (all funds) or table 5 (general budget), personnel and operating
    /// costs against table 6, function items against the scope's table by code or name, the
    /// 三公 figures against table 10, carry-over against tables 1 and 11; in final accounts, the
    /// actuals against the final tables (totals, sources, basic and project spending, 三公, items
    /// read with their budgets). A source the text says
    /// was not arranged (未安排) must be empty in the tables. Which cell holds which subject is
    /// declared in `rules/narrative/mapping.rs`.
    ///
    /// The narrative is written after the tables, often from an earlier draft; a figure changed
    /// in the tables and not in the text tells readers two different budgets.
    ///
    /// Example: `一般公共预算 715.50万元` against table 1 `1、一般公共预算拨款 715.52`.
    NARRATIVE_AMOUNT_VS_TABLE: code "N001", name "narrative-amount-vs-table", family Narrative, severity Error, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let what =
        Message::new("情况说明与表格不一致：情况说明", "the narrative disagrees with the tables: the narrative's");
    for f in &cx.doc.narrative.facts {
        let Some(t) = target(cx, f) else { continue };
        let rel: Vec<_> = t.cells.iter().chain(&t.minus).map(related).collect();
        let from = Message::new(t.label.zh.clone(), t.label.en.clone());
        match amount_fig(f) {
            Some(stated) => {
                sink.verified(stated.span.into_iter().chain(t.cells.iter().chain(&t.minus).filter_map(|c| c.span)));
                let id = sink.identity(Identity::sum(
                    Term::fig(&stated),
                    t.cells.iter().map(Term::fig).collect(),
                    t.minus.iter().map(Term::fig).collect(),
                ));
                if check_equal(sink, &stated, &t.figure, &what, &from, rel).is_mismatch() {
                    sink.blame_last(id);
                }
            }
            // 未安排 / 无…: the tables must hold nothing.
            None if f.absent && t.figure.lo > Decimal::ZERO => {
                sink.verified(t.cells.iter().chain(&t.minus).filter_map(|c| c.span));
                let shown: Vec<String> = t.cells.iter().map(super::common::shown).collect();
                let name = subject_name(f);
                let mut finding = sink.finding(
                    f.span,
                    Message::new(
                        format!(
                            "情况说明与表格不一致：情况说明称未安排{}，但{}为 {}",
                            name.zh,
                            from.zh,
                            shown.join("＋")
                        ),
                        format!(
                            "{}: the narrative says there is no {}, but {} is {}",
                            what.en,
                            name.en,
                            from.en,
                            shown.join(" + ")
                        ),
                    ),
                );
                finding.related = rel;
                finding.expected = Some(shown.join("+"));
                finding.actual = Some("未安排".into());
                sink.push(finding);
            }
            None => {}
        }
    }
}
