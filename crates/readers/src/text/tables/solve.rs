//! Places a row's values in their columns. Text extracted from a PDF keeps a row's figures in
//! order but drops its blank cells, so `56.00 26.00 26.00 25.00 5.00` in a twelve-column table
//! does not say where each figure stands. The table's identities do: each row's total equals its
//! parts, each parent row equals the sum of its children, column by column, and cells other
//! tables pin down. This module finds every placement that satisfies them all, with every figure
//! taken as the interval its printed rounding allows; a row keeps all the placements that occur in
//! some complete solution, so an undecidable row is reported as such rather than guessed.

use rust_decimal::Decimal;
use yusuan_model::money::Interval;

/// A bound on one cell from outside the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// The cell is this amount (as an interval).
    Equal(Interval),
    /// The cell is at most this.
    AtMost(Decimal),
}

/// The placement problem of one panel.
#[derive(Clone, Debug, Default)]
pub struct Problem {
    pub columns: usize,
    /// `total column = Σ part columns`, within each row.
    pub column_sums: Vec<(usize, Vec<usize>)>,
    /// Each row's printed values as intervals, in order.
    pub rows: Vec<Vec<Interval>>,
    /// `parent row = Σ child rows`, column by column.
    pub tree: Vec<(usize, Vec<usize>)>,
    /// Bounds on single cells: row, column, bound.
    pub bounds: Vec<(usize, usize, Bound)>,
    /// Per row, the columns the text itself gives (a `|` table), if any; empty means none.
    pub pinned: Vec<Option<Vec<u16>>>,
}

/// What the solver concluded for one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Placement {
    Resolved(Vec<u16>),
    Ambiguous(Vec<Vec<u16>>),
    /// Nothing fits; the first placement that fits the row alone (or the leftmost).
    Inconsistent(Vec<u16>),
}

impl Bound {
    /// Whether a cell's interval can meet the bound.
    pub fn admits(&self, cell: Interval) -> bool {
        match self {
            Bound::Equal(i) => i.intersects(&cell),
            Bound::AtMost(hi) => cell.lo <= *hi,
        }
    }
}

/// An interval in integer units of 10^-scale 元: the solver's own arithmetic, exact and fast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Iv {
    lo: i128,
    hi: i128,
}

impl Iv {
    const ZERO: Iv = Iv { lo: 0, hi: 0 };

    fn intersects(&self, o: &Iv) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }
}

impl std::ops::Add for Iv {
    type Output = Iv;
    fn add(self, o: Iv) -> Iv {
        Iv { lo: self.lo + o.lo, hi: self.hi + o.hi }
    }
}

/// The problem in integers: every interval scaled by one power of ten.
struct Scaled {
    pinned: Vec<Option<Vec<u16>>>,
    columns: usize,
    column_sums: Vec<(usize, Vec<usize>)>,
    rows: Vec<Vec<Iv>>,
    tree: Vec<(usize, Vec<usize>)>,
    bounds: Vec<(usize, usize, IBound)>,
}

#[derive(Clone, Copy)]
enum IBound {
    Equal(Iv),
    AtMost(i128),
}

impl IBound {
    fn admits(&self, cell: Iv) -> bool {
        match self {
            IBound::Equal(i) => i.intersects(&cell),
            IBound::AtMost(hi) => cell.lo <= *hi,
        }
    }
}

/// Amounts beyond this many decimals of 元 are rounded outward (a bound, never a false exact).
const MAX_SCALE: u32 = 8;

fn scaled(d: Decimal, scale: u32, up: bool) -> i128 {
    let factor = Decimal::from(10i64.pow(scale));
    let x = d.checked_mul(factor).unwrap_or(if d.is_sign_negative() { Decimal::MIN } else { Decimal::MAX });
    let x = if up { x.ceil() } else { x.floor() };
    i128::try_from(x).unwrap_or(if up { i128::MAX / 4 } else { i128::MIN / 4 })
}

