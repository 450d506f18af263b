//! Which statements together make up another: a total's 其中 parts, declared as partitions of a
//! subject (every member named, nothing counted twice). A partition is whole when every member
//! is stated, or the tables say the members left out are nothing.

use super::mapping::{key, known_zero, Key};
use crate::context::Context;
use yusuan_model::narrative::{
    Basic as B, CarryOver as C, Fact, FundSource as F, Procurement as Pr, Scope, Subject, ThreePublic as P,
};

/// The ways a subject splits into parts that add up to it.
const fn p(whole: Key, members: &'static [Key]) -> (Key, &'static [Key]) {
    (whole, members)
}

const INCOME_BY_SOURCE: &[Key] = &[
    Key::Source(F::GeneralBudget),
    Key::Source(F::GovernmentFund),
    Key::Source(F::StateCapital),
    Key::Source(F::SpecialAccount),
    Key::Source(F::UnitFunds),
    Key::CarryOver(C::Fiscal),
    Key::CarryOver(C::NonFiscal),
];
const INCOME_CARRY_WHOLE: &[Key] = &[
    Key::Source(F::GeneralBudget),
    Key::Source(F::GovernmentFund),
    Key::Source(F::StateCapital),
    Key::Source(F::SpecialAccount),
    Key::Source(F::UnitFunds),
    Key::CarryOver(C::All),
];
const INCOME_FISCAL: &[Key] = &[
    Key::Source(F::FiscalAppropriation),
    Key::Source(F::SpecialAccount),
    Key::Source(F::UnitFunds),
    Key::CarryOver(C::Fiscal),
    Key::CarryOver(C::NonFiscal),
];
const BASIC_PROJECT: &[Key] = &[Key::Basic(B::Total), Key::Project];

pub const PARTITIONS: &[(Key, &[Key])] = &[
    p(Key::TotalIncome, INCOME_BY_SOURCE),
    p(Key::TotalIncome, INCOME_CARRY_WHOLE),
    p(Key::TotalIncome, INCOME_FISCAL),
    p(Key::TotalBudget, INCOME_BY_SOURCE),
    p(Key::TotalBudget, INCOME_CARRY_WHOLE),
    p(Key::TotalBudget, INCOME_FISCAL),
    p(Key::TotalExpenditure, BASIC_PROJECT),
    p(Key::TotalBudget, BASIC_PROJECT),
    // 一般公共预算拨款合计…，其中：基本支出…，项目支出…
    p(Key::Source(F::GeneralBudget), BASIC_PROJECT),
    p(Key::Source(F::FiscalAppropriation), BASIC_PROJECT),
    p(
        Key::Source(F::FiscalAppropriation),
        &[Key::Source(F::GeneralBudget), Key::Source(F::GovernmentFund), Key::Source(F::StateCapital)],
    ),
    p(Key::Basic(B::Total), &[Key::Basic(B::Personnel), Key::Basic(B::Operating)]),
    p(Key::CarryOver(C::All), &[Key::CarryOver(C::Fiscal), Key::CarryOver(C::NonFiscal)]),
    p(
        Key::ThreePublic(P::Total),
        &[Key::ThreePublic(P::Overseas), Key::ThreePublic(P::Reception), Key::ThreePublic(P::Vehicle)],
    ),
    p(
        Key::ThreePublic(P::Total),
        &[
            Key::ThreePublic(P::Overseas),
            Key::ThreePublic(P::Reception),
            Key::ThreePublic(P::VehiclePurchase),
            Key::ThreePublic(P::VehicleOperation),
        ],
    ),
    p(Key::ThreePublic(P::Vehicle), &[Key::ThreePublic(P::VehiclePurchase), Key::ThreePublic(P::VehicleOperation)]),
    p(
        Key::Procurement(Pr::Total),
        &[Key::Procurement(Pr::Goods), Key::Procurement(Pr::Works), Key::Procurement(Pr::Services)],
    ),
];

/// The parts of a fact by one partition: the facts stated for its members, and whether they are
/// the whole of it.
pub struct Split<'a> {
    /// `(index, fact)` of every part stated, in printed order.
    pub parts: Vec<(usize, &'a Fact)>,
    /// Every member is stated, or the tables say the ones left out are nothing.
    pub complete: bool,
}

/// Whether a transfer line makes the income split ambiguous: 上级转移支付 is a 其中 of its
/// source in the tables but a sibling of it in some narratives; a stated non-zero transfer
/// leaves unknown which.
fn transfer_stated(children: &[(usize, &Fact)]) -> bool {
    children.iter().any(|(_, f)| {
        matches!(f.subject, Subject::Source(F::GeneralTransfer | F::GovernmentFundTransfer | F::StateCapitalTransfer))
            && f.amount.as_ref().is_some_and(|a| !a.value.is_zero())
    })
}

/// A fact's whole: its `parent`, or the nearest one above it that a partition splits into this
/// fact's kind (a list inside a part, `人员经费…，主要包括：…；公用经费…`, can leave the next part
/// under the previous one).
fn whole_of(facts: &[Fact], f: &Fact) -> Option<usize> {
    let direct = f.parent?;
    let Some(k) = key(&f.subject) else { return Some(direct) };
    let splits_into = |w: usize| {
        facts
            .get(w)
            .and_then(|w| key(&w.subject))
            .is_some_and(|wk| PARTITIONS.iter().any(|(x, m)| *x == wk && m.contains(&k)))
    };
    let mut at = Some(direct);
    for _ in 0..3 {
        match at {
            Some(w) if splits_into(w) => return Some(w),
            Some(w) => at = facts.get(w).and_then(|x| x.parent),
            None => break,
        }
    }
    Some(direct)
}

/// The facts whose whole is `whole`.
pub fn children(facts: &[Fact], whole: usize) -> Vec<(usize, &Fact)> {
    facts.iter().enumerate().filter(|(_, f)| whole_of(facts, f) == Some(whole)).collect()
}

/// The partition of the whole fact its stated children fit best (the most members stated),
/// with the children that are its parts. `None` when the whole has no declared partition or
/// no child is a member, or a member is stated twice.
pub fn split<'a>(cx: &Context, facts: &'a [Fact], whole: usize) -> Option<Split<'a>> {
    let w = facts.get(whole)?;
    let wk = key(&w.subject)?;
    let kids = children(facts, whole);
    if transfer_stated(&kids) {
        return None;
    }
    PARTITIONS
        .iter()
        .filter(|(k, _)| *k == wk)
        .filter_map(|(_, members)| {
            let parts: Vec<(usize, &Fact)> =
                kids.iter().copied().filter(|(_, f)| key(&f.subject).is_some_and(|k| members.contains(&k))).collect();
            let keys: Vec<Key> = parts.iter().filter_map(|(_, f)| key(&f.subject)).collect();
            let twice = keys.iter().enumerate().any(|(i, k)| keys.iter().skip(i + 1).any(|o| o == k));
            if parts.is_empty() || twice {
                return None;
            }
            let missing: Vec<Key> = members.iter().copied().filter(|m| !keys.contains(m)).collect();
            let scope = if w.scope == Scope::Unspecified { Scope::AllFunds } else { w.scope };
            let complete = missing.iter().all(|m| known_zero(cx, *m, scope));
            Some(Split { parts, complete })
        })
        .rev()
        .max_by_key(|s| (s.parts.len(), s.complete))
}
