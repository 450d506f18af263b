use crate::blame::{Identity, Term};
use crate::compare::{compare, printed_like, Verdict};
use crate::context::{Context, Fig};
use crate::finding::{Message, Related};
use crate::rule::Sink;
use yusuan_model::identities::{all_identities, Relation};
use yusuan_model::money::Interval;

crate::rule! {
    /// Flags a figure that disagrees with the same money in another table, by the identities
    /// declared between table kinds: table 2's totals by source against table 1's income lines,
    /// table 3 against tables 1 and 2, table 4 against tables 5, 8 and 9, table 5's basic and
    /// project spending against tables 6 and 7, table 11 against table 1's carry-over lines, the
    /// 三公 table within what each source spends.
    ///
    /// A disclosure states the same money in several tables; they are typed separately, and a
    /// figure corrected in one is often left uncorrected in another.
    ///
    /// Example: table 5 `基本支出 448.52` against table 6 `总计 448.25`.
    CROSS_TABLE_IDENTITY: code "X001", name "cross-table-identity", family CrossTable, severity Error, check check
}

fn sum(figs: &[Fig]) -> Interval {
    figs.iter().fold(Interval::ZERO, |acc, f| acc + f.interval)
}

fn check(cx: &Context, sink: &mut Sink) {
    for id in all_identities() {
        let Some(left) = cx.cell_ref(&id.left) else { continue };
        let Some(right) = id.right.iter().map(|c| cx.cell_ref(c)).collect::<Option<Vec<_>>>() else { continue };
        let Some(minus) = id.minus.iter().map(|c| cx.cell_ref(c)).collect::<Option<Vec<_>>>() else { continue };
        let all = || std::iter::once(&left).chain(&right).chain(&minus);
        if all().all(|f| f.printed.is_none()) {
            continue; // zeros everywhere: nothing stated
        }
        match id.relation {
            Relation::Equal if minus.is_empty() => {
                let what = Message::new("表间数据不一致", "tables disagree");
                sink.sum(&left, &right, &what);
            }
            Relation::Equal => {
                let r = sum(&right) - sum(&minus);
                let id = sink.identity(Identity::sum(
                    Term::fig(&left),
                    right.iter().map(Term::fig).collect(),
                    minus.iter().map(Term::fig).collect(),
                ));
                if report(sink, &left, &right, &minus, compare(&left.interval, &r), r) {
                    sink.blame_last(id);
                }
            }
            // An upper bound restores by any value below it: no one value to suggest, so it is
            // not recorded as evidence.
            Relation::AtMost => {
                let r = sum(&right) - sum(&minus);
                sink.verified(all().filter_map(|f| f.span));
                if left.interval.lo > r.hi {
                    report(sink, &left, &right, &minus, compare(&left.interval, &r), r);
                }
            }
        }
    }
}

/// Reports a mismatch; true when it did.
fn report(sink: &mut Sink, left: &Fig, right: &[Fig], minus: &[Fig], verdict: Verdict, computed: Interval) -> bool {
    sink.verified(std::iter::once(left).chain(right).chain(minus).filter_map(|f| f.span));
    if !verdict.is_mismatch() {
        return false;
    }
    let names = |figs: &[Fig], lang: &str| figs.iter().map(|f| f.label.get(lang).to_string()).collect::<Vec<_>>();
    let zh = format!(
        "{}超过了{}减去{}所能容纳的金额",
        left.label.zh,
        names(right, "zh").join("、"),
        names(minus, "zh").join("、")
    );
    let en = format!(
        "{} exceeds what {} less {} leaves",
        left.label.en,
        names(right, "en").join(", "),
        names(minus, "en").join(", ")
    );
    let mut f = sink.finding(left.span.unwrap_or(left.anchor), Message::new(zh, en));
    f.related = right
        .iter()
        .chain(minus)
        .map(|x| Related { span: x.span.unwrap_or(x.anchor), label: x.label.clone() })
        .collect();
    f.expected = left.printed.map(|m| printed_like(crate::compare::midpoint(&computed), &m));
    f.actual = left.printed.map(|m| m.value.to_string());
    sink.push(f);
    true
}