impl Scaled {
    fn of(p: &Problem) -> Scaled {
        let scale = p
            .rows
            .iter()
            .flatten()
            .flat_map(|i| [i.lo.scale(), i.hi.scale()])
            .chain(p.bounds.iter().flat_map(|(_, _, b)| match b {
                Bound::Equal(i) => [i.lo.scale(), i.hi.scale()],
                Bound::AtMost(d) => [d.scale(), 0],
            }))
            .max()
            .unwrap_or(0)
            .min(MAX_SCALE);
        let iv = |i: &Interval| Iv { lo: scaled(i.lo, scale, false), hi: scaled(i.hi, scale, true) };
        Scaled {
            pinned: p.pinned.clone(),
            columns: p.columns,
            column_sums: p.column_sums.clone(),
            rows: p.rows.iter().map(|r| r.iter().map(iv).collect()).collect(),
            tree: p.tree.clone(),
            bounds: p
                .bounds
                .iter()
                .map(|(r, c, b)| {
                    let b = match b {
                        Bound::Equal(i) => IBound::Equal(iv(i)),
                        Bound::AtMost(d) => IBound::AtMost(scaled(*d, scale, true)),
                    };
                    (*r, *c, b)
                })
                .collect(),
        }
    }
}

/// How much search one satisfiability test may do before it gives up (and then counts the
/// candidate as possible, so a hard table comes out ambiguous, never wrongly resolved).
const NODE_LIMIT: usize = 200_000;
/// Nodes all the pinned tests of one table may spend together. Past it, the candidates not yet
/// tested are kept (unknown is not impossible): a table of many interchangeable rows leaves
/// rows ambiguous sooner instead of spending seconds proving what it cannot.
const FEASIBLE_BUDGET: usize = 1_000_000;

type Candidate = Vec<u16>;

fn cell(values: &[Iv], cand: &[u16], col: usize) -> Iv {
    match cand.iter().position(|&c| c as usize == col) {
        Some(i) => values[i],
        None => Iv::ZERO,
    }
}

/// Every order-preserving placement of `k` values in `n` columns, as a list.
#[cfg(test)]
fn placements(k: usize, n: usize) -> Vec<Candidate> {
    let mut out = Vec::new();
    for_each_placement(k, n, &mut |c| out.push(c.to_vec()));
    out
}

impl Scaled {
    fn row_fits(&self, row: usize, cand: &[u16]) -> bool {
        let values = &self.rows[row];
        // The row's cells laid out once, so each rule is a few additions.
        let mut cells = vec![Iv::ZERO; self.columns];
        for (v, &c) in values.iter().zip(cand) {
            if let Some(slot) = cells.get_mut(c as usize) {
                *slot = *v;
            }
        }
        let at = |c: usize| cells.get(c).copied().unwrap_or(Iv::ZERO);
        self.column_sums.iter().all(|(total, parts)| {
            let sum = parts.iter().fold(Iv::ZERO, |acc, &p| acc + at(p));
            at(*total).intersects(&sum)
        }) && self.bounds.iter().filter(|(r, _, _)| *r == row).all(|(_, c, b)| b.admits(at(*c)))
    }

    /// The placements of a row that fit its own identities.
    fn row_candidates(&self, row: usize) -> Vec<Candidate> {
        if let Some(Some(p)) = self.pinned.get(row) {
            return if self.row_fits(row, p) { vec![p.clone()] } else { Vec::new() };
        }
        let mut out = Vec::new();
        for_each_placement(self.rows[row].len(), self.columns, &mut |c| {
            if self.row_fits(row, c) {
                out.push(c.to_vec());
            }
        });
        out
    }
}

/// Calls `f` with every order-preserving placement of `k` values in `n` columns.
fn for_each_placement(k: usize, n: usize, f: &mut dyn FnMut(&[u16])) {
    if k > n {
        return;
    }
    let mut idx: Vec<u16> = (0..k as u16).collect();
    loop {
        f(&idx);
        // Advance to the next combination in lexicographic order.
        let mut i = k;
        loop {
            if i == 0 {
                return;
            }
            i -= 1;
            if (idx[i] as usize) < n - k + i {
                idx[i] += 1;
                for j in i + 1..k {
                    idx[j] = idx[j - 1] + 1;
                }
                break;
            }
        }
    }
}

