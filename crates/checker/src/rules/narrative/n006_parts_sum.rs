use super::common::{amount_fig, check_equal, money, money_like, related, subject_name};
use super::mapping::key;
use super::parts::{children, split, PARTITIONS};
use crate::blame::{Identity, Term};
use crate::compare::midpoint;
use crate::context::{Context, Fig};
use crate::finding::Message;
use crate::rule::Sink;
use yusuan_model::money::Interval;
use yusuan_model::narrative::{Fact, Subject};

crate::rule! {
    /// Flags a total the narrative states that is not the sum of the parts it lists (其中 /
    /// 包括): basic + project, personnel + operating, the 三公 parts, fiscal + non-fiscal
    /// carry-over, the sources of income, goods + works + services. When the list leaves a
    /// part out that the tables do not show to be nothing, it may be partial: then the parts
    /// must not exceed the total. Any single part larger than its total is flagged too.
    ///
    /// A figure changed in one sentence and not in the next leaves the paragraph contradicting
    /// itself.
    ///
    /// Example: `“三公”经费预算数为 4.29万元，其中：因公出国（境）费 0万元，公务用车运行费 4.20万元，
    /// 公务接待费 0.19万元` — the parts sum to 4.39万元.
    NARRATIVE_PARTS_SUM: code "N006", name "narrative-parts-sum", family Narrative, severity Error, check check
}

fn part_fig(f: &Fact) -> Option<Fig> {
    amount_fig(f).or_else(|| f.absent.then(|| Fig::zero(f.span, subject_name(f))))
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    for (i, whole) in facts.iter().enumerate() {
        let Some(total) = amount_fig(whole) else { continue };
        let Some(total_money) = whole.amount.as_ref().map(|a| a.value) else { continue };
        let mut grouped: Vec<usize> = Vec::new();
        if let Some(s) = split(cx, facts, i) {
            grouped.extend(s.parts.iter().map(|(j, _)| *j));
            let parts: Vec<Fig> = s.parts.iter().filter_map(|(_, f)| part_fig(f)).collect();
            if parts.len() == s.parts.len() {
                let sum = parts.iter().fold(Interval::ZERO, |acc, p| acc + p.interval);
                let names = |lang: &str| {
                    parts
                        .iter()
                        .map(|p| {
                            format!(
                                "{}{}",
                                p.label.get(lang),
                                p.printed.as_ref().map(money).unwrap_or_else(|| "0".into())
                            )
                        })
                        .collect::<Vec<_>>()
                };
                sink.verified(total.span.into_iter().chain(parts.iter().filter_map(|p| p.span)));
                let rel = parts.iter().map(related).collect();
                if s.complete {
                    let what = Message::new("总额与其构成之和不符：", "a total against the sum of its parts: ");
                    let from = Message::new(
                        format!("其构成 {} 合计", names("zh").join("＋")),
                        format!("its parts {} sum to", names("en").join(" + ")),
                    );
                    let id = sink.identity(Identity::sum(
                        Term::fig(&total),
                        parts.iter().map(Term::fig).collect(),
                        Vec::new(),
                    ));
                    if check_equal(sink, &total, &sum, &what, &from, rel).is_mismatch() {
                        sink.blame_last(id);
                    }
                } else if sum.lo > total.interval.hi {
                    let mut f = sink.finding(
                        total.span.unwrap_or(total.anchor),
                        Message::new(
                            format!(
                                "构成之和超过总额：{}为 {}，其中 {} 合计 {}",
                                total.label.zh,
                                money(&total_money),
                                names("zh").join("＋"),
                                money_like(midpoint(&sum), &total_money)
                            ),
                            format!(
                                "the parts exceed the total: {} is {}, but {} sum to {}",
                                total.label.en,
                                money(&total_money),
                                names("en").join(" + "),
                                money_like(midpoint(&sum), &total_money)
                            ),
                        ),
                    );
                    f.related = rel;
                    f.expected = Some(money_like(midpoint(&sum), &total_money));
                    f.actual = Some(money(&total_money));
                    sink.push(f);
                }
            }
        }
        // Parts outside any partition (items, 其中 lines): none larger than the whole, and
        // items listed together no more than it.
        // A member of the same partition as the whole is its sibling, not its part, whatever
        // the text's 其中 scope says (`2、公务用车…0.00万元。其中：… 3、公务接待费 0.39万元`).
        let sibling = |f: &Fact| {
            let (Some(w), Some(k)) = (key(&whole.subject), key(&f.subject)) else { return false };
            PARTITIONS.iter().any(|(_, members)| members.contains(&w) && members.contains(&k))
        };
        let rest: Vec<(usize, &Fact)> =
            children(facts, i).into_iter().filter(|(j, f)| !grouped.contains(j) && !sibling(f)).collect();
        let items: Vec<Fig> = rest
            .iter()
            .filter(|(_, f)| matches!(f.subject, Subject::CarryOverItem(_) | Subject::Function(_)))
            .filter_map(|(_, f)| amount_fig(f))
            .collect();
        let mut over: Vec<(Fig, Interval)> = rest
            .iter()
            .filter(|(_, f)| key(&f.subject).is_some())
            .filter_map(|(_, f)| amount_fig(f))
            .map(|p| {
                let iv = p.interval;
                (p, iv)
            })
            .collect();
        if items.len() > 1 {
            let sum = items.iter().fold(Interval::ZERO, |acc, p| acc + p.interval);
            let mut label = Message::new(
                items.iter().map(|p| p.label.zh.clone()).collect::<Vec<_>>().join("＋"),
                items.iter().map(|p| p.label.en.clone()).collect::<Vec<_>>().join(" + "),
            );
            label.zh = format!("{}合计", label.zh);
            let first = items.first().and_then(|p| p.span).unwrap_or(whole.span);
            over.push((Fig { interval: sum, printed: None, span: Some(first), anchor: first, label }, sum));
        } else {
            over.extend(items.into_iter().map(|p| {
                let iv = p.interval;
                (p, iv)
            }));
        }
        for (part, sum) in over {
            sink.verified(total.span.into_iter().chain(part.span));
            if sum.lo > total.interval.hi {
                let shown = money_like(midpoint(&sum), &total_money);
                let mut f = sink.finding(
                    part.span.unwrap_or(part.anchor),
                    Message::new(
                        format!(
                            "其中项超过总额：{}为 {}，大于{} {}",
                            part.label.zh,
                            shown,
                            total.label.zh,
                            money(&total_money)
                        ),
                        format!(
                            "a part exceeds its total: {} is {}, more than {} {}",
                            part.label.en,
                            shown,
                            total.label.en,
                            money(&total_money)
                        ),
                    ),
                );
                f.related = vec![related(&total)];
                f.expected = Some(format!("≤ {}", money(&total_money)));
                f.actual = Some(shown);
                sink.push(f);
            }
        }
    }
}
