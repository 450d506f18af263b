use crate::context::Context;
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::narrative::{FundSource, Subject, ThreePublic};
use yusuan_model::registry::{fold_title, schema};

crate::rule! {
    /// Flags a published table with no figures in it that nobody says is empty: neither the
    /// table (`…为空表`) nor 情况说明 (`政府性基金预算支出情况表为空表`, or `无政府性基金预算拨款`).
    ///
    /// An empty table is published *and explained*; without the statement a reader cannot tell a
    /// department that has no such money from figures lost in typesetting.
    ///
    /// Example: `表 8 政府性基金预算支出情况表` with its headers and no rows, and no sentence on it.
    EMPTY_TABLE_UNEXPLAINED: code "C002", name "empty-table-unexplained", family Completeness, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let paras = cx.paragraphs();
    for table in &cx.doc.tables {
        if table.is_empty_table() || table.rows.iter().any(|r| !r.values.is_empty()) {
            continue;
        }
        let mut titles = vec![fold_title(&table.title.value)];
        if let Some(s) = schema(&table.kind) {
            titles.extend(std::iter::once(s.title).chain(s.aliases.iter().copied()).map(fold_title));
        }
        let said = paras.iter().any(|p| {
            let f = fold_title(&p.text);
            f.contains("空表") && titles.iter().any(|t| !t.is_empty() && f.contains(t.as_str()))
        });
        // 情况说明 saying the money does not exist explains the table too.
        let none_of = |s: &Subject| cx.doc.narrative.facts.iter().any(|f| f.absent && &f.subject == s);
        let absent = match table.kind.as_str() {
            "government_fund_expenditure" => none_of(&Subject::Source(FundSource::GovernmentFund)),
            "state_capital_expenditure" => none_of(&Subject::Source(FundSource::StateCapital)),
            "three_public" => none_of(&Subject::ThreePublic(ThreePublic::Total)),
            _ => false,
        };
        if said || absent {
            continue;
        }
        sink.report(
            table.title.span,
            Message::new(
                format!("“{}”没有数据，但表内和情况说明均未说明其为空表", table.title.value),
                format!("'{}' has no figures and neither it nor the narrative says it is empty", table.title.value),
            ),
        );
    }
}