/// Indices into a row's candidate list: what is still possible for the row.
type Domain = Vec<u16>;

/// The rows' candidates with every candidate's cells worked out once.
struct Search<'a> {
    problem: &'a Scaled,
    /// Per row, per candidate, per column: the cell that candidate puts there.
    cells: Vec<Vec<Vec<Iv>>>,
    active: Vec<bool>,
    /// The tree rules each row takes part in.
    rules_of: Vec<Vec<usize>>,
    nodes: usize,
}

/// Per row and column, the lowest and highest amount the row's remaining candidates can put there.
#[derive(Clone)]
struct Reach {
    lo: Vec<Vec<i128>>,
    hi: Vec<Vec<i128>>,
}

impl<'a> Search<'a> {
    fn new(problem: &'a Scaled, cands: &[Vec<Candidate>], active: Vec<bool>) -> Self {
        let mut rules_of = vec![Vec::new(); problem.rows.len()];
        for (k, (parent, children)) in problem.tree.iter().enumerate() {
            for &r in children.iter().chain(std::iter::once(parent)) {
                if let Some(list) = rules_of.get_mut(r) {
                    if !list.contains(&k) {
                        list.push(k);
                    }
                }
            }
        }
        let cells = cands
            .iter()
            .enumerate()
            .map(|(r, list)| {
                list.iter().map(|c| (0..problem.columns).map(|col| cell(&problem.rows[r], c, col)).collect()).collect()
            })
            .collect();
        Search { problem, cells, active, rules_of, nodes: 0 }
    }

    fn reach(&self, domains: &[Domain]) -> Reach {
        let cols = self.problem.columns;
        let mut reach = Reach { lo: vec![vec![0; cols]; domains.len()], hi: vec![vec![0; cols]; domains.len()] };
        for (r, dom) in domains.iter().enumerate() {
            self.update(&mut reach, r, dom);
        }
        reach
    }

    /// Recomputes one row's reach after its domain changed.
    fn update(&self, reach: &mut Reach, r: usize, dom: &[u16]) {
        for col in 0..self.problem.columns {
            let (mut l, mut h) = (i128::MAX, i128::MIN);
            for &i in dom {
                let v = self.cells[r][i as usize][col];
                l = l.min(v.lo);
                h = h.max(v.hi);
            }
            if dom.is_empty() {
                (l, h) = (0, 0);
            }
            reach.lo[r][col] = l;
            reach.hi[r][col] = h;
        }
    }

    /// Whether rule `k` can still hold: for every column, the parent's reach meets the reach of
    /// the children's sum (exact for placed rows, bounds for the others).
    fn rule_possible(&self, k: usize, chosen: &[Option<u16>], reach: &Reach) -> bool {
        let (parent, children) = &self.problem.tree[k];
        let at = |r: usize, col: usize| match chosen[r] {
            Some(i) => {
                let v = self.cells[r][i as usize][col];
                (v.lo, v.hi)
            }
            None => (reach.lo[r][col], reach.hi[r][col]),
        };
        (0..self.problem.columns).all(|col| {
            let (mut lo, mut hi) = (0i128, 0i128);
            for &ch in children {
                let (l, h) = at(ch, col);
                lo += l;
                hi += h;
            }
            let (plo, phi) = at(*parent, col);
            plo <= hi && lo <= phi
        })
    }

