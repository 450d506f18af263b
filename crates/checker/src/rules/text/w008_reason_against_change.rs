use crate::compare::rate_interval;
use crate::context::Context;
use crate::finding::{Message, Related};
use crate::rule::Sink;
use crate::wording::{
    direction_at, Way, FALL, FALL_IN_REASONS, NEGATIONS, NOT_MONEY, OTHER_YEAR, RISE, RISE_IN_REASONS,
};
use rust_decimal::Decimal;
use yusuan_model::narrative::{Direction, Fact, ReasonKind, Subject, YoyChange};

crate::rule! {
    /// Flags a reason for a change whose own words say the opposite of the change: the figures
    /// went down and every direction word of the reason says up (`比上年预算减少 12.00万元，主要原因
    /// 是人员增加、工资调标`), or the other way round (`增加…，主要原因是项目经费压减`).
    ///
    /// A reason copied from another item, or from last year's text, explains a change that did
    /// not happen. It is a warning, never an error: a reason may name a movement of something
    /// else that pulls the other way. So it fires only when the change's direction is certain
    /// (its amount or rate is more than nothing, and its words and stated prior year agree), the
    /// reason comes right after the change (no other change between them), names no other year,
    /// has no denied direction word (`未增加`), and all its direction words point one way; a
    /// carry-over, which falls as spending rises, is left out. The words are the `wording` lists.
    ///
    /// Example: `2024年预算安排110.60万元，比2023年预算执行数减少2.98%。主要原因是：宣传事务一般
    /// 行政管理事务经费增加。`
    REASON_AGAINST_CHANGE: code "W008", name "reason-against-change", family Text, severity Warning, check check
}

fn check(cx: &Context, sink: &mut Sink) {
    let facts = &cx.doc.narrative.facts;
    let year = cx.doc.year.as_ref().map(|y| y.value);
    for f in facts {
        let (Some(ch), Some(reason)) = (&f.change, &f.reason) else { continue };
        // A carry-over falls as spending rises (`结转减少，主要原因是支出进度加快、支出增加`):
        // its reasons name the opposite movement by nature.
        let carry_over = matches!(f.subject, Subject::CarryOver(_) | Subject::CarryOverItem(_));
        if f.reason_kind != Some(ReasonKind::Cause) || carry_over {
            continue;
        }
        let Some(way) = certain_way(f, ch) else { continue };
        // Another change between this one and the reason: the reason may be that one's.
        let between = facts.iter().filter_map(|g| g.change.as_ref()).any(|g| {
            (g.span.line, g.span.col) > (ch.span.line, ch.span.col)
                && (g.span.line, g.span.col) < (reason.span.line, reason.span.col)
        });
        if between {
            continue;
        }
        let Some((said, words)) = reason_way(&reason.value, year) else { continue };
        if said == way {
            continue;
        }
        let figure = ch
            .amount
            .as_ref()
            .map(|a| format!("{}{}", a.value.value, a.value.unit.label()))
            .or_else(|| ch.rate.as_ref().map(|r| format!("{}%", r.value.0)))
            .unwrap_or_default();
        let phrase = f.phrase.trim().trim_matches(['"', '“', '”']);
        let (said_zh, said_en) = if said == Way::Up { ("增加", "a rise") } else { ("减少", "a fall") };
        let quoted = words.iter().map(|w| format!("“{w}”")).collect::<Vec<_>>().join("、");
        let dw = &ch.direction_word;
        let mut finding = sink.finding(
            reason.span,
            Message::new(
                format!("原因与增减方向相反：“{phrase}”{dw}{figure}，所述原因却是{said_zh}（{quoted}）"),
                format!(
                    "the reason points the other way: '{phrase}' {dw} {figure}, but the reason states {said_en} ({})",
                    words.join(", ")
                ),
            ),
        );
        finding.related = vec![Related { span: ch.span, label: Message::new("增减变化", "the change") }];
        sink.push(finding);
    }
}