    /// Removes from every domain the candidates that no choice of the others can complete
    /// (bounds consistency on the sum rules), until nothing changes. False when a domain empties.
    fn propagate(&self, domains: &mut [Domain], reach: &mut Reach) -> bool {
        let problem = self.problem;
        loop {
            let mut changed = false;
            for (k, (parent, children)) in problem.tree.iter().enumerate() {
                if !self.active[k] {
                    continue;
                }
                for &m in children.iter().chain(std::iter::once(parent)) {
                    let before = domains[m].len();
                    let cells = &self.cells[m];
                    // The other children's reach, column by column, summed once per member.
                    let mut others = vec![(0i128, 0i128); problem.columns];
                    for &ch in children.iter().filter(|&&ch| ch != m) {
                        for (col, o) in others.iter_mut().enumerate() {
                            o.0 += reach.lo[ch][col];
                            o.1 += reach.hi[ch][col];
                        }
                    }
                    let supported = |i: &u16| {
                        others.iter().enumerate().all(|(col, &(lo, hi))| {
                            let v = cells[*i as usize][col];
                            if m == *parent {
                                v.lo <= hi && lo <= v.hi
                            } else {
                                reach.lo[*parent][col] <= hi + v.hi && lo + v.lo <= reach.hi[*parent][col]
                            }
                        })
                    };
                    domains[m].retain(supported);
                    if domains[m].is_empty() {
                        return false;
                    }
                    if domains[m].len() != before {
                        changed = true;
                        self.update(reach, m, &domains[m]);
                    }
                }
            }
            if !changed {
                return true;
            }
        }
    }

    /// A complete placement within `domains`: `Some(Some(_))` found (candidate index per row),
    /// `Some(None)` there is none, `None` the node limit ran out first.
    fn solution(&mut self, domains: &[Domain], reach: &Reach) -> Option<Option<Vec<u16>>> {
        let mut domains = domains.to_vec();
        let mut reach = reach.clone();
        if !self.propagate(&mut domains, &mut reach) {
            return Some(None);
        }
        self.nodes = 0;
        // Most constrained rows first: settled rows prune the rest through the sums.
        let mut order: Vec<usize> = (0..domains.len()).collect();
        // Parents come before their children in a table, so document order settles a parent and
        // lets the sums prune its children; singletons go first all the same.
        order.sort_by_key(|&r| domains[r].len() > 1);
        let mut chosen: Vec<Option<u16>> = vec![None; domains.len()];
        let found = self.dfs(0, &order, &domains, &reach, &mut chosen)?;
        Some(found.then(|| chosen.iter().map(|c| c.unwrap_or(0)).collect()))
    }

    fn dfs(
        &mut self,
        depth: usize,
        order: &[usize],
        domains: &[Domain],
        reach: &Reach,
        chosen: &mut Vec<Option<u16>>,
    ) -> Option<bool> {
        let Some(&row) = order.get(depth) else { return Some(true) };
        for &cand in &domains[row] {
            self.nodes += 1;
            if self.nodes > NODE_LIMIT {
                chosen[row] = None;
                return None;
            }
            chosen[row] = Some(cand);
            let ok =
                self.rules_of[row].iter().filter(|&&k| self.active[k]).all(|&k| self.rule_possible(k, chosen, reach));
            // The solution is read from `chosen`, so a success leaves it in place.
            if ok && self.dfs(depth + 1, order, domains, reach, chosen)? {
                return Some(true);
            }
        }
        chosen[row] = None;
        Some(false)
    }

    /// For each row, the candidate indices that occur in some complete placement; `None` when
    /// there is no placement at all.
    fn feasible(&mut self, domains: &[Domain]) -> Option<Vec<Domain>> {
        let mut domains = domains.to_vec();
        let mut reach = self.reach(&domains);
        if !self.propagate(&mut domains, &mut reach) {
            return None;
        }
        // Candidates seen in a solution need no test of their own.
        let mut seen: Vec<Domain> = vec![Vec::new(); domains.len()];
        let record = |sol: &[u16], seen: &mut Vec<Domain>| {
            for (r, &c) in sol.iter().enumerate() {
                if !seen[r].contains(&c) {
                    seen[r].push(c);
                }
            }
        };
        match self.solution(&domains, &reach) {
            Some(None) => return None,
            Some(Some(sol)) => record(&sol, &mut seen),
            None => {}
        }
        let mut out = Vec::with_capacity(domains.len());
        let mut spent = 0usize;
        for row in 0..domains.len() {
            if domains[row].len() <= 1 {
                out.push(domains[row].clone());
                continue;
            }
            let mut keep = Vec::new();
            for cand in domains[row].clone() {
                if seen[row].contains(&cand) || spent > FEASIBLE_BUDGET {
                    keep.push(cand);
                    continue;
                }
                let mut pinned = domains.clone();
                pinned[row] = vec![cand];
                let mut pinned_reach = reach.clone();
                self.update(&mut pinned_reach, row, &pinned[row]);
                let found = self.solution(&pinned, &pinned_reach);
                spent += self.nodes;
                match found {
                    Some(Some(sol)) => {
                        record(&sol, &mut seen);
                        keep.push(cand);
                    }
                    // A test that ran out of nodes keeps the candidate: unknown is not impossible.
                    None => keep.push(cand),
                    Some(None) => {}
                }
            }
            out.push(keep);
        }
        Some(out)
    }
}

/// Places every row's values.
pub fn solve(problem: &Problem) -> Vec<Placement> {
    let problem = &Scaled::of(problem);
    let local: Vec<Vec<Candidate>> = problem.rows.iter().enumerate().map(|(r, _)| problem.row_candidates(r)).collect();
    // Rows that fit nowhere on their own still take part in the search, at their leftmost place.
    let cands: Vec<Vec<Candidate>> =
        local.iter().enumerate().map(|(r, d)| if d.is_empty() { fallback(problem, r) } else { d.clone() }).collect();
    let all: Vec<Domain> = cands.iter().map(|c| (0..c.len() as u16).collect()).collect();
    let all_active = vec![true; problem.tree.len()];
    let mut feasible = Search::new(problem, &cands, all_active.clone()).feasible(&all);
    if feasible.is_none() {
        // One slip in the document breaks one rule; find the rules whose removal alone restores a
        // solution and keep what any of those solutions allow.
        let mut union: Option<Vec<Domain>> = None;
        for k in 0..problem.tree.len() {
            let mut active = all_active.clone();
            active[k] = false;
            if let Some(f) = Search::new(problem, &cands, active).feasible(&all) {
                union = Some(match union {
                    None => f,
                    Some(u) => u
                        .into_iter()
                        .zip(f)
                        .map(|(mut a, b)| {
                            for c in b {
                                if !a.contains(&c) {
                                    a.push(c);
                                }
                            }
                            a.sort_unstable();
                            a
                        })
                        .collect(),
                });
            }
        }
        feasible = union;
    }
    (0..problem.rows.len())
        .map(|r| {
            if local[r].is_empty() {
                return Placement::Inconsistent(cands[r].first().cloned().unwrap_or_default());
            }
            let pick = |d: &Domain| d.iter().map(|&i| cands[r][i as usize].clone()).collect::<Vec<_>>();
            match feasible.as_ref().map(|f| pick(&f[r])) {
                Some(mut f) if f.len() == 1 => Placement::Resolved(f.remove(0)),
                Some(f) if f.len() > 1 => Placement::Ambiguous(f),
                _ if local[r].len() == 1 => Placement::Resolved(local[r][0].clone()),
                _ => Placement::Ambiguous(local[r].clone()),
            }
        })
        .collect()
}