/// The direction of a change when nothing about it is in doubt: up or down (not flat), more than
/// nothing, no negative figure, the rate's word the same way, and a stated prior year on the
/// same side.
fn certain_way(f: &Fact, ch: &YoyChange) -> Option<Way> {
    let way = match ch.direction {
        Direction::Increase => Way::Up,
        Direction::Decrease => Way::Down,
        Direction::Flat => return None,
    };
    let amount_moved = ch.amount.as_ref().map(|a| a.value.value > Decimal::ZERO && a.value.bounds().lo > Decimal::ZERO);
    let rate_moved = ch.rate.as_ref().map(|r| r.value.0 > Decimal::ZERO && rate_interval(&r.value).lo > Decimal::ZERO);
    // Every stated figure of the change must have moved (none zero, none negative).
    if amount_moved == Some(false) || rate_moved == Some(false) || (amount_moved.is_none() && rate_moved.is_none()) {
        return None;
    }
    if let Some(word) = &ch.rate_word {
        let table = [(RISE, Way::Up), (FALL, Way::Down)];
        if direction_at(word, &table).is_some_and(|(_, w)| w != way) {
            return None;
        }
    }
    if let (Some(prior), Some(now)) = (&f.prior, &f.amount) {
        let diff = now.value.bounds() - prior.amount.value.bounds();
        let sure = if diff.lo > Decimal::ZERO {
            Way::Up
        } else if diff.hi < Decimal::ZERO {
            Way::Down
        } else {
            return None;
        };
        if sure != way {
            return None;
        }
    }
    Some(way)
}