/// The leftmost placement, for a row that fits no identity (or an empty list when it has more
/// values than the table has columns).
fn fallback(problem: &Scaled, row: usize) -> Vec<Candidate> {
    if let Some(Some(p)) = problem.pinned.get(row) {
        return vec![p.clone()];
    }
    let k = problem.rows[row].len();
    if k <= problem.columns {
        vec![(0..k as u16).collect()]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use yusuan_model::money::{AmountUnit, Money};

    fn iv(s: &str) -> Interval {
        Money::parse(s, AmountUnit::Wan).unwrap().bounds()
    }

    fn row(vals: &[&str]) -> Vec<Interval> {
        vals.iter().map(|v| iv(v)).collect()
    }

    #[test]
    fn combinations() {
        assert_eq!(placements(2, 3), vec![vec![0, 1], vec![0, 2], vec![1, 2]]);
        assert_eq!(placements(0, 3), vec![Vec::<u16>::new()]);
        assert!(placements(4, 3).is_empty());
        assert_eq!(placements(5, 12).len(), 792);
    }

    /// Table 3 of the seed: 合计 = 基本 + 项目; rows with two values are decided by the sums.
    #[test]
    fn column_sums_decide_two_value_rows() {
        let p = Problem {
            columns: 3,
            column_sums: vec![(0, vec![1, 2])],
            rows: vec![
                row(&["921.59", "319.59", "602.00"]),
                row(&["319.59", "319.59"]),
                row(&["56.00", "56.00"]),
                row(&["15.00", "15.00"]),
                row(&["531.00", "531.00"]),
            ],
            tree: vec![(0, vec![1, 2, 3, 4])],
            bounds: vec![],
            pinned: vec![],
        };
        let out = solve(&p);
        assert_eq!(out[0], Placement::Resolved(vec![0, 1, 2]));
        assert_eq!(out[1], Placement::Resolved(vec![0, 1]));
        assert_eq!(out[2], Placement::Resolved(vec![0, 2]));
        assert_eq!(out[4], Placement::Resolved(vec![0, 2]));
    }

    #[test]
    fn undecidable_rows_stay_ambiguous() {
        let p = Problem {
            columns: 3,
            column_sums: vec![(0, vec![1, 2])],
            rows: vec![row(&["5.00", "5.00"])],
            tree: vec![],
            bounds: vec![],
            pinned: vec![],
        };
        assert_eq!(solve(&p)[0], Placement::Ambiguous(vec![vec![0, 1], vec![0, 2]]));
        let pinned = Problem { bounds: vec![(0, 2, Bound::Equal(Interval::ZERO))], ..p.clone() };
        assert_eq!(solve(&pinned)[0], Placement::Resolved(vec![0, 1]));
        let capped = Problem { bounds: vec![(0, 1, Bound::AtMost(Decimal::from_str("0").unwrap()))], ..p };
        assert_eq!(solve(&capped)[0], Placement::Resolved(vec![0, 2]));
    }

    /// 合计 = 基本 + 项目 in each row, a parent row the sum of its children column by column.
    fn parent_of(parent: &[&str], children: &[&[&str]]) -> Problem {
        let mut rows = vec![row(parent)];
        rows.extend(children.iter().map(|c| row(c)));
        Problem {
            columns: 3,
            column_sums: vec![(0, vec![1, 2])],
            tree: vec![(0, (1..rows.len()).collect())],
            rows,
            ..Problem::default()
        }
    }

    #[test]
    fn rounding_is_an_interval_not_an_epsilon() {
        // Four 1.01 and a 2.00 under 6.06 = 4.06 + 2.00: the children's totals make 6.04, 0.02
        // short. Exact figures (or a fixed 0.01 tolerance) find no placement and leave every
        // child open between 基本 and 项目; six figures rounded to the cent allow 0.03, and then
        // only the 1.01s in 基本 and the 2.00 in 项目 add up.
        let four = ["1.01", "1.01"];
        let p = parent_of(&["6.06", "4.06", "2.00"], &[&four, &four, &four, &four, &["2.00", "2.00"]]);
        let out = solve(&p);
        assert_eq!(out[0], Placement::Resolved(vec![0, 1, 2]));
        for basic in &out[1..5] {
            assert_eq!(*basic, Placement::Resolved(vec![0, 1]));
        }
        assert_eq!(out[5], Placement::Resolved(vec![0, 2]));
        // 3.02 under a 基本 of 3.00 is 0.02 off with two figures, which rounding (0.01) cannot
        // make: a tolerance of 0.02 would place it in 基本 and 1.98 in 项目; intervals find no
        // placement, a slip, and leave the rows open rather than guess.
        let p = parent_of(&["5.00", "3.00", "2.00"], &[&["3.02", "3.02"], &["1.98", "1.98"]]);
        let out = solve(&p);
        assert_eq!(out[1], Placement::Ambiguous(vec![vec![0, 1], vec![0, 2]]));
        assert_eq!(out[2], Placement::Ambiguous(vec![vec![0, 1], vec![0, 2]]));
    }

    #[test]
    fn too_many_values_is_inconsistent_not_a_panic() {
        let p = Problem { columns: 2, rows: vec![row(&["1", "2", "3"])], ..Problem::default() };
        assert_eq!(solve(&p)[0], Placement::Inconsistent(vec![]));
    }
}