/// The one way every direction word of a reason points, and the words; `None` when it has none,
/// points both ways, denies one, or names another year.
fn reason_way(reason: &str, year: Option<u16>) -> Option<(Way, Vec<&'static str>)> {
    if OTHER_YEAR.iter().any(|w| reason.contains(w)) || names_other_year(reason, year) {
        return None;
    }
    let table = [(RISE, Way::Up), (RISE_IN_REASONS, Way::Up), (FALL, Way::Down), (FALL_IN_REASONS, Way::Down)];
    let mut found: Vec<(&'static str, Way)> = Vec::new();
    let mut skip_to = 0;
    for (i, _) in reason.char_indices() {
        if i < skip_to {
            continue;
        }
        let Some((word, way)) = direction_at(&reason[i..], &table) else { continue };
        skip_to = i + word.len();
        if NEGATIONS.iter().any(|n| reason[..i].ends_with(n) || reason[..i].ends_with(&format!("{n}再"))) {
            return None;
        }
        // What the word moves: the rest of its clause.
        let clause = reason[skip_to..].split(['，', '、', '；', '。', ',', ';']).next().unwrap_or_default();
        if NOT_MONEY.iter().any(|m| clause.contains(m)) {
            continue;
        }
        found.push((word, way));
    }
    let (_, first) = *found.first()?;
    found.iter().all(|(_, w)| *w == first).then(|| (first, found.iter().map(|(w, _)| *w).collect()))
}

/// Whether the reason writes a year (`2023年`) other than the budget's.
fn names_other_year(reason: &str, year: Option<u16>) -> bool {
    let chars: Vec<char> = reason.chars().collect();
    chars.windows(5).any(|w| {
        let [a, b, c, d, e] = w else { return false };
        let digits: String = [a, b, c, d].iter().copied().collect();
        *e == '年' && digits.chars().all(|c| c.is_ascii_digit()) && digits.parse::<u16>().ok() != year
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_way_or_none() {
        let up = |r: &str| reason_way(r, Some(2024)).map(|(w, _)| w);
        assert_eq!(up("人员增加、工资调标"), Some(Way::Up));
        assert_eq!(up("项目经费压减"), Some(Way::Down));
        assert_eq!(up("人员减少，但工资调标增加"), None);
        assert_eq!(up("人员未增加"), None);
        assert_eq!(up("不再新增项目"), None);
        assert_eq!(up("上年一次性项目增加"), None);
        assert_eq!(up("2023年有一次性项目增加"), None);
        assert_eq!(up("2024年考务经费减少"), Some(Way::Down));
        assert_eq!(up("项目调整"), None);
        // 提高 of no money moves no figure; what is left says down.
        assert_eq!(up("提高资金使用效率，压减一般性支出"), Some(Way::Down));
        assert_eq!(up("提高效率"), None);
    }

    /// Every pair of direction words of the lists, as a reason for a fall: it points one way
    /// exactly when both words do, and a denied word makes it point nowhere.
    #[test]
    fn every_pair_of_words() {
        let all: Vec<(&str, Way)> =
            [(RISE, Way::Up), (RISE_IN_REASONS, Way::Up), (FALL, Way::Down), (FALL_IN_REASONS, Way::Down)]
                .iter()
                .flat_map(|(l, w)| l.iter().map(move |x| (*x, *w)))
                .collect();
        for (a, wa) in &all {
            for (b, wb) in &all {
                let reason = format!("公用经费{a}、人员经费{b}");
                let got = reason_way(&reason, Some(2024)).map(|(w, _)| w);
                let want = (wa == wb).then_some(*wa);
                assert_eq!(got, want, "{reason}");
                for n in NEGATIONS {
                    let denied = format!("公用经费{n}{a}、人员经费{b}");
                    assert_eq!(reason_way(&denied, Some(2024)), None, "{denied}");
                }
            }
        }
    }
}

#[cfg(test)]
mod rule_tests {
    /// How many W008 warnings a sentence of the 基本支出 raises.
    fn fires(change: &str, reason: &str) -> usize {
        let text = format!(
            "三、关于某某县自然资源局2024年支出预算情况说明\n某某县自然资源局2024年支出预算1,050.52万元，其中：\n基本支出448.52万元，比上年预算{change}，主要原因是{reason}。\n"
        );
        let doc = yusuan_readers::text::read_str(&text);
        let report = crate::check(&doc, &crate::Config::default(), yusuan_model::Catalog::shared_builtin());
        report.of_rule("W008").count()
    }

    #[test]
    fn a_carry_over_falls_as_spending_rises() {
        let text = "三、关于某某县自然资源局2024年收入预算情况说明\n上年结转结余30.00万元，比上年预算减少10.00万元，主要原因是支出进度加快、支出增加。\n";
        let doc = yusuan_readers::text::read_str(text);
        assert!(doc.narrative.facts.iter().any(|f| f.reason.is_some()), "the reason is read");
        let report = crate::check(&doc, &crate::Config::default(), yusuan_model::Catalog::shared_builtin());
        assert_eq!(report.of_rule("W008").count(), 0);
        // The same words for spending are a contradiction.
        let spent = text.replace("上年结转结余", "项目支出");
        let report = crate::check(
            &yusuan_readers::text::read_str(&spent),
            &crate::Config::default(),
            yusuan_model::Catalog::shared_builtin(),
        );
        assert_eq!(report.of_rule("W008").count(), 1);
    }

    #[test]
    fn edge_cases() {
        let cases: &[(&str, &str, usize)] = &[
            ("减少12.00万元", "人员增加、工资调标", 1),
            ("增加12.00万元", "项目经费压减", 1),
            ("增加12.00万元，增长2.75%", "取消部分项目", 1),
            ("减少2.61%", "新增信息化项目", 1),
            // The reason agrees, says nothing of a direction, or points both ways.
            ("减少12.00万元", "人员减少", 0),
            ("减少12.00万元", "项目调整", 0),
            ("减少12.00万元", "人员减少，但工资调标增加", 0),
            ("增加12.00万元", "新增项目，同时压减一般性支出", 0),
            // Denied words.
            ("减少12.00万元", "人员未增加", 0),
            ("减少12.00万元", "没有新增人员", 0),
            ("增加12.00万元", "不再压减经费", 0),
            ("增加12.00万元", "无取消项目", 0),
            // Another year's movement may explain this year's opposite one.
            ("减少12.00万元", "上年一次性项目增加", 0),
            ("减少12.00万元", "2023年新增一次性项目", 0),
            // A rise of no money.
            ("减少12.00万元", "提高资金使用效率", 0),
            // The change's direction is not certain: nothing moved, flat, its words disagree.
            ("增加0.00万元", "经费压减", 0),
            ("增加0.00万元，增长0.00%", "经费压减", 0),
            ("持平", "经费压减", 0),
            ("减少12.00万元，增长2.75%", "人员增加", 0),
        ];
        for (change, reason, want) in cases {
            assert_eq!(fires(change, reason), *want, "{change}，主要原因是{reason}");
        }
    }
}
